## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fdad_solve_checked (@var{p}, @var{level})
## The FD-AD method's pricing (@pxref{fdad_solve}) of a problem checked by
## @code{fdad_check}: what @code{benchop_solve} times.  It checks nothing;
## the grids, steps and prices follow from @var{p} on every call.
## @end deftypefn

function [U, info] = fdad_solve_checked (p, level)
  ## Each level halves the error tolerance of the adapted grid, so about
  ## sqrt (2) times the nodes and the steps: twice the work.
  tol = 4e-3 * 2^(-(level - 1));
  ## American exercise: twice the steps (the splitting's error is O(dt)).
  M = 30 * (1 + strcmp (p.exercise, "american"));
  ## The grid is capped (far out of the money the tolerance relative to a
  ## tiny price asks for more nodes than a call can afford): 300 intervals
  ## at level 1, 3800 at level 12.
  nmax = round (300 * 2^((level - 1) / 3));
  if (strcmp (p.model, "black-scholes-2d"))
    ## Exchange option: with S2 as numeraire, U = S2 u (S1 / S2), u the
    ## Black-Scholes price of a call struck at 1 with r = 0 and the
    ## volatility of S1 / S2.
    s = sqrt (p.sigma1^2 + p.sigma2^2 - 2 * p.rho * p.sigma1 * p.sigma2);
    q = struct ("model", "black-scholes", "payoff", "call",
                "exercise", "european", "barrier", "none", "output", "price",
                "S", (p.S(:, 1) ./ p.S(:, 2)).', "K", 1, "T", p.T, "r", 0,
                "sigma", s);
    [u, info] = fdad_price (q, q.S, tol, M, nmax);
    U = u .* p.S(:, 2).';
    return;
  endif

  S = p.S;
  U = zeros (size (S));
  info = struct ("N", 0, "M", 0, "Np", 0);
  live = true (size (S));
  if (strcmp (p.barrier, "up-and-out"))
    ## Knocked out at or above the barrier; a call with B <= K is worthless.
    live = S < p.B & ! (strcmp (p.payoff, "call") && p.B <= p.K);
  endif
  if (! any (live))
    return;
  endif
  if (strcmp (p.model, "local-vol-implied-surface"))
    groups = num2cell (find (live));    # the volatility depends on the spot
  else
    groups = {find(live)};
  endif
  for g = groups
    k = g{1};
    [U(k), info] = fdad_price (p, S(k), tol, M, nmax);
  endfor
endfunction

%!test
%! ## The same as fdad_solve; a point at the barrier is worth zero.
%! q = benchop_problem ("1c-I", "S", [90 110 130]);
%! [U, info] = fdad_solve_checked (fdad_check (q, 2), 2);
%! assert (U, fdad_solve (q, 2));
%! assert (U(3), 0);
%! assert (info.N > 0);
