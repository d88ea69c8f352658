## -*- texinfo -*-
## @deftypefn {} {@var{V} =} qmcs_lsm (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{n}, @var{M}, @var{shift})
## American option price under Black-Scholes: a Longstaff-Schwartz exercise
## rule fitted once, then applied on quasi-random Brownian bridge paths.
##
## The rule is that of MC-S (@pxref{mcs_lsm_boundary}): Longstaff-Schwartz
## regressions on 2 @var{n} pseudo-random paths from dispersed starting
## spots give one boundary per date, shared by all spots (under
## Black-Scholes the continuation value depends only on the spot then),
## for three Bermudan policies: on every date, every second and every
## fourth of the @var{M} dates @math{j T / M} (@var{M} a power of 2, at
## least 4).  The rule's paths come from @code{randn} and @code{rand} as
## the caller left them.
##
## Each spot is then priced out of sample, on other paths:
## @var{n} points of the digitally shifted Sobol sequence
## (@pxref{qmcs_sobol}; @var{shift} one @code{uint32} per dimension) in
## @var{M} dimensions are mapped to normals and through the Brownian bridge
## (@pxref{qmcs_bridge}) to GBM paths sampled exactly; the antithetic paths
## double them.  Dimensions beyond the 21 of the Sobol table take
## pseudo-random normals from @code{randn}: the bridge leaves them only the
## finest detail of each path.  A path stops the first time the rule says
## so, and the estimate carries only the small low bias of a slightly
## suboptimal rule, not the high bias of a rule fitted to the paths it
## prices.
##
## As in MC-S, @math{(8 V_M - 6 V_{M/2} + V_{M/4}) / 3} removes the
## @math{O(1/M)} and @math{O(1/M^2)} terms of the gap between the Bermudan
## and the American price, and the controls are martingales stopped at the
## exercise time, with means known in closed form
## (@pxref{mc_american_estimate}): the discounted European
## price of the option (@pxref{mc_lsm_stopped_value}), of the same option
## struck at 0.9, 0.95 and 1.05 @var{K}, and the discounted stock; their
## coefficients are fitted by least squares over the antithetic pairs.  At
## time 0 the value is the larger of the payoff and the estimate.  All
## spots share the paths; from a spot more than one standard deviation out
## of the money they are drifted towards the strike and weighted by the
## likelihood ratio (importance sampling, @pxref{mc_tilt_drift}).
## @end deftypefn

function V = qmcs_lsm (payoff, S, K, T, r, sigma, n, M, shift)
  if (nargin != 9)
    print_usage ();
  endif
  if (M < 4 || 2 ^ round (log2 (M)) != M)
    error ("qmcs_lsm: the number of dates M must be a power of 2, at least 4");
  endif
  h = mc_payoff (payoff, K);
  sgn = 1 - 2 * strcmp (payoff, "call");
  c = mcs_lsm_boundary (payoff, K, T, r, sigma, n, M);
  ds = min (M, 21);
  Z = std_normal_inv (qmcs_sobol (0, n, ds, shift(1:ds)));
  if (M > ds)
    Z = [Z, randn(n, M - ds)];
  endif
  W = qmcs_bridge (Z, T);
  clear Z;
  W = [W; -W];
  t = (0:M) * T / M;
  mu = r - sigma ^ 2 / 2;
  V = zeros (1, numel (S));
  for i = 1:numel (S)
    ## importance sampling far out of the money (@pxref{mc_tilt_drift})
    theta = mc_tilt_drift (payoff, S(i), K, T, r, sigma);
    ratio = @(j) exp (-theta * W(:,j) - theta ^ 2 * t(j+1) / 2);
    weight = repmat (ratio (M), 1, 3);   # at each path's stopping time
    ST = S(i) * exp ((mu + sigma * theta) * T + sigma * W(:,M));
    ## Discounted cash flow of each path under each policy (C) and the date
    ## index and spot at which it stops (jx, Sx) for the controls.
    C = repmat (exp (-r * T) * h (ST), 1, 3);
    jx = M * ones (2 * n, 3);
    Sx = repmat (ST, 1, 3);
    for j = M-1:-1:1
      Sj = S(i) * exp ((mu + sigma * theta) * t(j+1) + sigma * W(:,j));
      x = sgn * log (Sj / K);
      if (theta != 0)
        Lj = ratio (j);               # the likelihood ratio at this date
      endif
      for l = find (isfinite (c(:,j)).')
        stop = find (x < min (c(l,j), 0));    # in the money only
        C(stop,l) = exp (-r * t(j+1)) * h (Sj(stop));
        jx(stop,l) = j;
        Sx(stop,l) = Sj(stop);
        if (theta != 0)
          weight(stop,l) = Lj(stop);
        endif
      endfor
    endfor
    V(i) = mc_american_estimate (payoff, S(i), K, T, r, sigma, t, C, jx, Sx,
                                 weight);
  endfor
endfunction

%!test
%! ## deep in the money with a tiny volatility: exercise at once
%! randn ("state", 1);  rand ("state", 1);
%! V = qmcs_lsm ("put", [97 98 99], 100, 0.25, 0.1, 0.01, 2^10, 32, uint32 (1:32));
%! assert (V, [3 2 1], 1e-12);
%!test
%! ## without dividends an American call is worth the European call
%! randn ("state", 1);  rand ("state", 1);
%! V = qmcs_lsm ("call", [95 105], 100, 1, 0.05, 0.2, 2^12, 16, uint32 (1:16));
%! assert (V, mc_bs ("call", [95 105], 100, 1, 0.05, 0.2), -2e-3);
%!test
%! ## the spots share the paths and the rule; same streams, same value
%! randn ("state", 3);  rand ("state", 3);
%! V1 = qmcs_lsm ("put", [90 100], 100, 1, 0.03, 0.15, 2^10, 8, uint32 (1:8));
%! randn ("state", 3);  rand ("state", 3);
%! V2 = qmcs_lsm ("put", 100, 100, 1, 0.03, 0.15, 2^10, 8, uint32 (1:8));
%! assert (V1(2), V2);
%!error <power of 2> qmcs_lsm ("put", 100, 100, 1, 0.03, 0.15, 2^10, 12, uint32 (1:12))
%!error <power of 2> qmcs_lsm ("put", 100, 100, 1, 0.03, 0.15, 2^10, 2, uint32 (1:2))
%!error <unknown payoff> qmcs_lsm ("digital", 100, 100, 1, 0.03, 0.15, 2^10, 8, uint32 (1:8))
%!error qmcs_lsm ("put", 100, 100, 1, 0.03, 0.15, 2^10, 8)
