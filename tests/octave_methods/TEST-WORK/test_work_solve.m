## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} test_work_solve (@var{problem}, @var{level})
## Test-only method: @code{test_work_price (test_work_check (@var{problem},
## @var{level}), @var{level})}.
## @end deftypefn

function [U, info] = test_work_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = test_work_price (test_work_check (problem, level), level);
endfunction

%!assert (test_work_solve (struct ("S", [1 2]), 1), [0 0])
%!error test_work_solve ()
