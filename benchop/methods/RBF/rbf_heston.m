## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbf_heston (@var{problem}, @var{N}, @var{M})
## Price a European call or put under the Heston model (@var{problem} with
## model @qcode{"heston"}) by global multiquadric collocation on a 2-D
## tensor-product node set with @var{M} BDF2 steps.
##
## In x = ln (S/K) and the variance v the price solves
## u_tau = v/2 (u_xx - u_x) + rho sigma_v v u_xv + sigma_v^2 v/2 u_vv
## + r u_x + kappa (theta - v) u_v - r u.  The kink of the payoff would
## limit global collocation to low order, so the solver subtracts the
## Black-Scholes call B whose total variance is the expected integrated
## variance given v (@pxref{rbf_heston_bs}): the remainder w = u - B starts
## from w = 0 and solves w_tau = L w + f with a source f that is small and
## vanishes at v = 0.  The price is W(S, V0) + B(S, V0, T), B in closed
## form; a put follows from put-call parity.
##
## Nodes (domain: @pxref{rbfx_heston_frame}): about @var{N} in x,
## clustered at the strike as in @code{rbfx_nodes} (s = sqrt (vbar T), vbar = max (V0, theta), reaching
## 10 s beyond the strike and the points), each with the shape
## ep_j = 0.45 / h_j (@pxref{rbf_diffmat}; 0.45 rather than 0.4: the remainder is
## smooth, and the flatter 0.4 lets round-off in the 2-D operator show as
## errors that alternate with N); max (15, N/3) in v on [0, vmax], v =
## vmax t^2 for even t, dense at v = 0 where the diffusion degenerates,
## with the flat ep h_j = 0.1 of the smooth directions, vmax = max (5 vbar,
## vbar + 8 sigma_v s).  The operator is the tensor product of the 1-D
## differentiation matrices, the mixed derivative the Kronecker product of
## the first-derivative ones.
##
## Boundaries: at v = 0 the PDE itself holds (its v-diffusion vanishes);
## at vmax, w_v = 0 (u_v = B_v); at the x ends w = 0 (u = B, both the
## discounted forward intrinsic value there).
## Two implicit Euler half steps start BDF2.  The BDF2 matrix is inverted
## once: with hundreds of steps a matrix-vector product is cheaper in
## Octave than the two triangular solves.  The result is the tensor
## product interpolant at (ln (S/K), V0).
## @end deftypefn

function [U, info] = rbf_heston (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  K = problem.K;
  T = problem.T;
  r = problem.r;
  V0 = problem.V0;
  ka = problem.kappa;
  th = problem.theta;
  sv = problem.sigma_v;
  rho = problem.rho;
  S = problem.S(:).';

  Px = rbfx_heston_frame (problem, N);
  xe = Px.xe;
  x = rbfx_nodes (Px, N, 64);
  Nv = Px.Nv;
  v = Px.vmax * linspace (0, 1, Nv).'.^2;
  Nx = numel (x);
  ## h_j, the mean distance of node j to its neighbours.
  spacing = @(y) [y(2) - y(1); (y(3:end) - y(1:end-2)) / 2; y(end) - y(end-1)];
  [X1, X2, Wx] = rbf_diffmat (x, xe, 0.45 ./ spacing (x));
  [V1, V2, Wv] = rbf_diffmat (v, V0, 0.1 ./ spacing (v));
  Ix = eye (Nx);
  Iv = eye (Nv);
  [XX, VV] = ndgrid (x, v);
  XX = XX(:);
  VV = VV(:);
  n = Nx * Nv;
  Dv = kron (V1, Ix);
  Lop = VV .* (kron (Iv, X2 - X1) / 2 + rho * sv * kron (V1, X1)
               + sv^2 / 2 * kron (V2, Ix)) ...
        + r * kron (Iv, X1) + (ka * (th - VV)) .* Dv - r * eye (n);
  xb = find (XX == x(1) | XX == x(end));
  vb = setdiff (find (VV == v(end)), xb);

  w = zeros (n, 1);
  M = max (2, M);
  dt = T / M;
  taus = [dt/2, dt, (2:M) * dt];
  wprev = w;
  for j = 1:numel (taus)
    if (j <= 2)
      beta = 1; h = dt / 2; rhs = w;
    else
      beta = 3/2; h = dt; rhs = 2 * w - wprev / 2;
    endif
    if (j == 1 || j == 3)
      A = beta * eye (n) - h * Lop;
      A(xb,:) = 0;
      A(sub2ind (size (A), xb, xb)) = 1;
      A(vb,:) = Dv(vb,:);
      if (j == 1)
        solve = rbfx_factor (A);
      else
        Ai = inv (A);
        solve = @(b) Ai * b;
      endif
    endif
    [~, f] = rbf_heston_bs (XX, VV, taus(j), problem);
    rhs += h * f;
    rhs([xb; vb]) = 0;
    wnew = solve (rhs);
    if (j >= 3)
      wprev = w;
    endif
    w = wnew;
  endfor

  U = (Wx * reshape (w, Nx, Nv) * Wv.').' + rbf_heston_bs (xe.', V0, T, problem);
  if (strcmp (problem.payoff, "put"))
    U = U - S + K * exp (-r * T);
  endif
  info = struct ("N", n, "M", M, "c", 0, "solves", numel (taus));
endfunction

%!test
%! p = benchop_problem ("4");
%! U = rbf_heston (p, 40, 100);
%! assert (U, [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-4);
%!test
%! ## Put by parity.
%! p = benchop_problem ("4", "S", [90 110]);
%! p.payoff = "put";
%! U = rbf_heston (p, 40, 100);
%! ref = heston_call (p.S, 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -0.5) ...
%!       - p.S + 100 * exp (-0.03);
%! assert (U, ref, -1e-4);
%!error rbf_heston (1)
