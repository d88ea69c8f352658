## -*- texinfo -*-
## @deftypefn {} {@var{U} =} cos_richardson (@var{V}, @var{p})
## Richardson extrapolation over a number of dates that doubles.
##
## Row i of @var{V} holds values computed with @math{M_0 2^{i-1}} dates,
## whose error is assumed to expand in the powers @var{p} of the step
## @math{1 / M}; one row per power plus one.  @var{U} is the combination
## of the rows that cancels those powers.  With @var{p} = [1 2 3] this is
## the four-point rule @math{(64 V_4 - 56 V_3 + 14 V_2 - V_1) / 21} that
## Fang and Oosterlee (2009) use for American options.
## @end deftypefn

function U = cos_richardson (V, p)
  if (nargin != 2)
    print_usage ();
  endif
  n = numel (p) + 1;
  if (rows (V) != n)
    error ("cos_richardson: V needs %d rows for %d powers", n, numel (p));
  endif
  A = [ones(1, n); (2 .^ -(0:n-1)) .^ p(:)];
  wts = A \ [1; zeros(n-1, 1)];
  U = wts.' * V;
endfunction

%!assert (cos_richardson (eye (4), [1 2 3]), [-1 14 -56 64] / 21, 1e-14)
%!test
%! ## Exact on a value plus the listed powers of the step.
%! M = 5 * 2 .^ (0:3).';
%! V = 2 + 3 ./ M - 1 ./ M .^ 1.5 + 7 ./ M .^ 2;
%! assert (cos_richardson (V, [1 1.5 2]), 2, 1e-13);
%!error <V needs 3 rows> cos_richardson (ones (2, 1), [1 2])
%!error cos_richardson (1)
