## -*- texinfo -*-
## @deftypefn {} {@var{z} =} rbfad_place (@var{y}, @var{eta}, @var{theta}, @var{hmax}, @var{nmax})
## New nodes from the error indicator @var{eta} of the nodes @var{y} (a
## sorted column, one indicator value per interval, @pxref{rbfad_indicator}):
## nodes are added where an interval's indicator exceeds the threshold
## @var{theta} and removed where it lies below, by placing them anew with
## a spacing that equidistributes the predicted indicator.
##
## The indicator of an interval of length h scales as C h^3 (its length
## times a residual of second order), so each interval asks for the
## spacing h (theta / eta)^(1/3), at most 8 times finer or 4 times coarser
## than now (the asymptotic model is rough far from its range) and at most
## @var{hmax}.  Neighbouring requests differ by at most a factor 1.4, so
## that the spacing, and with it the shape parameter tied to it, varies
## smoothly.  The new nodes are equidistant in F (y), the integral of one
## over the requested spacing (piecewise constant) (de Boor's equidistribution, the node density
## function of Pettersson et al. 2008), separately on either side of the
## strike y = 0 when it is a node, so that it stays one; the ends stay.
## When that asks for more than about @var{nmax} nodes, the requested
## spacing grows in proportion everywhere: a hard cap on the work, for the
## jumps and kinks (a barrier at tau = 0, a free boundary) whose residual
## no spacing makes small.
## @end deftypefn

function z = rbfad_place (y, eta, theta, hmax, nmax)
  if (nargin != 5)
    print_usage ();
  endif
  y = y(:);
  h = diff (y);
  eta = eta(:);
  want = h .* (theta ./ max (eta, realmin)).^(1/3);
  want = min ([max(want, h / 8), 1.25 * h, hmax * ones(size (h))], [], 2);
  ## Between the two thresholds the spacing stays.
  stay = eta >= theta / 64 & eta <= theta;
  want(stay) = h(stay);
  ## Limit the growth between neighbours, both ways.
  for i = 2:numel (want)
    want(i) = min (want(i), 1.4 * want(i-1));
  endfor
  for i = numel (want)-1:-1:1
    want(i) = min (want(i), 1.4 * want(i+1));
  endfor
  ## F is piecewise linear, one slope per interval: its inverse is too.
  F = [0; cumsum(h ./ want)];
  if (F(end) > nmax)
    ## Too many nodes asked for: the same distribution, coarser.
    F *= nmax / F(end);
  endif
  k = find (y == 0, 1);
  if (isempty (k))
    pieces = {[1, numel(y)]};
  else
    pieces = {[1, k], [k, numel(y)]};
  endif
  z = y(1);
  for j = 1:numel (pieces)
    a = pieces{j}(1);
    b = pieces{j}(2);
    n = max (1, ceil (F(b) - F(a) - 0.25));
    f = F(a) + (F(b) - F(a)) * (1:n).' / n;
    znew = interp1 (F(a:b), y(a:b), f);
    znew(end) = y(b);
    z = [z; znew];
  endfor
endfunction

%!test
%! ## A large indicator in the middle: finer there, coarser at the ends.
%! y = linspace (-1, 1, 21).';
%! ym = (y(1:end-1) + y(2:end)) / 2;
%! eta = 1e-3 * exp (-ym.^2 / 0.02);
%! z = rbfad_place (y, eta, 1e-6, 1, 1000);
%! assert (z([1 end]), [-1; 1]);
%! assert (any (z == 0));
%! h = diff (z);
%! assert (min (h) < 0.05 && max (h) > 0.1);
%! assert (all (h(2:end) ./ h(1:end-1) < 1.6 & h(1:end-1) ./ h(2:end) < 1.6));
%!test
%! ## The cap.
%! y = linspace (-1, 1, 21).';
%! z = rbfad_place (y, ones (20, 1), 1e-9, 1, 30);
%! assert (numel (z) <= 31);
%!error rbfad_place (1, 2, 3)
