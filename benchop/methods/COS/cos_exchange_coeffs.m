## -*- texinfo -*-
## @deftypefn {} {@var{V} =} cos_exchange_coeffs (@var{A}, @var{B}, @var{a}, @var{b}, @var{u1}, @var{u2})
## Two-dimensional cosine coefficients of the exchange payoff
## @math{(A e^{y_1} - B e^{y_2})^+} on the box
## @math{[a_1, b_1] \times [a_2, b_2]}.
##
## @var{u1} is the column and @var{u2} the row of frequencies
## @math{k \pi / (b_j - a_j)}; @var{V} is the matrix
## @example
## V(k1,k2) = 4 / ((b1-a1) (b2-a2)) * integral over the box of
##            payoff * cos (u1 (y1 - a1)) cos (u2 (y2 - a2)).
## @end example
## @var{A} and @var{B} may be vectors (one pair each): @var{V} then has
## one page per pair.  The payoff is positive where @math{y_2 < y_1 - c},
## @math{c = \log (B / A)}.  With @math{\cos \theta_1 \cos \theta_2 = \mathrm{Re} (e^{i
## (\theta_1 + \theta_2)} + e^{i (\theta_1 - \theta_2)}) / 2} everything
## reduces to integrals of @math{e^{\alpha y_1 + \beta y_2}} over that
## polygon: integrating @math{y_2} first, over @math{[a_2, \min (b_2, y_1
## - c)]}, leaves one-dimensional integrals of exponentials, so the
## coefficients are exact and the matrices are outer products of vectors
## (and one elementwise division).
## @end deftypefn

function V = cos_exchange_coeffs (A, B, a, b, u1, u2)
  if (nargin != 6)
    print_usage ();
  endif
  ## One page per pair: A and B are vectors of the pairs' prices.
  A = reshape (A, 1, 1, []);
  B = reshape (B, 1, 1, []);
  c = log (B ./ A);
  u2 = u2(:).';
  n = numel (u2);
  ## e^{-i (u1 a1 +- u2 a2)} for both signs side by side.
  e = exp (-1i * (u1 * a(1) + [u2, -u2] * a(2)));
  J = e .* (A .* cos_exchange_polyexp (1 + 1i * u1, 1i * [u2, -u2], c, a, b)
            - B .* cos_exchange_polyexp (1i * u1, 1 + 1i * [u2, -u2], c, a,
                                         b));
  V = real (J(:,1:n,:) + J(:,n+1:end,:)) * (2 / ((b(1) - a(1)) * (b(2) - a(2))));
endfunction

%!test
%! ## Against two-dimensional quadrature.
%! A = 1.1; B = 0.9; a = [-0.8 -0.6]; b = [0.9 0.7];
%! u1 = (0:3).' * pi / (b(1) - a(1)); u2 = (0:3) * pi / (b(2) - a(2));
%! V = cos_exchange_coeffs (A, B, a, b, u1, u2);
%! for k1 = [1 2 4]
%!   for k2 = [1 3 4]
%!     ## The smooth payoff over the region below the diagonal.
%!     f = @(y1, y2) (A * exp (y1) - B * exp (y2)) ...
%!                   .* cos (u1(k1) * (y1 - a(1))) .* cos (u2(k2) * (y2 - a(2)));
%!     ## y1 pieces on which the upper limit of y2 is smooth.
%!     c = log (B / A); y = unique ([a(1), min(max([a(2), b(2)] + c, a(1)), b(1)), b(1)]);
%!     top = @(y1) min (b(2), max (a(2), y1 - c));
%!     Q = 0;
%!     for j = 1:numel (y) - 1
%!       Q += integral2 (f, y(j), y(j+1), a(2), top, "AbsTol", 1e-13, "RelTol", 1e-11);
%!     endfor
%!     assert (V(k1,k2), 4 / prod (b - a) * Q, 1e-8);
%!   endfor
%! endfor
%!test
%! ## The diagonal outside the box: nothing, or the whole box.
%! a = [-1 -1]; b = [1 1]; u = (0:2).' * pi / 2;
%! assert (cos_exchange_coeffs (1, exp (3), a, b, u, u.'), zeros (3), eps);
%! V = cos_exchange_coeffs (1, exp (-3), a, b, u, u.');
%! assert (V(1,1), (exp (1) - exp (-1)) * 2 - exp (-3) * 2 * (exp (1) - exp (-1)), 1e-12);
%!test
%! ## Pages for several pairs.
%! a = [-1 -0.5]; b = [1.2 0.8]; u1 = (0:4).' * pi / 2.2; u2 = (0:5) * pi / 1.3;
%! V = cos_exchange_coeffs ([1 0.7 2], [1.1 1 0.5], a, b, u1, u2);
%! assert (size (V), [5 6 3]);
%! assert (V(:,:,2), cos_exchange_coeffs (0.7, 1, a, b, u1, u2), 1e-14);
%!error cos_exchange_coeffs (1, 2, 3)
