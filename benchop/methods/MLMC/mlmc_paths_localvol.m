## -*- texinfo -*-
## @deftypefn {} {[@var{y}, @var{c}] =} mlmc_paths_localvol (@var{p}, @var{l}, @var{m}, @var{tabs}, @var{Z})
## @var{m} samples of the level-@var{l} correction of MLMC under a local
## volatility model @math{dS = r S dt + \sigma(S, t) S dW}; @var{p} is a
## problem checked by @code{mlmc_check}, @var{y} is @var{m}-by-n, one column
## per spot.
##
## The log price takes Milstein steps,
## @math{X_{k+1} = X_k + (r - s^2/2) h + s \Delta W + s s_x (\Delta W^2 - h)/2},
## @math{s = \sigma(e^{X_k}, t_k)}, @math{s_x = \partial s / \partial x}
## (strong order one), except the last step: there the payoff is replaced
## by its conditional expectation given the state before the step, a Black
## formula with the volatility frozen (smoothing by conditional
## expectation, Giles 2015, sec. 5.3), which removes the payoff's kink, so
## that the corrections' variance falls as @math{h^2}.  The fine path takes
## @math{M_0 2^l} steps of @math{h = T/(M_0 2^l)} (@math{M_0} =
## @code{@var{p}.M0}), the coarse path half as many, driven by pair sums;
## the coarse path's last step is conditioned on
## the fine path's first increment in it, @math{\Delta W_1}: the log price
## at @math{T} is then normal with mean
## @math{X_c + (r - s_c^2/2) 2h + s_c \Delta W_1} and variance
## @math{s_c^2 h}, the same horizon as the fine path's Black formula.
## With @math{M_0 = 1}, level 0 is the Black price with the volatility at
## @math{(S_0, 0)}, a number with no variance.  @var{Z}, if not empty, fixes
## the Brownian value before the last step (@pxref{mlmc_increments}).
##
## At level 0 @var{c} holds a control of mean zero (@pxref{mlmc_moments}):
## the same payoff of a Black-Scholes path driven by the same increments,
## its volatility the local one at the spot and time 0, less its exact
## expectation.  The scheme is exact for a constant volatility, so the
## control's mean is the Black formula over the whole horizon; on 3-II it
## takes 60 % of level 0's variance.  At the other levels, and at a level
## 0 of one step (a Black price, with no variance), @var{c} is zero.
##
## @var{tabs} is a struct array, one element per group of spots sharing a
## volatility: fields @code{cols} (the spots' columns), @code{s},
## @code{sx} (tables at the fine path's dates,
## @pxref{mlmc_lv_table}), @code{x0}, @code{hx} (their grid).  All groups
## share the draws.
## @end deftypefn

function [y, c] = mlmc_paths_localvol (p, l, m, tabs, Z)
  if (nargin != 5)
    print_usage ();
  endif
  nf = p.M0 * 2 ^ l;
  h = p.T / nf;
  r = p.r;
  dW = mlmc_increments (m, nf - 1, h, Z);
  payoff = {"call", "put"}{p.put + 1};
  disc = exp (-r * p.T);
  y = zeros (m, numel (p.S));
  c = y;
  for g = 1:numel (tabs)
    tb = tabs(g);
    S0 = p.S(tb.cols);
    vol = @(k, X) mlmc_lv_interp (tb.s, tb.sx, k, X, tb.x0, tb.hx);
    ## fine path
    X = zeros (m, 1) + log (S0);
    for k = 1:nf - 1
      [s, sx] = vol (k, X);
      X += (r - s .^ 2 / 2) * h + s .* dW(:,k) + s .* sx / 2 .* (dW(:,k) .^ 2 - h);
    endfor
    s = vol (nf, X);
    yg = mc_black (payoff, exp (X + r * h), p.K, s .^ 2 * h);
    if (l == 0 && nf > 1)
      sc = reshape (vol (1, log (S0(:))), size (S0));  # as a column: so is a one-date table
      Xc = log (S0) + (r - sc .^ 2 / 2) * (p.T - h) + sc .* sum (dW, 2);
      c(:,tb.cols) = disc * (mc_black (payoff, exp (Xc + r * h), p.K, sc .^ 2 * h)
                             - mc_black (payoff, S0 * exp (r * p.T), p.K, sc .^ 2 * p.T));
    endif
    if (l > 0)
      ## coarse path: steps of 2h at the fine dates 1, 3, 5, ...
      X = zeros (m, 1) + log (S0);
      for k = 1:2:nf - 2
        dWc = dW(:,k) + dW(:,k+1);
        [s, sx] = vol (k, X);
        X += (r - s .^ 2 / 2) * 2 * h + s .* dWc + s .* sx / 2 .* (dWc .^ 2 - 2 * h);
      endfor
      s = vol (nf - 1, X);
      F = exp (X + 2 * r * h + s .* dW(:,nf-1) - s .^ 2 * h / 2);
      yg -= mc_black (payoff, F, p.K, s .^ 2 * h);
    endif
    y(:,tb.cols) = disc * yg;
  endfor
endfunction

%!test
%! ## a constant volatility: every level's correction is zero, level 0 is
%! ## Black-Scholes
%! p = struct ("S", [90 110], "K", 100, "T", 1, "r", 0.03, "put", false, "M0", 1);
%! x = log (100) + (-300:300)' * 0.01;
%! for l = 0:3
%!   [s, sx] = mlmc_lv_table (@(S, t) 0.2 + 0 * S, x, (0:2^l-1) / 2^l);
%!   tabs = struct ("cols", 1:2, "s", s, "sx", sx, "x0", x(1), "hx", 0.01);
%!   randn ("state", 6);
%!   [y, c] = mlmc_paths_localvol (p, l, 1000, tabs, []);
%!   if (l == 0)
%!     assert (y, repmat (bs_european ("call", "price", p.S, 100, 1, 0.03, 0.2), 1000, 1), 1e-12);
%!     assert (c, zeros (1000, 2), 1e-12);  # the control is the price itself, less its mean
%!   else
%!     assert (max (abs (y(:))), 0, 1e-11);
%!   endif
%! endfor
%!error mlmc_paths_localvol (1, 2, 3, 4)
