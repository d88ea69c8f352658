## -*- texinfo -*-
## @deftypefn {} {[@var{X}, @var{Xc}] =} mc_lv_paths (@var{S0}, @var{r}, @var{dt}, @var{dW}, @var{tab}, @var{x0}, @var{hx})
## Terminal log prices of log-Euler paths under a local volatility model,
## with the step @var{dt} and with twice that step.
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
## @end deftypefn

function [X, Xc] = mc_lv_paths (S0, r, dt, dW, tab, x0, hx)
  if (nargin != 7)
    print_usage ();
  endif
  M = columns (dW);
  if (mod (M, 2) != 0)
    error ("mc_lv_paths: the number of steps (columns of DW) must be even");
  endif
  X = log (S0) * ones (rows (dW), 1);
  Xc = X;
  for k = 1:M
    s = mc_lv_interp (tab(:,k), X, x0, hx);
    X += (r - s .^ 2 / 2) * dt + s .* dW(:,k);
    if (mod (k, 2) == 0)
      ## coarse step over [t(k-1), t(k+1)]
      s = mc_lv_interp (tab(:,k-1), Xc, x0, hx);
      Xc += (r - s .^ 2 / 2) * 2 * dt + s .* (dW(:,k-1) + dW(:,k));
    endif
  endfor
endfunction

%!test
%! ## constant volatility: both schemes are exact for GBM
%! tab = 0.2 * ones (2401, 4);  x0 = log (100) - 3;  hx = 2.5e-3;
%! dW = [0.1 -0.2 0.05 0.3; 0 0 0 0];
%! [X, Xc] = mc_lv_paths (100, 0.03, 0.25, dW, tab, x0, hx);
%! e = log (100) + (0.03 - 0.02) * 1 + 0.2 * sum (dW, 2);
%! assert (X, e, 1e-12);
%! assert (Xc, e, 1e-12);
%!error <must be even> mc_lv_paths (100, 0, 0.1, zeros (2, 3), ones (2401, 3), 0, 1)
%!error mc_lv_paths (100, 0, 0.1, zeros (2, 2), ones (2401, 2), 0)
