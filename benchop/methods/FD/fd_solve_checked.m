## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fd_solve_checked (@var{p}, @var{level})
## The FD method's pricing (@pxref{fd_solve}) of a problem checked by
## @code{fd_check}: what @code{benchop_solve} times.  It checks nothing;
## the grids, time steps and prices all follow from @var{p} on every call.
## @end deftypefn

function [U, info] = fd_solve_checked (p, level)
  if (strcmp (p.model, "heston"))
    ## Its levels 1 to 9 are this method's 5 to 13 (its own ladder refines
    ## by 2^(1/3) a level, and goes below 1 alike).
    [U, info] = fd_solve_heston (p, level - 4);
    return;
  endif

  if (strcmp (p.model, "black-scholes-2d"))
    ## As for Heston; level 8 has 8 intervals per standard deviation of
    ## ln (S1/S2) and 3 m time steps; a budget
    ## (m <= 12) bounds the levels above 9.
    m = min (8 * 2^((level - 8) / 3), 12);
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

  ## Resolution q: each level doubles the work (nodes times steps) from
  ## level 5 up, and multiplies it by 2^(2/3) below, where a grid of twice
  ## the work can overshoot the accuracy needed by far.
  if (level >= 5)
    q = 2^((level - 5) / 2);
  else
    q = 2^((level - 5) / 3);
  endif
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
    [g1, g2] = fd_grid (p, m, mt);
    if (g1.upwind)
      ## First-order convection (node budget exhausted): no h^2 expansion
      ## to extrapolate; return the fine solution.
      [U(i), s] = fd_price (p, g2);
    else
      [U12, s] = fd_price (p, [g1, g2]);
      U(i) = (4 * U12(2,:) - U12(1,:)) / 3;
    endif
    if (k == 1)
      info = struct ("N", g2.N, "M", g2.M, "h", g2.h, "c", g2.c,
                     "solves", s, "extrapolated", ! g1.upwind);
    else
      ## One solve per point: the finest grid and all the solves.
      info.N = max (info.N, g2.N);
      info.solves += s;
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
