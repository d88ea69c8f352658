## -*- texinfo -*-
## @deftypefn {} {} rbf_check_problem (@var{problem})
## Validate a problem struct for @code{rbf_solve}, or fail with an error
## naming what is wrong, starting with @qcode{"rbf_solve: "}, the function
## the user called.  RBF and RBF-FD support the same problems; what is
## accepted is described in @ref{rbfx_check_problem}, which does the check.
## @end deftypefn

function rbf_check_problem (p)
  if (nargin != 1)
    print_usage ();
  endif
  rbfx_check_problem (p, "rbf_solve");
endfunction

%!test
%! rbf_check_problem (benchop_problem ("2-am"));   # passes silently
%!test
%! rbf_check_problem (benchop_problem ("6"));
%!test
%! rbf_check_problem (benchop_problem ("4"));
%!error <European prices only>
%! p = benchop_problem ("4");
%! p.output = "delta";
%! rbf_check_problem (p);
%!error <rho must be> rbf_check_problem (benchop_problem ("4", "rho", -1))
%!error <lacks field 'V0'> rbf_check_problem (rmfield (benchop_problem ("4"), "V0"))
%!error <model 'merton' is not supported> rbf_check_problem (benchop_problem ("5"))
%!error <n-by-2> rbf_check_problem (benchop_problem ("6", "S", [1 2 3]))
%!error <rho must be> rbf_check_problem (benchop_problem ("6", "rho", 1))
%!error <exchange option price only>
%! p = benchop_problem ("6");
%! p.output = "delta";
%! rbf_check_problem (p);
%!error <needs model 'black-scholes-2d'>
%! p = benchop_problem ("1a-I");
%! p.payoff = "exchange";
%! rbf_check_problem (p);
%!error <PROBLEM must be> rbf_check_problem ({})
%!error <lacks field 'output'> rbf_check_problem (rmfield (benchop_problem ("1a-I"), "output"))
%!error <S must be> rbf_check_problem (benchop_problem ("1a-I", "S", []))
%!error <D must be> rbf_check_problem (benchop_problem ("2-eu", "D", 1))
%!error <constant volatility>
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! rbf_check_problem (p);
%!error rbf_check_problem ()
