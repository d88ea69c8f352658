## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbf_solve (@var{problem}, @var{level})
## Price @var{problem} by global radial basis function collocation:
## multiquadrics on nodes in log S clustered at the strike, BDF2 in time.
##
## @var{problem} is a problem struct (@pxref{benchop_problem}) with model
## @qcode{"black-scholes"}, @qcode{"black-scholes-dividend"} (one
## proportional dividend D at t = alpha T), @qcode{"local-vol-parametric"}
## or @qcode{"local-vol-implied-surface"}: a European or American call or
## put, optionally up-and-out (barrier @code{B}, no rebate), with output
## @qcode{"price"}, @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"}
## (constant volatility).  @var{U} holds one value per evaluation point
## @code{problem.S}, in order.  The implied-surface local volatility depends
## on the spot priced, so that model is solved once per point.
## The exchange option of @qcode{"black-scholes-2d"} (@pxref{rbf_exchange},
## @var{problem}.S rows of [S1 S2]) is solved by global collocation on a
## 2-D tensor-product node set.  The European call or put of
## @qcode{"heston"} (@pxref{rbf_heston}) likewise, in (ln S, v), after
## subtracting a Black-Scholes part that carries the payoff's kink.
##
## Frame and domain follow the parameters (@pxref{rbfx_setup}), the nodes
## and the smoothing of the payoff are in @ref{rbfx_nodes} and
## @ref{rbfx_initial}, the collocation and the shape parameter rule
## (ep = 0.4 / local spacing) in @ref{rbf_price}, the time stepping,
## American penalty, dividend jump and vega equation in @ref{rbfx_march},
## the American step count, knocked-out points and the per-point loop in
## @ref{rbfx_solve}.
##
## @var{level} (an integer from 1 to 8) sets the resolution: about
## N = 30 q nodes and M = 120 q time steps (twice as many for American
## exercise), q = 2^((level-1)/3), so the work (N^2 M) doubles with each
## level.  In two dimensions the dense LU work grows as N^6, so q =
## 2^((level-1)/6): N = 30 q nodes in xi, N/5 in eta, M = 30 q steps;
## Heston: q = 2^((level-7)/6), N = 50 q nodes in x, max (15, N/3) in v,
## M = 200 q steps (at most about 1100 nodes, 1 s, at level 8).  @var{info} gives @code{N}, @code{M}, the frame speed @code{c} and
## the number of linear solves.
##
## The input is checked by @code{rbf_check} and priced by
## @code{rbf_solve_checked}, which @code{benchop_solve} times alone.
## @end deftypefn

function [U, info] = rbf_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = rbf_solve_checked (rbf_check (problem, level), level);
endfunction

%!shared lev, R, ids
%! m = benchop_methods ("get", "RBF");
%! lev = m.default_level;
%! ids = m.problems;
%! R = @benchop_published;

## Every supported problem at the default level, against the reference
## values of the catalogue (3-I: the converged values of the spec).
%!assert (rbf_solve (benchop_problem ("1a-I"), lev), R ("1a-I"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1a-I-delta"), lev), R ("1a-I-delta"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1a-I-gamma"), lev), R ("1a-I-gamma"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1a-I-vega"), lev), R ("1a-I-vega"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1a-II"), lev), R ("1a-II"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1a-II-delta"), lev), R ("1a-II-delta"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1a-II-gamma"), lev), R ("1a-II-gamma"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1a-II-vega"), lev), R ("1a-II-vega"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1b-I"), lev), R ("1b-I"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1b-II"), lev), R ("1b-II"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1c-I"), lev), R ("1c-I"), -1e-4)
%!assert (rbf_solve (benchop_problem ("1c-II"), lev), R ("1c-II"), -1e-4)
%!assert (rbf_solve (benchop_problem ("2-eu"), lev), R ("2-eu"), -1e-4)
%!assert (rbf_solve (benchop_problem ("2-am"), lev), R ("2-am"), -1e-4)
%!assert (rbf_solve (benchop_problem ("3-I"), lev), [2.9551679, 7.6421703, 14.7842514], -1e-4)
%!assert (rbf_solve (benchop_problem ("3-II"), lev), R ("3-II"), -1e-4)
%!assert (rbf_solve (benchop_problem ("4"), lev), R ("4"), -1e-4)
%!assert (rbf_solve (benchop_problem ("6"), lev), R ("6"), -1e-4)
%!test
%! ## The method covers exactly the problems tested above.
%! assert (sort (ids), sort ({"1a-I", "1a-I-delta", "1a-I-gamma", "1a-I-vega", ...
%!   "1a-II", "1a-II-delta", "1a-II-gamma", "1a-II-vega", "1b-I", "1b-II", ...
%!   "1c-I", "1c-II", "2-eu", "2-am", "3-I", "3-II", "4", "6"}));

## Parameters away from the defaults, against the closed forms.
%!test
%! ## European call and Greeks.
%! S = [85 95 105 120];
%! for out = {"price", "delta", "gamma", "vega"}
%!   id = "1a-I";
%!   if (! strcmp (out{1}, "price"))
%!     id = ["1a-I-" out{1}];
%!   endif
%!   p = benchop_problem (id, "S", S, "K", 110, "T", 0.5, "r", 0.06,
%!                        "sigma", 0.3);
%!   ref = bs_european ("call", out{1}, S, 110, 0.5, 0.06, 0.3);
%!   assert (rbf_solve (p, lev), ref, -1e-4);
%! endfor
%!test
%! ## Set II style: small volatility, drift-dominated, other points.
%! S = [97.5 99 100.5];
%! for out = {"price", "delta"}
%!   id = "1a-II";
%!   if (! strcmp (out{1}, "price"))
%!     id = ["1a-II-" out{1}];
%!   endif
%!   p = benchop_problem (id, "S", S, "sigma", 0.02, "r", 0.08, "T", 0.5);
%!   ref = bs_european ("call", out{1}, S, 100, 0.5, 0.08, 0.02);
%!   assert (rbf_solve (p, lev), ref, -1e-4);
%! endfor
%!test
%! ## A European put (payoff put, not in the catalogue) and zero rate.
%! p = benchop_problem ("1a-I", "r", 0, "T", 2, "K", 85);
%! p.payoff = "put";
%! ref = bs_european ("put", "price", p.S, 85, 2, 0, 0.15);
%! assert (rbf_solve (p, lev), ref, -1e-4);
%!test
%! ## American put against the early exercise premium reference.
%! S = [85 100 115]; K = 105; T = 0.75; r = 0.06; sig = 0.25;
%! p = benchop_problem ("1b-I", "S", S, "K", K, "T", T, "r", r, "sigma", sig);
%! U = rbf_solve (p, lev);
%! assert (U, american_put_reference (S, K, T, r, sig), -1e-4);
%!test
%! ## Up-and-out call, barrier within reach; points at or above it are
%! ## worth zero.
%! S = [80 95 110 140 150];
%! p = benchop_problem ("1c-I", "S", S, "K", 90, "B", 140, "T", 2,
%!                      "r", 0.01, "sigma", 0.2);
%! U = rbf_solve (p, lev);
%! assert (U(1:3), up_and_out_call (S(1:3), 90, 140, 2, 0.01, 0.2), -1e-4);
%! assert (U(4:5), [0 0]);
%!test
%! ## European call with a proportional dividend at another date.
%! S = [85 100 115];
%! p = benchop_problem ("2-eu", "S", S, "K", 95, "T", 1.5, "r", 0.05,
%!                      "sigma", 0.25, "D", 0.05, "alpha", 0.4);
%! ref = dividend_call (S, 95, 1.5, 0.05, 0.25, 0.05);
%! assert (rbf_solve (p, lev), ref, -1e-4);
%!test
%! ## American call with a dividend: worth at least the European call and
%! ## the exercise value, and the European one if the dividend is zero.
%! p = benchop_problem ("2-am", "S", [90 100 120], "T", 1, "alpha", 0.5);
%! U = rbf_solve (p, lev);
%! pe = p;
%! pe.exercise = "european";
%! assert (all (U >= rbf_solve (pe, lev) - 1e-8));
%! assert (all (U >= p.S - p.K - 1e-6));
%! p = benchop_problem ("2-am", "D", 0, "S", [90 110]);
%! ref = bs_european ("call", "price", p.S, 100, 0.5, 0.03, 0.15);
%! assert (rbf_solve (p, lev), ref, -1e-4);
%!test
%! ## Implied-surface local volatility, other strike, maturity and points.
%! S = [95 120];
%! p = benchop_problem ("3-II", "S", S, "K", 110, "T", 1);
%! assert (rbf_solve (p, lev), implied_surface_call (S, 110, 1, 0.03), -1e-4);
%!test
%! ## Parametric local volatility: the next level agrees.
%! p = benchop_problem ("3-I", "S", [85 120], "K", 105, "T", 1.5, "r", 0.05);
%! assert (rbf_solve (p, lev), rbf_solve (p, lev + 1), -1e-4);
%!test
%! ## Exchange option, other volatilities, correlation, maturity, points,
%! ## against Margrabe's formula.
%! S = [100 80; 95 100; 120 110; 100 125];
%! p = benchop_problem ("6", "S", S, "sigma1", 0.2, "sigma2", 0.12,
%!                      "rho", 0.3, "T", 0.7, "r", 0.05);
%! ref = margrabe_exchange (S, 0.7, 0.2, 0.12, 0.3);
%! assert (rbf_solve (p, lev), ref(:).', -1e-4);
%!test
%! ## Heston: other strike, maturity, rate, model parameters and points,
%! ## against the closed form; the max level meets 1e-4 where the default
%! ## level may not.
%! S = [85 100 115 125];
%! p = benchop_problem ("4", "S", S, "K", 105, "T", 0.5, "r", 0.04,
%!                      "V0", 0.03, "kappa", 1.5, "theta", 0.028,
%!                      "sigma_v", 0.3, "rho", -0.6);
%! ref = heston_call (S, 105, 0.5, 0.04, 0.03, 1.5, 0.028, 0.3, -0.6);
%! assert (rbf_solve (p, lev), ref, -1e-4);
%! p = benchop_problem ("4", "S", [90 100 110], "T", 2, "sigma_v", 0.325,
%!                      "rho", -0.65, "kappa", 1.4, "theta", 0.01575);
%! ref = heston_call (p.S, 100, 2, 0.03, 0.0225, 1.4, 0.01575, 0.325, -0.65);
%! assert (rbf_solve (p, 8), ref, -1e-4);
%!test
%! ## Every point knocked out.
%! p = benchop_problem ("1c-I", "S", [125 130]);
%! assert (rbf_solve (p, 1), [0 0]);

## Input validation (the cases: rbf_check).
%!error rbf_solve (benchop_problem ("1a-I"))
%!error rbf_solve (benchop_problem ("1a-I"), 1, 2)
%!error <rbf_check: PROBLEM must be a problem struct> rbf_solve (3, 1)
%!error <rbf_check: LEVEL must be> rbf_solve (benchop_problem ("1a-I"), 9)
