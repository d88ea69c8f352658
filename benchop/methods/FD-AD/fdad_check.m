## -*- texinfo -*-
## @deftypefn {} {@var{p} =} fdad_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the FD-AD method
## once, before any timing (@pxref{fdad_solve}), and return what
## @code{fdad_solve_checked} needs.
##
## Supported: models @qcode{"black-scholes"},
## @qcode{"black-scholes-dividend"}, @qcode{"local-vol-parametric"},
## @qcode{"local-vol-implied-surface"} with payoffs @qcode{"call"} and
## @qcode{"put"}, European or American exercise, no barrier or an
## up-and-out barrier, outputs price, delta, gamma and (constant sigma)
## vega; and model @qcode{"black-scholes-2d"} with the payoff
## @qcode{"exchange"}, European prices only.  The parameters the model
## needs must be in range (@pxref{pde_check_params}); an up-and-out put
## needs B > K; @var{level} must be an integer from 1 to 12.  Messages
## start with @qcode{"fdad_check: "}.
##
## @var{p} holds the descriptors @code{model}, @code{payoff},
## @code{exercise}, @code{barrier}, @code{output} and the model's
## parameters as doubles, @code{S} a row (n-by-2 pairs for two assets).
## @end deftypefn

function p = fdad_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  if (! isstruct (problem) || ! isscalar (problem))
    error ("fdad_check: PROBLEM must be a problem struct");
  endif
  allowed = {"model", {"black-scholes", "black-scholes-dividend", ...
                       "local-vol-parametric", "local-vol-implied-surface", ...
                       "black-scholes-2d"};
             "payoff", {"call", "put", "exchange"};
             "exercise", {"european", "american"};
             "barrier", {"none", "up-and-out"};
             "output", {"price", "delta", "gamma", "vega"}};
  for k = 1:rows (allowed)
    name = allowed{k, 1};
    if (! isfield (problem, name))
      error ("fdad_check: PROBLEM lacks field '%s'", name);
    endif
    v = problem.(name);
    if (! ischar (v) || ! any (strcmp (v, allowed{k, 2})))
      error ("fdad_check: %s '%s' is not supported", name, num2str (v));
    endif
  endfor
  model = problem.model;
  two_assets = strcmp (model, "black-scholes-2d");
  if (two_assets != strcmp (problem.payoff, "exchange"))
    error ("fdad_check: payoff '%s' is not supported for model '%s'",
           problem.payoff, model);
  endif
  if (two_assets && ! (strcmp (problem.exercise, "european")
                       && strcmp (problem.barrier, "none")
                       && strcmp (problem.output, "price")))
    error ("fdad_check: model '%s' supports European prices only", model);
  endif
  if (strncmp (model, "local-vol", 9) && strcmp (problem.output, "vega"))
    error ("fdad_check: output 'vega' is not supported for model '%s'", model);
  endif
  switch (model)
    case "black-scholes"
      need = {"S", "K", "T", "r", "sigma"};
    case "black-scholes-dividend"
      need = {"S", "K", "T", "r", "sigma", "D", "alpha"};
    case "black-scholes-2d"
      need = {"S", "T", "r", "sigma1", "sigma2", "rho"};
    otherwise
      need = {"S", "K", "T", "r"};
  endswitch
  barrier = strcmp (problem.barrier, "up-and-out");
  if (barrier)
    need{end+1} = "B";
  endif
  pde_check_params (problem, "fdad_check", need);
  if (barrier && strcmp (problem.payoff, "put") && problem.B <= problem.K)
    error ("fdad_check: an up-and-out put needs B > K");
  endif
  check_level ("fdad_check", level, 12);
  p = pde_checked_fields (problem, need);
endfunction

%!test
%! q = benchop_problem ("1c-I");
%! q.S = single ([95; 100]);
%! p = fdad_check (q, 1);
%! assert (p, struct ("model", "black-scholes", "payoff", "call",
%!                    "exercise", "european", "barrier", "up-and-out",
%!                    "output", "price", "S", [95 100], "K", q.K, "T", q.T,
%!                    "r", q.r, "sigma", q.sigma, "B", q.B));
%!test
%! ## Every problem of method.json passes at levels 1 and max.
%! m = benchop_methods ("get", "FD-AD");
%! for id = m.problems
%!   fdad_check (benchop_problem (id{1}), 1);
%!   fdad_check (benchop_problem (id{1}), m.max_level);
%! endfor
%!test
%! m = jsondecode (fileread (fullfile (benchop_methods ("get", "FD-AD").dir,
%!                                     "method.json")));
%! assert (m.levels.max, 12);
%! assert (m.levels.default <= m.levels.max);
%! assert ({m.check, m.price}, {"fdad_check", "fdad_solve_checked"});
%!test
%! pde_assert_input_errors (@fdad_check, 12);
%!error fdad_check (benchop_problem ("1a-I"))
%!error <PROBLEM lacks field 'D'> fdad_check (rmfield (benchop_problem ("2-eu"), "D"), 1)
%!error <model 'heston' is not supported> fdad_check (benchop_problem ("4"), 1)
%!error <model 'merton' is not supported> fdad_check (benchop_problem ("5"), 1)
%!error <payoff 'call' is not supported for model 'black-scholes-2d'>
%! fdad_check (setfield (benchop_problem ("6"), "payoff", "call"), 1);
%!error <payoff 'exchange' is not supported for model 'black-scholes'>
%! fdad_check (setfield (benchop_problem ("1a-I"), "payoff", "exchange"), 1);
%!error <supports European prices only>
%! fdad_check (setfield (benchop_problem ("6"), "output", "delta"), 1);
%!error <output 'vega' is not supported for model 'local-vol-parametric'>
%! fdad_check (setfield (benchop_problem ("3-I"), "output", "vega"), 1);
%!error <an up-and-out put needs B>
%! fdad_check (setfield (benchop_problem ("1c-I", "B", 95), "payoff", "put"), 1);
%!error <S must be an n-by-2> fdad_check (benchop_problem ("6", "S", [100 90 80]), 1)
%!error <alpha must be> fdad_check (benchop_problem ("2-eu", "alpha", 0), 1)
%!error <LEVEL must be an integer from 1 to 12> fdad_check (benchop_problem ("1a-I"), 13)
