## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{se}] =} mcs_local_vol (@var{payoff}, @var{S0}, @var{K}, @var{T}, @var{r}, @var{volfun}, @var{M}, @var{m})
## European price at one spot under a local volatility model
## @math{dS = r S dt + \sigma(S, t) S dW}, by log-Euler paths with
## Richardson extrapolation in the step, a stratified terminal Brownian
## value, the last step integrated in closed form and delta and gamma
## hedges as control variates.
##
## @var{volfun} is a function handle @code{@var{volfun} (S, t)} returning the
## local volatility elementwise.  The log-price is stepped by
## @math{X_{k+1} = X_k + (r - \sigma_k^2/2)\Delta + \sigma_k \Delta W_k},
## @math{\sigma_k = \sigma(e^{X_k}, t_k)}, over @var{M} (even) equal steps;
## the same paths run with @var{M}/2 steps (increments summed in pairs),
## and @math{2 U_M - U_{M/2}} removes the @math{O(\Delta)} weak error of
## the scheme (Talay and Tubaro).
##
## Variance reduction (@pxref{mc_lv_paths}): the payoff of each scheme is
## replaced by its conditional expectation over the last step, a Black
## formula (the kink of the payoff made most of the variance the hedges
## leave); the discounted price of an implicit finite-difference solution
## on the volatility table (@pxref{mc_lv_greeks}) gives delta and gamma
## hedge sums at the steps, martingales whose least-squares combination is
## subtracted (Newton 1994; Clewlow and Carverhill 1994).  On problem 3-II
## they cut the standard deviation about ninefold against the stock
## control alone.  The terminal Brownian value @math{W_T} is stratified
## into @math{2}@var{m} equiprobable strata with antithetic pairs
## (@pxref{mcs_strata_normals}), and the path is filled in as a Brownian
## bridge: free increments @math{\Delta Z_k} are shifted by
## @math{-(\Delta/T)(Z_T - W_T)}, which gives a Brownian path with the
## prescribed end (Glasserman sec. 3.1).  Chunks of @math{2^{13}} pairs
## bound the memory.  @var{se} is the standard error of the controlled
## pair means without the stratification (an upper bound).
## @end deftypefn

function [U, se] = mcs_local_vol (payoff, S0, K, T, r, volfun, M, m)
  if (nargin != 8)
    print_usage ();
  endif
  if (mod (M, 2) != 0)
    error ("mcs_local_vol: the number of steps M must be even");
  endif
  chunk = 2 ^ 13;
  dt = T / M;
  t = (0:M-1) * dt;
  ## the volatility at each step's start time, tabulated in log S
  [tab, x0, hx] = mc_lv_table (volfun, S0, t);
  ## delta and gamma of an implicit finite-difference solution for the
  ## hedge control variates
  [dtab, gtab] = mc_lv_greeks (payoff, K, r, dt, tab, x0, hx);
  hedge = struct ("payoff", payoff, "K", K, "dtab", dtab, "gtab", gtab);
  G = zeros (5, 5);    # cross products of the pair means of [y, H]
  g = zeros (5, 1);
  for first = 1:chunk:m
    c = min (chunk, m - first + 1);
    WT = sqrt (T) * mcs_strata_normals (first, c, m);
    dZ = sqrt (dt) * randn (c, M);
    dW = dZ - (dt / T) * (sum (dZ, 2) - WT);
    dW = [dW; -dW];
    [~, ~, H, V] = mc_lv_paths (S0, r, dt, dW, tab, x0, hx, hedge);
    Y = [2 * V(:,1) - V(:,2), H];
    Y = (Y(1:c,:) + Y(c+1:end,:)) / 2;
    G += Y.' * Y;
    g += sum (Y).';
  endfor
  mu = g / m;
  C = G / m - mu * mu.';
  ## least-squares coefficients of the controls; pinv since constant
  ## volatility makes the fine and coarse columns equal
  beta = pinv (C(2:end,2:end)) * C(2:end,1);
  U = mu(1) - beta.' * mu(2:end);
  se = sqrt (max (C(1,1) - beta.' * C(2:end,1), 0) / max (m - 1, 1));
endfunction

%!test
%! ## constant volatility: Black-Scholes, within 5 standard errors
%! rand ("state", 1);  randn ("state", 1);
%! [U, se] = mcs_local_vol ("put", 100, 105, 1, 0.03, @(S, t) 0.2 * ones (size (S)), 8, 2^12);
%! assert (abs (U - mc_bs ("put", 100, 105, 1, 0.03, 0.2)) <= 5 * se);
%!test
%! ## parametric local volatility against the converged reference
%! rand ("state", 2);  randn ("state", 2);
%! [U, se] = mcs_local_vol ("call", 100, 95, 0.5, 0.05, @local_vol_parametric, 32, 2^13);
%! assert (abs (U - local_vol_call_reference (100, 95, 0.5, 0.05)) <= 5 * se);
%!error <must be even> mcs_local_vol ("call", 100, 100, 1, 0.03, @(S, t) 0.2, 7, 16)
%!error mcs_local_vol ("call", 100, 100, 1, 0.03, @(S, t) 0.2, 8)
