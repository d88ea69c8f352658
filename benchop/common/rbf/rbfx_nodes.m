## -*- texinfo -*-
## @deftypefn  {} {@var{y} =} rbfx_nodes (@var{P}, @var{N}, @var{kb})
## @deftypefnx {} {@var{y} =} rbfx_nodes (@var{P}, @var{N}, @var{kb}, @var{kw})
## About @var{N} nodes (a sorted column) on the domain of setup @var{P}
## (@pxref{rbfx_setup}), clustered at the strike y = 0 and dense over the
## bulk of the distribution.
##
## The nodes are equidistant in F (y) = asinh (y / w) + 2 G (y) / s with
## w = s / 16 (s = P.s, a standard deviation of ln S_T) and G the integral
## of a smoothed indicator of [a, b] = [min(ye, 0) - 2 s, max(ye, 0) + 2 s]
## (ye = P.ye, the evaluation points at tau = T), edges of width s.  The
## asinh term refines towards the payoff's kink, whose smoothing error is
## O(h^2) in the spacing h there; the G term keeps the spacing below about
## s / 2 dF where the values and Greeks are read, and lets it grow in the
## tails, where the solution is smooth.  The strike is a node (when inside
## the domain); the grid is widened by at most one node at either end to
## cover the domain, and an up-and-out barrier stays the last node.  With a
## barrier, where the payoff drops to zero, F gains the term
## asinh ((y - yb) / wb), wb = w / @var{kb}: the jump makes the error O(h)
## in the spacing h at the barrier, so it is refined more than the kink.
## How much more is the method's choice: @var{kb} = 64 for global
## collocation (@code{rbf_price}), 16 for the fixed-size stencils of RBF-FD
## (@code{rbffd_price}).  @var{kw} (default 16) sets the width of the
## strike cluster, w = s / @var{kw}: a solver whose stencils resolve the
## bulk to higher order than the smoothed kink (the 2-D Heston RBF-FD,
## @pxref{rbffd_heston}) refines the strike more.  @var{N}, @var{kb} and
## @var{kw} are positive scalars, the solvers' constants: as part of the
## timed pricing this checks nothing.
## @end deftypefn

function y = rbfx_nodes (P, N, kb, kw = 16)
  if (nargin < 3 || nargin > 4)
    print_usage ();
  endif
  s = P.s;
  w = s / kw;
  wb = w / kb;
  a = min ([P.ye, 0]) - 2 * s;
  b = max ([P.ye, 0]) + 2 * s;
  psi = @(x) x .* std_normal_cdf (x) + std_normal_pdf (x);
  F = @(y) asinh (y / w) + 2 * (psi ((y - a) / s) - psi ((y - b) / s) ...
                                - psi (-a / s) + psi (-b / s));
  if (P.barrier)
    ## The payoff jumps to zero at the barrier: refine there as well.
    F = @(y) F (y) + asinh ((y - P.yhi) / wb) - asinh (-P.yhi / wb);
  endif
  Flo = F (P.ylo);
  Fhi = F (P.yhi);
  dF = (Fhi - Flo) / (N - 1);
  if (P.yhi <= 0)
    ## Barrier at or below the strike: no kink inside.
    f = linspace (Flo, Fhi, N);
  else
    f = (-ceil (-Flo / dF):floor (Fhi / dF)) * dF;
    if (P.barrier)
      if (Fhi - f(end) < dF / 2)
        f(end) = [];
      endif
      f(end+1) = Fhi;
    elseif (f(end) < Fhi - 1e-12)
      f(end+1) = f(end) + dF;
    endif
  endif
  ## Invert F (increasing) on a fine table; then pin the ends exactly.
  yt = linspace (P.ylo - 2 * s, P.yhi + 2 * s, 20001);
  yk = w * sinh (linspace (-8, 8, 4001));
  yt = unique ([yt, yk]);
  y = interp1 (F (yt), yt, f(:), "pchip");
  y(f == 0) = 0;
  if (P.barrier)
    y(end) = P.yhi;
  endif
endfunction

%!test
%! P = struct ("s", 0.15, "ylo", -1.2, "yhi", 1.4, "ye", [-0.1 0 0.1],
%!             "barrier", false);
%! y = rbfx_nodes (P, 60, 64);
%! assert (any (y == 0));
%! assert (y(1) <= -1.2 && y(end) >= 1.4);
%! assert (all (diff (y) > 0));
%! assert (abs (numel (y) - 60) <= 2);
%! P.barrier = true;
%! y = rbfx_nodes (P, 60, 64);
%! assert (y(end), 1.4);
%!test
%! ## A narrower strike cluster: finer spacing at the strike, same count.
%! P = struct ("s", 0.15, "ylo", -1.2, "yhi", 1.4, "ye", [-0.1 0 0.1],
%!             "barrier", false);
%! y16 = rbfx_nodes (P, 60, 16);
%! assert (rbfx_nodes (P, 60, 16, 16), y16);
%! y64 = rbfx_nodes (P, 60, 16, 64);
%! k = find (y64 == 0);
%! assert (y64(k+1) < y16(find (y16 == 0) + 1));
%! assert (abs (numel (y64) - 60) <= 2);
%!error rbfx_nodes (1)
%!error rbfx_nodes (1, 2)
