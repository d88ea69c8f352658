## -*- texinfo -*-
## @deftypefn  {} {@var{g} =} fd_grid_2d (@var{problem}, @var{m}, @var{mt})
## @deftypefnx {} {@var{g} =} fd_grid_2d (@var{problem}, @var{m}, @var{mt}, @var{refine})
## Uniform grid in (y1, y2), y_i = ln S_i + r tau, and time levels for the
## two-asset Black-Scholes PDE of @var{problem} (an exchange option).
##
## Both axes have the spacing h = s sqrt (T) / @var{m} with
## s = sqrt (sigma1^2 + sigma2^2 - 2 rho sigma1 sigma2) the volatility of
## ln (S1 / S2), on which the payoff's kink lies, and the same anchor, so
## the kink S1 = S2 (the diagonal) runs through nodes.  Axis i covers the
## evaluation points, the drift -sigma_i^2 T / 2 and 6 standard deviations
## sigma_i sqrt (T) on either side.  @var{mt} uniform time steps; with
## @var{refine} = k every spacing is divided by k (nested grids).  Fields:
## @code{y1}, @code{y2} (columns), @code{h}, @code{tau}, @code{M}.
## @end deftypefn

function g = fd_grid_2d (problem, m, mt, refine = 1)
  if (nargin < 3 || nargin > 4)
    print_usage ();
  endif
  nsd = 6;
  T = problem.T;
  s1 = problem.sigma1;
  s2 = problem.sigma2;
  s = sqrt (max (s1^2 + s2^2 - 2 * problem.rho * s1 * s2, 0.01 * (s1^2 + s2^2)));
  h = s * sqrt (T) / m;
  xs = log (problem.S) + problem.r * T;
  a = mean (xs(:));
  sig = [s1 s2];
  for i = 1:2
    lo = min (xs(:,i)) - sig(i)^2 * T / 2 - nsd * sig(i) * sqrt (T);
    hi = max (xs(:,i)) + nsd * sig(i) * sqrt (T);
    j = (floor ((lo - a) / h) * refine:ceil ((hi - a) / h) * refine).';
    g.(sprintf ("y%d", i)) = a + j * h / refine;
  endfor
  g.h = h / refine;
  g.M = max (4, ceil (mt)) * refine;
  g.tau = T * (0:g.M) / g.M;
endfunction

%!test
%! p = benchop_problem ("6");
%! g = fd_grid_2d (p, 6, 6);
%! g2 = fd_grid_2d (p, 6, 6, 2);
%! assert (g2.y1(1:2:end), g.y1, 1e-12);
%! assert (g2.y2(1:2:end), g.y2, 1e-12);
%! ## The diagonal y1 = y2 runs through nodes.
%! assert (min (abs (g.y1 - g.y2(5))) < 1e-12);
%!error fd_grid_2d (1)
