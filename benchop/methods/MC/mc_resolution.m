## -*- texinfo -*-
## @deftypefn {} {[@var{N}, @var{M}] =} mc_resolution (@var{p}, @var{level})
## Number of paths @var{N} and of time steps @var{M} of method MC at a
## resolution @var{level}, for a problem @var{p} checked by
## @code{mc_check} (its model code @code{kind}, maturity @code{T} and
## barrier @code{B}).
##
## Every level doubles the paths.  Where the log-Euler step is exact
## (constant coefficients: Black-Scholes with or without the dividend,
## Merton, two assets) the paths need no intermediate dates: one step.
## The level sets the work, so the paths follow the cost of a path: a
## vanilla option under Black-Scholes takes @math{N = 2^{level+13}} paths
## (@math{2^{26}} at level 13), the costlier paths of a barrier option
## (the bridge weight), of Merton (the jumps) and of two assets half as
## many.
##
## For local volatility and Heston the Euler scheme has a weak error of
## order one in the step, so the steps are refined with the square root of
## the paths, bias and sampling error falling together:
## @math{N = 2^{level+8}} paths of
## @math{M = \lceil T\, 2^{(level-2)/2} \rceil} steps, 32 a year at level
## 12.  (A level then costs about 2.8 times the one below.)
## @end deftypefn

function [N, M] = mc_resolution (p, level)
  if (nargin != 2)
    print_usage ();
  endif
  M = 1;
  switch (p.kind)
    case {1, 2}
      N = 2 ^ (level + 13 - isfinite (p.B));
    case {6, 7}
      N = 2 ^ (level + 12);
    case {3, 4, 5}
      N = 2 ^ (level + 8);
      M = max (1, ceil (p.T * 2 ^ ((level - 2) / 2) - 1e-9));
    otherwise
      error ("mc_resolution: unknown model code %g", p.kind);
  endswitch
endfunction

%!test
%! p = struct ("kind", 1, "T", 1, "B", Inf);
%! assert (mc_resolution (p, 13), 2 ^ 26);
%! [N, M] = mc_resolution (setfield (p, "kind", 2), 1);
%! assert ([N, M], [2^14, 1]);
%! [N, M] = mc_resolution (setfield (p, "B", 125), 13);
%! assert ([N, M], [2^25, 1]);
%! for kind = [6 7]
%!   [N, M] = mc_resolution (setfield (p, "kind", kind), 2);
%!   assert ([N, M], [2^14, 1]);
%! endfor
%!test
%! ## stepped models: paths double, steps grow by sqrt(2) a level
%! p = struct ("kind", 5, "T", 1, "B", Inf);
%! [N, M] = arrayfun (@(l) mc_resolution (p, l), 1:14);
%! assert (N, 2 .^ (9:22));
%! assert (M([2 4 6 8 10 12 14]), [1 2 4 8 16 32 64]);
%! assert (all (diff (M) >= 0));
%! [~, M] = mc_resolution (struct ("kind", 3, "T", 0.5, "B", Inf), 12);
%! assert (M, 16);
%! [~, M] = mc_resolution (struct ("kind", 4, "T", 0.25, "B", Inf), 1);
%! assert (M, 1);
%!error <unknown model code> mc_resolution (struct ("kind", 8, "T", 1, "B", Inf), 1)
%!error mc_resolution (struct ("kind", 1, "T", 1, "B", Inf))
