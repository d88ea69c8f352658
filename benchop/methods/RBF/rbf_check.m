## -*- texinfo -*-
## @deftypefn {} {@var{p} =} rbf_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the RBF method, once,
## before any timing (@pxref{rbf_solve}), and return what
## @code{rbf_solve_checked} needs: the five descriptors (@code{model},
## @code{payoff}, @code{exercise}, @code{barrier}, @code{output}) and the
## parameters the problem needs as doubles, @code{S} a row (the n-by-2
## matrix of the exchange option stays one).  What is accepted is
## described in @ref{rbfx_check_problem}, shared with RBF-FD; @var{level}
## must be an integer from 1 to 8.
## @end deftypefn

function p = rbf_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  p = rbfx_check_problem (problem, "rbf_check");
  check_level ("rbf_check", level, 8);
endfunction

%!test
%! ## What the pricing reads, and nothing computed from it.
%! q = benchop_problem ("2-am");
%! p = rbf_check (q, 1);
%! for f = {"model", "payoff", "exercise", "barrier", "output", "S", "K", ...
%!          "T", "r", "sigma", "D", "alpha"}
%!   assert (p.(f{1}), q.(f{1}));
%! endfor
%! assert (numfields (p), 12);
%!test
%! ## S a row of doubles.
%! p = rbf_check (setfield (benchop_problem ("1a-I"), "S", int32 ([90; 110])), 1);
%! assert (p.S, [90 110]);
%! assert (class (p.S), "double");
%!test
%! p = rbf_check (benchop_problem ("6"), 8);
%! assert (p.S, benchop_problem ("6").S);
%! p = rbf_check (benchop_problem ("4"), 1);
%! assert (p.V0, benchop_problem ("4").V0);
%!test
%! ## The max level of method.json is the check's.
%! m = jsondecode (fileread (fullfile (benchop_methods ("get", "RBF").dir,
%!                                     "method.json")));
%! assert (m.levels.max, 8);
%! assert (m.levels.default <= m.levels.max);
%! rbf_check (benchop_problem ("1a-I"), m.levels.max);

## Input validation.
%!error rbf_check (benchop_problem ("1a-I"))
%!test
%! ## the standard input errors (PROBLEM, descriptors, LEVEL, parameters)
%! pde_assert_input_errors (@rbf_check, 8);
%!error <^rbf_check: PROBLEM must be a problem struct> rbf_check ({}, 1)
%!error <^rbf_check: LEVEL must be an integer from 1 to 8> rbf_check (benchop_problem ("1a-I"), 9)
%!error <model 'merton' is not supported> rbf_check (benchop_problem ("5"), 1)
%!error <lacks field 'output'> rbf_check (rmfield (benchop_problem ("1a-I"), "output"), 1)
%!error <lacks field 'V0'> rbf_check (rmfield (benchop_problem ("4"), "V0"), 1)
%!error <S must be> rbf_check (benchop_problem ("1a-I", "S", []), 1)
%!error <European prices only>
%! p = benchop_problem ("4");
%! p.exercise = "american";
%! rbf_check (p, 1);
%!error <European prices only>
%! p = benchop_problem ("4");
%! p.output = "delta";
%! rbf_check (p, 1);
%!error <sigma_v must be> rbf_check (benchop_problem ("4", "sigma_v", 0), 1)
%!error <rho must be> rbf_check (benchop_problem ("4", "rho", -1), 1)
%!error <n-by-2> rbf_check (benchop_problem ("6", "S", [100 90 80]), 1)
%!error <rho must be> rbf_check (benchop_problem ("6", "rho", -1), 1)
%!error <exchange option price only>
%! p = benchop_problem ("6");
%! p.exercise = "american";
%! rbf_check (p, 1);
%!error <exchange option price only>
%! p = benchop_problem ("6");
%! p.output = "delta";
%! rbf_check (p, 1);
%!error <needs model 'black-scholes-2d'>
%! p = benchop_problem ("1a-I");
%! p.payoff = "exchange";
%! rbf_check (p, 1);
%!error <alpha must be> rbf_check (benchop_problem ("2-eu", "alpha", 1), 1)
%!error <D must be> rbf_check (benchop_problem ("2-eu", "D", 1), 1)
%!error <constant volatility>
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! rbf_check (p, 1);
