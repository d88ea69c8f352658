## -*- texinfo -*-
## @deftypefn {} {[@var{v}, @var{v_x}, @var{v_xx}, @var{v_T}] =} implied_variance_surface (@var{T}, @var{x})
## The implied-variance surface of BENCHOP problem 3-II and its derivatives.
##
## v(T, x) = a + b (x - m) + c sqrt ((x - m)^2 + q^2) at maturity @var{T} and
## log-moneyness @var{x} = ln (K / F_T), with b = (rho_r - l)/2,
## c = (rho_r + l)/2, a = 0.01 + 0.03 sqrt (T + 0.04),
## rho_r = 0.06 (1 - 0.87 sqrt (T)), l = 0.31 (1 - 0.7 sqrt (T)),
## m = 0.03 + 0.01 T and q = 0.15 (0.4 + 0.6 sqrt (T + 0.04)).
## @var{v_x}, @var{v_xx} are the first and second derivatives in x and
## @var{v_T} the derivative in T at fixed x, all in closed form.  @var{T}
## (positive) and @var{x} are arrays of the same size, or one of them scalar.
## @end deftypefn

function [v, v_x, v_xx, v_T] = implied_variance_surface (T, x)
  if (nargin != 2)
    print_usage ();
  endif
  if (! isnumeric (T) || ! isnumeric (x) || any (T(:) <= 0))
    error ("implied_variance_surface: T must be positive and X numeric");
  endif
  sT = sqrt (T);
  sT4 = sqrt (T + 0.04);
  a = 0.01 + 0.03 * sT4;
  rho_r = 0.06 * (1 - 0.87 * sT);
  l = 0.31 * (1 - 0.7 * sT);
  b = (rho_r - l) / 2;
  c = (rho_r + l) / 2;
  m = 0.03 + 0.01 * T;
  q = 0.15 * (0.4 + 0.6 * sT4);

  d = x - m;
  R = sqrt (d.^2 + q.^2);
  v = a + b .* d + c .* R;
  v_x = b + c .* d ./ R;
  v_xx = c .* q.^2 ./ R.^3;

  da = 0.015 ./ sT4;
  drho = -0.06 * 0.87 * 0.5 ./ sT;
  dl = -0.31 * 0.7 * 0.5 ./ sT;
  db = (drho - dl) / 2;
  dc = (drho + dl) / 2;
  dm = 0.01;
  dq = 0.045 ./ sT4;
  v_T = da + db .* d - b * dm + dc .* R + c .* (-d * dm + q .* dq) ./ R;
endfunction

%!test
%! ## Derivatives against central differences.
%! T = 0.5; x = [-0.3 0 0.2]; h = 1e-5;
%! [v, vx, vxx, vT] = implied_variance_surface (T, x);
%! assert (vx, (implied_variance_surface (T, x+h) - implied_variance_surface (T, x-h)) / (2*h), 1e-8);
%! assert (vxx, (implied_variance_surface (T, x+h) - 2*v + implied_variance_surface (T, x-h)) / h^2, 1e-4);
%! assert (vT, (implied_variance_surface (T+h, x) - implied_variance_surface (T-h, x)) / (2*h), 1e-8);
%!test
%! ## At x = m the square root is q: v = a + c q.
%! T = 1; m = 0.04; [v] = implied_variance_surface (T, m);
%! a = 0.01 + 0.03 * sqrt (1.04); c = (0.06 * 0.13 + 0.31 * 0.3) / 2;
%! assert (v, a + c * 0.15 * (0.4 + 0.6 * sqrt (1.04)), 1e-15);
%!error implied_variance_surface (1)
%!error <T must be positive> implied_variance_surface (0, 0)
