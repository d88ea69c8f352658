## -*- texinfo -*-
## @deftypefn {} {@var{p} =} rbflsml_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the RBF-LSML method,
## once, before any timing (@pxref{rbflsml_solve}), and return what
## @code{rbflsml_solve_checked} needs: the five descriptors (@code{model},
## @code{payoff}, @code{exercise}, @code{barrier}, @code{output}) and the
## parameters the problem needs as doubles, @code{S} a row.
##
## Accepted: model @qcode{"black-scholes"}, @qcode{"black-scholes-dividend"},
## @qcode{"local-vol-parametric"} or @qcode{"local-vol-implied-surface"};
## payoff @qcode{"call"} or @qcode{"put"}; exercise @qcode{"european"} or
## @qcode{"american"} (output price only); barrier @qcode{"none"} or
## @qcode{"up-and-out"} (a European price only; the barrier B is then a
## parameter too); output
## @qcode{"price"}, @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"} (vega
## for a constant volatility only).  The parameters are checked by
## @code{rbfx_check_params}; @var{level} must be an integer from 1 to 7.
## @end deftypefn

function p = rbflsml_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  who = "rbflsml_check";
  choices = struct ("model", {{"black-scholes", "black-scholes-dividend", ...
                               "local-vol-parametric", ...
                               "local-vol-implied-surface"}},
                    "payoff", {{"call", "put"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  rbfx_check_descriptors (problem, who, choices);
  if (strcmp (problem.exercise, "american") && ! strcmp (problem.output, "price"))
    error ("%s: American exercise is supported for the price only", who);
  endif
  if (strcmp (problem.barrier, "up-and-out")
      && (! strcmp (problem.exercise, "european") || ! strcmp (problem.output, "price")))
    error ("%s: an up-and-out barrier is supported for the European price only", who);
  endif
  need = rbfx_check_params (problem, who, {"S", "K", "T", "r"});
  check_level (who, level, 7);
  p = struct ();
  for f = fieldnames (choices).'
    p.(f{1}) = problem.(f{1});
  endfor
  for f = need
    p.(f{1}) = double (problem.(f{1}));
  endfor
  p.S = p.S(:).';
endfunction

%!test
%! ## What the pricing reads, and nothing computed from it.
%! q = benchop_problem ("2-am");
%! p = rbflsml_check (q, 1);
%! for f = {"model", "payoff", "exercise", "barrier", "output", "S", "K", ...
%!          "T", "r", "sigma", "D", "alpha"}
%!   assert (p.(f{1}), q.(f{1}));
%! endfor
%! assert (numfields (p), 12);
%!test
%! p = rbflsml_check (setfield (benchop_problem ("1a-I"), "S", int32 ([90; 110])), 1);
%! assert (p.S, [90 110]);
%! assert (class (p.S), "double");
%!test
%! ## The max level of method.json is the check's.
%! m = jsondecode (fileread (fullfile (benchop_methods ("get", "RBF-LSML").dir,
%!                                     "method.json")));
%! assert (m.levels.max, 7);
%! assert (m.levels.default <= m.levels.max);
%! rbflsml_check (benchop_problem ("1a-I"), m.levels.max);
%!test
%! ## An up-and-out problem also passes its barrier.
%! p = rbflsml_check (benchop_problem ("1c-I"), 1);
%! assert (p.barrier, "up-and-out");
%! assert (p.B, benchop_problem ("1c-I").B);
## The standard input errors of the PDE solvers.
%!error <PROBLEM must be> rbflsml_check (3, 1)
%!error <payoff 'digital' is not supported> rbflsml_check (setfield (benchop_problem ("1a-I"), "payoff", "digital"), 1)
%!error <exercise 'bermudan' is not supported> rbflsml_check (setfield (benchop_problem ("1a-I"), "exercise", "bermudan"), 1)
%!error <output 'theta' is not supported> rbflsml_check (setfield (benchop_problem ("1a-I"), "output", "theta"), 1)
%!error <LEVEL must be> rbflsml_check (benchop_problem ("1a-I"), 0)
%!error <LEVEL must be> rbflsml_check (benchop_problem ("1a-I"), 2.5)
%!error <LEVEL must be> rbflsml_check (benchop_problem ("1a-I"), "4")
%!error <S must be> rbflsml_check (benchop_problem ("1a-I", "S", [90 -1]), 1)
%!error <S must be> rbflsml_check (benchop_problem ("1a-I", "S", [90 NaN]), 1)
%!error <sigma must be> rbflsml_check (benchop_problem ("1a-I", "sigma", 0), 1)
%!error <T must be> rbflsml_check (benchop_problem ("1a-I", "T", -1), 1)
%!error <K must be> rbflsml_check (setfield (benchop_problem ("1a-I"), "K", [1 2]), 1)
%!error <r must be> rbflsml_check (benchop_problem ("1a-I", "r", Inf), 1)
%!error <lacks field 'K'> rbflsml_check (rmfield (benchop_problem ("1a-I"), "K"), 1)
%!error rbflsml_check (benchop_problem ("1a-I"))
%!error <^rbflsml_check: LEVEL must be an integer from 1 to 7> rbflsml_check (benchop_problem ("1a-I"), 9)
%!error <model 'heston' is not supported> rbflsml_check (benchop_problem ("4"), 1)
%!error <barrier 'up-and-in' is not supported> rbflsml_check (setfield (benchop_problem ("1c-I"), "barrier", "up-and-in"), 1)
%!error <B must be> rbflsml_check (benchop_problem ("1c-I", "B", -1), 1)
%!error <European price only> rbflsml_check (setfield (benchop_problem ("1c-I"), "output", "delta"), 1)
%!error <European price only> rbflsml_check (setfield (benchop_problem ("1c-I"), "exercise", "american"), 1)
%!error <price only> rbflsml_check (setfield (benchop_problem ("2-am"), "output", "delta"), 1)
%!error <constant volatility> rbflsml_check (setfield (benchop_problem ("3-I"), "output", "vega"), 1)
%!error <D must be> rbflsml_check (benchop_problem ("2-eu", "D", 1), 1)
