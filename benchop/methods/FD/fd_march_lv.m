## -*- texinfo -*-
## @deftypefn {} {[@var{u}, @var{stats}] =} fd_march_lv (@var{problem}, @var{g})
## March the local-volatility PDE of a European @var{problem} on grid
## @var{g} (@pxref{fd_grid}) from the payoff to time to maturity T.
##
## In y = ln S + c tau the PDE reads
## u_tau = s^2/2 u_yy + (r - s^2/2 - c) u_y - r u, s = sigma (S, T - tau)
## the local volatility (@pxref{fd_local_vol}) at S = exp (y - c tau).  The
## coefficients change with time, so the tridiagonal operator is rebuilt at
## every time level; the local volatility of all nodes comes from one
## vectorized call per block of levels.  Crank-Nicolson with a Rannacher start
## (@pxref{fd_grid}): A at the old level on the right, at the new level
## on the left, which is second order for smooth time dependence.  The
## systems go to @code{\} (banded LU for a tridiagonal sparse matrix).
## @var{u} is the column of values on g.y at tau = T; @var{stats.solves}
## counts the linear solves.
## @end deftypefn

function [u, stats] = fd_march_lv (problem, g)
  if (nargin != 2)
    print_usage ();
  endif
  n = g.N;
  y = g.y;
  h = g.h;
  r = problem.r;
  T = problem.T;
  c = g.c;
  tnew = g.tnew;
  alpha = g.alpha;
  cn = g.cn;
  ts = [0, tnew];

  ## Interior coefficients (rows = nodes 2..n) of the levels k0:k0+nb, a
  ## block at a time: one vectorized call to the local volatility per block,
  ## and memory bounded on fine grids.
  yi = y(2:n);
  nb = 32;
  k0 = -Inf;
  ends = [1; n+1];
  UB = fd_boundary (problem, exp (y(ends) - c * ts), ts);
  u = fd_payoff (problem.payoff, exp (y), problem.K);
  ## Index pattern of the interior tridiagonal matrix.
  m = n - 1;
  ii = [(1:m).'; (2:m).'; (1:m-1).'];
  jj = [(1:m).'; (1:m-1).'; (2:m).'];
  for k = 1:numel (alpha)
    if (k + 1 > k0 + nb)
      k0 = k;
      kk = k:min (k + nb, numel (ts));
      sig = fd_local_vol (problem, exp (yi - c * ts(kk)), T - ts(kk));
      a = sig.^2 / 2;
      b = r - a - c;
      lo = a / h^2 - b / (2 * h);
      di = -2 * a / h^2 - r;
      up = a / h^2 + b / (2 * h);
      ## Where convection dominates (cell Peclet number above 1, e.g. where
      ## the surface's local variance is cut to zero, far in the wing),
      ## upwind it so that the off-diagonals stay nonnegative.
      pe = abs (b) * h > 2 * a;
      if (any (pe(:)))
        lo(pe) = a(pe) / h^2 - min (b(pe), 0) / h;
        up(pe) = a(pe) / h^2 + max (b(pe), 0) / h;
        di(pe) = -2 * a(pe) / h^2 - abs (b(pe)) / h - r;
      endif
    endif
    j = k - k0 + 1;         # column of level k in the block
    al = alpha(k);
    rhs = u(2:n);
    if (cn(k))
      rhs += al * (lo(:,j) .* u(1:n-1) + di(:,j) .* rhs + up(:,j) .* u(3:n+1));
    endif
    ub = UB(:, k+1);
    rhs(1) += al * lo(1,j+1) * ub(1);
    rhs(m) += al * up(m,j+1) * ub(2);
    L = sparse (ii, jj, [1 - al * di(:,j+1); -al * lo(2:m,j+1);
                         -al * up(1:m-1,j+1)], m, m);
    u = [ub(1); L \ rhs; ub(2)];
  endfor
  stats.solves = numel (alpha);
endfunction

%!test
%! ## Put-call parity on the grid (to the O(h^2) of the differences), and
%! ## the call between its bounds.
%! p = struct ("model", "local-vol-parametric", "payoff", "call",
%!             "exercise", "european", "barrier", "none", "S", 100,
%!             "K", 100, "T", 1, "r", 0.03);
%! g = fd_grid (p, 10, 10);
%! c = fd_march_lv (p, g);
%! q = p; q.payoff = "put";
%! d = fd_march_lv (q, g);
%! S = exp (g.y - g.c);
%! k = abs (log (S / 100)) < 1;
%! assert (c(k) - d(k), S(k) - 100 * exp (-0.03), 1e-3);
%! assert (all (c(k) >= max (S(k) - 100 * exp (-0.03), 0) - 1e-3 & c(k) < S(k)));
%!error fd_march_lv (1)
