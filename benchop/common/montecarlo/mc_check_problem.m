## -*- texinfo -*-
## @deftypefn {} {[@var{S}, @var{T}, @var{r}, @var{B}, @var{is2d}, @var{pars}] =} mc_check_problem (@var{problem}, @var{level}, @var{max_level}, @var{caller})
## Validate a problem struct and a level for the Monte Carlo solvers.
##
## The checks are those shared by @code{mcs_solve} and @code{qmcs_solve}:
## the common fields, the parameters each model takes (listed in the cell
## @var{pars}), the payoff, output, barrier and exercise combinations the
## two methods support, and @var{level}, an integer from 1 to
## @var{max_level}.  Errors are reported in the name of @var{caller}.
## @var{S}, @var{T} and @var{r} are the problem's spots, maturity and rate;
## @var{B} is the up-and-out barrier (@code{Inf} for none) and @var{is2d}
## is true for the two-asset model.
## @end deftypefn

function [S, T, r, B, is2d, pars] = mc_check_problem (problem, level, max_level, caller)
  if (nargin != 4)
    print_usage ();
  endif
  if (! isstruct (problem) || ! isscalar (problem))
    error ("%s: PROBLEM must be a problem struct", caller);
  endif
  need = {"model", "payoff", "exercise", "barrier", "output", "S", "T", "r"};
  missing = need(! isfield (problem, need));
  if (! isempty (missing))
    error ("%s: PROBLEM lacks field '%s'", caller, missing{1});
  endif
  check_level (caller, level, max_level);
  ## the parameters each model takes besides S, T and r
  switch (problem.model)
    case "black-scholes"
      pars = {"K", "sigma"};
    case "black-scholes-dividend"
      pars = {"K", "sigma", "D", "alpha"};
    case {"local-vol-parametric", "local-vol-implied-surface"}
      pars = {"K"};
    case "heston"
      pars = {"K", "V0", "kappa", "theta", "sigma_v", "rho"};
    case "merton"
      pars = {"K", "sigma", "lambda", "gamma", "delta"};
    case "black-scholes-2d"
      pars = {"sigma1", "sigma2", "rho"};
    otherwise
      error ("%s: model '%s' is not supported", caller, problem.model);
  endswitch
  missing = pars(! isfield (problem, pars));
  if (! isempty (missing))
    error ("%s: PROBLEM lacks field '%s'", caller, missing{1});
  endif
  is2d = strcmp (problem.model, "black-scholes-2d");
  if (is2d)
    if (! strcmp (problem.payoff, "exchange"))
      error ("%s: payoff '%s' is not supported for two assets", caller,
             problem.payoff);
    endif
  elseif (! any (strcmp (problem.payoff, {"call", "put"})))
    error ("%s: payoff '%s' is not supported", caller, problem.payoff);
  endif
  if (! any (strcmp (problem.output, {"price", "delta", "gamma", "vega"})))
    error ("%s: output '%s' is not supported", caller, problem.output);
  endif
  if (! strcmp (problem.model, "black-scholes")
      && ! strcmp (problem.output, "price"))
    error ("%s: model '%s' is priced only (no Greeks)", caller, problem.model);
  endif
  S = problem.S;
  if (is2d)
    if (! (isnumeric (S) && isreal (S) && ismatrix (S) && columns (S) == 2
           && rows (S) >= 1 && all (isfinite (S(:))) && all (S(:) > 0)))
      error ("%s: S must be an n-by-2 matrix of positive spot pairs", caller);
    endif
  elseif (! (isnumeric (S) && isreal (S) && isvector (S) && all (isfinite (S))
             && all (S > 0)))
    error ("%s: S must be a vector of positive spots", caller);
  endif
  T = problem.T;  r = problem.r;
  ispos = @(x) isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x) && x > 0;
  isreal1 = @(x) isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x);
  if (! (ispos (T) && (is2d || ispos (problem.K))))
    error ("%s: K and T must be positive scalars", caller);
  endif
  if (! isreal1 (r))
    error ("%s: r must be a real scalar", caller);
  endif
  for name = intersect (pars, {"sigma", "V0", "kappa", "theta", "sigma_v", ...
                               "delta", "sigma1", "sigma2"})
    if (! ispos (problem.(name{1})))
      error ("%s: %s must be a positive scalar", caller, name{1});
    endif
  endfor
  if (isfield (problem, "rho") && any (strcmp (pars, "rho"))
      && ! (isreal1 (problem.rho) && abs (problem.rho) < 1))
    error ("%s: rho must lie in (-1, 1)", caller);
  endif
  if (any (strcmp (pars, "D")) && ! (isreal1 (problem.D) && problem.D >= 0
                                     && problem.D < 1))
    error ("%s: D must lie in [0, 1)", caller);
  endif
  if (any (strcmp (pars, "alpha")) && ! (isreal1 (problem.alpha)
                                         && problem.alpha > 0
                                         && problem.alpha < 1))
    error ("%s: alpha must lie in (0, 1)", caller);
  endif
  if (any (strcmp (pars, "lambda")) && ! (isreal1 (problem.lambda)
                                          && problem.lambda >= 0))
    error ("%s: lambda must be a nonnegative scalar", caller);
  endif
  if (any (strcmp (pars, "gamma")) && ! isreal1 (problem.gamma))
    error ("%s: gamma must be a real scalar", caller);
  endif
  switch (problem.barrier)
    case "none"
      B = Inf;
    case "up-and-out"
      if (! strcmp (problem.model, "black-scholes"))
        error ("%s: barriers are supported for model black-scholes only",
               caller);
      endif
      if (! isfield (problem, "B") || ! ispos (problem.B))
        error ("%s: an up-and-out barrier needs a positive B", caller);
      endif
      B = problem.B;
    otherwise
      error ("%s: barrier '%s' is not supported", caller, problem.barrier);
  endswitch
  switch (problem.exercise)
    case "european"
      if (isfinite (B) && ! strcmp (problem.output, "price"))
        error ("%s: barrier options are priced only (no Greeks)", caller);
      endif
    case "american"
      if (! strcmp (problem.output, "price"))
        error ("%s: American options are priced only (no Greeks)", caller);
      endif
      if (isfinite (B))
        error ("%s: American barrier options are not supported", caller);
      endif
      switch (problem.model)
        case "black-scholes"
        case "black-scholes-dividend"
          ## exercise just before the dividend is optimal only for a call
          ## with r >= 0 (see mcs_dividend_american, qmcs_dividend_american)
          if (! strcmp (problem.payoff, "call") || r < 0)
            error ("%s: American options with a dividend: calls with r >= 0 only",
                   caller);
          endif
        otherwise
          error ("%s: American options are not supported for model '%s'", caller,
                 problem.model);
      endswitch
    otherwise
      error ("%s: exercise '%s' is not supported", caller, problem.exercise);
  endswitch
endfunction

%!test
%! [S, T, r, B, is2d, pars] = mc_check_problem (benchop_problem ("1a-I"), 1, 14, "x");
%! assert ([T, r, B, is2d], [1, 0.03, Inf, false]);
%! assert (pars, {"K", "sigma"});
%! assert (S, benchop_problem ("1a-I").S);
%!test
%! [~, ~, ~, B] = mc_check_problem (benchop_problem ("1c-I"), 1, 14, "x");
%! assert (B, benchop_problem ("1c-I").B);
%! [~, ~, ~, ~, is2d, pars] = mc_check_problem (benchop_problem ("6"), 3, 14, "x");
%! assert (is2d);
%! assert (pars, {"sigma1", "sigma2", "rho"});
%!error <^mysolver: LEVEL must be> mc_check_problem (benchop_problem ("1a-I"), 15, 14, "mysolver")
%!error <^mysolver: PROBLEM must be> mc_check_problem (3, 1, 14, "mysolver")
%!error <alpha must lie> mc_check_problem (setfield (benchop_problem ("2-am"), "alpha", 0), 1, 14, "x")
%!error <gamma must be> mc_check_problem (setfield (benchop_problem ("5"), "gamma", NaN), 1, 14, "x")
%!error mc_check_problem (benchop_problem ("1a-I"), 1, 14)
