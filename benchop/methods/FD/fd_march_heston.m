## -*- texinfo -*-
## @deftypefn  {} {@var{u} =} fd_march_heston (@var{problem}, @var{g})
## @deftypefnx {} {@var{w} =} fd_march_heston (@var{problem}, @var{g}, @var{alpha})
## March the Heston PDE of a European @var{problem} on grid @var{g}
## (@pxref{fd_heston_grid}) from the payoff to time to maturity T by the
## modified Craig-Sneyd ADI scheme (in 't Hout and Foulon 2010).
##
## With u = e^(-r tau) w, the PDE reads w_tau = A0 w + A1 w + A2 w with
## A1 = v S^2/2 d2/dS2 + r S d/dS,
## A2 = sigma_v^2 v/2 d2/dv2 + kappa (theta - v) d/dv
## and the mixed term A0 = rho sigma_v v S d2/dSdv, all by central
## second-order differences on the uniform grid.  At v = 0 the PDE reduces
## to w_tau = r S w_S + kappa theta w_v (the v-derivative one-sided, second
## order, inflowing); at vmax the variance drifts inwards, so the condition
## there matters little: w_v = 0.  S = 0 and Smax carry the asymptotic
## value, in w: 0 and Smax e^(r tau) - K for a call, K and 0 for a put,
## set at every stage of the scheme (their rows of A0, A1, A2 are empty).
##
## With @var{alpha} (default 0), the march solves instead for the tilted
## value w = (S/K)^(-alpha) u, and returns it: u = (S/K)^alpha w.  Far out
## of the money a price is tiny beside its values near the strike, and the
## discretization error carried over from there swamps it; the tilt, with
## alpha about the point's log-distance to the strike over the variance
## of ln S_T, levels the solution between the point and the strike (the
## PDE analogue of exponential tilting in importance sampling).  The
## tilted PDE has the same form with S-drift r + alpha v, v-drift
## kappa (theta - v) + alpha rho sigma_v v and a reaction term
## alpha (alpha - 1) v/2 + alpha r (in A1); it is exact, not an
## approximation, and alpha = 0 is the plain march.  Its time steps must
## keep alpha (alpha - 1) vmax dt small (@pxref{fd_heston_grid}).
##
## MCS, theta = 1/3: A1 and A2 implicit (one tridiagonal system per
## v-line, solved together as one tridiagonal matrix, and one per S-line,
## a tridiagonal matrix with many right-hand sides), A0 explicit; second
## order in time.  Its error in time is a clean dt^2 series even where the
## price is small far out of the money (there the Hundsdorfer-Verwer scheme
## needs about twice the steps before its error settles), which the
## Richardson extrapolation of @code{fd_solve} needs.  As a Rannacher start
## against the payoff kink, the first two steps are each two half steps of
## the Douglas scheme with theta = 1.  @var{u} (or @var{w}) is the matrix
## of values (rows S, columns v) at tau = T.
## @end deftypefn

function u = fd_march_heston (problem, g, alpha = 0)
  if (nargin < 2 || nargin > 3)
    print_usage ();
  endif
  S = g.S(:);
  v = g.v(:);
  dS = g.dS;
  dv = g.dv;
  nx = numel (S);
  nv = numel (v);
  sv = problem.sigma_v;
  kap = problem.kappa;
  th = problem.theta;
  r = problem.r;
  K = problem.K;

  ## S-operators on the inner rows (rows 1 and nx: Dirichlet ends), as
  ## dense stencils: cheaper than sparse products on these matrices.
  i = (2:nx-1).';
  c1 = S(i) / (2 * dS);                     # S d/dS
  c2 = S(i).^2 / (2 * dS^2);                # S^2/2 d2/dS2
  z = zeros (1, nv);
  dS1 = @(U) [z; c1 .* (U(3:end, :) - U(1:end-2, :)); z];
  ## The tilt's reaction term: a v-part and a constant part.
  react_v = alpha * (alpha - 1) / 2;
  react_0 = alpha * r;
  A1 = @(U) [z; (c2 .* (U(3:end, :) - 2 * U(i, :) + U(1:end-2, :))
                 + alpha * c1 .* (U(3:end, :) - U(1:end-2, :))
                 + react_v * U(i, :)) .* v.' ...
                + r * c1 .* (U(3:end, :) - U(1:end-2, :)) + react_0 * U(i, :); z];
  D = @(c) sparse ([i; i; i], [i-1; i; i+1], c(:), nx, nx);
  L1 = D (c1 .* [-1 0 1]);
  L2 = D (c2 .* [1 -2 1]);
  inner = [false; true(nx-2, 1); false];
  Ii = spdiags (double (inner), 0, nx, nx);
  K1 = kron (spdiags (v, 0, nv, nv), L2 + alpha * L1 + react_v * Ii) ...
       + kron (speye (nv), r * L1 + react_0 * Ii);

  ## v-operator B (rows = v nodes), and the mixed term.
  j = (2:nv-1).';
  a = problem.sigma_v^2 * v(j) / 2;
  b = kap * th - (kap - alpha * problem.rho * sv) * v(j);
  vals = a .* [1 -2 1] / dv^2 + b .* [-1 0 1] / (2 * dv);
  B = sparse ([j; j; j], [j-1; j; j+1], vals(:), nv, nv);
  B = B + sparse ([1 1 1], [1 2 3], kap * th * [-3 4 -1] / (2 * dv), nv, nv);
  B = B + sparse ([nv nv], [nv-1 nv], sv^2 * v(nv) / 2 * [2 -2] / dv^2, nv, nv);
  Bt = B.';
  cv = problem.rho * sv * v(j).' / (2 * dv);
  zc = zeros (nx, 1);
  A0 = @(U) mixed (dS1 (U), cv, zc);
  A2 = @(U) inner .* (U * Bt);

  ## The tilt factor; the value at S = 0 is 0 for a tilted call (and for
  ## a tilted put, whose factor vanishes there).
  tilt = (S / K) .^ (-alpha);
  if (alpha != 0)
    tilt(1) = 0;
  endif
  if (strcmp (problem.payoff, "call"))
    w = tilt .* max (S - K, 0);
    wb = @(t) tilt([1 nx]) .* [0; S(nx) * exp(r * t) - K];
  else
    w = tilt .* max (K - S, 0);
    wb = @(t) tilt([1 nx]) .* [K; 0];
  endif
  U = repmat (w, 1, nv);

  dt = diff (g.tau);
  Iy = speye (nx * nv);
  M = numel (dt);
  sp = NaN;        # the step of the stored matrices
  for k = 1:M
    if (k <= 2)
      ## Douglas, theta = 1, in two half steps.
      s = dt(k) / 2;
      nh = 2;
      thk = 1;
    else
      s = dt(k);
      nh = 1;
      thk = 1 / 3;
    endif
    if (thk * s != sp)
      Q1 = Iy - thk * s * K1;
      [Q2, f] = tridiag (speye (nv) - thk * s * B);
      sp = thk * s;
    endif
    for h = 1:nh
      bnd = repmat (wb (g.tau(k) + h * s), 1, nv);
      A0U = A0 (U);
      A1U = A1 (U);
      A2U = A2 (U);
      Y0 = U + s * (A0U + A1U + A2U);
      Y = stages (Y0, A1U, A2U, thk * s, Q1, Q2, f, bnd, inner);
      if (nh == 1)
        ## MCS corrector.
        A0Y = A0 (Y);
        Z0 = Y0 + thk * s * (A0Y - A0U) ...
             + (1/2 - thk) * s * (A0Y + A1 (Y) + A2 (Y) - A0U - A1U - A2U);
        Y = stages (Z0, A1U, A2U, thk * s, Q1, Q2, f, bnd, inner);
      endif
      U = Y;
    endfor
  endfor
  u = exp (-r * g.tau(end)) * U;
endfunction

## rho sigma_v v d/dv of X = S dU/dS, columns 1 and nv empty.
function Y = mixed (X, cv, zc)
  Y = [zc, (X(:, 3:end) - X(:, 1:end-2)) .* cv, zc];
endfunction

## The implicit stages Y1 = Y0 + s (A1 Y1 - A1U), Y2 = Y1 + s (A2 Y2 - A2U)
## with Dirichlet values bnd on rows 1 and nx.
function Y = stages (Y0, A1U, A2U, s, Q1, Q2, f, bnd, inner)
  [nx, nv] = size (Y0);
  Y = Y0 - s * A1U;
  Y([1 nx], :) = bnd;
  Y = reshape (Q1 \ Y(:), nx, nv);
  R = Y(inner, :) - s * A2U(inner, :);
  R(:, 1) -= f * R(:, 2);
  Y(inner, :) = (Q2 \ R.').';
endfunction

## Eliminate entry (1, 3) of Q with row 2, so that Q is tridiagonal (a
## fast solve); the right-hand side needs row 1 minus f times row 2.
function [Q, f] = tridiag (Q)
  f = Q(1, 3) / Q(2, 3);
  Q(1, :) -= f * Q(2, :);
  Q(1, 3) = 0;
endfunction

%!test
%! ## sigma_v -> 0 with V0 = theta: Black-Scholes with sigma^2 = theta.
%! p = benchop_problem ("4", "sigma_v", 1e-3, "rho", 0);
%! g = fd_heston_grid (p, 12, 12);
%! u = fd_march_heston (p, g);
%! k = abs (log (g.S / 100)) < 0.3;
%! ref = bs_european ("call", "price", g.S(k), 100, 1, 0.03, 0.15);
%! assert (u(k, g.jv), ref, 1e-2);   # coarse, not extrapolated
%!error fd_march_heston (1)
