## -*- texinfo -*-
## @deftypefn {} {@var{p} =} rbfad_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the RBF-AD method,
## once, before any timing (@pxref{rbfad_solve}), and return what
## @code{rbfad_solve_checked} needs: the five descriptors and the
## parameters the problem needs as doubles, @code{S} a row.
##
## Accepted: model @qcode{"black-scholes"}; payoff @qcode{"call"} or
## @qcode{"put"}; exercise @qcode{"european"} or @qcode{"american"};
## barrier @qcode{"none"} or @qcode{"up-and-out"} (barrier @code{B});
## output @qcode{"price"}, @qcode{"delta"}, @qcode{"gamma"} or
## @qcode{"vega"}; American exercise for the price of a put without
## barrier only (an American call without dividends is the European one); S a vector of positive finite prices, K, T, sigma, B
## positive finite scalars, r a finite real scalar
## (@pxref{rbfx_check_params}).  @var{level} is an integer from 1 to 12.
## @end deftypefn

function p = rbfad_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  who = "rbfad_check";
  choices = struct ("model", {{"black-scholes"}},
                    "payoff", {{"call", "put"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  rbfx_check_descriptors (problem, who, choices);
  if (strcmp (problem.exercise, "american")
      && (! strcmp (problem.payoff, "put")
          || ! strcmp (problem.barrier, "none")
          || ! strcmp (problem.output, "price")))
    error ("%s: exercise 'american' is supported for the put price without barrier only",
           who);
  endif
  need = rbfx_check_params (problem, who, {"S", "K", "T", "r"});
  check_level (who, level, 12);
  ## Only what the pricing reads, as doubles.
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
%! q = benchop_problem ("1c-I");
%! p = rbfad_check (q, 1);
%! for f = {"model", "payoff", "exercise", "barrier", "output", "S", "K", ...
%!          "T", "r", "sigma", "B"}
%!   assert (p.(f{1}), q.(f{1}));
%! endfor
%! assert (numfields (p), 11);
%!test
%! p = rbfad_check (setfield (benchop_problem ("1a-I"), "S", int32 ([90; 110])), 1);
%! assert (p.S, [90 110]);
%! assert (class (p.S), "double");
%!test
%! ## The max level of method.json is the check's.
%! m = jsondecode (fileread (fullfile (benchop_methods ("get", "RBF-AD").dir,
%!                                     "method.json")));
%! assert (m.levels.max, 12);
%! rbfad_check (benchop_problem ("1a-I"), m.levels.max);
%!test
%! pde_assert_input_errors (@rbfad_check, 12);
%!error <model 'heston' is not supported> rbfad_check (benchop_problem ("4"), 1)
%!test
%! p = rbfad_check (benchop_problem ("1b-II"), 1);
%! assert ({p.payoff, p.exercise}, {"put", "american"});
%!error <put price without barrier only>
%! rbfad_check (setfield (benchop_problem ("1b-I"), "payoff", "call"), 1)
%!error <put price without barrier only>
%! rbfad_check (setfield (benchop_problem ("1b-I"), "output", "delta"), 1)
%!error <put price without barrier only>
%! p = benchop_problem ("1c-I");
%! p.payoff = "put";
%! p.exercise = "american";
%! rbfad_check (p, 1);
%!error <exercise 'bermudan' is not supported>
%! rbfad_check (setfield (benchop_problem ("1b-I"), "exercise", "bermudan"), 1)
%!error <model 'black-scholes-dividend' is not supported> rbfad_check (benchop_problem ("2-eu"), 1)
%!error rbfad_check (benchop_problem ("1a-I"))
