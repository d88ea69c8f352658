## -*- texinfo -*-
## @deftypefn  {} {[@var{U}, @var{W}, @var{solves}] =} fdnu_march (@var{S}, @var{pde}, @var{M})
## @deftypefnx {} {[@var{U}, @var{W}, @var{solves}] =} fdnu_march (@var{S}, @var{pde}, @var{M}, @var{ref})
## March a one-factor pricing PDE in time to maturity tau from 0 to
## @code{@var{pde}.T} on the grid @var{S} with about @var{M} time steps.
##
## The equation is U_tau = a U_SS + b U_S - c U + J(U), with the
## coefficients returned by @code{[a, b, c] = @var{pde}.coef (tau)} (columns
## at the nodes; @code{@var{pde}.frozen} true when they do not depend on
## tau) and the optional jump term @code{@var{pde}.jump (U, tau)}.  Fields:
## @code{U0} the payoff (also the exercise value when
## @code{@var{pde}.american}), @code{bc (tau)} the two boundary values
## [left; right] at each of a row of times (a 2-row matrix), @code{div} empty or [tau_d, D] for a proportional dividend
## paid at time to maturity tau_d, and @code{vega} true to also march
## W = dU/dsigma (constant sigma, @code{@var{pde}.sigma}).  @var{ref} (default
## 1) multiplies the number of steps of each segment by @var{ref} (the same
## schedule with steps @var{ref} times smaller), for Richardson
## extrapolation.
##
## Time stepping: Crank-Nicolson, started (and restarted after the dividend)
## by four implicit Euler half steps (Rannacher 1984), which damp the
## non-smooth data without losing second order.  The jump term is explicit:
## forward Euler in the Euler steps and the variable-step Adams-Bashforth
## extrapolation in the Crank-Nicolson steps (the CNAB implicit-explicit
## scheme), so each step needs only one sparse tridiagonal solve.  American
## exercise uses the operator splitting of Ikonen and Toivanen (2004): a
## linear step with the Lagrange multiplier lambda of the last step, then
## the update U = max (U~ - dt lambda, g), lambda = max (0, lambda + (g -
## U~) / dt).  The dividend is the jump condition U(S, tau_d+) =
## U((1 - D) S, tau_d-), by cubic interpolation (then the exercise value
## before the drop, for American options).
##
## The vega W solves the sigma-derivative of the discrete scheme: the same
## matrices and jump term (without its constant tail part) with the source
## sigma S^2 D2 U.
## @end deftypefn

function [U, W, solves] = fdnu_march (S, pde, M, ref = 1)
  if (nargin < 3 || nargin > 4)
    print_usage ();
  endif
  S = S(:);
  n = numel (S);
  T = pde.T;
  g = pde.U0(:);
  U = g;
  vega = isfield (pde, "vega") && pde.vega;
  W = zeros (n, vega);
  has_jump = isfield (pde, "jump") && ! isempty (pde.jump);
  american = pde.american;

  ## Step schedule: segments split at the dividend, each restarted by
  ## Rannacher's four implicit Euler half steps.
  edges = 0;
  if (! isempty (pde.div))
    edges(end+1) = pde.div(1);
  endif
  edges(end+1) = T;
  dts = [];
  th = [];
  seg = [];
  for k = 1:numel (edges) - 1
    len = edges(k+1) - edges(k);
    m = max (3, round (M * len / T)) * ref;
    dt = len / m;
    dts = [dts, repmat(dt / 2, 1, 4), repmat(dt, 1, m - 2)];
    th = [th, ones(1, 4), repmat(0.5, 1, m - 2)];
    seg = [seg, repmat(k, 1, m + 2)];
  endfor

  I = sparse (1:n, 1:n, 1, n, n);
  bnd = [1; n];
  ## Boundary values at the ends of all steps at once.
  BC = pde.bc (cumsum (dts));
  tau = 0;
  [A0, D2] = operator (pde, S, tau);
  lam = zeros (n, 1);
  Jold = [];
  dtold = NaN;
  dtL = tL = NaN;
  solves = 0;
  for s = 1:numel (dts)
    if (s > 1 && seg(s) != seg(s-1))
      ## Dividend between segments: U(S, tau+) = U((1 - D) S, tau-).
      D = pde.div(2);
      U = fdnu_interp (S, U, (1 - D) * S);
      if (vega)
        W = fdnu_interp (S, W, (1 - D) * S);
      endif
      if (american)
        U = max (U, g);
      endif
      lam(:) = 0;
      Jold = [];
    endif
    dt = dts(s);
    t = th(s);
    if (pde.frozen)
      ## Constant coefficients: rebuild the two matrices only when the
      ## step (Euler half step or Crank-Nicolson step) changes.
      A1 = A0;
      if (! (dt == dtL && t == tL))
        L = I - t * dt * A1;
        E = I + (1 - t) * dt * A0;
        dtL = dt;
        tL = t;
      endif
    else
      A1 = operator (pde, S, tau + dt);
      L = I - t * dt * A1;
      E = I + (1 - t) * dt * A0;
    endif
    rhs = E * U;
    if (has_jump)
      Jn = pde.jump (U, tau);
      if (vega)
        ## The jump operator is linear and free of sigma: W jumps alike,
        ## without the constant tail term.
        Jn = [Jn, pde.jump(W, tau) - pde.jump(zeros (n, 1), tau)];
      endif
      if (t == 1 || isempty (Jold))
        Jx = Jn;
      else
        ## Variable-step Adams-Bashforth extrapolation to tau + dt/2.
        w = dt / (2 * dtold);
        Jx = (1 + w) * Jn - w * Jold;
      endif
      rhs += dt * Jx(:, 1);
      Jold = Jn;
      dtold = dt;
    endif
    if (american)
      rhs += dt * lam;
    endif
    rhs(bnd) = BC(:, s);
    Ut = L \ rhs;
    solves++;
    if (vega)
      src = pde.sigma * S.^2 .* (D2 * (t * Ut + (1 - t) * U));
      rw = E * W + dt * src;
      if (has_jump)
        rw += dt * Jx(:, 2);
      endif
      rw(bnd) = 0;
      W = L \ rw;
      solves++;
    endif
    if (american)
      Unew = max (Ut - dt * lam, g);
      lam = max (0, lam + (g - Ut) / dt);
      lam(bnd) = 0;
      Unew(bnd) = Ut(bnd);
      U = Unew;
    else
      U = Ut;
    endif
    tau += dt;
    A0 = A1;
  endfor
endfunction

function [A, D2] = operator (pde, S, tau)
  [a, b, c] = pde.coef (tau);
  [A, D2] = fdnu_operator (S, a, b, c);
endfunction

%!test
%! ## European call under Black-Scholes against the closed form.
%! K = 100; T = 1; r = 0.03; sig = 0.15;
%! S = fdnu_grid (K, 15, 0, 400, K, Inf, 200);
%! pde = struct ("T", T, "U0", max (S - K, 0), "american", false, "div", [],
%!               "frozen", true, "vega", false);
%! pde.coef = @(tau) deal (0.5 * sig^2 * S.^2, r * S, r);
%! pde.bc = @(tau) [0 * tau; S(end) - K * exp(-r * tau)];
%! U = fdnu_march (S, pde, 100);
%! ref = bs_european ("call", "price", [90 100 110], K, T, r, sig);
%! assert (fdnu_interp (S, U, [90 100 110]), ref, -1e-3);
%!error fdnu_march (1, 2)
