## -*- texinfo -*-
## @deftypefn {} {[@var{tab}, @var{x0}, @var{hx}] =} mc_lv_table (@var{volfun}, @var{S0}, @var{t})
## Tabulate a local volatility on a uniform grid in @math{\ln S} at the
## times @var{t}.
##
## @var{volfun} is a function handle @code{@var{volfun} (S, t)} returning
## the local volatility elementwise.  Column @math{k} of @var{tab} holds it
## at @code{exp (@var{x0} + (j - 1) @var{hx})}, @math{j = 1, @dots{}, 2401},
## and time @code{@var{t}(k)}; the grid covers @math{\ln S_0 \pm 3} with
## spacing @var{hx} = 2.5e-3.  The log-Euler path solvers of MC-S and QMC-S
## read it with @code{mc_lv_interp} (@pxref{mc_lv_paths}).
##
## @var{volfun} must return finite, nonnegative values, as the benchmark's
## local volatilities do (@code{local_vol_surface} takes a negative local
## variance as zero); the table, built on every pricing call, is not
## scanned for it.
## @end deftypefn

function [tab, x0, hx] = mc_lv_table (volfun, S0, t)
  if (nargin != 3)
    print_usage ();
  endif
  ## A table interpolated linearly costs a few operations per path instead
  ## of a full evaluation (the implied-surface local volatility costs
  ## dozens).  Spacing 2.5e-3 over ln S0 +- 3 keeps the interpolation error
  ## near 1e-6 in sigma; beyond the grid sigma is held constant.
  nx = 2401;
  hx = 2.5e-3;
  x0 = log (S0) - (nx - 1) / 2 * hx;
  xg = x0 + (0:nx-1).' * hx;
  M = numel (t);
  tab = zeros (nx, M);
  for k = 1:M
    tab(:,k) = volfun (exp (xg), t(k));
  endfor
endfunction

%!test
%! [tab, x0, hx] = mc_lv_table (@(S, t) 0.1 + t + 0 * S, 100, [0 0.5]);
%! assert (size (tab), [2401 2]);
%! assert (tab(:,2), 0.6 * ones (2401, 1));
%! assert (x0 + 1200 * hx, log (100), 1e-12);
%! tab = mc_lv_table (@(S, t) S / 100, 100, 0);
%! assert (mc_lv_interp (tab, log (100), x0, hx), 1, 1e-12);
%!error mc_lv_table (@(S, t) S, 100)
