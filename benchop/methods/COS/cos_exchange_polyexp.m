## -*- texinfo -*-
## @deftypefn {} {@var{I} =} cos_exchange_polyexp (@var{al}, @var{be}, @var{c}, @var{a}, @var{b})
## Integral of @math{\exp (\alpha y_1 + \beta y_2)} over the part of the box
## @math{[a_1, b_1] \times [a_2, b_2]} below the diagonal
## @math{y_2 = y_1 - c}.
##
## @var{al} is a column and @var{be} a row of (complex) exponents, @var{c}
## one value per page (a vector along the third dimension); @var{I} is
## numel (al)-by-numel (be)-by-numel (c).  Either @var{al} or @var{be} may
## vanish, not both and not @math{\alpha + \beta}.  Integrating
## @math{y_2} first, over @math{[a_2, \min (b_2, y_1 - c)]}, leaves
## integrals of exponentials over the stretch of @math{y_1} where the
## diagonal crosses the box and over the stretch beyond, where all of
## @math{[a_2, b_2]} counts: closed forms, outer products of vectors.
## @end deftypefn

function I = cos_exchange_polyexp (al, be, c, a, b)
  if (nargin != 5)
    print_usage ();
  endif
  ## Integral of exp (g y) from lo to hi, elementwise (g may vanish).
  ex = @(g, lo, hi) (exp (g .* hi) - exp (g .* lo)) ./ (g + (g == 0)) .* (g != 0) ...
                    + (g == 0) .* (hi - lo);
  p = max (a(1), a(2) + c);             # the diagonal crosses y2 = a2 ...
  q = max (min (b(1), b(2) + c), p);    # ... and y2 = b2 (empty: q = p)
  ## y1 in [p, q]: y2 from a2 to y1 - c.
  z = (be == 0);
  Xab = (exp (al .* q) .* exp (be .* q) - exp (al .* p) .* exp (be .* p)) ./ (al + be);
  I = (exp (-be .* c) .* Xab - exp (be * a(2)) .* ex (al, p, q)) ./ (be + z);
  if (any (z))
    ## be = 0: the inner integral is y1 - c - a2 (here al != 0).
    F = @(y) exp (al .* y) .* ((y - c - a(2)) ./ al - 1 ./ al .^ 2);
    I(:,z,:) = repmat (F (q) - F (p), 1, nnz (z));
  endif
  ## y1 in [q2, b1]: all of [a2, b2].
  q2 = min (max (a(1), b(2) + c), b(1));
  I += ex (al, q2, b(1)) .* ex (be, a(2), b(2));
endfunction

%!test
%! ## Against quadrature over the region.
%! a = [-0.7 -0.4]; b = [1.2 0.5]; c = 0.2; al = [1; 0.5i]; be = [0, 1 - 2i];
%! I = cos_exchange_polyexp (al, be, c, a, b);
%! for i = 1:2
%!   for j = 1:2
%!     f = @(y1, y2) exp (al(i) * y1 + be(j) * y2);
%!     top = @(y1) min (b(2), max (a(2), y1 - c));
%!     Q = integral2 (f, a(2) + c, b(2) + c, a(2), top, "AbsTol", 1e-13, "RelTol", 1e-11) ...
%!         + integral2 (f, b(2) + c, b(1), a(2), b(2), "AbsTol", 1e-13, "RelTol", 1e-11);
%!     assert (I(i,j), Q, 1e-10);
%!   endfor
%! endfor
%!test
%! ## Pages, one per c; the diagonal above or below the whole box.
%! a = [-1 -1]; b = [1 1];
%! I = cos_exchange_polyexp (1, 0, reshape ([-3 3], 1, 1, 2), a, b);
%! assert (squeeze (I), [2 * (exp (1) - exp (-1)); 0], 1e-12);
%!error cos_exchange_polyexp (1, 2, 3)
