## -*- texinfo -*-
## @deftypefn {} {@var{f} =} heston_log_cf (@var{u}, @var{T}, @var{r}, @var{V0}, @var{kappa}, @var{theta}, @var{sigma_v}, @var{rho})
## Logarithm of the Heston characteristic function of the log return
## @math{\log (S_T / S_0)} at the (real or complex) points @var{u}, in the
## "little trap" form of Albrecher, Mayer, Schoutens and Tistaert (2007):
## @example
## d = sqrt (b^2 + sigma_v^2 (i u + u^2)),  b = kappa - i rho sigma_v u,
## g = (b - d) / (b + d),
## f = i u r T + kappa theta / sigma_v^2 ((b - d) T
##       - 2 log ((1 - g e^(-d T)) / (1 - g)))
##     + V0 / sigma_v^2 (b - d) (1 - e^(-d T)) / (1 - g e^(-d T)),
## @end example
## @math{d} the root with positive real part, so that
## @math{|g e^{-d T}| < 1} and the logarithm stays on its principal branch
## however large @math{u} or @var{T}.
## @end deftypefn

function f = heston_log_cf (u, T, r, V0, kappa, theta, sv, rho)
  if (nargin != 8)
    print_usage ();
  endif
  s2 = sv^2;
  b = kappa - 1i * rho * sv * u;
  d = sqrt (b .^ 2 + s2 * (1i * u + u .^ 2));
  e = exp (-d * T);
  ## b - d = -s2 (iu + u^2) / (b + d) and g = (b - d) / (b + d): no
  ## cancellation for small u or small sigma_v; log ((1 - g e) / (1 - g))
  ## = log1p (g (1 - e) / (1 - g)) keeps its accuracy as g -> 0.
  bmd = -s2 * (1i * u + u .^ 2) ./ (b + d);
  g = bmd ./ (b + d);
  f = 1i * u * r * T ...
      + kappa * theta / s2 * (bmd * T - 2 * log1p (g .* (1 - e) ./ (1 - g))) ...
      + V0 / s2 * bmd .* (1 - e) ./ (1 - g .* e);
endfunction

%!test
%! ## Against the plain (Heston 1993) form at moderate u.
%! u = [0.3 1 2.5]; T = 2; r = 0.01; V0 = 0.05; ka = 1.2; th = 0.03; sv = 0.5; rho = -0.7;
%! b = ka - 1i * rho * sv * u;
%! d = sqrt (b .^ 2 + sv^2 * (1i * u + u .^ 2));
%! g = (b + d) ./ (b - d);
%! C = 1i * u * r * T + ka * th / sv^2 * ((b + d) * T - 2 * log ((1 - g .* exp (d * T)) ./ (1 - g)));
%! D = (b + d) / sv^2 .* (1 - exp (d * T)) ./ (1 - g .* exp (d * T));
%! assert (exp (heston_log_cf (u, T, r, V0, ka, th, sv, rho)), exp (C + D * V0), 1e-12);
%!assert (heston_log_cf (-1i, 1, 0.03, 0.04, 2, 0.04, 0.3, -0.5), 0.03, 1e-14)
%!error heston_log_cf (1, 2, 3)
