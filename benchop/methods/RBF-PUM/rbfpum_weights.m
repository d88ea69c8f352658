## -*- texinfo -*-
## @deftypefn {} {[@var{W0}, @var{W1}, @var{W2}] =} rbfpum_weights (@var{x}, @var{y}, @var{m}, @var{n})
## Sparse matrices of the one-dimensional RBF partition of unity
## approximation on the nodes @var{y} (a sorted column): they map the nodal
## values to the value, first and second derivative of the blended
## interpolant at the points @var{x}.
##
## Patches: intervals centred at every @var{m}-th node (the first and the
## last node included), each reaching 1.25 times the larger gap to its
## neighbouring centres, so that every point lies inside two or three
## patches.  Each patch carries a local interpolant on the @var{n}
## consecutive nodes around its centre (shifted inwards at the ends of the
## domain, so that they span the part of the patch inside it): Gaussian
## RBFs exp (-(ep d)^2), ep = 2.5, with d the distance scaled by the
## half-width of those nodes (the shape parameter follows the patch and
## the node clustering), plus polynomials of degree @var{n} - 5 in d.  The
## polynomial terms keep the local systems well-conditioned at a moderate
## shape parameter (condition numbers near 1e4) where a pure Gaussian
## interpolant would need the ill-conditioned near-flat regime (or RBF-QR)
## to reach the same accuracy.
##
## The local interpolants s_j are blended by Shepard weights
## w_j = phi_j / sum_k phi_k of the Wendland C2 function
## phi (r) = (1 - r)^4 (4 r + 1), r the distance to the centre over the
## patch radius (Safdari-Vaighani, Heryudono and Larsson 2015): u = sum_j
## w_j s_j, whose derivatives by the product rule, u' = sum_j (w_j' s_j +
## w_j s_j') and u'' = sum_j (w_j'' s_j + 2 w_j' s_j' + w_j s_j''), give
## @var{W1} and @var{W2}.  A point only meets the few patches covering it,
## so the matrices are sparse.  Points outside [y(1), y(end)] are taken at
## the nearest end.
##
## Part of the timed pricing: it checks nothing.
## @end deftypefn

function [W0, W1, W2] = rbfpum_weights (x, y, m, n)
  if (nargin != 4)
    print_usage ();
  endif
  ep = 2.5;
  x = min (max (x(:), y(1)), y(end));
  y = y(:);
  N = numel (y);
  n = min (n, N);
  ex = 0:(n - 5);
  nq = numel (x);
  ic = unique ([1:m:N, N]).';
  c = y(ic);
  gap = diff (c);
  R = 1.25 * max ([gap; 0], [0; gap]);
  np = numel (c);
  first = min (max (ic - floor ((n - 1) / 2), 1), N - n + 1);

  ## Wendland weights of each patch and their y-derivatives at the points
  ## it covers, then Shepard's normalization.
  [I, J] = find (abs (x - c.') < R.');
  I = I(:);
  J = J(:);
  dx = x(I) - c(J);
  Rj = R(J);
  r = abs (dx) ./ Rj;
  phi = (1 - r).^4 .* (4 * r + 1);
  dphi = -20 * dx ./ Rj.^2 .* (1 - r).^3;
  d2phi = -20 * (1 - r).^2 .* (1 - 4 * r) ./ Rj.^2;
  S0 = accumarray (I, phi, [nq 1])(I);
  S1 = accumarray (I, dphi, [nq 1])(I);
  S2 = accumarray (I, d2phi, [nq 1])(I);
  w = phi ./ S0;
  w1 = (dphi - w .* S1) ./ S0;
  w2 = (d2phi - 2 * w1 .* S1 - w .* S2) ./ S0;

  ## Local interpolants: value and derivative matrices from the patch's
  ## nodal values, blended into the global rows.
  [rows, cols, v0, v1, v2] = deal (cell (np, 1));
  nl = numel (ex);
  ## find returns the pairs column by column: patch j's are a block.
  cnt = accumarray (J, 1, [np 1]);
  last = cumsum (cnt);
  for j = 1:np
    sel = (last(j) - cnt(j) + 1):last(j);
    q = I(sel);
    nqj = numel (q);
    loc = first(j) + (0:n-1);
    yl = y(loc);
    yc = (yl(1) + yl(end)) / 2;
    h = (yl(end) - yl(1)) / 2;
    dn = (yl - yc) / h;
    dq = (x(q) - yc) / h;
    Pn = dn.^ex;
    A = [exp(-(ep * (dn - dn.')).^2), Pn; Pn.', zeros(nl)];
    e = dq - dn.';
    G = exp (-(ep * e).^2);
    B0 = [G, dq.^ex];
    B1 = [-2 * ep^2 * e .* G, ex .* dq.^max(ex - 1, 0)] / h;
    B2 = [(4 * ep^4 * e.^2 - 2 * ep^2) .* G, ...
          ex .* (ex - 1) .* dq.^max(ex - 2, 0)] / h^2;
    E = [B0; B1; B2] / A;
    E0 = E(1:nqj,1:n);
    E1 = E(nqj+1:2*nqj,1:n);
    E2 = E(2*nqj+1:end,1:n);
    a = w(sel); a1 = w1(sel); a2 = w2(sel);
    rows{j} = q(:, ones (1, n))(:);
    cols{j} = loc(ones (nqj, 1), :)(:);
    v0{j} = (a .* E0)(:);
    v1{j} = (a1 .* E0 + a .* E1)(:);
    v2{j} = (a2 .* E0 + 2 * a1 .* E1 + a .* E2)(:);
  endfor
  rows = vertcat (rows{:});
  cols = vertcat (cols{:});
  W0 = sparse (rows, cols, vertcat (v0{:}), nq, N);
  W1 = sparse (rows, cols, vertcat (v1{:}), nq, N);
  W2 = sparse (rows, cols, vertcat (v2{:}), nq, N);
endfunction

%!test
%! y = linspace (-1, 1, 41).';
%! x = [-0.93; 0.1; 0.77];
%! [W0, W1, W2] = rbfpum_weights (x, y, 4, 11);
%! assert (W0 * sin (y), sin (x), 1e-8);
%! assert (W1 * sin (y), cos (x), 1e-6);
%! assert (W2 * sin (y), -sin (x), 1e-4);
%!error rbfpum_weights (1, 2)
