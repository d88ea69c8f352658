## -*- texinfo -*-
## @deftypefn {} {@var{x} =} std_normal_inv (@var{p})
## Inverse of the standard normal cumulative distribution function.
##
## Uses @code{erfcinv}, accurate in both tails (core Octave has no
## @code{norminv}).
## @end deftypefn

function x = std_normal_inv (p)
  if (nargin != 1)
    print_usage ();
  endif
  x = -sqrt (2) * erfcinv (2 * p);
endfunction

%!assert (std_normal_inv (0.5), 0)
%!assert (std_normal_inv ([0.025 0.975]), [-1.959963984540054 1.959963984540054], 1e-12)
%!assert (std_normal_cdf (std_normal_inv (1e-10)), 1e-10, -1e-7)
%!error std_normal_inv ()
