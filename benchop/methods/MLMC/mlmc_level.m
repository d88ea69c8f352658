## -*- texinfo -*-
## @deftypefn {} {[@var{A}, @var{model}] =} mlmc_level (@var{model}, @var{l}, @var{N}, @var{B})
## Draw @var{N} samples of the level-@var{l} correction
## @math{P_l - P_{l-1}} (@math{P_0} at level 0) and return their sums
## @var{A} (5-by-n: @math{y}, @math{y^2}, control @math{c}, @math{c^2},
## @math{y c}, one column per evaluation point; @pxref{mlmc_moments}).
##
## @var{model} is the checked problem @code{p} of @code{mlmc_check} with
## @code{M0}, the steps of level 0 (level @math{l} takes @math{M_0 2^l}), and,
## for local volatility, the field @code{lv}: one element per group of
## spots sharing a volatility, with the handle @code{volfun}, the grid
## (@code{x0}, @code{hx}, @code{nx}), the spots' columns @code{cols} and
## @code{tab}, a cell of the tables built so far, one per level; the
## tables a level needs are built here once and returned in @var{model}.
## The samples are drawn in chunks that keep the memory to some tens of
## megabytes, from the current @code{randn} (and @code{randp}) streams.
##
## At level 0 a sample is the mean of a batch of @var{B} paths (64 by
## default) whose Brownian value at the end of the path (before the last
## step where that is integrated in closed form) is stratified: one draw in each of @var{B}
## equiprobable strata, @math{Z_i = \Phi^{-1}((i - 1 + U_i)/B)}
## (Glasserman, sec. 4.3).  The batch mean keeps the level's mean and, the
## coarsest level's payoff being mostly a smooth or Lipschitz function of
## that value, has far less than @math{1/B} of a path's variance; the adaptive
## algorithm sees batches as its samples, at @var{B} times the cost.
## @end deftypefn

function [A, model] = mlmc_level (model, l, N, B)
  if (nargin < 3 || nargin > 4)
    print_usage ();
  endif
  if (nargin < 4)
    B = 64;
  endif
  if (l > 0)
    B = 1;
  endif
  n = prod (model.shape);
  nf = model.M0 * 2 ^ l;
  if (isfield (model, "lv"))
    for g = 1:numel (model.lv)
      model.lv(g) = mlmc_level_table (model.lv(g), l, model.T, model.M0);
    endfor
    tabs = struct ("cols", {}, "s", {}, "sx", {}, "x0", {}, "hx", {});
    for g = 1:numel (model.lv)
      tb = model.lv(g).tab{l+1};
      tabs(g) = struct ("cols", model.lv(g).cols, "s", tb.s, "sx", tb.sx,
                        "x0", model.lv(g).x0, "hx", model.lv(g).hx);
    endfor
  endif
  ## chunks of whole batches
  chunk = max (1, floor (2 ^ 19 / ((nf + 1) * n * B)));
  A = zeros (5, n);
  for first = 1:chunk:N
    nb = min (chunk, N - first + 1);
    m = nb * B;
    Z = [];
    if (B > 1)
      Z = std_normal_inv (((0:B-1).' + rand (B, nb)) / B)(:);
    endif
    c = zeros (m, n);
    switch (model.kind)
      case {1, 2, 6}
        [y, c] = mlmc_paths_gbm (model, l, m, Z);
      case 7
        [y, c] = mlmc_paths_exchange (model, l, m, Z);
      case {3, 4}
        [y, c] = mlmc_paths_localvol (model, l, m, tabs, Z);
      case 5
        y = mlmc_paths_heston (model, l, m, Z);
    endswitch
    if (B > 1)
      y = reshape (mean (reshape (y, B, nb, n), 1), nb, n);
      c = reshape (mean (reshape (c, B, nb, n), 1), nb, n);
    endif
    A += [sum(y, 1); sumsq(y, 1); sum(c, 1); sumsq(c, 1); sum(y .* c, 1)];
  endfor
endfunction

## The tables of level l (the fine path's dates (0:nf-1) T/nf), built from
## those of level l-1 (every other date) where they exist.
function lv = mlmc_level_table (lv, l, T, M0)
  if (numel (lv.tab) > l && ! isempty (lv.tab{l+1}))
    return;
  endif
  nf = M0 * 2 ^ l;
  t = (0:nf-1) * T / nf;
  x = lv.x0 + (0:lv.nx-1).' * lv.hx;
  if (l > 0 && numel (lv.tab) >= l && ! isempty (lv.tab{l}))
    s = zeros (lv.nx, nf);
    sx = s;
    s(:,1:2:end) = lv.tab{l}.s;
    sx(:,1:2:end) = lv.tab{l}.sx;
    [s(:,2:2:end), sx(:,2:2:end)] = mlmc_lv_table (lv.volfun, x, t(2:2:end));
  else
    [s, sx] = mlmc_lv_table (lv.volfun, x, t);
  endif
  lv.tab{l+1} = struct ("s", s, "sx", sx);
endfunction

%!test
%! ## the sums of a level: the mean of the Black-Scholes level 0 near the
%! ## price, a control with mean zero
%! p = mlmc_check (benchop_problem ("1a-I"), 1);
%! p.M0 = 1;
%! randn ("state", 8);
%! A = mlmc_level (p, 0, 1e5, 1);
%! assert (size (A), [5 3]);
%! V = bs_european ("call", "price", p.S, p.K, p.T, p.r, p.sigma);
%! assert (A(1,:) / 1e5, V, 0.03 * max (V));
%!test
%! ## stratified batches at level 0: the same mean, a variance per batch
%! ## far below a path's over 64 (but where the control already took the
%! ## nearly linear payoff's variance, in the money)
%! p = mlmc_check (benchop_problem ("1a-II"), 1);
%! p.M0 = 1;
%! rand ("state", 9);  randn ("state", 9);
%! A1 = mlmc_level (p, 0, 64e3, 1);
%! A64 = mlmc_level (p, 0, 1e3, 64);
%! [mu1, v1] = mlmc_moments (A1, 64e3);
%! [mu64, v64] = mlmc_moments (A64, 1e3);
%! assert (abs (mu64 - mu1) < 4 * sqrt (v1 / 64e3));
%! assert (all (v64(1:2) < v1(1:2) / 64 / 10));
%!test
%! ## local volatility: the tables are built once per level and kept
%! p = mlmc_check (benchop_problem ("3-I"), 1);
%! p.M0 = 1;
%! x0 = log (100) - 3;
%! p.lv = struct ("volfun", @local_vol_parametric, "x0", x0, "hx", 0.01,
%!                "nx", 601, "cols", 1:3, "tab", {{}});
%! [A, q] = mlmc_level (p, 2, 100);
%! assert (size (q.lv.tab{3}.s), [601 4]);
%! [A, q] = mlmc_level (q, 3, 100);
%! assert (q.lv.tab{4}.s(:,1:2:end), q.lv.tab{3}.s);
%! assert (A(3:5,:), zeros (3, 3));
%!error mlmc_level (1, 2)
