## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} qmcs_solve_checked (@var{p}, @var{level})
## The QMC-S pricing (@pxref{qmcs_solve}) of a problem checked by
## @code{qmcs_check}: what @code{benchop_solve} times.  It checks nothing.
## The point counts, steps and importance-sampling drifts follow from
## @var{level} and the parameters here, and the random digital shift is
## drawn from the fixed seed at every call (the caller's generator states
## restored), so every call does the whole work and returns the same
## numbers.
## @end deftypefn

function [U, info] = qmcs_solve_checked (p, level)
  seed = 20150712;
  S = p.S;
  T = p.T;
  r = p.r;

  old_rand = rand ("state");
  old_randn = randn ("state");
  unwind_protect
    rand ("state", seed);
    randn ("state", seed);
    ## the random digital shift: one 32-bit word per dimension
    shift = uint32 (floor (rand (1, 32) * 2 ^ 32));
    M = 1;
    d = 1;
    if (strcmp (p.model, "heston"))
      ## 21 steps: every variance step gets a quasi-random coordinate
      n = 2 ^ (level + 4);
      M = 21;
      d = M;
      U = qmcs_heston (p.payoff, S, p.K, T, r, p.V0, p.kappa, p.theta,
                       p.sigma_v, p.rho, n, M, shift);
      est = "Andersen QE on 21 quasi-random steps, martingale-corrected log step integrated given the variance path, antithetic, stock and variance control variates";
    elseif (strncmp (p.model, "local-vol", 9))
      n = 2 ^ (level + 3);
      ## 32 steps a year or more: the Richardson residual stays below
      ## 1e-4 (it reaches 8e-4 with 32 steps over two years on 3-II)
      M = 32 * 2 ^ max (0, ceil (log2 (T)));
      d = min (M, 21);
      U = zeros (size (S));
      for i = 1:numel (S)
        volfun = mc_lv_volfun (p.model, S(i), r);
        randn ("state", seed);
        ## importance sampling far out of the money, with the local
        ## volatility at the strike at mid-life (@pxref{mc_tilt_drift})
        theta = mc_tilt_drift (p.payoff, S(i), p.K, T, r, volfun (p.K, T / 2));
        U(i) = qmcs_local_vol (p.payoff, S(i), p.K, T, r, volfun, M, n, shift,
                               theta);
      endfor
      est = "log-Euler on Sobol Brownian-bridge paths (21 quasi-random coordinates), antithetic, Richardson in the step, importance sampling beyond 1 standard deviation out of the money";
    elseif (strcmp (p.exercise, "american")
            && strcmp (p.model, "black-scholes-dividend"))
      n = 2 ^ (level + 4);
      M = 1;
      d = 1;
      U = qmcs_dividend_american (S, p.K, T, r, p.sigma, p.D, p.alpha, n,
                                  shift);
      est = "exercise just before the dividend against the closed-form continuation value, European price plus the premium over 1-D Sobol points, antithetic, importance sampling far out of the money";
    elseif (strcmp (p.exercise, "american"))
      n = 2 ^ (level + 3);
      M = 32;
      d = M;
      U = qmcs_lsm (p.payoff, S, p.K, T, r, p.sigma, n, M, shift);
      est = "exercise rule fitted out of sample (Longstaff-Schwartz), Sobol Brownian-bridge pricing paths, three-term Richardson in dates, European put and stock controls";
    else
      n = 2 ^ (level + 8);
      disc = exp (-r * T);
      switch (p.model)
        case {"black-scholes", "black-scholes-dividend"}
          S0 = S;
          if (strcmp (p.model, "black-scholes-dividend"))
            S0 = (1 - p.D) * S;    # the drop scales S_T whatever its date
          endif
          fun = @(u) qmcs_bs_values (p.payoff, p.output, S0,
                                     std_normal_inv (u(:,1)), p.K, T, r,
                                     p.sigma, p.B);
          est = "exact sampling, antithetic";
        case "merton"
          lam = p.lambda;  g = p.gamma;  dl = p.delta;
          k = expm1 (g + dl ^ 2 / 2);
          fun = @(u) disc * mc_black (p.payoff,
                     S .* exp ((r - lam * k) * T
                               + qmcs_poisson_inv (u(:,1), lam * T)
                                 * (g + dl ^ 2 / 2)),
                     p.K,
                     p.sigma ^ 2 * T
                     + qmcs_poisson_inv (u(:,1), lam * T) * dl ^ 2);
          est = "conditional on the number of jumps";
        case "black-scholes-2d"
          s1 = p.sigma1;  s2 = p.sigma2;  rho = p.rho;
          v = s1 ^ 2 * (1 - rho ^ 2) * T;
          zz = @(u) sqrt (T) * std_normal_inv (u(:,1));
          one = @(z) disc * mc_black ("call",
                     S(:,1).' .* exp ((r - s1 ^ 2 / 2) * T + s1 * rho * z + v / 2),
                     S(:,2).' .* exp ((r - s2 ^ 2 / 2) * T + s2 * z), v);
          fun = @(u) (one (zz (u)) + one (-zz (u))) / 2;
          est = "conditional on the second asset, antithetic";
      endswitch
      U = qmcs_mean (fun, n, d, shift(1:d));
    endif
  unwind_protect_cleanup
    rand ("state", old_rand);
    randn ("state", old_randn);
  end_unwind_protect

  ## one value per spot, or per pair of spots, in the caller's shape
  U = reshape (U, p.shape);
  info = struct ("points", n, "paths", 2 * n, "dims", d, "dates", M,
                 "seed", seed, "estimator", ["Sobol (Joe-Kuo), random digital shift; ", est]);
endfunction

%!test
%! ## The same numbers as qmcs_solve, from a problem checked once: both
%! ## draw the digital shift from the same seed.  Merton (a 1-D integrand),
%! ## American (a pseudo-random rule, then Sobol paths) and two assets.
%! for c = {{"5", 3}, {"1b-I", 2}, {"6", 1}}
%!   [id, lev] = c{1}{:};
%!   problem = benchop_problem (id);
%!   [U1, i1] = qmcs_solve_checked (qmcs_check (problem, lev), lev);
%!   [U2, i2] = qmcs_solve (problem, lev);
%!   assert (isequal (U1, U2) && isequal (i1, i2), id);
%! endfor
