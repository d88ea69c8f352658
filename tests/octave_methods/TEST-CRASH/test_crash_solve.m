## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} test_crash_solve (@var{problem}, @var{level})
## Test-only method: kill the Octave process it runs in (SIGKILL), to check
## that a crashed session is replaced, the call is tried once more, and a
## second crash is reported with its reason while the worker goes on serving.
## @end deftypefn

function [U, info] = test_crash_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  kill (getpid (), 9);
  U = problem.S;
  info = struct ();
endfunction

%!error test_crash_solve ()
