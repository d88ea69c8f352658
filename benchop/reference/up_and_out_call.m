## -*- texinfo -*-
## @deftypefn {} {@var{V} =} up_and_out_call (@var{S}, @var{K}, @var{B}, @var{T}, @var{r}, @var{sigma})
## Closed-form price of a continuously monitored up-and-out call without
## rebate under Black-Scholes (Merton 1973, Reiner and Rubinstein 1991).
##
## @var{S} is an array of positive spot prices (@var{V} has its shape),
## @var{K} the strike, @var{B} > @var{K} the barrier, @var{T} the maturity,
## @var{r} the risk-free rate and @var{sigma} the volatility; no dividend
## yield.  The option is worthless once the spot has reached the barrier, so
## @var{V} is 0 where @var{S} >= @var{B}.
##
## The price is written with the method of images: if g(S) is the value of
## the payoff (S_T - K) 1@{S_T < B@} without the barrier, then
## @tex
## $$V(S) = g(S) - (B/S)^{2r/\sigma^2 - 1}\, g(B^2/S).$$
## @end tex
## @ifnottex
## V(S) = g(S) - (B/S)^(2r/sigma^2 - 1) g(B^2/S).
## @end ifnottex
## For small @var{sigma} the power overflows while g(B^2/S) underflows, so
## the image term is assembled from logarithms (the normal tail through
## @code{erfcx}) and is finite for all parameters.
## @end deftypefn

function V = up_and_out_call (S, K, B, T, r, sigma)
  if (nargin != 6)
    print_usage ();
  endif
  ref_check_market ("up_and_out_call", S, {"K", "B", "T", "sigma"}, {K, B, T, sigma}, r);
  if (B <= K)
    error ("up_and_out_call: the barrier B must lie above the strike K");
  endif

  V = zeros (size (S));
  in = S < B;
  s = double (S(in));
  s = s(:);
  sqT = sigma * sqrt (T);
  rT = r * T;
  ## d1 of Black-Scholes at spot x and strike k; d2 = d1 - sqT.
  d1 = @(x, k) (log (x / k) + (r + sigma^2 / 2) * T) / sqT;
  ## N(a) - N(b) for a >= b, from the tail in which both are small.
  diff_cdf = @(a, b) (b > 0) .* (std_normal_cdf (-b) - std_normal_cdf (-a)) ...
                     + (b <= 0) .* (std_normal_cdf (a) - std_normal_cdf (b));
  ## log N(z); for z < 0 through erfcx so that it stays finite however far
  ## out in the tail (N(z) itself would underflow).
  zn = @(z) min (z, 0);
  zp = @(z) max (z, 0);
  log_cdf = @(z) (z < 0) .* (log (erfcx (-zn (z) / sqrt (2)) / 2) - zn (z).^2 / 2) ...
                 + (z >= 0) .* log1p (-std_normal_cdf (-zp (z)));
  ## exp (L1) - exp (L2) for L1 >= L2, without forming huge intermediates.
  exp_diff = @(L1, L2) -exp (L1) .* expm1 (L2 - L1);

  ## g(S) for S < B: S [N(d1K) - N(d1B)] - K e^{-rT} [N(d2K) - N(d2B)].
  a = d1 (s, K);
  b = d1 (s, B);
  g = s .* diff_cdf (a, b) - K * exp (-rT) * diff_cdf (a - sqT, b - sqT);

  ## Image term at x = B^2/S > B, where N(dK) - N(dB) = N(-dB) - N(-dK):
  ## every product of the power (B/S)^(2r/sigma^2 - 1) and a normal tail is
  ## the exp of a sum of logarithms.
  lp = (2 * r / sigma^2 - 1) * log (B ./ s);
  x = B^2 ./ s;
  a = d1 (x, K);
  b = d1 (x, B);
  L1 = log (x) + lp;
  L2 = log (K) - rT + lp;
  img = exp_diff (L1 + log_cdf (-b), L1 + log_cdf (-a)) ...
        - exp_diff (L2 + log_cdf (sqT - b), L2 + log_cdf (sqT - a));

  ## The difference vanishes at the barrier; rounding must not make it < 0.
  V(in) = max (g - img, 0);
endfunction

## Reference values of the BENCHOP specification (problems 1c-I and 1c-II).
%!assert (up_and_out_call ([90 100 110], 100, 125, 1, 0.03, 0.15),
%!        [1.822512255945242, 3.294086516281595, 3.221591131246868], -1e-12)
%!assert (up_and_out_call ([97 98 99], 100, 125, 0.25, 0.1, 0.01),
%!        [0.033913177006134, 0.512978189232598, 1.469203342553328], -1e-12)

## Against the integral of the payoff over the density of the killed
## process: for X = ln(S_T/S), nu = r - sigma^2/2 and b = ln(B/S),
## P(X in dx, max < b) = [phi((x - nu T)/s) - e^(2 nu b/sigma^2)
## phi((x - 2b - nu T)/s)] / s dx, s = sigma sqrt(T).
%!test
%! K = 95;  B = 140;  T = 1.5;  r = 0.06;  sig = 0.3;
%! S = [60 95 120 139];
%! V = up_and_out_call (S, K, B, T, r, sig);
%! nu = r - sig^2/2;  s = sig * sqrt (T);
%! for i = 1:numel (S)
%!   b = log (B / S(i));
%!   f = @(x) (S(i) * exp (x) - K) .* (std_normal_pdf ((x - nu*T) / s)
%!            - exp (2*nu*b / sig^2) * std_normal_pdf ((x - 2*b - nu*T) / s)) / s;
%!   Vq = exp (-r*T) * quadgk (f, log (K / S(i)), b, "RelTol", 1e-13,
%!                             "AbsTol", 0);
%!   assert (V(i), Vq, -1e-10);
%! endfor

## A far barrier leaves the vanilla call; at and above the barrier the
## option is dead; near the barrier the value goes to 0 continuously.
%!test
%! S = [80 100 120];
%! assert (up_and_out_call (S, 100, 1e4, 1, 0.03, 0.15),
%!         bs_european ("call", "price", S, 100, 1, 0.03, 0.15), -1e-13);
%! assert (up_and_out_call ([125 126 1e5], 100, 125, 1, 0.03, 0.15), [0 0 0]);
%! v = up_and_out_call (125 - [1e-2 1e-3 1e-4], 100, 125, 1, 0.03, 0.15);
%! assert (all (v > 0) && all (diff (v) < 0) && v(3) < 1e-3);
%! assert (size (up_and_out_call ([90; 100], 100, 125, 1, 0.03, 0.15)), [2 1]);

## Extreme parameters: (B/S)^(2r/sigma^2 - 1) overflows, the result does not.
%!test
%! V = up_and_out_call ([1 50 97 120], 100, 125, 0.25, 0.1, 0.005);
%! assert (all (isfinite (V)));
%! assert (V(3), bs_european ("call", "price", 97, 100, 0.25, 0.1, 0.005),
%!         -1e-12);
%! V = up_and_out_call ([1 50 99 124], 100, 125, 30, -0.2, 3);
%! assert (all (isfinite (V) & V >= 0));

%!error <Invalid call> up_and_out_call (100, 100, 125, 1, 0.03)
%!error <S must> up_and_out_call ([100 0], 100, 125, 1, 0.03, 0.15)
%!error <B must> up_and_out_call (100, 100, -1, 1, 0.03, 0.15)
%!error <sigma must> up_and_out_call (100, 100, 125, 1, 0.03, 0)
%!error <R must> up_and_out_call (100, 100, 125, 1, Inf, 0.15)
%!error <above the strike> up_and_out_call (100, 100, 90, 1, 0.03, 0.15)
