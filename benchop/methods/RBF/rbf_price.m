## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbf_price (@var{problem}, @var{S}, @var{N}, @var{M})
## Price @var{problem} at the evaluation points @var{S} (a row) by global
## multiquadric collocation on about @var{N} nodes with @var{M} BDF2 steps.
##
## The nodes come from @code{rbfx_nodes}.  Each node y_j carries the
## multiquadric sqrt (1 + (ep_j (y - y_j))^2) with ep_j = 0.4 / h_j, h_j the
## mean distance to its neighbours.  Tying the shape to the spacing keeps
## the collocation matrix A solvable (condition number about 1e8 to 1e10
## for the node counts used) while 0.4 is flat enough that the spatial
## error stays far below the time and smoothing errors.  The
## differentiation matrices are D1 = A1 / A and D2 = A2 / A (A1, A2 the
## derivatives of the basis at the nodes), so the march works on nodal
## values (@pxref{rbfx_march}).  With an up-and-out barrier at y_hi within
## s / 2 above the strike (s = P.s) the strike cluster is narrowed from
## s / 16 to y_hi / 8: the payoff then lives on [0, y_hi] only.  Delta
## and gamma come from differentiating the interpolant: delta = u_y / S,
## gamma = (u_yy - u_y) / S^2.
## @end deftypefn

function [U, info] = rbf_price (problem, S, N, M)
  if (nargin != 4)
    print_usage ();
  endif
  P = rbfx_setup (problem, S);
  kw = 16;
  if (P.barrier && P.yhi > 0)
    ## A barrier close above the strike (within s / 2) confines the payoff
    ## to [0, yhi]: the strike cluster scales with yhi instead of s, or its
    ## few nodes between strike and barrier leave an O(1e-3) error.
    kw = 16 * max (1, P.s / (2 * P.yhi));
  endif
  y = rbfx_nodes (P, N, 64, kw);
  h = diff (y);
  h = [h(1); (h(1:end-1) + h(2:end)) / 2; h(end)];
  ep = 0.4 ./ h;
  [A, A1, A2] = rbf_mq (y, y, ep);
  D1 = A1 / A;
  D2 = A2 / A;
  interp = @(u, yq) rbf_mq (yq, y, ep) * (A \ u);
  [u, v, solves] = rbfx_march (P, y, D1, D2, interp, M);

  ye = log (S(:) / P.K) + P.c * P.T;
  [E0, E1, E2] = rbf_mq (ye, y, ep);
  switch (problem.output)
    case "price"
      U = E0 * (A \ u);
    case "delta"
      U = (E1 * (A \ u)) ./ S(:);
    case "gamma"
      lam = A \ u;
      U = (E2 * lam - E1 * lam) ./ S(:).^2;
    case "vega"
      U = E0 * (A \ v);
  endswitch
  U = U(:).';
  if (P.barrier)
    U(S >= exp (P.yhi) * P.K) = 0;
  endif
  info = struct ("N", numel (y), "M", M, "c", P.c, "solves", solves);
endfunction

%!test
%! p = benchop_problem ("1a-I");
%! [U, info] = rbf_price (p, p.S, 40, 60);
%! assert (U, bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15), -1e-4);
%!test
%! ## Barrier close above the strike (B/K 1.05, 1.09): the max level's
%! ## nodes (rbf_solve) meet 1e-4.
%! p = benchop_problem ("1c-I", "K", 94.29, "T", 1.952, "r", 0.0151,
%!                     "sigma", 0.324, "B", 99.41, "S", [85.15 86.46 89.36]);
%! ref = up_and_out_call (p.S, 94.29, 99.41, 1.952, 0.0151, 0.324);
%! assert (rbf_price (p, p.S, 152, 605), ref, -1e-4);
%! p = benchop_problem ("1c-I", "K", 113.4, "T", 1.479, "r", 0.0636,
%!                     "sigma", 0.292, "B", 123.37, "S", [95.05 102.43 113.69]);
%! ref = up_and_out_call (p.S, 113.4, 123.37, 1.479, 0.0636, 0.292);
%! assert (rbf_price (p, p.S, 152, 605), ref, -1e-4);
%!error rbf_price (1)
