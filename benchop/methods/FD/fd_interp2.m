## -*- texinfo -*-
## @deftypefn {} {@var{uq} =} fd_interp2 (@var{x1}, @var{x2}, @var{U}, @var{q1}, @var{q2})
## Piecewise bicubic Hermite interpolation of @var{U}, @code{U(i,j)} the
## value at (@code{x1(i)}, @code{x2(j)}) on a grid of increasing nodes, at
## the points (@code{q1(k)}, @code{q2(k)}); @var{uq} is a column.
##
## The slopes at the nodes are the shape-preserving ones of Fritsch and
## Carlson, in the form of Fritsch and Butland (PCHIP): zero where the data
## turn, elsewhere a weighted harmonic mean of the two neighbouring
## divided differences, and a three-point formula, limited, at the ends.
## The cross derivative is the mean of the x2-slopes of the x1-slopes and
## the x1-slopes of the x2-slopes.  This is the interpolant of
## @code{interp2 (@dots{}, "cubic")}, without its parsing of the arguments
## (@code{validatestring} on every call): the FD method times its
## two-asset read-out (@pxref{fd_solve_checked}).  The points must lie in
## the grid, which needs at least 2 nodes each way.
## @end deftypefn

function uq = fd_interp2 (x1, x2, U, q1, q2)
  if (nargin != 5)
    print_usage ();
  endif
  x1 = x1(:);
  x2 = x2(:);
  q1 = q1(:);
  q2 = q2(:);
  D1 = slopes (x1, U);                  # dU/dx1
  D2 = slopes (x2, U.').';              # dU/dx2
  D12 = (slopes (x2, D1.').' + slopes (x1, D2)) / 2;

  ## Cell (i, j) of each point, its sides and the local coordinates.
  i = lookup (x1, q1, "lr");
  j = lookup (x2, q2, "lr");
  h1 = x1(i+1) - x1(i);
  h2 = x2(j+1) - x2(j);
  [a1, b1] = hermite ((q1 - x1(i)) ./ h1, h1);
  [a2, b2] = hermite ((q2 - x2(j)) ./ h2, h2);
  n1 = rows (U);
  uq = zeros (size (q1));
  for c1 = 0:1
    for c2 = 0:1
      ## Corner (i + c1, j + c2): value, slopes and cross derivative.
      k = (i + c1) + (j + c2 - 1) * n1;
      uq += a1(:,c1+1) .* a2(:,c2+1) .* U(k) ...
            + b1(:,c1+1) .* a2(:,c2+1) .* D1(k) ...
            + a1(:,c1+1) .* b2(:,c2+1) .* D2(k) ...
            + b1(:,c1+1) .* b2(:,c2+1) .* D12(k);
    endfor
  endfor
endfunction

## Hermite basis on [0, 1] at t, for a cell of width h: a weighs the
## values at the left and right node, b the slopes there.
function [a, b] = hermite (t, h)
  s = 1 - t;
  a = [(1 + 2 * t) .* s.^2, t.^2 .* (1 + 2 * s)];
  b = [h .* t .* s.^2, -h .* t.^2 .* s];
endfunction

## PCHIP slopes of the columns of F over the nodes x (a column).
function d = slopes (x, F)
  n = numel (x);
  h = diff (x);
  del = diff (F) ./ h;
  if (n == 2)
    d = [del; del];
    return;
  endif
  d = zeros (size (F));
  ## Interior: zero at a turn (or a flat side), else the weighted harmonic
  ## mean, weights from the two cell widths.
  hl = h(1:end-1);
  hr = h(2:end);
  hs = hl + hr;
  wl = (hs + hl) ./ (3 * hs);
  wr = (hs + hr) ./ (3 * hs);
  dl = del(1:end-1, :);
  dr = del(2:end, :);
  dmax = max (abs (dl), abs (dr));
  dmin = min (abs (dl), abs (dr));
  mono = sign (dl) .* sign (dr) > 0;
  di = dmin ./ (wl .* (dl ./ dmax) + wr .* (dr ./ dmax));
  di(! mono) = 0;
  d(2:n-1, :) = di;
  ## Ends: the three-point formula, zero if it points against the first
  ## difference, and at most three times it where the data turn.
  d(1, :) = end_slope (h(1), h(2), del(1, :), del(2, :));
  d(n, :) = end_slope (h(n-1), h(n-2), del(n-1, :), del(n-2, :));
endfunction

## The slope at an end node: h0, d0 the width and difference of the end
## cell, h1, d1 those of its neighbour.
function s = end_slope (h0, h1, d0, d1)
  hs = h0 + h1;
  s = ((h0 + hs) / hs) * d0 + (-h0 / hs) * d1;
  against = sign (s) .* sign (d0) <= 0;
  turn = ! against & sign (d0) .* sign (d1) < 0 & abs (s) > abs (3 * d0);
  s(turn) = 3 * d0(turn);
  s(against) = 0;
endfunction

%!test
%! ## The interpolant of interp2 (..., "cubic"), on smooth, kinked and
%! ## turning data, with uneven nodes.
%! x1 = [0 0.3 0.5 1.1 1.6 2 2.2].';
%! x2 = [-1 -0.5 0 0.2 0.9 1.5].';
%! q1 = [0 0.1 0.45 1.3 1.99 2.2 0.7].';
%! q2 = [-1 0.1 -0.7 1.2 0.5 1.5 1].';
%! for U = {exp(x1) * cos(x2.'), max(exp (x1) - exp (x2.'), 0), sin(3 * x1 + x2.'.^2)}
%!   ref = interp2 (x2.', x1, U{1}, q2, q1, "cubic");
%!   assert (fd_interp2 (x1, x2, U{1}, q1, q2), ref, 1e-14);
%! endfor
%!test
%! ## Exact for bilinear data, at the nodes, and on two nodes a side.
%! x1 = (0:4).';
%! x2 = (0:0.5:2).';
%! U = 1 + 2 * x1 - x2.' + 0.5 * x1 * x2.';
%! q1 = [0.3; 2.5; 4]; q2 = [1.9; 0.25; 0];
%! assert (fd_interp2 (x1, x2, U, q1, q2), 1 + 2 * q1 - q2 + 0.5 * q1 .* q2, 1e-13);
%! assert (fd_interp2 (x1, x2, U, [1; 3], [0.5; 2]), [U(2,2); U(4,5)]);
%! assert (fd_interp2 ([0 1], [0 1], [1 2; 3 4], 0.5, 0.5), 2.5, 1e-15);
%!error fd_interp2 (1, 2, 3, 4)
