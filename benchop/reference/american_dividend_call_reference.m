## -*- texinfo -*-
## @deftypefn {} {@var{V} =} american_dividend_call_reference (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D}, @var{alpha})
## High-accuracy price of an American call under Black-Scholes on a stock
## that pays one discrete proportional dividend, for reference use.
##
## @var{S} is an array of positive spot prices (@var{V} has its shape),
## @var{K} the strike, @var{T} the maturity, @var{r} the risk-free rate,
## @var{sigma} the volatility (with @var{sigma}^2 @var{T} at most 100),
## 0 <= @var{D} < 1 the dividend fraction and 0 < @var{alpha} < 1 the
## dividend date as a fraction of @var{T}: at t1 = @var{alpha} @var{T} the
## price drops from S to (1 - @var{D}) S.
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
## representation does not hold: the price then comes from the
## finite-difference computation @code{american_dividend_call_pde}, good
## to about 1e-6 relative and taking a few seconds.
## @end deftypefn

function V = american_dividend_call_reference (S, K, T, r, sigma, D, alpha)
  if (nargin != 7)
    print_usage ();
  endif
  ref_check_market ("american_dividend_call_reference", S, {"K", "T", "sigma"}, {K, T, sigma}, r);
  if (! (isnumeric (D) && isreal (D) && isscalar (D) && D >= 0 && D < 1))
    error ("american_dividend_call_reference: D must be a scalar in [0, 1)");
  endif
  if (! (isnumeric (alpha) && isreal (alpha) && isscalar (alpha)
         && alpha > 0 && alpha < 1))
    error ("american_dividend_call_reference: ALPHA must be a scalar in (0, 1)");
  endif

  if (sigma^2 * T > 100)
    ## The quadrature would overflow exp (); such spreads make no sense.
    error ("american_dividend_call_reference: sigma^2 T must be at most 100");
  endif

  S = double (S);
  if (r < 0)
    V = american_dividend_call_pde (S, K, T, r, sigma, D, alpha);
    return;
  endif
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

## Against the expectation of max(X - K, c((1 - D) X)) itself, by the
## trapezoidal rule on a fine grid in the normal variable: no boundary, no
## parity rewrite.  The kink at X* limits it to about 1e-9.
%!test
%! S = [60 100 150];  K = 100;  T = 3;  r = 0.2;  sig = 0.4;  D = 0.2;  al = 0.3;
%! t1 = al * T;  t2 = T - t1;
%! z = -12:1e-4:12;
%! w = [0.5, ones(1, numel (z) - 2), 0.5] * 1e-4 .* std_normal_pdf (z);
%! Vq = zeros (size (S));
%! for j = 1:3
%!   X = S(j) * exp ((r - sig^2 / 2) * t1 + sig * sqrt (t1) * z);
%!   c = bs_european ("call", "price", (1 - D) * X, K, t2, r, sig);
%!   Vq(j) = exp (-r * t1) * sum (w .* max (X - K, c));
%! endfor
%! assert (american_dividend_call_reference (S, K, T, r, sig, D, al), Vq, -1e-9);

## Against a CRR tree that allows exercise at every node, with the
## dividend on a time step and Black-Scholes values one step before
## maturity: this also checks that exercise away from the dividend date
## adds nothing.  N = 4000 steps are good to about 2e-4.
%!test
%! P = {[90 100 110], 100, 0.5, 0.03, 0.15, 0.03, 0.8;
%!      [60 100 150], 100, 3, 0.2, 0.4, 0.2, 0.3;
%!      [90 100 120], 100, 5, 0, 0.05, 0.05, 0.5};
%! N = 4000;
%! for q = 1:rows (P)
%!   [S, K, T, r, sig, D, al] = P{q, :};
%!   V = american_dividend_call_reference (S, K, T, r, sig, D, al);
%!   dt = T / N;  n1 = round (al * N);
%!   u = exp (sig * sqrt (dt));
%!   p = (exp (r * dt) - 1 / u) / (u - 1 / u);
%!   for j = 1:numel (S)
%!     X = S(j) * u .^ (-(N-1):2:(N-1));
%!     W = bs_european ("call", "price", (1 - D) * X, K, dt, r, sig);
%!     for i = N-2:-1:0
%!       X = S(j) * u .^ (-i:2:i);
%!       W = exp (-r * dt) * (p * W(2:end) + (1 - p) * W(1:end-1));
%!       W = max (W, (1 - D * (i > n1)) * X - K);
%!     endfor
%!     assert (W, V(j), 2e-4 * V(j));
%!   endfor
%! endfor

## No dividend: the European call.  Early exercise pays: above the
## European dividend call and the payoff; deep in the money, exercise at
## the dividend date is certain and V = S - K e^{-r t1}.
%!test
%! S = [50 80 100 120 200];
%! assert (american_dividend_call_reference (S, 100, 1, 0.05, 0.3, 0, 0.5),
%!         bs_european ("call", "price", S, 100, 1, 0.05, 0.3));
%! V = american_dividend_call_reference (S, 100, 1, 0.05, 0.3, 0.1, 0.5);
%! assert (all (V > dividend_call (S, 100, 1, 0.05, 0.3, 0.1)));
%! assert (all (V > S - 100));
%! assert (all (diff (V) > 0) && all (diff (V, 2) > 0));
%! assert (american_dividend_call_reference (1e4, 100, 1, 0.05, 0.3, 0.1, 0.5),
%!         1e4 - 100 * exp (-0.05 * 0.5), -1e-13);
%! assert (size (american_dividend_call_reference ([90; 110], 100, 1, 0.03,
%!                                                 0.15, 0.03, 0.5)), [2 1]);

## r < 0: the finite-difference computation, where deep in the money the
## call is exercised at once.
%!test
%! V = american_dividend_call_reference ([90 300], 100, 1, -0.03, 0.15, 0.03, 0.5);
%! assert (V(1) > dividend_call (90, 100, 1, -0.03, 0.15, 0.03));
%! assert (V(2), 200);

## Extremes of the parameter box.
%!test
%! V = american_dividend_call_reference ([80 100 130], 100, 0.05, 0.01, 1, 0.5, 0.95);
%! assert (V, [1.551916589388549, 8.699272131878987, 31.41873828372794], -1e-10);
%! V = american_dividend_call_reference ([90 100 110], 100, 5, 0.2, 0.05, 0.001, 0.05);
%! assert (all (V >= dividend_call ([90 100 110], 100, 5, 0.2, 0.05, 0.001)));

%!error <Invalid call> american_dividend_call_reference (100, 100, 1, 0.03, 0.15, 0.03)
%!error <S must> american_dividend_call_reference (0, 100, 1, 0.03, 0.15, 0.03, 0.5)
%!error <K must> american_dividend_call_reference (100, -1, 1, 0.03, 0.15, 0.03, 0.5)
%!error <sigma must> american_dividend_call_reference (100, 100, 1, 0.03, 0, 0.03, 0.5)
%!error <R must> american_dividend_call_reference (100, 100, 1, [], 0.15, 0.03, 0.5)
%!error <D must> american_dividend_call_reference (100, 100, 1, 0.03, 0.15, 1, 0.5)
%!error <at most 100> american_dividend_call_reference (100, 100, 30, 0.03, 3, 0.1, 0.5)
%!error <ALPHA must> american_dividend_call_reference (100, 100, 1, 0.03, 0.15, 0.03, 1)
