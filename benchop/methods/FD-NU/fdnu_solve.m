## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fdnu_solve (@var{problem}, @var{level})
## Price @var{problem} by finite differences on a non-uniform grid in S
## clustered at the strike, Crank-Nicolson in time with a Rannacher start
## (ADI in two dimensions).
##
## @var{problem} is a problem struct (@pxref{benchop_problem}): a European
## or American call or put, optionally up-and-out (barrier @code{B}, no
## rebate), under Black-Scholes, Black-Scholes with one discrete
## proportional dividend, the local volatilities of problems 3-I and 3-II,
## or Merton's jump diffusion; output price, delta, gamma or (constant
## sigma) vega; a European call or put under Heston's model; or the
## exchange option on two Black-Scholes assets (@code{problem.S} an n-by-2
## matrix of pairs) (@pxref{fdnu_check}).  @var{U} holds one value per
## evaluation point @code{problem.S}, in order, as a row (zero at or above
## an up-and-out barrier).
##
## The grid is the sinh map of Tavella and Randall and of in 't Hout and
## Foulon, clustered at the strike (and the barrier), with the strike a node
## and the barrier the last node (@pxref{fdnu_grid}); the space operator
## uses second-order non-uniform central differences (@pxref{fdnu_operator}),
## the jump integral an exact quadrature of the piecewise linear
## interpolant (@pxref{fdnu_jump_matrix}).  The time march
## (@pxref{fdnu_march}) is Crank-Nicolson with Rannacher's implicit Euler
## start, the Ikonen-Toivanen operator splitting for American exercise,
## an implicit-explicit (CNAB) treatment of the jumps and a jump condition
## at the dividend date.  Heston's model and the exchange option are solved
## in two space dimensions by the Modified Craig-Sneyd ADI scheme on
## non-uniform grids (@pxref{fdnu_heston}, @ref{fdnu_exchange},
## @ref{fdnu_adi}; European prices only, work growing as q^3 with
## q = 2^((level-5)/3), levels above 10 the same as 10).  Problem 3-II's local volatility depends on the
## spot priced, so each of its points is a solve of its own.
##
## Each call solves on two nested grids, (h, dt) and (h/2, dt/2), and
## returns the Richardson extrapolation (4 U(h/2) - U(h)) / 3, which cancels
## the leading second-order error terms.
##
## @var{level} (an integer from 1 to 13) sets the resolution: the coarse
## grid has about 40 q (1 + Pe) intervals and as many time steps (twice as
## many for American exercise), with
## q = 2^((level-5)/2) and Pe = |r| T / (sigma sqrt(T)) the ratio of the
## drift of the kink to its spread (@pxref{fdnu_price1d}), so each level
## doubles the work; the levels below 5 are the coarse grids on which the
## non-uniform grid already meets 1e-4 for many problems.  The levels above 10 serve points far out of the
## money, where a price is tiny beside its values near the strike, and
## cost a fraction of a second in one dimension.  @var{info} gives the fine grid's @code{N} (intervals)
## and @code{M} (time steps), the number of linear @code{solves} and
## whether the result was @code{extrapolated}.
##
## @code{fdnu_solve} is @code{fdnu_solve_checked (fdnu_check (@var{problem},
## @var{level}), @var{level})}: @code{fdnu_check} validates the input
## (@pxref{fdnu_check}), @code{fdnu_solve_checked} prices, and
## @code{benchop_solve} times the latter alone.
## @end deftypefn

function [U, info] = fdnu_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = fdnu_solve_checked (fdnu_check (problem, level), level);
endfunction

%!shared lev, R, ids
%! m = benchop_methods ("get", "FD-NU");
%! lev = m.default_level;
%! ids = m.problems;
%! R = @benchop_published;

## Every supported problem at the default level, against the reference
## values of the catalogue (the spec's).
%!test
%! for id = ids
%!   if (! strcmp (id{1}, "3-I"))
%!     assert (fdnu_solve (benchop_problem (id{1}), lev), R (id{1}), -1e-4);
%!   endif
%! endfor
%!test
%! ## 3-I: the spec's converged values (the published ones have 6 digits).
%! U = fdnu_solve (benchop_problem ("3-I"), lev);
%! assert (U, [2.9551679, 7.6421703, 14.7842514], -1e-4);
%! assert (U, [2.9551679, 7.6421703, 14.7842514], -1e-6);
%!test
%! ## The method covers exactly the problems tested.
%! assert (sort (ids), sort ({"1a-I", "1a-I-delta", "1a-I-gamma", ...
%!   "1a-I-vega", "1a-II", "1a-II-delta", "1a-II-gamma", "1a-II-vega", ...
%!   "1b-I", "1b-II", "1c-I", "1c-II", "2-eu", "2-am", "3-I", "3-II", "4", ...
%!   "5", "6"}));
%!test
%! ## 1b-I against the spec's more accurate values; 1b-II is K - S.
%! U = fdnu_solve (benchop_problem ("1b-I"), lev);
%! assert (U, [10.7265417, 4.8206440, 1.8282255], -2e-5);
%! assert (fdnu_solve (benchop_problem ("1b-II"), 1), [3 2 1], 1e-8);

## Parameters away from the defaults, against the closed forms.
%!test
%! ## European call and Greeks, two parameter sets.
%! for out = {"price", "delta", "gamma", "vega"}
%!   id = "1a-I";
%!   if (! strcmp (out{1}, "price"))
%!     id = ["1a-I-" out{1}];
%!   endif
%!   S = [75 95 105 130];
%!   p = benchop_problem (id, "S", S, "K", 110, "T", 0.5, "r", 0.06,
%!                        "sigma", 0.3);
%!   ref = bs_european ("call", out{1}, S, 110, 0.5, 0.06, 0.3);
%!   assert (fdnu_solve (p, lev), ref, -1e-4);
%!   S = [85 100 120];
%!   p = benchop_problem (id, "S", S, "K", 80, "T", 2, "r", 0, "sigma", 0.4);
%!   ref = bs_european ("call", out{1}, S, 80, 2, 0, 0.4);
%!   assert (fdnu_solve (p, lev), ref, -1e-4);
%! endfor
%!test
%! ## Set II style: small volatility, drift-dominated, other points.
%! S = [96 99.5 101];
%! for out = {"price", "delta", "gamma", "vega"}
%!   id = "1a-II";
%!   if (! strcmp (out{1}, "price"))
%!     id = ["1a-II-" out{1}];
%!   endif
%!   p = benchop_problem (id, "S", S, "sigma", 0.02, "r", 0.08, "T", 0.5);
%!   ref = bs_european ("call", out{1}, S, 100, 0.5, 0.08, 0.02);
%!   assert (fdnu_solve (p, lev), ref, -1e-4);
%! endfor
%!test
%! ## A European put (not in the catalogue), zero rate.
%! p = benchop_problem ("1a-I", "r", 0, "T", 2, "K", 85);
%! p.payoff = "put";
%! ref = bs_european ("put", "price", p.S, 85, 2, 0, 0.15);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%!test
%! ## American puts, set I and set II style.
%! p = benchop_problem ("1b-I", "S", [80 100 125], "K", 105, "T", 0.75,
%!                      "r", 0.06, "sigma", 0.25);
%! ref = american_put_reference (p.S, 105, 0.75, 0.06, 0.25);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! p = benchop_problem ("1b-II", "S", [97 99 100.5], "r", 0.05, "sigma", 0.02);
%! ref = american_put_reference (p.S, 100, 0.25, 0.05, 0.02);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! ## Drift-dominated, at and above the strike: the layer at the exercise
%! ## boundary (width sigma^2 K / 2r = 0.25) has a cluster of its own.
%! p = benchop_problem ("1b-II", "S", [99 100 100.5], "T", 1, "r", 0.08,
%!                      "sigma", 0.02);
%! ref = american_put_reference (p.S, 100, 1, 0.08, 0.02);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%!test
%! ## An American call without dividends is the European one.
%! p = benchop_problem ("1b-I", "S", [85 100 120]);
%! p.payoff = "call";
%! ref = bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%!test
%! ## Up-and-out calls; points at and above the barrier are worth zero.
%! S = [70 95 120 140 150];
%! p = benchop_problem ("1c-I", "S", S, "K", 90, "B", 140, "T", 2,
%!                      "r", 0.01, "sigma", 0.2);
%! U = fdnu_solve (p, lev);
%! assert (U(1:3), up_and_out_call (S(1:3), 90, 140, 2, 0.01, 0.2), -1e-4);
%! assert (U(4:5), [0 0]);
%! p = benchop_problem ("1c-II", "B", 101);
%! ref = up_and_out_call (p.S, 100, 101, 0.25, 0.1, 0.01);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! assert (fdnu_solve (benchop_problem ("1c-I", "S", [125 130]), 1), [0 0]);
%! assert (fdnu_solve (benchop_problem ("1c-I", "B", 95), 1), [0 0 0]);
%!test
%! ## Discrete dividend: European closed form; American = European when
%! ## D = 0, and worth at least the European otherwise.
%! p = benchop_problem ("2-eu", "S", [80 100 120], "K", 90, "T", 1.5,
%!                      "sigma", 0.3, "D", 0.05, "alpha", 0.3, "r", 0.05);
%! ref = dividend_call (p.S, 90, 1.5, 0.05, 0.3, 0.05);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! p = benchop_problem ("2-am", "D", 0);
%! ref = bs_european ("call", "price", p.S, 100, 0.5, 0.03, 0.15);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! p = benchop_problem ("2-am", "S", [80 100 120], "K", 90, "T", 1.5,
%!                      "sigma", 0.3, "D", 0.05, "alpha", 0.3, "r", 0.05);
%! assert (all (fdnu_solve (p, lev) > dividend_call (p.S, 90, 1.5, 0.05, 0.3, 0.05)));
%!test
%! ## Local volatility 3-I: put-call parity holds for any model.
%! p = benchop_problem ("3-I", "K", 90, "T", 2, "r", 0.05, "S", [80 95 120]);
%! C = fdnu_solve (p, lev);
%! p.payoff = "put";
%! P = fdnu_solve (p, lev);
%! assert (C - P, p.S - 90 * exp (-0.1), 1e-6);
%!test
%! ## Local volatility 3-II against the implied-surface closed form.
%! p = benchop_problem ("3-II", "K", 90, "T", 1, "r", 0.05, "S", [85 100 115]);
%! ref = implied_surface_call (p.S, 90, 1, 0.05);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! ## T = 2: the surface has calendar arbitrage far from the money, where
%! ## the local variance is floored at zero.
%! p = benchop_problem ("3-II", "K", 120, "T", 2, "r", 0.08, "S", [108 120 132]);
%! ref = implied_surface_call (p.S, 120, 2, 0.08);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%!test
%! ## Merton against the series, including a large compensated drift.
%! p = benchop_problem ("5", "K", 110, "T", 0.5, "sigma", 0.25, "lambda", 1,
%!                      "gamma", 0.1, "delta", 0.2, "S", [90 110 130]);
%! ref = merton_call (p.S, 110, 0.5, 0.03, 0.25, 1, 0.1, 0.2);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! p = benchop_problem ("5", "K", 80, "T", 2, "sigma", 0.1, "lambda", 2,
%!                      "gamma", -0.2, "delta", 0.1, "r", 0, "S", [70 80 100]);
%! ref = merton_call (p.S, 80, 2, 0, 0.1, 2, -0.2, 0.1);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! ## Merton vega (not in the catalogue): the differentiated equation
%! ## carries the jump term too; reference by differencing the series.
%! p = benchop_problem ("5");
%! p.output = "vega";
%! h = 1e-4;
%! ref = (merton_call (p.S, 100, 1, 0.03, 0.15 + h, 0.4, -0.5, 0.4)
%!        - merton_call (p.S, 100, 1, 0.03, 0.15 - h, 0.4, -0.5, 0.4)) / (2 * h);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%!test
%! ## Heston: other parameters, a call against the characteristic-function
%! ## integral and a put through put-call parity.
%! p = benchop_problem ("4", "S", [80 90 110], "K", 90, "T", 1.5, "r", 0.02,
%!                      "V0", 0.03, "kappa", 1, "theta", 0.04,
%!                      "sigma_v", 0.4, "rho", -0.6);
%! ref = heston_call (p.S, 90, 1.5, 0.02, 0.03, 1, 0.04, 0.4, -0.6);
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%! p = benchop_problem ("4", "T", 0.25, "r", 0, "V0", 0.16, "kappa", 3,
%!                      "theta", 0.09, "sigma_v", 0.3, "rho", 0.3);
%! p.payoff = "put";
%! ref = heston_call (p.S, 100, 0.25, 0, 0.16, 3, 0.09, 0.3, 0.3) - p.S + 100;
%! assert (fdnu_solve (p, lev), ref, -1e-4);
%!test
%! ## Exchange option against Margrabe's formula, other parameters.
%! S = [90 110; 120 100; 100 100];
%! p = benchop_problem ("6", "S", S, "T", 2, "r", 0.05, "sigma1", 0.2,
%!                      "sigma2", 0.3, "rho", -0.3);
%! ref = margrabe_exchange (S, 2, 0.2, 0.3, -0.3);
%! assert (fdnu_solve (p, lev), ref(:).', -1e-4);
%!test
%! ## Each level about doubles the work (nodes times steps).
%! p = benchop_problem ("1a-I");
%! [~, i3] = fdnu_solve (p, 7);
%! [~, i4] = fdnu_solve (p, 8);
%! assert ((i4.N * i4.M) / (i3.N * i3.M), 2, 0.3);
%! assert (i4.extrapolated);

## Input validation is fdnu_check's; fdnu_solve calls it.
%!error fdnu_solve (benchop_problem ("1a-I"))
%!error <PROBLEM must be a problem struct> fdnu_solve (3, 1)
