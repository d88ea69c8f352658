## -*- texinfo -*-
## @deftypefn {} {@var{times} =} test_work_bare (@var{problem}, @var{level}, @var{n})
## Test-only: time @var{n} calls of @code{test_work_price} with nothing
## around them but @code{tic} and @code{toc}, to compare with what
## @code{benchop_solve} reports for the same calls.
## @end deftypefn

function times = test_work_bare (problem, level, n)
  if (nargin != 3)
    print_usage ();
  endif
  p = test_work_check (problem, level);
  price = @test_work_price;
  [U, info] = price (p, level);
  times = zeros (1, n);
  for i = 1:n
    t0 = tic ();
    [U, info] = price (p, level);
    times(i) = toc (t0);
  endfor
endfunction

%!assert (numel (test_work_bare (struct ("S", [1 2]), 1, 3)), 3)
%!error test_work_bare ()
