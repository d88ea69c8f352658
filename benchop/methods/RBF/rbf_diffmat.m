## -*- texinfo -*-
## @deftypefn {} {[@var{D1}, @var{D2}, @var{W}] =} rbf_diffmat (@var{y}, @var{yq}, @var{ep})
## Global multiquadric differentiation matrices on the 1-D nodes @var{y}
## (a sorted column) and the interpolation weights at the points @var{yq}.
##
## Each node y_j carries the multiquadric of @code{rbf_mq} with shape
## ep_j = 0.4 / h_j, h_j the mean distance to its neighbours, the rule of
## @code{rbf_price}: tying the shape to the spacing keeps the collocation
## matrix A solvable on clustered nodes.  D1 = A1 / A and D2 = A2 / A map
## nodal values to derivatives of the global interpolant; W = E / A
## (E the basis at @var{yq}) maps them to its values at @var{yq}.  The
## two-dimensional solver (@pxref{rbf_exchange}) uses the tensor product
## of two such interpolants.
##
## A scalar @var{ep} gives every node that shape.  On the even nodes of a
## smooth direction the callers take ep h = 0.1, flatter than 0.4: the
## saturation error of a fixed ep h is then far smaller, and the short
## line (13 nodes at the max level) keeps the condition number of A
## below about 1e13 (the clustered line with 0.4 / h_j: about 1e8).
## @end deftypefn

function [D1, D2, W] = rbf_diffmat (y, yq, ep)
  if (nargin < 2 || nargin > 3)
    print_usage ();
  endif
  y = y(:);
  if (nargin < 3)
    h = diff (y);
    h = [h(1); (h(1:end-1) + h(2:end)) / 2; h(end)];
    ep = 0.4 ./ h;
  endif
  [A, A1, A2] = rbf_mq (y, y, ep);
  D1 = A1 / A;
  D2 = A2 / A;
  W = rbf_mq (yq(:), y, ep) / A;
endfunction

%!test
%! ## Smooth function on clustered nodes: derivatives to high accuracy.
%! y = sinh (linspace (-2, 2, 41)).';
%! [D1, D2, W] = rbf_diffmat (y, [0.3; -1.1]);
%! f = exp (-y.^2 / 4);
%! ## Interior nodes (the ends are one-sided and less accurate).
%! k = 5:37;
%! assert (D1(k,:) * f, -y(k) / 2 .* f(k), 1e-4);
%! assert (D2(k,:) * f, (y(k).^2 / 4 - 1 / 2) .* f(k), 1e-3);
%! assert (W * f, exp (-[0.3; -1.1].^2 / 4), 1e-6);
%!test
%! ## Conditioning of the exchange option's lines at the max level.
%! p = benchop_problem ("6");
%! x = rbfx_nodes (struct ("s", 0.15, "ylo", -1.2, "yhi", 1.2, "ye", 0,
%!                         "barrier", false), 67, 64);
%! h = diff (x);
%! h = [h(1); (h(1:end-1) + h(2:end)) / 2; h(end)];
%! assert (cond (rbf_mq (x, x, 0.4 ./ h)) < 1e10);
%! e = linspace (0, 1, 13).';
%! assert (cond (rbf_mq (e, e, 0.1 / (e(2) - e(1)))) < 1e13);
%!error rbf_diffmat (1)
