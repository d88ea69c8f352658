## -*- texinfo -*-
## @deftypefn  {} {@var{g} =} fd_grid (@var{problem}, @var{m}, @var{mt})
## @deftypefnx {} {@var{g} =} fd_grid (@var{problem}, @var{m}, @var{mt}, @var{refine})
## @deftypefnx {} {[@var{g}, @var{g2}] =} fd_grid (@dots{})
## Uniform space grid and time levels for the Black-Scholes PDE of
## @var{problem}.
##
## The PDE is solved in y = ln S + c tau (tau the time to maturity), where
## it reads u_tau = sigma^2/2 u_yy + (mu - c) u_y - r u, mu = r - sigma^2/2.
## Without a barrier within reach the grid moves with the drift, c = mu:
## the convection term vanishes, so a drift that dominates the diffusion
## (e.g. sigma = 0.01, r = 0.1) costs neither extra nodes nor extra time
## steps.  An up-and-out barrier within reach fixes the grid to S (c = 0)
## and closes it at ln B; then h is also at most sigma^2 / |mu|, so the
## central convection differences keep positive off-diagonals (no
## oscillations), and the time steps grow with the Peclet number
## Pe = |mu| T / w, the distance the drift moves the density in units of its
## width w = sigma sqrt (T).
##
## The grid follows the parameters: it covers every evaluation point, the
## way its density travels over [0, T], and the strike, plus 7 standard
## deviations w on either side (so the truncated ends are equally far, in
## probability, from the points for any parameters); the spacing is
## h = w / @var{m}; the nodes are y = ln K + j h, so the strike is a node of
## the payoff (and ln B is a node when it closes the grid).  There are
## M = @var{mt} (1 + Pe) time steps, uniform, or for American exercise
## graded as tau_k = T (k/M)^2, fine near expiry where the early-exercise
## boundary moves fastest.  Budgets of 8000 intervals and 1000 steps
## (before refinement) bound the work for extreme parameters only; should
## the node budget force h above sigma^2 / |mu - c|, convection is upwinded.
##
## With @var{refine} = k, the grid of (@var{m}, @var{mt}) is refined k
## times in space and time (h / k, k M steps, same domain), so that grids
## of one (@var{m}, @var{mt}) nest exactly, as Richardson extrapolation
## needs; a second output @var{g2} is the grid refined 2 @var{refine} times,
## at the cost of one call.
##
## Other models: the local-volatility models use the scale of
## @ref{fd_vol_scale} (typical volatility for the spacing and the frame,
## largest below and above for the two ends); the Merton model moves the frame with the
## compensated drift r - sigma^2/2 - lambda kappa, and its extent follows
## the total standard deviation sqrt ((sigma^2 + lambda (gamma^2 +
## delta^2)) T) and the mean jump move lambda gamma T; it has at least
## 2 lambda T steps (explicit jumps, @pxref{fd_march_jump}).  With a discrete
## dividend (model @qcode{"black-scholes-dividend"}), h divides the log
## drop -ln (1 - D) and the dividend date is a time level.
##
## Fields of @var{g}: @code{y} (column of nodes), @code{h}, @code{N}
## (intervals), @code{tau} (row of the M+1 time levels), @code{M},
## @code{kd} (index in tau of the dividend date, empty without one), the
## sub-steps of the march: the first two steps of each segment (the start,
## and the dividend date, whose jump leaves a kink as the payoff does) each
## split into two implicit Euler half steps (Rannacher 1984; Giles and
## Carter 2006), Crank-Nicolson after, with @code{tnew} (the end of each
## sub-step, time to maturity), @code{alpha} (dt/2 of its full step: the
## matrix is I - alpha A in both kinds), @code{cn} (true for
## Crank-Nicolson) and @code{kj} (the sub-step before which the dividend
## jump is applied, numel (alpha) + 1 for after the last, empty without
## a dividend),
## @code{shift} (the dividend drop in nodes),
## @code{c} and @code{dc} (the frame speed and its sigma-derivative),
## @code{b} (the remaining drift mu - c), @code{barrier} (true when the
## upper end is the barrier), @code{upwind} (true when convection must be
## upwinded).
## @end deftypefn

function varargout = fd_grid (problem, m, mt, refine = 1)
  if (nargin < 3 || nargin > 4)
    print_usage ();
  endif
  ## Standard deviations of ln S_T between the points and a boundary.
  nsd = 7;
  ## Budgets of nodes and time steps (before refinement): they bound the
  ## work for extreme parameters only (then accuracy drops).
  nmax = 8000;
  mmax = 1000;

  T = problem.T;
  r = problem.r;
  xK = log (problem.K);
  xs = log (problem.S(:));
  ## The spacing follows w = sig sqrt (T), the extent wext; jd is the mean
  ## log move of the jumps and dl the log of the dividend drop, both of
  ## which the density travels besides the drift.
  jd = 0;
  dl = 0;
  switch (problem.model)
    case {"local-vol-parametric", "local-vol-implied-surface"}
      [sig, slo, shi] = fd_vol_scale (problem);
      mu = r - sig^2 / 2;
      wext = [slo, shi] * sqrt (T);
    case "merton"
      sig = problem.sigma;
      lam = problem.lambda;
      kap = exp (problem.gamma + problem.delta^2 / 2) - 1;
      mu = r - sig^2 / 2 - lam * kap;
      wext = sqrt ((sig^2 + lam * (problem.gamma^2 + problem.delta^2)) * T) * [1 1];
      jd = lam * T * problem.gamma;
    otherwise
      sig = problem.sigma;
      mu = r - sig^2 / 2;
      wext = sig * sqrt (T) * [1 1];
      if (strcmp (problem.model, "black-scholes-dividend"))
        dl = log (1 - problem.D);
      endif
  endswitch
  w = sig * sqrt (T);

  barrier = strcmp (problem.barrier, "up-and-out");
  if (barrier)
    xB = log (problem.B);
    xs = xs(xs < xB);
    if (isempty (xs))
      xs = xB;                  # every point knocked out: any small grid
    endif
    barrier = xB < max (xs) + max (0, mu * T) + nsd * w;
  endif
  if (barrier)
    c = 0;
    dc = 0;
  else
    c = mu;
    dc = -sig;
  endif
  b = mu - c;
  ## The strike is covered too, so the ends are deep in or out of the money
  ## and the intrinsic boundary values hold even for far-away points.
  lo = min ([xs + c * T + min(0, b * T) + min(0, jd) + dl; xK]) - nsd * wext(1);
  hi = max ([xs + c * T + max(0, b * T) + max(0, jd); xK]) + nsd * wext(2);
  if (barrier)
    hi = xB;
  endif

  h = w / m;
  if (b != 0)
    h = min (h, sig^2 / abs (b));
  endif
  upwind = false;
  if ((hi - lo) / h > nmax)
    h = (hi - lo) / nmax;
    upwind = b != 0 && h > sig^2 / abs (b);
  endif

  ## A dividend drop is a whole number of nodes: the jump condition is then
  ## a shift, exact, with no interpolation.
  shift = 0;
  if (dl < 0)
    shift = ceil (-dl / h);
    h = -dl / shift;
  endif

  ## Nodes a + j h, anchored at the strike; with a barrier, h shrinks so
  ## that ln B is a node too (by at most half, or down to |ln B - ln K| when
  ## B is within a step of K), unless B is within a quarter step of K: then
  ## the barrier is the anchor and the kink falls between nodes.
  a = xK;
  if (barrier)
    d = abs (xB - xK);
    if (d >= h / 4)
      h = d / ceil (d / h);
    else
      a = xB;
    endif
    jhi = round ((xB - a) / h);
  else
    jhi = ceil ((hi - a) / h);
  endif
  jlo = min (floor ((lo - a) / h), jhi - 4);

  M = min (max (4, ceil (mt * (1 + abs (b) * T / w))), mmax);
  if (strcmp (problem.model, "merton"))
    ## The explicit jump term needs lambda dt <= 1/2 (stability margin).
    M = max (M, ceil (2 * problem.lambda * T));
  endif

  ## Time levels: with a dividend, its date tau_d = (1 - alpha) T (time to
  ## maturity) is a level, kd, splitting [0, T] into two segments with steps
  ## in proportion to their lengths (at least 3 each, for the Rannacher
  ## start); American exercise grades the steps of each segment
  ## quadratically towards its start, where the exercise value enters.
  if (strcmp (problem.model, "black-scholes-dividend"))
    br = [0, (1 - problem.alpha) * T, T];
  else
    br = [0, T];
  endif
  graded = strcmp (problem.exercise, "american");
  lvs = strcmp (problem.model, "local-vol-implied-surface");
  g.barrier = barrier;
  g.upwind = upwind;
  g.c = c;
  g.dc = dc;
  g.b = b;
  ## The grid refined refine times, and with two outputs also 2 refine times.
  for o = 1:max (1, nargout)
    rf = refine * o;
    g.h = h / rf;
    g.N = (jhi - jlo) * rf;
    g.y = a + (jlo*rf:jhi*rf).' * g.h;
    if (barrier)
      g.y(end) = xB;
    endif
    tau = 0;
    kd = [];
    tn = [];
    al = [];
    cn = false (1, 0);
    kj = [];
    for i = 1:numel (br) - 1
      len = br(i+1) - br(i);
      if (i == 2)
        kd = numel (tau);
        kj = numel (al) + 1;
      endif
      if (len > 0)
        Mi = max (ceil (M * len / T), min (3, M)) * rf;
        s = (1:Mi) / Mi;
        if (graded)
          s = s .^ 2;
        elseif (lvs)
          ## The surface's sqrt (T) terms make the local volatility behave
          ## like sqrt (t) near t = 0 (tau = T): steps graded so that
          ## T - tau ~ (1 - s)^2 there make it smooth in s again.
          s = (3 * s - s .^ 3) / 2;
        endif
        t = br(i) + len * s;
        d = diff ([br(i), t]);
        ## Rannacher: the first two steps of the segment as two implicit
        ## Euler halves each, Crank-Nicolson after.
        tn = [tn, t(1) - d(1) / 2, t(1), t(2) - d(2) / 2, t(2:end)];
        al = [al, d([1 1 2 2]) / 2, d(3:end) / 2];
        cn = [cn, false(1, 4), true(1, Mi - 2)];
        tau = [tau, t];
      endif
    endfor
    g.M = numel (tau) - 1;
    g.tau = tau;
    g.kd = kd;
    g.tnew = tn;
    g.alpha = al;
    g.cn = cn;
    if (isempty (kj) || kj <= numel (al))
      g.kj = kj;
    else
      g.kj = numel (al) + 1;
    endif
    g.shift = shift * rf;
    varargout{o} = g;
  endfor
endfunction

%!shared p
%! p = struct ("S", [90 100 110], "K", 100, "T", 1, "r", 0.03, "sigma", 0.15,
%!             "barrier", "none", "exercise", "european",
%!             "model", "black-scholes");
%!test
%! ## A dividend: the drop is a whole number of nodes, its date a level.
%! q = p; q.model = "black-scholes-dividend"; q.D = 0.03; q.alpha = 0.8;
%! for ex = {"european", "american"}
%!   q.exercise = ex{1};
%!   g = fd_grid (q, 6, 6, 2);
%!   assert (g.shift * g.h, -log (0.97), 1e-12);
%!   assert (g.tau(g.kd), 0.2, 1e-12);
%!   assert (min (abs (g.y - log (100))) < 1e-12);
%! endfor
%!test
%! g = fd_grid (p, 20, 10);
%! assert (min (abs (g.y - log (100))) < 1e-12);
%! mu = 0.03 - 0.15^2 / 2;
%! assert (g.y(1) < log (90) + mu - 7 * 0.15 && g.y(end) > log (110) + mu + 7 * 0.15);
%! assert (diff (g.y), g.h * ones (g.N, 1), 1e-12);
%! assert ([g.c g.b g.M], [mu 0 10]);
%! assert (g.tau([1 end]), [0 1]);
%!test
%! q = p; q.exercise = "american";
%! g = fd_grid (q, 20, 10);
%! assert (g.tau(2), 1 / 100, eps);
%!test
%! ## A barrier within reach: fixed grid ending at ln B, strike a node.
%! q = p; q.barrier = "up-and-out"; q.B = 125; q.S = [90 100 110 130];
%! g = fd_grid (q, 20, 10);
%! assert (g.barrier);
%! assert (g.y(end), log (125));
%! assert (min (abs (g.y - log (100))) < 1e-12);
%! assert (g.c, 0);
%!test
%! ## Drift-dominated with a barrier in reach: h bounded by sigma^2/|mu|,
%! ## more time steps.
%! q = struct ("S", [97 98 99], "K", 100, "T", 0.25, "r", 0.1, "sigma", 0.01,
%!             "barrier", "up-and-out", "B", 101, "exercise", "european",
%!             "model", "black-scholes");
%! g = fd_grid (q, 5, 10);
%! assert (g.barrier);
%! assert (g.h <= 0.01^2 / (0.1 - 0.01^2 / 2));
%! assert (g.M > 50);
%! assert (! g.upwind);
%!test
%! ## The same barrier out of reach is no boundary at all.
%! q = struct ("S", [97 98 99], "K", 100, "T", 0.25, "r", 0.1, "sigma", 0.01,
%!             "barrier", "up-and-out", "B", 125, "exercise", "european",
%!             "model", "black-scholes");
%! g = fd_grid (q, 5, 10);
%! assert (! g.barrier);
%! assert (g.M, 10);
%!test
%! ## Refined grids nest.
%! q = p; q.barrier = "up-and-out"; q.B = 125;
%! g1 = fd_grid (q, 7.3, 9.1);
%! g2 = fd_grid (q, 7.3, 9.1, 2);
%! assert (g2.y(1:2:end), g1.y, 1e-12);
%! assert (g2.tau(1:2:end), g1.tau, 1e-12);
%!test
%! ## A barrier a hair above the strike does not shrink the spacing.
%! q = p; q.barrier = "up-and-out"; q.B = 100.01;
%! g = fd_grid (q, 20, 10);
%! assert (g.y(end), log (q.B));
%! assert (g.h, 0.15 / 20, 1e-12);
%!test
%! ## Sub-steps: Rannacher halves at the start and after the dividend.
%! q = p; q.model = "black-scholes-dividend"; q.D = 0.03; q.alpha = 0.5;
%! g = fd_grid (q, 6, 8);
%! assert (g.tau, [0 0.125 0.25 0.375 0.5 0.625 0.75 0.875 1], 1e-12);
%! assert (numel (g.alpha), 8 + 4);
%! assert (g.tnew(1:5), [0.0625 0.125 0.1875 0.25 0.375], 1e-12);
%! assert (g.cn, [false(1,4) true(1,2) false(1,4) true(1,2)]);
%! assert (g.tnew(g.kj), 0.5625, 1e-12);
%! assert (g.alpha, 0.0625 * ones (1, 12), 1e-12);
%!test
%! ## A dividend at maturity (alpha = 1) or today (alpha = 0).
%! q = p; q.model = "black-scholes-dividend"; q.D = 0.03; q.alpha = 1;
%! g = fd_grid (q, 6, 4);
%! assert (g.kj, 1);
%! q.alpha = 0;
%! g = fd_grid (q, 6, 4);
%! assert (g.kj, numel (g.alpha) + 1);
%! assert (isempty (fd_grid (p, 6, 4).kj));
%!error fd_grid (1, 2)
