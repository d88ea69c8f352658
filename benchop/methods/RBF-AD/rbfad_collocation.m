## -*- texinfo -*-
## @deftypefn {} {[@var{Lop}, @var{G}, @var{C}] =} rbfad_collocation (@var{P}, @var{y})
## Global multiquadric collocation of the Black-Scholes operator of setup
## @var{P} (@pxref{rbfx_setup}, constant volatility) on the sorted nodes
## @var{y} (a column).
##
## @var{Lop} maps nodal values u to L u = a u_yy + (r - a - c) u_y - r u
## at the nodes, a = sigma^2 / 2, c the frame's speed; with @code{P.vega},
## @var{G} maps them to sigma (u_yy - u_y), the source of the vega
## equation (otherwise it is empty).  @var{C} is the interpolant: the
## nodes, the shapes and the LU factors of the collocation matrix A, for
## @code{rbfad_coefficients} and @code{rbfad_basis}.
##
## The shape parameter follows the local node spacing, ep_j = 0.4 / h_j
## with h_j the mean length of the two intervals at node j (Fasshauer,
## "Meshfree Approximation Methods with MATLAB", 2007, ch. 38-39, on
## spatially varying shapes; Driscoll and Heryudono 2007 tie the shape to
## the spacing the same way on adapted nodes).  A fixed ep h keeps the
## collocation matrix equally well conditioned however far a region is
## refined, and 0.4 is flat enough that the stationary approximation's
## saturation error stays far below the tolerances met here.  The operator
## is one right division by A of the combined basis derivatives (one LU,
## one block of right-hand sides: with the machine's plain BLAS the cubic
## work decides the time).
## @end deftypefn

function [Lop, G, C] = rbfad_collocation (P, y)
  if (nargin != 2)
    print_usage ();
  endif
  y = y(:);
  N = numel (y);
  h = diff (y);
  h = [h(1); (h(1:end-1) + h(2:end)) / 2; h(end)];
  ep = 0.4 ./ h;
  [A, A1, A2] = rbfad_basis (y, y, ep);
  [L, U, p] = lu (A, "vector");
  a = P.sigma^2 / 2;
  X = a * A2 + (P.r - a - P.c) * A1;
  if (P.vega)
    X = [X; P.sigma * (A2 - A1)];
  endif
  ## Z A = X with A(p,:) = L U.
  Z = (X / U) / L;
  Z(:,p) = Z;
  Lop = Z(1:N,:) - P.r * eye (N);
  G = Z(N+1:end,:);
  C = struct ("y", y, "ep", ep, "L", L, "U", U, "p", p);
endfunction

%!test
%! ## A smooth function on graded nodes: L u at the nodes and the
%! ## interpolant between them.
%! y = [linspace(-2, -0.5, 7), linspace(-0.25, 0.25, 5), linspace(0.5, 2, 7)].';
%! y = unique (y);
%! P = struct ("sigma", 0.5, "r", 0.1, "c", 0.05, "vega", true);
%! f = @(x) exp (-x.^2);
%! f1 = @(x) -2 * x .* f (x);
%! f2 = @(x) (4 * x.^2 - 2) .* f (x);
%! [Lop, G, C] = rbfad_collocation (P, y);
%! k = 4:numel (y) - 3;
%! Lf = 0.125 * f2 (y) - 0.075 * f1 (y) - 0.1 * f (y);
%! assert (Lop(k,:) * f (y), Lf(k), 2e-2);
%! assert (G(k,:) * f (y), 0.5 * (f2 (y(k)) - f1 (y(k))), 0.1);
%! xq = [-0.9; 0.1; 0.6];
%! assert (rbfad_basis (xq, C.y, C.ep) * rbfad_coefficients (C, f (y)), f (xq), 2e-3);
%! P.vega = false;
%! [~, G] = rbfad_collocation (P, y);
%! assert (isempty (G));
%!error rbfad_collocation (1)
