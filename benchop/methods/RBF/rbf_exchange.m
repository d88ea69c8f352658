## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbf_exchange (@var{problem}, @var{N}, @var{M})
## Price the exchange option max (S1 - S2, 0) of a two-asset Black-Scholes
## @var{problem} (model @qcode{"black-scholes-2d"}) by global multiquadric
## collocation on a 2-D tensor-product node set with @var{M} BDF2 steps.
##
## The PDE is written in xi = ln (S1/S2) + bx tau and eta = ln (S1 S2) +
## be tau, whose drifts bx = (sigma2^2 - sigma1^2)/2 and be = 2 r -
## (sigma1^2 + sigma2^2)/2 are removed by the moving frame:
## u_tau = sx^2/2 u_xixi + (sigma1^2 - sigma2^2) u_xieta + se^2/2 u_etaeta
## - r u, sx^2 = sigma1^2 + sigma2^2 - 2 rho sigma1 sigma2, se^2 = sigma1^2
## + sigma2^2 + 2 rho sigma1 sigma2.  This rotation puts the payoff's kink
## on the line xi = 0: about @var{N} nodes in xi are clustered there as in
## @code{rbfx_nodes}, with the spacing-tied shape of @code{rbf_price}; in
## eta, where the solution is smooth, N/5 (at least 8) even nodes carry the
## flat shape ep h = 0.1 (@pxref{rbf_diffmat}).
## The interpolant is the tensor product of the two global interpolants;
## the two BDF2 matrices (implicit Euler half steps start the march) are
## LU-factorized once each.
##
## The domain reaches 8 standard deviations beyond the evaluation points
## in xi, whose edges carry the forward intrinsic value max (S1 - S2, 0)
## (both assets grow at r, so no discounting), wrong only near xi = 0, 8
## standard deviations away.  In eta it reaches only 3 standard
## deviations: the price is homogeneous of degree one in (S1, S2), so it is
## exp (eta/2) times a function of xi and tau, and u_eta = u/2 holds
## exactly at the eta edges.  The node at the kink takes the payoff's
## cell average in xi.
## @end deftypefn

function [U, info] = rbf_exchange (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  L = 8;
  LE = 3;                 # eta edges carry the exact u_eta = u/2
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
  x = rbfx_nodes (Px, N, 64);
  Ne = max (8, round (N / 5));
  elo = min (ee) - LE * se;
  ehi = max (ee) + LE * se;
  e = linspace (elo, ehi, Ne).';
  Nx = numel (x);
  [X1, X2, Wx] = rbf_diffmat (x, xe);
  ## Even nodes, fixed flat shape ep h = 0.1 (see rbf_diffmat).
  [E1, E2, We] = rbf_diffmat (e, ee, 0.1 / (e(2) - e(1)));
  Ix = eye (Nx);
  Ie = eye (Ne);
  n = Nx * Ne;
  Lop = ax / 2 * kron (Ie, X2) + axe * kron (E1, X1) + ae / 2 * kron (E2, Ix) ...
        - r * eye (n);
  [XX, EE] = ndgrid (x, e);
  bnd = find (XX == x(1) | XX == x(end));
  rob = setdiff (find (EE == e(1) | EE == e(end)), bnd);
  Rob = kron (E1, Ix) - eye (n) / 2;

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
      A = beta * eye (n) - h * Lop;
      A(bnd,:) = 0;
      A(sub2ind (size (A), bnd, bnd)) = 1;
      A(rob,:) = Rob(rob,:);
      fac{k} = rbfx_factor (A);
    endif
    rhs(bnd) = max (gap (XX(bnd), EE(bnd), taus(j)), 0);
    rhs(rob) = 0;
    unew = fac{k} (rhs);
    if (j >= 3)
      uprev = u;
    endif
    u = unew;
  endfor

  U = sum ((Wx * reshape (u, Nx, Ne)) .* We, 2).';
  info = struct ("N", n, "M", M, "c", be, "solves", numel (taus));
endfunction

%!test
%! p = benchop_problem ("6");
%! U = rbf_exchange (p, 40, 40);
%! ref = margrabe_exchange (p.S, 1, 0.15, 0.15, 0.5);
%! assert (U, ref(:).', -1e-3);
%!error rbf_exchange (1)
