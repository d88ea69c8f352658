## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} mcs_solve_checked (@var{p}, @var{level})
## The MC-S pricing (@pxref{mcs_solve}) of a problem checked by
## @code{mcs_check}: what @code{benchop_solve} times.  It checks nothing.
## The path counts and steps follow from @var{level} and the parameters
## here, and the random streams are reset from the fixed seed at every
## call (the caller's states restored), so every call does the whole work
## and returns the same numbers.
## @end deftypefn

function [U, info] = mcs_solve_checked (p, level)
  seed = 20150712;
  S = p.S;
  T = p.T;
  r = p.r;

  ## Reset the streams for reproducibility, but leave the caller's as found.
  old_rand = rand ("state");
  old_randn = randn ("state");
  unwind_protect
    rand ("state", seed);
    randn ("state", seed);
    M = 1;
    american = strcmp (p.exercise, "american");
    switch (p.model)
      case "black-scholes"
        if (american)
          m = 2 ^ (level + 3);
          M = 32;
          [U, se] = mcs_lsm (p.payoff, S, p.K, T, r, p.sigma, m, M, seed);
          est = "exercise rule fitted out of sample (Longstaff-Schwartz), three-term Richardson in dates, European put and stock controls";
        else
          m = 2 ^ (level + 8);
          [U, se] = mcs_european (p.payoff, p.output, S, p.K, T, r, p.sigma,
                                  p.B, m);
          names = struct ("price", "discounted payoff", "delta", "pathwise delta",
                          "gamma", "likelihood-ratio/pathwise gamma",
                          "vega", "pathwise vega");
          est = ["stratified antithetic exact sampling, ", names.(p.output)];
          if (isfinite (p.B))
            est = [est, ", Brownian-bridge survival weight"];
          endif
        endif
      case "black-scholes-dividend"
        if (american)
          m = 2 ^ (level + 4);
          M = 1;
          [U, se] = mcs_dividend_american (S, p.K, T, r, p.sigma, p.D,
                                           p.alpha, m);
          est = "exercise just before the dividend against the closed-form continuation value, European price plus stratified antithetic premium, importance sampling far out of the money";
        else
          ## exact sampling: the dividend scales S_T by (1 - D) whatever
          ## its date
          m = 2 ^ (level + 8);
          [U, se] = mcs_european (p.payoff, "price", (1 - p.D) * S, p.K, T, r,
                                  p.sigma, Inf, m);
          est = "stratified antithetic exact sampling with the dividend drop";
        endif
      case "merton"
        m = 2 ^ (level + 8);
        [U, se] = mcs_merton (p.payoff, S, p.K, T, r, p.sigma, p.lambda,
                              p.gamma, p.delta, 2 * m);
        est = "conditional Monte Carlo given the number of jumps, stratified";
      case "black-scholes-2d"
        m = 2 ^ (level + 8);
        [U, se] = mcs_exchange (S, T, r, p.sigma1, p.sigma2, p.rho, m);
        est = "conditional Monte Carlo given the second asset, stratified antithetic";
      case "heston"
        m = 2 ^ (level + 6);
        M = 21;
        [U, se] = mcs_heston (p.payoff, S, p.K, T, r, p.V0, p.kappa, p.theta,
                              p.sigma_v, p.rho, m, M);
        est = "Andersen QE, martingale-corrected log step integrated given the variance path, antithetic, stock and variance control variates";
      case {"local-vol-parametric", "local-vol-implied-surface"}
        m = 2 ^ (level + 6);
        ## 32 steps a year or more: the Richardson residual stays below
        ## 1e-4 (it reaches 8e-4 with 32 steps over two years on 3-II)
        M = 32 * 2 ^ max (0, ceil (log2 (T)));
        U = zeros (size (S));
        se = U;
        for i = 1:numel (S)
          volfun = mc_lv_volfun (p.model, S(i), r);
          rand ("state", seed);
          randn ("state", seed);
          [U(i), se(i)] = mcs_local_vol (p.payoff, S(i), p.K, T, r, volfun,
                                         M, m);
        endfor
        est = "log-Euler with Richardson in the step, last step integrated (Black formula), stratified terminal Brownian value and bridge, antithetic, finite-difference delta and gamma hedges as control variates";
    endswitch
  unwind_protect_cleanup
    rand ("state", old_rand);
    randn ("state", old_randn);
  end_unwind_protect

  ## one value per spot, or per pair of spots, in the caller's shape
  U = reshape (U, p.shape);
  se = reshape (se, p.shape);
  info = struct ("paths", 2 * m, "pairs", m, "dates", M, "seed", seed,
                 "stderr", se, "estimator", est);
endfunction

%!test
%! ## The same numbers as mcs_solve, from a problem checked once: both
%! ## reset the streams from the same seed.  European, American (its own
%! ## seeding of the rule) and two assets (a column).
%! for c = {{"1a-I-gamma", 3}, {"1b-I", 2}, {"6", 1}}
%!   [id, lev] = c{1}{:};
%!   problem = benchop_problem (id);
%!   [U1, i1] = mcs_solve_checked (mcs_check (problem, lev), lev);
%!   [U2, i2] = mcs_solve (problem, lev);
%!   assert (isequal (U1, U2) && isequal (i1, i2), id);
%! endfor
