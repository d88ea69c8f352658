## -*- texinfo -*-
## @deftypefn {} {@var{p} =} rbfx_check_problem (@var{problem}, @var{who})
## Check a problem struct for an RBF method (RBF and RBF-FD support the
## same problems), or fail with an error starting with @var{who}, the
## method's check function (@qcode{"rbf_check"} or @qcode{"rbffd_check"}),
## and a colon; return what the method's pricing reads.
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
## real scalar; 0 <= D < 1 and 0 < alpha < 1 (@pxref{rbfx_check_params}).
##
## @var{p} holds the five descriptors and the parameters the problem needs,
## as doubles, nothing computed from them: @code{S} is a row (the n-by-2
## matrix of the exchange option stays one).
## @end deftypefn

function p = rbfx_check_problem (problem, who)
  if (nargin != 2 || ! ischar (who))
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
  rbfx_check_descriptors (problem, who, choices);
  two_d = strcmp (problem.model, "black-scholes-2d");
  if (two_d)
    ## The two-asset model prices the European exchange option only.
    if (! strcmp (problem.payoff, "exchange")
        || ! strcmp (problem.exercise, "european")
        || ! strcmp (problem.barrier, "none")
        || ! strcmp (problem.output, "price"))
      error ("%s: model 'black-scholes-2d' is supported for the European exchange option price only",
             who);
    endif
    need = {"S", "T", "r", "sigma1", "sigma2", "rho"};
    pde_check_params (problem, who, need);
  else
    if (strcmp (problem.payoff, "exchange"))
      error ("%s: payoff 'exchange' needs model 'black-scholes-2d'", who);
    endif
    need = {"S", "K", "T", "r"};
    if (strcmp (problem.model, "heston"))
      need = [need, {"V0", "kappa", "theta", "sigma_v", "rho"}];
      if (! strcmp (problem.exercise, "european")
          || ! strcmp (problem.barrier, "none")
          || ! strcmp (problem.output, "price"))
        error ("%s: model 'heston' is supported for European prices only", who);
      endif
    endif
    need = rbfx_check_params (problem, who, need);
  endif

  ## Only what the pricing reads, as doubles: an integer S or K would
  ## otherwise round the pricing's arithmetic.
  p = struct ();
  for f = fieldnames (choices).'
    p.(f{1}) = problem.(f{1});
  endfor
  for f = need
    p.(f{1}) = double (problem.(f{1}));
  endfor
  if (! two_d)
    p.S = p.S(:).';
  endif
endfunction

%!test
%! p = rbfx_check_problem (benchop_problem ("4"), "rbf_check");
%! assert (sort (fieldnames (p)), sort ({"model"; "payoff"; "exercise";
%!   "barrier"; "output"; "S"; "K"; "T"; "r"; "V0"; "kappa"; "theta";
%!   "sigma_v"; "rho"}));
%! q = benchop_problem ("6");
%! p = rbfx_check_problem (q, "rbffd_check");
%! assert (p.S, q.S);
%! assert (isfield (p, {"sigma1", "sigma2", "rho", "K"}), [true true true false]);
%!test
%! ## Doubles, S a row; the barrier and dividend parameters when needed.
%! q = benchop_problem ("1c-I");
%! q.S = int32 (q.S(:));
%! p = rbfx_check_problem (q, "rbf_check");
%! assert (class (p.S), "double");
%! assert (p.S, double (q.S(:).'));
%! assert (p.B, q.B);
%! assert (! isfield (p, "D"));
%! p = rbfx_check_problem (benchop_problem ("2-am"), "rbf_check");
%! assert (isfield (p, {"sigma", "D", "alpha", "B"}), [true true true false]);
%!error <rbffd_check: model 'merton' is not supported> rbfx_check_problem (benchop_problem ("5"), "rbffd_check")
%!error <rbf_check: model 'heston' is supported for European prices only>
%! p = benchop_problem ("4");
%! p.output = "delta";
%! rbfx_check_problem (p, "rbf_check");
%!error <model 'black-scholes-2d' is supported for the European exchange option price only>
%! p = benchop_problem ("6");
%! p.exercise = "american";
%! rbfx_check_problem (p, "rbf_check");
%!error <payoff 'exchange' needs> rbfx_check_problem (setfield (benchop_problem ("1a-I"), "payoff", "exchange"), "rbf_check")
%!error <f: S must be an n-by-2> rbfx_check_problem (benchop_problem ("6", "S", [1 2 3]), "f")
%!error <Invalid call> rbfx_check_problem (benchop_problem ("1a-I"))
%!error <Invalid call> rbfx_check_problem (benchop_problem ("1a-I"), 1)
