## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fd_solve_checked (@var{p}, @var{level})
## The FD method's pricing (@pxref{fd_solve}) of a problem checked by
## @code{fd_check}: what @code{benchop_solve} times.  It checks nothing;
## the grids, time steps and prices all follow from @var{p} on every call.
## @end deftypefn

function [U, info] = fd_solve_checked (p, level)
  if (strcmp (p.model, "heston"))
    [U, info] = fd_solve_heston (p, level);
    return;
  endif

  if (strcmp (p.model, "black-scholes-2d"))
    ## As for Heston; level 4 has 8 intervals per standard deviation of
    ## ln (S1/S2) and 3 m time steps; a budget
    ## (m <= 12) bounds the levels above 5.
    m = min (8 * 2^((level - 4) / 3), 12);
    Uh = zeros (2, rows (p.S));
    yq = log (p.S) + p.r * p.T;
    for rf = 1:2
      g = fd_grid_2d (p, m, 3 * m, rf);
      u = fd_march_2d (p, g);
      Uh(rf, :) = fd_interp2 (g.y1, g.y2, u, yq(:,1), yq(:,2));
    endfor
    U = (4 * Uh(2, :) - Uh(1, :)) / 3;
    info = struct ("N", numel (g.y1) - 1, "N2", numel (g.y2) - 1, "M", g.M,
                   "h", g.h, "c", p.r, "solves", 4 * g.M,
                   "extrapolated", true);
    return;
  endif

  S = p.S;
  if (strcmp (p.barrier, "up-and-out") && all (S >= p.B))
    ## Every point is knocked out: nothing to solve.
    U = zeros (size (S));
    info = struct ("N", 0, "M", 0, "h", NaN, "c", NaN, "solves", 0,
                   "extrapolated", false);
    return;
  endif

  q = 2^((level - 1) / 2);
  m = 6 * q;
  mt = 6 * q;
  if (strcmp (p.exercise, "american")
      || any (strcmp (p.model, {"local-vol-parametric", ...
                                "local-vol-implied-surface"})))
    ## The free boundary, or the time-dependent coefficients and the
    ## convection they leave in the moving frame, need more steps.
    mt *= 2;
  endif

  if (strcmp (p.model, "local-vol-implied-surface"))
    ## The local volatility depends on the spot: one solve per point.
    groups = num2cell (1:numel (S));
  else
    groups = {1:numel(S)};
  endif
  U = zeros (size (S));
  for k = 1:numel (groups)
    i = groups{k};
    p.S = S(i);
    g1 = fd_grid (p, m, mt);
    g2 = fd_grid (p, m, mt, 2);
    [U2, s2] = fd_price (p, g2);
    if (g1.upwind)
      ## First-order convection (node budget exhausted): no h^2 expansion
      ## to extrapolate; return the fine solution.
      U(i) = U2;
      s1 = 0;
    else
      [U1, s1] = fd_price (p, g1);
      U(i) = (4 * U2 - U1) / 3;
    endif
    if (k == 1)
      info = struct ("N", g2.N, "M", g2.M, "h", g2.h, "c", g2.c,
                     "solves", s1 + s2, "extrapolated", ! g1.upwind);
    else
      ## One solve per point: the finest grid and all the solves.
      info.N = max (info.N, g2.N);
      info.solves += s1 + s2;
    endif
  endfor
endfunction

%!test
%! ## The same prices as fd_solve, from a problem checked once: a barrier,
%! ## and one solve per point (3-II).
%! for id = {"1c-I", "3-II"}
%!   problem = benchop_problem (id{1});
%!   [U, info] = fd_solve_checked (fd_check (problem, 3), 3);
%!   [Us, infos] = fd_solve (problem, 3);
%!   assert (U, Us);
%!   assert (info, infos);
%! endfor
