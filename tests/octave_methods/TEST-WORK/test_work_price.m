## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} test_work_price (@var{p}, @var{level})
## Test-only pricing: spin for exactly @code{p.work} seconds (none: return
## at once) and return zeros, to measure what the dispatcher's timing adds.
## @end deftypefn

function [U, info] = test_work_price (p, level)
  if (p.work > 0)
    t0 = tic ();
    while (toc (t0) < p.work)
    endwhile
  endif
  U = zeros (size (p.S));
  info = struct ("work", p.work);
endfunction

%!test
%! t0 = tic ();
%! [U, info] = test_work_price (struct ("S", [1 2 3], "work", 2e-3), 2);
%! assert (toc (t0) >= 2e-3);
%! assert (U, [0 0 0]);
