## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbffd_exchange (@var{problem}, @var{N}, @var{M})
## Price the exchange option max (S1 - S2, 0) of a two-asset Black-Scholes
## @var{problem} (model @qcode{"black-scholes-2d"}) by RBF-FD on a 2-D node
## set with @var{M} BDF2 steps.
##
## The PDE is written in the rotated moving frame of
## @code{rbfx_exchange_frame}, xi = ln (S1/S2) + bx tau and
## eta = ln (S1 S2) + be tau, where only diffusion and discounting remain
## and the payoff's kink is the line xi = 0, so the node set is a tensor
## product of about @var{N} nodes in xi, clustered at the kink as in
## @code{rbfx_nodes}, and N/6 (at least 15) even nodes in eta, where the
## solution is smooth (proportional to exp (eta/2)).  The derivatives use
## 7-node RBF-FD stencils along each line of nodes (@pxref{rbffd_weights});
## the mixed derivative is the product of the first-derivative stencils.
##
## The domain reaches 8 standard deviations beyond the evaluation points in
## xi and eta; its edges carry the forward intrinsic value max (S1 - S2, 0)
## (both assets grow at r, so no discounting), which is wrong near xi = 0,
## but 8 standard deviations away, where its influence is below
## exp (-32).  The node at the kink takes the payoff's cell average in
## xi (@pxref{rbfx_exchange_initial}).
## @end deftypefn

function [U, info] = rbffd_exchange (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  n = 7;
  L = 8;
  P = rbfx_exchange_frame (problem);
  T = problem.T;
  r = problem.r;
  ax = P.ax;
  ae = P.ae;
  axe = P.axe;
  be = P.be;
  se = P.se;
  xe = P.xe;
  ee = P.ee;
  x = rbfx_nodes (P, N, 16);
  Ne = max (15, round (N / 6));
  e = linspace (min (ee) - L * se, max (ee) + L * se, Ne).';
  Nx = numel (x);
  [~, X1, X2] = rbffd_weights (x, x, n);
  [~, E1, E2] = rbffd_weights (e, e, n);
  Ix = speye (Nx);
  Ie = speye (Ne);
  Lop = ax / 2 * kron (Ie, X2) + axe * kron (E1, X1) + ae / 2 * kron (E2, Ix) ...
        - r * speye (Nx * Ne);
  [XX, EE] = ndgrid (x, e);
  bnd = find (XX == x(1) | XX == x(end) | EE == e(1) | EE == e(end));

  u = rbfx_exchange_initial (P, x, e)(:);

  dt = T / max (2, M);
  taus = [dt/2, dt, (2:max (2, M)) * dt];
  solves = {};
  uprev = u;
  for j = 1:numel (taus)
    if (j <= 2)
      beta = 1; h = dt / 2; rhs = u;
    else
      beta = 3/2; h = dt; rhs = 2 * u - uprev / 2;
    endif
    k = 1 + (j > 2);
    if (numel (solves) < k)
      A = beta * speye (Nx * Ne) - h * Lop;
      A(bnd,:) = 0;
      A(sub2ind (size (A), bnd, bnd)) = 1;
      solves{k} = rbfx_factor (A);
    endif
    rhs(bnd) = max (P.gap (XX(bnd), EE(bnd), taus(j)), 0);
    unew = solves{k} (rhs);
    if (j >= 3)
      uprev = u;
    endif
    u = unew;
  endfor

  Wx = rbffd_weights (xe, x, n);
  We = rbffd_weights (ee, e, n);
  Um = reshape (u, Nx, Ne);
  U = full (sum ((Wx * Um) .* We, 2)).';
  info = struct ("N", Nx * Ne, "M", M, "c", be, "solves", numel (taus));
endfunction

%!test
%! p = benchop_problem ("6");
%! U = rbffd_exchange (p, 100, 100);
%! ref = margrabe_exchange (p.S, 1, 0.15, 0.15, 0.5);
%! assert (U, ref(:).', -1e-3);
%!error rbffd_exchange (1)
