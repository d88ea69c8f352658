## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbfpum_price (@var{problem}, @var{S}, @var{N}, @var{M})
## Price the one-dimensional @var{problem} at the evaluation points @var{S}
## (a row) by RBF-PUM collocation on about @var{N} nodes with @var{M} time
## steps (BDF3, @pxref{rbfpum_march}).
##
## Frame and domain are those of @code{rbfx_setup}; the nodes, clustered
## at the strike and, for an up-and-out barrier, at the barrier, come from
## @code{rbfpum_nodes} (strike cluster of width s/8, tail spacing at most
## s dF).  Patches are centred at every third node, with local
## approximations on 11 nodes (@pxref{rbfpum_weights}).  The sparse
## global differentiation matrices D1 and D2 are the blended local ones at
## the nodes, so the march collocates the PDE at every node and works on
## nodal values; the values between nodes (the evaluation points and the
## dividend shift) come from the same blended interpolant, delta = u_y / S
## from its derivative, and gamma = (u_yy - u_y) / S^2 by interpolating
## the collocated derivatives D2 u - D1 u at the nodes (less noisy than
## the second derivative of the blend between nodes, whose weights'
## second derivatives amplify the small mismatches of the patches).
## Vega: for European exercise without a barrier, the identity
## vega = sigma T S^2 gamma of the constant-volatility model (the price
## depends on sigma through sigma^2 T only, given r T), evaluated from the
## same interpolant; otherwise the sensitivity equation of
## @code{rbfpum_march}.
## @end deftypefn

function [U, info] = rbfpum_price (problem, S, N, M)
  if (nargin != 4)
    print_usage ();
  endif
  m = 3;
  n = 11;
  P = rbfx_setup (problem, S);
  ## Without early exercise or a barrier the Black-Scholes price depends on
  ## sigma only through sigma^2 tau in y, and S^2 d2/dS2 commutes with the
  ## pricing operator (and with the dividend's dilation): vega =
  ## sigma T S^2 gamma exactly, with no sensitivity equation to march.
  scaled_gamma = P.vega && ! P.american && ! P.barrier;
  P.vega = P.vega && ! scaled_gamma;
  y = rbfpum_nodes (P, N, 8, 1);
  [~, D1, D2] = rbfpum_weights (y, y, m, n);
  interp = @(u, yq) rbfpum_weights (yq, y, m, n) * u;
  [u, v, solves] = rbfpum_march (P, y, D1, D2, interp, M);

  ye = log (S(:) / P.K) + P.c * P.T;
  [E0, E1] = rbfpum_weights (ye, y, m, n);
  switch (problem.output)
    case "price"
      U = E0 * u;
    case "delta"
      U = (E1 * u) ./ S(:);
    case "gamma"
      U = E0 * (D2 * u - D1 * u) ./ S(:).^2;
    case "vega"
      if (scaled_gamma)
        U = P.sigma * P.T * (E0 * (D2 * u - D1 * u));
      else
        U = E0 * v;
      endif
  endswitch
  U = full (U(:).');
  if (P.barrier)
    U(S >= exp (P.yhi) * P.K) = 0;
  endif
  info = struct ("N", numel (y), "M", M, "c", P.c, "solves", solves);
endfunction

%!test
%! p = benchop_problem ("1a-I");
%! U = rbfpum_price (p, p.S, 100, 100);
%! assert (U, bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15), -1e-4);
%!error rbfpum_price (1)
