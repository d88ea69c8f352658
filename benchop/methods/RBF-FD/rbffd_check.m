## -*- texinfo -*-
## @deftypefn {} {@var{p} =} rbffd_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the RBF-FD method,
## once, before any timing (@pxref{rbffd_solve}), and return what
## @code{rbffd_solve_checked} needs: the five descriptors (@code{model},
## @code{payoff}, @code{exercise}, @code{barrier}, @code{output}) and the
## parameters the problem needs as doubles, @code{S} a row (the n-by-2
## matrix of the exchange option stays one).  What is accepted is
## described in @ref{rbfx_check_problem}, shared with RBF; @var{level}
## must be an integer from 1 to 6.
## @end deftypefn

function p = rbffd_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  p = rbfx_check_problem (problem, "rbffd_check");
  check_level ("rbffd_check", level, 6);
endfunction

%!test
%! ## What the pricing reads, and nothing computed from it.
%! q = benchop_problem ("1c-I");
%! p = rbffd_check (q, 1);
%! for f = {"model", "payoff", "exercise", "barrier", "output", "S", "K", ...
%!          "T", "r", "sigma", "B"}
%!   assert (p.(f{1}), q.(f{1}));
%! endfor
%! assert (numfields (p), 11);
%!test
%! ## S a row of doubles.
%! p = rbffd_check (setfield (benchop_problem ("1a-I"), "S", int32 ([90; 110])), 1);
%! assert (p.S, [90 110]);
%! assert (class (p.S), "double");
%!test
%! p = rbffd_check (benchop_problem ("6"), 6);
%! assert (p.S, benchop_problem ("6").S);
%! p = rbffd_check (benchop_problem ("4"), 1);
%! assert (p.theta, benchop_problem ("4").theta);
%!test
%! ## The max level of method.json is the check's.
%! m = jsondecode (fileread (fullfile (benchop_methods ("get", "RBF-FD").dir,
%!                                     "method.json")));
%! assert (m.levels.max, 6);
%! assert (m.levels.default <= m.levels.max);
%! rbffd_check (benchop_problem ("1a-I"), m.levels.max);

## Input validation.
%!error rbffd_check (benchop_problem ("1a-I"))
%!test
%! ## the standard input errors (PROBLEM, descriptors, LEVEL, parameters)
%! pde_assert_input_errors (@rbffd_check, 6);
%!error <^rbffd_check: PROBLEM must be a problem struct> rbffd_check ({}, 1)
%!error <^rbffd_check: LEVEL must be an integer from 1 to 6> rbffd_check (benchop_problem ("1a-I"), 7)
%!error <model 'merton' is not supported> rbffd_check (benchop_problem ("5"), 1)
%!error <lacks field 'output'> rbffd_check (rmfield (benchop_problem ("1a-I"), "output"), 1)
%!error <S must be> rbffd_check (benchop_problem ("1a-I", "S", []), 1)
%!error <European prices only>
%! p = benchop_problem ("4");
%! p.output = "delta";
%! rbffd_check (p, 1);
%!error <kappa must be> rbffd_check (benchop_problem ("4", "kappa", -1), 1)
%!error <n-by-2> rbffd_check (benchop_problem ("6", "S", [1 2 3]), 1)
%!error <rho must be> rbffd_check (benchop_problem ("6", "rho", 1), 1)
%!error <exchange option price only>
%! p = benchop_problem ("6");
%! p.output = "delta";
%! rbffd_check (p, 1);
%!error <alpha must be> rbffd_check (benchop_problem ("2-eu", "alpha", 1), 1)
%!error <D must be> rbffd_check (benchop_problem ("2-eu", "D", 1), 1)
%!error <constant volatility>
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! rbffd_check (p, 1);
