## -*- texinfo -*-
## @deftypefn {} {@var{d} =} std_normal_pdf (@var{x})
## Standard normal probability density function, elementwise.
## @end deftypefn

function d = std_normal_pdf (x)
  if (nargin != 1)
    print_usage ();
  endif
  d = exp (-0.5 * x .^ 2) / sqrt (2 * pi);
endfunction

%!assert (std_normal_pdf (0), 1 / sqrt (2 * pi), eps)
%!assert (std_normal_pdf ([-2 2]), [1 1] * exp (-2) / sqrt (2 * pi), eps)
%!error std_normal_pdf ()
