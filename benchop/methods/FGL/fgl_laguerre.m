## -*- texinfo -*-
## @deftypefn {} {[@var{x}, @var{w}, @var{we}] =} fgl_laguerre (@var{n})
## Nodes and weights of the @var{n}-point Gauss-Laguerre rule
## @math{\int_0^\infty e^{-x} g(x) dx \approx \sum_i w_i g(x_i)}, computed
## by the method of Golub and Welsch (1969).
##
## The Laguerre polynomials are orthonormal for the weight @math{e^{-x}}
## and satisfy @math{x L_k = -(k+1) L_{k+1} + (2k+1) L_k - k L_{k-1}}, so
## their Jacobi matrix is the symmetric tridiagonal matrix with diagonal
## @math{1, 3, 5, @dots{}, 2n-1} and off-diagonal @math{1, 2, @dots{},
## n-1}.  Its eigenvalues are the nodes @var{x} (ascending), and the squared
## first components of its normalized eigenvectors, times
## @math{\int_0^\infty e^{-x} dx = 1}, the weights @var{w}.  @var{we} holds
## the weights for an integrand without the weight function,
## @math{\int_0^\infty f(x) dx \approx \sum_i w_i e^{x_i} f(x_i)}: the
## eigenvectors of this graded matrix carry their tiny first components
## with a small relative error, so that @math{w_i e^{x_i}} keeps its
## accuracy up to the last node.  All three are columns.  For @var{n} up to
## about 170, @math{e^{x_n}} stays finite.
##
## Nothing is read from a table: the pricing (@code{fgl_solve_checked})
## computes the rule on every call.
## @end deftypefn

function [x, w, we] = fgl_laguerre (n)
  if (nargin != 1)
    print_usage ();
  endif
  ## The Jacobi matrix, and its eigenvalues (ascending: LAPACK's symmetric
  ## solver) and eigenvectors.
  k = 1:n-1;
  [V, x] = eig (diag (1:2:2*n-1) + diag (k, 1) + diag (k, -1), "vector");
  w = (V(1,:) .^ 2).';
  we = w .* exp (x);
endfunction

%!test
%! ## Exact for e^-x times polynomials of degree up to 2n - 1:
%! ## int_0^Inf x^d e^-x dx = d!.
%! for n = [1 2 5 8 16 32]
%!   [x, w] = fgl_laguerre (n);
%!   for d = 0:2*n-1
%!     assert (sum (w .* x .^ d), factorial (d), -1e-12 * (1 + d / 4));
%!   endfor
%! endfor
%!test
%! ## Not exact for degree 2n: the error is (n!)^2 (the coefficient of the
%! ## remainder, f^(2n) / (2n)! times (n!)^2 with f = x^2n).
%! n = 6;
%! [x, w] = fgl_laguerre (n);
%! assert (factorial (2 * n) - sum (w .* x .^ (2 * n)), factorial (n) ^ 2, -1e-9);
%!test
%! ## The known two-point rule: nodes 2 -+ sqrt (2), weights (2 +- sqrt (2)) / 4.
%! [x, w, we] = fgl_laguerre (2);
%! assert (x, [2 - sqrt(2); 2 + sqrt(2)], 1e-14);
%! assert (w, [(2 + sqrt(2)) / 4; (2 - sqrt(2)) / 4], 1e-14);
%! assert (we, w .* exp (x), 1e-14);
%!test
%! ## The nodes are the zeros of L_n (evaluated by its recurrence, scaled by
%! ## e^{-x/2} so that it stays finite); the modified weights integrate
%! ## functions without the weight: int_0^Inf e^{-x^2/2} dx = sqrt (pi/2),
%! ## int_0^Inf x^3 e^{-2x} dx = 3/8.
%! n = 12;
%! [x, w, we] = fgl_laguerre (n);
%! q0 = exp (-x / 2); q1 = (1 - x) .* q0; mx = max (abs (q1), abs (q0));
%! for k = 1:n-1
%!   q2 = ((2 * k + 1 - x) .* q1 - k * q0) / (k + 1);
%!   q0 = q1; q1 = q2; mx = max (mx, abs (q1));
%! endfor
%! assert (abs (q1) ./ mx < 1e-12);
%! assert (sum (we .* exp (-2 * x) .* x .^ 3), 3 / 8, -1e-6);
%! c = 0.3;
%! assert (c * sum (we .* exp (-(c * x) .^ 2 / 2)), sqrt (pi / 2), -1e-7);
%!test
%! ## The weights' relative accuracy at the largest nodes: against the
%! ## classical formula w_i = x_i / ((n + 1)^2 L_{n+1}(x_i)^2), evaluated
%! ## with e^{-x/2} scaled polynomials.
%! n = 40;
%! [x, w, we] = fgl_laguerre (n);
%! q0 = exp (-x / 2); q1 = (1 - x) .* q0;
%! for k = 1:n
%!   q2 = ((2 * k + 1 - x) .* q1 - k * q0) / (k + 1);
%!   q0 = q1; q1 = q2;
%! endfor
%! assert (we, x ./ ((n + 1) ^ 2 * q1 .^ 2), -1e-10);
%! assert (all (diff (x) > 0));
%!error fgl_laguerre ()
%!error fgl_laguerre (1, 2)
