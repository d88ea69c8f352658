## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{se}] =} mcs_european (@var{payoff}, @var{output}, @var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{B}, @var{m})
## Stratified antithetic Monte Carlo for a European price or Greek.
##
## The standard normal that drives the exact GBM sample of @math{S_T} is
## stratified: @var{m} equiprobable strata of the half line
## (@pxref{mcs_strata_normals}), each draw @math{z} paired with its
## antithetic @math{-z}, so @math{2m} paths fill @math{2m} equiprobable
## strata of the whole line, one path each.  The per-path estimator is
## @code{mc_terminal}; @var{B} is an up-and-out barrier (@code{Inf}
## for none).  All spots in @var{S} share the draws (common random numbers).
##
## @var{se} is the standard error the same paths would give without
## stratification (the sample standard deviation of the antithetic pair
## means over @math{\sqrt{m}}).  With proportional allocation,
## stratification never increases the variance, so @var{se} is an upper
## bound, usually a loose one: the stratified error is often a hundred times
## smaller.  (The one-draw-per-stratum error itself has no reliable
## estimate from the sample: it is dominated by a few tail strata and, for
## the Greeks, by the stratum where the payoff derivative jumps.)
##
## Strata are processed in chunks of @math{2^{16}}, so memory stays at a few
## megabytes whatever @var{m}.
## @end deftypefn

function [U, se] = mcs_european (payoff, output, S, K, T, r, sigma, B, m)
  if (nargin != 9)
    print_usage ();
  endif
  chunk = 2 ^ 16;
  n = numel (S);
  total = zeros (1, n);
  sq = zeros (1, n);
  shift = zeros (1, n);
  for first = 1:chunk:m
    count = min (chunk, m - first + 1);
    z = mcs_strata_normals (first, count, m);
    for i = 1:n
      y = (mc_terminal (payoff, output, S(i), z, K, T, r, sigma, B)
           + mc_terminal (payoff, output, S(i), -z, K, T, r, sigma, B)) / 2;
      if (first == 1)
        shift(i) = y(1);    # sums about a typical value, so no cancellation
      endif
      total(i) += sum (y - shift(i));
      sq(i) += sumsq (y - shift(i));
    endfor
  endfor
  U = shift + total / m;
  ## sample variance of the pair means about their mean
  v = max (sq - total .^ 2 / m, 0) / max (m - 1, 1);
  se = sqrt (v / m);
endfunction

## Black-Scholes checks written out here.  Two tolerances: 3 times the
## bound SE, and 5e-3 relative, 5 times the largest standard deviation of
## the relative error over 100 seeds at this size (9.4e-4, the call price at
## S = 95, two standard deviations out of the money; most cases are below
## 1e-4).
%!function V = bs (payoff, output, S, K, T, r, s)
%!  d1 = (log (S / K) + (r + s^2/2) * T) / (s * sqrt (T));
%!  d2 = d1 - s * sqrt (T);
%!  N = @std_normal_cdf;
%!  switch ([payoff "-" output])
%!    case "call-price", V = S .* N(d1) - K * exp (-r*T) * N(d2);
%!    case "put-price",  V = K * exp (-r*T) * N(-d2) - S .* N(-d1);
%!    case "call-delta", V = N(d1);
%!    case "put-delta",  V = N(d1) - 1;
%!    case {"call-gamma", "put-gamma"}, V = std_normal_pdf (d1) ./ (S * s * sqrt (T));
%!    case {"call-vega", "put-vega"},   V = S .* std_normal_pdf (d1) * sqrt (T);
%!  endswitch
%!endfunction
%!test
%! rand ("state", 11);
%! S = [95 100 115];
%! for c = {{"call", 0.1, 0.25, 0.01}, {"put", 0.4, 2, 0.05}, {"call", 0.25, 1, -0.01}}
%!   [payoff, s, T, r] = c{1}{:};
%!   for out = {"price", "delta", "gamma", "vega"}
%!     [U, se] = mcs_european (payoff, out{1}, S, 105, T, r, s, Inf, 2^14);
%!     ex = bs (payoff, out{1}, S, 105, T, r, s);
%!     assert (all (abs (U - ex) <= 3 * se), [payoff " " out{1}]);
%!     assert (U, ex, -5e-3);
%!   endfor
%! endfor
%!test
%! ## up-and-out call: Reiner-Rubinstein closed form
%! rand ("state", 12);
%! S = [85 100 115];  K = 95;  B = 140;  T = 1.5;  r = 0.04;  s = 0.3;
%! N = @std_normal_cdf;
%! sT = s * sqrt (T);  nu = r - s^2/2;  lam = (r + s^2/2) / s^2;
%! x1 = log (S / B) / sT + lam * sT;  y1 = log (B ./ S) / sT + lam * sT;
%! y  = log (B^2 ./ (S * K)) / sT + lam * sT;
%! V = bs ("call", "price", S, K, T, r, s) ...
%!     - S .* N(x1) + K * exp (-r*T) * N(x1 - sT) ...
%!     + S .* (B ./ S) .^ (2*lam) .* (N(-y) - N(-y1)) ...
%!     - K * exp (-r*T) * (B ./ S) .^ (2*lam - 2) .* (N(-y + sT) - N(-y1 + sT));
%! [U, se] = mcs_european ("call", "price", S, K, T, r, s, B, 2^14);
%! assert (all (abs (U - V) <= 3 * se));
%! ## the spread of the error over 100 seeds is below 2e-5 relative here
%! assert (U, V, -1e-4);
%!test
%! ## chunking does not change the answer
%! rand ("state", 13);
%! [U1, s1] = mcs_european ("call", "price", 100, 100, 1, 0.03, 0.15, Inf, 2^16 + 10);
%! rand ("state", 13);
%! z = mcs_strata_normals (1, 2^16 + 10, 2^16 + 10);
%! y = (mc_terminal ("call", "price", 100, z, 100, 1, 0.03, 0.15, Inf)
%!      + mc_terminal ("call", "price", 100, -z, 100, 1, 0.03, 0.15, Inf)) / 2;
%! assert (U1, mean (y), -1e-13);
%!error mcs_european ("call", "price", 100, 100, 1, 0.03, 0.15, Inf)
