## -*- texinfo -*-
## @deftypefn {} {@var{U} =} fdnu_adi (@var{A0}, @var{A1}, @var{A2}, @var{U}, @var{nx}, @var{bnd}, @var{gfun}, @var{T}, @var{M})
## March U_tau = (A0 + A1 + A2) U on a two-dimensional grid from tau = 0
## to @var{T} by the Modified Craig-Sneyd ADI scheme (in 't Hout and Welfert
## 2009; in 't Hout and Foulon 2010).
##
## @var{U} holds the initial values with the first coordinate fastest
## (@var{nx} nodes in it).  @var{A1} acts along the first coordinate
## (tridiagonal), @var{A2} along the second (tridiagonal once the nodes are
## reordered second-coordinate-fastest, which is done here), @var{A0} holds
## the mixed derivative and is always explicit.  The rows of the Dirichlet
## nodes @var{bnd} (a logical vector) must be zero in all three; their
## values at tau are @code{@var{gfun} (tau)}, set in the explicit stage so
## that the implicit stages carry them.
##
## @var{M} steps: the first two are replaced by four half steps of the
## Douglas scheme with theta = 1, which damp the non-smooth payoff (the
## ADI counterpart of Rannacher's start); then MCS with theta = 1/3, second
## order and unconditionally stable with mixed derivatives.  The factors of
## the implicit systems are built once per step size.
## @end deftypefn

function U = fdnu_adi (A0, A1, A2, U, nx, bnd, gfun, T, M)
  if (nargin != 9)
    print_usage ();
  endif
  n = numel (U);
  ny = n / nx;
  A = A0 + A1 + A2;
  perm = reshape (reshape (1:n, nx, ny).', [], 1);
  iperm(perm) = 1:n;
  I = speye (n);
  dt = T / M;
  steps = [repmat(dt / 2, 1, 4), repmat(dt, 1, M - 2)];
  ths = [ones(1, 4), repmat(1/3, 1, M - 2)];
  tau = 0;
  hL = NaN;
  for k = 1:numel (steps)
    h = steps(k);
    th = ths(k);
    if (h != hL)
      L1 = I - th * h * A1;
      L2 = (I - th * h * A2)(perm, perm);
      hL = h;
    endif
    ## Douglas stages.
    Y0 = U + h * (A * U);
    Y0(bnd) = gfun (tau + h);
    Y1 = L1 \ (Y0 - th * h * (A1 * U));
    Y2 = L2 \ (Y1 - th * h * (A2 * U))(perm);
    Y2 = Y2(iperm);
    if (th == 1)
      U = Y2;
    else
      ## Modified Craig-Sneyd correction of the explicit stage.
      Z0 = Y0 + th * h * (A0 * (Y2 - U)) + (0.5 - th) * h * (A * (Y2 - U));
      Z1 = L1 \ (Z0 - th * h * (A1 * U));
      Y2 = L2 \ (Z1 - th * h * (A2 * U))(perm);
      U = Y2(iperm);
    endif
    tau += h;
  endfor
endfunction

%!test
%! ## Separable heat equation u_t = u_xx + u_yy with u = sin(pi x) sin(pi y).
%! x = linspace (0, 1, 41).';
%! n = numel (x);
%! e = ones (n, 1) * (n - 1)^2;
%! D = spdiags ([e -2*e e], -1:1, n, n);
%! D([1 n], :) = 0;
%! I = speye (n);
%! A1 = kron (I, D); A2 = kron (D, I);
%! [X, Y] = ndgrid (x, x);
%! bnd = X(:) == 0 | X(:) == 1 | Y(:) == 0 | Y(:) == 1;
%! A1(bnd, :) = 0; A2(bnd, :) = 0;
%! U0 = sin (pi * X(:)) .* sin (pi * Y(:));
%! ## Against the exact decay of the semi-discrete eigenmode: second order
%! ## in time.
%! lam = -8 * (n - 1)^2 * sin (pi / (2 * (n - 1)))^2;
%! e = zeros (1, 2);
%! for k = 1:2
%!   U = fdnu_adi (sparse (n^2, n^2), A1, A2, U0, n, bnd, @(t) 0, 0.1, 20 * k);
%!   e(k) = max (abs (U - U0 * exp (lam * 0.1)));
%! endfor
%! assert (e(2) < 2e-3 * exp (lam * 0.1));
%! assert (e(1) / e(2), 4, 1);
%!error fdnu_adi (1, 2, 3)
