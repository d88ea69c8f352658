## -*- texinfo -*-
## @deftypefn {} {@var{D} =} fdnu_central (@var{x})
## Sparse matrix of second-order central first differences on the
## non-uniform grid @var{x}, with zero rows at the two ends (boundary
## nodes); for the mixed derivatives of the two-dimensional solvers.
## @end deftypefn

function D = fdnu_central (x)
  if (nargin != 1)
    print_usage ();
  endif
  x = x(:);
  n = numel (x);
  i = (2:n-1).';
  hm = x(i) - x(i-1);
  hp = x(i+1) - x(i);
  lo = -hp ./ (hm .* (hm + hp));
  up = hm ./ (hp .* (hm + hp));
  D = sparse ([i; i; i], [i-1; i; i+1], [lo; -lo-up; up], n, n);
endfunction

%!test
%! x = [0 0.1 0.35 0.5 0.9 1.4];
%! d = fdnu_central (x) * (x.^2 - x).';
%! assert (d(2:end-1), 2 * x(2:end-1).' - 1, 1e-12);
%! assert (d([1 end]), [0; 0]);
%!error fdnu_central ()
