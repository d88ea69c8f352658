## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fdnu_solve_checked (@var{p}, @var{level})
## The FD-NU method's pricing (@pxref{fdnu_solve}) of a problem checked by
## @code{fdnu_check}: what @code{benchop_solve} times.  It checks nothing;
## the grids, time steps and prices all follow from @var{p} on every call.
## @end deftypefn

function [U, info] = fdnu_solve_checked (p, level)
  S = p.S;
  if (any (strcmp (p.model, {"heston", "black-scholes-2d"})))
    ## Two space dimensions and time: work grows as q^3, and stops at
    ## level 10 (some seconds).
    q = 2^((min (level, 10) - 5) / 3);
    if (strcmp (p.model, "heston"))
      solver = @fdnu_heston;
    else
      solver = @fdnu_exchange;
    endif
    [U1, i1] = solver (p, q, 1);
    [U2, i2] = solver (p, q, 2);
    U = (4 * U2 - U1) / 3;
    U = U(:).';                         # one value per point (row of pairs)
    info = struct ("N", i2.N, "M", i2.M, "solves", i1.solves + i2.solves,
                   "extrapolated", true);
    return;
  endif

  U = zeros (size (S));
  info = struct ("N", 0, "M", 0, "solves", 0, "extrapolated", false);
  live = true (size (S));
  if (strcmp (p.barrier, "up-and-out"))
    ## Knocked out at or above the barrier; a call with B <= K is worthless.
    live = S < p.B & ! (strcmp (p.payoff, "call") && p.B <= p.K);
  endif
  if (! any (live))
    return;
  endif
  ## Each level doubles the work (q^2); level 5 has N0 intervals and M0
  ## steps (times 1 + Pe), and the levels below reach the coarse grids on
  ## which the non-uniform grid's accuracy already meets common tolerances.
  q = 2^((level - 5) / 2);
  if (strcmp (p.model, "local-vol-implied-surface"))
    groups = num2cell (find (live));   # one solve per spot
  else
    groups = {find(live)};
  endif
  ## American exercise: twice the steps, as the splitting's O(dt)
  ## constraint error spoils the extrapolation's dt^2 expansion.
  M0 = 40 * (1 + strcmp (p.exercise, "american"));
  for g = groups
    k = g{1};
    [U1, i1] = fdnu_price1d (p, S(k), q, 1, 40, M0);
    [U2, i2] = fdnu_price1d (p, S(k), q, 2, 40, M0);
    U(k) = (4 * U2 - U1) / 3;
    info.solves += i1.solves + i2.solves;
  endfor
  info.N = i2.N;
  info.M = i2.M;
  info.extrapolated = true;
endfunction

%!test
%! ## The same prices as fdnu_solve, from a problem checked once: a barrier
%! ## with a point knocked out, and one solve per point (3-II).
%! for id = {"1c-I", "3-II"}
%!   problem = benchop_problem (id{1});
%!   if (strcmp (id{1}, "1c-I"))
%!     problem.S = [90 110 130];
%!   endif
%!   [U, info] = fdnu_solve_checked (fdnu_check (problem, 3), 3);
%!   [Us, infos] = fdnu_solve (problem, 3);
%!   assert (U, Us);
%!   assert (info, infos);
%! endfor
