## -*- texinfo -*-
## @deftypefn {} {[@var{s}, @var{sx}] =} mlmc_lv_interp (@var{tab}, @var{xtab}, @var{k}, @var{X}, @var{x0}, @var{hx})
## Linear interpolation of column @var{k} of the tables @var{tab} and
## @var{xtab} (@pxref{mlmc_lv_table}), on the uniform grid
## @math{x_0 + (j - 1) h_x}, at the log prices @var{X} (any shape); values
## beyond the grid are those of its ends.
## @end deftypefn

function [s, sx] = mlmc_lv_interp (tab, xtab, k, X, x0, hx)
  if (nargin != 6)
    print_usage ();
  endif
  n = rows (tab);
  u = min (max ((X - x0) / hx, 0), n - 1);
  j = min (floor (u), n - 2);
  w = u - j;
  j += 1 + (k - 1) * n;
  s = tab(j) .* (1 - w) + tab(j + 1) .* w;
  sx = xtab(j) .* (1 - w) + xtab(j + 1) .* w;
endfunction

%!test
%! tab = [0 1 2; 10 20 30]';  xtab = tab + 1;
%! [s, sx] = mlmc_lv_interp (tab, xtab, 2, [0.5 5; -3 1.5], 0, 1);
%! assert (s, [15 30; 10 25]);
%! assert (sx, s + 1);
%!error mlmc_lv_interp (1, 2, 3)
