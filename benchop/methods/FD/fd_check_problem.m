## -*- texinfo -*-
## @deftypefn {} {} fd_check_problem (@var{problem})
## Validate a problem struct for @code{fd_solve}, or fail with an error
## naming what is wrong: first the descriptors (model
## @qcode{"black-scholes"}, @qcode{"black-scholes-dividend"},
## @qcode{"local-vol-parametric"}, @qcode{"local-vol-implied-surface"},
## @qcode{"merton"}, @qcode{"heston"} or @qcode{"black-scholes-2d"}; payoff
## @qcode{"call"} or @qcode{"put"} (@qcode{"exchange"} for, and only for,
## the two-asset model); exercise
## @qcode{"european"} or @qcode{"american"}; barrier @qcode{"none"} or
## @qcode{"up-and-out"}; output @qcode{"price"}, @qcode{"delta"},
## @qcode{"gamma"} or @qcode{"vega"}), then what the model supports (only
## the Black-Scholes model takes barriers and Greeks, only it and the
## dividend model American exercise), then the parameters that this model
## needs: S a vector of positive finite prices (an n-by-2 matrix for the
## two-asset model), K, T (and sigma, B, delta, V0, kappa, theta, sigma_v,
## sigma1, sigma2 where needed) positive finite scalars, rho in
## [-1, 1], r and gamma finite real scalars,
## lambda a nonnegative finite scalar, the dividend fraction 0 <= D < 1 and
## its date as a fraction of T, 0 <= alpha <= 1 (the parameter checks are
## shared, @pxref{pde_check_params}).  Messages start with
## @qcode{"fd_solve: "}, the function the user called.
## @end deftypefn

function fd_check_problem (p)
  if (nargin != 1)
    print_usage ();
  endif
  if (! isstruct (p) || ! isscalar (p))
    error ("fd_solve: PROBLEM must be a problem struct");
  endif
  choices = struct ("model", {{"black-scholes", "black-scholes-dividend", ...
                                "local-vol-parametric", ...
                                "local-vol-implied-surface", "merton", "heston", ...
                                "black-scholes-2d"}},
                    "payoff", {{"call", "put", "exchange"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  for f = fieldnames (choices).'
    if (! isfield (p, f{1}))
      error ("fd_solve: PROBLEM lacks field '%s'", f{1});
    endif
    v = p.(f{1});
    if (! ischar (v) || ! any (strcmp (v, choices.(f{1}))))
      error ("fd_solve: %s '%s' is not supported", f{1}, num2str (v));
    endif
  endfor
  bs = strcmp (p.model, "black-scholes");
  if (! bs && ! strcmp (p.barrier, "none"))
    error ("fd_solve: barrier '%s' is not supported for model '%s'",
           p.barrier, p.model);
  endif
  if (! bs && ! strcmp (p.output, "price"))
    error ("fd_solve: output '%s' is not supported for model '%s'",
           p.output, p.model);
  endif
  if (strcmp (p.exercise, "american")
      && ! any (strcmp (p.model, {"black-scholes", "black-scholes-dividend"})))
    error ("fd_solve: exercise 'american' is not supported for model '%s'",
           p.model);
  endif
  if (strcmp (p.model, "black-scholes-2d") != strcmp (p.payoff, "exchange"))
    error ("fd_solve: payoff '%s' is not supported for model '%s'",
           p.payoff, p.model);
  endif
  switch (p.model)
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
  if (strcmp (p.barrier, "up-and-out"))
    need{end+1} = "B";
  endif
  ## rho = +-1 and a dividend at either end are within the FD schemes.
  pde_check_params (p, "fd_solve", need, true);
endfunction

%!test
%! fd_check_problem (benchop_problem ("1c-I"));   # passes silently
%!test
%! for id = {"2-eu", "2-am", "3-I", "3-II", "4", "5", "6"}
%!   fd_check_problem (benchop_problem (id{1}));
%! endfor
%!error <payoff 'call' is not supported>
%! p = benchop_problem ("6");
%! p.payoff = "call";
%! fd_check_problem (p);
%!error <S must be an n-by-2> fd_check_problem (benchop_problem ("6", "S", [1 2 3]))
%!error <rho must be> fd_check_problem (benchop_problem ("4", "rho", -1.5))
%!error <V0 must be> fd_check_problem (benchop_problem ("4", "V0", 0))
%!error <D must be> fd_check_problem (benchop_problem ("2-eu", "D", 1))
%!error <alpha must be> fd_check_problem (benchop_problem ("2-eu", "alpha", -0.1))
%!error <lambda must be> fd_check_problem (benchop_problem ("5", "lambda", -1))
%!error <delta must be> fd_check_problem (benchop_problem ("5", "delta", 0))
%!error <gamma must be> fd_check_problem (benchop_problem ("5", "gamma", NaN))
%!error <exercise 'american' is not supported>
%! p = benchop_problem ("5");
%! p.exercise = "american";
%! fd_check_problem (p);
%!error <output 'delta' is not supported>
%! p = benchop_problem ("3-I");
%! p.output = "delta";
%! fd_check_problem (p);
%!error <PROBLEM must be> fd_check_problem ({})
%!error <lacks field 'output'> fd_check_problem (rmfield (benchop_problem ("1a-I"), "output"))
%!error <S must be> fd_check_problem (benchop_problem ("1a-I", "S", []))
%!error fd_check_problem ()
