## -*- texinfo -*-
## @deftypefn {} {@var{p} =} rbfpum_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the RBF-PUM method,
## once, before any timing (@pxref{rbfpum_solve}), and return what
## @code{rbfpum_solve_checked} needs: the five descriptors (@code{model},
## @code{payoff}, @code{exercise}, @code{barrier}, @code{output}) and the
## parameters the problem needs as doubles, @code{S} a row (the n-by-2
## matrix of the exchange option stays one).  What is accepted is
## described in @ref{rbfx_check_problem}, shared by the RBF methods;
## @var{level} must be an integer from 1 to 7.
## @end deftypefn

function p = rbfpum_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  p = rbfx_check_problem (problem, "rbfpum_check");
  check_level ("rbfpum_check", level, 7);
endfunction

%!test
%! ## What the pricing reads, and nothing computed from it.
%! q = benchop_problem ("1c-I");
%! p = rbfpum_check (q, 1);
%! for f = {"model", "payoff", "exercise", "barrier", "output", "S", "K", ...
%!          "T", "r", "sigma", "B"}
%!   assert (p.(f{1}), q.(f{1}));
%! endfor
%! assert (numfields (p), 11);
%!test
%! p = rbfpum_check (benchop_problem ("6"), 7);
%! assert (p.S, benchop_problem ("6").S);
%!test
%! ## The max level of method.json is the check's.
%! m = jsondecode (fileread (fullfile (benchop_methods ("get", "RBF-PUM").dir,
%!                                     "method.json")));
%! assert (m.levels.default <= m.levels.max);
%! rbfpum_check (benchop_problem ("1a-I"), m.levels.max);
%! fail ("rbfpum_check (benchop_problem ('1a-I'), m.levels.max + 1)",
%!       "LEVEL must be");

## Input validation.
%!error rbfpum_check (benchop_problem ("1a-I"))
%!test
%! ## the standard input errors (PROBLEM, descriptors, LEVEL, parameters)
%! pde_assert_input_errors (@rbfpum_check, 7);
%!error <^rbfpum_check: PROBLEM must be a problem struct> rbfpum_check ({}, 1)
%!error <model 'merton' is not supported> rbfpum_check (benchop_problem ("5"), 1)
%!error <European prices only>
%! p = benchop_problem ("4");
%! p.output = "delta";
%! rbfpum_check (p, 1);
%!error <n-by-2> rbfpum_check (benchop_problem ("6", "S", [1 2 3]), 1)
%!error <constant volatility>
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! rbfpum_check (p, 1);
