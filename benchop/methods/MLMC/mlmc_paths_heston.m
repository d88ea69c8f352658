## -*- texinfo -*-
## @deftypefn {} {@var{y} =} mlmc_paths_heston (@var{p}, @var{l}, @var{m}, @var{Z})
## @var{m} samples of the level-@var{l} correction of MLMC under Heston's
## model; @var{p} is a problem checked by @code{mlmc_check}, @var{y} is
## @var{m}-by-n, one column per spot (the spots share the paths).
##
## The price is integrated in closed form given the variance path
## (Willard 1997; Broadie and Kaya 2006): with
## @math{I = \int_0^T V dt}, @math{\ln S_T} is normal with mean
## @math{\ln S_0 + r T - I/2 + (\rho/\sigma_v)(V_T - V_0 - \kappa\theta T + \kappa I)}
## and variance @math{(1 - \rho^2) I}, so each path's payoff is a Black
## formula of @math{(I, V_T)}, smooth in the path.  Only the variance is
## simulated, by the Milstein scheme for its square-root diffusion,
## @math{V_{k+1} = (\sqrt{V_k^+} + \sigma_v \Delta W/2)^2
## + (\kappa(\theta - V_k^+) - \sigma_v^2/4) h}, @math{V^+ = \max(V, 0)}, and
## @math{I} by the trapezoidal rule on @math{V^+}.  The fine path takes
## @math{M_0 2^l} steps (@math{M_0} = @code{@var{p}.M0}), the coarse path
## half as many, driven by pair sums of the fine increments.  @var{Z}, if
## not empty, fixes the variance's Brownian path's end
## (@pxref{mlmc_increments}; the caller's stratified draws at level 0).
## @end deftypefn

function y = mlmc_paths_heston (p, l, m, Z)
  if (nargin != 4)
    print_usage ();
  endif
  nf = p.M0 * 2 ^ l;
  h = p.T / nf;
  dW = mlmc_increments (m, nf, h, Z);
  y = mlmc_paths_heston_price (p, dW, h);
  if (l > 0)
    y -= mlmc_paths_heston_price (p, dW(:,1:2:end) + dW(:,2:2:end), 2 * h);
  endif
endfunction

## The discounted conditional price of one variance path per row of dW.
function y = mlmc_paths_heston_price (p, dW, h)
  m = rows (dW);
  V = p.V0 * ones (m, 1);
  I = zeros (m, 1);
  for k = 1:columns (dW)
    Vp = max (V, 0);
    V = (sqrt (Vp) + p.sigma_v / 2 * dW(:,k)) .^ 2 + (p.kappa * (p.theta - Vp) - p.sigma_v ^ 2 / 4) * h;
    I += (Vp + max (V, 0)) * h / 2;
  endfor
  T = p.T;
  v = (1 - p.rho ^ 2) * I;
  lnF = p.r * T - I / 2 + p.rho / p.sigma_v * (V - p.V0 - p.kappa * p.theta * T + p.kappa * I) + v / 2;
  payoff = {"call", "put"}{p.put + 1};
  y = exp (-p.r * T) * mc_black (payoff, exp (lnF) .* p.S, p.K, v);
endfunction

%!test
%! ## a vanishing vol of variance with theta = V0 and no correlation:
%! ## Black-Scholes at every level, the corrections zero
%! p = mlmc_check (benchop_problem ("4", "sigma_v", 1e-8, "theta", 0.0225, "rho", 0), 1);
%! p.M0 = 1;
%! randn ("state", 7);
%! y = mlmc_paths_heston (p, 0, 10, []);
%! assert (y(1,:), bs_european ("call", "price", p.S, p.K, p.T, p.r, 0.15), 1e-6);
%! assert (max (max (abs (mlmc_paths_heston (p, 3, 100, [])))), 0, 1e-6);
%!test
%! ## levels 0 to 3 from 8 steps telescope to the characteristic-function
%! ## price, but for the scheme's bias at 64 steps
%! p = mlmc_check (benchop_problem ("4"), 1);
%! p.M0 = 8;
%! randn ("state", 8);
%! U = 0;
%! for l = 0:3
%!   U += mean (mlmc_paths_heston (p, l, 2 ^ 15 / 2 ^ l, []));
%! endfor
%! assert (U, benchop_reference (benchop_problem ("4")), -4e-3);
%!error mlmc_paths_heston (1, 2, 3)
