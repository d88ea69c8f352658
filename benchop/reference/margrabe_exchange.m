## -*- texinfo -*-
## @deftypefn {} {@var{V} =} margrabe_exchange (@var{S}, @var{T}, @var{sigma1}, @var{sigma2}, @var{rho})
## Margrabe's (1978) price of the option to exchange asset 2 for asset 1,
## payoff max(S1_T - S2_T, 0), under two-asset Black-Scholes.
##
## @var{S} is an n-by-2 matrix of spot pairs [S1 S2] (all positive); @var{V}
## is the n-by-1 column of prices.  @var{T} is the maturity, @var{sigma1}
## and @var{sigma2} the volatilities and @var{rho} their correlation.  With
## no dividends the interest rate drops out: taking asset 2 as numeraire,
## the price is the Black-Scholes call on S1/S2 with strike 1 and zero rate,
## @tex
## $$V = S_1 N(d_1) - S_2 N(d_2),\quad
##   d_{1,2} = {\ln(S_1/S_2) \pm \sigma^2 T/2 \over \sigma \sqrt{T}},\quad
##   \sigma^2 = \sigma_1^2 + \sigma_2^2 - 2\rho\sigma_1\sigma_2.$$
## @end tex
## @ifnottex
## V = S1 N(d1) - S2 N(d2), d1,2 = (ln(S1/S2) +- sigma^2 T/2)/(sigma sqrt(T)),
## sigma^2 = sigma1^2 + sigma2^2 - 2 rho sigma1 sigma2.
## @end ifnottex
## When sigma = 0 the ratio is deterministic and V = max(S1 - S2, 0).
## @end deftypefn

function V = margrabe_exchange (S, T, sigma1, sigma2, rho)
  if (nargin != 5)
    print_usage ();
  endif
  if (! isnumeric (S) || ! isreal (S) || ! ismatrix (S) || columns (S) != 2
      || rows (S) < 1 || ! all (isfinite (S(:)) & S(:) > 0))
    error ("margrabe_exchange: S must be an n-by-2 matrix of positive finite spot pairs");
  endif
  names = {"T", "sigma1", "sigma2"};
  vals = {T, sigma1, sigma2};
  for i = 1:3
    x = vals{i};
    if (! (isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x) && x > 0))
      error ("margrabe_exchange: %s must be a positive finite scalar", names{i});
    endif
  endfor
  if (! (isnumeric (rho) && isreal (rho) && isscalar (rho) && abs (rho) <= 1))
    error ("margrabe_exchange: RHO must be a scalar in [-1, 1]");
  endif

  S1 = double (S(:, 1));
  S2 = double (S(:, 2));
  ## (sigma1 - sigma2)^2 + 2 (1 - rho) sigma1 sigma2 cannot round below 0.
  sig = sqrt ((sigma1 - sigma2)^2 + 2 * (1 - rho) * sigma1 * sigma2);
  if (sig == 0)
    V = max (S1 - S2, 0);
    return;
  endif
  sq = sig * sqrt (T);
  d1 = log (S1 ./ S2) / sq + sq / 2;
  d2 = d1 - sq;
  V = max (S1 .* std_normal_cdf (d1) - S2 .* std_normal_cdf (d2), 0);
endfunction

## Reference values of the BENCHOP specification (problem 6).
%!assert (margrabe_exchange ([100 90; 100 100; 100 110; 90 100; 110 100], 1, 0.15,
%!                           0.15, 0.5),
%!        [12.021727425647768; 5.978528810578943; 2.500244806693065;
%!         2.021727425647768; 12.500244806693061], -1e-12)

## Parity V(S1, S2) - V(S2, S1) = S1 - S2, homogeneity of degree one, and
## with sigma2 = 0 the Black-Scholes call on S1 with strike S2 e^{rT} at rate r.
%!test
%! S = [80 120; 100 100; 130 70];
%! V = margrabe_exchange (S, 2, 0.3, 0.2, -0.4);
%! assert (V - margrabe_exchange (fliplr (S), 2, 0.2, 0.3, -0.4), S(:,1) - S(:,2),
%!         1e-12);
%! assert (margrabe_exchange (3 * S, 2, 0.3, 0.2, -0.4), 3 * V, -1e-14);
%! r = 0.07;
%! for i = 1:rows (S)
%!   C = bs_european ("call", "price", S(i,1), S(i,2) * exp (r * 2), 2, r, 0.3);
%!   assert (margrabe_exchange (S(i,:), 2, 0.3, 1e-300, 0), C, -1e-13);
%! endfor

## Perfectly correlated equal volatilities: the intrinsic value.
%!assert (margrabe_exchange ([100 90; 90 100], 1, 0.2, 0.2, 1), [10; 0])

%!error <Invalid call> margrabe_exchange ([100 90], 1, 0.15, 0.15)
%!error <n-by-2> margrabe_exchange ([100 90 80], 1, 0.15, 0.15, 0.5)
%!error <n-by-2> margrabe_exchange ([100 -90], 1, 0.15, 0.15, 0.5)
%!error <T must> margrabe_exchange ([100 90], 0, 0.15, 0.15, 0.5)
%!error <sigma2 must> margrabe_exchange ([100 90], 1, 0.15, NaN, 0.5)
%!error <RHO must> margrabe_exchange ([100 90], 1, 0.15, 0.15, 1.5)
