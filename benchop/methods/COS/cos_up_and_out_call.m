## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} cos_up_and_out_call (@var{S}, @var{K}, @var{B}, @var{T}, @var{r}, @var{sigma}, @var{res})
## Continuously monitored up-and-out call without rebate under
## Black-Scholes by the COS method: discretely monitored barrier options
## with a doubling number of monitoring dates, extrapolated to continuous
## monitoring.
##
## @var{S} is a row of spot prices, @var{K} the strike, @var{B} the
## barrier, @var{T}, @var{r}, @var{sigma} the maturity, rate and
## volatility.  @var{res} sets the resolution as for
## @code{cos_american_put}: the discrete options have 2, 4 and 8 times
## @code{res.M0} monitoring dates; @code{res.q}, @code{res.L},
## @code{res.N}, @code{res.Ne} and @code{res.Le} as there.
##
## A discretely monitored barrier acts like a continuous one moved away by
## @math{\beta \sigma \sqrt{\Delta t}}, @math{\beta = -\zeta(1/2) /
## \sqrt{2 \pi} \approx 0.5826} (Broadie, Glasserman and Kou 1997).  Each
## discrete option is therefore priced (@code{cos_barrier_call}) with the
## barrier moved toward the spot by that amount, which leaves an error in
## powers of @math{\Delta t}; Richardson extrapolation over the three
## numbers of dates removes the terms in @math{\Delta t} and
## @math{\Delta t^{3/2}}.  Points at or above the barrier
## are worth nothing.  Points whose barrier lies beyond the truncation
## range (@code{res.L} standard deviations plus the drift) cannot reach it
## within the method's accuracy and are priced as European calls.
## Within @math{4 \sigma \sqrt{\Delta t}} (coarsest step) of the barrier
## the discrete options are far from the shifted continuous one; there the
## continuous price, smooth up to the barrier where it vanishes, is
## interpolated by the polynomial through zero at the barrier and the
## prices at seven nodes 4 to 7 @math{\sigma \sqrt{\Delta t}} below it.
## Accuracy degrades when the drift over one step is comparable with its
## diffusion (@math{T r^2 / \sigma^2} large against the number of dates).
## @end deftypefn

function [U, info] = cos_up_and_out_call (S, K, B, T, r, sigma, res)
  ## No input checks: this is the timed pricing (cos_check checks).
  beta = 0.5825971579390106;
  x = log (S / K);
  h = log (B / K);
  c1 = (r - sigma * sigma / 2) * T;
  s = res.L * sigma * T ^ 0.5;
  ## Points that cannot reach the barrier: European calls.  When all are
  ## such, as often, nothing else runs.
  far = (h - x >= c1 * (c1 > 0) + s);
  if (h > 0 && all (far))
    U = cos_european (S, K, T, r, sigma, res.Ne, res.Le, 0, true);
    info = struct ("N", res.Ne, "M", []);
    return;
  endif
  Ms = res.M0 * 2 .^ (1:3);
  U = zeros (size (x));
  info = struct ("N", res.N, "M", []);
  if (h <= 0)
    return;                             # B <= K: knocked out before paying
  endif
  if (any (far))
    U(far) = cos_european (S(far), K, T, r, sigma, res.Ne, res.Le, 0, true);
  endif
  near = find (! far & x < h);
  if (isempty (near))
    return;
  endif
  ## FFTW's threads only slow transforms this small down, badly so on a
  ## busy machine: use one thread, and restore the setting afterwards.
  nthreads = [];
  try
    nthreads = fftw ("threads");
    fftw ("threads", 1);
  end_try_catch
  unwind_protect
    [U, info] = recursions (U, x, near, h, K, T, r, sigma, res, Ms, c1, s, beta);
  unwind_protect_cleanup
    if (! isempty (nthreads))
      fftw ("threads", nthreads);
    endif
  end_unwind_protect
endfunction

## The discretely monitored options for the points near the barrier.
function [U, info] = recursions (U, x, near, h, K, T, r, sigma, res, Ms, c1, s, beta)
  hs = h - beta * sigma * sqrt (T ./ Ms);
  ## Within a few sigma sqrt (dt) of the barrier the discrete options are
  ## no shifted continuous one and the extrapolation fails.  There the
  ## continuous price, smooth up to the barrier where it vanishes, is the
  ## polynomial through zero at the barrier and the prices at nodes just
  ## outside that layer.
  dl = 4 * sigma * sqrt (T / Ms(1));
  lay = near(h - x(near) < dl);
  xq = x(setdiff (near, lay));
  tn = 1 + (0:6) / 2;                   # nodes h - dl tn, and h itself
  if (! isempty (lay))
    xq = [xq, h - dl * tn];
  endif
  Uq = zeros (size (xq));
  Nmax = 0;
  for g = cos_groups (xq, 2 * s)
    i = g{1};
    ## Interval in the detrended log price (cos_barrier_call): the points
    ## plus L standard deviations, and above no higher than the barrier
    ## needs, a margin of L standard deviations of one coarsest step.
    a = min (xq(i)) - s;
    b = min (max (xq(i)) + s,
             max (h, h - c1) + res.L * sigma * sqrt (T / Ms(1)));
    N = cos_terms (res.q, b - a, T / Ms(end), sigma);
    Nmax = max (Nmax, N);
    V = cos_barrier_call (xq(i), K, hs, T, r, sigma, Ms, a, b, cos_cont_kernels (N));
    Uq(i) = cos_richardson (V, [1 1.5]);
  endfor
  nl = numel (near) - numel (lay);
  U(setdiff (near, lay)) = max (Uq(1:nl), 0);
  if (! isempty (lay))
    ## Lagrange interpolation in t = (h - x) / dl on [0, tn(end)].
    tl = (h - x(lay)).' / dl;
    U(lay) = max ((tl .^ (1:numel (tn))) / (tn.' .^ (1:numel (tn))) * Uq(nl+1:end).', 0).';
  endif
  info = struct ("N", Nmax, "M", Ms);
endfunction

%!shared res
%! res = struct ("N", 64, "M0", 16, "q", 5, "L", 10, "Ne", 64, "Le", 10);
%!test
%! [U, info] = cos_up_and_out_call ([90 100 110], 100, 125, 1, 0.03, 0.15, res);
%! assert (U, [1.822512255945242, 3.294086516281595, 3.221591131246868], -1e-4);
%! assert (info.M, [32 64 128]);
%!test
%! ## A barrier out of reach: the European call.
%! U = cos_up_and_out_call ([97 98 99], 100, 125, 0.25, 0.1, 0.01, res);
%! assert (U, cos_european ([97 98 99], 100, 0.25, 0.1, 0.01, 64, 10, 0, true));
%!test
%! ## Knocked out at or above the barrier, and when the barrier is below K.
%! assert (cos_up_and_out_call ([125 130], 100, 125, 1, 0.03, 0.15, res), [0 0]);
%! assert (cos_up_and_out_call ([80 90], 100, 95, 1, 0.03, 0.15, res), [0 0]);
%!test
%! ## Points next to a barrier just above the strike (the interpolated
%! ## layer) and farther away.
%! r2 = struct ("N", 64, "M0", 128, "q", 5, "L", 10, "Ne", 64, "Le", 10);
%! S = [90 100 104 104.9];
%! U = cos_up_and_out_call (S, 100, 105, 1, 0.03, 0.15, r2);
%! assert (U, up_and_out_call (S, 100, 105, 1, 0.03, 0.15), -2e-4);
%!error cos_up_and_out_call (1, 2, 3)
