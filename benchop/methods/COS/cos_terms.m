## -*- texinfo -*-
## @deftypefn {} {@var{N} =} cos_terms (@var{q}, @var{width}, @var{dt}, @var{sigma})
## Number of cosine terms that resolve one time step of a COS recursion.
##
## The characteristic function of one step of length @var{dt} decays like
## @math{\exp (-\sigma^2 dt u^2 / 2)}; on an interval of length
## @var{width} the last term, @math{u = N \pi / width}, is placed @var{q}
## standard deviations of that Gaussian out:
## @math{N \ge q \, width / (\pi \sigma \sqrt{dt})}, and at least 32.  N
## is rounded up to 16 times a number with no prime factor above 5, so
## that the FFTs of length 2N in @code{cos_cont_coeffs} stay fast.
## @end deftypefn

function N = cos_terms (q, width, dt, sigma)
  if (nargin != 4)
    print_usage ();
  endif
  m = max (2, ceil (q * width / (pi * sigma * sqrt (dt)) / 16));
  while (any (factor (m) > 5))
    m++;
  endwhile
  N = 16 * m;
endfunction

%!assert (cos_terms (5, 3, 1/128, 0.15), 384)
%!assert (cos_terms (1, 1e-3, 1, 1), 32)
%!test
%! N = cos_terms (5, 2.7, 1/1000, 0.13);
%! assert (all (factor (N / 16) <= 5));
%! assert (N * pi * 0.13 * sqrt (1/1000) / 2.7 >= 5);
%!error cos_terms (1, 2, 3)
