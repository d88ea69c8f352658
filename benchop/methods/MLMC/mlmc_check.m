## -*- texinfo -*-
## @deftypefn {} {@var{p} =} mlmc_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for method MLMC, once,
## before any timing (@pxref{mlmc_solve}), and return what
## @code{mlmc_solve_checked} needs, as numbers.
##
## The checks are the Monte Carlo methods' shared ones
## (@pxref{mc_check_problem}); on top of them MLMC refuses American
## exercise (a multilevel estimator of an optimal exercise rule is out of
## scope: the rule itself would have to be coupled between levels) and the
## gamma (the pathwise derivative of a call's delta is a Dirac mass).
## @var{level} must be an integer from 1 to 10.
##
## @var{p} holds the evaluation points @code{S} as doubles (a row, or an
## n-by-2 matrix of spot pairs for two assets), the @code{shape} of the
## result, @code{T}, @code{r}, the barrier @code{B} (@code{Inf} for none)
## and the model's own parameters as doubles, and three numbers the pricing
## branches on: @code{kind}, the model (1 Black-Scholes, 2 Black-Scholes
## with a proportional dividend, 3 parametric local volatility, 4 local
## volatility from the implied surface, 5 Heston, 6 Merton, 7 two assets);
## @code{put}, true for a put; @code{greek}, 0 price, 1 delta, 3 vega.
## @end deftypefn

function p = mlmc_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  q = mc_check_problem (problem, level, 10, "mlmc_check");
  if (strcmp (q.exercise, "american"))
    error ("mlmc_check: American exercise is not supported (a multilevel exercise rule is out of scope)");
  endif
  if (strcmp (q.output, "gamma"))
    error ("mlmc_check: output 'gamma' is not supported (no pathwise second derivative of the payoff)");
  endif
  p = mc_descriptor_codes (q);
endfunction

%!test
%! q = benchop_problem ("1a-I-vega");
%! p = mlmc_check (q, 10);
%! assert ([p.kind, p.put, p.greek], [1 0 3]);
%! assert ([p.S, p.T, p.r, p.B, p.K, p.sigma], [q.S(:).', q.T, q.r, Inf, q.K, q.sigma]);
%! assert (! isfield (p, "model"));
%!test
%! ids = {"1c-II", "2-eu", "3-I", "3-II", "4", "5", "6"};
%! for i = 1:numel (ids)
%!   assert (mlmc_check (benchop_problem (ids{i}), 1).kind, i, ids{i});
%! endfor
%!error mlmc_check (benchop_problem ("1a-I"))
%!error <^mlmc_check: LEVEL must be an integer from 1 to 10> mlmc_check (benchop_problem ("1a-I"), 11)
%!error <^mlmc_check: PROBLEM must be> mlmc_check (3, 1)
%!error <multilevel exercise rule is out of scope> mlmc_check (benchop_problem ("1b-I"), 1)
%!error <multilevel exercise rule> mlmc_check (benchop_problem ("2-am"), 1)
%!error <output 'gamma' is not supported> mlmc_check (benchop_problem ("1a-I-gamma"), 1)
%!error <priced only> mlmc_check (setfield (benchop_problem ("4"), "output", "delta"), 1)
