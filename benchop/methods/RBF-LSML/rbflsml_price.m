## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbflsml_price (@var{problem}, @var{S}, @var{N}, @var{M}, @var{L})
## Price @var{problem} at the evaluation points @var{S} (a row) by
## least-squares multilevel RBF collocation on about @var{N} nodes,
## @var{L} levels, with @var{M} BDF2 steps.
##
## The finest level's centres come from @code{rbfx_nodes} (about @var{N},
## clustered at the strike and dense over the bulk of the distribution);
## each coarser level takes every other centre of the next finer one, both
## ends kept, so the levels are nested.  A centre carries the multiquadric
## sqrt (1 + (ep_j (y - y_j))^2) with ep_j = 0.4 / h_j, h_j the mean distance
## to its neighbours in its own level: the coarse levels are wide and
## smooth, the finest narrow, the support scale shrinking with the spacing
## as in multilevel approximation.  The evaluation points Y, where each
## step is fitted in least squares, are about 2 @var{N} points of the same
## distribution (the oversampling of least-squares RBF methods).  Delta and
## gamma differentiate the approximant: delta = u_y / S, gamma = (u_yy -
## u_y) / S^2.
## @end deftypefn

function [U, info] = rbflsml_price (problem, S, N, M, L)
  if (nargin != 5)
    print_usage ();
  endif
  P = rbfx_setup (problem, S);
  ## Oversampled evaluation points; the finest level's centres, and each
  ## coarser level every other centre of the next finer one.
  Y = rbfx_nodes (P, 2 * N, 64);
  x = rbfx_nodes (P, N, 64);
  xc = cell (L, 1);
  ep = cell (L, 1);
  for k = L:-1:1
    h = diff (x);
    xc{k} = x;
    ep{k} = 0.4 ./ [h(1); (h(1:end-1) + h(2:end)) / 2; h(end)];
    x = x([1:2:end-1, end]);
  endfor
  nk = cellfun (@numel, xc);
  xc = vertcat (xc{:});
  ep = vertcat (ep{:});
  [c, cv, solves] = rbflsml_march (P, Y, xc, ep, nk, M);

  ye = log (S(:) / P.K) + P.c * P.T;
  [E0, E1, E2] = rbflsml_mq (ye, xc, ep);
  switch (problem.output)
    case "price"
      U = E0 * c;
    case "delta"
      U = (E1 * c) ./ S(:);
    case "gamma"
      U = (E2 * c - E1 * c) ./ S(:).^2;
    case "vega"
      U = E0 * cv;
  endswitch
  U = U(:).';
  info = struct ("N", nk(end), "levels", L, "centres", sum (nk),
                 "points", numel (Y), "M", M, "c", P.c, "solves", solves);
endfunction

%!test
%! p = benchop_problem ("1a-I");
%! [U, info] = rbflsml_price (p, p.S, 60, 100, 2);
%! assert (U, benchop_reference (p), -1e-3);
%! assert (info.levels, 2);
%!error rbflsml_price (1)
