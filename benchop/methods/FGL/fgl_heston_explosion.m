## -*- texinfo -*-
## @deftypefn {} {@var{Ts} =} fgl_heston_explosion (@var{q}, @var{kappa}, @var{rho}, @var{sigma_v})
## The time at which the moment @math{E[(S_T / S)^q]} of the Heston model
## becomes infinite, for each real order in @var{q} (@code{Inf} where it
## stays finite at every maturity).
##
## The moment is @math{e^{q r T + A(T) + B(T) V_0}} with
## @math{B' = \frac{\sigma_v^2}{2} B^2 - k B + \frac{q (q - 1)}{2}},
## @math{B(0) = 0}, @math{k = \kappa - \rho \sigma_v q}; it explodes when
## B does (Andersen and Piterbarg 2007).  For @math{0 \le q \le 1} it never
## does; otherwise, with @math{D = k^2 - \sigma_v^2 q (q - 1)}:
## @math{D < 0}: @math{T^* = \frac{2}{\sqrt{-D}} (\frac{\pi}{2} +
## \arctan \frac{k}{\sqrt{-D}})}; @math{D \ge 0} and @math{k < 0}:
## @math{T^* = \frac{1}{\sqrt D} \log \frac{k - \sqrt D}{k + \sqrt D}};
## @math{D \ge 0} and @math{k \ge 0}: @math{B} converges, no explosion.
## @end deftypefn

function Ts = fgl_heston_explosion (q, kappa, rho, sv)
  ## No input checks: this runs in the timed pricing.
  k = kappa - (rho * sv) * q;
  D = k .* k - (sv * sv) * q .* (q - 1);
  sq = abs (D) .^ 0.5;
  ## Both closed forms everywhere (where one does not apply it may be
  ## complex or not finite), then the one that applies: merge, not logical
  ## indexing, which costs more on a few dozen numbers.
  T1 = (1.5707963267948966 + atan (k ./ sq)) * 2 ./ sq;
  T2 = real (log ((k - sq) ./ (k + sq))) ./ sq;
  Ts = merge (D < 0, T1, merge (k < 0, T2, Inf));
  Ts = merge (q >= 0 & q <= 1, Inf, Ts);
endfunction

%!function B = riccati (q, ka, rho, sv, T)
%!  ## B at T by the classical Runge-Kutta method, 20000 steps.
%!  k = ka - rho * sv * q;
%!  f = @(B) sv^2 / 2 * B ^ 2 - k * B + q * (q - 1) / 2;
%!  B = 0; dt = T / 20000;
%!  for i = 1:20000
%!    k1 = f (B); k2 = f (B + dt / 2 * k1); k3 = f (B + dt / 2 * k2); k4 = f (B + dt * k3);
%!    B += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
%!  endfor
%!endfunction
%!test
%! ## Against the Riccati equation integrated numerically: B grows without
%! ## bound as T approaches T*.
%! ka = 1.5; rho = -0.6; sv = 0.8;
%! for q = [-6 -3 9 12]
%!   Ts = fgl_heston_explosion (q, ka, rho, sv);
%!   assert (isfinite (Ts));
%!   B = [riccati(q, ka, rho, sv, 0.9 * Ts), riccati(q, ka, rho, sv, 0.99 * Ts)];
%!   assert (B(2) > 5 * B(1) && B(1) > 0);
%!   ## Near T*, B ~ 2 / (sv^2 (T* - T)).
%!   assert (B(2) * sv^2 * 0.01 * Ts / 2, 1, 0.1);
%! endfor
%! ## q = 4: D > 0 and k > 0, B converges.
%! assert (fgl_heston_explosion (4, ka, rho, sv), Inf);
%! assert (abs (riccati (4, ka, rho, sv, 20) - riccati (4, ka, rho, sv, 10)) < 1e-6);
%!test
%! ## Never for 0 <= q <= 1; a converging B when D >= 0 and k >= 0.
%! assert (fgl_heston_explosion ([0 0.5 1], 2, -0.5, 0.3), Inf (1, 3));
%! assert (fgl_heston_explosion (2, 2, -0.5, 0.3), Inf);
%! ## The closed form where D < 0 and k > 0, and where D > 0 and k < 0.
%! q = -10; ka = 2; rho = -0.5; sv = 0.25;
%! k = ka - rho * sv * q; D = k^2 - sv^2 * q * (q - 1);
%! assert (D < 0 && k > 0);
%! assert (fgl_heston_explosion (q, ka, rho, sv), 2 / sqrt (-D) * (pi / 2 + atan (k / sqrt (-D))), 1e-14);
%! q = 3; ka = 0.1; rho = 0.9; sv = 0.5;
%! k = ka - rho * sv * q; D = k^2 - sv^2 * q * (q - 1);
%! assert (D > 0 && k < 0);
%! assert (fgl_heston_explosion (q, ka, rho, sv), log ((k - sqrt (D)) / (k + sqrt (D))) / sqrt (D), 1e-14);
