## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{info}] =} fdnu_heston (@var{p}, @var{q}, @var{ref})
## Price a European call or put under Heston's model (problem struct
## @var{p}) at the spots @code{@var{p}.S} and variance @code{@var{p}.V0} by
## finite differences on a non-uniform (S, V) grid with the Modified
## Craig-Sneyd ADI scheme, after in 't Hout and Foulon (2010).
##
## The S grid is the one of @ref{fdnu_grid} (sinh map clustered at the
## strike, the strike a node, and at the evaluation point farthest out of
## or in the money on either side, whose price decays over a length
## S vbar T / |ln (S/K)|), the V grid the sinh map v_j = d sinh(j dxi)
## clustered at V = 0, where the PDE degenerates and the solution varies
## most.  The operator is split into the mixed-derivative part A0 (explicit)
## and the S part A1 and V part A2 (each implicit: tridiagonal after a
## reordering), with second-order central differences (in V upwinded where
## the mean reversion dominates the diffusion, at large V; in S central
## throughout, as upwinding the drift where V is small would cost an
## order), and a second-order one-sided difference for the V = 0 row.  Boundaries: Dirichlet at S = 0, at
## S_max (the intrinsic forward value) and at V_max (the value as V grows
## without bound: S for a call).  Time (@pxref{fdnu_adi}): four Douglas
## half steps with theta = 1 damp the payoff kink (as Rannacher's start
## does), then MCS with theta = 1/3.  Out of the money the time error
## dominates (the price there builds up late, from paths through high
## variance), while a step costs only a few tridiagonal solves: @var{q}
## scales the grid (about 30 q by 15 q nodes, more with the clusters at
## out-of-the-money points, and 36 q steps), @var{ref} refines it (nested
## grids, for Richardson extrapolation).
## @end deftypefn

function [V, info] = fdnu_heston (p, q, ref)
  if (nargin != 3)
    print_usage ();
  endif
  K = p.K; T = p.T; r = p.r;
  kap = p.kappa; eta = p.theta; sv = p.sigma_v; rho = p.rho;
  pts = p.S(:).';
  call = strcmp (p.payoff, "call");

  vs = max (p.V0, eta);
  sd = sqrt (vs * T);
  Ns = round (30 * q);
  Nv = round (15 * q);
  M = round (36 * q) * ref;
  wK = K * (0.5 * sd + 0.3 * abs (r) * T);
  Smax = max (K, max (pts)) * max (4, exp (abs (r) * T + 8 * sd));
  Smin = min (K, min (pts)) * min (0.25, exp (-abs (r) * T - 8 * sd));
  ## Out of the money the price decays like exp (-ln(S/K)^2 / (2 sd^2)),
  ## over a length S sd^2 / |ln (S/K)| much shorter than the spacing the
  ## strike's cluster leaves there: the farthest point on either side of
  ## the strike gets a cluster three times that width, and the grid as many more
  ## nodes as keeps the spacing at the strike.
  c = K;
  w = wK;
  xi = @(x, c, w) sum (asinh ((x - c) ./ w));
  for side = [-1 1]
    far = pts(side * (pts - K) > 2 * wK);
    if (! isempty (far))
      [~, k] = max (abs (log (far / K)));
      c(end+1) = far(k);
      w(end+1) = 3 * far(k) * vs * T / abs (log (far(k) / K));
    endif
  endfor
  grow = (xi (Smax, c, w) - xi (Smin, c, w)) / (xi (Smax, K, wK) - xi (Smin, K, wK));
  Ns = round (Ns * grow);
  s = fdnu_grid (c, w, Smin, Smax, K, Inf, Ns, ref);
  Vmax = 5 * max (1, vs);
  d = vs / 2;
  xm = asinh (Vmax / d);
  v = d * sinh ((0:Nv*ref).' * (xm / (Nv * ref)));
  ns = numel (s);
  nv = numel (v);
  n = ns * nv;

  ## S part: one tridiagonal block per V node (index i + (j-1) ns).
  blocks = cell (nv, 1);
  for j = 1:nv
    if (j == nv)
      blocks{j} = sparse (ns, ns);     # Dirichlet row V = Vmax
    else
      blocks{j} = fdnu_operator (s, 0.5 * v(j) * s.^2, r * s, r / 2, false);
    endif
  endfor
  A1 = blkdiag (blocks{:});
  ## V part, the same for every S node; V = 0 row: kappa eta U_V - r U / 2
  ## by a second-order forward difference.
  A2v = fdnu_operator (v, 0.5 * sv^2 * v, kap * (eta - v), r / 2);
  h1 = v(2) - v(1); h2 = v(3) - v(2);
  fw = [-(2*h1 + h2) / (h1 * (h1 + h2)), (h1 + h2) / (h1 * h2), ...
        -h1 / (h2 * (h1 + h2))];
  A2v(1, 1:3) = kap * eta * fw;
  A2v(1, 1) -= r / 2;
  Is = speye (ns);
  A2 = kron (A2v, Is);
  ## S-boundary rows are Dirichlet in A2 too.
  sb = false (ns, 1);
  sb([1 ns]) = true;
  bnd = repmat (sb, nv, 1);
  bnd(end-ns+1:end) = true;
  A2(bnd, :) = 0;
  ## Mixed derivative rho sv V S U_SV, central differences both ways.
  A0 = rho * sv * kron (spdiags (v, 0, nv, nv) * fdnu_central (v),
                        spdiags (s, 0, ns, ns) * fdnu_central (s));
  A0(bnd, :) = 0;

  [SS, VV] = ndgrid (s, v);
  if (call)
    U = max (SS(:) - K, 0);
  else
    U = max (K - SS(:), 0);
  endif
  U = fdnu_adi (A0, A1, A2, U, ns, bnd,
                @(tau) boundary (SS(bnd), VV(bnd), K, r, tau, call), T, M);
  U = reshape (U, ns, nv);
  ## Interpolate: first in V at V0 for every S node, then in S.
  Uv = fdnu_interp (v, U.', p.V0).';
  V = fdnu_interp (s, Uv, pts);
  info = struct ("N", [ns nv] - 1, "M", M, "solves", 4 * M);
endfunction

function g = boundary (s, v, K, r, tau, call)
  ## Dirichlet values: S = 0, S = Smax (deep in or out of the money) and
  ## V = Vmax (huge variance: a call is worth S, a put K e^(-r tau)).
  smax = max (s);
  vmax = max (v);
  if (call)
    g = max (s - K * exp (-r * tau), 0);
    g(v == vmax & s < smax & s > min (s)) = s(v == vmax & s < smax & s > min (s));
  else
    g = max (K * exp (-r * tau) - s, 0);
    g(v == vmax) = K * exp (-r * tau);
  endif
endfunction

%!test
%! ## Against the characteristic-function reference, default problem.
%! p = benchop_problem ("4");
%! U = (4 * fdnu_heston (p, 2, 2) - fdnu_heston (p, 2, 1)) / 3;
%! assert (U, [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-4);
%!error fdnu_heston (1, 2)
