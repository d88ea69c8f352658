## -*- texinfo -*-
## @deftypefn {} {} rbffd_check_problem (@var{problem})
## Validate a problem struct for @code{rbffd_solve}, or fail with an error
## naming what is wrong, starting with @qcode{"rbffd_solve: "}, the function
## the user called.  RBF and RBF-FD support the same problems; what is
## accepted is described in @ref{rbfx_check_problem}, which does the check.
## @end deftypefn

function rbffd_check_problem (p)
  if (nargin != 1)
    print_usage ();
  endif
  rbfx_check_problem (p, "rbffd_solve");
endfunction

%!test
%! rbffd_check_problem (benchop_problem ("2-am"));   # passes silently
%!test
%! rbffd_check_problem (benchop_problem ("4"));
%! rbffd_check_problem (benchop_problem ("6"));
%!error <model 'merton' is not supported> rbffd_check_problem (benchop_problem ("5"))
%!error <n-by-2> rbffd_check_problem (benchop_problem ("6", "S", [1 2 3]))
%!error <rho must be> rbffd_check_problem (benchop_problem ("6", "rho", 1))
%!error <PROBLEM must be> rbffd_check_problem ({})
%!error <lacks field 'output'> rbffd_check_problem (rmfield (benchop_problem ("1a-I"), "output"))
%!error <S must be> rbffd_check_problem (benchop_problem ("1a-I", "S", []))
%!error <D must be> rbffd_check_problem (benchop_problem ("2-eu", "D", 1))
%!error <constant volatility>
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! rbffd_check_problem (p);
%!error rbffd_check_problem ()
