## -*- texinfo -*-
## @deftypefn {} {@var{rate} =} mlmc_fit_rate (@var{l}, @var{q})
## The rate @math{a} of a fit @math{q_l \approx c\, 2^{-a l}}: the negated
## least-squares slope of @math{\log_2 q_l} against the levels @var{l}
## (Giles 2015, the estimated weak order, variance decay and cost growth).
## Levels where @var{q} is zero or not finite are left out; with fewer
## than two left the rate is @code{NaN}.
## @end deftypefn

function rate = mlmc_fit_rate (l, q)
  if (nargin != 2)
    print_usage ();
  endif
  keep = isfinite (q) & q > 0;
  if (nnz (keep) < 2)
    rate = NaN;
    return;
  endif
  x = l(keep)(:);
  c = [x, ones(size (x))] \ log2 (q(keep)(:));
  rate = -c(1);
endfunction

%!assert (mlmc_fit_rate (1:4, 3 * 2 .^ (-1.5 * (1:4))), 1.5, 1e-12)
%!assert (mlmc_fit_rate (1:3, [2 4 8]), -1, 1e-12)
%!assert (mlmc_fit_rate (1:3, [0 1 0]), NaN)
%!assert (mlmc_fit_rate (1:3, [0 1 0.5]), 1, 1e-12)
%!error mlmc_fit_rate (1:3)
