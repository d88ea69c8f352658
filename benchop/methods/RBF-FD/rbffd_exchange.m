## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbffd_exchange (@var{problem}, @var{N}, @var{M})
## Price the exchange option max (S1 - S2, 0) of a two-asset Black-Scholes
## @var{problem} (model @qcode{"black-scholes-2d"}) by RBF-FD on a 2-D node
## set with @var{M} BDF2 steps.
##
## The PDE is written in xi = ln (S1/S2) + bx tau and eta = ln (S1 S2) +
## be tau, whose drifts bx = (sigma2^2 - sigma1^2)/2 and be = 2 r -
## (sigma1^2 + sigma2^2)/2 are removed by the moving frame:
## u_tau = sx^2/2 u_xixi + (sigma1^2 - sigma2^2) u_xieta + se^2/2 u_etaeta
## - r u, sx^2 = sigma1^2 + sigma2^2 - 2 rho sigma1 sigma2, se^2 = sigma1^2
## + sigma2^2 + 2 rho sigma1 sigma2.  In these coordinates the payoff's
## kink is the line xi = 0, so the node set is a tensor product of about
## @var{N} nodes in xi, clustered at the kink as in @code{rbfx_nodes}, and
## N/6 (at least 15) even nodes in eta, where the solution is smooth
## (proportional to exp (eta/2)).  The derivatives use 7-node RBF-FD
## stencils along each line of nodes (@pxref{rbffd_weights}); the mixed
## derivative is the product of the first-derivative stencils.
##
## The domain reaches 8 standard deviations beyond the evaluation points in
## xi and eta; its edges carry the forward intrinsic value max (S1 - S2, 0)
## (both assets grow at r, so no discounting), which is wrong near xi = 0,
## but 8 standard deviations away, where its influence is below
## exp (-32).  The nodes next to the kink take the payoff's cell average in
## xi.
## @end deftypefn

function [U, info] = rbffd_exchange (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  n = 7;
  L = 8;
  T = problem.T;
  r = problem.r;
  s1 = problem.sigma1;
  s2 = problem.sigma2;
  rho = problem.rho;
  S = problem.S;
  ax = s1^2 + s2^2 - 2 * rho * s1 * s2;
  ae = s1^2 + s2^2 + 2 * rho * s1 * s2;
  axe = s1^2 - s2^2;
  bx = (s2^2 - s1^2) / 2;
  be = 2 * r - (s1^2 + s2^2) / 2;
  sx = sqrt (ax * T);
  se = sqrt (ae * T);

  ## Evaluation points at tau = T in the moving frame; eta relative to e0.
  xe = log (S(:,1) ./ S(:,2)) + bx * T;
  e0 = mean (log (S(:,1) .* S(:,2)));
  ee = log (S(:,1) .* S(:,2)) - e0 + be * T;
  Px = struct ("s", sx, "ylo", min ([xe; 0]) - L * sx,
               "yhi", max ([xe; 0]) + L * sx, "ye", xe.', "barrier", false);
  x = rbfx_nodes (Px, N, 16);
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

  ## S1 - S2 = 2 exp (eta/2) sinh (xi/2) at tau, frame shifts undone.
  gap = @(xi, eta, tau) 2 * exp ((eta + e0 - be * tau) / 2) ...
                        .* sinh ((xi - bx * tau) / 2);
  u = max (gap (XX, EE, 0), 0);
  m = [x(1); (x(1:end-1) + x(2:end)) / 2; x(end)];
  i = find (m(1:end-1) < 0 & m(2:end) > 0);
  if (! isempty (i))
    ## Mean of max (sinh (xi/2), 0) over the cell [lo, hi] around xi = 0.
    avg = 2 * (cosh (m(i+1) / 2) - 1) / (m(i+1) - m(i));
    u(i,:) = 2 * exp ((e.' + e0) / 2) * avg;
  endif
  u = u(:);

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
    rhs(bnd) = max (gap (XX(bnd), EE(bnd), taus(j)), 0);
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
