## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbf_exchange (@var{problem}, @var{N}, @var{M})
## Price the exchange option max (S1 - S2, 0) of a two-asset Black-Scholes
## @var{problem} (model @qcode{"black-scholes-2d"}) by global multiquadric
## collocation on a 2-D tensor-product node set with @var{M} BDF2 steps.
##
## The PDE is written in the rotated moving frame of
## @code{rbfx_exchange_frame}, xi = ln (S1/S2) + bx tau and
## eta = ln (S1 S2) + be tau, where only diffusion and discounting remain
## and the payoff's kink is the line xi = 0: about @var{N} nodes in xi
## are clustered there as in @code{rbfx_nodes}, with the spacing-tied
## shape of @code{rbf_price}; in eta, where the solution is smooth, N/5 (at
## least 8) even nodes carry the flat shape ep h = 0.1 (@pxref{rbf_diffmat}).
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
## cell average in xi (@pxref{rbfx_exchange_initial}).
## @end deftypefn

function [U, info] = rbf_exchange (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  LE = 3;                 # eta edges carry the exact u_eta = u/2
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
  x = rbfx_nodes (P, N, 64);
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

  u = rbfx_exchange_initial (P, x, e)(:);

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
    rhs(bnd) = max (P.gap (XX(bnd), EE(bnd), taus(j)), 0);
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
