## -*- texinfo -*-
## @deftypefn {} {@var{fq} =} fd_interp (@var{x0}, @var{h}, @var{f}, @var{xq})
## Cubic (four-point Lagrange) interpolation on a uniform grid.
##
## The grid has nodes @code{@var{x0} + (0:numel(@var{f})-1) * @var{h}} and
## values @var{f}; @var{fq} holds the interpolated values at the points
## @var{xq} and has their shape.  Each point uses the two nodes on either
## side of it (one-sided stencils next to the ends), so the error is
## O(@var{h}^4) for smooth data and the cost is a few operations per point,
## independent of the grid size (unlike a global spline).  Points must lie
## within the grid.
## @end deftypefn

function fq = fd_interp (x0, h, f, xq)
  if (nargin != 4)
    print_usage ();
  endif
  n = numel (f);
  if (n < 4)
    error ("fd_interp: the grid needs at least 4 nodes");
  endif
  if (! (isscalar (h) && h > 0))
    error ("fd_interp: H must be a positive scalar");
  endif
  s = (xq(:) - x0) / h;
  if (any (s < -1e-9 | s > n - 1 + 1e-9))
    error ("fd_interp: points outside the grid");
  endif
  ## Stencil nodes k-1, k, k+1, k+2 (1-based k), shifted inward at the ends.
  k = min (max (floor (s) + 1, 2), n - 2);
  t = s - (k - 1);
  f = f(:);
  fq = -t .* (t - 1) .* (t - 2) / 6 .* f(k-1) ...
       + (t + 1) .* (t - 1) .* (t - 2) / 2 .* f(k) ...
       - (t + 1) .* t .* (t - 2) / 2 .* f(k+1) ...
       + (t + 1) .* t .* (t - 1) / 6 .* f(k+2);
  fq = reshape (fq, size (xq));
endfunction

%!test
%! ## Exact for cubics, including one-sided stencils at both ends.
%! p = @(x) 2 - x + 0.5 * x.^2 - 0.3 * x.^3;
%! x0 = -1; h = 0.25; x = x0 + (0:8) * h;
%! xq = [-1 -0.9 0.13 0.77 0.95 1];
%! assert (fd_interp (x0, h, p (x), xq), p (xq), 1e-13);
%!test
%! ## Fourth-order accuracy for a smooth function.
%! e = zeros (1, 2);
%! for i = 1:2
%!   h = 0.1 / 2^i; x = 0:h:2; xq = [0.333 1.2345 1.9];
%!   e(i) = max (abs (fd_interp (0, h, sin (x), xq) - sin (xq)));
%! endfor
%! assert (e(1) / e(2) > 12);
%!assert (size (fd_interp (0, 1, 1:5, [1.5; 2.5])), [2 1])
%!error fd_interp (0, 1, 1:5)
%!error <at least 4 nodes> fd_interp (0, 1, 1:3, 1.5)
%!error <outside the grid> fd_interp (0, 1, 1:5, 4.5)
%!error <H must be> fd_interp (0, -1, 1:5, 1)
