## -*- texinfo -*-
## @deftypefn {} {[@var{A}, @var{D2}, @var{D1}] =} fd_operator (@var{n}, @var{h}, @var{a}, @var{b}, @var{r}, @var{upwind})
## Sparse tridiagonal constant-coefficient operator
## A = @var{a} d2/dy2 + @var{b} d/dy - @var{r} on a uniform grid.
##
## The grid has nodes 0..@var{n} with spacing @var{h}.  @var{D2} and
## @var{D1} are the difference matrices of d2/dy2 and d/dy (central; with
## @var{upwind} true, d/dy is one-sided in the upwind direction of @var{b},
## first order but monotone for any h), and A = a D2 + b D1 - r I.  All are
## (@var{n}+1)-by-(@var{n}+1) with empty first and last rows: the end nodes
## carry Dirichlet values.  Being linear in @var{a} and @var{b}, they also
## give the parameter derivatives of A that the vega equation needs.
## @end deftypefn

function [A, D2, D1] = fd_operator (n, h, a, b, r, upwind = false)
  if (nargin < 5 || nargin > 6)
    print_usage ();
  endif
  if (! upwind)
    c1 = [-1, 0, 1] / (2 * h);
  elseif (b >= 0)
    c1 = [0, -1, 1] / h;
  else
    c1 = [-1, 1, 0] / h;
  endif
  c2 = [1, -2, 1] / h^2;
  ## Rows 2..n (1-based) carry the stencils; the end rows stay empty.
  i = (2:n).';
  ii = [i; i; i];
  jj = [i-1; i; i+1];
  o = ones (n - 1, 1);
  c = a * c2 + b * c1 - [0, r, 0];
  A = sparse (ii, jj, [c(1)*o; c(2)*o; c(3)*o], n + 1, n + 1);
  if (nargout > 1)
    D2 = sparse (ii, jj, [c2(1)*o; c2(2)*o; c2(3)*o], n + 1, n + 1);
    D1 = sparse (ii, jj, [c1(1)*o; c1(2)*o; c1(3)*o], n + 1, n + 1);
  endif
endfunction

%!test
%! ## Second order on a smooth function; the end rows are empty.
%! n = 200; h = 0.01; y = (0:n).' * h;
%! [A, D2, D1] = fd_operator (n, h, 0.02, 0.05, 0.03);
%! assert (A(1, :), sparse (1, n + 1));
%! assert (A(end, :), sparse (1, n + 1));
%! f = sin (y); I = 2:n;
%! e = A * f - (-0.02 * sin (y) + 0.05 * cos (y) - 0.03 * sin (y));
%! assert (max (abs (e(I))) < 1e-5);
%! assert (full (A), full (0.02 * D2 + 0.05 * D1 - 0.03 * spdiags ([0; ones(n-1, 1); 0], 0, n+1, n+1)), 1e-12);
%!test
%! ## Upwinding keeps the off-diagonals nonnegative when drift dominates.
%! for b = [0.1 -0.1]
%!   A = fd_operator (10, 0.01, 0.5e-4, b, 0.1, true);
%!   assert (all (nonzeros (A - diag (diag (A))) >= 0));
%! endfor
%!error fd_operator (1, 2, 3)
