## -*- texinfo -*-
## @deftypefn {} {@var{p} =} qmcs_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for method QMC-S, once,
## before any timing (@pxref{qmcs_solve}), and return what
## @code{qmcs_solve_checked} needs (@pxref{mc_check_problem}): the
## @code{model}, @code{payoff}, @code{exercise}, @code{barrier} and
## @code{output}, the evaluation points @code{S} as a row of doubles
## (n-by-2 for two assets) and the @code{shape} of the result, and
## @code{T}, @code{r}, the barrier @code{B} and the model's parameters as
## doubles.  @var{level} must be an integer from 1 to 14.
## @end deftypefn

function p = qmcs_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  p = mc_check_problem (problem, level, 14, "qmcs_check");
endfunction

%!test
%! q = benchop_problem ("5");
%! p = qmcs_check (q, 14);
%! assert ({p.model, p.payoff, p.exercise, p.barrier, p.output},
%!         {q.model, q.payoff, q.exercise, q.barrier, q.output});
%! assert ([p.S, p.T, p.r, p.B, p.K, p.sigma, p.lambda, p.gamma, p.delta],
%!         [q.S(:).', q.T, q.r, Inf, q.K, q.sigma, q.lambda, q.gamma, q.delta]);
%!test
%! ## two assets: the pairs as given, one result per pair
%! q = benchop_problem ("6");
%! p = qmcs_check (q, 1);
%! assert (p.S, q.S);
%! assert (p.shape, [rows(q.S), 1]);

%!shared p
%! p = benchop_problem ("1a-I");
%!error qmcs_check (p)
%!error qmcs_check (p, 1, 2)
%!error <^qmcs_check: PROBLEM must be a problem struct> qmcs_check (3, 1)
%!error <^qmcs_check: LEVEL must be an integer from 1 to 14> qmcs_check (p, 0)
%!error <LEVEL must be> qmcs_check (p, 15)
%!error <lacks field 'sigma'> qmcs_check (rmfield (p, "sigma"), 1)
%!error <model 'sabr'> qmcs_check (setfield (p, "model", "sabr"), 1)
%!error <lacks field 'V0'> qmcs_check (setfield (p, "model", "heston"), 1)
%!error <sigma_v must be> qmcs_check (setfield (benchop_problem ("4"), "sigma_v", 0), 1)
%!error <rho must lie> qmcs_check (setfield (benchop_problem ("4"), "rho", 1.5), 1)
%!error <payoff 'exchange'> qmcs_check (setfield (p, "payoff", "exchange"), 1)
%!error <model must be a string> qmcs_check (setfield (p, "model", 1), 1)
%!error <output 'theta'> qmcs_check (setfield (p, "output", "theta"), 1)
%!error <positive spots> qmcs_check (setfield (p, "S", [90 -1]), 1)
%!error <sigma must be> qmcs_check (setfield (p, "sigma", 0), 1)
%!error <real scalar> qmcs_check (setfield (p, "r", NaN), 1)
%!error <priced only> qmcs_check (setfield (benchop_problem ("5"), "output", "delta"), 1)
%!error <rho must lie> qmcs_check (setfield (benchop_problem ("6"), "rho", -1), 1)
%!error <D must lie> qmcs_check (setfield (benchop_problem ("2-eu"), "D", -0.1), 1)
%!error <calls with r> qmcs_check (setfield (benchop_problem ("2-am"), "r", -0.01), 1)
%!error <not supported for model> qmcs_check (setfield (benchop_problem ("5"), "exercise", "american"), 1)
%!error <priced only> qmcs_check (setfield (benchop_problem ("1b-I"), "output", "delta"), 1)
%!error <barrier options are priced only> qmcs_check (setfield (benchop_problem ("1c-I"), "output", "vega"), 1)
%!error <exercise 'bermudan'> qmcs_check (setfield (p, "exercise", "bermudan"), 1)
%!error <lambda must be> qmcs_check (setfield (benchop_problem ("5"), "lambda", -1), 1)
%!error <alpha must lie> qmcs_check (setfield (benchop_problem ("2-am"), "alpha", 0), 1)
%!error <positive scalars> qmcs_check (setfield (benchop_problem ("3-I"), "T", 0), 1)
%!error <n-by-2> qmcs_check (setfield (benchop_problem ("6"), "S", [1 2 3]), 1)
