## -*- texinfo -*-
## @deftypefn {} {[@var{w}, @var{jmin}] =} fd_jump_weights (@var{h}, @var{gam}, @var{del})
## Quadrature weights of the jump integral int u(y + z) f(z) dz on a grid of
## spacing @var{h}, f the normal density of the log-jump, mean @var{gam}
## and standard deviation @var{del}.
##
## With u piecewise linear between the nodes, the integral is
## sum_j w_j u(y + j h), w_j = int f(z) phi_j(z) dz with phi_j the hat
## function of node j h; in closed form from the normal distribution, so
## the quadrature is second order in h for any @var{del}/@var{h}
## (d'Halluin, Forsyth and Vetzal 2005 use the same linear interpolation).
## The density is cut at 8 standard deviations.  @var{w} is a column, for
## j = @var{jmin}, @var{jmin} + 1, ...
## @end deftypefn

function [w, jmin] = fd_jump_weights (h, gam, del)
  if (nargin != 3)
    print_usage ();
  endif
  jmin = floor ((gam - 8 * del) / h);
  jmax = ceil ((gam + 8 * del) / h);
  z = (jmin-1:jmax+1).' * h;          # cell ends
  e = (z - gam) / del;
  F = std_normal_cdf (e);
  f = std_normal_pdf (e) / del;
  P = diff (F);                         # int f over cell i
  ## int (z - z_i) f dz over cell i, divided by h.
  Q = ((gam - z(1:end-1)) .* P - del^2 * diff (f)) / h;
  ## Node j: rising half of the hat in cell j-1, falling half in cell j.
  w = Q(1:end-1) + P(2:end) - Q(2:end);
endfunction

%!test
%! ## Exact for linear u: total mass 1 and mean gam.
%! [w, jmin] = fd_jump_weights (0.01, -0.5, 0.4);
%! j = jmin + (0:numel (w) - 1).';
%! assert (sum (w), 1, 1e-12);
%! assert (sum (w .* j * 0.01), -0.5, 1e-12);
%!test
%! ## Second order for E[exp (Z)] = exp (gam + del^2 / 2).
%! e = zeros (1, 2);
%! for i = 1:2
%!   h = 0.02 / i;
%!   [w, jmin] = fd_jump_weights (h, -0.1, 0.4);
%!   z = (jmin + (0:numel (w) - 1).') * h;
%!   e(i) = sum (w .* exp (z)) - exp (-0.1 + 0.4^2 / 2);
%! endfor
%! assert (abs (e(1) / e(2)), 4, 0.1);
%!test
%! ## A density narrower than the spacing: still within the interpolation
%! ## error of exp.
%! h = 0.02;
%! [w, jmin] = fd_jump_weights (h, -0.1033, 0.005);
%! z = (jmin + (0:numel (w) - 1).') * h;
%! assert (abs (sum (w .* exp (z)) - exp (-0.1033 + 0.005^2 / 2)) < h^2 / 8);
%!error fd_jump_weights (1, 2)
