## -*- texinfo -*-
## @deftypefn {} {@var{V} =} american_dividend_call_reference (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D}, @var{alpha})
## High-accuracy price of an American call under Black-Scholes on a stock
## that pays one discrete proportional dividend, for reference use.
##
## @var{S} is an array of positive spot prices (@var{V} has its shape),
## @var{K} the strike, @var{T} the maturity, @var{r} >= 0 the risk-free
## rate, @var{sigma} the volatility, 0 <= @var{D} < 1 the dividend fraction
## and 0 < @var{alpha} < 1 the dividend date as a fraction of @var{T}: at
## t1 = @var{alpha} @var{T} the price drops from S to (1 - @var{D}) S.
##
## Method (Merton 1973; Roll 1977, Geske 1979, Whaley 1981): with r >= 0 a
## call on a stock that pays no further dividend is never exercised early,
## so after the dividend the option is the European call c of the remaining
## life T - t1, and before it exercise can only be optimal just before the
## dividend date.  There the holder takes max(X - K, c((1 - D) X)) of the
## cum-dividend price X, and
## @tex
## $$V(S) = c_D(S) + e^{-r t_1} \int_{X^*}^\infty
##   \bigl(x - K - c((1-D)x)\bigr)\, p(x)\,dx,$$
## @end tex
## @ifnottex
## V(S) = c_D(S) + e^(-r t1) int_X*^Inf (x - K - c((1 - D) x)) p(x) dx,
## @end ifnottex
## with c_D the European dividend call (@code{dividend_call}), p the
## lognormal density of X and X* the exercise boundary, the root of
## x - K = c((1 - D) x).  X* is found by Newton's method, which converges
## monotonically from K because x - K - c((1 - D) x) is increasing and
## concave; the premium is a one-dimensional @code{quadgk} integral in the
## standard normal variable.  The relative error is about 1e-12.
##
## With r < 0 early exercise can be optimal at any time and this
## representation does not hold; the function refuses such rates.
## @end deftypefn

function V = american_dividend_call_reference (S, K, T, r, sigma, D, alpha)
  if (nargin != 7)
    print_usage ();
  endif
  if (! isnumeric (S) || ! isreal (S) || isempty (S)
      || ! all (isfinite (S(:)) & S(:) > 0))
    error ("american_dividend_call_reference: S must be an array of positive finite spot prices");
  endif
  names = {"K", "T", "sigma"};
  vals = {K, T, sigma};
  for i = 1:3
    x = vals{i};
    if (! (isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x) && x > 0))
      error ("american_dividend_call_reference: %s must be a positive finite scalar",
             names{i});
    endif
  endfor
  if (! (isnumeric (r) && isreal (r) && isscalar (r) && isfinite (r)))
    error ("american_dividend_call_reference: R must be a real finite scalar");
  endif
  if (r < 0)
    error ("american_dividend_call_reference: R < 0 is not supported (early exercise may then be optimal at any time)");
  endif
  if (! (isnumeric (D) && isreal (D) && isscalar (D) && D >= 0 && D < 1))
    error ("american_dividend_call_reference: D must be a scalar in [0, 1)");
  endif
  if (! (isnumeric (alpha) && isreal (alpha) && isscalar (alpha)
         && alpha > 0 && alpha < 1))
    error ("american_dividend_call_reference: ALPHA must be a scalar in (0, 1)");
  endif

  S = double (S);
  V = dividend_call (S, K, T, r, sigma, D);
  if (D == 0)
    ## Without dividend the call is never exercised early (r >= 0).
    return;
  endif
  t1 = alpha * T;
  t2 = T - t1;

  ## Exercise gain h(x) = x - K - c((1 - D) x), written through put-call
  ## parity as D x - K (1 - e^{-r t2}) - p((1 - D) x) so that no large
  ## terms cancel.  h(K) = -c < 0, h is increasing and concave, and
  ## h(x) >= D x - K, so the root lies in (K, K/D].
  carry = -K * expm1 (-r * t2);
  h = @(x) D * x - carry - bs_european ("put", "price", (1 - D) * x, K, t2, r, sigma);
  dh = @(x) 1 - (1 - D) * bs_european ("call", "delta", (1 - D) * x, K, t2, r, sigma);
  xs = K;
  for iter = 1:100
    step = -h (xs) / dh (xs);
    xs += step;
    if (abs (step) <= 1e-15 * xs)
      break;
    endif
  endfor
  if (! (abs (step) <= 1e-12 * xs))
    error ("american_dividend_call_reference: the exercise boundary did not converge");
  endif

  ## Premium in z, X = S exp (mu + s z) with z standard normal.  The
  ## integrand behaves like exp (s z - z^2/2), negligible beyond s + 40.
  mu = (r - sigma^2 / 2) * t1;
  s = sigma * sqrt (t1);
  for j = 1:numel (S)
    zs = (log (xs / S(j)) - mu) / s;
    zmax = max (zs, s) + 40;
    if (zs >= zmax - 1)
      continue;
    endif
    f = @(z) max (h (S(j) * exp (mu + s * z)), 0) .* std_normal_pdf (z);
    P = quadgk (f, zs, zmax, "RelTol", 1e-13, "AbsTol", 1e-300,
                "MaxIntervalCount", 1e4);
    V(j) += exp (-r * t1) * P;
  endfor
endfunction

## Problem 2-am: the published values.
%!test
%! V = american_dividend_call_reference ([90 100 110], 100, 0.5, 0.03, 0.15,
%!                                       0.03, 0.8);
%! assert (V, [0.837358764004664, 4.484034330080377, 11.877216586990031], -1e-12);
