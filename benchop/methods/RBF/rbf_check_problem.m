## -*- texinfo -*-
## @deftypefn {} {} rbf_check_problem (@var{problem})
## Validate a problem struct for @code{rbf_solve}, or fail with an error
## naming what is wrong.
##
## Descriptors: model @qcode{"black-scholes"},
## @qcode{"black-scholes-dividend"}, @qcode{"local-vol-parametric"} or
## @qcode{"local-vol-implied-surface"}; payoff @qcode{"call"} or
## @qcode{"put"}; exercise @qcode{"european"} or @qcode{"american"}; barrier
## @qcode{"none"} or @qcode{"up-and-out"}; output @qcode{"price"},
## @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"} (vega only for a
## constant volatility).  Then the parameters the model needs: S a vector of
## positive finite prices; K, T, sigma, B positive finite scalars; r a finite
## real scalar; 0 <= D < 1 and 0 < alpha < 1.  Messages start with
## @qcode{"rbf_solve: "}, the function the user called.  The checks
## themselves are shared with RBF-FD (@pxref{rbfx_check_descriptors},
## @ref{rbfx_check_params}).
## @end deftypefn

function rbf_check_problem (p)
  if (nargin != 1)
    print_usage ();
  endif
  choices = struct ("model", {{"black-scholes", "black-scholes-dividend", ...
                               "local-vol-parametric", ...
                               "local-vol-implied-surface"}},
                    "payoff", {{"call", "put"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  rbfx_check_descriptors (p, "rbf_solve", choices);
  rbfx_check_params (p, "rbf_solve", {"S", "K", "T", "r"});
endfunction

%!test
%! rbf_check_problem (benchop_problem ("2-am"));   # passes silently
%!error <model 'heston' is not supported> rbf_check_problem (benchop_problem ("4"))
%!error <PROBLEM must be> rbf_check_problem ({})
%!error <lacks field 'output'> rbf_check_problem (rmfield (benchop_problem ("1a-I"), "output"))
%!error <S must be> rbf_check_problem (benchop_problem ("1a-I", "S", []))
%!error <D must be> rbf_check_problem (benchop_problem ("2-eu", "D", 1))
%!error <constant volatility>
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! rbf_check_problem (p);
%!error rbf_check_problem ()
