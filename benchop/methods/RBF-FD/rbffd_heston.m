## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbffd_heston (@var{problem}, @var{N}, @var{M})
## Price a European call or put under the Heston model (@var{problem} with
## model @qcode{"heston"}) by RBF-FD on a 2-D node set with @var{M} BDF3
## steps.
##
## In x = ln (S/K) and the variance v the price solves
## u_tau = v/2 (u_xx - u_x) + rho sigma_v v u_xv + sigma_v^2 v/2 u_vv
## + r u_x + kappa (theta - v) u_v - r u.  The node set is the tensor
## product (domain: @pxref{rbfx_heston_frame}) of about @var{N} nodes in
## x, dense over the bulk of the
## distribution and the evaluation points and clustered at the strike as in
## @code{rbfx_nodes} (s = sqrt (vbar T), vbar = max (V0, theta)), with a
## strike cluster of width s/64, and N/3 (at least 15) nodes in v on
## [0, vmax], v = d sinh (xi) for equally spaced xi, d = vbar/2: dense at v = 0
## where the diffusion degenerates, and not much coarser over the
## variances above V0 that carry an out-of-the-money price (a v = t^2 map
## left them up to 10 times less accurate there);
## vmax = vbar + 8 sigma_v sqrt (vbar T) (at least 5 vbar).
## The derivatives use RBF-FD stencils along each line of nodes
## (@pxref{rbffd_weights}), one-sided at the ends: 9 nodes in x, 7 in v;
## the mixed derivative is the product of the first-derivative stencils.
## Out of the money the price (like exp (-x^2 / (2 s^2))) is tiny and has
## large relative derivatives in x and tau, so the error there is set by
## the order of the bulk stencils and of the time stepping, and by the
## smoothed kink, whose O(h^2) error spreads from the strike: hence the wide
## x stencils, the narrow strike cluster and third-order steps.
##
## Time: BDF3 with step T/@var{M}; its starting values at tau = dt and 2 dt
## come from BDF2 with step dt/4, itself started by two implicit Euler
## half steps that damp the payoff's kink.  Three LU factorizations in
## all.  Boundaries: at v = 0 the PDE itself holds (its v-diffusion
## vanishes, no condition is needed); at vmax, u_v = 0; at the x ends
## (10 s from the strike and the points) the discounted forward intrinsic
## value.  The node at the strike takes the payoff's cell average.  The
## price at (S, V0) is read by the RBF-FD interpolation stencils of the
## same widths.
## @end deftypefn

function [U, info] = rbffd_heston (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  nx = 9;
  nv = 7;
  K = problem.K;
  T = problem.T;
  r = problem.r;
  V0 = problem.V0;
  ka = problem.kappa;
  th = problem.theta;
  sv = problem.sigma_v;
  rho = problem.rho;
  call = strcmp (problem.payoff, "call");

  Px = rbfx_heston_frame (problem, N);
  xe = Px.xe;
  x = rbfx_nodes (Px, N, 16, 64);
  vbar = Px.vbar;
  vmax = Px.vmax;
  Nv = Px.Nv;
  ## sinh map: spacing d dxi at 0, where the diffusion degenerates,
  ## growing only linearly beyond d, so that the variances above V0 that
  ## carry an out-of-the-money price stay resolved.
  d = vbar / 2;
  v = d * sinh (linspace (0, asinh (vmax / d), Nv).');
  Nx = numel (x);
  [~, X1, X2] = rbffd_weights (x, x, nx);
  [~, V1, V2] = rbffd_weights (v, v, nv);
  Ix = speye (Nx);
  Iv = speye (Nv);
  [XX, VV] = ndgrid (x, v);
  Dg = spdiags (VV(:), 0, Nx * Nv, Nx * Nv);
  Lop = Dg * (kron (Iv, X2 - X1) / 2 + rho * sv * kron (V1, X1)
              + sv^2 / 2 * kron (V2, Ix)) ...
        + r * kron (Iv, X1) + spdiags (ka * (th - VV(:)), 0, Nx * Nv, Nx * Nv) ...
          * kron (V1, Ix) - r * speye (Nx * Nv);
  xb = find (XX == x(1) | XX == x(end));
  vb = setdiff (find (VV == v(end)), xb);
  Dv = kron (V1, Ix);

  ## Payoff, cell-averaged at the strike node (the same for every v).
  u = repmat (rbfx_initial (Px, x), 1, Nv);
  u = u(:);
  ## Far field: the discounted forward intrinsic value.
  sgn = 2 * call - 1;
  far = @(tau) max (sgn * (K * exp (XX(xb)) - K * exp (-r * tau)), 0);

  M = max (3, M);
  dt = T / M;
  NN = Nx * Nv;
  ## Matrices beta I - hh L with the boundary rows (x ends: the value,
  ## vmax: u_v), and right-hand sides with the boundary values.
  bnd = false (NN, 1);
  bnd([xb; vb]) = true;
  keep = spdiags (double (! bnd), 0, NN, NN);
  Bc = sparse (xb, xb, 1, NN, NN);
  Bc(vb,:) = Dv(vb,:);
  fact = @(beta, hh) rbfx_factor (keep * (beta * speye (NN) - hh * Lop) + Bc);
  step = @(solve, rhs, tau) solve (keep * rhs
                                   + sparse (xb, 1, far (tau), NN, 1));
  ## BDF2 with step h = dt/4 up to 2 dt (two implicit Euler half steps
  ## first), keeping u(dt) and u(2 dt); then BDF3 with step dt.
  h = dt / 4;
  solve = fact (1, h / 2);
  un = step (solve, u, h / 2);
  un = step (solve, un, h);
  solve = fact (3/2, h);
  hist = {u};
  uprev = u;
  u = un;
  for j = 2:8
    un = step (solve, 2 * u - uprev / 2, j * h);
    uprev = u;
    u = un;
    if (mod (j, 4) == 0)
      hist{end+1} = u;
    endif
  endfor
  solve = fact (11/6, dt);
  [u0, u1, u2] = deal (hist{:});
  for j = 3:M
    un = step (solve, 3 * u2 - 3/2 * u1 + u0 / 3, j * dt);
    u0 = u1;
    u1 = u2;
    u2 = un;
  endfor
  u = u2;

  Wx = rbffd_weights (xe, x, nx);
  Wv = rbffd_weights (V0, v, nv);
  U = full (Wx * reshape (u, Nx, Nv) * Wv.').';
  info = struct ("N", NN, "M", M, "c", 0, "solves", M + 8);
endfunction

%!test
%! p = benchop_problem ("4");
%! U = rbffd_heston (p, 100, 100);
%! assert (U, [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-3);
%!error rbffd_heston (1)
