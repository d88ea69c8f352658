## -*- texinfo -*-
## @deftypefn  {} {@var{V} =} implied_surface_call (@var{S}, @var{K}, @var{T}, @var{r})
## @deftypefnx {} {[@var{V}, @var{v}] =} implied_surface_call (@dots{})
## Price of a European call in the local volatility model of BENCHOP problem
## 3-II, whose local volatility is the Dupire/Gatheral transform of a given
## implied-variance surface; the price is therefore the Black-Scholes price
## at that surface's implied volatility.
##
## @var{S} is an array of positive spot prices (@var{V} has its shape),
## @var{K} the strike, @var{T} the maturity and @var{r} the risk-free rate.
## The implied variance, in Gatheral's SVI "raw" form, is
## v = a + b (x - m) + c sqrt ((x - m)^2 + q^2) at log-moneyness
## x = ln(K/F), F = S e^(rT), with b = (rho_r - l)/2, c = (rho_r + l)/2 and
## a = 0.01 + 0.03 sqrt(T + 0.04), rho_r = 0.06 (1 - 0.87 sqrt(T)),
## l = 0.31 (1 - 0.7 sqrt(T)), m = 0.03 + 0.01 T,
## q = 0.15 (0.4 + 0.6 sqrt(T + 0.04)).  The call is the Black-Scholes
## price with volatility sqrt(v) (total variance T v).  The optional second
## output @var{v} holds the implied variances.  It is an error if v <= 0
## (the surface leaves its meaningful range for long maturities).
## @end deftypefn

function [V, v] = implied_surface_call (S, K, T, r)
  if (nargin != 4)
    print_usage ();
  endif
  ref_check_market ("implied_surface_call", S, {"K", "T"}, {K, T}, r);

  x = log (K ./ (double (S) * exp (r * T)));
  v = implied_variance_surface (T, x);
  if (any (v(:) <= 0))
    error ("implied_surface_call: the implied variance is not positive at T = %g",
           T);
  endif
  V = zeros (size (S));
  for j = 1:numel (S)
    V(j) = bs_european ("call", "price", S(j), K, T, r, sqrt (v(j)));
  endfor
endfunction

## Reference values of the BENCHOP specification (problem 3-II).
%!assert (implied_surface_call ([90 100 110], 100, 0.5, 0.03),
%!        [2.143298757364613, 6.873960243381082, 14.298245974532255], -1e-12)

## At the money forward (x = 0) the variance is a - b m + c sqrt(m^2 + q^2).
%!test
%! T = 1.2;  r = 0.05;
%! [V, v] = implied_surface_call (100 * exp (-r * T), 100, T, r);
%! m = 0.03 + 0.01 * T;  q = 0.15 * (0.4 + 0.6 * sqrt (T + 0.04));
%! rr = 0.06 * (1 - 0.87 * sqrt (T));  l = 0.31 * (1 - 0.7 * sqrt (T));
%! v0 = 0.01 + 0.03 * sqrt (T + 0.04) - (rr - l) / 2 * m + (rr + l) / 2 * sqrt (m^2 + q^2);
%! assert (v, v0, -1e-14);
%! assert (V, bs_european ("call", "price", 100 * exp (-r * T), 100, T, r,
%!                         sqrt (v0)), -1e-14);

## The surface is free of static arbitrage where it is used: prices are
## decreasing and convex in the strike, and total variance grows with T.
%!test
%! Ks = 60:2:160;
%! C = arrayfun (@(K) implied_surface_call (100, K, 0.5, 0.03), Ks);
%! assert (all (diff (C) < 0) && all (diff (C, 2) > 0));
%! Ts = 0.1:0.1:1;
%! w = zeros (size (Ts));
%! for i = 1:numel (Ts)
%!   [~, v] = implied_surface_call (100, 100 * exp (0.03 * Ts(i)), Ts(i), 0.03);
%!   w(i) = Ts(i) * v;
%! endfor
%! assert (all (diff (w) > 0));

%!error <Invalid call> implied_surface_call (100, 100, 0.5)
%!error <S must> implied_surface_call ([100 Inf], 100, 0.5, 0.03)
%!error <T must> implied_surface_call (100, 100, 0, 0.03)
%!error <R must> implied_surface_call (100, 100, 0.5, 1i)
