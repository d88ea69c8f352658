## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} mc_solve (@var{problem}, @var{level})
## Price a BENCHOP problem by plain Monte Carlo with Euler time steps,
## the baseline that the other Monte Carlo methods improve on.
##
## Pseudo-random normals (@code{randn} from a fixed seed, so a level's
## answer is reproducible), paths stepped by the log-Euler scheme, the
## discounted payoff averaged: no stratification, no antithetic or control
## variates, no conditioning beyond what the scheme itself needs.  The
## models and their schemes:
##
## @itemize
## @item Black-Scholes (1a, 1c, 2-eu): one log-Euler step to maturity, exact
## for constant coefficients; the proportional dividend of 2-eu scales the
## price by @math{1 - D} whatever its date, so the step needs no date of
## its own for it (@pxref{mc_paths_gbm}).  Greeks of 1a: pathwise delta and vega,
## likelihood-ratio/pathwise gamma.  The continuously monitored up-and-out
## barrier of 1c: each step's payoff weight is the probability that the
## Brownian bridge between its ends stays below the barrier, exact for this
## model;
## @item local volatility (3-I, 3-II): log-Euler with the volatility frozen
## over a step (@pxref{mc_paths_localvol});
## @item Heston (4): Euler with full truncation of the variance
## (@pxref{mc_paths_heston});
## @item Merton (5): log-Euler for the diffusion plus the compound Poisson
## jumps of the step (@pxref{mc_paths_merton});
## @item two assets (6): correlated log-Euler steps
## (@pxref{mc_paths_exchange}).
## @end itemize
##
## Each @var{level}, an integer from 1 to 14, doubles the paths: one step
## each for the constant-coefficient models, @math{2^{level+13}} paths for
## a vanilla Black-Scholes option and half as many for the costlier paths
## of the barrier, Merton and two assets; local volatility and Heston,
## whose Euler bias is of order one in the step, take @math{2^{level+8}}
## paths with steps refined as the square root of the paths
## (@pxref{mc_resolution}).  American options are out of
## scope (there is no exercise rule in plain Monte Carlo).
##
## The method lists the problems where the baseline reaches a relative
## error of 1e-3 in a few seconds (@file{method.json}).  Heston and local
## volatility (their Euler bias needs many steps, and the noise many
## paths) and the gamma and vega of 1a-II (deep in the money with a
## volatility of 1 %, the estimators' standard deviation is a hundred times
## the value) need far more than that: they are priced here, not listed.
##
## @var{U} holds one value per evaluation point, in the shape of
## @code{@var{problem}.S} (a column for the spot pairs of problem 6);
## @var{info} describes the resolution used (@pxref{mc_solve_checked}).
## This is @code{mc_solve_checked (mc_check (@var{problem}, @var{level}),
## @var{level})}.
## @end deftypefn

function [U, info] = mc_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = mc_solve_checked (mc_check (problem, level), level);
endfunction

## At the default level (12), against the references of the catalogue: a
## relative error of 1e-3 at most (measured: 2.7e-4, 2.0e-4, 3.2e-4; the
## standard errors of the relative error are 3.9e-4, 5.1e-4, 6.0e-4).
%!test
%! m = benchop_methods ("get", "MC");
%! for id = {"1a-I", "1c-I", "6"}
%!   p = benchop_problem (id{1});
%!   U = mc_solve (p, m.default_level);
%!   V = benchop_reference (p);
%!   assert (U(:), V(:), -1e-3);
%! endfor

## Reproducible, whatever the caller's streams.
%!test
%! p = benchop_problem ("5");
%! randn ("state", 5);  randp ("state", 5);
%! [U1, i1] = mc_solve (p, 3);
%! randn ("state", 6);  randp ("state", 6);
%! [U2, i2] = mc_solve (p, 3);
%! assert (isequal (U1, U2) && isequal (i1, i2));
%! assert (isequal (mc_solve (benchop_problem ("1a-II-vega"), 2),
%!                  mc_solve (benchop_problem ("1a-II-vega"), 2)));

## Away from the defaults, against the closed forms, at level 6 (2^18
## paths): within five standard errors.
%!test
%! S = [95 100 115];
%! for c = {{"call", 0.1, 0.25, 105, 0.01}, {"put", 0.4, 2, 105, 0.05}, ...
%!          {"call", 0.25, 1, 80, -0.01}}
%!   [payoff, s, T, K, r] = c{1}{:};
%!   for out = {"price", "delta", "gamma", "vega"}
%!     p = benchop_problem ("1a-I", "S", S, "K", K, "T", T, "r", r, "sigma", s);
%!     p.payoff = payoff;
%!     p.output = out{1};
%!     [U, info] = mc_solve (p, 6);
%!     V = bs_european (payoff, out{1}, S, K, T, r, s);
%!     assert (all (abs (U - V) <= 5 * info.stderr), [payoff " " out{1}]);
%!   endfor
%! endfor
%!test
%! S = [85 100 115];
%! p = benchop_problem ("1c-I", "S", S, "K", 120, "T", 2, "r", 0.05,
%!                      "sigma", 0.4, "B", 150);
%! [U, info] = mc_solve (p, 6);
%! assert (all (abs (U - up_and_out_call (S, 120, 150, 2, 0.05, 0.4)) <= 5 * info.stderr));
%! assert (mc_solve (benchop_problem ("1c-I", "S", [125 130]), 1), [0 0]);
%! p = benchop_problem ("5", "S", S, "K", 95, "T", 0.5, "r", 0.04, "sigma", 0.2,
%!                      "lambda", 0.5, "gamma", -0.4, "delta", 0.3);
%! [U, info] = mc_solve (p, 6);
%! V = merton_call (S, 95, 0.5, 0.04, 0.2, 0.5, -0.4, 0.3);
%! assert (all (abs (U - V) <= 5 * info.stderr));
%! P = [100 80; 95 105; 120 100];
%! p = benchop_problem ("6", "S", P, "T", 2, "r", 0.08, "sigma1", 0.4,
%!                      "sigma2", 0.1, "rho", 0.35);
%! [U, info] = mc_solve (p, 6);
%! assert (size (U), [3 1]);
%! assert (all (abs (U - margrabe_exchange (P, 2, 0.4, 0.1, 0.35)) <= 5 * info.stderr));
%! p = benchop_problem ("2-eu", "S", S, "K", 105, "T", 1, "r", 0.05,
%!                      "sigma", 0.25, "D", 0.05, "alpha", 0.5);
%! [U, info] = mc_solve (p, 6);
%! assert (info.steps, 1);
%! assert (all (abs (U - bs_european ("call", "price", 0.95 * S, 105, 1, 0.05, 0.25)) <= 5 * info.stderr));

## The stepped models (not listed in method.json: the Euler bias needs
## more steps and paths than a few seconds buy), against their references
## within five standard errors plus the scheme's bias at level 8 (8 steps a
## year: 3e-3 relative for 3-I, 1e-2 for Heston, measured).
%!test
%! p = benchop_problem ("3-I");
%! [U, info] = mc_solve (p, 8);
%! assert ([info.paths, info.steps], [2^16, 8]);
%! V = [2.9551679, 7.6421703, 14.7842514];
%! assert (all (abs (U - V) <= 5 * info.stderr + 3e-3 * V));
%! p = benchop_problem ("4");
%! [U, info] = mc_solve (p, 8);
%! V = benchop_reference (p);
%! assert (all (abs (U(:) - V(:)) <= 5 * info.stderr(:) + 1e-2 * V(:)));
%! p = benchop_problem ("3-II", "S", [95 105]);
%! [U, info] = mc_solve (p, 6);
%! V = implied_surface_call ([95 105], p.K, p.T, p.r);
%! assert (all (abs (U - V) <= 5 * info.stderr + 1e-2 * V));

## Through the dispatcher.
%!test
%! [U, t, info] = benchop_solve ("MC", benchop_problem ("1a-I"), 1, 1);
%! assert (size (U), [1 3]);
%! assert ([info.level, info.paths], [1, 2^14]);
%! m = benchop_methods ("get", "MC");
%! assert ({m.solver, m.check, m.price}, {"mc_solve", "mc_check", "mc_solve_checked"});
%! fail ("mc_solve (benchop_problem ('1a-I'), m.max_level + 1)", "LEVEL must be");

%!error mc_solve (benchop_problem ("1a-I"))
%!error mc_solve (benchop_problem ("1a-I"), 1, 2)
%!error <^mc_check: PROBLEM must be a problem struct> mc_solve (3, 1)
%!error <American exercise is out of scope> mc_solve (benchop_problem ("1b-II"), 1)
