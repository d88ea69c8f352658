## -*- texinfo -*-
## @deftypefn {} {@var{u} =} rbfpum_initial (@var{P}, @var{y})
## Initial (tau = 0) nodal values of setup @var{P} (@pxref{rbfx_setup}) on
## the nodes @var{y} (a sorted column with the strike y = 0 a node): the
## payoff, smoothed near its kink.
##
## A high-order approximation of the payoff's kink leaves an O(h^2) error in
## the spacing h at the strike, whatever the order of the scheme, unless the
## data are smoothed (Kreiss, Thomee and Widlund 1970; the same remedy is
## used for RBF-PUM by Shcherbakov and Larsson 2016).  The nodes within two
## spacings of the strike take the payoff convolved with the kernel
## M4' (x / h) / h of Monaghan, whose moments of order 1 to 3 vanish, so the
## smoothing error is O(h^4); h is the spacing at the strike, where the
## nodes are nearly even.  The integrals are split at the kink and done by
## Gauss-Legendre quadrature.  An up-and-out barrier node is zero.
## @end deftypefn

function u = rbfpum_initial (P, y)
  if (nargin != 2)
    print_usage ();
  endif
  u = rbfx_payoff (P, y, 0);
  if (P.barrier)
    u(end) = 0;
  endif
  k = find (y == 0, 1);
  if (isempty (k) || k == 1 || k == numel (y))
    return;
  endif
  h = (y(k+1) - y(k-1)) / 2;
  near = find (abs (y) < 2 * h);
  ## 8-point Gauss-Legendre rule on [-1, 1].
  [t, wt] = rbfpum_gauss8 ();
  kern = @(x) (abs (x) <= 1) .* (1 - 5/2 * x.^2 + 3/2 * abs (x).^3) ...
              + (abs (x) > 1 & abs (x) < 2) .* (2 - abs (x)).^2 .* (1 - abs (x)) / 2;
  for i = near(:).'
    val = 0;
    ## Pieces of the kernel's support [y - 2h, y + 2h] between its own
    ## breakpoints and the kink.
    br = unique ([y(i) + h * (-2:2), 0]);
    br = br(br >= y(i) - 2 * h & br <= y(i) + 2 * h);
    for j = 1:numel (br) - 1
      a = br(j); b = br(j+1);
      z = (a + b) / 2 + (b - a) / 2 * t;
      val += (b - a) / 2 * sum (wt .* kern ((y(i) - z) / h) ...
                                .* rbfx_payoff (P, z, 0)) / h;
    endfor
    u(i) = val;
  endfor
endfunction

function [t, w] = rbfpum_gauss8 ()
  ## Golub-Welsch: nodes and weights from the Jacobi matrix of Legendre.
  b = (1:7) ./ sqrt (4 * (1:7).^2 - 1);
  [V, D] = eig (diag (b, 1) + diag (b, -1));
  t = diag (D);
  w = 2 * V(1,:).'.^2;
endfunction

%!test
%! ## Away from the kink, the payoff; at it, the smoothed payoff, which
%! ## reproduces cubics: K (e^x - 1)_+ - K x_+ is smooth to O(h^4) there.
%! P = struct ("K", 1, "c", 0, "call", true, "barrier", false);
%! y = (-10:10).' * 0.01;
%! u = rbfpum_initial (P, y);
%! assert (u(abs (y) > 0.025), max (exp (y(abs (y) > 0.025)) - 1, 0), 1e-15);
%! assert (u(11) > 0 && u(11) < 0.01);
%! ## x_+ smoothed by M4': at 0 it is h times int_0^2 x M4'(x) dx.
%! P.call = false;
%! v = rbfpum_initial (P, y);
%! assert (v - u, 1 - exp (y), 1e-9);   # parity: a smooth difference
%!error rbfpum_initial (1)
