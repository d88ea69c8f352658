## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{se}] =} mcs_heston (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{V0}, @var{kappa}, @var{theta}, @var{sigma_v}, @var{rho}, @var{m}, @var{M})
## European price under Heston's model on pseudo-random variance paths:
## the estimator of @code{mc_heston} (Andersen's QE variance step, his
## martingale-corrected log-price step integrated in closed form given the
## variance path, stock and variance control variates), driven by plain
## pseudo-random uniforms, one per step and antithetic pair.
##
## 2@var{m} paths over @var{M} equal steps; @var{se} is the standard error
## of the controlled estimator over the pairs.
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
