## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} cos_american_put (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{res})
## American put under Black-Scholes by the COS method: Bermudan puts with
## a doubling number of exercise dates, Richardson-extrapolated (Fang and
## Oosterlee 2009).
##
## @var{S} is a row of spot prices, @var{K}, @var{T}, @var{r},
## @var{sigma} the strike, maturity, rate and volatility.  @var{res} sets
## the resolution: @code{res.M0} exercise periods for the coarsest
## Bermudan (then 2, 4 and 8 times as many), @code{res.q} the cut-off of
## the cosine series in standard deviations of one step of the finest
## Bermudan, @code{res.L} the truncation range in standard deviations of
## the whole life, @code{res.Ne} the terms of the European expansion
## (@code{cos_european}) and @code{res.Le} its truncation range.
## @var{info} reports the largest number of terms used (@code{N}) and the
## numbers of exercise periods (@code{M}).
##
## The four Bermudan prices (@code{cos_bermudan_put}) are combined by
## Richardson extrapolation in powers 1, 2, 3 of @math{1/M}, then floored
## by the value of exercising at once.  The points are priced in groups no
## wider than the density (@code{cos_groups}); each group's interval, in
## the detrended log price of @code{cos_bermudan_put}, covers its points
## plus @code{res.L} standard deviations, and its number of terms N
## resolves one step of the finest Bermudan:
## @math{N \pi \sigma \sqrt{\Delta t} / (b - a) = q}.  N is thus at most
## about @math{4 q L \sqrt{8 M_0} / \pi} whatever the parameters.  With
## @math{r \le 0} and no dividends early exercise never pays and the
## European put is returned.
##
## The extrapolation assumes the Bermudan prices are already in their
## asymptotic regime.  It converges more slowly for points just above the
## early-exercise boundary, and when the drift dominates the diffusion
## over one step (@math{T r^2 / \sigma^2} large against @math{M_0}, e.g.
## @math{\sigma = 0.01}, @math{r = 0.1} at the money), where the value
## comes from exercise soon after the start.  Points at or below the
## perpetual put's exercise boundary @math{2 r K / (2 r + \sigma^2)}
## (McKean 1965) are exercised at once for any maturity and are worth
## @math{K - S} exactly, without a recursion.
## @end deftypefn

function [U, info] = cos_american_put (S, K, T, r, sigma, res)
  if (nargin != 6)
    print_usage ();
  endif
  if (r <= 0)
    U = cos_european (S, K, T, r, sigma, res.Ne, res.Le, 0, false);
    info = struct ("N", res.Ne, "M", []);
    return;
  endif
  Ms = res.M0 * 2 .^ (0:3);
  ## At or below the perpetual put's exercise boundary K 2 r / (2 r +
  ## sigma^2) exercise at once is optimal whatever the maturity: there the
  ## perpetual put, worth more than this one, is worth K - S, and no put is
  ## worth less.  Those points need no recursion.
  ex = (S <= K * 2 * r / (2 * r + sigma^2));
  U = (K - S) .* ex;
  Nmax = 0;
  if (all (ex))
    info = struct ("N", Nmax, "M", Ms);
    return;
  endif
  live = find (! ex);
  x = log (S / K);
  mu = r - sigma^2 / 2;
  s = res.L * sigma * sqrt (T);
  for g = cos_groups (x(live), 2 * s)
    i = live(g{1});
    ## Interval in the detrended log price (cos_bermudan_put).
    a = min (x(i)) - s;
    b = max (x(i)) + s;
    if (a >= max (0, -mu * T))
      continue;                         # the put pays nothing on [a, b]
    endif
    N = cos_terms (res.q, b - a, T / Ms(end), sigma);
    Nmax = max (Nmax, N);
    V = cos_bermudan_put (x(i), K, T, r, sigma, Ms, a, b, cos_cont_kernels (N));
    ## Bermudan -> American error in powers of 1/M; then the option to
    ## exercise at once (and no negative rounding residue).
    U(i) = max (cos_richardson (V, [1 2 3]), max (K - S(i), 0));
  endfor
  info = struct ("N", Nmax, "M", Ms);
endfunction

%!shared res
%! res = struct ("N", 64, "M0", 16, "q", 5, "L", 10, "Ne", 64, "Le", 10);
%!test
%! [U, info] = cos_american_put ([90 100 110], 100, 1, 0.03, 0.15, res);
%! assert (U, [10.726486710094511, 4.820608184813253, 1.828207584020458], -1e-4);
%! assert (info.M, [16 32 64 128]);
%!test
%! ## Deep in the exercise region: exactly the intrinsic value, without a
%! ## recursion below the perpetual boundary (99.95 here).
%! [U, info] = cos_american_put ([97 98 99], 100, 0.25, 0.1, 0.01, res);
%! assert (U, [3 2 1], -1e-10);
%! assert (info.N, 0);
%! ## A point just above it needs the recursion, and is worth at least its
%! ## intrinsic value.
%! [U, info] = cos_american_put ([99 99.97], 100, 0.25, 0.1, 0.01, res);
%! assert (U(1), 1, -1e-10);
%! assert (U(2) >= 0.03);
%! assert (info.N > 0);
%!test
%! ## Points far apart are priced in separate groups; far out of the money
%! ## the put is worthless.
%! U = cos_american_put ([90 1e4], 100, 1, 0.03, 0.15, res);
%! assert (U(1), 10.726486710094511, -1e-4);
%! assert (U(2), 0);
%!test
%! ## r <= 0: no early exercise premium.
%! U = cos_american_put ([90 110], 100, 1, -0.01, 0.2, res);
%! assert (U, cos_european ([90 110], 100, 1, -0.01, 0.2, 64, 10, 0, false), eps);
%!error cos_american_put (1, 2, 3)
