## -*- texinfo -*-
## @deftypefn  {} {@var{g} =} fd_heston_grid (@var{problem}, @var{m}, @var{mt})
## @deftypefnx {} {@var{g} =} fd_heston_grid (@var{problem}, @var{m}, @var{mt}, @var{refine})
## @deftypefnx {} {@var{g} =} fd_heston_grid (@var{problem}, @var{m}, @var{mt}, @var{refine}, @var{alpha})
## Uniform grid in (S, v) and time levels for the Heston PDE of
## @var{problem}.
##
## The variance axis runs from 0 to vmax = vbar + 10 sv (and at least
## 3 vbar), vbar = max (V0, theta), sv = sigma_v sqrt (vbar (1 - e^(-2 kappa
## T)) / (2 kappa)) the spread of the variance over [0, T]; its spacing is
## about min (max (2 sv, vbar / 2), 2 V0) / @var{m} and divides V0, so
## that V0 is a node (no interpolation in v).  The S axis runs from 0 to
## Smax = max (S, K) exp (r T + 6 sqrt ((vbar + 2 sv) T)), far enough that
## the asymptotic value there is exact to well below the tolerance; its
## spacing, about K sqrt (vbar T) / @var{m}, divides K, so that the payoff
## kink is a node.  There are @var{mt} max (1, kappa T / 2) uniform time
## steps (the variance relaxes on the time scale 1/kappa), and for a march
## tilted by @var{alpha} (@pxref{fd_march_heston}) at least
## alpha (alpha - 1) vmax T / 2 of them, so that the tilt's reaction term
## stays below one per step.  With @var{refine} = k, every spacing is divided by k (nested grids, for
## Richardson extrapolation).  Fields: @code{S}, @code{dS}, @code{v},
## @code{dv}, @code{jv} (index of V0 in v), @code{tau}, @code{M}.
## @end deftypefn

function g = fd_heston_grid (problem, m, mt, refine = 1, alpha = 0)
  if (nargin < 3 || nargin > 5)
    print_usage ();
  endif
  if (! (isscalar (m) && m > 0 && isscalar (mt) && mt > 0))
    error ("fd_heston_grid: M and MT must be positive scalars");
  endif
  nsd = 5;
  T = problem.T;
  K = problem.K;
  V0 = problem.V0;
  kap = problem.kappa;
  vbar = max (V0, problem.theta);
  sv = problem.sigma_v * sqrt (vbar * (1 - exp (-2 * kap * T)) / (2 * kap));
  vmax = max (vbar + 10 * sv, 3 * vbar);
  ## The value bends in v on the scale of V0 itself when V0 is small.
  kv = max (1, round (V0 / (min (max (2 * sv, vbar / 2), 2 * V0) / m)));
  dv = V0 / kv;
  nv = ceil (vmax / dv);

  ## The value bends in S on the scale K sqrt (vbar T) near the strike.
  kK = max (4, round (m / sqrt (vbar * T)));
  dS = K / kK;
  Smax = max ([problem.S(:); K]) ...
         * exp (max (problem.r, 0) * T + nsd * sqrt ((vbar + 2 * sv) * T));
  nS = ceil (Smax / dS);

  g.dS = dS / refine;
  g.S = (0:nS*refine).' * g.dS;
  g.dv = dv / refine;
  g.v = (0:nv*refine) * g.dv;
  g.jv = kv * refine + 1;
  ## The variance relaxes on the time scale 1/kappa: at least mt steps
  ## per 2/kappa as well.
  steps = max (4, ceil (mt * max (1, kap * T / 2)));
  g.M = max (steps, ceil (alpha * (alpha - 1) / 2 * vmax * T)) * refine;
  g.tau = T * (0:g.M) / g.M;
endfunction

%!test
%! p = benchop_problem ("4");
%! g = fd_heston_grid (p, 6, 6);
%! assert (g.v(g.jv), p.V0, 1e-15);
%! assert (min (abs (g.S - 100)) < 1e-12);
%! assert (g.S(1), 0);
%! assert (g.S(end) > 2 * 110);
%! assert (diff (g.S), g.dS * ones (numel (g.S) - 1, 1), 1e-12);
%! g2 = fd_heston_grid (p, 6, 6, 2);
%! assert (g2.v(g2.jv), p.V0, 1e-15);
%! assert (g2.S(1:2:end), g.S, 1e-12);
%! assert (g2.M, 2 * g.M);
%!test
%! ## A longer, more volatile horizon reaches further.
%! g1 = fd_heston_grid (benchop_problem ("4"), 6, 6);
%! g2 = fd_heston_grid (benchop_problem ("4", "T", 2, "sigma_v", 0.4), 6, 6);
%! assert (g2.S(end) > g1.S(end));
%! assert (g2.v(end) > g1.v(end));
%!test
%! ## A tilted march takes more steps, as many as its reaction term needs.
%! p = benchop_problem ("4", "T", 0.25, "V0", 0.016, "theta", 0.016);
%! g0 = fd_heston_grid (p, 4, 12);
%! g = fd_heston_grid (p, 4, 12, 2, 50);
%! assert (g0.M, 12);
%! assert (g.M, 2 * ceil (50 * 49 / 2 * g.v(end) * 0.25), 2);
%!error fd_heston_grid (1)
%!error <M and MT> fd_heston_grid (benchop_problem ("4"), 0, 6)
