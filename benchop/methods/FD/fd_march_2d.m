## -*- texinfo -*-
## @deftypefn {} {@var{u} =} fd_march_2d (@var{problem}, @var{g})
## March the two-asset Black-Scholes PDE of an exchange option
## @var{problem} on grid @var{g} (@pxref{fd_grid_2d}) from the payoff to
## time to maturity T by the Hundsdorfer-Verwer ADI scheme (in 't Hout and
## Foulon 2010), as in @ref{fd_march_heston}.
##
## With y_i = ln S_i + r tau and u = e^(-r tau) w,
## w_tau = A0 w + A1 w + A2 w, A_i = sigma_i^2/2 (d2/dy_i^2 - d/dy_i) and
## the mixed term A0 = rho sigma1 sigma2 d2/dy1dy2, central differences.
## All four edges carry the far-field value max (S1 - S2, 0) forward,
## which in w is the payoff, constant in time: their rows are empty.  The
## first two steps are each two Douglas half steps with theta = 1 (a
## Rannacher start against the kink).  @var{u} is the matrix of values
## (rows y1, columns y2) at tau = T.
## @end deftypefn

function u = fd_march_2d (problem, g)
  if (nargin != 2)
    print_usage ();
  endif
  h = g.h;
  n1 = numel (g.y1);
  n2 = numel (g.y2);
  D = @(n, c) sparse (repmat ((2:n-1).', 3, 1),
                      [(1:n-2).'; (2:n-1).'; (3:n).'],
                      kron (c(:), ones (n - 2, 1)), n, n);
  c1 = [-1 0 1] / (2 * h);
  c2 = [1 -2 1] / h^2;
  s1 = problem.sigma1;
  s2 = problem.sigma2;
  L1 = D (n1, s1^2 / 2 * (c2 - c1));
  L2 = D (n2, s2^2 / 2 * (c2 - c1));
  Dy1 = D (n1, c1);
  Dy2 = D (n2, c1);
  rs = problem.rho * s1 * s2;
  ## Edge rows and columns stay empty: masks m1 (over y1), m2 (over y2).
  m1 = [0; ones(n1 - 2, 1); 0];
  m2 = [0, ones(1, n2 - 2), 0];
  A0 = @(U) rs * (Dy1 * U) * Dy2.';
  A1 = @(U) (L1 * U) .* m2;
  A2 = @(U) m1 .* (U * L2.');

  U = max (exp (g.y1) - exp (g.y2.'), 0);
  i1 = 2:n1-1;
  i2 = 2:n2-1;
  dt = diff (g.tau);
  th_hv = 1 / 2 + sqrt (3) / 6;
  I1 = speye (n1);
  I2 = speye (n2);
  for k = 1:numel (dt)
    if (k <= 2)
      s = dt(k) / 2;
      P1 = I1 - s * L1;
      P2 = I2 - s * L2;
      for half = 1:2
        A1U = A1 (U);
        A2U = A2 (U);
        Y = U + s * (A0 (U) + A2U);
        Y(:, i2) = P1 \ Y(:, i2);
        Y(i1, :) = (P2 \ (Y(i1, :) - s * A2U(i1, :)).').';
        U = Y;
      endfor
    else
      s = dt(k);
      if (k == 3)
        Q1 = I1 - th_hv * s * L1;
        Q2 = I2 - th_hv * s * L2;
      endif
      A1U = A1 (U);
      A2U = A2 (U);
      FU = A0 (U) + A1U + A2U;
      Y0 = U + s * FU;
      Y = Y0 - th_hv * s * A1U;
      Y(:, i2) = Q1 \ Y(:, i2);
      Y(i1, :) = (Q2 \ (Y(i1, :) - th_hv * s * A2U(i1, :)).').';
      A1Y = A1 (Y);
      A2Y = A2 (Y);
      Z0 = Y0 + s / 2 * (A0 (Y) + A1Y + A2Y - FU);
      Z = Z0 - th_hv * s * A1Y;
      Z(:, i2) = Q1 \ Z(:, i2);
      Z(i1, :) = (Q2 \ (Z(i1, :) - th_hv * s * A2Y(i1, :)).').';
      U = Z;
    endif
  endfor
  u = exp (-problem.r * g.tau(end)) * U;
endfunction

%!test
%! ## A coarse grid already near Margrabe's formula, and the two
%! ## symmetric points in put-call-like parity: U(a, b) - U(b, a) = a - b.
%! p = benchop_problem ("6");
%! g = fd_grid_2d (p, 6, 18);
%! u = fd_march_2d (p, g);
%! yq = log ([100 90; 90 100]) + 0.03;
%! U = interp2 (g.y2.', g.y1, u, yq(:,2), yq(:,1), "cubic");
%! assert (U, margrabe_exchange ([100 90; 90 100], 1, 0.15, 0.15, 0.5)(:), -1e-2);
%! assert (U(1) - U(2), 10, 1e-2);
%!error fd_march_2d (1)
