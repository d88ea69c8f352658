## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbffd_price (@var{problem}, @var{S}, @var{N}, @var{M})
## Price @var{problem} at the evaluation points @var{S} (a row) by RBF-FD on
## about @var{N} nodes with @var{M} BDF2 steps.
##
## The nodes come from @code{rbfx_nodes}.  The sparse differentiation
## matrices D1 and D2 hold, row by row, the RBF-FD weights of the node's
## 7-node stencil (@pxref{rbffd_weights}: polyharmonic spline r^5 plus
## quartics, no shape parameter), so the march works on nodal values
## (@pxref{rbfx_march}).  Values between nodes (the evaluation points, the
## dividend shift) use the weights of the same kind of stencil around the
## point; delta = u_y / S and gamma = (u_yy - u_y) / S^2 come from its
## derivative weights.
## @end deftypefn

function [U, info] = rbffd_price (problem, S, N, M)
  if (nargin != 4)
    print_usage ();
  endif
  n = 7;
  P = rbfx_setup (problem, S);
  y = rbfx_nodes (P, N, 16);
  [~, D1, D2] = rbffd_weights (y, y, n);
  interp = @(u, yq) rbffd_weights (yq, y, n) * u;
  [u, v, solves] = rbfx_march (P, y, D1, D2, interp, M);

  ye = log (S(:) / P.K) + P.c * P.T;
  [E0, E1, E2] = rbffd_weights (ye, y, n);
  switch (problem.output)
    case "price"
      U = E0 * u;
    case "delta"
      U = (E1 * u) ./ S(:);
    case "gamma"
      U = (E2 * u - E1 * u) ./ S(:).^2;
    case "vega"
      U = E0 * v;
  endswitch
  U = full (U(:).');
  if (P.barrier)
    U(S >= exp (P.yhi) * P.K) = 0;
  endif
  info = struct ("N", numel (y), "M", M, "c", P.c, "solves", solves);
endfunction

%!test
%! p = benchop_problem ("1a-I");
%! U = rbffd_price (p, p.S, 200, 200);
%! assert (U, bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15), -1e-4);
%!error rbffd_price (1)
