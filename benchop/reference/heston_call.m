## -*- texinfo -*-
## @deftypefn {} {@var{V} =} heston_call (@var{S}, @var{K}, @var{T}, @var{r}, @var{V0}, @var{kappa}, @var{theta}, @var{sigma_v}, @var{rho})
## Price of a European call under the Heston (1993) stochastic volatility
## model, from its characteristic function.
##
## @var{S} is an array of positive spot prices (@var{V} has its shape),
## @var{K} the strike, @var{T} the maturity and @var{r} the risk-free rate.
## The variance follows dv = @var{kappa} (@var{theta} - v) dt
## + @var{sigma_v} sqrt(v) dW with v(0) = @var{V0}, and dW is correlated
## with the stock's Brownian motion by @var{rho}.
##
## With phi(u) = E[exp(i u X)] the characteristic function of
## X = ln(S_T/F), F = S e^(rT), and k = ln(F/K), Lewis' (2000) form of the
## Fourier inversion (the contour Im u = -1/2) gives
## @tex
## $$C = e^{-rT} \left( F - {\sqrt{FK} \over \pi} \int_0^\infty
##   {\rm Re}\left[ e^{iuk} \varphi(u - i/2) \right] {du \over u^2 + 1/4}
##   \right).$$
## @end tex
## @ifnottex
## C = e^(-rT) (F - sqrt(F K)/pi int_0^Inf Re[exp(i u k) phi(u - i/2)]
##     / (u^2 + 1/4) du).
## @end ifnottex
## The same formula for Black-Scholes with the expected mean variance is
## subtracted and its closed form added back (a control variate), so that the
## integral is small and far out-of-the-money prices keep their accuracy;
## it is evaluated by @code{quadgk} up to where the integrand is negligible.
## phi is written in the "little Heston trap" form of Albrecher, Mayer,
## Schoutens and Tistaert (2007), whose complex logarithms stay on their
## principal branch, and arranged so that nothing cancels as sigma_v -> 0.
## Accurate to about 1e-12 relative where the price is not tiny compared
## with S (absolute error about 1e-13 (S + K) otherwise).
## @end deftypefn

function V = heston_call (S, K, T, r, V0, kappa, theta, sigma_v, rho)
  if (nargin != 9)
    print_usage ();
  endif
  if (! isnumeric (S) || ! isreal (S) || isempty (S)
      || ! all (isfinite (S(:)) & S(:) > 0))
    error ("heston_call: S must be an array of positive finite spot prices");
  endif
  names = {"K", "T", "V0", "kappa", "theta", "sigma_v"};
  vals = {K, T, V0, kappa, theta, sigma_v};
  for i = 1:numel (names)
    x = vals{i};
    if (! (isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x) && x > 0))
      error ("heston_call: %s must be a positive finite scalar", names{i});
    endif
  endfor
  if (! (isnumeric (r) && isreal (r) && isscalar (r) && isfinite (r)))
    error ("heston_call: R must be a real finite scalar");
  endif
  if (! (isnumeric (rho) && isreal (rho) && isscalar (rho) && abs (rho) < 1))
    error ("heston_call: RHO must be a scalar in (-1, 1)");
  endif

  ## Characteristic function of X = ln(S_T/F), F = S e^{rT}, at complex u:
  ## phi(u) = exp (kappa theta C(u) + V0 D(u)).  With w = iu + u^2,
  ## b = kappa - i rho sigma_v u and d = sqrt (b^2 + sigma_v^2 w) (Re d > 0),
  ## b - d = -sigma_v^2 w / (b + d) and g = (b - d)/(b + d); every term is
  ## formed so that nothing cancels as sigma_v -> 0 (the Black-Scholes limit).
  s2 = sigma_v^2;
  wu = @(u) 1i * u + u.^2;
  bu = @(u) kappa - 1i * rho * sigma_v * u;
  logphi = @(w, b, d) ...
      kappa * theta * (-w * T ./ (b + d)
                       - 2 / s2 * (log1p (-s2 * w ./ (2 * d .* (b + d)))
                                   + log1p (s2 * w ./ (b + d).^2 .* exp (-d * T)))) ...
      - V0 * w ./ (b + d) .* (1 - exp (-d * T)) ...
        ./ (1 + s2 * w ./ (b + d).^2 .* exp (-d * T));
  phi_wb = @(w, b) exp (logphi (w, b, sqrt (b.^2 + s2 * w)));
  phi = @(u) phi_wb (wu (u), bu (u));

  ## Black-Scholes control variate with the expected mean variance: its
  ## characteristic function on the line Im u = -1/2 is real.
  vbar = theta + (V0 - theta) * (1 - exp (-kappa * T)) / (kappa * T);
  Cbs = bs_european ("call", "price", S, K, T, r, sqrt (vbar));
  ## The integrand is below 1e-16 / u^2 beyond U: integrate over [0, U].
  U = 32;
  while (U < 1e8 && (abs (phi (U - 0.5i)) > 1e-16
                     || vbar * T / 2 * (U^2 + 0.25) < 37))
    U *= 2;
  endwhile
  V = zeros (size (S));
  for j = 1:numel (S)
    F = S(j) * exp (r * T);
    k = log (F / K);
    f = @(u) real (exp (1i * u * k) .* phi (u - 0.5i)
                   - exp (1i * u * k - vbar * T / 2 * (u.^2 + 0.25))) ./ (u.^2 + 0.25);
    I = quadgk (f, 0, U, "RelTol", 1e-12, "AbsTol", 1e-14, "MaxIntervalCount", 1e4);
    V(j) = Cbs(j) - exp (-r * T) * sqrt (F * K) / pi * I;
  endfor
endfunction

## Reference values of the BENCHOP specification (problem 4).
%!assert (heston_call ([90 100 110], 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -0.5),
%!        [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-12)

## As sigma_v -> 0 the variance is deterministic and the price is the
## Black-Scholes one with the mean variance; the error is O(sigma_v^2) for
## rho = 0 and O(sigma_v) otherwise.
%!test
%! S = [80 100 125];
%! vbar = 0.0225 + (0.04 - 0.0225) * (1 - exp (-1.5 * 2)) / (1.5 * 2);
%! Vbs = bs_european ("call", "price", S, 100, 2, 0.03, sqrt (vbar));
%! assert (heston_call (S, 100, 2, 0.03, 0.04, 1.5, 0.0225, 1e-4, 0), Vbs, -1e-8);
%! assert (heston_call (S, 100, 2, 0.03, 0.04, 1.5, 0.0225, 1e-10, -0.7), Vbs,
%!         -1e-9);

## Against Lewis' (2001) formula with Heston's original characteristic
## function, by the trapezoidal rule (exponentially accurate here, as the
## integrand is even and analytic), at strong vol of vol and long maturity.
%!test
%! T = 5;  r = 0.05;  V0 = 0.09;  ka = 0.5;  th = 0.04;  sv = 1;  rho = -0.9;
%! S = [80 100 125];
%! V = heston_call (S, 100, T, r, V0, ka, th, sv, rho);
%! u = 0:0.02:2000;  z = u - 0.5i;
%! b = ka - rho * sv * 1i * z;
%! d = sqrt (b.^2 + sv^2 * (1i * z + z.^2));
%! g = (b - d) ./ (b + d);
%! phi = exp (ka * th / sv^2 * ((b - d) * T - 2 * log ((1 - g .* exp (-d * T)) ./ (1 - g)))
%!            + V0 * (b - d) / sv^2 .* (1 - exp (-d * T)) ./ (1 - g .* exp (-d * T)));
%! for j = 1:numel (S)
%!   F = S(j) * exp (r * T);
%!   f = real (exp (1i * u * log (F / 100)) .* phi) ./ (u.^2 + 0.25);
%!   VL = exp (-r * T) * (F - sqrt (100 * F) / pi * 0.02 * (sum (f) - f(1) / 2));
%!   assert (V(j), VL, -1e-11);
%! endfor

## No-arbitrage bounds, and the shape of S is kept.
%!test
%! S = [20 60 100 140 500];
%! V = heston_call (S, 100, 0.5, 0.02, 0.06, 3, 0.05, 0.6, -0.3);
%! assert (all (V > max (S - 100 * exp (-0.01), 0)) && all (V < S));
%! assert (all (diff (V) > 0));
%! assert (size (heston_call ([90; 110], 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25,
%!                            -0.5)), [2 1]);

%!error <Invalid call> heston_call (100, 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25)
%!error <S must> heston_call (-1, 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -0.5)
%!error <V0 must> heston_call (100, 100, 1, 0.03, 0, 2, 0.0225, 0.25, -0.5)
%!error <sigma_v must> heston_call (100, 100, 1, 0.03, 0.0225, 2, 0.0225, -1, -0.5)
%!error <R must> heston_call (100, 100, 1, [0 1], 0.0225, 2, 0.0225, 0.25, -0.5)
%!error <RHO must> heston_call (100, 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -1)
