## -*- texinfo -*-
## @deftypefn  {} {} benchop_lean_path ()
## @deftypefnx {} {@var{removed} =} benchop_lean_path ()
## Remove from the load path the parts of Octave's own function library
## that a headless pricing session never calls: drawing and the look of
## graphics (not @file{plot/util}, which holds @code{meshgrid} and
## @code{ndgrid}), images, the GUI, Java, the web, audio, FTP, packages,
## preferences, deprecated and legacy functions, geometry and ODE solvers.
##
## Octave 7 reads every directory of its load path again before each
## prompt, a stat of every file, so that a file changed on disk is seen at
## the next command.  A service session answers each task at a prompt: with
## Octave's whole library on the path that costs some milliseconds per
## task, in proportion to the number of files, whatever the task computes.
## Nothing in the benchop tree calls the functions removed; its tests run
## with the same path.
##
## @var{removed} is the cell of directories taken off the path.
## @end deftypefn

function removed = benchop_lean_path ()
  if (nargin != 0)
    print_usage ();
  endif
  unused = {"plot/draw", "plot/appearance", "image", "gui", "java", "web", ...
            "audio", "@ftp", "+matlab", "+containers", "pkg", "prefs", ...
            "deprecated", "legacy", "startup", "geometry", "ode"};
  library = __octave_config_info__ ("fcnfiledir");
  dirs = strsplit (path (), pathsep);
  drop = false (size (dirs));
  for i = 1:numel (unused)
    d = fullfile (library, unused{i});  # and its subdirectories
    drop |= strcmp (dirs, d) | strncmp (dirs, [d filesep], numel (d) + 1);
  endfor
  removed = dirs(drop);
  if (! isempty (removed))
    rmpath (removed{:});
  endif
endfunction

%!test
%! saved = path ();
%! unwind_protect
%!   library = __octave_config_info__ ("fcnfiledir");
%!   ## (A session may have made its path lean already.)
%!   addpath (fullfile (library, "plot", "draw"), fullfile (library, "gui"), "-end");
%!   removed = benchop_lean_path ();
%!   assert (any (strcmp (removed, fullfile (library, "plot", "draw"))));
%!   assert (isempty (strfind (path (), fullfile (library, "gui"))));
%!   ## What the pricing and its tests use stays.
%!   for f = {"repmat", "interp1", "unique", "print_usage", "test", "profile", ...
%!            "validatestring", "median", "speye", "primes", "fzero", "fileread", ...
%!            "meshgrid", "ndgrid", "pchip", "accumarray", "trapz", "quadgk"}
%!     assert (! isempty (which (f{1})), "%s is gone", f{1});
%!   endfor
%!   ## A second call finds nothing more to remove.
%!   assert (benchop_lean_path (), cell (1, 0));
%! unwind_protect_cleanup
%!   path (saved);
%! end_unwind_protect
%!error benchop_lean_path (1)
