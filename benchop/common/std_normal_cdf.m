## -*- texinfo -*-
## @deftypefn {} {@var{p} =} std_normal_cdf (@var{x})
## Standard normal cumulative distribution function, elementwise.
##
## Written with @code{erfc} so that the lower tail keeps full relative
## accuracy (core Octave has no @code{normcdf}).
## @end deftypefn

function p = std_normal_cdf (x)
  if (nargin != 1)
    print_usage ();
  endif
  p = 0.5 * erfc (-x / sqrt (2));
endfunction

%!assert (std_normal_cdf (0), 0.5)
%!assert (std_normal_cdf ([-1.959963984540054 1.959963984540054]), [0.025 0.975], 1e-15)
%!assert (std_normal_cdf (-30) > 0)
%!error std_normal_cdf ()
