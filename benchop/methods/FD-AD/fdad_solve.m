## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fdad_solve (@var{problem}, @var{level})
## Price @var{problem} by finite differences on a space grid adapted to an
## a-posteriori estimate of the local truncation error (FD-AD).
##
## @var{problem} is a problem struct (@pxref{benchop_problem}): a European
## or American call or put, optionally up-and-out (barrier @code{B}, no
## rebate), under Black-Scholes, Black-Scholes with one discrete
## proportional dividend, or the local volatilities of problems 3-I and
## 3-II; output price, delta, gamma or (constant sigma) vega; or the
## exchange option max(S1 - S2, 0) on two Black-Scholes assets
## (@code{problem.S} an n-by-2 matrix of pairs) (@pxref{fdad_check}).
## @var{U} holds one value per evaluation point, in order, as a row (zero
## at or above an up-and-out barrier).
##
## The method follows Lotstedt, Persson, von Sydow and Tysk, "Space-time
## adaptive finite difference method for European multi-asset options",
## Comput. Math. Appl. 53 (2007), and Persson and von Sydow, "Pricing
## European multi-asset options using a space-time adaptive FD-method",
## Comput. Vis. Sci. 10 (2007): the local truncation error of the space
## discretisation is estimated from a computed solution, and a grid is
## generated whose local step equidistributes the estimate below a
## tolerance, through a grid density mapped from a uniform grid.  Here
## (@pxref{fdad_price}): in x = ln (S / K) (moving with the forward,
## x = ln (S e^(r tau) / K), unless a barrier is within reach, so the
## payoff's kink stays in place), a pilot solve on a coarse uniform grid
## (@pxref{fdad_march}), the estimate of the leading truncation error term
## from its third and fourth differences, integrated over time and damped
## with the distance from the evaluation points (@pxref{fdad_estimate}),
## the grid from the estimate (@pxref{fdad_grid}), then the final solve:
## second-order three-point differences (@pxref{fdad_stencil}),
## Crank-Nicolson steps graded toward maturity with Rannacher's implicit
## Euler start (@pxref{fdad_steps}), the Ikonen-Toivanen operator
## splitting for American exercise, the jump condition U(S, t-) =
## U((1 - D) S, t+) at the dividend date t = alpha T, and the barrier the
## last node with U = 0.  Delta and gamma are differences of the grid
## solution in S at the nodes, interpolated to the points; vega solves
## the sigma-derivative of the discrete scheme alongside (American: central
## differences in sigma on the same grid).  Problem 3-II's local volatility
## depends on the spot, so each of its points is a solve of its own.
##
## The exchange option is one-dimensional by a change of numeraire: with
## S2 as numeraire, U(S1, S2, t) = S2 u(S1 / S2, t), where u solves the
## Black-Scholes equation with r = 0 and the volatility
## sqrt (sigma1^2 + sigma2^2 - 2 rho sigma1 sigma2) of S1 / S2, with the
## payoff max(x - 1, 0) (a call struck at 1).
##
## @var{level} (an integer from 1 to 12) sets the error tolerance of the
## grid, 4e-3 2^(1 - level) relative to the smallest value priced; each
## level about doubles the work (sqrt (2) times the nodes and the steps).
## @var{info} gives the final grid's @code{N} (intervals), @code{M} (time
## steps) and the pilot's @code{Np}.
##
## @code{fdad_solve} is @code{fdad_solve_checked (fdad_check (@var{problem},
## @var{level}), @var{level})}: @code{fdad_check} validates the input,
## @code{fdad_solve_checked} prices, and @code{benchop_solve} times the
## latter alone.
## @end deftypefn

function [U, info] = fdad_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = fdad_solve_checked (fdad_check (problem, level), level);
endfunction

%!shared lev, ids
%! m = benchop_methods ("get", "FD-AD");
%! lev = m.default_level;
%! ids = m.problems;

%!test
%! ## Every supported problem at the default level, against the reference.
%! for id = ids
%!   p = benchop_problem (id{1});
%!   assert (fdad_solve (p, lev), benchop_reference (p), -1e-4);
%! endfor
%!test
%! ## European call and Greeks away from the defaults.
%! for out = {"price", "delta", "vega"}
%!   id = "1a-I";
%!   if (! strcmp (out{1}, "price"))
%!     id = ["1a-I-" out{1}];
%!   endif
%!   S = [85 100 115];
%!   p = benchop_problem (id, "S", S, "K", 95, "T", 0.5, "r", 0.05,
%!                        "sigma", 0.25);
%!   ref = bs_european ("call", out{1}, S, 95, 0.5, 0.05, 0.25);
%!   assert (fdad_solve (p, lev), ref, -1e-4);
%! endfor
%!test
%! ## A European put through the same grid (not in the catalogue).
%! p = benchop_problem ("1a-I", "r", 0.02, "T", 2, "K", 110);
%! p.payoff = "put";
%! ref = bs_european ("put", "price", p.S, 110, 2, 0.02, 0.15);
%! assert (fdad_solve (p, lev), ref, -1e-4);
%!test
%! ## Up-and-out: points at or above the barrier are worth zero.
%! S = [90 100 130 140];
%! p = benchop_problem ("1c-I", "S", S, "B", 130, "T", 0.5, "sigma", 0.2);
%! U = fdad_solve (p, lev);
%! assert (U(1:2), up_and_out_call (S(1:2), 100, 130, 0.5, 0.03, 0.2), -1e-4);
%! assert (U(3:4), [0 0]);
%! assert (fdad_solve (benchop_problem ("1c-I", "B", 95), 1), [0 0 0]);
%!test
%! ## Exchange option against Margrabe's formula, other parameters.
%! S = [90 110; 120 100];
%! p = benchop_problem ("6", "S", S, "T", 2, "r", 0.05, "sigma1", 0.2,
%!                      "sigma2", 0.3, "rho", -0.3);
%! ref = margrabe_exchange (S, 2, 0.2, 0.3, -0.3);
%! assert (fdad_solve (p, lev), ref(:).', -1e-4);
%!test
%! ## Each level adds nodes and steps, about sqrt (2) times each.
%! p = benchop_problem ("1a-I");
%! [~, i1] = fdad_solve (p, 6);
%! [~, i2] = fdad_solve (p, 7);
%! assert (i2.N / i1.N, sqrt (2), 0.2);
%! assert (i2.M > i1.M);
%!error fdad_solve (benchop_problem ("1a-I"))
%!error <PROBLEM must be a problem struct> fdad_solve (3, 1)
