## -*- texinfo -*-
## @deftypefn  {} {[@var{u}, @var{v}, @var{stats}] =} fd_march (@var{problem}, @var{g})
## @deftypefnx {} {[@var{u}, @var{v}, @var{stats}] =} fd_march (@var{problem}, @var{g}, @var{want_vega})
## March the Black-Scholes PDE of @var{problem} on grid @var{g}
## (@pxref{fd_grid}) from the payoff to time to maturity T.
##
## Crank-Nicolson with a Rannacher start: the first two steps are each
## replaced by two implicit Euler half steps, which damp the high-frequency
## error that the payoff kink (and a barrier's jump) would otherwise leave
## undamped under Crank-Nicolson, so second-order convergence is kept,
## Greeks included (Rannacher 1984; Giles and Carter 2006).  A half step of
## implicit Euler has the same matrix I - dt/2 A as a Crank-Nicolson step.
## A step is one statement, u = (I - a A) \ (R u + f), on full-size
## matrices: the end rows of A are empty, so those of I - a A are the
## identity's, R (I + a A, or I for an implicit step) has zero end rows,
## and f carries the Dirichlet values there.  The tridiagonal systems go to
## @code{\}, which for a tridiagonal sparse matrix factors and solves in
## O(n) (LAPACK gtsv); in Octave that is faster than reusing stored LU
## factors, and on grids of a few hundred nodes the interpreter's cost per
## statement, not the arithmetic, sets the time.
##
## American exercise is the penalty method of Forsyth and Vetzal (2002):
## each step solves (I - dt/2 A + P) u = rhs + P g, P = 1e8 on the nodes where
## u is below the exercise value g, by Newton (policy) iteration, stopping
## when the penalized set no longer changes; this is exact for the
## penalized problem.  The set is guessed from the way the free boundary
## moved in the last steps, so a step usually takes one or two solves.
## Early exercise can pay only for a put at r > 0 or a call at r < 0 (a
## call at r >= 0 is worth at least S - K e^(-r tau) >= S - K, a put at
## r <= 0 at least K e^(-r tau) - S >= K - S, with a dividend ahead too);
## otherwise the march is the European one.  A discrete dividend is the
## jump condition of @ref{fd_dividend} at its date (with the exercise just
## before it), after which the Rannacher start is repeated.  An up-and-out
## barrier is the zero Dirichlet value at the grid's upper end.
##
## With @var{want_vega} true, @var{v} = du/dsigma on the nodes is marched
## alongside by differentiating every step of the scheme in sigma: the
## operator (source As u), the boundary values and exercise values (which
## depend on sigma through S = exp (y - c tau) when the grid moves with the
## drift) and, with the penalized set of the price frozen, the penalty.
## This is the exact sigma-derivative of the discrete solution at fixed y.
## @var{u} and @var{v} are columns on the nodes g.y at tau = T;
## @var{stats.solves} counts the linear solves of the price.
## @end deftypefn

function [u, v, stats] = fd_march (problem, g, want_vega = false)
  if (nargin < 2 || nargin > 3)
    print_usage ();
  endif
  n = g.N;
  np = n + 1;
  y = g.y;
  K = problem.K;
  call = strcmp (problem.payoff, "call");
  american = (strcmp (problem.exercise, "american")
              && sign (problem.r) == 1 - 2 * call);

  sig = problem.sigma;
  if (want_vega)
    [A, D2, D1] = fd_operator (n, g.h, sig^2 / 2, g.b, problem.r, g.upwind);
    ## d/dsigma of sigma^2/2 D2 + (mu - c) D1, with dmu/dsigma = -sigma.
    As = sig * D2 + (-sig - g.dc) * D1;
  else
    A = fd_operator (n, g.h, sig^2 / 2, g.b, problem.r, g.upwind);
  endif
  ix = (1:np).';
  Id = sparse (ix, ix, 1, np, np);
  Id0 = sparse (ix(2:n), ix(2:n), 1, np, np);

  ey = exp (y);
  if (call)
    u = max (ey - K, 0);
  else
    u = max (K - ey, 0);
  endif

  ## Sub-steps (@pxref{fd_grid}): the matrices change where the step size
  ## or kind does.
  tnew = g.tnew;
  alpha = g.alpha;
  cn = g.cn;
  kj = g.kj;
  nk = numel (alpha);
  chg = [true, diff(alpha) != 0 | diff(cn) != 0];

  ## Boundary values of all sub-steps at once, in the end rows of F (and
  ## their sigma-derivatives through S = exp (y - c tau)).
  ends = [1; np];
  Sb = exp (y(ends) - g.c * tnew);
  [UB, SB] = fd_boundary (problem, Sb, tnew);
  if (g.barrier)
    u(np) = 0;
    UB(2, :) = 0;
    SB(2, :) = 0;
  endif
  F = zeros (np, nk);
  F(ends, :) = UB;

  if (! american && ! want_vega)
    for k = 1:nk
      if (k == kj)
        u = fd_dividend (problem, g, u);
      endif
      if (chg(k))
        Lhs = Id - alpha(k) * A;
        R = Id0 + (cn(k) * alpha(k)) * A;
      endif
      u = Lhs \ (R * u + F(:, k));
    endfor
    if (kj > nk)
      u = fd_dividend (problem, g, u);
    endif
    v = [];
    stats.solves = nk;
    return;
  endif

  v = zeros (np, 1);
  if (want_vega)
    FV = zeros (np, nk);
    FV(ends, :) = SB .* Sb .* (-g.dc * tnew);
  endif
  if (american)
    ## Exercise values of all sub-steps at once, sgn (S - K)^+ at
    ## S = exp (y - c tau), zero at the end nodes (never penalized), with
    ## the round-off allowances of the exercise test (relative tol).
    large = 1e8;
    tol = 1e-12;
    sgn = 1 - 2 * ! call;
    Si = ey * exp (-g.c * tnew);
    OB = max (sgn * (Si - K), 0);
    OB(ends, :) = 0;
    TOL = tol * max (OB, 1);
    pen = zeros (np, 1);
    phi = [];
    vel = 0;
    nprev = 0;
  endif

  stats.solves = 0;
  k0 = 1;            # first sub-step since the start or the dividend
  for k = 1:nk
    if (k == kj)
      u = fd_dividend (problem, g, u);
      k0 = k;
    endif
    if (chg(k))
      a = alpha(k);
      Lhs = Id - a * A;
      R = Id0 + (cn(k) * a) * A;
    endif
    rhs = R * u + F(:, k);
    if (american)
      ## Penalty by policy iteration from a guessed exercised set; stop when
      ## the set no longer changes.  A node is exercised when g > 0 and u is
      ## below g or within the allowance tl of it: deep in the exercise
      ## region u equals g to the last bit, and a strict u < g would flip
      ## such nodes back and forth.  An exercised node stays so while the
      ## obstacle pushes up, Lhs u - rhs >= 0 (to round-off): the sign of
      ## g - u without its cancellation, g - u being O(1/large).  Where
      ## holding and exercising are worth the same to the discretization
      ## error, nodes may flip with u moving by round-off: stop then too.
      obst = OB(:, k);
      tl = TOL(:, k);
      pos = obst > 0;
      if (k == k0)
        act = pos & u < obst;
      elseif (k == k0 + 1)
        act = pos & (pen > 0 | u < obst);
      elseif (vel <= -1)
        ## The set shrinks by a node or more a step (vel, a running mean of
        ## the change in its size): erode the last set by round (-vel)
        ## nodes, by cumulative sums.
        d = round (-vel);
        cs = cumsum ([0; pen == 0]);
        act = pos & cs(min (ix + d, np) + 1) == cs(max (ix - d, 1));
      elseif (vel >= 1)
        ## It grows: the last set, and the nodes now below the exercise
        ## value (which the grid's drift moves).
        act = pos & (pen > 0 | u < obst);
      else
        ## Slower: extrapolate phi = g - u in tau, tiny and positive where
        ## the penalty holds u, negative elsewhere.
        act = pos & phi + (phi - phiold) * (alpha(k) / alpha(k-1)) > -tl;
      endif
      for it = 1:50
        pen = large * act;
        L = Lhs + sparse (ix, ix, pen, np, np);
        unew = L \ (rhs + pen .* obst);
        nact = pos & ((act & Lhs * unew - rhs > -1e3 * tl)
                      | (! act & unew < obst + tl));
        if (nact == act)
          break;
        elseif (it > 1 && all (abs (unew - uold) <= 1e4 * tl))
          break;
        endif
        act = nact;
        uold = unew;
      endfor
      if (it == 50)
        warning ("fd_march: the penalty iteration did not settle");
      endif
      stats.solves += it;
      na = nnz (act);
      if (k > k0)
        vel = (vel + na - nprev) / 2;
      else
        vel = 0;
      endif
      nprev = na;
      phiold = phi;
      phi = obst - unew;
    else
      unew = Lhs \ rhs;
      L = Lhs;
      stats.solves += 1;
    endif
    if (want_vega)
      rv = R * v + FV(:, k) + (alpha(k) * As) * (unew + cn(k) * u);
      if (american)
        ## d/dsigma of the exercise value at S = exp (y - c tau).
        rv += pen .* (sgn * pos .* Si(:, k) * (-g.dc * tnew(k)));
      endif
      v = L \ rv;
    endif
    u = unew;
  endfor
  if (kj > nk)
    u = fd_dividend (problem, g, u);
  endif
endfunction

%!shared p
%! p = struct ("S", 100, "K", 100, "T", 1, "r", 0.03, "sigma", 0.15,
%!             "payoff", "call", "exercise", "european", "barrier", "none",
%!             "model", "black-scholes");
%!test
%! ## A European put and call on the same grid satisfy put-call parity
%! ## (to the O(h^2) error of the differences on the forward S).
%! g = fd_grid (p, 10, 10);
%! c = fd_march (p, g);
%! q = p; q.payoff = "put";
%! d = fd_march (q, g);
%! S = exp (g.y - g.c * p.T);
%! assert (c - d, S - 100 * exp (-0.03), 1e-3);
%!test
%! ## American put: above its exercise value, above the European put.
%! q = p; q.payoff = "put"; q.exercise = "american"; q.r = 0.08;
%! g = fd_grid (q, 10, 10);
%! [a, ~, st] = fd_march (q, g);
%! q.exercise = "european";
%! e = fd_march (q, fd_grid (q, 10, 10));
%! S = exp (g.y - g.c * q.T);
%! assert (all (a >= max (100 - S, 0) - 1e-6));
%! assert (all (a >= e - 1e-9));
%! assert (st.solves >= g.M + 2);
%!test
%! ## The vega march is the sigma-derivative of the discrete price.
%! for ex = {"european", "american"}
%!   q = p; q.payoff = "put"; q.exercise = ex{1};
%!   g = fd_grid (q, 10, 10);
%!   [u, v] = fd_march (q, g, true);
%!   e = 1e-6;
%!   ## The grid moves with the drift, which depends on sigma.
%!   q.sigma = p.sigma + e; g.c = q.r - q.sigma^2 / 2; up = fd_march (q, g);
%!   q.sigma = p.sigma - e; g.c = q.r - q.sigma^2 / 2; dn = fd_march (q, g);
%!   k = abs (g.y - log (100) - g.c * p.T) < 0.3;
%!   assert (v(k), (up(k) - dn(k)) / (2 * e), 1e-4);
%! endfor
