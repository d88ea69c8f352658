## -*- texinfo -*-
## @deftypefn {} {@var{m} =} benchop_sandbox_register (@var{methods_dir}, @var{name})
## Register the uploaded method @var{name} of folder @var{methods_dir} and
## return its registry record, unless one of its function files would shadow
## a function Octave already has.
##
## An uploaded file named as a builtin, a library function or a benchop
## function (@code{tic}, @code{toc}, @code{print_usage}, @code{benchop_solve})
## would replace it for the whole session, the timing included: such a
## method is refused before any of its code runs.
## @end deftypefn

function m = benchop_sandbox_register (methods_dir, name)
  if (nargin != 2 || ! ischar (methods_dir) || ! ischar (name))
    print_usage ();
  endif
  folder = fullfile (methods_dir, name);
  files = dir (fullfile (folder, "*.m"));
  for i = 1:numel (files)
    [~, fn] = fileparts (files(i).name);
    if (exist (fn))
      error ("benchop_sandbox_register: %s.m would take the place of Octave's own %s: rename it",
             fn, fn);
    endif
  endfor
  benchop_methods ("add", methods_dir);
  m = benchop_methods ("get", name);
endfunction

%!test
%! dir = tempname ();
%! folder = fullfile (dir, "SBX-TOC");
%! mkdir (folder);
%! fid = fopen (fullfile (folder, "method.json"), "w");
%! fputs (fid, ['{"name": "SBX-TOC", "family": "other", "solver": "toc", ', ...
%!              '"problems": ["1a-I"], "levels": {"default": 1, "max": 1}}']);
%! fclose (fid);
%! fid = fopen (fullfile (folder, "toc.m"), "w");
%! fputs (fid, "function t = toc (varargin)\n  t = 0;\nendfunction\n");
%! fclose (fid);
%! unwind_protect
%!   fail ("benchop_sandbox_register (dir, 'SBX-TOC')", "toc.m would take the place");
%!   assert (! any (strcmp ({benchop_methods().name}, "SBX-TOC")));
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (dir, "s");
%! end_unwind_protect
%!error <Invalid call> benchop_sandbox_register ()
