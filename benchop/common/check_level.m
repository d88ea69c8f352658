## -*- texinfo -*-
## @deftypefn {} {} check_level (@var{who}, @var{level}, @var{max_level})
## Check that @var{level} is an integer resolution level from 1 to
## @var{max_level}; the error names the calling solver @var{who}.
##
## Solvers check their level themselves (and not only through
## @code{benchop_solve}) so that they can be called on their own.
## @end deftypefn

function check_level (who, level, max_level)
  if (nargin != 3)
    print_usage ();
  endif
  if (! (isnumeric (level) && isreal (level) && isscalar (level)
         && level == fix (level) && level >= 1 && level <= max_level))
    error ("%s: LEVEL must be an integer from 1 to %d", who, max_level);
  endif
endfunction

%!test
%! check_level ("f", 3, 3);
%!error <f: LEVEL must be an integer from 1 to 4> check_level ("f", 0, 4)
%!error <LEVEL must be> check_level ("f", 2.5, 4)
%!error <LEVEL must be> check_level ("f", 5, 4)
%!error <LEVEL must be> check_level ("f", "2", 4)
%!error <LEVEL must be> check_level ("f", [1 2], 4)
%!error check_level ("f", 1)
