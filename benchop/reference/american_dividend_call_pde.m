## -*- texinfo -*-
## @deftypefn {} {@var{V} =} american_dividend_call_pde (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D}, @var{alpha})
## Price of an American call under Black-Scholes on a stock that pays one
## discrete proportional dividend, by a converged finite-difference
## computation that allows exercise at every time, for any sign of @var{r}.
##
## The arguments are those of @code{american_dividend_call_reference},
## which uses this function for r < 0: then a call on a stock without
## dividend may be exercised early (paying K early is cheaper than paying
## it late), so exercise is not confined to the dividend date and the
## quadrature formula does not hold.  For r >= 0 it serves as an
## independent check of that formula.
##
## Method: the PDE in x = ln S on a uniform grid with K a node and a step
## that divides ln(1 - D), so that the dividend jump
## V(x, t1-) = max(e^x - K, V(x + ln(1 - D), t1+)) maps nodes onto nodes;
## at the node nearest the crossing of the two the value is replaced by its
## cell average, computed from the linear model of their difference, which
## keeps the error a smooth function of the step.  Each of the two periods
## is marched by Crank-Nicolson on the time grid tau = len (i/M)^2, which
## resolves the square-root start of the exercise boundary, the first two
## steps replaced by four implicit Euler half steps (Rannacher).  The
## linear complementarity problem of each step is solved exactly by policy
## iteration started from the previous step's exercise set.  Three grids
## with steps h = 0.01, 0.005, 0.0025 sigma sqrt(T) and 400, 800, 1600
## time steps are combined by Richardson extrapolation,
## (64 V_3 - 20 V_2 + V_1)/45.  Spot prices off the grid are read off a
## cubic spline.
##
## Accuracy: for r >= 0 it agrees with the quadrature formula to about
## 1e-8.  For r < 0 the exercise boundary limits the extrapolation: the
## values move by 1e-7 (typically) to 1e-6 relative (low volatility, long
## maturity, exercise near the money) on grids twice as fine, so about
## 1e-6 is what it guarantees.  When -ln(1 - D) is below half the coarsest
## step the jump is interpolated by a spline instead.  A call takes 2 to
## 4 s (longer when, with r >= 0, the spot prices spread over many
## standard deviations of ln S).
## @end deftypefn

function V = american_dividend_call_pde (S, K, T, r, sigma, D, alpha)
  if (nargin != 7)
    print_usage ();
  endif
  ref_check_market ("american_dividend_call_pde", S, {"K", "T", "sigma"}, {K, T, sigma}, r);
  if (! (isnumeric (D) && isreal (D) && isscalar (D) && D >= 0 && D < 1))
    error ("american_dividend_call_pde: D must be a scalar in [0, 1)");
  endif
  if (! (isnumeric (alpha) && isreal (alpha) && isscalar (alpha)
         && alpha > 0 && alpha < 1))
    error ("american_dividend_call_pde: ALPHA must be a scalar in (0, 1)");
  endif

  S = double (S);
  lK = log (K);
  ## Domain: 8 standard deviations of ln S plus its drift beyond K and S.
  W = 8 * sigma * sqrt (T) + abs (r) * T;
  xS = log (S(:));
  ## With r < 0, spot prices more than W from the strike need no grid:
  ## far below it early exercise is worth nothing (the European price,
  ## itself below 1e-14 K, is returned), far above it is exercised at once.
  ## This keeps the grid small when the spot prices spread much further
  ## than the stock does.
  far = false (size (xS));
  if (r < 0)
    far = abs (xS - lK) > W;
  endif
  xa = min ([lK; xS(! far)]) - W;
  xb = max ([lK; xS(! far)]) + W;
  ## Coarsest step, made to divide the jump -ln(1 - D) when it can.
  h1 = 0.01 * sigma * sqrt (T);
  jump = -log1p (-D);
  m = ceil (jump / h1);
  aligned = (jump >= h1 / 2);
  if (aligned)
    h1 = jump / m;
  endif
  nlo = ceil ((lK - xa) / h1);
  nhi = ceil ((xb - lK) / h1);
  t1 = alpha * T;
  lens = [T - t1, t1];
  Ms = max (ceil (400 * lens / T), 8);

  U = zeros (3, numel (S));
  for L = 1:3
    f = 2^(L-1);
    h = h1 / f;
    x = lK + (-nlo*f:nhi*f)' * h;
    X = exp (x);
    n = numel (x);
    g = max (X - K, 0);
    ## Central differences of sigma^2/2 (V_xx - V_x) + r V_x - r V.
    a = sigma^2 / 2;
    lo = a / h^2 - (r - a) / (2 * h);
    up = a / h^2 + (r - a) / (2 * h);
    di = -2 * a / h^2 - r;
    ## Triplets of a tridiagonal matrix in column order: sparse () is
    ## much faster on them than spdiags.
    c = 1:n;
    ri = [c - 1; c; c + 1];
    inside = ri >= 1 & ri <= n;
    ri = ri(inside);
    ci = [c; c; c](inside);
    V = g;
    act = false (n, 1);
    ## Period 1 runs from maturity back to the dividend date, period 2 from
    ## there to today.
    for per = 1:2
      M = Ms(per) * f;
      tg = lens(per) * ((0:M) / M) .^ 2;
      tg = [tg(1), (tg(1) + tg(2)) / 2, tg(2), (tg(2) + tg(3)) / 2, tg(3:end)];
      for s = 1:numel (tg) - 1
        dt = tg(s+1) - tg(s);
        th = 1 - (s > 4) / 2;
        rhs = V;
        rhs(2:end-1) += (1 - th) * dt * (lo * V(1:end-2) + di * V(2:end-1)
                                         + up * V(3:end));
        ## Dirichlet ends: worthless at the bottom; at the top exercised
        ## at once (r < 0) or at the dividend date or maturity (r >= 0).
        rhs(1) = 0;
        if (r < 0)
          rhs(end) = X(end) - K;
        else
          rhs(end) = X(end) - K * exp (-r * tg(s+1));
        endif
        bl = [0; -th * dt * lo * ones(n - 2, 1); 0];
        bd = [1; (1 - th * dt * di) * ones(n - 2, 1); 1];
        bu = [0; -th * dt * up * ones(n - 2, 1); 0];
        ## Policy iteration for min (B V - rhs, V - g) = 0.
        for it = 1:200
          l2 = bl;  d2 = bd;  u2 = bu;  r2 = rhs;
          l2(act) = 0;  u2(act) = 0;  d2(act) = 1;  r2(act) = g(act);
          vals = [[0; u2(1:end-1)].'; d2.'; [l2(2:end); 0].'];
          B = sparse (ri, ci, vals(inside), n, n);
          V = B \ r2;
          BV = bd .* V;
          BV(2:end) += bl(2:end) .* V(1:end-1);
          BV(1:end-1) += bu(1:end-1) .* V(2:end);
          ## Exercise only where it pays something: where g = 0 the two
          ## sides are both rounding noise and would flip back and forth.
          actn = (BV - rhs) > (V - g) & g > 0;
          actn([1 end]) = false;
          if (isequal (actn, act))
            break;
          endif
          act = actn;
        endfor
      endfor
      if (per == 1 && D > 0)
        ## The dividend: the ex-dividend value at (1 - D) X.
        if (aligned)
          sh = m * f;
          Vs = [zeros(sh, 1); V(1:end-sh)];
        else
          Vs = interp1 (x, V, x - jump, "spline");
          Vs(x - jump < x(1)) = 0;
        endif
        d = g - Vs;
        V = max (g, Vs);
        ## Cell average at the node nearest each crossing of g and Vs.
        j = find (d(1:end-1) < 0 & d(2:end) >= 0);
        for jj = j(:).'
          dp = (d(jj+1) - d(jj)) / h;
          xs = x(jj) - d(jj) / dp;
          q = jj + (xs - x(jj) >= h / 2);
          V(q) = Vs(q) + dp * (x(q) + h / 2 - max (xs, x(q) - h / 2))^2 / (2 * h);
        endfor
        act = V <= g & g > 0;
        act([1 end]) = false;
      endif
    endfor
    U(L, ! far) = interp1 (x, V, xS(! far), "spline");
  endfor
  V = (64 * U(3, :) - 20 * U(2, :) + U(1, :)) / 45;
  below = far & xS < lK;
  above = far & xS > lK;
  if (any (below))
    V(below) = dividend_call (S(below), K, T, r, sigma, D);
  endif
  V(above) = S(above) - K;
  V = reshape (V, size (S));
  V = max (V, max (S - K, 0));
endfunction

## For r >= 0 exercise pays only at the dividend date: the same as the
## quadrature formula, although this allows exercise at every time step.
%!test
%! S = [90 100 110];
%! V = american_dividend_call_pde (S, 100, 0.5, 0.03, 0.15, 0.03, 0.8);
%! assert (V, [0.837358764004664, 4.484034330080377, 11.877216586990031], -1e-7);

## r < 0: early exercise also away from the dividend date.  Against a CRR
## tree with exercise at every node, the dividend on a time step and
## Black-Scholes values one step before maturity (N = 4000, good to about
## 2e-4); above the European price and the payoff; deep in the money
## exercised at once.
%!test
%! S = [90 100 130];  K = 100;  T = 1;  r = -0.03;  sig = 0.15;  D = 0.03;  al = 0.5;
%! V = american_dividend_call_pde (S, K, T, r, sig, D, al);
%! N = 4000;  dt = T / N;  n1 = round (al * N);
%! u = exp (sig * sqrt (dt));
%! p = (exp (r * dt) - 1 / u) / (u - 1 / u);
%! for j = 1:numel (S)
%!   X = S(j) * u .^ (-(N-1):2:(N-1));
%!   W = max (bs_european ("call", "price", (1 - D) * X, K, dt, r, sig),
%!            (1 - D) * X - K);
%!   for i = N-2:-1:0
%!     X = S(j) * u .^ (-i:2:i);
%!     W = exp (-r * dt) * (p * W(2:end) + (1 - p) * W(1:end-1));
%!     W = max (W, (1 - D * (i > n1)) * X - K);
%!   endfor
%!   assert (V(j), W, 2e-4 * W);
%! endfor
%! assert (all (V > dividend_call (S, K, T, r, sig, D)));
%! assert (V(3), 30, -1e-12);

## r < 0: spot prices far from the strike (the stock spreads over a tenth
## of the price range) take the limits and do not enlarge the grid.
%!test
%! S = [50 100 200];
%! V = american_dividend_call_pde (S, 100, 0.25, -0.05, 0.1, 0.02, 0.5);
%! assert (V(1), dividend_call (50, 100, 0.25, -0.05, 0.1, 0.02));
%! assert (V(3), 100);
%! assert (V(2) > dividend_call (100, 100, 0.25, -0.05, 0.1, 0.02));

%!error <Invalid call> american_dividend_call_pde (100, 100, 1, 0.03, 0.15, 0.03)
%!error <S must> american_dividend_call_pde (-1, 100, 1, 0.03, 0.15, 0.03, 0.5)
%!error <T must> american_dividend_call_pde (100, 100, 0, 0.03, 0.15, 0.03, 0.5)
%!error <R must> american_dividend_call_pde (100, 100, 1, Inf, 0.15, 0.03, 0.5)
%!error <D must> american_dividend_call_pde (100, 100, 1, 0.03, 0.15, -0.1, 0.5)
%!error <ALPHA must> american_dividend_call_pde (100, 100, 1, 0.03, 0.15, 0.03, 0)
