## -*- texinfo -*-
## @deftypefn {} {@var{cat} =} benchop_catalogue ()
## Return the problem catalogue, decoded from @file{catalogue.json}.
##
## The same file is read by the Python side, so problem ids, default
## parameters and published reference values live in one place.  The result
## is a struct with fields @code{parameters} (a struct of parameter schemas)
## and @code{problems} (a cell array of problem records).  The decoded file is
## kept for the life of the session.
## @end deftypefn

function cat = benchop_catalogue ()
  if (nargin != 0)
    print_usage ();
  endif
  persistent cached;
  if (isempty (cached))
    file = fullfile (benchop_root (), "catalogue.json");
    cached = jsondecode (fileread (file));
    if (isstruct (cached.problems))
      cached.problems = num2cell (cached.problems);
    endif
  endif
  cat = cached;
endfunction

%!test
%! c = benchop_catalogue ();
%! assert (numel (c.problems), 19);
%! ids = cellfun (@(p) p.id, c.problems, "uniformoutput", false);
%! assert (any (strcmp (ids, "1a-I")));
%! assert (any (strcmp (ids, "6")));
%!error benchop_catalogue (1)
