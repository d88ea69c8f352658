## -*- texinfo -*-
## @deftypefn {} {} rbfx_check_problem (@var{problem}, @var{solver})
## Validate a problem struct for an RBF method's solver @var{solver}
## (@qcode{"rbf_solve"} or @qcode{"rbffd_solve"}: both methods support the
## same problems), or fail with an error starting with the solver's name,
## the function the user called.
##
## Descriptors: model @qcode{"black-scholes"},
## @qcode{"black-scholes-dividend"}, @qcode{"local-vol-parametric"},
## @qcode{"local-vol-implied-surface"}, @qcode{"heston"} (European call
## or put price: V0, kappa, theta, sigma_v positive, -1 < rho < 1) or
## @qcode{"black-scholes-2d"}
## (the European exchange option price only: S an n-by-2 matrix, sigma1,
## sigma2 positive, -1 < rho < 1); payoff @qcode{"call"}, @qcode{"put"} or
## @qcode{"exchange"}; exercise @qcode{"european"} or @qcode{"american"}; barrier
## @qcode{"none"} or @qcode{"up-and-out"}; output @qcode{"price"},
## @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"} (vega only for a
## constant volatility).  Then the parameters the model needs: S a vector of
## positive finite prices; K, T, sigma, B positive finite scalars; r a finite
## real scalar; 0 <= D < 1 and 0 < alpha < 1.
## @end deftypefn

function rbfx_check_problem (p, solver)
  if (nargin != 2 || ! ischar (solver))
    print_usage ();
  endif
  choices = struct ("model", {{"black-scholes", "black-scholes-dividend", ...
                               "local-vol-parametric", ...
                               "local-vol-implied-surface", "heston", ...
                               "black-scholes-2d"}},
                    "payoff", {{"call", "put", "exchange"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  rbfx_check_descriptors (p, solver, choices);
  if (strcmp (p.model, "black-scholes-2d"))
    ## The two-asset model prices the European exchange option only.
    if (! strcmp (p.payoff, "exchange") || ! strcmp (p.exercise, "european")
        || ! strcmp (p.barrier, "none") || ! strcmp (p.output, "price"))
      error ("%s: model 'black-scholes-2d' is supported for the European exchange option price only",
             solver);
    endif
    pde_check_params (p, solver, {"S", "T", "r", "sigma1", "sigma2", "rho"});
    return;
  endif
  if (strcmp (p.payoff, "exchange"))
    error ("%s: payoff 'exchange' needs model 'black-scholes-2d'", solver);
  endif
  need = {"S", "K", "T", "r"};
  if (strcmp (p.model, "heston"))
    need = [need, {"V0", "kappa", "theta", "sigma_v", "rho"}];
    if (! strcmp (p.exercise, "european") || ! strcmp (p.barrier, "none")
        || ! strcmp (p.output, "price"))
      error ("%s: model 'heston' is supported for European prices only", solver);
    endif
  endif
  rbfx_check_params (p, solver, need);
endfunction

%!test
%! rbfx_check_problem (benchop_problem ("4"), "rbf_solve");   # passes silently
%! rbfx_check_problem (benchop_problem ("6"), "rbffd_solve");
%!error <rbffd_solve: model 'merton' is not supported> rbfx_check_problem (benchop_problem ("5"), "rbffd_solve")
%!error <rbf_solve: model 'heston' is supported for European prices only>
%! p = benchop_problem ("4");
%! p.output = "delta";
%! rbfx_check_problem (p, "rbf_solve");
%!error <payoff 'exchange' needs> rbfx_check_problem (setfield (benchop_problem ("1a-I"), "payoff", "exchange"), "rbf_solve")
%!error <Invalid call> rbfx_check_problem (benchop_problem ("1a-I"))
