## -*- texinfo -*-
## @deftypefn {} {@var{p} =} mc_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for method MC, once,
## before any timing (@pxref{mc_solve}), and return what
## @code{mc_solve_checked} needs, as numbers.
##
## The checks are the Monte Carlo methods' shared ones
## (@pxref{mc_check_problem}); on top of them, American exercise is
## refused: plain Monte Carlo has no exercise rule (MC-S and QMC-S fit one).
## @var{level} must be an integer from 1 to 14.
##
## @var{p} holds the evaluation points @code{S} as doubles (a row, or an
## n-by-2 matrix of spot pairs for two assets), the @code{shape} of the
## result, @code{T}, @code{r}, the barrier @code{B} (@code{Inf} for none)
## and the model's own parameters as doubles, and instead of the problem's
## descriptor strings three numbers the pricing branches on:
##
## @table @code
## @item kind
## the model: 1 Black-Scholes, 2 Black-Scholes with a discrete
## proportional dividend, 3 parametric local volatility, 4 local volatility
## from the implied surface, 5 Heston, 6 Merton, 7 two-asset Black-Scholes
## (exchange option);
## @item put
## true for a put, false for a call (or the exchange payoff);
## @item greek
## the output: 0 price, 1 delta, 2 gamma, 3 vega.
## @end table
## @end deftypefn

function p = mc_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  q = mc_check_problem (problem, level, 14, "mc_check");
  if (strcmp (q.exercise, "american"))
    error ("mc_check: American exercise is out of scope for plain Monte Carlo (no exercise rule)");
  endif
  p = mc_descriptor_codes (q);
endfunction

%!test
%! q = benchop_problem ("1a-I-vega");
%! p = mc_check (q, 14);
%! assert ([p.kind, p.put, p.greek], [1 0 3]);
%! assert ([p.S, p.T, p.r, p.B, p.K, p.sigma], [q.S(:).', q.T, q.r, Inf, q.K, q.sigma]);
%! assert (! isfield (p, "model") && ! isfield (p, "payoff"));
%!test
%! ## each model's code; a put; the barrier as a number
%! ids = {"1c-II", "2-eu", "3-I", "3-II", "4", "5", "6"};
%! for i = 1:numel (ids)
%!   p = mc_check (benchop_problem (ids{i}), 1);
%!   assert (p.kind, i, ids{i});
%! endfor
%! p = mc_check (setfield (benchop_problem ("1a-II-gamma"), "payoff", "put"), 2);
%! assert ([p.kind, p.put, p.greek], [1 1 2]);
%! assert (mc_check (benchop_problem ("1c-I"), 1).B, benchop_problem ("1c-I").B);
%!test
%! ## a column of spots is priced as a row and returned as a column
%! q = benchop_problem ("1a-I");
%! q.S = q.S(:);
%! p = mc_check (q, 1);
%! assert (p.S, q.S.');
%! assert (p.shape, [3 1]);

%!shared p
%! p = benchop_problem ("1a-I");
%!error mc_check (p)
%!error mc_check (p, 1, 2)
%!error <^mc_check: PROBLEM must be a problem struct> mc_check (3, 1)
%!error <^mc_check: LEVEL must be an integer from 1 to 14> mc_check (p, 0)
%!error <LEVEL must be> mc_check (p, 15)
%!error <LEVEL must be> mc_check (p, 2.5)
%!error <^mc_check: American exercise is out of scope> mc_check (benchop_problem ("1b-I"), 1)
%!error <American exercise is out of scope> mc_check (benchop_problem ("2-am"), 1)
%!error <lacks field 'sigma'> mc_check (rmfield (p, "sigma"), 1)
%!error <sigma must be a positive> mc_check (setfield (p, "sigma", -0.1), 1)
%!error <positive spots> mc_check (setfield (p, "S", [90 NaN]), 1)
%!error <model 'sabr'> mc_check (setfield (p, "model", "sabr"), 1)
%!error <priced only> mc_check (setfield (benchop_problem ("4"), "output", "delta"), 1)
%!error <priced only> mc_check (setfield (benchop_problem ("1c-I"), "output", "vega"), 1)
%!error <rho must lie> mc_check (setfield (benchop_problem ("6"), "rho", -1), 1)
%!error <n-by-2> mc_check (setfield (benchop_problem ("6"), "S", [100 90 80]), 1)
%!error <output 'theta'> mc_check (setfield (p, "output", "theta"), 1)
