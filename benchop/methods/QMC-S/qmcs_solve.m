## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} qmcs_solve (@var{problem}, @var{level})
## Price @var{problem} by randomized quasi-Monte Carlo (method QMC-S).
##
## The points are those of the Sobol sequence with the direction numbers of
## Joe and Kuo (@pxref{qmcs_sobol}), randomized by a random digital shift
## drawn from a fixed seed at every call, so repeated calls return
## identical numbers and the caller's generator states are left as found.
## @var{level} is an integer from 1 to 14; each level doubles the points.
##
## @itemize
## @item Black-Scholes European prices and Greeks: @math{S_T} sampled
## exactly from one coordinate, with its antithetic point; the pathwise
## (delta, vega) and likelihood-ratio/pathwise (gamma) estimators
## (@pxref{mc_terminal}); @math{2^{L+8}} points at level @math{L}.
## @item Up-and-out barrier: the same, weighted by the exact
## Brownian-bridge probability that the path stays below the barrier.
## @item One proportional dividend, European: @math{S_T} is scaled by
## @math{1 - D}.
## @item Merton: conditional on the number of jumps, a quasi-random
## coordinate through the Poisson inverse cdf; the payoff is integrated over
## the diffusion and the jump sizes in closed form (@pxref{mc_black}).
## @item Exchange option on two GBMs: conditional on the second asset's
## normal (one coordinate, antithetic), the first asset's payoff in closed
## form.
## @item Local volatility (parametric, or from the implied surface, each
## spot with its own): log-Euler over 32 steps (64 for T up to 2, and so
## on) with Richardson from half as many, on
## Brownian-bridge paths whose first 21 normals are quasi-random
## (@pxref{qmcs_local_vol}); beyond one standard deviation of ln S_T out
## of the money, importance sampling by the Brownian drift that takes the
## median path to the strike; @math{2^{L+3}} points.
## @item Heston: Andersen's QE variance steps driven by the 21 coordinates
## of the points (21 steps), the martingale-corrected log-price step
## integrated given the variance path, antithetic, control variates
## (@pxref{qmcs_heston}); @math{2^{L+4}} points.
## @item American call with one dividend: exercise just before the
## dividend against the closed-form value of holding on, the European price
## plus the premium over 1-D Sobol points, importance sampling far below
## the strike (@pxref{qmcs_dividend_american}); @math{2^{L+4}} points.
## @item American (Black-Scholes; @pxref{qmcs_lsm}): the Longstaff-Schwartz
## exercise rule of MC-S (@pxref{mcs_lsm_boundary}), fitted once for all
## spots on its own pseudo-random paths from dispersed starting spots, for
## the policies on every one of 32 dates, every second and every fourth;
## each spot is then priced out of sample on antithetic Sobol
## Brownian-bridge paths stopped by that rule, with three-term Richardson
## extrapolation in the dates, @math{(8 V_{32} - 6 V_{16} + V_8) / 3}, and
## stopped control variates (the European price of the option and of the
## option struck at 0.9, 0.95 and 1.05 @math{K}, the discounted stock);
## @math{2^{L+3}} points and as many path pairs for the rule.
## @end itemize
##
## @var{info} has fields @code{points}, @code{paths} (with the antithetic
## ones), @code{dims}, @code{dates}, @code{seed} and @code{estimator}.
## @end deftypefn

function [U, info] = qmcs_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = qmcs_solve_checked (qmcs_check (problem, level), level);
endfunction

## Every supported problem at its default parameters, at a level that runs
## in well under a second, against the spec's reference values.  The
## randomized QMC error has no cheap standard error here (one
## randomization); the tolerances are 5 times the largest relative error
## over 8 other digital shifts at that level, rounded up (that error in
## brackets):
##   level 6: 1a-I, 1a-I Greeks, 1a-II, 1a-II-delta, 1c-II, 5 4e-4 (6.5e-5),
##   1c-I 1e-6 (1.1e-7), 2-eu 6e-4 (1.0e-4), 6 4e-5 (6.1e-6);
##   level 12: 1a-II-gamma and -vega 1.2e-3 (2.3e-4; the fixed shift gives
##   2e-6);
##   level 9: 3-I 1.3e-3 (2.5e-4), 3-II 1.3e-2 (2.5e-3); level 10: 2-am
##   1e-5 (a smooth one-dimensional premium: errors below 1e-6); level 8:
##   4 1.6e-3 (3.1e-4);
##   1b-I at level 10: 1.5e-2 (mostly the low bias of the estimated policy,
##   as for MC-S); 1b-II: immediate exercise, exact.
%!test
%! cases = {"1a-I", 6, 4e-4; "1a-I-delta", 6, 4e-4; "1a-I-gamma", 6, 4e-4;
%!          "1a-I-vega", 6, 4e-4; "1a-II", 6, 4e-4; "1a-II-delta", 6, 4e-4;
%!          "1a-II-gamma", 12, 1.2e-3; "1a-II-vega", 12, 1.2e-3; "1c-I", 6, 1e-6;
%!          "1c-II", 6, 4e-4; "2-eu", 6, 6e-4; "5", 6, 4e-4; "6", 6, 4e-5;
%!          "3-I", 9, 1.3e-3; "3-II", 9, 1.3e-2; "2-am", 10, 1e-5; "4", 8, 1.6e-3;
%!          "1b-I", 10, 1.5e-2};
%! cat = benchop_catalogue ();
%! ids = cellfun (@(p) p.id, cat.problems, "uniformoutput", false);
%! for k = 1:rows (cases)
%!   [id, level, tol] = cases{k,:};
%!   ref = cat.problems{strcmp (ids, id)}.reference(:);
%!   U = qmcs_solve (benchop_problem (id), level);
%!   assert (U(:), ref, -tol);
%! endfor
%! assert (qmcs_solve (benchop_problem ("1b-II"), 1), [3 2 1]);

## Reproducible; the caller's streams are left as found; levels double.
%!test
%! ## 3-I at three months: S = 80 lies 2.8 standard deviations out of the
%! ## money (importance sampling), S = 110 in it (none).
%! p = benchop_problem ("3-I", "T", 0.25, "S", [80 110]);
%! assert (qmcs_solve (p, 12), benchop_reference (p), -1e-4);
%!test
%! p = benchop_problem ("5");
%! rand ("state", 1);  randn ("state", 2);
%! a = [rand(), randn()];
%! rand ("state", 1);  randn ("state", 2);
%! [U1, i1] = qmcs_solve (p, 3);
%! b = [rand(), randn()];
%! [U2, i2] = qmcs_solve (p, 3);
%! assert (a, b);
%! assert (isequal (U1, U2) && isequal (i1, i2));
%! p = benchop_problem ("1b-I");
%! assert (isequal (qmcs_solve (p, 2), qmcs_solve (p, 2)));
%! [~, i4] = qmcs_solve (p, 4);
%! [~, i5] = qmcs_solve (p, 5);
%! assert (i5.points, 2 * i4.points);
%! p = benchop_problem ("6");
%! assert (size (qmcs_solve (p, 1)), [5 1]);

## Away from the defaults, against the closed forms; tolerances as above
## (5 times the largest error over 8 other shifts at level 6, rounded up):
## prices and deltas 4e-4 (7.3e-5), the short low-volatility call's gamma
## and vega 4.5e-2 (8.3e-3: the likelihood-ratio weight is large where
## sigma sqrt(T) is small), 1c-I 1e-6 (1.8e-8), 2-eu 6e-4 (1.2e-4),
## 5 2e-4 (3.4e-5), 6 3e-5 (4.3e-6).
%!test
%! S = [95 100 115];
%! for c = {{"call", 0.1, 0.25, 100, 0.01}, {"put", 0.4, 2, 95, 0.08}}
%!   [payoff, s, T, K, r] = c{1}{:};
%!   for out = {"price", "delta", "gamma", "vega"}
%!     p = benchop_problem ("1a-I", "S", S, "K", K, "T", T, "r", r, "sigma", s);
%!     p.payoff = payoff;
%!     p.output = out{1};
%!     tol = 4e-4;
%!     if (s < 0.2 && any (strcmp (out{1}, {"gamma", "vega"})))
%!       tol = 4.5e-2;
%!     endif
%!     assert (qmcs_solve (p, 6), bs_european (payoff, out{1}, S, K, T, r, s), -tol);
%!   endfor
%! endfor
%! p = benchop_problem ("1c-I", "S", S, "K", 90, "T", 2, "r", 0.05, "sigma", 0.3, "B", 140);
%! assert (qmcs_solve (p, 6), up_and_out_call (S, 90, 140, 2, 0.05, 0.3), -1e-6);
%! p = benchop_problem ("2-eu", "S", S, "K", 110, "T", 2, "r", 0.08,
%!                      "sigma", 0.4, "D", 0.05, "alpha", 0.3);
%! assert (qmcs_solve (p, 6), dividend_call (S, 110, 2, 0.08, 0.4, 0.05), -6e-4);
%! p = benchop_problem ("5", "S", S, "K", 90, "T", 0.25, "r", 0, "sigma", 0.3,
%!                      "lambda", 0.52, "gamma", -0.35, "delta", 0.28);
%! assert (qmcs_solve (p, 6), merton_call (S, 90, 0.25, 0, 0.3, 0.52, -0.35, 0.28), -2e-4);
%! P = [100 80; 95 105; 120 100];
%! p = benchop_problem ("6", "S", P, "T", 2, "r", 0.08, "sigma1", 0.4,
%!                      "sigma2", 0.1, "rho", 0.35);
%! assert (qmcs_solve (p, 6), margrabe_exchange (P, 2, 0.4, 0.1, 0.35)(:), -3e-5);

## Local volatility and the dividend American call away from the defaults:
## 3-II against the implied-surface closed form, 3-I against the converged
## reference computation, 2-am against the one-date Bermudan value by a fine
## trapezoid rule (exact for it, see qmcs_dividend_american).  Tolerances:
## 5 times the largest error over 8 other shifts, rounded up: 1.2e-2
## (2.3e-3), 3e-3 (5.7e-4); 2-am 1e-5.
%!test
%! S = [95 105];
%! p = benchop_problem ("3-II", "S", S, "K", 110, "T", 1, "r", 0.05);
%! assert (qmcs_solve (p, 9), implied_surface_call (S, 110, 1, 0.05), -1.2e-2);
%! p = benchop_problem ("3-I", "S", S, "K", 105, "T", 2, "r", 0.05);
%! assert (qmcs_solve (p, 9), local_vol_call_reference (S, 105, 2, 0.05), -3e-3);
%! ## Heston with every parameter moved: 5 times the largest error over
%! ## this and 8 other shifts (2.9e-4), rounded up
%! S = [90 100 110];
%! p = benchop_problem ("4", "S", S, "K", 90, "T", 2, "r", 0.08, "V0", 0.016,
%!                      "kappa", 1.4, "theta", 0.029, "sigma_v", 0.325, "rho", -0.35);
%! V = heston_call (S, 90, 2, 0.08, 0.016, 1.4, 0.029, 0.325, -0.35);
%! assert (qmcs_solve (p, 8), V, -1.5e-3);
%!test
%! S = [85 100 120];  K = 105;  T = 1.5;  r = 0.06;  s = 0.3;  D = 0.05;  a = 0.6;
%! p = benchop_problem ("2-am", "S", S, "K", K, "T", T, "r", r, "sigma", s,
%!                      "D", D, "alpha", a);
%! td = a * T;  w = linspace (-10, 10, 200001).';
%! V = zeros (size (S));
%! for i = 1:3
%!   Sd = S(i) * exp ((r - s^2/2) * td + s * sqrt (td) * w);
%!   g = exp (-w.^2/2) / sqrt (2*pi) .* max (Sd - K, mc_bs ("call", (1 - D) * Sd, K, T - td, r, s));
%!   V(i) = exp (-r * td) * trapz (w, g);
%! endfor
%! assert (qmcs_solve (p, 10), V, -1e-5);

## American put away from the defaults against a Richardson-extrapolated
## CRR tree (its own error below 6e-4 here); level 10, bias of the policy
## up to about 3e-3: tolerance 1e-2.
%!test
%! S = [85 100 115];  K = 110;  T = 1.5;  r = 0.06;  s = 0.3;
%! N = 1000;
%! V = zeros (2, 3);
%! for q = 1:2
%!   n = N * q;  dt = T / n;  u = exp (s * sqrt (dt));  pu = (exp (r * dt) - 1 / u) / (u - 1 / u);
%!   for i = 1:3
%!     v = max (K - S(i) * u .^ (n:-2:-n).', 0);
%!     for j = n-1:-1:0
%!       v = max (K - S(i) * u .^ (j:-2:-j).', exp (-r * dt) * (pu * v(1:end-1) + (1 - pu) * v(2:end)));
%!     endfor
%!     V(q,i) = v;
%!   endfor
%! endfor
%! p = benchop_problem ("1b-I", "S", S, "K", K, "T", T, "r", r, "sigma", s);
%! assert (qmcs_solve (p, 10), 2 * V(2,:) - V(1,:), -1e-2);

## Through the dispatcher, and wrong calls; the problem's own checks are
## qmcs_check's.
%!test
%! m = benchop_methods ("get", "QMC-S");
%! assert ({m.solver, m.check, m.price}, {"qmcs_solve", "qmcs_check", "qmcs_solve_checked"});
%! [U, t, info] = benchop_solve ("QMC-S", benchop_problem ("1b-II"), 1, 1);
%! assert (U, [3 2 1]);
%! assert (info.level, 1);
%!error qmcs_solve (benchop_problem ("1a-I"))
%!error qmcs_solve (benchop_problem ("1a-I"), 1, 2)
%!error <^qmcs_check: PROBLEM must be a problem struct> qmcs_solve (3, 1)
%!error <^qmcs_check: LEVEL must be> qmcs_solve (benchop_problem ("1a-I"), 15)
