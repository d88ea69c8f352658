## -*- texinfo -*-
## @deftypefn  {} {[@var{A}, @var{D2}] =} fdnu_operator (@var{S}, @var{a}, @var{b}, @var{c})
## @deftypefnx {} {[@var{A}, @var{D2}] =} fdnu_operator (@var{S}, @var{a}, @var{b}, @var{c}, @var{upwind})
## The spatial operator a U_SS + b U_S - c U on the non-uniform grid @var{S}.
##
## @var{a}, @var{b}, @var{c} are columns of coefficients at the nodes (or
## scalars).  Interior rows use the second-order three-point differences of
## a non-uniform grid; where the central first difference would make an
## off-diagonal entry negative (cell Peclet number above one, as in the
## drift-dominated set II far from the strike) that row's convection is
## upwinded instead, so the matrix stays an M-matrix and the scheme does not
## oscillate (the "central as much as possible" rule of Forsyth and Vetzal).
## With @var{upwind} false (default true) every row is central.
## The rows of the first and last node are zero: the caller imposes boundary
## values there.  @var{A} is sparse and tridiagonal; @var{D2} is the plain
## second-difference matrix (for the vega equation).
## @end deftypefn

function [A, D2] = fdnu_operator (S, a, b, c, upwind = true)
  if (nargin < 4 || nargin > 5)
    print_usage ();
  endif
  n = numel (S);
  S = S(:);
  i = (2:n-1).';
  hm = S(i) - S(i-1);
  hp = S(i+1) - S(i);
  a = expand (a, n)(i);
  b = expand (b, n)(i);
  c = expand (c, n)(i);
  ## Second and first differences (central, second order on any grid).
  d2l = 2 ./ (hm .* (hm + hp));
  d2u = 2 ./ (hp .* (hm + hp));
  d2d = -d2l - d2u;
  d1l = -hp ./ (hm .* (hm + hp));
  d1u = hm ./ (hp .* (hm + hp));
  d1d = -d1l - d1u;
  lo = a .* d2l + b .* d1l;
  up = a .* d2u + b .* d1u;
  bad = (lo < 0 | up < 0) & upwind;
  if (any (bad))
    ## Upwind convection in those rows.
    bp = max (b(bad), 0);
    bm = min (b(bad), 0);
    lo(bad) = a(bad) .* d2l(bad) - bm ./ hm(bad);
    up(bad) = a(bad) .* d2u(bad) + bp ./ hp(bad);
  endif
  dg = a .* d2d + b .* d1d - c;
  if (any (bad))
    dg(bad) = a(bad) .* d2d(bad) - bp ./ hp(bad) + bm ./ hm(bad) - c(bad);
  endif
  A = sparse ([i; i; i], [i-1; i; i+1], [lo; dg; up], n, n);
  if (nargout > 1)
    D2 = sparse ([i; i; i], [i-1; i; i+1], [d2l; d2d; d2u], n, n);
  endif
endfunction

function v = expand (v, n)
  v = v(:);
  if (isscalar (v))
    v = v(ones (n, 1));         # indexing: no repmat on every step
  endif
endfunction

%!test
%! ## Exact for quadratics on a non-uniform grid.
%! S = cumsum ([0; 0.5 + mod((1:20).' * 0.37, 1)]);
%! u = 3 - 2 * S + 0.7 * S.^2;
%! A = fdnu_operator (S, 20, 5, 1);
%! v = A * u;
%! assert (v(2:end-1), 20 * 1.4 + 5 * (-2 + 1.4 * S(2:end-1)) - u(2:end-1), 1e-9);
%! assert (v([1 end]), [0; 0]);
%!test
%! ## Strong convection: upwinded rows keep the off-diagonals nonnegative.
%! S = (0:10).';
%! A = fdnu_operator (S, 0.01, 10, 0);
%! assert (all (nonzeros (A - diag (diag (A))) >= 0));
%! A = fdnu_operator (S, 0.01, 10, 0, false);
%! assert (any (nonzeros (A - diag (diag (A))) < 0));
%!error fdnu_operator (1, 2, 3)
