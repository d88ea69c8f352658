## -*- texinfo -*-
## @deftypefn {} {[@var{sig}, @var{slo}, @var{shi}] =} fd_vol_scale (@var{problem})
## Volatility scales of a local-volatility @var{problem} for its grid.
##
## @var{sig}, the largest local volatility at the evaluation points and the
## strike over [0, T], is the typical volatility where the option value
## bends: it sets the spacing and the frame speed.  @var{slo} and
## @var{shi}, the largest (and at least @var{sig}) over prices within
## 3 sig sqrt (T) below and above those, where the density spreads, set the
## extent of the grid below and above, so that a volatility rising away
## from the money (as in problems 3-I and 3-II) cannot leave the truncated
## ends within reach, while a steep skew on one side does not widen the
## other.
## @end deftypefn

function [sig, slo, shi] = fd_vol_scale (problem)
  if (nargin != 1)
    print_usage ();
  endif
  T = problem.T;
  x = log ([problem.S(:); problem.K]);
  ## Every price against every time (by broadcasting: no meshgrid, an
  ## m-file, on every call).
  t = T * (0:4).' / 4;
  z = zeros (size (t));
  sig = max (fd_local_vol (problem, exp (x.' + z), t + 0 * x.')(:));
  d = 3 * sig * sqrt (T) * (0:0.125:1);
  slo = max (sig, max (fd_local_vol (problem, exp (min (x) - d + z), t + 0 * d)(:)));
  shi = max (sig, max (fd_local_vol (problem, exp (max (x) + d + z), t + 0 * d)(:)));
endfunction

%!test
%! p = struct ("model", "local-vol-parametric", "S", [90 100 110], "K", 100,
%!             "T", 1);
%! [sig, slo, shi] = fd_vol_scale (p);
%! assert (sig, local_vol_parametric (90, 1), 1e-12);
%! assert (slo > shi && shi > sig && slo < 0.525);
%!error fd_vol_scale ()
