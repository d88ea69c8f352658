## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fd_solve_heston (@var{problem}, @var{level})
## Price a European call or put under Heston's model by finite differences
## on a grid uniform in S and v, the modified Craig-Sneyd ADI scheme
## (@pxref{fd_march_heston}, @ref{fd_heston_grid}); the part of
## @code{fd_solve_checked} for @var{problem}.model @qcode{"heston"}.
## @var{problem} is a problem checked by @code{fd_check} (or a problem
## struct known to be valid): nothing is checked here.
##
## The price at V0 (a node) is interpolated cubically in S, on two nested
## grids, (h, dt) and (h/2, dt/2), and extrapolated as
## (4 U(h/2) - U(h)) / 3.  The levels refine both directions and time by
## 2^(1/3), so that each doubles the work; level 4 has about 8 intervals
## per standard deviation of ln S_T at the strike.  A budget on the fine
## grid's nodes times steps (a few seconds) caps the level: long
## maturities and small V0 need larger grids, but converge at lower
## levels.
##
## Points more than 1.5 standard deviations of ln S_T out of the money
## (from the forward, with the mean variance over [0, T]) are solved by a
## march tilted towards the strike, alpha = ln (K/F) / (w T) of the deepest
## of them, with w T the variance of ln S_T (@pxref{fd_march_heston}); the
## others share one plain march.  Without the tilt, the error far out of the money is set
## by the grid near the strike and the price 3 deviations out needs about
## three levels more (eight times the work) for the same relative error.
## @var{info} gives the fine grid's @code{N} and @code{Nv} (intervals in S
## and v), @code{M} (time steps), @code{h} (S spacing), the number of
## linear solves and whether a march was tilted.
## @end deftypefn

function [U, info] = fd_solve_heston (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  max_work = 3.6e7;
  lev = level;
  m = 8 * 2^((lev - 4) / 3);
  while (lev > 1)
    g = fd_heston_grid (problem, m, 3 * m, 2);
    if (numel (g.S) * numel (g.v) * g.M <= max_work)
      break;
    endif
    lev -= 1;
    m = 8 * 2^((lev - 4) / 3);
  endwhile

  alpha = tilts (problem);
  [groups, ~, which] = unique (alpha);
  U = zeros (size (problem.S));
  info = struct ("N", 0, "Nv", 0, "M", 0, "h", 0, "c", 0, "solves", 0,
                 "tilted", nnz (groups != 0), "extrapolated", true);
  for k = 1:numel (groups)
    in = (which == k);
    S = problem.S(in);
    Uh = zeros (2, numel (S));
    for rf = 1:2
      g = fd_heston_grid (problem, m, 3 * m, rf, groups(k));
      w = fd_march_heston (problem, g, groups(k));
      Uh(rf, :) = fd_interp (0, g.dS, w(:, g.jv), S) .* (S / problem.K) .^ groups(k);
    endfor
    U(in) = (4 * Uh(2, :) - Uh(1, :)) / 3;
    info.N = max (info.N, numel (g.S) - 1);
    info.Nv = max (info.Nv, numel (g.v) - 1);
    info.M = max (info.M, g.M);
    info.h = g.dS;
    info.solves += 4 * g.M;
  endfor
endfunction

## The tilt of each point: 0 up to 1.5 deviations out of the money, and
## beyond that ln (K/F) / (w T) of the deepest point (one march for all
## the deep points: the deepest one's tilt serves the others about as well
## as their own, at the cost of one march).
function alpha = tilts (p)
  wT = p.theta * p.T + (p.V0 - p.theta) * (1 - exp (-p.kappa * p.T)) / p.kappa;
  lkf = log (p.K ./ (p.S * exp (p.r * p.T)));
  if (strcmp (p.payoff, "put"))
    depth = -lkf / sqrt (wT);
  else
    depth = lkf / sqrt (wT);
  endif
  [deepest, i] = max (depth(:));
  alpha = zeros (size (p.S));
  if (deepest > 1.5)
    alpha(depth > 1.5) = lkf(i) / wT;
  endif
endfunction

%!shared p, ref
%! ## A short maturity at low variance: S = 80 lies 3.4 deviations out of
%! ## the money, where a call is worth 6e-8 K.
%! p = benchop_problem ("4", "S", [80 100 110], "T", 0.25, "V0", 0.01575,
%!                      "theta", 0.01575, "rho", -0.65, "r", 0);
%! ref = heston_call (p.S, 100, 0.25, 0, 0.01575, 2, 0.01575, 0.25, -0.65);
%!test
%! [U, info] = fd_solve_heston (p, 7);
%! assert (U, ref, -1e-4);
%! assert (info.tilted, 1);
%!test
%! ## Without the tilt, the same grids miss S = 80 by far.
%! m = 16;                   # level 7
%! Uh = zeros (1, 2);
%! for rf = 1:2
%!   g = fd_heston_grid (p, m, 3 * m, rf);
%!   w = fd_march_heston (p, g);
%!   Uh(rf) = fd_interp (0, g.dS, w(:, g.jv), 80);
%! endfor
%! assert (abs (((4 * Uh(2) - Uh(1)) / 3) / ref(1) - 1) > 5e-4);
%!test
%! ## A put by put-call parity, tilted the other way (S = 120 lies 2.9
%! ## deviations out of the money).
%! q = p;
%! q.payoff = "put";
%! q.S = [100 120];
%! c = heston_call (q.S, 100, 0.25, 0, 0.01575, 2, 0.01575, 0.25, -0.65);
%! [U, info] = fd_solve_heston (q, 7);
%! assert (info.tilted, 1);
%! assert (U, c - q.S + 100, -1e-4);
%!test
%! ## Near the money no point is tilted: one march.
%! [~, info] = fd_solve_heston (benchop_problem ("4"), 4);
%! assert (info.tilted, 0);
%!error fd_solve_heston (1)
