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
## The tridiagonal systems go to @code{\}, which for a tridiagonal sparse
## matrix factors and solves in O(n) (LAPACK gtsv); in Octave this is faster
## than reusing stored LU factors, so "factor once" brings nothing here.
##
## American exercise is the penalty method of Forsyth and Vetzal (2002):
## each step solves (I - dt/2 A + P) u = rhs + P g, P = 1e8 on the nodes where
## u is below the exercise value g, by Newton (policy) iteration, stopping
## when the penalized set no longer changes; this is exact for the
## penalized problem (@pxref{fd_penalty}).  The set is guessed from the way
## the free boundary moved in the last steps, so a step usually takes one
## or two solves.  A discrete dividend is the jump condition of
## @ref{fd_dividend} at its date, after which the Rannacher start is
## repeated.  An up-and-out barrier is the zero Dirichlet value at the
## grid's upper end.
##
## With @var{want_vega} true, @var{v} = du/dsigma on the nodes is marched
## alongside by differentiating every step of the scheme in sigma: the
## operator (source As u), the boundary values and exercise values (which
## depend on sigma through S = exp (y - c tau) when the grid moves with the
## drift) and, with the penalized set of the price frozen, the penalty.
## This is the exact sigma-derivative of the discrete solution at fixed y.
## @var{u} and @var{v} are columns on the nodes g.y at tau = T;
## @var{stats.solves} counts the linear solves of the price.
## @seealso{fd_penalty}
## @end deftypefn

function [u, v, stats] = fd_march (problem, g, want_vega = false)
  if (nargin < 2 || nargin > 3)
    print_usage ();
  endif
  large = 1e8;
  tol = 1e-12;       # relative round-off allowance of the exercise test
  n = g.N;
  y = g.y;
  sig = problem.sigma;
  american = strcmp (problem.exercise, "american");

  [A, D2, D1] = fd_operator (n, g.h, sig^2 / 2, g.b, problem.r, g.upwind);
  I = (2:n).';
  ends = [1; n+1];
  AI = A(I, :);
  AII = A(I, I);
  Ab = A(I, ends);
  Id = speye (n - 1);
  if (want_vega)
    ## d/dsigma of sigma^2/2 D2 + (mu - c) D1, with dmu/dsigma = -sigma.
    AsI = sig * D2(I, :) + (-sig - g.dc) * D1(I, :);
  endif

  u = fd_payoff (problem.payoff, exp (y), problem.K);
  if (g.barrier)
    u(end) = 0;
  endif
  v = zeros (n + 1, 1);
  stats.solves = 0;

  ## Sub-steps: two implicit Euler halves for each of the first two steps
  ## (and of the first two after a dividend), Crank-Nicolson after.
  [tnew, alpha, cn, kj] = fd_schedule (g);

  ## Boundary values of all sub-steps at once (and their sigma-derivatives
  ## through S = exp (y - c tau)).
  Sb = exp (y(ends) - g.c * tnew);
  [UB, SB] = fd_boundary (problem, Sb, tnew);
  if (g.barrier)
    UB(2, :) = 0;
    SB(2, :) = 0;
  endif
  DUB = SB .* Sb .* (-g.dc * tnew);

  if (american)
    ## Exercise value sgn (S - K)^+ and its slope, inlined for speed.
    sgn = 1 - 2 * strcmp (problem.payoff, "put");
    actprev = false (n - 1, 1);
    vel = 0;
  endif

  aprev = NaN;
  k0 = 1;            # first sub-step since the start or the dividend
  for k = 1:numel (alpha)
    if (k == kj)
      u = fd_dividend (problem, g, u);
      k0 = k;
      if (american)
        vel = 0;
      endif
    endif
    t = tnew(k);
    a = alpha(k);
    if (a != aprev)
      Lhs = Id - a * AII;
      aprev = a;
    endif
    ub = UB(:, k);
    if (cn(k))
      rhs = u(I) + a * (AI * u + Ab * ub);
    else
      rhs = u(I) + a * (Ab * ub);
    endif
    if (american)
      Si = exp (y(I) - g.c * t);
      obst = max (sgn * (Si - problem.K), 0);
      ## Guess the exercise set, to save solves.  The free boundary moves
      ## steadily: when it crosses a node or more a step (vel, a running mean
      ## of the change in the set's size), move the last set by round (vel)
      ## nodes;
      ## when slower, extrapolate phi = g - u in tau (phi is tiny and positive
      ## where the penalty holds u, negative elsewhere).
      if (k - k0 < 2)
        act = u(I) < obst;
      elseif (abs (vel) >= 1)
        d = round (abs (vel));
        if (vel > 0)
          act = conv (double (actprev), ones (2 * d + 1, 1), "same") > 0;
        else
          act = ! (conv (double (! actprev), ones (2 * d + 1, 1), "same") > 0);
        endif
      else
        act = phi + (phi - phiold) * (a / alpha(k-1)) > -tol * max (obst, 1);
      endif
      act &= obst > 0;
      [ui, L, pen, it] = fd_penalty (Lhs, rhs, obst, act, large, tol);
      now = pen > 0;
      if (k > k0)
        vel = (vel + sum (now) - sum (actprev)) / 2;
        phiold = phi;
      endif
      phi = obst - ui;
      actprev = now;
      stats.solves += it;
    else
      ui = Lhs \ rhs;
      L = Lhs;
      stats.solves += 1;
    endif
    unew = [ub(1); ui; ub(2)];
    if (want_vega)
      dub = DUB(:, k);
      if (cn(k))
        rv = v(I) + a * (AI * v + AsI * (u + unew) + Ab * dub);
      else
        rv = v(I) + a * (AsI * unew + Ab * dub);
      endif
      if (american)
        ## d/dsigma of the exercise value at S = exp (y - c tau).
        dobst = sgn * (obst > 0) .* Si * (-g.dc * t);
        rv += pen .* dobst;
      endif
      v = [dub(1); L \ rv; dub(2)];
    endif
    u = unew;
  endfor
  if (kj > numel (alpha))
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
