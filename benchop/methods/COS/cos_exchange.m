## -*- texinfo -*-
## @deftypefn {} {@var{U} =} cos_exchange (@var{S}, @var{T}, @var{sigma1}, @var{sigma2}, @var{rho}, @var{N}, @var{L})
## Exchange option @math{\max (S_1 - S_2, 0)} on two correlated geometric
## Brownian motions by the COS method, after a change of numeraire.
##
## @var{S} is an n-by-2 matrix of spot pairs; @var{N} and @var{L} the
## number of cosine terms and the truncation range in standard deviations
## (@code{cos_european}).  The payoff is homogeneous of degree one, so with
## the second asset as numeraire (Margrabe 1978; Geman, El Karoui and
## Rochet 1995) the price is @math{S_2 E_2[(R_T - 1)^+]}, @math{R = S_1 /
## S_2}, a martingale under that measure with the volatility
## @math{\sigma = (\sigma_1^2 + \sigma_2^2 - 2 \rho \sigma_1 \sigma_2)^{1/2}}:
## a call on one asset with strike 1 and no interest, which the
## one-dimensional expansion prices exactly as it does any call, for any
## parameters.  The rate drops out.  @var{U} is a row, one value per pair.
## @end deftypefn

function U = cos_exchange (S, T, sigma1, sigma2, rho, N, L)
  ## No input checks: this is the timed pricing (cos_check checks).
  s2 = sigma1 * sigma1 + sigma2 * sigma2 - 2 * rho * sigma1 * sigma2;
  ## Perfectly correlated equal volatilities: the ratio is constant; a
  ## volatility of 1e-12 gives its intrinsic value.
  sigma = max (s2, 1e-24) ^ 0.5;
  S2 = S(:,2).';
  U = S2 .* cos_european (S(:,1).' ./ S2, 1, T, 0, sigma, N, L, 0, true);
endfunction

%!function V = margrabe (S, T, s1, s2, rho)
%!  s = sqrt (s1^2 + s2^2 - 2 * rho * s1 * s2) * sqrt (T);
%!  d1 = log (S(:,1) ./ S(:,2)) / s + s / 2;
%!  V = (S(:,1) .* std_normal_cdf (d1) - S(:,2) .* std_normal_cdf (d1 - s)).';
%!endfunction
%!test
%! S = [100 90; 100 100; 100 110; 90 100; 110 100];
%! U = cos_exchange (S, 1, 0.15, 0.15, 0.5, 64, 10);
%! assert (U, margrabe (S, 1, 0.15, 0.15, 0.5), -1e-11);
%! ## The benchmark's accuracy with a few terms.
%! assert (cos_exchange (S, 1, 0.15, 0.15, 0.5, 12, sqrt (6 * pi)),
%!         margrabe (S, 1, 0.15, 0.15, 0.5), -1e-4);
%!test
%! S = [80 120; 100 95; 130 70];
%! U = cos_exchange (S, 1.7, 0.35, 0.12, -0.6, 64, 10);
%! assert (U, margrabe (S, 1.7, 0.35, 0.12, -0.6), -1e-11);
%!test
%! ## Perfect correlation, equal volatilities: the intrinsic value.
%! assert (cos_exchange ([100 90; 90 100], 1, 0.2, 0.2, 1, 20, 5), [10 0], 1e-12);
