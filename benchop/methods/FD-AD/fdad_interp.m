## -*- texinfo -*-
## @deftypefn {} {@var{fq} =} fdad_interp (@var{x}, @var{f}, @var{xq})
## Cubic (four-point Lagrange) interpolation of the node values @var{f}
## (a column) on the increasing non-uniform grid @var{x} at the points
## @var{xq}; @var{fq} has the shape of @var{xq}.  Each point uses the two
## nodes on either side (one-sided stencils at the ends, which also
## extrapolate just outside the grid), an O(h^4) error for smooth data.
## @end deftypefn

function fq = fdad_interp (x, f, xq)
  if (nargin != 3)
    print_usage ();
  endif
  n = numel (x);
  x = x(:);
  f = f(:);
  q = xq(:);
  k = min (max (lookup (x, q), 2), n - 2);
  x0 = x(k-1); x1 = x(k); x2 = x(k+1); x3 = x(k+2);
  d0 = q - x0; d1 = q - x1; d2 = q - x2; d3 = q - x3;
  fq = f(k-1) .* (d1 .* d2 .* d3 ./ ((x0 - x1) .* (x0 - x2) .* (x0 - x3))) ...
       + f(k) .* (d0 .* d2 .* d3 ./ ((x1 - x0) .* (x1 - x2) .* (x1 - x3))) ...
       + f(k+1) .* (d0 .* d1 .* d3 ./ ((x2 - x0) .* (x2 - x1) .* (x2 - x3))) ...
       + f(k+2) .* (d0 .* d1 .* d2 ./ ((x3 - x0) .* (x3 - x1) .* (x3 - x2)));
  fq = reshape (fq, size (xq));
endfunction

%!test
%! x = [0 0.1 0.3 0.4 0.7 1];
%! f = @(x) 1 - x + 2 * x.^2 - x.^3;
%! assert (fdad_interp (x, f (x), [0.05 0.5; 0.95 1.02]),
%!         f ([0.05 0.5; 0.95 1.02]), 1e-12);
%!error fdad_interp (1, 2)
