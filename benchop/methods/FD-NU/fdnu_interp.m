## -*- texinfo -*-
## @deftypefn {} {@var{fq} =} fdnu_interp (@var{x}, @var{f}, @var{xq})
## Cubic (four-point Lagrange) interpolation on a non-uniform grid.
##
## @var{x} is an increasing vector of nodes with values @var{f}; @var{fq}
## holds the values at @var{xq} (same shape).  A matrix @var{f} with one row
## per node is interpolated column by column: @var{fq} then has one row per
## point of @var{xq} and one column per column of @var{f}.  Each point uses the two nodes
## on either side of it (one-sided stencils next to the ends), so the error
## is O(h^4) for smooth data at a few operations per point.  Points just
## outside the grid are extrapolated with the end stencil (the dividend
## jump maps the first node slightly below itself).
## @end deftypefn

function fq = fdnu_interp (x, f, xq)
  if (nargin != 3)
    print_usage ();
  endif
  n = numel (x);
  cols = ! isvector (f);
  if (! cols)
    f = f(:);
  endif
  if (n < 4 || rows (f) != n)
    error ("fdnu_interp: need at least 4 nodes and one value per node");
  endif
  x = x(:);
  q = xq(:);
  k = lookup (x, q);                   # x(k) <= q < x(k+1)
  k = min (max (k, 2), n - 2);
  x0 = x(k-1); x1 = x(k); x2 = x(k+1); x3 = x(k+2);
  fq = f(k-1, :) .* ((q - x1) .* (q - x2) .* (q - x3) ./ ((x0 - x1) .* (x0 - x2) .* (x0 - x3))) ...
       + f(k, :) .* ((q - x0) .* (q - x2) .* (q - x3) ./ ((x1 - x0) .* (x1 - x2) .* (x1 - x3))) ...
       + f(k+1, :) .* ((q - x0) .* (q - x1) .* (q - x3) ./ ((x2 - x0) .* (x2 - x1) .* (x2 - x3))) ...
       + f(k+2, :) .* ((q - x0) .* (q - x1) .* (q - x2) ./ ((x3 - x0) .* (x3 - x1) .* (x3 - x2)));
  if (! cols)
    fq = reshape (fq, size (xq));
  endif
endfunction

%!test
%! ## Exact for cubics on a non-uniform grid, ends included.
%! x = [0 0.3 0.5 1.1 1.2 2 3.1];
%! p = @(t) 1 - t + 0.25 * t.^2 - 0.4 * t.^3;
%! xq = [0 0.1 0.77 1.15 2.5 3.1];
%! assert (fdnu_interp (x, p (x), xq), p (xq), 1e-12);
%!assert (size (fdnu_interp (1:5, 1:5, [1.5; 2.5])), [2 1])
%!assert (fdnu_interp (1:5, [1:5; 2:6].', [1.5 2.5]), [1.5 2.5; 2.5 3.5], 1e-12)
%!error <at least 4 nodes> fdnu_interp (1:3, 1:3, 1.5)
%!error fdnu_interp (1:5, 1:5)
