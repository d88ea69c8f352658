## -*- texinfo -*-
## @deftypefn {} {[@var{lo}, @var{dg}, @var{up}, @var{slo}, @var{sdg}, @var{sup}] =} fdad_stencil (@var{x}, @var{a}, @var{b}, @var{c})
## The three diagonals of the space operator a u_xx + b u_x - c u on the
## non-uniform grid @var{x} (n nodes), at the interior nodes 2 to n - 1,
## for one or many sets of coefficients at once.
##
## @var{a}, @var{b}, @var{c} are scalars, columns of n values at the nodes,
## or n-by-m matrices, one column per time; @var{lo}, @var{dg}, @var{up}
## are (n-2)-by-m (m = 1 for constants): row i holds the weights of
## u(i), u(i+1), u(i+2) in the operator at node i + 1.  Three-point
## differences, second order on a smoothly varying grid; rows where the
## central first difference would give a negative off-diagonal weight (a
## cell Peclet number above one) take the upwind difference.  @var{slo},
## @var{sdg}, @var{sup} are the diagonals of the derivative in sigma when
## a = sigma^2/2 and a + b does not depend on sigma: sigma (D2 - D1).
## @end deftypefn

function [lo, dg, up, slo, sdg, sup] = fdad_stencil (x, a, b, c)
  if (nargin != 4)
    print_usage ();
  endif
  n = numel (x);
  x = x(:);
  i = (2:n-1).';
  hm = x(i) - x(i-1);
  hp = x(i+1) - x(i);
  a = interior (a, i);
  b = interior (b, i);
  c = interior (c, i);
  d2l = 2 ./ (hm .* (hm + hp));
  d2u = 2 ./ (hp .* (hm + hp));
  Z = 0 * (a + b + c + hm);            # (n-2)-by-m
  d1l = -hp ./ (hm .* (hm + hp)) + Z;
  d1u = hm ./ (hp .* (hm + hp)) + Z;
  bad = (a .* d2l + b .* d1l < 0) | (a .* d2u + b .* d1u < 0);
  if (any (bad(:)))
    ## Upwind: the difference toward where the drift comes from.
    b = b + Z;
    fw = bad & b > 0;
    bw = bad & b <= 0;
    Hp = hp + Z;
    Hm = hm + Z;
    d1l(fw) = 0;
    d1u(fw) = 1 ./ Hp(fw);
    d1l(bw) = -1 ./ Hm(bw);
    d1u(bw) = 0;
  endif
  d1d = -d1l - d1u;
  d2d = -d2l - d2u;
  lo = a .* d2l + b .* d1l;
  dg = a .* d2d + b .* d1d - c;
  up = a .* d2u + b .* d1u;
  if (nargout > 3)
    s = sqrt (2 * a);
    slo = s .* (d2l - d1l);
    sdg = s .* (d2d - d1d);
    sup = s .* (d2u - d1u);
  endif
endfunction

function v = interior (v, i)
  if (rows (v) > 1)
    v = v(i, :);
  endif
endfunction

%!test
%! ## Exact on quadratics; many columns at once are the columns one by one.
%! x = [0; 0.1; 0.25; 0.3; 0.5; 0.8];
%! u = 1 + 2 * x + 3 * x.^2;
%! [lo, dg, up] = fdad_stencil (x, 0.5, 0.2, 0.1);
%! Au = lo .* u(1:4) + dg .* u(2:5) + up .* u(3:6);
%! assert (Au, 3 + 0.2 * (2 + 6 * x(2:5)) - 0.1 * u(2:5), 1e-12);
%! a = [0.5 * ones(6, 1), 1e-4 * ones(6, 1)];
%! [lo, dg, up] = fdad_stencil (x, a, 0.2, 0.1);
%! [lo2, dg2, up2] = fdad_stencil (x, 1e-4, 0.2, 0.1);
%! assert ([lo(:, 2), dg(:, 2), up(:, 2)], [lo2, dg2, up2], 1e-14);
%! assert (all (lo2 >= 0 & up2 >= 0));
%!error fdad_stencil (1, 2)
