## -*- texinfo -*-
## @deftypefn {} {} fdnu_check_problem (@var{problem})
## Validate a problem struct for @code{fdnu_solve}, or fail with an error
## naming what is wrong: first the descriptors, then the parameters that
## the model needs.
##
## Supported: models @qcode{"black-scholes"}, @qcode{"black-scholes-dividend"},
## @qcode{"local-vol-parametric"}, @qcode{"local-vol-implied-surface"},
## @qcode{"merton"} and (European prices only) @qcode{"heston"}; payoffs @qcode{"call"} and @qcode{"put"}; European or
## American exercise; no barrier or an up-and-out barrier; outputs price,
## delta, gamma and (models with a constant sigma) vega.  S must be a
## vector of positive finite prices; K, T, sigma, B, delta, V0, kappa,
## theta, sigma_v, sigma1, sigma2 positive finite scalars; r, gamma finite real scalars;
## -1 < rho < 1; 0 <= D < 1; 0 < alpha < 1;
## lambda >= 0 (@pxref{pde_check_params}).  Messages start with
## @qcode{"fdnu_solve: "}, the function
## the user called.
## @end deftypefn

function fdnu_check_problem (p)
  if (nargin != 1)
    print_usage ();
  endif
  if (! isstruct (p) || ! isscalar (p))
    error ("fdnu_solve: PROBLEM must be a problem struct");
  endif
  choices = struct ("model", {{"black-scholes", "black-scholes-dividend", ...
                               "local-vol-parametric", ...
                               "local-vol-implied-surface", "merton", ...
                               "heston", "black-scholes-2d"}},
                    "payoff", {{"call", "put", "exchange"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  for f = fieldnames (choices).'
    if (! isfield (p, f{1}))
      error ("fdnu_solve: PROBLEM lacks field '%s'", f{1});
    endif
    v = p.(f{1});
    if (! ischar (v) || ! any (strcmp (v, choices.(f{1}))))
      error ("fdnu_solve: %s '%s' is not supported", f{1}, num2str (v));
    endif
  endfor
  need = {"S", "K", "T", "r"};
  switch (p.model)
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
  two_d = any (strcmp (p.model, {"heston", "black-scholes-2d"}));
  if (two_d && (! strcmp (p.exercise, "european")
                || ! strcmp (p.barrier, "none") || ! strcmp (p.output, "price")))
    ## The 2-D solvers price European options only.
    error ("fdnu_solve: model '%s' supports European prices only", p.model);
  endif
  if (strcmp (p.model, "black-scholes-2d") != strcmp (p.payoff, "exchange"))
    error ("fdnu_solve: payoff '%s' is not supported for model '%s'",
           p.payoff, p.model);
  endif
  if (strncmp (p.model, "local-vol", 9) && strcmp (p.output, "vega"))
    ## No single sigma to differentiate by.
    error ("fdnu_solve: output 'vega' is not supported for model '%s'",
           p.model);
  endif
  if (strcmp (p.barrier, "up-and-out"))
    need{end+1} = "B";
  endif
  pde_check_params (p, "fdnu_solve", need);
  if (strcmp (p.barrier, "up-and-out") && strcmp (p.payoff, "put")
      && p.B <= p.K)
    error ("fdnu_solve: an up-and-out put needs B > K");
  endif
endfunction

%!test
%! fdnu_check_problem (benchop_problem ("1c-I"));   # passes silently
%! fdnu_check_problem (benchop_problem ("5"));
%!test
%! fdnu_check_problem (benchop_problem ("6"));
%!error <payoff 'call' is not supported for model 'black-scholes-2d'>
%! p = benchop_problem ("6");
%! p.payoff = "call";
%! fdnu_check_problem (p);
%!error <payoff 'exchange' is not supported for model 'black-scholes'>
%! p = benchop_problem ("1a-I");
%! p.payoff = "exchange";
%! fdnu_check_problem (p);
%!error <n-by-2 matrix> fdnu_check_problem (benchop_problem ("6", "S", [100 90 80]))
%!error <sigma2 must be> fdnu_check_problem (benchop_problem ("6", "sigma2", 0))
%!error <European prices only>
%! p = benchop_problem ("4");
%! p.exercise = "american";
%! fdnu_check_problem (p);
%!error <rho must be> fdnu_check_problem (benchop_problem ("4", "rho", 1))
%!error <PROBLEM must be> fdnu_check_problem ({})
%!error <lacks field 'output'> fdnu_check_problem (rmfield (benchop_problem ("1a-I"), "output"))
%!error <lacks field 'D'> fdnu_check_problem (rmfield (benchop_problem ("2-eu"), "D"))
%!error <S must be> fdnu_check_problem (benchop_problem ("1a-I", "S", []))
%!error <D must be> fdnu_check_problem (benchop_problem ("2-eu", "D", 1))
%!error <alpha must be> fdnu_check_problem (benchop_problem ("2-eu", "alpha", 0))
%!error <lambda must be> fdnu_check_problem (benchop_problem ("5", "lambda", -1))
%!error <delta must be> fdnu_check_problem (benchop_problem ("5", "delta", 0))
%!error <vega' is not supported> 
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! fdnu_check_problem (p);
%!error fdnu_check_problem ()
