## -*- texinfo -*-
## @deftypefn  {} {[@var{U}, @var{times}, @var{info}] =} benchop_solve (@var{method}, @var{problem}, @var{level})
## @deftypefnx {} {[@var{U}, @var{times}, @var{info}] =} benchop_solve (@var{method}, @var{problem}, @var{level}, @var{repeats})
## @deftypefnx {} {[@var{U}, @var{times}, @var{info}] =} benchop_solve (@var{method}, @var{problem}, @var{level}, @var{repeats}, @var{min_total}, @var{long_call})
## Price @var{problem} with pricing method @var{method} at resolution
## @var{level}, timing the solver.
##
## @var{method} is a method name of the registry (@pxref{benchop_methods});
## no other string is ever called.  @var{problem} is a problem struct
## (@pxref{benchop_problem}).  @var{level} is a positive integer between 1
## and the method's maximum level; each level costs more than the one below.
##
## The timed region is the pricing alone.  The problem and the level are
## checked once, before any timing: here, and by the method's own
## @code{check} function when it has one (@pxref{benchop_methods}), which
## also turns the problem struct into what its @code{price} function needs.
## Each timed call computes the prices from the parameters anew.  A method
## without a check and a price is timed whole (its own checks included).
##
## @var{repeats} 0 makes one call and times it: the single-call time of a
## level whose error is all that is asked.  Otherwise the pricing is called
## once to warm up, then timed @var{repeats} times (default 3), and more
## while the timed calls add up to less than @var{min_total} seconds
## (default 0), so that a call of microseconds is timed over many
## repeats; a warm-up of @var{long_call} seconds or more (default Inf) is
## followed by one timed call only.
##
## @var{U} is the row of values at the evaluation points from the first
## call (the one timed when @var{repeats} is 0, else the warm-up),
## @var{times} the row of timed durations in seconds, and @var{info} the
## solver's own description of the resolution it used in that first call,
## with the fields @code{level} and @code{timer_overhead} added: the median
## time of @code{tic} and @code{toc} around no work, in seconds, which every
## entry of @var{times} includes.  The repeats ask the pricing for its
## values alone (one output), so that a pricing may skip building its info
## there.
## @end deftypefn

function [U, times, info] = benchop_solve (method, problem, level, repeats = 3,
                                           min_total = 0, long_call = Inf)
  if (nargin < 3 || nargin > 6)
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
  if (! (isscalar (repeats) && repeats == fix (repeats) && repeats >= 0))
    error ("benchop_solve: REPEATS must be a nonnegative integer");
  endif
  if (! (isscalar (min_total) && isreal (min_total) && min_total >= 0
         && isfinite (min_total)))
    error ("benchop_solve: MIN_TOTAL must be a nonnegative number of seconds");
  endif
  if (! (isscalar (long_call) && isreal (long_call) && long_call > 0))
    error ("benchop_solve: LONG_CALL must be a positive number of seconds");
  endif

  if (isempty (m.price))
    price = str2func (m.solver);
    p = problem;
  else
    price = str2func (m.price);
    p = feval (m.check, problem, level);
  endif

  if (repeats == 0)
    t0 = tic ();
    [U, info] = price (p, level);
    times = toc (t0);
  else
    ## The warm-up gives the values and the info returned; the repeats ask
    ## for the values alone (a struct costs a pricing of microseconds 10 %).
    t0 = tic ();
    [U, info] = price (p, level);
    if (toc (t0) >= long_call)
      repeats = 1;
    endif
    times = zeros (1, repeats);
    total = 0;
    i = 0;
    while (i < repeats || total < min_total)
      t0 = tic ();
      Ut = price (p, level);
      t = toc (t0);
      i += 1;
      times(i) = t;
      total += t;
    endwhile
  endif
  U = reshape (U, 1, []);
  info.level = level;
  info.timer_overhead = timer_overhead ();
endfunction

## The median time of the timer itself: tic and toc around no work, 31 times
## (the clock counts whole microseconds, about the size of the overhead;
## sorted by the builtin: median would cost more than the calls).
function t = timer_overhead ()
  d = zeros (1, 31);
  for i = 1:numel (d)
    t0 = tic ();
    d(i) = toc (t0);
  endfor
  d = sort (d);
  t = d(16);
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
%!test
%! ## Nothing checks inside the timed call: the pricing of every method split
%! ## into a check and a price, profiled on every problem it supports, runs
%! ## no checking function.
%! for m = reg
%!   if (isempty (m.price))
%!     continue;
%!   endif
%!   for id = m.problems
%!     p = feval (m.check, benchop_problem (id{1}), 1);
%!     profile off;
%!     profile clear;
%!     profile on;
%!     feval (m.price, p, 1);
%!     profile off;
%!     s = profile ("info");
%!     names = {s.FunctionTable.FunctionName};
%!     ## check_level, fourier_check_problem, cos_check..., not *_solve_checked.
%!     checking = names(! cellfun (@isempty, regexp (names,
%!                                 "check(_|$)|validatestring|print_usage|inputParser")));
%!     assert (isempty (checking), "%s on %s checks in its timed call: %s",
%!             m.name, id{1}, strjoin (checking, ", "));
%!   endfor
%! endfor
%!test
%! ## The timer's own cost is reported, and small.
%! [~, ~, info] = benchop_solve ("COS", problem, 1, 1);
%! assert (info.timer_overhead > 0 && info.timer_overhead < 1e-4);
%!error <unknown method> benchop_solve ("NOPE", problem, 1)
%!error <LEVEL must be> benchop_solve (reg(1).name, benchop_problem (reg(1).problems{1}), 0)
%!test
%! ## One untimed-warm-up call: its time alone.
%! [U, t] = benchop_solve ("COS", problem, 1, 0);
%! assert (size (U), [1 3]);
%! assert (numel (t), 1);
%!test
%! ## Fast calls repeat until the timed total reaches MIN_TOTAL.
%! [~, t] = benchop_solve ("COS", problem, 1, 2, 0.02);
%! assert (numel (t) > 2);
%! assert (sum (t) >= 0.02);
%! assert (sum (t(1:end-1)) < 0.02);
%!test
%! ## A warm-up of LONG_CALL seconds or more: one timed call.
%! [~, t] = benchop_solve ("COS", problem, 1, 5, 0, 1e-9);
%! assert (numel (t), 1);
%!error <REPEATS must be> benchop_solve (reg(1).name, benchop_problem (reg(1).problems{1}), 1, -1)
%!error <REPEATS must be> benchop_solve (reg(1).name, benchop_problem (reg(1).problems{1}), 1, 1.5)
%!error <MIN_TOTAL must be> benchop_solve ("COS", problem, 1, 1, -1)
%!error <LONG_CALL must be> benchop_solve ("COS", problem, 1, 1, 0, 0)
%!error <PROBLEM must be> benchop_solve ("COS", 3, 1)
