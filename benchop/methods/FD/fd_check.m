## -*- texinfo -*-
## @deftypefn {} {@var{p} =} fd_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the FD method, once,
## before any timing (@pxref{fd_solve}), and return what
## @code{fd_solve_checked} needs.
##
## First the descriptors: model @qcode{"black-scholes"},
## @qcode{"black-scholes-dividend"}, @qcode{"local-vol-parametric"},
## @qcode{"local-vol-implied-surface"}, @qcode{"merton"}, @qcode{"heston"}
## or @qcode{"black-scholes-2d"}; payoff @qcode{"call"} or @qcode{"put"}
## (@qcode{"exchange"} for, and only for, the two-asset model); exercise
## @qcode{"european"} or @qcode{"american"}; barrier @qcode{"none"} or
## @qcode{"up-and-out"}; output @qcode{"price"}, @qcode{"delta"},
## @qcode{"gamma"} or @qcode{"vega"}.  Then what the model supports: only
## the Black-Scholes model takes barriers and Greeks, only it and the
## dividend model American exercise.  Then the parameters that this model
## needs: S a vector of positive finite prices (an n-by-2 matrix for the
## two-asset model), K, T (and sigma, B, delta, V0, kappa, theta, sigma_v,
## sigma1, sigma2 where needed) positive finite scalars, rho in [-1, 1],
## r and gamma finite real scalars, lambda a nonnegative finite scalar, the
## dividend fraction 0 <= D < 1 and its date as a fraction of T,
## 0 <= alpha <= 1 (@pxref{pde_check_params}).  Last, @var{level} must be
## an integer from 1 to 13.  Messages start with @qcode{"fd_check: "}.
##
## @var{p} holds the descriptors @code{model}, @code{payoff},
## @code{exercise}, @code{barrier} and @code{output}, and the parameters
## the model needs as doubles: @code{S} as a row (an n-by-2 matrix of
## pairs for the two-asset model), @code{K}, @code{T}, @code{r}, @dots{}
## @end deftypefn

function p = fd_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  max_level = 13;
  if (! isstruct (problem) || ! isscalar (problem))
    error ("fd_check: PROBLEM must be a problem struct");
  endif
  choices = struct ("model", {{"black-scholes", "black-scholes-dividend", ...
                                "local-vol-parametric", ...
                                "local-vol-implied-surface", "merton", ...
                                "heston", "black-scholes-2d"}},
                    "payoff", {{"call", "put", "exchange"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  descriptors = fieldnames (choices).';
  for f = descriptors
    if (! isfield (problem, f{1}))
      error ("fd_check: PROBLEM lacks field '%s'", f{1});
    endif
    v = problem.(f{1});
    if (! ischar (v) || ! any (strcmp (v, choices.(f{1}))))
      error ("fd_check: %s '%s' is not supported", f{1}, num2str (v));
    endif
  endfor
  model = problem.model;
  bs = strcmp (model, "black-scholes");
  if (! bs && ! strcmp (problem.barrier, "none"))
    error ("fd_check: barrier '%s' is not supported for model '%s'",
           problem.barrier, model);
  endif
  if (! bs && ! strcmp (problem.output, "price"))
    error ("fd_check: output '%s' is not supported for model '%s'",
           problem.output, model);
  endif
  if (strcmp (problem.exercise, "american")
      && ! any (strcmp (model, {"black-scholes", "black-scholes-dividend"})))
    error ("fd_check: exercise 'american' is not supported for model '%s'",
           model);
  endif
  if (strcmp (model, "black-scholes-2d") != strcmp (problem.payoff, "exchange"))
    error ("fd_check: payoff '%s' is not supported for model '%s'",
           problem.payoff, model);
  endif
  switch (model)
    case {"local-vol-parametric", "local-vol-implied-surface"}
      need = {"S", "K", "T", "r"};
    case "black-scholes-2d"
      need = {"S", "T", "r", "sigma1", "sigma2", "rho"};
    case "black-scholes-dividend"
      need = {"S", "K", "T", "r", "sigma", "D", "alpha"};
    case "merton"
      need = {"S", "K", "T", "r", "sigma", "lambda", "gamma", "delta"};
    case "heston"
      need = {"S", "K", "T", "r", "V0", "kappa", "theta", "sigma_v", "rho"};
    otherwise
      need = {"S", "K", "T", "r", "sigma"};
  endswitch
  if (strcmp (problem.barrier, "up-and-out"))
    need{end+1} = "B";
  endif
  ## rho = +-1 and a dividend at either end are within the FD schemes.
  pde_check_params (problem, "fd_check", need, true);
  check_level ("fd_check", level, max_level);

  p = pde_checked_fields (problem, need);
endfunction

%!test
%! ## The descriptors and the model's parameters, as doubles, S a row.
%! q = benchop_problem ("1c-I");
%! q.S = single ([95; 100]);
%! p = fd_check (q, 1);
%! assert (p, struct ("model", "black-scholes", "payoff", "call",
%!                    "exercise", "european", "barrier", "up-and-out",
%!                    "output", "price", "S", [95 100], "K", q.K, "T", q.T,
%!                    "r", q.r, "sigma", q.sigma, "B", q.B));
%! assert (class (p.S), "double");
%!test
%! ## Two assets: S stays n-by-2.
%! q = benchop_problem ("6");
%! p = fd_check (q, 1);
%! assert (p.S, q.S);
%! assert (sort (fieldnames (p)), sort ({"model"; "payoff"; "exercise";
%!   "barrier"; "output"; "S"; "T"; "r"; "sigma1"; "sigma2"; "rho"}));
%!test
%! ## Every problem of the method passes, at every level.
%! m = benchop_methods ("get", "FD");
%! for id = m.problems
%!   fd_check (benchop_problem (id{1}), 1);
%!   fd_check (benchop_problem (id{1}), m.max_level);
%! endfor
%!test
%! ## The max level of method.json is the check's; the method is split.
%! m = jsondecode (fileread (fullfile (benchop_methods ("get", "FD").dir,
%!                                     "method.json")));
%! assert (m.levels.max, 13);
%! assert (m.levels.default <= m.levels.max);
%! assert (m.check, "fd_check");
%! assert (m.price, "fd_solve_checked");
%!test
%! ## rho = +-1 and a dividend at either end are accepted.
%! fd_check (benchop_problem ("6", "rho", -1), 1);
%! fd_check (benchop_problem ("2-eu", "alpha", 0), 1);
%! fd_check (benchop_problem ("2-am", "alpha", 1), 1);
%!test
%! ## the standard input errors (PROBLEM, descriptors, LEVEL, parameters)
%! pde_assert_input_errors (@fd_check, 13);
%!error fd_check (benchop_problem ("1a-I"))
%!error fd_check ()
%!error <fd_check: PROBLEM must be> fd_check ({}, 1)
%!error <fd_check: PROBLEM must be> fd_check (3, 1)
%!error <fd_check: PROBLEM lacks field 'output'>
%! fd_check (rmfield (benchop_problem ("1a-I"), "output"), 1);
%!error <fd_check: PROBLEM lacks field 'B'>
%! fd_check (rmfield (benchop_problem ("1c-I"), "B"), 1);
%!error <fd_check: model 'sabr' is not supported>
%! fd_check (setfield (benchop_problem ("1a-I"), "model", "sabr"), 1);
%!error <fd_check: payoff 'put' is not supported for model 'black-scholes-2d'>
%! fd_check (setfield (benchop_problem ("6"), "payoff", "put"), 1);
%!error <fd_check: payoff 'call' is not supported for model 'black-scholes-2d'>
%! fd_check (setfield (benchop_problem ("6"), "payoff", "call"), 1);
%!error <fd_check: payoff 'exchange' is not supported for model 'black-scholes'>
%! fd_check (setfield (benchop_problem ("1a-I"), "payoff", "exchange"), 1);
%!error <fd_check: exercise 'american' is not supported for model 'merton'>
%! fd_check (setfield (benchop_problem ("5"), "exercise", "american"), 1);
%!error <fd_check: output 'delta' is not supported for model 'local-vol-parametric'>
%! fd_check (setfield (benchop_problem ("3-I"), "output", "delta"), 1);
%!error <fd_check: barrier 'up-and-out' is not supported for model 'heston'>
%! fd_check (setfield (benchop_problem ("4"), "barrier", "up-and-out"), 1);
%!error <fd_check: S must be> fd_check (benchop_problem ("1a-I", "S", []), 1)
%!error <fd_check: S must be an n-by-2> fd_check (benchop_problem ("6", "S", [1 2 3]), 1)
%!error <fd_check: rho must be> fd_check (benchop_problem ("4", "rho", -1.5), 1)
%!error <fd_check: V0 must be> fd_check (benchop_problem ("4", "V0", 0), 1)
%!error <fd_check: D must be> fd_check (benchop_problem ("2-eu", "D", 1), 1)
%!error <fd_check: alpha must be> fd_check (benchop_problem ("2-eu", "alpha", -0.1), 1)
%!error <fd_check: lambda must be> fd_check (benchop_problem ("5", "lambda", -1), 1)
%!error <fd_check: delta must be> fd_check (benchop_problem ("5", "delta", 0), 1)
%!error <fd_check: gamma must be> fd_check (benchop_problem ("5", "gamma", NaN), 1)
%!error <fd_check: LEVEL must be an integer from 1 to 13> fd_check (benchop_problem ("1a-I"), 14)
%!error <fd_check: LEVEL must be> fd_check (benchop_problem ("1a-I"), 1.5)
