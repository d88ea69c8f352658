## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fd_solve (@var{problem}, @var{level})
## Price a one-factor @var{problem} by finite differences on a uniform
## grid, Crank-Nicolson in time with a Rannacher start.
##
## @var{problem} is a problem struct (@pxref{benchop_problem}) whose model is
## one of
## @table @asis
## @item @qcode{"black-scholes"}
## a European or American call or put, optionally up-and-out (continuously
## monitored barrier @code{B}, no rebate), with output @qcode{"price"},
## @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"};
## @item @qcode{"black-scholes-dividend"}
## a European or American call or put on a stock paying one discrete
## proportional dividend @code{D} at time @code{alpha T}: the jump
## condition U(S, t-) = U((1 - D) S, t+), exact on the grid, then a new
## Rannacher start (@pxref{fd_dividend});
## @item @qcode{"local-vol-parametric"}, @qcode{"local-vol-implied-surface"}
## a European call or put under the local volatility of
## @code{local_vol_parametric} or @code{local_vol_surface}, the operator
## rebuilt at every time level (@pxref{fd_march_lv}); the surface depends on
## the spot, so each evaluation point is solved separately;
## @item @qcode{"merton"}
## a European call or put under Merton's jump diffusion: the jump integral
## by FFT convolution, treated explicitly (Adams-Bashforth) beside implicit
## diffusion (@pxref{fd_march_jump});
## @item @qcode{"heston"}
## a European call or put under Heston's model, on a 2-D grid uniform in
## S and v, by the modified Craig-Sneyd ADI scheme, points far out of the
## money tilted towards the strike (@pxref{fd_solve_heston}); its levels
## refine both directions and time by 2^(1/3), as far as a work budget
## (nodes times steps, a few seconds) allows;
## @item @qcode{"black-scholes-2d"}
## the exchange option max (S1 - S2, 0) on a 2-D (ln S1, ln S2) grid by the
## same ADI scheme (@pxref{fd_march_2d}, @ref{fd_grid_2d}); @code{S} is an
## n-by-2 matrix of (S1, S2) pairs; levels as for Heston.
## @end table
## @var{U} holds one value per evaluation point @code{problem.S} (per row of
## pairs for the two-asset model), in order, as a row (zero at or above an
## up-and-out barrier).
##
## The PDE is solved in y = ln S + c tau on a uniform grid whose extent and
## spacing follow the volatility, the horizon, the drift (and the jumps),
## the strike and the evaluation points (@pxref{fd_grid}); the Black-Scholes
## march, the American penalty iteration and the vega equation are
## described in @ref{fd_march}, the read-out of values and Greeks in
## @ref{fd_price}.  Each call solves on two nested grids, (h, dt) and
## (h/2, dt/2), and returns the Richardson extrapolation
## (4 U(h/2) - U(h)) / 3, which cancels the leading h^2 and dt^2 terms of
## the error of the second-order scheme (the strike is a node of both grids
## and the Rannacher start keeps the error expansion smooth).
##
## @var{level} (an integer from 1 to 13) sets the resolution q: the coarse
## grid has 6 q intervals per standard deviation of ln S_T and 6 q (1 + Pe)
## time steps (Pe as in @ref{fd_grid}; twice as many steps for American
## exercise, whose free boundary needs them, and for local volatility,
## whose coefficients change in time), q = 2^((level-5)/2) from level 5 up,
## so that each level doubles the work, and q = 2^((level-5)/3) below,
## where the work grows by 2^(2/3) a level: a ladder that doubles can
## overshoot the accuracy needed twofold, and on the cheapest grids the
## call's fixed cost already weighs.  @var{info} gives the fine grid's @code{N}
## (intervals), @code{M} (time steps) and spacing @code{h}, the frame speed
## @code{c}, the number of linear solves and whether the result was
## extrapolated.
##
## @code{fd_solve} is @code{fd_solve_checked (fd_check (@var{problem},
## @var{level}), @var{level})}: @code{fd_check} validates the input
## (@pxref{fd_check}), @code{fd_solve_checked} prices, and
## @code{benchop_solve} times the latter alone.
## @end deftypefn

function [U, info] = fd_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = fd_solve_checked (fd_check (problem, level), level);
endfunction

%!shared lev, R, ids
%! m = benchop_methods ("get", "FD");
%! lev = m.default_level;
%! ids = m.problems;
%! R = @benchop_published;

## Every supported problem at the default level, against the published
## reference values of the catalogue.
%!assert (fd_solve (benchop_problem ("1a-I"), lev), R ("1a-I"), -1e-4)
%!assert (fd_solve (benchop_problem ("1a-I-delta"), lev), R ("1a-I-delta"), -1e-4)
%!assert (fd_solve (benchop_problem ("1a-I-gamma"), lev), R ("1a-I-gamma"), -1e-4)
%!assert (fd_solve (benchop_problem ("1a-I-vega"), lev), R ("1a-I-vega"), -1e-4)
%!assert (fd_solve (benchop_problem ("1a-II"), lev), R ("1a-II"), -1e-4)
%!assert (fd_solve (benchop_problem ("1a-II-delta"), lev), R ("1a-II-delta"), -1e-4)
%!assert (fd_solve (benchop_problem ("1a-II-gamma"), lev), R ("1a-II-gamma"), -1e-4)
%!assert (fd_solve (benchop_problem ("1a-II-vega"), lev), R ("1a-II-vega"), -1e-4)
%!assert (fd_solve (benchop_problem ("1b-I"), lev), R ("1b-I"), -1e-4)
%!assert (fd_solve (benchop_problem ("1b-II"), lev), R ("1b-II"), -1e-4)
%!assert (fd_solve (benchop_problem ("1c-I"), lev), R ("1c-I"), -1e-4)
%!assert (fd_solve (benchop_problem ("1c-II"), lev), R ("1c-II"), -1e-4)
%!assert (fd_solve (benchop_problem ("2-eu"), lev), R ("2-eu"), -1e-4)
%!assert (fd_solve (benchop_problem ("2-am"), lev), R ("2-am"), -1e-4)
%!assert (fd_solve (benchop_problem ("3-I"), lev), R ("3-I"), -1e-4)
%!assert (fd_solve (benchop_problem ("3-II"), lev), R ("3-II"), -1e-4)
%!assert (fd_solve (benchop_problem ("4"), lev), R ("4"), -1e-4)
%!assert (fd_solve (benchop_problem ("5"), lev), R ("5"), -1e-4)
%!assert (fd_solve (benchop_problem ("6"), lev), R ("6"), -1e-4)
%!test
%! ## The method covers exactly the problems tested above.
%! assert (sort (ids), sort ({"1a-I", "1a-I-delta", "1a-I-gamma", "1a-I-vega", ...
%!   "1a-II", "1a-II-delta", "1a-II-gamma", "1a-II-vega", "1b-I", "1b-II", ...
%!   "1c-I", "1c-II", "2-eu", "2-am", "3-I", "3-II", "4", "5", "6"}));
%!test
%! ## 3-I against the spec's converged values (the published ones have 6
%! ## digits).
%! U = fd_solve (benchop_problem ("3-I"), lev);
%! assert (U, [2.9551679, 7.6421703, 14.7842514], -1e-5);
%!test
%! ## 1b-I against the more accurate values of the spec (its published
%! ## digits are good to about 1e-5).
%! U = fd_solve (benchop_problem ("1b-I"), lev);
%! assert (U, [10.7265417, 4.8206440, 1.8282255], -2e-5);
%!test
%! ## 1b-II: immediate exercise, K - S.
%! U = fd_solve (benchop_problem ("1b-II"), 1);
%! assert (U, [3 2 1], 1e-8);

## Parameters away from the defaults.
%!test
%! ## European call and Greeks against the Black-Scholes closed form.
%! S = [75 95 105 130];
%! for out = {"price", "delta", "gamma", "vega"}
%!   id = "1a-I";
%!   if (! strcmp (out{1}, "price"))
%!     id = ["1a-I-" out{1}];
%!   endif
%!   p = benchop_problem (id, "S", S, "K", 110, "T", 0.5, "r", 0.06,
%!                        "sigma", 0.3);
%!   ref = bs_european ("call", out{1}, S, 110, 0.5, 0.06, 0.3);
%!   assert (fd_solve (p, lev), ref, -1e-4);
%! endfor
%!test
%! ## Set II style: small volatility, drift-dominated, other points.  The
%! ## gamma and vega at S = 101, 3.5 standard deviations in the money and
%! ## 1/500 of their peak, need one level more for 1e-4 relative.
%! S = [96 99.5 101];
%! for out = {"price", "gamma", "vega"}
%!   id = "1a-II";
%!   if (! strcmp (out{1}, "price"))
%!     id = ["1a-II-" out{1}];
%!   endif
%!   p = benchop_problem (id, "S", S, "sigma", 0.02, "r", 0.08, "T", 0.5);
%!   ref = bs_european ("call", out{1}, S, 100, 0.5, 0.08, 0.02);
%!   U = fd_solve (p, lev);
%!   assert (U(1:2), ref(1:2), -1e-4);
%!   assert (U(3), ref(3), -3e-4);
%!   assert (fd_solve (p, lev + 1), ref, -1e-4);
%! endfor
%!test
%! ## A European put (payoff put, not in the catalogue) and zero rate.
%! p = benchop_problem ("1a-I", "r", 0, "T", 2, "K", 85);
%! p.payoff = "put";
%! ref = bs_european ("put", "price", p.S, 85, 2, 0, 0.15);
%! assert (fd_solve (p, lev), ref, -1e-4);
%!test
%! ## Up-and-out call against the closed form, barrier within reach;
%! ## points at and above the barrier are worth zero.
%! S = [70 95 120 140 150];
%! p = benchop_problem ("1c-I", "S", S, "K", 90, "B", 140, "T", 2,
%!                      "r", 0.01, "sigma", 0.2);
%! ref = up_and_out_call (S(1:3), 90, 140, 2, 0.01, 0.2);
%! U = fd_solve (p, lev);
%! assert (U(1:3), ref, -1e-4);
%! assert (U(4:5), [0 0]);
%!test
%! ## A barrier close to drift-dominated points: fixed grid with convection.
%! p = benchop_problem ("1c-II", "B", 101);
%! [U, info] = fd_solve (p, lev);
%! assert (info.c, 0);
%! assert (U, up_and_out_call (p.S, 100, 101, 0.25, 0.1, 0.01), -1e-4);
%!test
%! ## American put against a binomial tree with a Black-Scholes last step
%! ## and Richardson extrapolation (Broadie and Detemple's BBSR).
%! S = [80 100 125]; K = 105; T = 0.75; r = 0.06; sig = 0.25;
%! P = zeros (2, 3);
%! for j = 1:2
%!   n = 800 * j; dt = T / n;
%!   u = exp (sig * sqrt (dt)); q = (exp (r * dt) - 1 / u) / (u - 1 / u);
%!   for i = 1:3
%!     Sn = S(i) * u .^ (n-1:-2:1-n).';
%!     V = max (bs_european ("put", "price", Sn, K, dt, r, sig), K - Sn);
%!     for k = n-1:-1:1
%!       Sn = Sn(1:end-1) / u;
%!       V = max (exp (-r * dt) * (q * V(1:end-1) + (1 - q) * V(2:end)), K - Sn);
%!     endfor
%!     P(j, i) = V;
%!   endfor
%! endfor
%! ref = 2 * P(2, :) - P(1, :);
%! p = benchop_problem ("1b-I", "S", S, "K", K, "T", T, "r", r, "sigma", sig);
%! U = fd_solve (p, lev);
%! assert (U, ref, -1e-4);
%! assert (all (U >= max (K - S, 0) - 1e-6));   # penalty: O(1/large)
%!test
%! ## An American call without dividends is never exercised early.
%! p = benchop_problem ("1b-I", "S", [85 100 120]);
%! p.payoff = "call";
%! ref = bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15);
%! assert (fd_solve (p, lev), ref, -1e-4);
%!test
%! ## A discrete dividend, other parameters: Black-Scholes at (1 - D) S, for
%! ## a call and a put (the jump holds for any payoff).
%! S = [75 100 135];
%! p = benchop_problem ("2-eu", "S", S, "K", 110, "T", 1.5, "r", 0.07,
%!                      "sigma", 0.3, "D", 0.08, "alpha", 0.3);
%! assert (fd_solve (p, lev), dividend_call (S, 110, 1.5, 0.07, 0.3, 0.08), -1e-4);
%! p.payoff = "put";
%! ref = bs_european ("put", "price", 0.92 * S, 110, 1.5, 0.07, 0.3);
%! assert (fd_solve (p, lev), ref, -1e-4);
%! ## No dividend, and a dividend at maturity or today.
%! p = benchop_problem ("2-eu", "D", 0, "S", S);
%! assert (fd_solve (p, lev), bs_european ("call", "price", S, 100, 0.5, 0.03, 0.15), -1e-4);
%! for al = [0 1]
%!   p = benchop_problem ("2-eu", "alpha", al, "S", S, "D", 0.1);
%!   assert (fd_solve (p, lev), dividend_call (S, 100, 0.5, 0.03, 0.15, 0.1), -1e-4);
%! endfor
%!test
%! ## American call with a dividend, other parameters, against a binomial
%! ## tree (dividend date on a step, exercise allowed just before it, a
%! ## Black-Scholes last step; 4000 steps, as the early exercise at the
%! ## dividend date makes its error oscillate, too irregular for Richardson
%! ## extrapolation) and against a much finer run of the solver itself.
%! S = [85 100 120]; K = 95; T = 1.2; r = 0.07; sig = 0.25; D = 0.06; al = 0.6;
%! n = 4000; dt = T / n; kd = al * n;
%! u = exp (sig * sqrt (dt)); q = (exp (r * dt) - 1 / u) / (u - 1 / u);
%! ref = zeros (1, 3);
%! for i = 1:3
%!   Sn = S(i) * (1 - D) * u .^ (n-1:-2:1-n).';
%!   V = max (bs_european ("call", "price", Sn, K, dt, r, sig), Sn - K);
%!   for k = n-1:-1:1              # from step k to step k-1
%!     Sn = Sn(1:end-1) / u;
%!     V = max (exp (-r * dt) * (q * V(1:end-1) + (1 - q) * V(2:end)), Sn - K);
%!     if (k - 1 == kd)            # the dividend date: cum-dividend prices
%!       Sn /= 1 - D;
%!       V = max (V, Sn - K);
%!     endif
%!   endfor
%!   ref(i) = V;
%! endfor
%! p = benchop_problem ("2-am", "S", S, "K", K, "T", T, "r", r, "sigma", sig,
%!                      "D", D, "alpha", al);
%! U = fd_solve (p, lev);
%! assert (U, ref, -1e-4);
%! assert (U, fd_solve (p, lev + 4), -1e-4);
%! assert (all (U >= dividend_call (S, K, T, r, sig, D)));
%!test
%! ## Zero rate: deep in the money, holding and exercising are worth the
%! ## same; the penalty iteration still settles (no warning).
%! p = benchop_problem ("2-am", "T", 2, "alpha", 0.2, "D", 0.1, "sigma", 0.4,
%!                      "r", 0, "S", [80 100 120]);
%! lastwarn ("");
%! U = fd_solve (p, lev);
%! assert (isempty (lastwarn ()));
%! assert (U, fd_solve (p, lev + 3), -1e-4);
%!test
%! ## Without a dividend an American call is never exercised early.
%! p = benchop_problem ("2-am", "D", 0, "S", [90 105]);
%! ref = bs_european ("call", "price", [90 105], 100, 0.5, 0.03, 0.15);
%! assert (fd_solve (p, lev), ref, -1e-4);
%!test
%! ## 3-I, other parameters: against a much finer run (no closed form), and
%! ## between the Black-Scholes prices at the extreme local volatilities.
%! S = [80 100 130];
%! p = benchop_problem ("3-I", "S", S, "K", 110, "T", 0.5, "r", 0.07);
%! U = fd_solve (p, lev);
%! assert (U, fd_solve (p, lev + 4), -1e-4);
%! assert (all (U > bs_european ("call", "price", S, 110, 0.5, 0.07, 0.15)));
%! assert (all (U < bs_european ("call", "price", S, 110, 0.5, 0.07, 0.525)));
%!test
%! ## 3-II, other parameters, against the implied-surface closed form.
%! S = [85 100 120];
%! p = benchop_problem ("3-II", "S", S, "K", 95, "T", 1.2, "r", 0.06);
%! assert (fd_solve (p, lev), implied_surface_call (S, 95, 1.2, 0.06), -1e-4);
%!test
%! ## Merton, parameters moved by 30 %, against the series; a put by
%! ## put-call parity.
%! S = [80 105 140];
%! p = benchop_problem ("5", "S", S, "K", 110, "T", 0.75, "r", 0.06,
%!                      "sigma", 0.2, "lambda", 0.52, "gamma", -0.35,
%!                      "delta", 0.52);
%! ref = merton_call (S, 110, 0.75, 0.06, 0.2, 0.52, -0.35, 0.52);
%! assert (fd_solve (p, lev), ref, -1e-4);
%! p.payoff = "put";
%! assert (fd_solve (p, lev), ref - S + 110 * exp (-0.06 * 0.75), -1e-4);
%! p = benchop_problem ("5", "lambda", 0.28, "gamma", -0.65, "delta", 0.28,
%!                      "sigma", 0.1, "T", 2, "r", 0);
%! ref = merton_call (p.S, 100, 2, 0, 0.1, 0.28, -0.65, 0.28);
%! assert (fd_solve (p, lev), ref, -1e-4);
%!test
%! ## Heston, parameters moved by up to 30 % and points 0.8 K to 1.2 K,
%! ## against the characteristic-function closed form; S = 0.8 K with a
%! ## large, volatile variance needs two levels more than the default.
%! p = benchop_problem ("4", "S", [85 100 115], "K", 90, "T", 0.25, "r", 0);
%! ref = heston_call (p.S, 90, 0.25, 0, p.V0, p.kappa, p.theta, p.sigma_v, p.rho);
%! assert (fd_solve (p, lev), ref, -1e-4);
%! p = benchop_problem ("4", "S", [80 100 120], "K", 100, "V0", 0.029,
%!                      "sigma_v", 0.325, "rho", -0.65, "r", 0.06);
%! ref = heston_call (p.S, 100, 1, 0.06, 0.029, 2, 0.0225, 0.325, -0.65);
%! assert (fd_solve (p, lev + 2), ref, -1e-4);
%! ## A put, by put-call parity.
%! p.payoff = "put";
%! assert (fd_solve (p, lev + 2), ref - p.S + 100 * exp (-0.06), -1e-4);
%!test
%! ## Heston: the work budget caps the levels of long, volatile problems.
%! p = benchop_problem ("4", "T", 2, "sigma_v", 0.325, "kappa", 1.4);
%! [~, i8] = fd_solve (p, 12);
%! [~, i9] = fd_solve (p, 13);
%! assert (i9.N * i9.Nv * i9.M, i8.N * i8.Nv * i8.M);
%! assert (i9.N * i9.Nv * i9.M <= 3.7e7);
%!test
%! ## Exchange option, other parameters (negative correlation, unequal
%! ## volatilities, short maturity), against Margrabe's formula.
%! p = benchop_problem ("6", "T", 2, "r", 0.06, "sigma1", 0.3, "sigma2", 0.2,
%!                      "rho", -0.3);
%! ref = margrabe_exchange (p.S, 2, 0.3, 0.2, -0.3);
%! assert (fd_solve (p, lev), ref(:).', -1e-4);
%! S = [100 95; 80 100; 120 90];
%! p = benchop_problem ("6", "S", S, "T", 0.25, "r", 0, "sigma1", 0.1,
%!                      "sigma2", 0.4, "rho", 0.8);
%! ref = margrabe_exchange (S, 0.25, 0.1, 0.4, 0.8);
%! assert (fd_solve (p, lev), ref(:).', -1e-4);
%!test
%! ## Each level about doubles the work (nodes times steps).
%! p = benchop_problem ("1a-I");
%! [~, i3] = fd_solve (p, 7);
%! [~, i4] = fd_solve (p, 8);
%! assert ((i4.N * i4.M) / (i3.N * i3.M), 2, 0.3);
%! assert (i4.extrapolated);
%!test
%! ## Extreme parameters stay bounded (node and step budgets).
%! p = benchop_problem ("1c-II", "sigma", 0.002, "r", 0.4, "T", 5, "B", 150,
%!                      "S", [90 100]);
%! t0 = tic ();
%! [U, info] = fd_solve (p, 1);
%! assert (toc (t0) < 10);
%! assert (all (isfinite (U)));
%!test
%! ## Every point knocked out.
%! p = benchop_problem ("1c-I", "S", [125 130]);
%! assert (fd_solve (p, 1), [0 0]);

## Input validation is fd_check's; fd_solve calls it.
%!error fd_solve (benchop_problem ("1a-I"))
%!error <PROBLEM must be a problem struct> fd_solve (3, 1)
