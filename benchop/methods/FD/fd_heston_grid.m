## -*- texinfo -*-
## @deftypefn  {} {@var{g} =} fd_heston_grid (@var{problem}, @var{m}, @var{mt})
## @deftypefnx {} {@var{g} =} fd_heston_grid (@var{problem}, @var{m}, @var{mt}, @var{refine})
## Uniform grid in (y, v) and time levels for the Heston PDE of
## @var{problem}, y = ln S + r tau.
##
## The variance axis runs from 0 to vmax = vbar + 10 sv (and at least
## 3 vbar), vbar = max (V0, theta), sv = sigma_v sqrt (vbar (1 - e^(-2 kappa
## T)) / (2 kappa)) the spread of the variance over [0, T]; its spacing is
## about min (max (2 sv, vbar / 2), 2 V0) / @var{m} and divides V0, so
## that V0 is a node (no interpolation in v).  The y axis has spacing h = sqrt (vbar T) / @var{m},
## the strike a node, and covers the evaluation points, the drift
## -vbar T / 2 and 7 standard deviations sqrt ((vbar + 2 sv) T) on either
## side.  There are @var{mt} max (1, kappa T / 2) uniform time steps (the
## variance relaxes on the time scale 1/kappa).  With @var{refine} = k,
## every spacing is divided by k (nested grids, for Richardson
## extrapolation).  Fields: @code{y}, @code{h}, @code{v}, @code{dv},
## @code{jv} (index of V0 in v), @code{tau}, @code{M}.
## @end deftypefn

function g = fd_heston_grid (problem, m, mt, refine = 1)
  if (nargin < 3 || nargin > 4)
    print_usage ();
  endif
  nsd = 7;
  T = problem.T;
  V0 = problem.V0;
  kap = problem.kappa;
  vbar = max (V0, problem.theta);
  sv = problem.sigma_v * sqrt (vbar * (1 - exp (-2 * kap * T)) / (2 * kap));
  vmax = max (vbar + 10 * sv, 3 * vbar);
  ## The value bends in v on the scale of V0 itself when V0 is small.
  kv = max (1, round (V0 / (min (max (2 * sv, vbar / 2), 2 * V0) / m)));
  dv = V0 / kv;
  nv = ceil (vmax / dv);

  w = sqrt (vbar * T);
  wx = sqrt ((vbar + 2 * sv) * T);
  xK = log (problem.K);
  xs = log (problem.S(:)) + problem.r * T;
  lo = min ([xs - vbar * T / 2; xK]) - nsd * wx;
  hi = max ([xs; xK]) + nsd * wx;
  h = w / m;
  jlo = floor ((lo - xK) / h);
  jhi = ceil ((hi - xK) / h);

  g.h = h / refine;
  g.y = xK + (jlo*refine:jhi*refine).' * g.h;
  g.dv = dv / refine;
  g.v = (0:nv*refine) * g.dv;
  g.jv = kv * refine + 1;
  ## The variance relaxes on the time scale 1/kappa: at least mt steps
  ## per 2/kappa as well.
  g.M = max (4, ceil (mt * max (1, kap * T / 2))) * refine;
  g.tau = T * (0:g.M) / g.M;
endfunction

%!test
%! p = benchop_problem ("4");
%! g = fd_heston_grid (p, 6, 6);
%! assert (g.v(g.jv), p.V0, 1e-15);
%! assert (min (abs (g.y - log (100))) < 1e-12);
%! g2 = fd_heston_grid (p, 6, 6, 2);
%! assert (g2.v(g2.jv), p.V0, 1e-15);
%! assert (g2.y(1:2:end), g.y, 1e-12);
%! assert (g2.M, 2 * g.M);
%!error fd_heston_grid (1)
