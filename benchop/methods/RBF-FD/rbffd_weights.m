## -*- texinfo -*-
## @deftypefn {} {[@var{W0}, @var{W1}, @var{W2}] =} rbffd_weights (@var{x}, @var{xn}, @var{n})
## Sparse RBF-FD matrices that map values at the nodes @var{xn} (sorted) to
## the value, first and second derivative at the points @var{x}.
##
## Each point uses a stencil of @var{n} consecutive nodes centred on its
## nearest node (shifted inwards at the ends).  The weights come from
## interpolation by the polyharmonic spline |r|^5 plus polynomials of
## degree n - 3 (Flyer, Fornberg et al.; Shcherbakov and Larsson): the
## polynomial part sets the order, the spline keeps the system
## well-conditioned on uneven nodes without a shape parameter.  The local
## system is solved in coordinates centred on the stencil and scaled by its
## width, so that it does not depend on the point.
## @end deftypefn

function [W0, W1, W2] = rbffd_weights (x, xn, n)
  if (nargin != 3)
    print_usage ();
  endif
  x = x(:);
  xn = xn(:);
  N = numel (xn);
  m = numel (x);
  n = min (n, N);
  deg = n - 3;
  np = deg + 1;
  ## Stencil windows: n consecutive nodes around the nearest one.
  k = interp1 (xn, (1:N).', min (max (x, xn(1)), xn(end)), "nearest");
  first = min (max (k - floor ((n - 1) / 2), 1), N - n + 1);
  idx = first + (0:n-1);
  V0 = zeros (m, n); V1 = V0; V2 = V0;
  ex = (0:deg);
  for i = 1:m
    xs = xn(idx(i,:));
    xc = (max (xs) + min (xs)) / 2;
    hs = max (xs) - min (xs);
    d = (xs - xc) / hs;
    xe = (x(i) - xc) / hs;
    r = abs (d - d.');
    A = [r.^5, d.^ex; (d.^ex).', zeros(np)];
    ## The operators applied to phi (x - xs_j) and to the monomials, at x(i).
    e = xe - d;
    rhs0 = [abs(e).^5; (xe.^ex).'];
    rhs1 = [5 * e .* abs(e).^3; (ex .* xe.^max (ex - 1, 0)).'];
    rhs2 = [20 * abs(e).^3; (ex .* (ex - 1) .* xe.^max (ex - 2, 0)).'];
    w = A \ [rhs0, rhs1, rhs2];
    V0(i,:) = w(1:n,1).';
    V1(i,:) = w(1:n,2).' / hs;
    V2(i,:) = w(1:n,3).' / hs^2;
  endfor
  rows = repmat ((1:m).', 1, n);
  W0 = sparse (rows, idx, V0, m, N);
  W1 = sparse (rows, idx, V1, m, N);
  W2 = sparse (rows, idx, V2, m, N);
endfunction

%!test
%! xn = [0, cumsum(0.05 + 0.05 * abs (sin (1:30)))];   # uneven nodes
%! x = [0.1; 0.55; xn(end) - 0.01];
%! [W0, W1, W2] = rbffd_weights (x, xn, 7);
%! f = @(x) sin (x(:)); f1 = @(x) cos (x(:)); f2 = @(x) -sin (x(:));
%! assert (W0 * f (xn), f (x), 1e-6);
%! assert (W1 * f (xn), f1 (x), 1e-4);
%! assert (W2 * f (xn), f2 (x), 1e-2);
%! ## Polynomials of degree n - 3 are exact.
%! assert (W2 * xn(:).^4, 12 * x.^2, 1e-8);
%!error rbffd_weights (1, 2)
