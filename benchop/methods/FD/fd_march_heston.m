## -*- texinfo -*-
## @deftypefn {} {@var{u} =} fd_march_heston (@var{problem}, @var{g})
## March the Heston PDE of a European @var{problem} on grid @var{g}
## (@pxref{fd_heston_grid}) from the payoff to time to maturity T by the
## Hundsdorfer-Verwer ADI scheme (in 't Hout and Foulon 2010).
##
## With y = ln S + r tau and u = e^(-r tau) w, the PDE reads
## w_tau = A0 w + A1 w + A2 w with
## A1 = v/2 (d2/dy2 - d/dy), A2 = sigma_v^2 v/2 d2/dv2 + kappa (theta - v) d/dv
## and the mixed term A0 = rho sigma_v v d2/dydv, all by central second-order
## differences on the uniform grid (the v-convection upwinded where it
## dominates the v-diffusion, far out in v).  At v = 0 the PDE reduces to
## w_tau = kappa theta w_v (one-sided, second order, inflowing); at vmax the
## variance drifts inwards, so the condition there matters little: w_v = 0.
## The y-ends carry the far-field value, which in w is the payoff itself,
## constant in time: their rows of A0, A1, A2 are empty.
##
## HV, theta = 1/2 + sqrt(3)/6: A1 and A2 implicit (one tridiagonal system
## per v-line, a block-tridiagonal sparse solve, and one per y-line, a
## tridiagonal matrix with many right-hand sides), A0 explicit; second
## order in time.  As a Rannacher start against the payoff kink, the first
## two steps are each two half steps of the Douglas scheme with theta = 1.
## @var{u} is the matrix of values (rows y, columns v) at tau = T.
## @end deftypefn

function u = fd_march_heston (problem, g)
  if (nargin != 2)
    print_usage ();
  endif
  y = g.y;
  v = g.v(:);
  h = g.h;
  dv = g.dv;
  nx = numel (y);
  nv = numel (v);
  sv = problem.sigma_v;
  kap = problem.kappa;
  th = problem.theta;
  rho = problem.rho;

  ## y-operators (rows 1 and nx empty: Dirichlet ends).
  i = (2:nx-1).';
  D = @(c) sparse ([i; i; i], [i-1; i; i+1], kron (c(:), ones (nx-2, 1)), nx, nx);
  Dy = D ([-1 0 1] / (2 * h));
  Lx = D ([1 -2 1] / h^2 - [-1 0 1] / (2 * h)) / 2;

  ## v-operator B (rows = v nodes), and the mixed-term factor C.
  j = (2:nv-1).';
  a = sv^2 * v(j) / 2;
  b = kap * (th - v(j));
  up = abs (b) * dv > 2 * a;          # cell Peclet > 1: upwind
  c1 = [-1 0 1] / (2 * dv) .* ! up ...
       + (up & b > 0) .* [0 -1 1] / dv + (up & b < 0) .* [-1 1 0] / dv;
  vals = a .* [1 -2 1] / dv^2 + b .* c1;
  B = sparse ([j; j; j], [j-1; j; j+1], vals(:), nv, nv);
  B = B + sparse ([1 1 1], [1 2 3], kap * th * [-3 4 -1] / (2 * dv), nv, nv);
  B = B + sparse ([nv nv], [nv-1 nv], sv^2 * v(nv) / 2 * [2 -2] / dv^2, nv, nv);
  C = rho * sv * sparse ([j; j], [j-1; j+1], [-v(j); v(j)] / (2 * dv), nv, nv);
  inner = [false; true(nx-2, 1); false];

  A0 = @(U) (Dy * U) * C.';
  A1 = @(U) (Lx * U) .* v.';
  A2 = @(U) inner .* (U * B.');

  if (strcmp (problem.payoff, "call"))
    w = max (exp (y) - problem.K, 0);
  else
    w = max (problem.K - exp (y), 0);
  endif
  U = repmat (w, 1, nv);

  dt = diff (g.tau);
  th_hv = 1 / 2 + sqrt (3) / 6;
  Iy = speye (nx * nv);
  K1 = kron (spdiags (v, 0, nv, nv), Lx);
  Iv = speye (nv);
  M = numel (dt);
  sp = sq = NaN;        # the steps of the stored matrices
  for k = 1:M
    if (k <= 2)
      ## Two Douglas half steps, theta = 1.
      s = dt(k) / 2;
      if (s != sp)
        P1 = Iy - s * K1;
        P2 = Iv - s * B;
        sp = s;
      endif
      for half = 1:2
        A1U = A1 (U);
        A2U = A2 (U);
        Y = U + s * (A0 (U) + A1U + A2U);
        Y = reshape (P1 \ (Y(:) - s * A1U(:)), nx, nv);
        R = Y - s * A2U;
        Y(inner, :) = (P2 \ R(inner, :).').';
        U = Y;
      endfor
    else
      s = dt(k);
      if (s != sq)
        Q1 = Iy - th_hv * s * K1;
        Q2 = Iv - th_hv * s * B;
        sq = s;
      endif
      A1U = A1 (U);
      A2U = A2 (U);
      FU = A0 (U) + A1U + A2U;
      Y0 = U + s * FU;
      Y = reshape (Q1 \ (Y0(:) - th_hv * s * A1U(:)), nx, nv);
      R = Y - th_hv * s * A2U;
      Y(inner, :) = (Q2 \ R(inner, :).').';
      A1Y = A1 (Y);
      A2Y = A2 (Y);
      Z0 = Y0 + s / 2 * (A0 (Y) + A1Y + A2Y - FU);
      Z = reshape (Q1 \ (Z0(:) - th_hv * s * A1Y(:)), nx, nv);
      R = Z - th_hv * s * A2Y;
      Z(inner, :) = (Q2 \ R(inner, :).').';
      U = Z;
    endif
  endfor
  u = exp (-problem.r * g.tau(end)) * U;
endfunction

%!test
%! ## sigma_v -> 0 with V0 = theta: Black-Scholes with sigma^2 = theta.
%! p = benchop_problem ("4", "sigma_v", 1e-3, "rho", 0);
%! g = fd_heston_grid (p, 12, 12);
%! u = fd_march_heston (p, g);
%! S = exp (g.y - p.r * p.T);
%! k = abs (log (S / 100)) < 0.3;
%! ref = bs_european ("call", "price", S(k), 100, 1, 0.03, 0.15);
%! assert (u(k, g.jv), ref, 1e-2);   # coarse, not extrapolated
%!error fd_march_heston (1)
