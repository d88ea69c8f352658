## -*- texinfo -*-
## @deftypefn {} {@var{p} =} fdnu_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the FD-NU method,
## once, before any timing (@pxref{fdnu_solve}), and return what
## @code{fdnu_solve_checked} needs.
##
## First the descriptors: models @qcode{"black-scholes"},
## @qcode{"black-scholes-dividend"}, @qcode{"local-vol-parametric"},
## @qcode{"local-vol-implied-surface"}, @qcode{"merton"},
## @qcode{"heston"} and @qcode{"black-scholes-2d"}; payoffs @qcode{"call"}
## and @qcode{"put"} (@qcode{"exchange"} for, and only for, the two-asset
## model); European or American exercise; no barrier or an up-and-out
## barrier; outputs price, delta, gamma and (models with a constant sigma)
## vega.  The two-dimensional models (Heston, two assets) take European
## prices only.  Then the parameters that the model needs: S a vector of
## positive finite prices (an n-by-2 matrix for the two-asset model); K,
## T, sigma, B, delta, V0, kappa, theta, sigma_v, sigma1, sigma2 positive
## finite scalars; r, gamma finite real scalars; -1 < rho < 1;
## 0 <= D < 1; 0 < alpha < 1; lambda >= 0 (@pxref{pde_check_params}); an
## up-and-out put needs B > K.  Last, @var{level} must be an integer from
## 1 to 13.  Messages start with @qcode{"fdnu_check: "}.
##
## @var{p} holds the descriptors @code{model}, @code{payoff},
## @code{exercise}, @code{barrier} and @code{output}, and the parameters
## the model needs as doubles: @code{S} as a row (an n-by-2 matrix of
## pairs for the two-asset model), @code{K}, @code{T}, @code{r}, @dots{}
## @end deftypefn

function p = fdnu_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  max_level = 13;
  if (! isstruct (problem) || ! isscalar (problem))
    error ("fdnu_check: PROBLEM must be a problem struct");
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
      error ("fdnu_check: PROBLEM lacks field '%s'", f{1});
    endif
    v = problem.(f{1});
    if (! ischar (v) || ! any (strcmp (v, choices.(f{1}))))
      error ("fdnu_check: %s '%s' is not supported", f{1}, num2str (v));
    endif
  endfor
  model = problem.model;
  need = {"S", "K", "T", "r"};
  switch (model)
    case "black-scholes"
      need = [need, {"sigma"}];
    case "black-scholes-dividend"
      need = [need, {"sigma", "D", "alpha"}];
    case "merton"
      need = [need, {"sigma", "lambda", "gamma", "delta"}];
    case "black-scholes-2d"
      need = {"S", "T", "r", "sigma1", "sigma2", "rho"};
    case "heston"
      need = [need, {"V0", "kappa", "theta", "sigma_v", "rho"}];
  endswitch
  two_d = any (strcmp (model, {"heston", "black-scholes-2d"}));
  if (two_d && (! strcmp (problem.exercise, "european")
                || ! strcmp (problem.barrier, "none")
                || ! strcmp (problem.output, "price")))
    ## The 2-D solvers price European options only.
    error ("fdnu_check: model '%s' supports European prices only", model);
  endif
  if (strcmp (model, "black-scholes-2d") != strcmp (problem.payoff, "exchange"))
    error ("fdnu_check: payoff '%s' is not supported for model '%s'",
           problem.payoff, model);
  endif
  if (strncmp (model, "local-vol", 9) && strcmp (problem.output, "vega"))
    ## No single sigma to differentiate by.
    error ("fdnu_check: output 'vega' is not supported for model '%s'",
           model);
  endif
  barrier = strcmp (problem.barrier, "up-and-out");
  if (barrier)
    need{end+1} = "B";
  endif
  pde_check_params (problem, "fdnu_check", need);
  if (barrier && strcmp (problem.payoff, "put") && problem.B <= problem.K)
    error ("fdnu_check: an up-and-out put needs B > K");
  endif
  check_level ("fdnu_check", level, max_level);

  p = pde_checked_fields (problem, need);
endfunction

%!test
%! ## The descriptors and the model's parameters, as doubles, S a row.
%! q = benchop_problem ("1c-I");
%! q.S = single ([95; 100]);
%! p = fdnu_check (q, 1);
%! assert (p, struct ("model", "black-scholes", "payoff", "call",
%!                    "exercise", "european", "barrier", "up-and-out",
%!                    "output", "price", "S", [95 100], "K", q.K, "T", q.T,
%!                    "r", q.r, "sigma", q.sigma, "B", q.B));
%! assert (class (p.S), "double");
%!test
%! ## Two assets: S stays n-by-2.
%! q = benchop_problem ("6");
%! p = fdnu_check (q, 1);
%! assert (p.S, q.S);
%! assert (sort (fieldnames (p)), sort ({"model"; "payoff"; "exercise";
%!   "barrier"; "output"; "S"; "T"; "r"; "sigma1"; "sigma2"; "rho"}));
%!test
%! ## Every problem of the method passes, at every level.
%! m = benchop_methods ("get", "FD-NU");
%! for id = m.problems
%!   fdnu_check (benchop_problem (id{1}), 1);
%!   fdnu_check (benchop_problem (id{1}), m.max_level);
%! endfor
%!test
%! ## The max level of method.json is the check's; the method is split.
%! m = jsondecode (fileread (fullfile (benchop_methods ("get", "FD-NU").dir,
%!                                     "method.json")));
%! assert (m.levels.max, 13);
%! assert (m.levels.default <= m.levels.max);
%! assert (m.check, "fdnu_check");
%! assert (m.price, "fdnu_solve_checked");
%!test
%! ## the standard input errors (PROBLEM, descriptors, LEVEL, parameters)
%! pde_assert_input_errors (@fdnu_check, 13);
%!error fdnu_check (benchop_problem ("1a-I"))
%!error fdnu_check ()
%!error <fdnu_check: PROBLEM must be> fdnu_check ({}, 1)
%!error <fdnu_check: PROBLEM must be> fdnu_check (3, 1)
%!error <fdnu_check: PROBLEM lacks field 'output'>
%! fdnu_check (rmfield (benchop_problem ("1a-I"), "output"), 1);
%!error <fdnu_check: PROBLEM lacks field 'D'>
%! fdnu_check (rmfield (benchop_problem ("2-eu"), "D"), 1);
%!error <fdnu_check: model 'sabr' is not supported>
%! fdnu_check (setfield (benchop_problem ("1a-I"), "model", "sabr"), 1);
%!error <fdnu_check: payoff 'call' is not supported for model 'black-scholes-2d'>
%! fdnu_check (setfield (benchop_problem ("6"), "payoff", "call"), 1);
%!error <fdnu_check: payoff 'exchange' is not supported for model 'black-scholes'>
%! fdnu_check (setfield (benchop_problem ("1a-I"), "payoff", "exchange"), 1);
%!error <fdnu_check: model 'heston' supports European prices only>
%! fdnu_check (setfield (benchop_problem ("4"), "exercise", "american"), 1);
%!error <fdnu_check: model 'heston' supports European prices only>
%! fdnu_check (setfield (benchop_problem ("4"), "output", "delta"), 1);
%!error <fdnu_check: model 'black-scholes-2d' supports European prices only>
%! fdnu_check (setfield (benchop_problem ("6"), "barrier", "up-and-out"), 1);
%!error <fdnu_check: output 'vega' is not supported for model 'local-vol-parametric'>
%! fdnu_check (setfield (benchop_problem ("3-I"), "output", "vega"), 1);
%!error <fdnu_check: an up-and-out put needs B>
%! fdnu_check (setfield (benchop_problem ("1c-I", "B", 95), "payoff", "put"), 1);
%!error <fdnu_check: S must be> fdnu_check (benchop_problem ("1a-I", "S", []), 1)
%!error <fdnu_check: S must be an n-by-2> fdnu_check (benchop_problem ("6", "S", [100 90 80]), 1)
%!error <fdnu_check: sigma2 must be> fdnu_check (benchop_problem ("6", "sigma2", 0), 1)
%!error <fdnu_check: rho must be> fdnu_check (benchop_problem ("4", "rho", 1), 1)
%!error <fdnu_check: D must be> fdnu_check (benchop_problem ("2-eu", "D", 1), 1)
%!error <fdnu_check: D must be> fdnu_check (benchop_problem ("2-eu", "D", -0.1), 1)
%!error <fdnu_check: alpha must be> fdnu_check (benchop_problem ("2-eu", "alpha", 0), 1)
%!error <fdnu_check: lambda must be> fdnu_check (benchop_problem ("5", "lambda", -1), 1)
%!error <fdnu_check: delta must be> fdnu_check (benchop_problem ("5", "delta", 0), 1)
%!error <fdnu_check: LEVEL must be an integer from 1 to 13> fdnu_check (benchop_problem ("1a-I"), 14)
%!error <fdnu_check: LEVEL must be> fdnu_check (benchop_problem ("1a-I"), 1.5)
