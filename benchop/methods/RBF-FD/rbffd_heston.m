## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbffd_heston (@var{problem}, @var{N}, @var{M})
## Price a European call or put under the Heston model (@var{problem} with
## model @qcode{"heston"}) by RBF-FD on a 2-D node set with @var{M} BDF2
## steps.
##
## In x = ln (S/K) and the variance v the price solves
## u_tau = v/2 (u_xx - u_x) + rho sigma_v v u_xv + sigma_v^2 v/2 u_vv
## + r u_x + kappa (theta - v) u_v - r u.  The node set is the tensor
## product of about @var{N} nodes in x, clustered at the strike as in
## @code{rbfx_nodes} (s = sqrt (vbar T), vbar = max (V0, theta)), and
## N/3 (at least 15) nodes in v on [0, vmax], v = vmax t^2 for even t,
## dense at v = 0 where the diffusion degenerates; vmax = vbar + 8 sigma_v
## sqrt (vbar T) (at least 5 vbar).  The derivatives use 7-node RBF-FD
## stencils along each line of nodes (@pxref{rbffd_weights}), one-sided at
## the ends; the mixed derivative is the product of the first-derivative
## stencils.
##
## Boundaries: at v = 0 the PDE itself holds (its v-diffusion vanishes,
## no condition is needed); at vmax, u_v = 0; at the x ends (10 s from
## the strike and the points) the discounted forward intrinsic value.  The
## node at the strike takes the payoff's cell average.
## @end deftypefn

function [U, info] = rbffd_heston (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  n = 7;
  K = problem.K;
  T = problem.T;
  r = problem.r;
  V0 = problem.V0;
  ka = problem.kappa;
  th = problem.theta;
  sv = problem.sigma_v;
  rho = problem.rho;
  S = problem.S(:).';
  call = strcmp (problem.payoff, "call");

  vbar = max (V0, th);
  s = sqrt (vbar * T);
  xe = log (S.' / K);
  Px = struct ("s", s, "ylo", min ([xe; 0]) - 10 * s,
               "yhi", max ([xe; 0]) + 10 * s, "ye", xe.', "barrier", false,
               "K", K, "c", 0, "call", call);
  x = rbfx_nodes (Px, N, 16);
  vmax = max (5 * vbar, vbar + 8 * sv * sqrt (vbar * T));
  Nv = max (15, round (N / 3));
  v = vmax * linspace (0, 1, Nv).'.^2;
  Nx = numel (x);
  [~, X1, X2] = rbffd_weights (x, x, n);
  [~, V1, V2] = rbffd_weights (v, v, n);
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
  Pi = struct ("K", K, "c", 0, "call", call, "barrier", false);
  u = repmat (rbfx_initial (Pi, x), 1, Nv);
  u = u(:);
  ## Far field: the discounted forward intrinsic value.
  sgn = 2 * call - 1;
  far = @(tau) max (sgn * (K * exp (XX(xb)) - K * exp (-r * tau)), 0);

  dt = T / max (2, M);
  taus = [dt/2, dt, (2:max (2, M)) * dt];
  fac = {};
  uprev = u;
  for j = 1:numel (taus)
    if (j <= 2)
      beta = 1; h = dt / 2; rhs = u;
    else
      beta = 3/2; h = dt; rhs = 2 * u - uprev / 2;
    endif
    k = 1 + (j > 2);
    if (numel (fac) < k)
      A = beta * speye (Nx * Nv) - h * Lop;
      A(xb,:) = 0;
      A(sub2ind (size (A), xb, xb)) = 1;
      A(vb,:) = Dv(vb,:);
      fac{k} = rbfx_factor (A);
    endif
    rhs(xb) = far (taus(j));
    rhs(vb) = 0;
    unew = fac{k} (rhs);
    if (j >= 3)
      uprev = u;
    endif
    u = unew;
  endfor

  Wx = rbffd_weights (xe, x, n);
  Wv = rbffd_weights (V0, v, n);
  U = full (Wx * reshape (u, Nx, Nv) * Wv.').';
  info = struct ("N", Nx * Nv, "M", M, "c", 0, "solves", numel (taus));
endfunction

%!test
%! p = benchop_problem ("4");
%! U = rbffd_heston (p, 100, 100);
%! assert (U, [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-3);
%!error rbffd_heston (1)
