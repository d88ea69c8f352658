## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{se}] =} mcs_lsm (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{npairs}, @var{ndates}, @var{seed})
## American option price by Longstaff-Schwartz least-squares Monte Carlo.
##
## 2 @var{npairs} GBM paths (@var{npairs} antithetic pairs) are sampled
## exactly on @var{ndates} equally spaced exercise dates (@var{ndates} even,
## the last one at maturity).  The terminal
## normal is stratified (@pxref{mcs_strata_normals}) and the paths are
## generated backwards from it with the Brownian bridge (Glasserman, sec.
## 3.1 and 4.3): given @math{W(t_{j+1})}, @math{W(t_j)} is normal with mean
## @math{(t_j/t_{j+1}) W(t_{j+1})} and variance
## @math{t_j (t_{j+1} - t_j) / t_{j+1}}.  The backward induction of
## Longstaff and Schwartz (2001) needs only the current date, so memory is
## proportional to @var{npairs} whatever @var{ndates}.
##
## At each date the discounted cash flows of the in-the-money paths are
## regressed (@pxref{mcs_lsm_fit}) on a cubic in the scaled spot
## @math{S/K} and on the European price of the remaining life, a regressor
## that carries most of the shape of the continuation value; a path is
## exercised when its payoff beats the fitted continuation value.  At time 0
## the value is the larger of the payoff and the estimate, so an option
## that should be exercised at once is priced exactly.
##
## Variance and bias reduction:
## @itemize
## @item Control variate: the discounted European price at each path's
## exercise time is a martingale stopped at a stopping time, so its mean is
## the European price today (closed form, @code{mc_bs}); the
## coefficient is fitted by regression over the path pairs.
## @item Richardson extrapolation in the number of exercise dates: the same
## paths also run the policy on every second date, and
## @math{2 V_M - V_{M/2}} (@math{M} = @var{ndates}) removes the leading
## @math{O(1/M)} gap between the Bermudan and the American price.
## @end itemize
##
## The random generators are reset to @var{seed} for each spot, so all
## spots see the same paths.  @var{se} is the collapsed-strata standard
## error of the pairs (it does not include the bias of the exercise policy).
## @end deftypefn

function [V, se] = mcs_lsm (payoff, S, K, T, r, sigma, npairs, ndates, seed)
  if (nargin != 9)
    print_usage ();
  endif
  if (! (ndates >= 2 && mod (ndates, 2) == 0))
    error ("mcs_lsm: the number of exercise dates NDATES must be even");
  endif
  m = npairs;
  M = ndates;
  h = mc_payoff (payoff, K);
  t = (0:M) * T / M;
  mu = r - sigma ^ 2 / 2;
  V = zeros (1, numel (S));
  se = V;
  for i = 1:numel (S)
    rand ("state", seed);
    randn ("state", seed);
    W = sqrt (T) * mcs_strata_normals (1, m, m);
    ST = S(i) * exp (mu * T + sigma * [W; -W]);
    ## Discounted cash flow of each path under the policy on all dates (C)
    ## and on every second date (C2); the date index and spot at which each
    ## path stops (jx, Sx; jx2, Sx2) give the control variate at the end.
    C = exp (-r * T) * h (ST);
    C2 = C;
    jx = M * ones (2 * m, 1);
    Sx = ST;
    jx2 = jx;
    Sx2 = Sx;
    for j = M-1:-1:1
      W = (t(j+1) / t(j+2)) * W ...
          + sqrt (t(j+1) * (t(j+2) - t(j+1)) / t(j+2)) * randn (m, 1);
      Sj = S(i) * exp (mu * t(j+1) + sigma * [W; -W]);
      ex = exp (-r * t(j+1)) * h (Sj);
      itm = find (ex > 0);
      if (numel (itm) < 10)
        continue;    # too few paths to regress on: keep holding
      endif
      eu = mc_bs (payoff, Sj(itm), K, T - t(j+1), r, sigma);
      if (mod (j, 2) == 0)
        F = mcs_lsm_fit (Sj(itm) / K, 3, eu, [C(itm), C2(itm)]);
        stop = itm(ex(itm) > F(:,2));
        C2(stop) = ex(stop);
        jx2(stop) = j;
        Sx2(stop) = Sj(stop);
      else
        F = mcs_lsm_fit (Sj(itm) / K, 3, eu, C(itm));
      endif
      stop = itm(ex(itm) > F(:,1));
      C(stop) = ex(stop);
      jx(stop) = j;
      Sx(stop) = Sj(stop);
    endfor
    Z = mcs_lsm_stopped_value (payoff, Sx, jx, t, C, K, r, sigma);
    Z2 = mcs_lsm_stopped_value (payoff, Sx2, jx2, t, C2, K, r, sigma);
    ## Richardson in the number of dates, then pair the antithetic paths.
    y = 2 * C - C2;
    z = 2 * Z - Z2;
    y = (y(1:m) + y(m+1:end)) / 2;
    z = (z(1:m) + z(m+1:end)) / 2;
    zc = z - mean (z);
    if (any (zc))
      beta = (zc.' * (y - mean (y))) / (zc.' * zc);
      y -= beta * (z - mc_bs (payoff, S(i), K, T, r, sigma));
    endif
    V(i) = max (h (S(i)), mean (y));
    np = 2 * floor (m / 2);
    se(i) = sqrt (sumsq (y(2:2:np) - y(1:2:np))) / m;
    if (V(i) == h (S(i)))
      se(i) = 0;    # immediate exercise: the value is exact
    endif
  endfor
endfunction

%!test
%! ## deep in the money with a tiny volatility: exercise at once
%! V = mcs_lsm ("put", [97 98 99], 100, 0.25, 0.1, 0.01, 2^10, 16, 1);
%! assert (V, [3 2 1], 1e-12);
%!test
%! ## an American call without dividends is worth the European call
%! [V, se] = mcs_lsm ("call", [95 105], 100, 1, 0.05, 0.2, 2^12, 16, 1);
%! E = mc_bs ("call", [95 105], 100, 1, 0.05, 0.2);
%! assert (abs (V - E) < 4 * se + 1e-3 * E);
%!test
%! ## reproducible, and the spots share the paths
%! [V1, s1] = mcs_lsm ("put", [90 100], 100, 1, 0.03, 0.15, 2^10, 8, 5);
%! [V2, s2] = mcs_lsm ("put", 100, 100, 1, 0.03, 0.15, 2^10, 8, 5);
%! assert (V1(2), V2);
%! assert (s1(2), s2);
%!error <must be even> mcs_lsm ("put", 100, 100, 1, 0.03, 0.15, 2^10, 7, 1)
%!error <unknown payoff> mcs_lsm ("digital", 100, 100, 1, 0.03, 0.15, 2^10, 8, 1)
%!error mcs_lsm ("put", 100, 100, 1, 0.03, 0.15, 2^10, 8)
