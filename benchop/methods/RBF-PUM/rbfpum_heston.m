## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbfpum_heston (@var{problem}, @var{N}, @var{M})
## Price a European call or put under the Heston model (@var{problem} with
## model @qcode{"heston"}) by RBF-PUM collocation in two space dimensions,
## about @var{N} nodes in x = ln (S/K), with @var{M} time steps.
##
## The price solves u_tau = v/2 (u_xx - u_x) + rho sigma_v v u_xv
## + sigma_v^2 v/2 u_vv + r u_x + kappa (theta - v) u_v - r u in x and the
## variance v, on the domain of @code{rbfx_heston_frame}.  The nodes are a
## tensor product: x nodes from @code{rbfpum_nodes} (clustered at the
## strike; tail spacing at most 2 s dF), and at least N/6 nodes in v on
## [0, vmax], v = d sinh (xi) for equally spaced xi, d = vbar / 2, dense at
## v = 0, where the diffusion degenerates, with a grading of at most
## exp (0.2) between neighbouring spacings.
##
## The patches are rectangles: products of the one-dimensional patches of
## @code{rbfpum_weights} in x and in v, with the products of their Shepard
## weights as partition of unity (itself a partition of unity).  On each
## rectangle the local approximation is the tensor product of the Gaussian
## plus polynomial interpolants (scaled separately in x and v, a Gaussian
## in the scaled distance being the product of one-dimensional ones), so
## the blended two-dimensional interpolant is the tensor product of the
## one-dimensional blended ones and its differentiation matrices are
## Kronecker products of the sparse one-dimensional matrices: u_x = (I
## kron Dx) u, u_xv = (Dv kron Dx) u, and so on.
##
## Boundaries: at v = 0 the PDE itself (its v-diffusion vanishes); at vmax,
## u_v = 0; at the x ends (10 standard deviations out) the discounted
## forward intrinsic value.  The payoff is smoothed at the strike
## (@pxref{rbfpum_initial}).  Time: one implicit Euler step (which damps
## the kink), then variable-step BDF2 whose steps grow to 3/2 of the first
## so that the matrix stays the same: one LU factorization in all.  The price at (S, V0) comes from the
## blended interpolant.
## @end deftypefn

function [U, info] = rbfpum_heston (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  m = 3;
  n = 11;
  K = problem.K;
  T = problem.T;
  r = problem.r;
  V0 = problem.V0;
  ka = problem.kappa;
  th = problem.theta;
  sv = problem.sigma_v;
  rho = problem.rho;

  Px = rbfx_heston_frame (problem, N);
  x = rbfpum_nodes (Px, N, 8, 0.5);
  Nx = numel (x);
  ## v = d sinh (xi), xi evenly spaced: fine at v = 0, where the
  ## diffusion degenerates; neighbouring spacings differ by the factor
  ## exp (dxi) <= exp (0.2), as the local approximations of high degree
  ## need (stronger grading made the collocation unstable).
  d = Px.vbar / 2;
  Fv = asinh (Px.vmax / d);
  Nv = max ([9, round(N / 6), ceil(Fv / 0.2) + 1]);
  v = d * sinh (linspace (0, asinh (Px.vmax / d), Nv).');
  [~, X1, X2] = rbfpum_weights (x, x, m, n);
  [~, V1, V2] = rbfpum_weights (v, v, m, n);
  Ix = speye (Nx);
  Iv = speye (Nv);
  NN = Nx * Nv;
  vv = kron (v, ones (Nx, 1));
  Dvv = spdiags (vv, 0, NN, NN);
  Lop = Dvv * (kron (Iv, X2 - X1) / 2 + rho * sv * kron (V1, X1)
               + sv^2 / 2 * kron (V2, Ix)) ...
        + r * kron (Iv, X1) ...
        + spdiags (ka * (th - vv), 0, NN, NN) * kron (V1, Ix) - r * speye (NN);

  ## Boundary rows: values at the x ends, u_v = 0 at vmax.
  [ix, iv] = ndgrid (1:Nx, 1:Nv);
  xb = find (ix == 1 | ix == Nx);
  vb = find (iv == Nv & ix > 1 & ix < Nx);
  inner = true (NN, 1);
  inner([xb; vb]) = false;
  keep = spdiags (double (inner), 0, NN, NN);
  Bc = sparse (xb, xb, 1, NN, NN);
  Dv = kron (V1, Ix);
  Bc(vb,:) = Dv(vb,:);
  call = strcmp (problem.payoff, "call");
  sgn = 2 * call - 1;
  Sx = K * exp (x(ix(xb)));
  far = @(tau) max (sgn * (Sx - K * exp (-r * tau)), 0);

  u = repmat (rbfpum_initial (Px, x), Nv, 1);
  ## Steps: implicit Euler, then variable-step BDF2 whose steps h_k grow
  ## so that its matrix stays I - h1 L (one LU factorization in all): with
  ## w = h_k / h_(k-1), BDF2 reads (1 + 2w)/(1 + w) u_k - (1 + w) u_(k-1)
  ## + w^2/(1 + w) u_(k-2) = h_k L u_k, and h_k (1 + w)/(1 + 2w) = h1
  ## fixes w; the steps tend to 3/2 h1 within a few steps.
  M = max (2, M);
  hs = ones (1, M);
  w = zeros (1, M);
  for k = 2:M
    hp = hs(k-1);
    w(k) = (2 - hp + sqrt ((hp - 2)^2 + 4 * hp)) / (2 * hp);
    hs(k) = w(k) * hp;
  endfor
  h1 = T / sum (hs);
  taus = h1 * cumsum (hs);
  solve = rbfx_factor (keep * (speye (NN) - h1 * Lop) + Bc);
  uprev = u;
  for k = 1:M
    if (k == 1)
      rhs = u;
    else
      a = (1 + 2 * w(k)) / (1 + w(k));
      rhs = ((1 + w(k)) * u - w(k)^2 / (1 + w(k)) * uprev) / a;
    endif
    rhs = keep * rhs;
    rhs(xb) = far (taus(k));
    uprev = u;
    u = solve (rhs);
  endfor

  Wx = rbfpum_weights (Px.xe, x, m, n);
  Wv = rbfpum_weights (V0, v, m, n);
  U = full (Wx * reshape (u, Nx, Nv) * Wv.').';
  info = struct ("N", NN, "M", M, "c", 0, "solves", M);
endfunction

%!test
%! p = benchop_problem ("4");
%! U = rbfpum_heston (p, 60, 40);
%! assert (U, [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-3);
%!error rbfpum_heston (1)
