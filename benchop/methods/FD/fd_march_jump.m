## -*- texinfo -*-
## @deftypefn {} {[@var{u}, @var{stats}] =} fd_march_jump (@var{problem}, @var{g})
## March the Merton jump-diffusion PIDE of a European @var{problem} on grid
## @var{g} (@pxref{fd_grid}) from the payoff to time to maturity T.
##
## In y = ln S + c tau, c = r - sigma^2/2 - lambda kappa,
## kappa = exp (gamma + delta^2/2) - 1, the PIDE has no convection:
## u_tau = sigma^2/2 u_yy - (r + lambda) u + lambda int u(y + z) f(z) dz,
## f the normal density of the log-jump.  The integral is the quadrature
## of @ref{fd_jump_weights}, evaluated for all nodes at once as a
## convolution by FFT; beyond the grid u takes the far-field value of
## @ref{fd_boundary} (the grid of @ref{fd_grid} is wide enough for the
## jumps that this matters little).
##
## Time stepping: implicit-explicit.  Diffusion and discounting are
## implicit (Crank-Nicolson, Rannacher start, @pxref{fd_grid}); the
## integral, a bounded operator of norm lambda, is explicit: at the
## mid-step it is extrapolated from the last two levels (Adams-Bashforth,
## for steps of any length), which keeps second order, in the Rannacher
## half steps it is taken at the old level.  So a step costs one
## tridiagonal solve and one FFT convolution.  (d'Halluin, Forsyth and
## Vetzal 2005 make the integral implicit by a fixed-point iteration
## instead; with lambda dt small, as @ref{fd_grid} ensures, the explicit
## treatment is stable and needs no iteration.)
## @var{u} is the column of values on g.y at tau = T; @var{stats.solves}
## counts the linear solves.
## @end deftypefn

function [u, stats] = fd_march_jump (problem, g)
  if (nargin != 2)
    print_usage ();
  endif
  n = g.N;
  y = g.y;
  h = g.h;
  c = g.c;
  lam = problem.lambda;
  tol = 1e-10 * problem.K;
  tnew = g.tnew;
  alpha = g.alpha;
  cn = g.cn;
  ts = [0, tnew];

  A = fd_operator (n, h, problem.sigma^2 / 2, 0, problem.r + lam);
  I = (2:n).';
  ends = [1; n+1];
  AI = A(I, :);
  AII = A(I, I);
  Ab = A(I, ends);
  Id = speye (n - 1);

  ## Convolution by FFT: the grid values extended by J1 far-field values
  ## below and J2 above, correlated with the weights.
  [w, jmin] = fd_jump_weights (h, problem.gamma, problem.delta);
  Lw = numel (w);
  jmax = jmin + Lw - 1;
  J1 = max (0, -jmin);
  J2 = max (0, jmax);
  nf = 2^nextpow2 (J1 + n + 1 + J2 + Lw - 1);
  Wf = fft (flipud (w), nf);
  sel = J1 + jmax + (1:n+1).';
  ## Far-field values beyond the grid at every level, at once.
  Elo = fd_boundary (problem, exp (y(1) - (J1:-1:1).' * h - c * ts), ts);
  Ehi = fd_boundary (problem, exp (y(end) + (1:J2).' * h - c * ts), ts);
  jump = @(v, k) lam * fd_jump_apply (v, Wf, sel, Elo(:,k), Ehi(:,k));

  UB = fd_boundary (problem, exp (y(ends) - c * ts), ts);
  u = fd_payoff (problem.payoff, exp (y), problem.K);
  Ju = jump (u, 1);
  Jold = Ju;
  aprev = NaN;
  for k = 1:numel (alpha)
    a = alpha(k);
    if (a != aprev)
      Lhs = Id - a * AII;
      aprev = a;
    endif
    ub = UB(:, k+1);
    if (cn(k))
      ## The integral at the mid-step, extrapolated from the last two
      ## levels (Adams-Bashforth, steps of any length).
      q = a / (ts(k) - ts(k-1));
      Jm = Ju + q * (Ju - Jold);
      rhs = u(I) + a * (AI * u + 2 * Jm(I) + Ab * ub);
    else
      rhs = u(I) + a * (Ju(I) + Ab * ub);
    endif
    u = [ub(1); Lhs \ rhs; ub(2)];
    Jold = Ju;
    Ju = jump (u, k+1);
  endfor
  stats.solves = numel (alpha);
endfunction

%!test
%! ## Without jumps (lambda = 0) the march is Black-Scholes.
%! p = struct ("model", "merton", "payoff", "call", "exercise", "european",
%!             "barrier", "none", "output", "price", "S", 100, "K", 100,
%!             "T", 1, "r", 0.03, "sigma", 0.15, "lambda", 0, "gamma", -0.5,
%!             "delta", 0.4);
%! g = fd_grid (p, 12, 12);
%! u = fd_march_jump (p, g);
%! q = p; q.model = "black-scholes";
%! assert (u, fd_march (q, g), 1e-10);
%!error fd_march_jump (1)
