## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{info}] =} fdnu_exchange (@var{p}, @var{q}, @var{ref})
## Price the European exchange option max(S1 - S2, 0) on two correlated
## Black-Scholes assets (problem struct @var{p}, model
## @qcode{"black-scholes-2d"}) at the pairs @code{@var{p}.S} (n-by-2) by
## finite differences on a non-uniform grid in (S1, S2) with the Modified
## Craig-Sneyd ADI scheme (@pxref{fdnu_adi}).
##
## Both coordinates use the same sinh grid (@pxref{fdnu_grid}), clustered
## at the geometric mean of the evaluation points, so that the payoff kink
## S1 = S2 runs through the diagonal nodes.  A1 and A2 hold the
## one-dimensional Black-Scholes operators (half the discounting each), A0
## the correlation term rho sigma1 sigma2 S1 S2 U_12 by central
## differences.  The edges, 6 standard deviations beyond the points, are
## Dirichlet nodes with the intrinsic value max(S1 - S2, 0), exact far from
## the diagonal (the value is homogeneous of degree one and needs no
## discounting).  @var{q} scales the grid (about 24 q intervals each way
## and 12 q steps); @var{ref} refines it (nested grids) for Richardson
## extrapolation.
## @end deftypefn

function [V, info] = fdnu_exchange (p, q, ref)
  if (nargin != 3)
    print_usage ();
  endif
  T = p.T; r = p.r; s1 = p.sigma1; s2 = p.sigma2; rho = p.rho;
  P = p.S;
  sig = max (s1, s2);
  sd = sig * sqrt (T);
  c = exp (mean (log (P(:))));
  N = round (24 * q);
  M = round (12 * q) * ref;
  w = c * 0.5 * sd;
  Smin = min (P(:)) * exp (-abs (r) * T - 6 * sd);
  Smax = max (P(:)) * exp (abs (r) * T + 6 * sd);
  s = fdnu_grid (c, w, Smin, Smax, c, Inf, N, ref);
  ns = numel (s);
  I = speye (ns);
  B1 = fdnu_operator (s, 0.5 * s1^2 * s.^2, r * s, r / 2);
  B2 = fdnu_operator (s, 0.5 * s2^2 * s.^2, r * s, r / 2);
  [X1, X2] = ndgrid (s, s);
  bnd = X1(:) == s(1) | X1(:) == s(end) | X2(:) == s(1) | X2(:) == s(end);
  A1 = kron (I, B1);
  A2 = kron (B2, I);
  Ds = spdiags (s, 0, ns, ns) * fdnu_central (s);
  A0 = rho * s1 * s2 * kron (Ds, Ds);
  A1(bnd, :) = 0;
  A2(bnd, :) = 0;
  A0(bnd, :) = 0;
  U = max (X1(:) - X2(:), 0);
  g = U(bnd);
  U = fdnu_adi (A0, A1, A2, U, ns, bnd, @(tau) g, T, M);
  U = reshape (U, ns, ns);
  ## Cubic interpolation in S1 for every S2 node, then in S2, point by point.
  W = fdnu_interp (s, U, P(:, 1));     # n-by-ns
  V = zeros (rows (P), 1);
  for k = 1:rows (P)
    V(k) = fdnu_interp (s, W(k, :).', P(k, 2));
  endfor
  info = struct ("N", [ns ns] - 1, "M", M, "solves", 4 * M);
endfunction

%!test
%! ## Symmetry: with equal volatilities, V(a, b) - V(b, a) = a - b.
%! p = struct ("S", [100 90; 90 100], "T", 1, "r", 0.03, "sigma1", 0.2,
%!             "sigma2", 0.2, "rho", 0.3);
%! V = fdnu_exchange (p, 1, 1);
%! assert (V(1) - V(2), 10, 1e-6);
%!error fdnu_exchange (1, 2)
