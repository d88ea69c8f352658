## -*- texinfo -*-
## @deftypefn {} {} pde_assert_input_errors (@var{solve}, @var{max_level})
## Assert that the solver @var{solve} (a handle, called as
## @code{solve (problem, level)}) rejects the standard bad inputs with the
## standard messages: a non-struct problem, a payoff, exercise or output
## outside the descriptors, a level that is not an integer from 1 to
## @var{max_level}, spots that are not positive and finite, a
## nonpositive sigma, T or barrier B, a non-scalar K, an infinite r and a
## missing K.  These are the checks that the PDE solvers share
## (@pxref{pde_check_params}); each solver's own BIST keeps the cases that
## are its own.  The error names the first case that was not rejected as
## expected.
## @end deftypefn

function pde_assert_input_errors (solve, max_level)
  if (nargin != 2)
    print_usage ();
  endif
  if (! is_function_handle (solve))
    error ("pde_assert_input_errors: SOLVE must be a function handle");
  endif
  p = benchop_problem ("1a-I");
  ## problem, level, expected message, what the case is
  b = setfield (benchop_problem ("1b-I"), "exercise", "bermudan");
  c = setfield (benchop_problem ("1c-I"), "B", 0);
  cases = {3, 1, "PROBLEM must be", "a non-struct problem";
           setfield(p, "payoff", "digital"), 1, ...
             "payoff 'digital' is not supported", "payoff";
           b, 1, "exercise 'bermudan' is not supported", "exercise";
           setfield(p, "output", "theta"), 1, ...
             "output 'theta' is not supported", "output";
           p, 0, "LEVEL must be", "level 0";
           p, 2.5, "LEVEL must be", "level 2.5";
           p, max_level + 1, "LEVEL must be", "level max + 1";
           p, "4", "LEVEL must be", "level \"4\"";
           setfield(p, "S", [90 -1]), 1, "S must be", "negative S";
           setfield(p, "S", [90 NaN]), 1, "S must be", "NaN S";
           setfield(p, "sigma", 0), 1, "sigma must be", "sigma 0";
           setfield(p, "T", -1), 1, "T must be", "T -1";
           setfield(p, "K", [1 2]), 1, "K must be", "vector K";
           setfield(p, "r", Inf), 1, "r must be", "r Inf";
           c, 1, "B must be", "B 0";
           rmfield(p, "K"), 1, "lacks field 'K'", "missing K"};
  for i = 1:rows (cases)
    msg = "no error";
    try
      solve (cases{i,1}, cases{i,2});
    catch err
      msg = err.message;
    end_try_catch
    if (isempty (strfind (msg, cases{i,3})))
      error ("pde_assert_input_errors: %s: %s did not fail with '%s' (%s)",
             func2str (solve), cases{i,4}, cases{i,3}, msg);
    endif
  endfor
endfunction

%!test
%! pde_assert_input_errors (@fd_solve, 13);
%!error <a non-struct problem did not fail with 'PROBLEM must be' \(no error\)>
%! pde_assert_input_errors (@(p, level) 0, 9);
%!error <payoff did not fail with 'payoff 'digital' is not supported' \(PROBLEM must be; oops\)>
%! pde_assert_input_errors (@(p, level) error ("PROBLEM must be; oops"), 9);
%!error <SOLVE must be> pde_assert_input_errors ("fd_solve", 9)
%!error pde_assert_input_errors (@fd_solve)
