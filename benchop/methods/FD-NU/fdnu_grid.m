## -*- texinfo -*-
## @deftypefn  {} {@var{S} =} fdnu_grid (@var{c}, @var{w}, @var{Smin}, @var{Smax}, @var{K}, @var{B}, @var{N})
## @deftypefnx {} {@var{S} =} fdnu_grid (@dots{}, @var{ref})
## Non-uniform grid in S, clustered at the points @var{c} by a smooth map.
##
## The map is xi(S) = sum_k asinh ((S - c_k) / w_k): its density of nodes is
## the sum of the sinh-map densities of Tavella and Randall (2000) and
## in 't Hout and Foulon (2010) about each centre, so the spacing is about
## w_k dxi near c_k and grows linearly with the distance from it.  The
## nodes are uniform in xi with spacing about (xi(Smax) - xi(Smin)) /
## @var{N}, placed so that the strike @var{K} is a node (the payoff kink
## then does not spoil second order) and, when @var{B} is finite, the
## barrier @var{B} is the last node exactly.  The first node lies in
## [Smin, Smin + one spacing) and, without a barrier, the last one in [Smax, Smax + one
## spacing).  @var{S} is a column.  With @var{ref} > 1 the grid is refined
## @var{ref} times in xi: it holds the nodes of the unrefined grid and
## (@var{ref} - 1) more, by the same map, between each two (Richardson
## extrapolation needs exactly nested grids).
## @end deftypefn

function S = fdnu_grid (c, w, Smin, Smax, K, B, N, ref = 1)
  if (nargin < 7 || nargin > 8)
    print_usage ();
  endif
  if (! (numel (c) == numel (w) && all (w > 0) && Smin >= 0 && Smin < K
         && K < Smax && N >= 4))
    error ("fdnu_grid: invalid grid parameters");
  endif
  c = c(:).';
  w = w(:).';
  xi = @(s) sum (asinh ((s(:) - c) ./ w), 2);
  dxi = (xi (Smax) - xi (Smin)) / N;
  xK = xi (K);
  if (isfinite (B))
    ## Barrier as the last node: a whole number of steps from K to B.
    nr = max (2, round ((xi (B) - xK) / dxi));
    dxi = (xi (B) - xK) / nr;
  else
    nr = ceil ((xi (Smax) - xK) / dxi);
  endif
  nl = floor ((xK - xi (Smin)) / dxi);
  x = xK + (-nl*ref:nr*ref).' * (dxi / ref);
  nl *= ref;
  ## Invert the monotone map by Newton's method (xi' = sum 1 / sqrt ((s -
  ## c)^2 + w^2)) safeguarded by bisection: a step leaving the bracket
  ## [lo, hi], which holds the root, is a bisection.  Vectorized, to full
  ## precision in a few steps (bisection alone needs 60).
  lo = Smin * ones (size (x));
  hi = max (Smax, K + 2 * sum (w)) * ones (size (x));
  while (any (xi (hi) < x))
    hi *= 2;
  endwhile
  ## Start from linear interpolation of the map between points spread
  ## about each centre on the scale of its width.
  Sg = c + w .* [-100; -30; -10; -3; -1; -0.3; 0; 0.3; 1; 3; 10; 30; 100];
  Sg = [Smin; hi(1); Sg(:)];
  Sg = sort (Sg(Sg >= Smin & Sg <= hi(1)));
  Sg = Sg([true; diff(Sg) > 0]);
  xg = xi (Sg);
  k = min (lookup (xg, x), numel (Sg) - 1);
  k = max (k, 1);
  S = Sg(k) + (x - xg(k)) .* (Sg(k+1) - Sg(k)) ./ (xg(k+1) - xg(k));
  for it = 1:50
    f = xi (S) - x;
    up = f < 0;
    lo(up) = S(up);
    hi(! up) = S(! up);
    Sn = S - f ./ sum (1 ./ sqrt ((S - c).^2 + w.^2), 2);
    out = ! (Sn >= lo & Sn <= hi);
    Sn(out) = (lo(out) + hi(out)) / 2;
    ## Done when the step, the bracket or the residual (to the map's
    ## round-off) is at round-off level.
    done = (abs (Sn - S) <= 1e-14 * S | hi - lo <= 1e-14 * S
            | abs (f) <= 8 * eps (abs (x) + 1));
    S = Sn;
    if (all (done))
      break;
    endif
  endfor
  S(nl+1) = K;
  if (isfinite (B))
    S(end) = B;
  endif
endfunction

%!test
%! S = fdnu_grid (100, 20, 0, 400, 100, Inf, 100);
%! assert (any (S == 100));
%! assert (S(1) >= 0 && S(end) >= 400);
%! assert (all (diff (S) > 0));
%! h = diff (S);
%! [~, k] = min (abs (S - 100));
%! assert (h(k) < h(1) && h(k) < h(end));
%!test
%! ## Barrier as the last node, clustering at K and B.
%! S = fdnu_grid ([100 125], [15 5], 0, 125, 100, 125, 80);
%! assert (S(end), 125);
%! assert (any (S == 100));
%! assert (all (diff (S) > 0));
%!test
%! ## Refinement nests the grids.
%! S1 = fdnu_grid ([100 125], [15 15], 20, 125, 100, 125, 50);
%! S2 = fdnu_grid ([100 125], [15 15], 20, 125, 100, 125, 50, 2);
%! assert (numel (S2), 2 * numel (S1) - 1);
%! assert (S2(1:2:end), S1, 1e-12);
%!error <invalid grid> fdnu_grid (100, -1, 0, 400, 100, Inf, 100)
%!error fdnu_grid (1)
