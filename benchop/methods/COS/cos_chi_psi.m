## -*- texinfo -*-
## @deftypefn  {} {[@var{chi}, @var{psi}] =} cos_chi_psi (@var{k}, @var{a}, @var{b}, @var{c}, @var{d})
## @deftypefnx {} {[@var{chi}, @var{psi}] =} cos_chi_psi (@var{k}, @var{a}, @var{b}, @var{c}, @var{d}, @var{lambda})
## Cosine coefficients of @math{e^{\lambda y}} and of 1 over a
## subinterval, for the COS method.
##
## On the truncation interval [@var{a}, @var{b}], with
## @math{u_k = k \pi / (b - a)},
## @example
## chi_k = integral from c to d of exp(lambda y) cos(u_k (y - a)) dy
## psi_k = integral from c to d of cos(u_k (y - a)) dy
## @end example
## @var{lambda} defaults to 1.  @var{k} is a column of term indices
## (0, 1, @dots{}); @var{a}, @var{b}, @var{c}, @var{d} and @var{lambda} are
## scalars or rows (one interval per column) and broadcast against @var{k}.  These closed
## forms give the payoff coefficients of calls and puts and of their
## restrictions to an exercise or barrier region (Fang and Oosterlee 2008,
## eqs. 22-23, there with @math{\lambda = 1}).
## @end deftypefn

function [chi, psi] = cos_chi_psi (k, a, b, c, d, lambda = 1)
  if (nargin < 5 || nargin > 6)
    print_usage ();
  endif
  u = k * pi ./ (b - a);
  ud = u .* (d - a);
  uc = u .* (c - a);
  ed = exp (lambda .* d);
  ec = exp (lambda .* c);
  chi = (ed .* (lambda .* cos (ud) + u .* sin (ud))
         - ec .* (lambda .* cos (uc) + u .* sin (uc))) ./ (lambda .^ 2 + u .^ 2);
  ## psi: (sin - sin) / u, with the k = 0 limit d - c; written to avoid 0/0.
  psi = (sin (ud) - sin (uc)) ./ (u + (u == 0));
  z = (k == 0);
  if (any (z))
    psi(z,:) = (d - c) .* ones (nnz (z), columns (psi));
  endif
endfunction

%!test
%! ## Compare with numerical quadrature on a few terms.
%! a = -1.3; b = 0.9; c = -0.4; d = 0.2; k = (0:5).';
%! [chi, psi] = cos_chi_psi (k, a, b, c, d);
%! [chim] = cos_chi_psi (k, a, b, c, d, -1);
%! for i = 1:numel (k)
%!   u = k(i) * pi / (b - a);
%!   assert (chi(i), quad (@(y) exp (y) .* cos (u * (y - a)), c, d), 1e-12);
%!   assert (chim(i), quad (@(y) exp (-y) .* cos (u * (y - a)), c, d), 1e-12);
%!   assert (psi(i), quad (@(y) cos (u * (y - a)), c, d), 1e-12);
%! endfor
%!test
%! ## Rows of intervals broadcast against the column of k.
%! [chi, psi] = cos_chi_psi ((0:3).', [-1 -2], [1 2], [-1 -2], [0 0]);
%! assert (size (chi), [4 2]);
%! assert (psi(1,:), [1 2], eps);
%! [chi, psi] = cos_chi_psi ((0:3).', -1, 1, 0, [0.2 0.5]);
%! assert (psi(1,:), [0.2 0.5], eps);
%! [~, p2] = cos_chi_psi ((0:3).', -1, 1, 0, 0.5);
%! assert (psi(:,2), p2, eps);
%! c2 = cos_chi_psi ((0:3).', -1, 1, 0, 0.5, [1 -1]);
%! assert (c2(:,2), cos_chi_psi ((0:3).', -1, 1, 0, 0.5, -1), eps);
%!error cos_chi_psi (1, 2, 3)
