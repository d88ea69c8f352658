## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} cos_solve_checked (@var{p}, @var{level})
## The COS method's pricing (@pxref{cos_solve}) of a problem checked by
## @code{cos_check}: what @code{benchop_solve} times.  It checks nothing;
## the cumulants, truncation ranges and numbers of terms all come from the
## parameters in @var{p} here, on every call.
## @end deftypefn

function [U, info] = cos_solve_checked (p, level)
  S = p.S;
  model = p.model;
  r = p.r;
  T = p.T;
  payoff = p.payoff;
  output = p.output;
  exercise = p.exercise;

  if (! strcmp (model, "black-scholes"))
    ## The other models: European prices, and the dividend's American call.
    info = struct ("N", 0, "M", [], "L", 10);
    if (strcmp (model, "black-scholes-2d"))
      [U, info.N] = cos_exchange (S, T, r, p.sigma1, p.sigma2, p.rho, level);
    elseif (strcmp (model, "local-vol-implied-surface"))
      [U, info] = cos_local_vol_call (S, p.K, T, r, level, payoff);
      info.L = 14;
    elseif (strcmp (exercise, "american"))
      ## One small FFT per group: FFTW's threads only slow it down.
      nthreads = [];
      try
        nthreads = fftw ("threads");
        fftw ("threads", 1);
      end_try_catch
      unwind_protect
        [U, info.N] = cos_dividend_american_call (S, p.K, T, r, p.sigma, p.D,
                                                  p.alpha, level);
      unwind_protect_cleanup
        if (! isempty (nthreads))
          fftw ("threads", nthreads);
        endif
      end_unwind_protect
    else
      [U, info.N] = cos_cf_european (model_log_cf (model, p), payoff, S, p.K,
                                     T, r, level);
    endif
    return;
  endif
  K = p.K;
  sigma = p.sigma;

  if (strcmp (p.barrier, "none"))
    if (strcmp (exercise, "american") && strcmp (payoff, "call"))
      exercise = "european";    # no dividends, r >= 0: early exercise never pays
    endif
    kind = exercise;
  else
    kind = "barrier";
  endif

  ## Resolution of this level.
  res = struct ("N", 2^(level + 1), "M0", 2^(level - 1), "q", 5, "L", 10);
  if (strcmp (kind, "european"))
    U = cos_european (payoff, output, S, K, T, r, sigma, res.N);
    info = struct ("N", res.N, "M", []);
  else
    ## FFTW's threads only slow transforms this small down, badly so on a
    ## busy machine: use one thread, and restore the setting afterwards.
    nthreads = [];
    try
      nthreads = fftw ("threads");
      fftw ("threads", 1);
    end_try_catch
    unwind_protect
      if (strcmp (kind, "american"))
        [U, info] = cos_american_put (S, K, T, r, sigma, res);
      else
        [U, info] = cos_up_and_out_call (S, K, p.B, T, r, sigma, res);
      endif
    unwind_protect_cleanup
      if (! isempty (nthreads))
        fftw ("threads", nthreads);
      endif
    end_unwind_protect
  endif
  info.L = res.L;
endfunction

%!test
%! ## The same prices and info as cos_solve, from a problem checked once:
%! ## European Greeks, American and barrier recursions, the other models.
%! for id = {"1a-I-vega", "1b-I", "1c-I", "2-am", "4", "6", "3-II"}
%!   problem = benchop_problem (id{1});
%!   [U, info] = cos_solve_checked (cos_check (problem, 3), 3);
%!   [U0, info0] = cos_solve (problem, 3);
%!   assert (U, U0);
%!   assert (info, info0);
%! endfor
%!test
%! ## Checked once, priced twice: the same numbers each time.
%! p = cos_check (benchop_problem ("1c-II"), 2);
%! assert (cos_solve_checked (p, 2), cos_solve_checked (p, 2));
