## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} mc_solve_checked (@var{p}, @var{level})
## The MC pricing (@pxref{mc_solve}) of a problem checked by
## @code{mc_check}: what @code{benchop_solve} times.  It checks nothing.
##
## The paths and steps follow from @var{level} (@pxref{mc_resolution});
## the paths are drawn in blocks of @math{2^{16}} (@pxref{mc_block_mean}),
## so the memory stays at a few megabytes at every level.  The random
## streams (@code{randn}, and @code{randp} for the jumps) are reset from a
## fixed seed at every call and the caller's states restored afterwards:
## every call does the whole work and returns the same numbers.  Once the
## blocks are full (@math{2^{16}} paths or more), the blocks of a level are
## the first half of those of the level above, so neighbouring levels
## share half their paths (for one-step Black-Scholes paths at every
## level).
##
## @var{info} has fields @code{paths}, @code{steps} (time steps per path),
## @code{seed}, @code{stderr} (the standard error of each value, in the
## shape of @var{U}) and @code{estimator}.
## @end deftypefn

function [U, info] = mc_solve_checked (p, level)
  seed = 1072172;
  b = 2 ^ 16;
  S = p.S;
  T = p.T;
  r = p.r;
  [N, M] = mc_resolution (p, level);
  t = linspace (0, T, M + 1);
  old_randn = randn ("state");
  old_randp = randp ("state");
  unwind_protect
    randn ("state", seed);
    randp ("state", seed);
    switch (p.kind)
      case 1
        draw = @(m) mc_paths_gbm (S, p.K, p.put, p.greek, t, r, p.sigma, p.B,
                                  0, 0, m);
        est = {"discounted payoff", "pathwise delta",
               "likelihood-ratio/pathwise gamma", "pathwise vega"}{p.greek + 1};
        if (isfinite (p.B))
          est = [est, ", Brownian-bridge survival per step"];
        endif
        est = ["log-Euler (exact), ", est];
      case 2
        ## the drop scales the price whatever its date: the exact step to
        ## maturity needs no date of its own for it
        draw = @(m) mc_paths_gbm (S, p.K, p.put, 0, t, r, p.sigma, Inf, 1,
                                  p.D, m);
        est = "log-Euler (exact) with the dividend drop, discounted payoff";
      case {3, 4}
        if (p.kind == 3)
          volfuns = {@local_vol_parametric};
        else
          ## the local volatility depends on the spot being priced: one
          ## set of paths per spot, all from the same draws
          volfuns = arrayfun (@(x) @(s, u) local_vol_surface (s, u, x, r),
                              S, "uniformoutput", false);
        endif
        U = zeros (size (S));
        se = U;
        for i = 1:numel (volfuns)
          randn ("state", seed);
          if (p.kind == 3)
            cols = 1:numel (S);
          else
            cols = i;
          endif
          draw = @(m) mc_paths_localvol (S(cols), p.K, p.put, t, r, volfuns{i}, m);
          [U(cols), se(cols)] = mc_block_mean (draw, N, b);
        endfor
        est = "log-Euler, local volatility frozen over a step, discounted payoff";
      case 5
        draw = @(m) mc_paths_heston (S, p.K, p.put, t, r, p.V0, p.kappa,
                                     p.theta, p.sigma_v, p.rho, m);
        est = "Euler with full truncation of the variance, log-Euler price, discounted payoff";
      case 6
        draw = @(m) mc_paths_merton (S, p.K, p.put, t, r, p.sigma, p.lambda,
                                     p.gamma, p.delta, m);
        est = "log-Euler (exact) with compound Poisson jumps per step, discounted payoff";
      case 7
        draw = @(m) mc_paths_exchange (S, t, r, p.sigma1, p.sigma2, p.rho, m);
        est = "correlated log-Euler (exact), discounted payoff";
    endswitch
    if (p.kind != 3 && p.kind != 4)
      [U, se] = mc_block_mean (draw, N, b);
    endif
  unwind_protect_cleanup
    randn ("state", old_randn);
    randp ("state", old_randp);
  end_unwind_protect
  ## one value per spot, or per pair of spots, in the caller's shape
  U = reshape (U, p.shape);
  info = struct ("paths", N, "steps", numel (t) - 1, "seed", seed,
                 "stderr", reshape (se, p.shape), "estimator", est);
endfunction

%!test
%! ## The same numbers as mc_solve, from a problem checked once; a call
%! ## leaves the caller's random streams as they were.
%! for c = {{"1a-I-gamma", 3}, {"1c-II", 2}, {"5", 1}, {"6", 1}}
%!   [id, lev] = c{1}{:};
%!   problem = benchop_problem (id);
%!   randn ("state", 1);  randp ("state", 2);
%!   a = [randn(), randp(3)];
%!   randn ("state", 1);  randp ("state", 2);
%!   [U1, i1] = mc_solve_checked (mc_check (problem, lev), lev);
%!   assert ([randn(), randp(3)], a);
%!   [U2, i2] = mc_solve (problem, lev);
%!   assert (isequal (U1, U2) && isequal (i1, i2), id);
%! endfor
%!test
%! ## a level's paths are the first half of the next level's
%! p = mc_check (benchop_problem ("1a-I"), 1);
%! [U1, i1] = mc_solve_checked (p, 1);
%! [U2, i2] = mc_solve_checked (p, 2);
%! assert ([i1.paths, i2.paths, i1.steps, i2.steps], [2^14, 2^15, 1, 1]);
%! randn ("state", i1.seed);
%! z = randn (2^15, 1);
%! ST = p.S .* exp ((p.r - p.sigma^2/2) * p.T + p.sigma * sqrt (p.T) * z);
%! y = exp (-p.r * p.T) * max (ST - p.K, 0);
%! assert (U1, mean (y(1:2^14,:)), -1e-12);
%! assert (U2, mean (y), -1e-12);
