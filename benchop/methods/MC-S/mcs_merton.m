## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{se}] =} mcs_merton (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{lambda}, @var{gamma}, @var{delta}, @var{n})
## European price under Merton's jump diffusion by conditional Monte Carlo
## with a stratified number of jumps.
##
## The number of jumps @math{N} on [0, @var{T}] is Poisson(@var{lambda}
## @var{T}); the log-jumps are normal(@var{gamma}, @var{delta}^2) and the
## drift is compensated by @math{k = e^{\gamma + \delta^2/2} - 1}.  Given
## @math{N = j}, @math{\ln S_T} is normal with variance
## @math{\sigma^2 T + j \delta^2} and @math{E[S_T | N = j] =
## S e^{(r - \lambda k) T + j (\gamma + \delta^2/2)}}, so the discounted
## payoff can be integrated over the diffusion and the jump sizes in closed
## form (conditional Monte Carlo, Glasserman sec. 4.5): only @math{N} is
## sampled.  Its uniform is stratified into @var{n} equiprobable strata, one
## draw each, and @math{N} is the Poisson inverse cdf of the draw, so only
## the strata that straddle a jump of the Poisson cdf carry any error.
## All spots share the draws.  @var{se} is the standard error the same
## draws would give without stratification (an upper bound).
## @end deftypefn

function [U, se] = mcs_merton (payoff, S, K, T, r, sigma, lambda, gamma, delta, n)
  if (nargin != 10)
    print_usage ();
  endif
  ## Poisson inverse cdf by counting the cdf values below u; the cdf is
  ## tabulated until its tail is below the spacing of doubles near 1.
  mu = lambda * T;
  p = exp (-mu);
  cdf = p;
  j = 0;
  while (j < 1000 && ! (p < eps * cdf(end) && cdf(end) >= 1 - eps)
         && cdf(end) < 1)
    j += 1;
    p *= mu / j;
    cdf(end+1) = cdf(end) + p;
  endwhile
  ## The estimator depends on the draw through N only: count the strata
  ## per jump number, in chunks of 2^16 strata (bounded memory), then
  ## evaluate it once per jump number.
  chunk = 2 ^ 16;
  cnt = zeros (numel (cdf) + 1, 1);
  for first = 0:chunk:n-1
    c = min (chunk, n - first);
    u = ((first:first+c-1).' + rand (c, 1)) / n;
    N = lookup (cdf, u);    # number of cdf values <= u
    cnt += accumarray (N + 1, 1, [numel(cdf) + 1, 1]);
  endfor
  jumps = find (cnt) - 1;
  cnt = cnt(cnt > 0);
  k = expm1 (gamma + delta ^ 2 / 2);
  v = sigma ^ 2 * T + jumps * delta ^ 2;
  U = zeros (1, numel (S));
  se = U;
  for i = 1:numel (S)
    F = S(i) * exp ((r - lambda * k) * T + jumps * (gamma + delta ^ 2 / 2));
    y = exp (-r * T) * mc_black (payoff, F, K, v);
    U(i) = cnt.' * y / n;
    se(i) = sqrt (max (cnt.' * (y - U(i)) .^ 2, 0) / max (n - 1, 1) / n);
  endfor
endfunction

## Against Merton's series at 2^16 strata.  Over 10 seeds the relative
## error is at most 1.5e-4 (the short deep out-of-the-money call at S = 80,
## K = 105, T = 0.25; the other cases below 4e-5), so 1e-3; the standard
## error without stratification is an upper bound.
%!test
%! rand ("state", 1);
%! S = [80 100 125];
%! for c = {[0.03 0.15 0.4 -0.5 0.4 1], [0.08 0.3 1 0.1 0.2 2], [0 0.1 0.28 -0.65 0.52 0.25]}
%!   [r, s, lam, g, d, T] = num2cell (c{1}){:};
%!   [U, se] = mcs_merton ("call", S, 105, T, r, s, lam, g, d, 2^16);
%!   V = merton_call (S, 105, T, r, s, lam, g, d);
%!   assert (U, V, -1e-3);
%!   assert (all (abs (U - V) <= 3 * se));
%! endfor
%!test
%! ## no jumps: Black-Scholes, exactly
%! U = mcs_merton ("put", [90 110], 100, 1, 0.03, 0.2, 0, -0.5, 0.4, 16);
%! assert (U, mc_bs ("put", [90 110], 100, 1, 0.03, 0.2), 1e-12);
%!error mcs_merton ("call", 100, 100, 1, 0.03, 0.2, 0.4, -0.5, 0.4)
