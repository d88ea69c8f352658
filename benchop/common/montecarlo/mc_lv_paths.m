## -*- texinfo -*-
## @deftypefn  {} {[@var{X}, @var{Xc}] =} mc_lv_paths (@var{S0}, @var{r}, @var{dt}, @var{dW}, @var{tab}, @var{x0}, @var{hx})
## @deftypefnx {} {[@var{X}, @var{Xc}, @var{H}, @var{V}] =} mc_lv_paths (@dots{}, @var{hedge})
## Terminal log prices of log-Euler paths under a local volatility model,
## with the step @var{dt} and with twice that step; optionally the
## conditional payoffs at the last step and delta and gamma hedge sums.
##
## Row @math{i} of @var{dW} holds the Brownian increments of one path over
## @math{M} (even) steps of length @var{dt}; the caller draws them
## (stratified pseudo-random in MC-S, quasi-random in QMC-S).  The log
## price is stepped by
## @math{X_{k+1} = X_k + (r - \sigma_k^2/2)\Delta + \sigma_k \Delta W_k},
## @math{\sigma_k = \sigma(e^{X_k}, t_k)} read from the table @var{tab},
## @var{x0}, @var{hx} of @code{mc_lv_table} (@pxref{mc_lv_interp}).
## @var{Xc} is the same scheme on the same path with increments summed in
## pairs, for the Richardson extrapolation @math{2 U_M - U_{M/2}}.
##
## @var{hedge} is a struct with fields @code{payoff} (@qcode{"call"} or
## @qcode{"put"}), @code{K}, and the tables @code{dtab}, @code{gtab} of
## @code{mc_lv_greeks} on the grid of @var{tab}.  Then the columns of
## @var{V} are the discounted payoff of the fine and of the coarse scheme
## integrated over its last step, a Black formula in the state before it
## (conditional Monte Carlo: the last step carries the kink of the payoff
## and most of the variance that a hedge at the steps leaves).  The four
## columns of @var{H} are sums over the steps before the last of terms with
## mean zero (martingale control variates): the delta hedge
## @math{\sum_k D_k(X_k) (e^{\Delta X_k - r \Delta} - 1)} and the gamma
## term @math{\sum_k G_k(X_k) \sigma_k^2 (\Delta W_k^2 - \Delta)}, where
## @math{D_k e^{-x}}, the discounted delta, multiplies the change of the
## discounted stock; [delta fine, delta coarse, gamma fine, gamma coarse].
## @end deftypefn

function [X, Xc, H, V] = mc_lv_paths (S0, r, dt, dW, tab, x0, hx, hedge)
  if (nargin != 7 && nargin != 8)
    print_usage ();
  endif
  M = columns (dW);
  if (mod (M, 2) != 0)
    error ("mc_lv_paths: the number of steps (columns of DW) must be even");
  endif
  hedged = (nargin == 8);
  if (hedged && ! (isstruct (hedge) && all (isfield (hedge, {"payoff", "K", "dtab", "gtab"}))
                   && size_equal (hedge.dtab, tab) && size_equal (hedge.gtab, tab)))
    error ("mc_lv_paths: HEDGE needs fields payoff, K, and dtab, gtab of the size of TAB");
  endif
  n = rows (dW);
  T = M * dt;
  nx = rows (tab);
  X = log (S0) * ones (n, 1);
  Xc = X;
  H = zeros (n, 4 * hedged);
  V = zeros (n, 2 * hedged);
  for k = 1:M
    ## linear interpolation in the tables as in mc_lv_interp, the index
    ## found once for the three tables
    [i, w] = mc_lv_paths_index (X, x0, hx, nx);
    s = tab(i,k) .* (1 - w) + tab(i+1,k) .* w;
    dX = (r - s .^ 2 / 2) * dt + s .* dW(:,k);
    if (hedged && k < M)
      D = hedge.dtab(i,k) .* (1 - w) + hedge.dtab(i+1,k) .* w;
      G = hedge.gtab(i,k) .* (1 - w) + hedge.gtab(i+1,k) .* w;
      H(:,1) += D .* (exp (dX - r * dt) - 1);
      H(:,3) += G .* s .^ 2 .* (dW(:,k) .^ 2 - dt);
    elseif (hedged)
      V(:,1) = exp (-r * T) * mc_black (hedge.payoff, exp (X + r * dt), hedge.K, s .^ 2 * dt);
    endif
    X += dX;
    if (mod (k, 2) == 0)
      ## coarse step over [t(k-1), t(k+1)]
      [i, w] = mc_lv_paths_index (Xc, x0, hx, nx);
      s = tab(i,k-1) .* (1 - w) + tab(i+1,k-1) .* w;
      dWc = dW(:,k-1) + dW(:,k);
      dX = (r - s .^ 2 / 2) * 2 * dt + s .* dWc;
      if (hedged && k < M)
        D = hedge.dtab(i,k-1) .* (1 - w) + hedge.dtab(i+1,k-1) .* w;
        G = hedge.gtab(i,k-1) .* (1 - w) + hedge.gtab(i+1,k-1) .* w;
        H(:,2) += D .* (exp (dX - 2 * r * dt) - 1);
        H(:,4) += G .* s .^ 2 .* (dWc .^ 2 - 2 * dt);
      elseif (hedged)
        V(:,2) = exp (-r * T) * mc_black (hedge.payoff, exp (Xc + 2 * r * dt), hedge.K, s .^ 2 * 2 * dt);
      endif
      Xc += dX;
    endif
  endfor
endfunction

## Row index and weight of linear interpolation on the uniform grid, held
## constant beyond it.
function [i, w] = mc_lv_paths_index (x, x0, hx, nx)
  u = min (max ((x - x0) / hx, 0), nx - 1);
  i = min (floor (u), nx - 2);
  w = u - i;
  i += 1;
endfunction

%!test
%! ## constant volatility: both schemes are exact for GBM
%! tab = 0.2 * ones (2401, 4);  x0 = log (100) - 3;  hx = 2.5e-3;
%! dW = [0.1 -0.2 0.05 0.3; 0 0 0 0];
%! [X, Xc] = mc_lv_paths (100, 0.03, 0.25, dW, tab, x0, hx);
%! e = log (100) + (0.03 - 0.02) * 1 + 0.2 * sum (dW, 2);
%! assert (X, e, 1e-12);
%! assert (Xc, e, 1e-12);
%!test
%! ## the hedge sums: the same paths, and each column has mean zero
%! randn ("state", 3);
%! dt = 0.125;
%! [tab, x0, hx] = mc_lv_table (@(S, t) 0.2 + 0.1 * (S < 100), 100, (0:7) * dt);
%! [D, G] = mc_lv_greeks ("call", 105, 0.03, dt, tab, x0, hx);
%! dW = sqrt (dt) * randn (20000, 8);
%! hedge = struct ("payoff", "call", "K", 105, "dtab", D, "gtab", G);
%! [X, Xc, H, V] = mc_lv_paths (100, 0.03, dt, dW, tab, x0, hx, hedge);
%! assert (X, mc_lv_paths (100, 0.03, dt, dW, tab, x0, hx));
%! assert (size (H), [20000 4]);
%! assert (all (abs (mean (H)) <= 5 * std (H) / sqrt (20000)));
%! ## the hedge follows the discounted payoff closely (8 dates)
%! y = exp (-0.03) * max (exp (X) - 105, 0);
%! assert (std (V(:,1) - H(:,1) - H(:,3)) < 0.15 * std (y));
%! assert (size (V), [20000 2]);
%! assert (mean (V), mean (y) * [1 1], -0.02);
%! ## one step of the delta hedge by hand
%! D = 2 * ones (2401, 4);
%! hedge = struct ("payoff", "put", "K", 100, "dtab", D, "gtab", D);
%! [X, ~, H, V] = mc_lv_paths (100, 0.03, 0.5, [0.1 0.2 0 0], 0.2 * ones (2401, 4), x0, hx, hedge);
%! e1 = (0.03 - 0.02) * 0.5 + 0.2 * 0.1;
%! e2 = (0.03 - 0.02) * 0.5 + 0.2 * 0.2;
%! e3 = (0.03 - 0.02) * 0.5;
%! assert (H(1), 2 * (exp (e1 - 0.015) - 1) + 2 * (exp (e2 - 0.015) - 1)
%!               + 2 * (exp (e3 - 0.015) - 1), 1e-14);
%! assert (H(3), 2 * 0.04 * (0.01 - 0.5) + 2 * 0.04 * (0.04 - 0.5) - 2 * 0.04 * 0.5, 1e-14);
%! S3 = 100 * exp (e1 + e2 + e3);
%! assert (V(1), exp (-0.045) * mc_bs ("put", S3, 100, 0.5, 0.03, 0.2), 1e-12);
%!error <must be even> mc_lv_paths (100, 0, 0.1, zeros (2, 3), ones (2401, 3), 0, 1)
%!error <HEDGE needs> mc_lv_paths (100, 0, 0.1, zeros (2, 2), ones (2401, 2), 0, 1, 1)
%!error mc_lv_paths (100, 0, 0.1, zeros (2, 2), ones (2401, 2), 0)
