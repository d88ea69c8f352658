## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{info}] =} fdad_price (@var{p}, @var{pts}, @var{tol}, @var{M}, @var{nmax})
## Price the one-factor problem @var{p} (checked, @pxref{fdad_check}) at
## the spots @var{pts} by finite differences on a space grid adapted to an
## error estimate; @var{V} holds @code{@var{p}.output} at @var{pts}, a row.
##
## The equation is solved for u = U / K in x = ln (S e^(nu tau) / K):
## u_tau = a u_xx + (r - nu - a) u_x - r u with a = sigma(S, t)^2 / 2.
## nu = r (the forward frame) keeps the payoff's kink in place, so a
## drift-dominated problem (sigma sqrt(T) small beside r T, set II) is a
## pure diffusion about a fixed kink; nu = 0 (the spot frame) when an
## up-and-out barrier is within reach, so that the barrier is a fixed last
## node where u = 0.  The domain reaches 6 standard deviations of ln S_T
## and the drift beyond the strike and the points (and the dividend's
## drop).  Three stages:
## @enumerate
## @item a pilot solve on a coarse uniform grid (48 intervals, 24 steps);
## @item the estimate of the space discretisation's local truncation error
## from the pilot solution (@pxref{fdad_estimate}), damped beyond one
## standard deviation from the points by the spread of ln S_T (an error far
## away reaches the points only through the diffusion), and the grid that
## equidistributes it below @var{tol} times the smallest value priced (the
## pilot's), with at most @var{nmax} intervals (@pxref{fdad_grid});
## @item the final solve on that grid with @var{M} N / 100 steps for N
## intervals (the time error falls with the space error), graded toward
## maturity (@pxref{fdad_steps}).
## @end enumerate
## Delta and gamma are the derivatives in S at the points of the quintic
## through the six nodes around each; vega comes from the sigma-derivative
## of the discrete scheme marched alongside (@pxref{fdad_march}), or, for
## American exercise, from central differences of two solves on the same
## grid.  @var{info} has the final grid's @code{N} (intervals), @code{M}
## (steps) and the pilot's @code{Np}.
## @end deftypefn

function [V, info] = fdad_price (p, pts, tol, M, nmax)
  if (nargin != 5)
    print_usage ();
  endif
  K = p.K; T = p.T; r = p.r;
  zq = log (pts(:).' / K);
  call = strcmp (p.payoff, "call");
  american = strcmp (p.exercise, "american");
  shift = 0;
  tau_d = [];
  if (strcmp (p.model, "black-scholes-dividend"))
    shift = log (1 - p.D);
    tau_d = (1 - p.alpha) * T;
  endif
  ## nu = r: the forward frame x = ln (S e^(r tau) / K); nu = 0: the spot
  ## frame x = ln (S / K).  S = K e^(x - nu tau).
  switch (p.model)
    case {"black-scholes", "black-scholes-dividend"}
      a = p.sigma^2 / 2;
      coef = @(x, nu) @(tau) deal (a, r - nu - a, r);
      frozen = true;
      srep = p.sigma;
    case "local-vol-parametric"
      coef = @(x, nu) @(tau) lv (local_vol_parametric (K * exp (x - nu * tau),
                                                       T - tau + 0 * x), r, nu);
      frozen = false;
    case "local-vol-implied-surface"
      coef = @(x, nu) @(tau) lv (local_vol_surface (K * exp (x - nu * tau),
                                                    T - tau + 0 * x, pts, r),
                                 r, nu);
      frozen = false;
  endswitch
  if (! frozen)
    ## A representative volatility for the domain: the largest near the
    ## money over the life.
    [aa, ~, ~] = coef (log (0.6:0.1:1.6).', 0) (T * [0 0.5 1]);
    srep = sqrt (2 * max (aa(:)));
  endif

  ## Domain: 6 standard deviations and the drift beyond the strike and the
  ## points.  The forward frame keeps the payoff's kink in place (a pure
  ## diffusion when sigma sqrt(T) is small beside r T, set II); a barrier
  ## within reach stays a fixed node in the spot frame.
  sd = srep * sqrt (T);
  zlo = min ([0, zq]) - abs (r) * T - 6 * sd + shift;
  zhi = max ([0, zq]) + abs (r) * T + 6 * sd;
  nu = r;
  barrier = strcmp (p.barrier, "up-and-out") && log (p.B / K) < zhi + 2 * sd;
  if (barrier)
    nu = 0;
    zhi = log (p.B / K);
  else
    zlo += min (r * T, 0);
    zhi += max (r * T, 0);
  endif
  xq = zq + nu * T;

  ## 1. Pilot: uniform, the strike a node.
  Np = 48;
  hp = (zhi - zlo) / Np;
  nr = max (2, ceil (zhi / hp));
  hp = zhi / nr;
  xp = (-ceil (-zlo / hp):nr).' * hp;
  grade = @(s) s.^2;
  if (! frozen)
    grade = @(s) s.^2 .* (3 - 2 * s);
  endif
  Mp = 24;
  stp = fdad_steps (T, Mp, tau_d, grade);
  pde = setup (xp, coef, nu, frozen, p, call, american, barrier, shift, tau_d);
  [~, ~, H] = fdad_march (xp, pde, stp);

  ## 2. The grid from the error estimate; the tolerance is relative to the
  ## smallest value priced (the pilot's; for a Greek, its size in units of
  ## the price, which is small in the tails).
  scale = greek_scale (xp, H(:, end), xq, p.output, sd);
  E = fdad_estimate (xp, H, stp, pde.coef, frozen);
  ## What the points feel of an error made at x: the spread of ln S_T
  ## (beyond one standard deviation of the nearest point) damps it.
  d = max (min (abs (xp - xq), [], 2) - sd, 0);
  E .*= exp (-d.^2 / (2 * sd^2));
  x = fdad_grid (xp, E, tol * scale, (zhi - zlo) / 12, nmax);
  N = numel (x) - 1;

  ## 3. Final solve.
  st = fdad_steps (T, M * N / 100, tau_d, grade);
  pde = setup (x, coef, nu, frozen, p, call, american, barrier, shift, tau_d);
  out = p.output;
  if (strcmp (out, "vega") && american)
    ds = 1e-3 * p.sigma;
    pde.coef = coef_sigma (p.sigma + ds, r, nu);
    Up = fdad_march (x, pde, st);
    pde.coef = coef_sigma (p.sigma - ds, r, nu);
    Um = fdad_march (x, pde, st);
    V = K * fdad_interp (x, (Up - Um) / (2 * ds), xq);
  else
    pde.vega = strcmp (out, "vega");
    [U, W] = fdad_march (x, pde, st);
    switch (out)
      case "price"
        V = K * fdad_interp (x, U, xq);
      case "vega"
        V = K * fdad_interp (x, W, xq);
      case "delta"
        V = deriv (K * exp (x - nu * T), K * U, pts, 1);
      case "gamma"
        V = deriv (K * exp (x - nu * T), K * U, pts, 2);
    endswitch
  endif
  info = struct ("N", N, "M", numel (st.dt), "Np", Np);
endfunction

function pde = setup (x, coef, nu, frozen, p, call, american, barrier, shift, tau_d)
  ## Payoff, coefficients and boundary values on the grid x.
  r = p.r;
  if (call)
    pay = @(x) max (exp (x) - 1, 0);
  else
    pay = @(x) max (1 - exp (x), 0);
  endif
  pde = struct ("g", pay (x), "american", american, "shift", shift,
                "vega", false, "frozen", frozen, "obstacle", []);
  if (american && nu != 0)
    pde.obstacle = @(tau) pay (x - nu * tau);
  endif
  pde.coef = coef (x, nu);
  f = exp (shift);                     # 1 - D
  xl = x(1); xh = x(end);
  if (call)
    if (barrier)
      pde.bc = @(tau) zeros (2, numel (tau));
    else
      pde.bc = @(tau) [0 * tau; upper_call(tau, xh, r, nu, f, tau_d, american)];
    endif
  elseif (american)
    pde.bc = @(tau) [1 - exp(xl - nu * tau); 0 * tau];
  else
    pde.bc = @(tau) [exp(-r * tau) - fwd(tau, f, tau_d) .* exp(xl - nu * tau);
                     0 * tau];
  endif
endfunction

function v = upper_call (tau, xh, r, nu, f, tau_d, american)
  S = exp (xh - nu * tau);
  v = fwd (tau, f, tau_d) .* S - exp (-r * tau);
  if (american)
    v = max (v, S - 1);
  endif
endfunction

function f = fwd (tau, f, tau_d)
  ## The spot's factor for the dividend still ahead at time to maturity tau.
  if (isempty (tau_d))
    f = 1;
  else
    f = 1 - (1 - f) * (tau > tau_d);
  endif
endfunction

function c = coef_sigma (s, r, nu)
  a = s^2 / 2;
  c = @(tau) deal (a, r - nu - a, r);
endfunction

function [a, b, c] = lv (sig, r, nu)
  a = sig.^2 / 2;
  b = r - nu - a;
  c = r;
endfunction

function s = greek_scale (x, u, xq, out, sd)
  ## The size, in units of u, of the output at the points: u itself for a
  ## price; a Greek's x-derivatives times the spread sd of ln S_T to the
  ## derivative's order (delta ~ u_x sd, gamma and vega ~ (u_xx - u_x)
  ## sd^2), which equals the price's size at the money and is small in
  ## the tails, where a Greek's relative error needs a finer grid.
  n = numel (x);
  h = x(2) - x(1);
  i = 2:n-1;
  u1 = [0; (u(i+1) - u(i-1)) / (2 * h); 0];
  u2 = [0; (u(i+1) - 2 * u(i) + u(i-1)) / h^2; 0];
  switch (out)
    case "price"
      g = u;
    case "delta"
      g = u1 * sd;
    otherwise
      g = (u2 - u1) * sd^2;
  endswitch
  s = max (min (abs (fdad_interp (x, g, xq))), 1e-8);
endfunction

function d = deriv (S, U, pts, k)
  ## The k-th derivative at each point of the quintic through the six
  ## nodes around it: O(h^4), so the Greeks carry the price's error alone.
  n = numel (S);
  d = zeros (size (pts));
  for q = 1:numel (pts)
    j = min (max (lookup (S, pts(q)), 3), n - 3);
    idx = j-2:j+3;
    w = S(j+1) - S(j);
    t = (S(idx).' - pts(q)) / w;
    p = (0:5).';
    V = (t .^ p) ./ factorial (p);      # V(i, j) = t_j^i / i!
    e = zeros (6, 1);
    e(k+1) = 1;
    d(q) = (V \ e).' * U(idx) / w^k;
  endfor
endfunction

%!test
%! p = fdad_check (benchop_problem ("1a-I"), 1);
%! V = fdad_price (p, p.S, 1e-3, 40, 1000);
%! assert (V, bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15), -1e-3);
%!error fdad_price (1, 2)
