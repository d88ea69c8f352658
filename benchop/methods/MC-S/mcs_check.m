## -*- texinfo -*-
## @deftypefn {} {@var{p} =} mcs_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for method MC-S, once,
## before any timing (@pxref{mcs_solve}), and return what
## @code{mcs_solve_checked} needs (@pxref{mc_check_problem}): the
## @code{model}, @code{payoff}, @code{exercise}, @code{barrier} and
## @code{output}, the evaluation points @code{S} as a row of doubles
## (n-by-2 for two assets) and the @code{shape} of the result, and
## @code{T}, @code{r}, the barrier @code{B} and the model's parameters as
## doubles.  @var{level} must be an integer from 1 to 14.
## @end deftypefn

function p = mcs_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  p = mc_check_problem (problem, level, 14, "mcs_check");
endfunction

%!test
%! q = benchop_problem ("1b-I");
%! p = mcs_check (q, 14);
%! assert ({p.model, p.payoff, p.exercise, p.barrier, p.output},
%!         {q.model, q.payoff, q.exercise, q.barrier, q.output});
%! assert ([p.S, p.T, p.r, p.B, p.K, p.sigma], [q.S(:).', q.T, q.r, Inf, q.K, q.sigma]);
%!test
%! ## a column of spots is priced as a row and returned as a column
%! q = benchop_problem ("1a-I");
%! q.S = q.S(:);
%! p = mcs_check (q, 1);
%! assert (p.S, q.S.');
%! assert (p.shape, [3 1]);

%!shared p
%! p = benchop_problem ("1a-I");
%!error mcs_check (p)
%!error mcs_check (p, 1, 2)
%!error <^mcs_check: PROBLEM must be a problem struct> mcs_check (3, 1)
%!error <^mcs_check: LEVEL must be an integer from 1 to 14> mcs_check (p, 0)
%!error <LEVEL must be> mcs_check (p, 1.5)
%!error <LEVEL must be> mcs_check (p, 15)
%!error <lacks field 'sigma'> mcs_check (rmfield (p, "sigma"), 1)
%!error <model 'sabr'> mcs_check (setfield (p, "model", "sabr"), 1)
%!error <lacks field 'V0'> mcs_check (setfield (p, "model", "heston"), 1)
%!error <priced only> mcs_check (setfield (benchop_problem ("4"), "output", "delta"), 1)
%!error <rho must lie> mcs_check (setfield (benchop_problem ("4"), "rho", 1), 1)
%!error <V0 must be> mcs_check (setfield (benchop_problem ("4"), "V0", 0), 1)
%!error <D must lie> mcs_check (setfield (benchop_problem ("2-eu"), "D", 1), 1)
%!error <alpha must lie> mcs_check (setfield (benchop_problem ("2-am"), "alpha", 1), 1)
%!error <lambda must be> mcs_check (setfield (benchop_problem ("5"), "lambda", -1), 1)
%!error <n-by-2> mcs_check (setfield (benchop_problem ("6"), "S", [100 90 80]), 1)
%!error <two assets> mcs_check (setfield (benchop_problem ("6"), "payoff", "call"), 1)
%!error <calls with r> mcs_check (setfield (benchop_problem ("2-am"), "r", -0.01), 1)
%!error <calls with r> mcs_check (setfield (benchop_problem ("2-am"), "payoff", "put"), 1)
%!error <not supported for model> mcs_check (setfield (benchop_problem ("4"), "exercise", "american"), 1)
%!error <black-scholes only> mcs_check (setfield (benchop_problem ("5"), "barrier", "up-and-out"), 1)
%!error <payoff 'exchange'> mcs_check (setfield (p, "payoff", "exchange"), 1)
%!error <payoff must be a string> mcs_check (setfield (p, "payoff", {"call"}), 1)
%!error <output 'theta'> mcs_check (setfield (p, "output", "theta"), 1)
%!error <positive spots> mcs_check (setfield (p, "S", [90 -1]), 1)
%!error <positive spots> mcs_check (setfield (p, "S", [90 NaN]), 1)
%!error <sigma must be a positive> mcs_check (setfield (p, "sigma", 0), 1)
%!error <positive scalars> mcs_check (setfield (p, "T", [1 2]), 1)
%!error <real scalar> mcs_check (setfield (p, "r", Inf), 1)
%!error <exercise 'bermudan'> mcs_check (setfield (p, "exercise", "bermudan"), 1)
%!error <barrier 'down-and-out'> mcs_check (setfield (p, "barrier", "down-and-out"), 1)
%!error <positive B> mcs_check (setfield (p, "barrier", "up-and-out"), 1)
%!error <priced only> mcs_check (setfield (benchop_problem ("1c-I"), "output", "delta"), 1)
%!error <priced only> mcs_check (setfield (benchop_problem ("1b-I"), "output", "vega"), 1)
%!error <American barrier> mcs_check (setfield (benchop_problem ("1c-I"), "exercise", "american"), 1)
