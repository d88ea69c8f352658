## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{se}] =} mcs_heston (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{V0}, @var{kappa}, @var{theta}, @var{sigma_v}, @var{rho}, @var{m}, @var{M})
## European price under Heston's model: Andersen's QE scheme for the
## variance, his martingale-corrected log-price step integrated over its
## normal increments, and the discounted stock as control variate
## (@pxref{mc_heston}), on pseudo-random variance paths.
##
## The variance is stepped over @var{M} equal steps by the quadratic-
## exponential (QE) scheme of Andersen (2008), with switching value
## @math{\psi_c = 1.5}: given @math{V_t}, the exact conditional mean
## @math{m} and variance @math{s^2} of @math{V_{t+\Delta}} are matched by
## @math{a (b + Z)^2} when @math{\psi = s^2/m^2 \le \psi_c}, else by a mass
## @math{p} at zero and an exponential tail.  One uniform drives each step
## (@math{Z = N^{-1}(U)}), and the antithetic path uses @math{1 - U}.
##
## The log-price step of Andersen (central weights
## @math{\gamma_1 = \gamma_2 = 1/2}) is
## @math{\ln S_{t+\Delta} = \ln S_t + r\Delta + K_0^* + K_1 V_t + K_2 V_{t+\Delta}
## + \sqrt{K_3 V_t + K_4 V_{t+\Delta}}\, Z}, with @math{K_0^*} chosen
## so that @math{E[S_{t+\Delta} | S_t, V_t] = e^{r\Delta} S_t} exactly under
## the QE variance (his martingale correction).  Given the variance path the
## log-price is therefore normal with mean and variance the sums of the
## steps' terms, and the payoff is integrated over it in closed form
## (conditional Monte Carlo, @pxref{mc_black}): the same expectation as
## simulating the step, with the stock's own noise removed.  The
## conditional expectation of the discounted stock has mean @var{S}
## exactly (by the correction), and the summed conditional variance has a
## known mean too (QE matches the conditional mean of the variance): both
## serve as control variates, with coefficients fitted by regression over
## the antithetic pairs.
##
## 2@var{m} paths, in chunks of @math{2^{15}} pairs; all spots share the
## variance paths.  @var{se} is the standard error of the controlled
## estimator over the pairs.
## @end deftypefn

function [U, se] = mcs_heston (payoff, S, K, T, r, V0, kappa, theta, sigma_v, rho, m, M)
  if (nargin != 12)
    print_usage ();
  endif
  ## plain pseudo-random uniforms, one per step and pair
  [U, se] = mc_heston (payoff, S, K, T, r, V0, kappa, theta, sigma_v, rho, m, M,
                       @(first, c) rand (c, M));
endfunction

## Against the characteristic-function price, parameters away from the
## defaults: within 5 standard errors (the QE bias with 32 steps is far
## below the standard error at this size).
%!test
%! rand ("state", 1);
%! S = [90 105];
%! [U, se] = mcs_heston ("call", S, 100, 1.5, 0.05, 0.03, 1.5, 0.025, 0.3, -0.6, 2^13, 32);
%! V = heston_call (S, 100, 1.5, 0.05, 0.03, 1.5, 0.025, 0.3, -0.6);
%! assert (all (abs (U - V) <= 5 * se));
%!test
%! ## a nearly deterministic variance at its long-run level: Black-Scholes
%! ## (the part of the stock's noise carried by the variance path stays,
%! ## so within 5 standard errors); put-call parity holds path by path for
%! ## the conditional prices
%! rand ("state", 2);
%! [C, se] = mcs_heston ("call", 100, 95, 1, 0.03, 0.04, 2, 0.04, 1e-3, -0.5, 2^10, 8);
%! assert (abs (C - mc_bs ("call", 100, 95, 1, 0.03, 0.2)) <= 5 * se);
%! rand ("state", 3);
%! C = mcs_heston ("call", [90 110], 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -0.5, 2^10, 8);
%! rand ("state", 3);
%! P = mcs_heston ("put", [90 110], 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -0.5, 2^10, 8);
%! assert (C - P, [90 110] - 100 * exp (-0.03), 1e-10);
%!error mcs_heston ("call", 100, 100, 1, 0.03, 0.04, 2, 0.04, 0.3, -0.5, 10)
