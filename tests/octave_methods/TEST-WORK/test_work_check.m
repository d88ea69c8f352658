## -*- texinfo -*-
## @deftypefn {} {@var{p} =} test_work_check (@var{problem}, @var{level})
## Test-only check: take 50 ms, as an expensive validation would, and
## return the points and the work the pricing is to do: none at level 1,
## else @var{level} milliseconds.  Timing that includes this check is
## wrong by 50 ms.
## @end deftypefn

function p = test_work_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  t0 = tic ();
  while (toc (t0) < 0.05)
  endwhile
  p = struct ("S", problem.S, "work", (level > 1) * level * 1e-3);
endfunction

%!test
%! t0 = tic ();
%! p = test_work_check (struct ("S", [1 2]), 3);
%! assert (toc (t0) >= 0.05);
%! assert (p.work, 3e-3);
%!error test_work_check ()
