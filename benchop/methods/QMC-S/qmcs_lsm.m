## -*- texinfo -*-
## @deftypefn {} {@var{V} =} qmcs_lsm (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{n}, @var{M}, @var{shift})
## American option price by Longstaff-Schwartz on quasi-random Brownian
## bridge paths.
##
## @var{n} points of the digitally shifted Sobol sequence (@pxref{qmcs_sobol};
## @var{shift} one @code{uint32} per dimension) in @var{M} dimensions, a
## power of 2 (the exercise dates @math{j T / M}), are mapped to normals and
## through the Brownian bridge (@pxref{qmcs_bridge}) to GBM paths sampled
## exactly; the antithetic paths double them.  Dimensions beyond the 21 of
## the Sobol table take pseudo-random normals from @code{randn}: the bridge
## leaves them only the finest detail of each path.
##
## Backward induction (Longstaff and Schwartz 2001): the discounted cash
## flows of the in-the-money paths are regressed on a cubic in @math{S/K}
## and on the European price of the remaining life
## (@pxref{qmcs_lsm_fit}); a path is exercised where its payoff beats the
## fit.  As in MC-S, the policy also runs on every second date and
## @math{2 V_M - V_{M/2}} removes the leading @math{O(1/M)} Bermudan gap,
## and the discounted European price at each path's stopping time (its mean
## is the European price today, for any stopping rule) is a control variate
## with a coefficient fitted over the pairs.  At time 0 the value is the
## larger of the payoff and the estimate.  All spots share the paths.
## @end deftypefn

function V = qmcs_lsm (payoff, S, K, T, r, sigma, n, M, shift)
  if (nargin != 9)
    print_usage ();
  endif
  if (M < 2 || 2 ^ round (log2 (M)) != M)
    error ("qmcs_lsm: the number of dates M must be a power of 2");
  endif
  h = mc_payoff (payoff, K);
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
    ST = S(i) * exp (mu * T + sigma * W(:,M));
    C = exp (-r * T) * h (ST);
    C2 = C;
    Z1 = C;     # discounted European value at the stopping time
    Z2 = C;
    for j = M-1:-1:1
      Sj = S(i) * exp (mu * t(j+1) + sigma * W(:,j));
      ex = exp (-r * t(j+1)) * h (Sj);
      itm = find (ex > 0);
      if (numel (itm) < 10)
        continue;
      endif
      eu = exp (-r * t(j+1)) * mc_bs (payoff, Sj(itm), K, T - t(j+1), r, sigma);
      if (mod (j, 2) == 0)
        F = qmcs_lsm_fit (Sj(itm) / K, eu, [C(itm), C2(itm)]);
        k = ex(itm) > F(:,2);
        stop = itm(k);
        C2(stop) = ex(stop);
        Z2(stop) = eu(k);
      else
        F = qmcs_lsm_fit (Sj(itm) / K, eu, C(itm));
      endif
      k = ex(itm) > F(:,1);
      stop = itm(k);
      C(stop) = ex(stop);
      Z1(stop) = eu(k);
    endfor
    y = 2 * C - C2;
    z = 2 * Z1 - Z2;
    y = (y(1:n) + y(n+1:end)) / 2;
    z = (z(1:n) + z(n+1:end)) / 2;
    zc = z - mean (z);
    est = mean (y);
    if (any (zc))
      beta = (zc.' * (y - est)) / (zc.' * zc);
      est -= beta * (mean (z) - mc_bs (payoff, S(i), K, T, r, sigma));
    endif
    V(i) = max (h (S(i)), est);
  endfor
endfunction

%!test
%! ## deep in the money with a tiny volatility: exercise at once
%! V = qmcs_lsm ("put", [97 98 99], 100, 0.25, 0.1, 0.01, 2^10, 16, uint32 (1:16));
%! assert (V, [3 2 1], 1e-12);
%!test
%! ## without dividends an American call is worth the European call
%! V = qmcs_lsm ("call", [95 105], 100, 1, 0.05, 0.2, 2^12, 16, uint32 (1:16));
%! assert (V, mc_bs ("call", [95 105], 100, 1, 0.05, 0.2), -2e-3);
%!error <power of 2> qmcs_lsm ("put", 100, 100, 1, 0.03, 0.15, 2^10, 12, uint32 (1:12))
%!error <unknown payoff> qmcs_lsm ("digital", 100, 100, 1, 0.03, 0.15, 2^10, 8, uint32 (1:8))
