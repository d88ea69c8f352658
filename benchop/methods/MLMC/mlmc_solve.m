## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} mlmc_solve (@var{problem}, @var{level})
## Price a BENCHOP problem by multilevel Monte Carlo with Giles' adaptive
## algorithm.
##
## The estimator is the telescoping sum of the means of the level
## corrections @math{P_l - P_{l-1}}, level @math{l} simulating a fine path
## of @math{M_0 2^l} steps and a coarse path of half as many with the same
## Brownian increments (Giles, "Multilevel Monte Carlo path simulation",
## Oper. Res. 56, 2008).  The adaptive algorithm of Giles ("Multilevel
## Monte Carlo methods", Acta Numerica 24, 2015; @pxref{mlmc_adaptive})
## chooses the samples per level from the estimated variances and costs,
## @math{N_l \propto \sqrt{V_l / C_l}} with total variance
## @math{\epsilon^2/2}, and adds levels until the bias, estimated from the
## last levels' mean corrections and the fitted weak order, is below
## @math{\epsilon/\sqrt 2}.  @math{\epsilon} is relative to the price at
## each point and set by @var{level}:
## @math{\epsilon = 2^{-(level + 13)/2}}, each level about twice the work
## of the one below.  The schemes and couplings, by model:
##
## @itemize
## @item Black-Scholes (1a, 1c), with the proportional dividend (2-eu),
## Merton (5): Milstein steps of the discounted price; the dividend is a
## factor @math{1 - D} and Merton's jumps one exact compound factor per
## path, whatever their dates, the scheme being linear in @math{S}
## (@pxref{mlmc_paths_gbm}).  Pathwise delta and vega.  The continuously
## monitored up-and-out barrier: the Brownian-bridge probability of
## staying below the barrier over each step, the coarse path's midpoints
## drawn from the bridge with the fine increments (Giles 2015, sec. 5.2;
## @pxref{mlmc_barrier_survival});
## @item two assets (6): Milstein per asset, whose noises commute, so no
## Levy areas or antithetic paths (Giles and Szpruch, Ann. Appl. Probab.
## 24, 2014) are needed (@pxref{mlmc_paths_exchange});
## @item local volatility (3-I, 3-II): Milstein in @math{\ln S} on a tabulated
## volatility, the last step integrated in closed form (a Black formula),
## the coarse path's last step conditioned on the fine path's first
## increment in it (Giles 2015, sec. 5.3: corrections smooth, their
## variance falls as @math{h^2}; @pxref{mlmc_paths_localvol}), a
## Black-Scholes path on the same increments the control of level 0; 3-II,
## whose implied smile is narrow at short maturities, starts from steps of
## 1/32 year and one set of paths per spot;
## @item Heston (4): the variance path by the Milstein scheme and the price
## in closed form given it (Willard 1997; Broadie and Kaya 2006), a smooth
## functional of the path (@pxref{mlmc_paths_heston}).
## @end itemize
##
## A sample of level 0 is a batch of 64 paths whose terminal Brownian value
## is stratified (@pxref{mlmc_level}); controls (the discounted terminal
## price, or its pathwise derivative, with its exact mean under the scheme)
## reduce the variance of every level of the Black-Scholes type models.
## Pseudo-random numbers from a fixed seed per level make every level's
## answer reproducible; the caller's streams are restored.  A run's work is
## bounded, @math{2^{level+16}} samples times steps: far out of the money,
## where the relative variance grows without bound, the run stops there
## (@code{info.capped}) with an error above the target.
##
## American options are refused (a multilevel exercise rule is out of
## scope), as is the gamma (no pathwise second derivative).
##
## @var{U} holds one value per evaluation point, in the shape of
## @code{@var{problem}.S} (a column for the spot pairs of problem 6);
## @var{info} carries the run's levels, samples, variances, costs and
## fitted rates (@pxref{mlmc_solve_checked}).  This is
## @code{mlmc_solve_checked (mlmc_check (@var{problem}, @var{level}),
## @var{level})}.
## @end deftypefn

function [U, info] = mlmc_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = mlmc_solve_checked (mlmc_check (problem, level), level);
endfunction

## At the default level, against the references of the catalogue: 1e-3
## (measured 5.6e-5 for 1a-I, 3.7e-4 for 1a-II).
%!test
%! m = benchop_methods ("get", "MLMC");
%! for id = {"1a-I", "1a-II"}
%!   p = benchop_problem (id{1});
%!   [U, info] = mlmc_solve (p, m.default_level);
%!   assert (U, benchop_reference (p), -1e-3);
%!   assert (info.converged);
%! endfor

## The info of a run: per level samples, variances and costs, the fitted
## rates; the variances fall with the level.
%!test
%! [U, info] = mlmc_solve (benchop_problem ("3-I"), 4);
%! L = numel (info.levels);
%! assert (info.levels, 0:L-1);
%! assert ([numel(info.N), numel(info.C), rows(info.V), rows(info.mean)], [L L L L]);
%! assert (columns (info.V), 3);
%! assert (info.beta > 1.5 && info.alpha > 0.5 && abs (info.gamma - 1) < 1e-9);
%! assert (U, [2.9551679, 7.6421703, 14.7842514], -1e-2);

## Away from the defaults, at a cheap level: within the aimed error's
## reach (a few times eps).
%!test
%! p = benchop_problem ("1c-I", "S", [90 100 110], "K", 100, "T", 0.5, "r", 0.05,
%!                      "sigma", 0.2, "B", 140);
%! [U, info] = mlmc_solve (p, 4);
%! assert (U, up_and_out_call ([90 100 110], 100, 140, 0.5, 0.05, 0.2), -5 * info.eps);
%! p = benchop_problem ("4", "S", [95 105 115], "K", 105, "T", 0.5, "r", 0.04,
%!                      "V0", 0.03, "kappa", 1.5, "theta", 0.028, "sigma_v", 0.3, "rho", -0.6);
%! [U, info] = mlmc_solve (p, 4);
%! assert (U, benchop_reference (p), -5 * info.eps);
%! assert (info.steps >= 8);
%! q = setfield (benchop_problem ("1a-I", "K", 105), "payoff", "put");
%! q.output = "delta";
%! [U, info] = mlmc_solve (q, 4);
%! assert (U, bs_european ("put", "delta", q.S, 105, q.T, q.r, q.sigma), -5 * info.eps);

## Reproducible whatever the caller's streams; through the dispatcher.
%!test
%! p = benchop_problem ("5");
%! randn ("state", 5);  randp ("state", 5);
%! [U1, i1] = mlmc_solve (p, 1);
%! randn ("state", 6);  randp ("state", 6);  rand ("state", 6);
%! [U2, i2] = mlmc_solve (p, 1);
%! assert (isequal (U1, U2) && isequal (i1.N, i2.N));
%! [U, t, info] = benchop_solve ("MLMC", benchop_problem ("1a-I"), 1, 1);
%! assert (size (U), [1 3]);
%! assert (isfield (info, "beta"));

%!error mlmc_solve (benchop_problem ("1a-I"))
%!error mlmc_solve (benchop_problem ("1a-I"), 1, 2)
%!error <American exercise is not supported> mlmc_solve (benchop_problem ("1b-II"), 1)
