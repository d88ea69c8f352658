## -*- texinfo -*-
## @deftypefn {} {@var{sigma} =} local_vol_parametric (@var{S}, @var{t})
## Local volatility of BENCHOP problem 3-I, elementwise:
## sigma(S, t) = 0.15 + 0.15 (0.5 + 2 t) (S/100 - 1.2)^2 / ((S/100)^2 + 1.44),
## with @var{t} calendar time from 0 (the valuation date) in years.
##
## @var{S} and @var{t} are arrays of the same size, or one of them scalar.
## @end deftypefn

function sigma = local_vol_parametric (S, t)
  if (nargin != 2)
    print_usage ();
  endif
  if (! isnumeric (S) || ! isnumeric (t))
    error ("local_vol_parametric: S and T must be numeric");
  endif
  s = S / 100;
  sigma = 0.15 + 0.15 * (0.5 + 2 * t) .* (s - 1.2).^2 ./ (s.^2 + 1.44);
endfunction

%!assert (local_vol_parametric (120, 0), 0.15)
%!assert (local_vol_parametric (100, 0), 0.15 + 0.075 * 0.04 / 2.44, eps)
%!assert (local_vol_parametric ([100 100], [0 1]), 0.15 + 0.15 * [0.5 2.5] * 0.04 / 2.44, eps)
%!error local_vol_parametric (1)
%!error <numeric> local_vol_parametric ("a", 1)
