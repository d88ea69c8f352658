## -*- texinfo -*-
## @deftypefn  {} {[@var{U}, @var{times}, @var{info}] =} benchop_solve (@var{method}, @var{problem}, @var{level})
## @deftypefnx {} {[@var{U}, @var{times}, @var{info}] =} benchop_solve (@var{method}, @var{problem}, @var{level}, @var{repeats})
## Price @var{problem} with pricing method @var{method} at resolution
## @var{level}, timing the solver.
##
## @var{method} is a method name of the registry (@pxref{benchop_methods});
## no other string is ever called.  @var{problem} is a problem struct
## (@pxref{benchop_problem}).  @var{level} is a positive integer between 1
## and the method's maximum level; each level roughly doubles the work.
##
## The solver is called once to warm up, then @var{repeats} times (default 3)
## under @code{tic}/@code{toc}.  @var{U} is the row of values at the
## evaluation points from the last call, @var{times} the row of timed
## durations in seconds, and @var{info} the solver's own description of the
## resolution it used, with the field @code{level} added.
## @end deftypefn

function [U, times, info] = benchop_solve (method, problem, level, repeats = 3)
  if (nargin < 3 || nargin > 4)
    print_usage ();
  endif
  if (! ischar (method))
    error ("benchop_solve: METHOD must be a method name");
  endif
  if (! isstruct (problem) || ! isfield (problem, "id"))
    error ("benchop_solve: PROBLEM must be a problem struct");
  endif
  m = benchop_methods ("get", method);
  if (! any (strcmp (m.problems, problem.id)))
    error ("benchop_solve: method %s does not support problem %s", method,
           problem.id);
  endif
  if (! (isscalar (level) && level == fix (level) && level >= 1
         && level <= m.max_level))
    error ("benchop_solve: LEVEL must be an integer from 1 to %d for %s",
           m.max_level, method);
  endif
  if (! (isscalar (repeats) && repeats == fix (repeats) && repeats >= 1))
    error ("benchop_solve: REPEATS must be a positive integer");
  endif

  solver = str2func (m.solver);
  [U, info] = solver (problem, level);
  times = zeros (1, repeats);
  for i = 1:repeats
    t0 = tic ();
    [U, info] = solver (problem, level);
    times(i) = toc (t0);
  endfor
  U = reshape (U, 1, []);
  info.level = level;
endfunction

%!shared problem, reg
%! problem = benchop_problem ("1a-I");
%! reg = benchop_methods ();
%!test
%! for m = reg
%!   if (! strcmp (m.family, "test") && any (strcmp (m.problems, "1a-I")))
%!     [U, t, info] = benchop_solve (m.name, problem, 1, 2);
%!     assert (size (U), [1 3]);
%!     assert (size (t), [1 2]);
%!     assert (all (t >= 0));
%!     assert (info.level, 1);
%!   endif
%! endfor
%!error <unknown method> benchop_solve ("NOPE", problem, 1)
%!error <LEVEL must be> benchop_solve (reg(1).name, benchop_problem (reg(1).problems{1}), 0)
%!error <REPEATS must be> benchop_solve (reg(1).name, benchop_problem (reg(1).problems{1}), 1, 0)
%!error <PROBLEM must be> benchop_solve ("COS", 3, 1)
