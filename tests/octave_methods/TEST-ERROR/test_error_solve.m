## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} test_error_solve (@var{problem}, @var{level})
## Test-only method: fail with an Octave error, to check that the service
## reports it and its worker goes on serving.
## @end deftypefn

function [U, info] = test_error_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  error ("test_error_solve: deliberate failure for problem %s", problem.id);
endfunction

%!error <deliberate failure> test_error_solve (struct ("id", "1a-I"), 1)
