## -*- texinfo -*-
## @deftypefn {} {@var{s} =} mc_lv_interp (@var{tab}, @var{x}, @var{x0}, @var{h})
## Linear interpolation in a table of values on a uniform grid.
##
## @var{tab} holds a function's values at @math{x_0 + (j - 1) h},
## @math{j = 1, @dots{}, n}; @var{s} is the piecewise linear interpolant at
## the points @var{x}, held constant beyond the grid.  The index arithmetic
## of a uniform grid is much cheaper than @code{interp1}'s search.
## @end deftypefn

function s = mc_lv_interp (tab, x, x0, h)
  if (nargin != 4)
    print_usage ();
  endif
  n = numel (tab);
  u = (x - x0) / h;
  u = min (max (u, 0), n - 1);
  j = min (floor (u), n - 2);
  w = u - j;
  s = tab(j + 1) .* (1 - w) + tab(j + 2) .* w;
endfunction

%!test
%! tab = [0 1 4 9 16].';
%! assert (mc_lv_interp (tab, [0; 0.5; 2; 3.25; 4], 0, 1), [0; 0.5; 4; 9 + 7/4; 16]);
%! ## held constant beyond the grid
%! assert (mc_lv_interp (tab, [-3; 10], 0, 1), [0; 16]);
%! assert (mc_lv_interp (tab, 1.1, 1, 0.5), 0.2, 1e-14);
%!error mc_lv_interp ([1 2], 1, 0)
