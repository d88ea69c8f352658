## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{info}] =} fdnu_price1d (@var{p}, @var{pts}, @var{q}, @var{ref}, @var{N0}, @var{M0})
## Price a one-factor @var{p} (a validated problem struct) at the spots
## @var{pts} on a non-uniform S grid at resolution @var{q}, refined
## @var{ref} times, with base counts @var{N0} intervals and @var{M0} time
## steps; @var{V} holds @code{@var{p}.output} at @var{pts}.
##
## Models: Black-Scholes, with a proportional dividend, with the local
## volatility of problems 3-I and 3-II (the latter relative to the spot
## @code{@var{pts}}, which must then be a scalar), Merton jump diffusion.
##
## The grid (@pxref{fdnu_grid}) runs 6 standard deviations of ln S_T (and
## the drift) beyond the strike and the points, or up to the barrier.  It
## is clustered about the middle of the path of the kink, K e^(-mu T/2),
## with a width that covers both the spread sigma sqrt(T) and the drift
## mu T of the kink during the life of the option (set II: 2.5% drift
## against a 0.5% spread; mu = r, less lambda kappa for Merton's
## compensated jumps); also at an up-and-out barrier within reach, and, for
## American exercise with a narrow boundary layer sigma^2 K / (2 |mu|)
## (drift-dominated), at the strike where the exercise boundary starts.
## The numbers of intervals and steps are about N0 q (1 + Pe) and
## M0 q (1 + Pe) with Pe = |mu| T / (sigma sqrt(T)) (sigma the diffusion's
## volatility, without the jumps, which leave most of the kink in place;
## Pe capped at 2 with jumps, whose dense matrix makes a step cost N^2),
## times @var{ref} for the nested refined grid of the extrapolation.
## Delta and gamma come from the grid's second-order differences, vega from
## the sigma-differentiated equation (@pxref{fdnu_march}) or, for American
## exercise, from central differences of two more solves on the same grid.
## @end deftypefn

function [V, info] = fdnu_price1d (p, pts, q, ref, N0, M0)
  if (nargin != 6)
    print_usage ();
  endif
  K = p.K; T = p.T; r = p.r;
  pts = pts(:).';
  call = strcmp (p.payoff, "call");
  american = strcmp (p.exercise, "american");
  B = Inf;
  if (strcmp (p.barrier, "up-and-out"))
    B = p.B;
  endif
  D = 0; taud = [];
  if (strcmp (p.model, "black-scholes-dividend"))
    D = p.D;
    taud = (1 - p.alpha) * T;          # time to maturity of the drop
  endif

  ## Volatility scales for the grid: skink for the diffusion that smooths
  ## the payoff kink, seff for the spread of S_T (jumps included).
  lam = 0;
  switch (p.model)
    case {"black-scholes", "black-scholes-dividend", "merton"}
      sig = p.sigma;
      skink = seff = sig;
      if (strcmp (p.model, "merton"))
        lam = p.lambda;
        seff = sqrt (sig^2 + lam * (p.gamma^2 + p.delta^2));
      endif
    case "local-vol-parametric"
      lvar = @(s, t) local_vol_parametric (s, t).^2;
    case "local-vol-implied-surface"
      ## Gatheral's formula turns imaginary where the surface has calendar
      ## arbitrage (far from the money, T above about 1.2): local variance
      ## floored at zero there, so the equation stays well posed.
      lvar = @(s, t) clean (local_vol_surface (s, t, pts, r).^2);
  endswitch
  if (strncmp (p.model, "local-vol", 9))
    ss = K * (0.6:0.1:1.6) .* [1; 1; 1];
    tt = T * [0; 0.5; 1] .* ones (1, 11);
    skink = seff = sqrt (max (lvar (ss(:), tt(:))));
  endif

  ## Grid: clustered about the middle of the kink's drift K e^(-mu tau),
  ## with a width that covers the drift and part of the spread; 6 standard
  ## deviations (and the drift) beyond the strike and the points; refined
  ## with the Peclet-like ratio of drift to spread, which sets how many
  ## nodes the drifting kink needs (set II: five times as many).
  sk = skink * sqrt (T);
  sd = seff * sqrt (T);
  mu = r;                              # drift of S between jumps
  if (lam > 0)
    kap = exp (p.gamma + p.delta^2 / 2) - 1;
    mu = r - lam * kap;
  endif
  Pe = abs (mu) * T / sk;
  if (lam > 0)
    ## The dense jump matrix makes a step cost N^2: cap the refinement (the
    ## jumps smooth the kink anyway).
    Pe = min (Pe, 2);
  endif
  N = round (N0 * q * (1 + Pe));
  M = round (M0 * q * (1 + Pe));
  wK = K * (0.5 * sk + 0.3 * abs (mu) * T);
  cK = K * exp (-0.5 * mu * T);
  Smax = max (K, max (pts)) * exp (abs (mu) * T + 6 * sd);
  Smin = min (K, min (pts)) * exp (-abs (mu) * T - 6 * sd) * (1 - D);
  c = cK;
  w = wK;
  Stop = Smax;
  if (isfinite (B))
    Stop = B;
    if (B < Smax)
      c(end+1) = B;
      w(end+1) = wK;
    endif                              # else out of reach: no clustering
  endif
  if (american && mu != 0)
    ## Next to the exercise boundary, which starts at K, the continuation
    ## value has a layer of width about sigma^2 S / (2 |r|) (drift against
    ## diffusion): narrow in set II, where it needs a cluster of its own.
    ell = 2 * skink^2 * K / (2 * abs (mu));
    if (ell < wK / 2)
      xi = @(s, c, w) sum (asinh ((s - c) ./ w));
      grow = (xi (Stop, [c K], [w ell]) - xi (Smin, [c K], [w ell])) ...
             / (xi (Stop, c, w) - xi (Smin, c, w));
      c(end+1) = K;
      w(end+1) = ell;
      N = round (N * grow);
    endif
  endif
  S = fdnu_grid (c, w, Smin, Stop, K, B, N, ref);

  pde.T = T;
  pde.american = american;
  if (call)
    pde.U0 = max (S - K, 0);
  else
    pde.U0 = max (K - S, 0);
  endif
  pde.div = [];
  if (D > 0)
    pde.div = [taud, D];
  endif
  pde.bc = @(tau) boundary (tau, S, K, r, D, taud, B, call, american);
  pde.vega = false;
  if (lam > 0)
    if (call)
      slopes = [0 1];
    else
      slopes = [-1 0];
    endif
    [J, e] = fdnu_jump_matrix (S, p.gamma, p.delta, slopes);
    pde.jump = @(U, tau) lam * (J * U + e);
    pde.coef = @(tau) coefs (0.5 * sig^2 * S.^2, (r - lam * kap) * S, r + lam);
    pde.frozen = true;
  elseif (exist ("lvar", "var"))
    ## Calendar time t = T - tau.
    pde.coef = @(tau) coefs (0.5 * lvar (S, T - tau) .* S.^2, r * S, r);
    pde.frozen = false;
  else
    pde.coef = @(tau) coefs (0.5 * sig^2 * S.^2, r * S, r);
    pde.frozen = true;
  endif

  out = p.output;
  if (strcmp (out, "vega") && ! american)
    pde.vega = true;
    pde.sigma = sig;
    [U, W, solves] = fdnu_march (S, pde, M, ref);
    V = fdnu_interp (S, W, pts);
  elseif (strcmp (out, "vega"))
    ## American: the constraint makes the differentiated equation a
    ## complementarity problem; difference two solves on the same grid.
    ds = 1e-3 * sig;
    pde.coef = @(tau) coefs (0.5 * (sig + ds)^2 * S.^2, r * S, r);
    [Up, ~, s1] = fdnu_march (S, pde, M, ref);
    pde.coef = @(tau) coefs (0.5 * (sig - ds)^2 * S.^2, r * S, r);
    [Um, ~, s2] = fdnu_march (S, pde, M, ref);
    V = fdnu_interp (S, (Up - Um) / (2 * ds), pts);
    solves = s1 + s2;
  else
    [U, ~, solves] = fdnu_march (S, pde, M, ref);
    switch (out)
      case "price"
        V = fdnu_interp (S, U, pts);
      case "delta"
        V = fdnu_interp (S, diffs (S, U, 1), pts);
      case "gamma"
        V = fdnu_interp (S, diffs (S, U, 2), pts);
    endswitch
  endif
  if (isfinite (B))
    V(pts >= B) = 0;
  endif
  info = struct ("N", numel (S) - 1, "M", M * ref, "solves", solves);
endfunction

function v = boundary (tau, S, K, r, D, taud, B, call, american)
  ## At a row of times: the dividend still ahead (in calendar time) where
  ## tau > taud.
  f = 1;
  if (D > 0)
    f = 1 - D * (tau > taud);
  endif
  z = zeros (size (tau));
  if (call)
    lo = z;
    if (isfinite (B))
      hi = z;
    else
      hi = f * S(end) - K * exp (-r * tau);
      if (american)
        hi = max (hi, S(end) - K);
      endif
    endif
  else
    lo = K * exp (-r * tau) - f * S(1);
    if (american)
      lo = (K - S(1)) + z;
    endif
    hi = z;
  endif
  v = [lo; hi];
endfunction

function [a, b, c] = coefs (a, b, c)
  ## The three coefficients as three outputs (deal's job, without its
  ## input parsing on every step).
endfunction

function v = clean (v)
  v = real (v);
  v(! (v > 0)) = 0;                    # negative or NaN
endfunction

function d = diffs (S, U, k)
  ## Second-order first (k = 1) or second (k = 2) differences at the nodes,
  ## central on the interior, copied at the ends (never read there).
  n = numel (S);
  i = 2:n-1;
  hm = S(i) - S(i-1);
  hp = S(i+1) - S(i);
  if (k == 1)
    d = (-hp ./ (hm .* (hm + hp))) .* U(i-1) + ((hp - hm) ./ (hm .* hp)) .* U(i) ...
        + (hm ./ (hp .* (hm + hp))) .* U(i+1);
  else
    d = 2 * (U(i-1) ./ (hm .* (hm + hp)) - U(i) ./ (hm .* hp) ...
             + U(i+1) ./ (hp .* (hm + hp)));
  endif
  d = [d(1); d; d(end)];
endfunction

%!test
%! ## Second order: the error falls about fourfold when the grid and the
%! ## steps are halved (refinement by nested grids).
%! p = benchop_problem ("1a-I");
%! ref = bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15);
%! e1 = max (abs (fdnu_price1d (p, p.S, 2, 1, 40, 40) - ref));
%! e2 = max (abs (fdnu_price1d (p, p.S, 2, 2, 40, 40) - ref));
%! assert (e1 / e2, 4, 0.5);
%!test
%! ## Delta and gamma from the grid, vega from the differentiated equation.
%! for out = {"delta", "gamma", "vega"}
%!   p = benchop_problem (["1a-I-" out{1}]);
%!   ref = bs_european ("call", out{1}, p.S, 100, 1, 0.03, 0.15);
%!   assert (fdnu_price1d (p, p.S, 4, 2, 40, 40), ref, -1e-3);
%! endfor
%!error fdnu_price1d (1, 2)
