## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} test_hang_solve (@var{problem}, @var{level})
## Test-only method: never return, spending its time in long built-in calls
## that an interrupt does not stop, to check the hard per-task time limit.
## @end deftypefn

function [U, info] = test_hang_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  while (true)
    inv (rand (1200));
  endwhile
  U = problem.S;
  info = struct ();
endfunction

%!error test_hang_solve ()
