## -*- texinfo -*-
## @deftypefn {} {@var{N} =} qmcs_poisson_inv (@var{u}, @var{mu})
## Inverse cdf of the Poisson distribution with mean @var{mu} at the
## probabilities @var{u} (elementwise): the least @math{N} with
## @math{P(X \le N) \ge u}.
##
## The cdf is summed term by term until it exceeds the largest @var{u}
## (or its tail drops below the spacing of doubles), counting for each
## @var{u} the cdf values below it.  @var{mu} must be nonnegative and
## @var{u} in [0, 1]: not checked here, on every chunk of points, but
## once, on the problem (@var{mu} = @math{\lambda T}), by
## @code{mc_check_problem}; the Sobol points lie in (0, 1).
## @end deftypefn

function N = qmcs_poisson_inv (u, mu)
  if (nargin != 2)
    print_usage ();
  endif
  N = zeros (size (u));
  p = exp (-mu);
  cdf = p;
  umax = max (u(:));
  j = 0;
  while (umax > cdf && j < 10 * mu + 100)
    N += (u > cdf);
    j += 1;
    p *= mu / j;
    cdf += p;
    if (p < eps * cdf && cdf >= 1 - eps)
      break;
    endif
  endwhile
endfunction

%!assert (qmcs_poisson_inv ([0.1 0.5 0.9], 0), [0 0 0])
%!test
%! mu = 0.4;
%! c = cumsum (exp (-mu) * mu .^ (0:5) ./ factorial (0:5));
%! assert (qmcs_poisson_inv ([c(1) - 1e-9, c(1) + 1e-9, c(3) + 1e-9], mu), [0 1 3]);
%! u = ((1:1e5) - 0.5) / 1e5;
%! assert (mean (qmcs_poisson_inv (u, mu)), mu, 1e-4);
%!error qmcs_poisson_inv (0.5)
