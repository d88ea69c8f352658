## -*- texinfo -*-
## @deftypefn {} {@var{p} =} mc_check_problem (@var{problem}, @var{level}, @var{max_level}, @var{who})
## Check a problem struct and a level for the Monte Carlo methods, once,
## before any timing, and return what their pricing needs.
##
## The checks are those shared by @code{mcs_check} and @code{qmcs_check}:
## the common fields, the parameters each model takes, the payoff, output,
## barrier and exercise combinations the two methods support, and
## @var{level}, an integer from 1 to @var{max_level}.  Errors are reported
## in the name of @var{who}.  The pricing (@code{mcs_solve_checked},
## @code{qmcs_solve_checked} and their helpers) relies on these checks and
## repeats none of them.
##
## @var{p} is a struct with the problem's @code{model}, @code{payoff},
## @code{exercise}, @code{barrier} and @code{output}; the evaluation points
## @code{S} as doubles, a row (an n-by-2 matrix of spot pairs for the
## two-asset model); @code{shape}, the size of the result: that of
## @code{problem.S}, or n-by-1 for two assets; @code{T}, @code{r} and the
## up-and-out barrier @code{B} (@code{Inf} for none) as doubles; and the
## model's own parameters (@code{K}, @code{sigma}, @dots{}) as doubles,
## no others.
## @end deftypefn

function p = mc_check_problem (problem, level, max_level, who)
  if (nargin != 4)
    print_usage ();
  endif
  if (! isstruct (problem) || ! isscalar (problem))
    error ("%s: PROBLEM must be a problem struct", who);
  endif
  need = {"model", "payoff", "exercise", "barrier", "output", "S", "T", "r"};
  missing = need(! isfield (problem, need));
  if (! isempty (missing))
    error ("%s: PROBLEM lacks field '%s'", who, missing{1});
  endif
  for name = need(1:5)
    if (! (ischar (problem.(name{1})) && rows (problem.(name{1})) <= 1))
      error ("%s: %s must be a string", who, name{1});
    endif
  endfor
  check_level (who, level, max_level);
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
      error ("%s: model '%s' is not supported", who, problem.model);
  endswitch
  missing = pars(! isfield (problem, pars));
  if (! isempty (missing))
    error ("%s: PROBLEM lacks field '%s'", who, missing{1});
  endif
  is2d = strcmp (problem.model, "black-scholes-2d");
  if (is2d)
    if (! strcmp (problem.payoff, "exchange"))
      error ("%s: payoff '%s' is not supported for two assets", who,
             problem.payoff);
    endif
  elseif (! any (strcmp (problem.payoff, {"call", "put"})))
    error ("%s: payoff '%s' is not supported", who, problem.payoff);
  endif
  if (! any (strcmp (problem.output, {"price", "delta", "gamma", "vega"})))
    error ("%s: output '%s' is not supported", who, problem.output);
  endif
  if (! strcmp (problem.model, "black-scholes")
      && ! strcmp (problem.output, "price"))
    error ("%s: model '%s' is priced only (no Greeks)", who, problem.model);
  endif
  S = problem.S;
  if (is2d)
    if (! (isnumeric (S) && isreal (S) && ismatrix (S) && columns (S) == 2
           && rows (S) >= 1 && all (isfinite (S(:))) && all (S(:) > 0)))
      error ("%s: S must be an n-by-2 matrix of positive spot pairs", who);
    endif
  elseif (! (isnumeric (S) && isreal (S) && isvector (S) && all (isfinite (S))
             && all (S > 0)))
    error ("%s: S must be a vector of positive spots", who);
  endif
  T = problem.T;  r = problem.r;
  ispos = @(x) isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x) && x > 0;
  isreal1 = @(x) isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x);
  if (! (ispos (T) && (is2d || ispos (problem.K))))
    error ("%s: K and T must be positive scalars", who);
  endif
  if (! isreal1 (r))
    error ("%s: r must be a real scalar", who);
  endif
  for name = intersect (pars, {"sigma", "V0", "kappa", "theta", "sigma_v", ...
                               "delta", "sigma1", "sigma2"})
    if (! ispos (problem.(name{1})))
      error ("%s: %s must be a positive scalar", who, name{1});
    endif
  endfor
  if (isfield (problem, "rho") && any (strcmp (pars, "rho"))
      && ! (isreal1 (problem.rho) && abs (problem.rho) < 1))
    error ("%s: rho must lie in (-1, 1)", who);
  endif
  if (any (strcmp (pars, "D")) && ! (isreal1 (problem.D) && problem.D >= 0
                                     && problem.D < 1))
    error ("%s: D must lie in [0, 1)", who);
  endif
  if (any (strcmp (pars, "alpha")) && ! (isreal1 (problem.alpha)
                                         && problem.alpha > 0
                                         && problem.alpha < 1))
    error ("%s: alpha must lie in (0, 1)", who);
  endif
  if (any (strcmp (pars, "lambda")) && ! (isreal1 (problem.lambda)
                                          && problem.lambda >= 0))
    error ("%s: lambda must be a nonnegative scalar", who);
  endif
  if (any (strcmp (pars, "gamma")) && ! isreal1 (problem.gamma))
    error ("%s: gamma must be a real scalar", who);
  endif
  switch (problem.barrier)
    case "none"
      B = Inf;
    case "up-and-out"
      if (! strcmp (problem.model, "black-scholes"))
        error ("%s: barriers are supported for model black-scholes only",
               who);
      endif
      if (! isfield (problem, "B") || ! ispos (problem.B))
        error ("%s: an up-and-out barrier needs a positive B", who);
      endif
      B = problem.B;
    otherwise
      error ("%s: barrier '%s' is not supported", who, problem.barrier);
  endswitch
  switch (problem.exercise)
    case "european"
      if (isfinite (B) && ! strcmp (problem.output, "price"))
        error ("%s: barrier options are priced only (no Greeks)", who);
      endif
    case "american"
      if (! strcmp (problem.output, "price"))
        error ("%s: American options are priced only (no Greeks)", who);
      endif
      if (isfinite (B))
        error ("%s: American barrier options are not supported", who);
      endif
      switch (problem.model)
        case "black-scholes"
        case "black-scholes-dividend"
          ## exercise just before the dividend is optimal only for a call
          ## with r >= 0 (see mcs_dividend_american, qmcs_dividend_american)
          if (! strcmp (problem.payoff, "call") || r < 0)
            error ("%s: American options with a dividend: calls with r >= 0 only",
                   who);
          endif
        otherwise
          error ("%s: American options are not supported for model '%s'", who,
                 problem.model);
      endswitch
    otherwise
      error ("%s: exercise '%s' is not supported", who, problem.exercise);
  endswitch
  ## Only conversions from here: what the pricing reads, as doubles.
  p = struct ("model", problem.model, "payoff", problem.payoff,
              "exercise", problem.exercise, "barrier", problem.barrier,
              "output", problem.output);
  if (is2d)
    p.S = double (S);
    p.shape = [rows(S), 1];
  else
    p.S = double (S(:).');
    p.shape = size (S);
  endif
  p.T = double (T);
  p.r = double (r);
  p.B = double (B);
  for name = pars
    p.(name{1}) = double (problem.(name{1}));
  endfor
endfunction

%!test
%! q = benchop_problem ("1a-I");
%! p = mc_check_problem (q, 1, 14, "x");
%! assert (p, struct ("model", "black-scholes", "payoff", "call",
%!                    "exercise", "european", "barrier", "none",
%!                    "output", "price", "S", q.S(:).', "shape", size (q.S),
%!                    "T", 1, "r", 0.03, "B", Inf, "K", q.K, "sigma", q.sigma));
%!test
%! ## a column of spots: a row for the pricing, a column for the result;
%! ## singles become doubles
%! q = benchop_problem ("1c-I");
%! q.S = single (q.S(:));
%! q.K = single (q.K);
%! p = mc_check_problem (q, 1, 14, "x");
%! assert (p.S, double (q.S.'));
%! assert (p.shape, [3 1]);
%! assert (class (p.K), "double");
%! assert (p.B, benchop_problem ("1c-I").B);
%!test
%! ## two assets: the pairs as given, one result per row; no K
%! q = benchop_problem ("6");
%! p = mc_check_problem (q, 3, 14, "x");
%! assert (p.S, q.S);
%! assert (p.shape, [rows(q.S), 1]);
%! assert ([p.sigma1, p.sigma2, p.rho], [q.sigma1, q.sigma2, q.rho]);
%! assert (! isfield (p, "K"));
%!test
%! ## each model's parameters, and nothing computed from them
%! for c = {{"2-am", {"K", "sigma", "D", "alpha"}},
%!          {"4", {"K", "V0", "kappa", "theta", "sigma_v", "rho"}},
%!          {"5", {"K", "sigma", "lambda", "gamma", "delta"}},
%!          {"3-II", {"K"}}}
%!   [id, pars] = c{1}{:};
%!   q = benchop_problem (id);
%!   p = mc_check_problem (q, 14, 14, "x");
%!   assert (sort (fieldnames (p)),
%!           sort ([{"model"; "payoff"; "exercise"; "barrier"; "output"; "S";
%!                   "shape"; "T"; "r"; "B"}; pars(:)]));
%!   for name = pars
%!     assert (p.(name{1}), q.(name{1}));
%!   endfor
%! endfor
%!error <^mysolver: LEVEL must be> mc_check_problem (benchop_problem ("1a-I"), 15, 14, "mysolver")
%!error <^mysolver: PROBLEM must be> mc_check_problem (3, 1, 14, "mysolver")
%!error <^x: payoff must be a string> mc_check_problem (setfield (benchop_problem ("1a-I"), "payoff", 1), 1, 14, "x")
%!error <alpha must lie> mc_check_problem (setfield (benchop_problem ("2-am"), "alpha", 0), 1, 14, "x")
%!error <gamma must be> mc_check_problem (setfield (benchop_problem ("5"), "gamma", NaN), 1, 14, "x")
%!error mc_check_problem (benchop_problem ("1a-I"), 1, 14)
