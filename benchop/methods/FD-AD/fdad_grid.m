## -*- texinfo -*-
## @deftypefn {} {@var{z} =} fdad_grid (@var{zp}, @var{E}, @var{tol}, @var{hmax}, @var{nmax})
## A grid on [@var{zp}(1), @var{zp}(end)] whose local step equidistributes
## the estimated space error below @var{tol}.
##
## @var{E} is the error estimate at the nodes @var{zp} of the pilot grid
## (@pxref{fdad_estimate}): a grid of local step h(z) commits about
## h(z)^2 E(z).  The wanted step is h(z) = sqrt (@var{tol} / E(z)), at most
## @var{hmax}, and at most the wanted step of the pilot nodes either side
## (the pilot places a sharp feature only to within a cell).  It is then
## limited to grow by at most 20% of the distance, h(z) <= h(z_k) +
## 0.2 |z - z_k| for every pilot node z_k, so
## neighbouring steps differ by about 20% at most and the three-point
## differences keep their second order.  The nodes are the images of a
## uniform grid under the inverse of the grid density's integral
## xi(z) = int 1 / h (the grid-density approach of Persson and von Sydow,
## 2007), with 1 / h linear between the pilot nodes, so the steps vary
## continuously; z = 0
## (the strike) a node and the two ends nodes; at most @var{nmax}
## intervals (the step then scaled alike everywhere).  @var{z} is a column.
## @end deftypefn

function z = fdad_grid (zp, E, tol, hmax, nmax)
  if (nargin != 5)
    print_usage ();
  endif
  zp = zp(:);
  n = numel (zp);
  h = min (hmax, sqrt (tol ./ max (E(:), realmin)));
  h = min ([h, [h(2:end); Inf], [Inf; h(1:end-1)]], [], 2);
  ## Limit the growth: h(z) <= min over pilot nodes of h_k + 0.2 |z - z_k|.
  h = min (h.' + 0.2 * abs (zp - zp.'), [], 2);
  rho = 1 ./ h;
  dz = diff (zp);
  xi = [0; cumsum(dz .* (rho(1:end-1) + rho(2:end)) / 2)];
  [~, k0] = min (abs (zp));
  nl = max (3, ceil (xi(k0)));
  nr = max (3, ceil (xi(end) - xi(k0)));
  if (nl + nr > nmax)
    nl = max (3, round (nl * nmax / (nl + nr)));
    nr = max (3, nmax - nl);
  endif
  t = [linspace(0, xi(k0), nl + 1), linspace(xi(k0), xi(end), nr + 1)(2:end)].';
  ## The density is linear between pilot nodes, so xi is quadratic there:
  ## invert it exactly, xi_j + rho_j s + (rho_j+1 - rho_j) s^2 / (2 dz_j) = t.
  j = min (lookup (xi, t), n - 1);
  c = t - xi(j);
  q = (rho(j+1) - rho(j)) ./ (2 * dz(j));
  s = 2 * c ./ (rho(j) + sqrt (max (rho(j).^2 + 4 * q .* c, 0)));
  z = zp(j) + s;
  z([1, nl + 1, end]) = [zp(1), zp(k0), zp(end)];
endfunction

%!test
%! ## Dense where the estimate is large, 0 a node, the ends kept.
%! zp = linspace (-1, 0.5, 31).';
%! E = exp (-(zp / 0.1).^2) + 1e-6;
%! z = fdad_grid (zp, E, 1e-6, 0.2, 1000);
%! assert (z([1 end]), [-1; 0.5]);
%! assert (any (z == 0));
%! assert (all (diff (z) > 0));
%! h = diff (z);
%! assert (min (h) < 0.01 && max (h) > 0.05);
%! assert (max (h(2:end) ./ h(1:end-1)), 1.35, 0.3);
%!test
%! ## A smaller tolerance, more nodes: about sqrt (2) as many for half.
%! zp = linspace (-1, 1, 41).';
%! E = 1 ./ (zp.^2 + 0.01);
%! n1 = numel (fdad_grid (zp, E, 1e-6, 1, 1e4));
%! n2 = numel (fdad_grid (zp, E, 0.5e-6, 1, 1e4));
%! assert (n2 / n1, sqrt (2), 0.1);
%! assert (numel (fdad_grid (zp, E, 1e-9, 1, 100)), 101);
%!error fdad_grid (1, 2)
