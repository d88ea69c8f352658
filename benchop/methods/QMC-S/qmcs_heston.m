## -*- texinfo -*-
## @deftypefn {} {@var{U} =} qmcs_heston (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{V0}, @var{kappa}, @var{theta}, @var{sigma_v}, @var{rho}, @var{m}, @var{M}, @var{shift})
## European price under Heston's model on quasi-random variance paths:
## Andersen's QE scheme, his martingale-corrected log-price step integrated
## over its normal increments, control variates.
##
## The estimator is that of MC-S (Andersen 2008; conditional Monte Carlo
## given the variance path, as there): over @var{M} equal steps the
## variance takes the quadratic-exponential step driven by one uniform
## per step, and the log-price, given the variance path, is normal with
## mean and variance the sums of the martingale-corrected step terms, so
## the payoff is integrated in closed form (@pxref{mc_black}).  Here the
## uniforms of the first @math{\min(M, 21)} steps are the coordinates of
## @var{m} points of the shifted Sobol sequence (@pxref{qmcs_sobol};
## @var{shift} one @code{uint32} per dimension), those of later steps come
## from @code{rand}; the antithetic path uses @math{1 - u}.  The
## conditional expectation of the discounted stock (mean @var{S} exactly)
## and the summed conditional variance (known mean) are control variates
## with coefficients fitted over the pairs (@pxref{mc_heston}).  Chunks of
## @math{2^{15}} points.
## @end deftypefn

function U = qmcs_heston (payoff, S, K, T, r, V0, kappa, theta, sigma_v, rho, m, M, shift)
  if (nargin != 13)
    print_usage ();
  endif
  ## Sobol coordinates for the first steps, which set the variance path's
  ## coarse shape; rand for the rest
  ds = min (M, 21);
  ugen = @(first, c) [qmcs_sobol(first, c, ds, shift(1:ds)), rand(c, M - ds)];
  U = mc_heston (payoff, S, K, T, r, V0, kappa, theta, sigma_v, rho, m, M, ugen);
endfunction

## Against the characteristic-function price, parameters away from the
## defaults.  Over 8 shifts at 2^13 points the relative error is at most
## 3.2e-4 here; the tolerance is 5 times that, rounded up.
%!test
%! rand ("state", 1);
%! S = [90 105];
%! U = qmcs_heston ("call", S, 100, 1.5, 0.05, 0.03, 1.5, 0.025, 0.3, -0.6, 2^13, 16,
%!                  uint32 (floor (rand (1, 16) * 2^32)));
%! V = heston_call (S, 100, 1.5, 0.05, 0.03, 1.5, 0.025, 0.3, -0.6);
%! assert (U, V, -1.6e-3);
%!error qmcs_heston ("call", 100, 100, 1, 0.03, 0.04, 2, 0.04, 0.3, -0.5, 10, 8)
