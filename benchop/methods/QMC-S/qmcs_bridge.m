## -*- texinfo -*-
## @deftypefn {} {@var{W} =} qmcs_bridge (@var{Z}, @var{T})
## Brownian paths at the dates @math{t_j = j T / M}, @math{j = 1, @dots{}, M},
## built by the Brownian bridge from independent standard normals.
##
## @var{Z} is n-by-M with @math{M} a power of 2; column 1 sets the end
## point, @math{W(T) = \sqrt{T} Z_1}, column 2 the midpoint given the ends,
## columns 3-4 the quarter points, and so on (Glasserman sec. 3.1;
## Moskowitz and Caflisch 1996): given @math{W(t_{j-h})} and
## @math{W(t_{j+h})}, @math{W(t_j)} is normal with their average as mean and
## variance @math{h \Delta / 2}.  With quasi-random inputs this puts the
## coarse shape of each path, which carries most of a payoff's variance, on
## the first, best distributed coordinates.
## @end deftypefn

function W = qmcs_bridge (Z, T)
  if (nargin != 2)
    print_usage ();
  endif
  [n, M] = size (Z);
  if (M < 1 || 2 ^ round (log2 (M)) != M)
    error ("qmcs_bridge: the number of dates (columns of Z) must be a power of 2");
  endif
  dt = T / M;
  W = zeros (n, M);
  W(:,M) = sqrt (T) * Z(:,1);
  col = 2;
  h = M / 2;
  while (h >= 1)
    for j = h:2*h:M-h
      if (j == h)
        left = zeros (n, 1);
      else
        left = W(:,j-h);
      endif
      W(:,j) = (left + W(:,j+h)) / 2 + sqrt (h * dt / 2) * Z(:,col);
      col += 1;
    endfor
    h /= 2;
  endwhile
endfunction

%!test
%! ## covariance min(s, t) of Brownian motion
%! randn ("state", 1);
%! W = qmcs_bridge (randn (2e5, 8), 2);
%! t = (1:8) * 2 / 8;
%! assert (cov (W), min (t.', t), 0.03);
%! assert (mean (W), zeros (1, 8), 0.02);
%!test
%! ## column 1 alone sets the end point
%! Z = [1 0 0 0];
%! assert (qmcs_bridge (Z, 4), [0.5 1 1.5 2]);
%!error <power of 2> qmcs_bridge (zeros (3, 6), 1)
