## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{N}] =} cos_exchange (@var{S}, @var{T}, @var{r}, @var{sigma1}, @var{sigma2}, @var{rho}, @var{level})
## Exchange option @math{\max (S_1 - S_2, 0)} on two correlated
## geometric Brownian motions by the two-dimensional COS method (Ruijter
## and Oosterlee 2012).
##
## @var{S} is an n-by-2 matrix of spot pairs.  In the log returns
## @math{y_j = \log (S_{j,T} / S_{j,0})}, whose joint characteristic
## function is Gaussian, the price is
## @example
## e^(-rT) sum'_k1 sum'_k2 1/2 Re [phi(u1, u2) e^(-i u1 a1 - i u2 a2)
##                          + phi(u1, -u2) e^(-i u1 a1 + i u2 a2)] V_k1k2
## @end example
## on the box @math{[a_1, b_1] \times [a_2, b_2]}, each side the mean
## plus and minus 10 standard deviations of its return.  The payoff
## coefficients @math{V} are the integrals of @math{(S_1 e^{y_1} - S_2
## e^{y_2}) \cos (u_1 (y_1 - a_1)) \cos (u_2 (y_2 - a_2))} over the part of
## the box where @math{y_1 - y_2 > \log (S_2 / S_1)}: integrals of
## exponentials over a polygon, in closed form (@code{cos_exchange_coeffs}),
## so the kink along the diagonal costs no accuracy.  Each pair expands the
## option that is out of the money (the roles of the assets swapped where
## @math{S_1 > S_2}) and parity, @math{C - P = S_1 - S_2}, gives the other.
##
## @var{N} terms per dimension put the last frequency 8.5 standard
## deviations of each return out, divided by @math{\sqrt{1 - \rho^2}},
## at @var{level} 5 (where the characteristic function is
## @math{e^{-36}} along the edges of the square of terms); the work,
## @math{N^2} per pair, doubles per level.  Beyond @math{|\rho| = 0.992}
## the factor stays at 8 and the accuracy drops.
## @end deftypefn

function [U, N] = cos_exchange (S, T, r, sigma1, sigma2, rho, level)
  if (nargin != 7)
    print_usage ();
  endif
  L = 10;
  ## The work grows as N^2: N grows by sqrt (2) per level.  Correlation
  ## narrows the density across the diagonal: at k1 = N the slowest decay,
  ## over k2, is exp (-(1 - rho^2) (N pi / 2 L)^2 / 2).
  c = 1 / sqrt (max (1 - rho^2, 1 / 64));
  N = max (8, ceil (2^((level - 5) / 2) * 8.5 * 2 * L * c / pi));
  n = rows (S);
  U = zeros (n, 1);
  swap = S(:,1) > S(:,2);
  for sw = [false, true]
    i = find (swap == sw);
    if (isempty (i))
      continue;
    endif
    if (sw)
      A = S(i,2); B = S(i,1); sa = sigma2; sb = sigma1;
    else
      A = S(i,1); B = S(i,2); sa = sigma1; sb = sigma2;
    endif
    ## Box around the mean of each log return.
    m = ([sa, sb] .^ 2 / -2 + r) * T;
    h = L * [sa, sb] * sqrt (T);
    a = m - h;
    b = m + h;
    k = (0:N-1).';
    u1 = k * pi / (b(1) - a(1));
    u2 = k.' * pi / (b(2) - a(2));
    ## Characteristic function of (y1, +-y2) times e^{-i u a}, first row
    ## and column halved.
    cf = @(s) exp (1i * (u1 * m(1) + s * u2 * m(2)) ...
                   - T / 2 * (sa^2 * u1 .^ 2 + 2 * s * rho * sa * sb * u1 .* u2
                              + sb^2 * u2 .^ 2) ...
                   - 1i * (u1 * a(1) + s * u2 * a(2)));
    G = (real (cf (1)) + real (cf (-1))) / 2;
    G(1,:) /= 2;
    G(:,1) /= 2;
    V = cos_exchange_coeffs (A, B, a, b, u1, u2);
    U(i) = exp (-r * T) * (G(:).' * reshape (V, N^2, []));
    if (sw)
      U(i) += S(i,1) - S(i,2);          # parity
    endif
  endfor
  U = U.';
endfunction

%!function V = margrabe (S, T, s1, s2, rho)
%!  s = sqrt (s1^2 + s2^2 - 2 * rho * s1 * s2) * sqrt (T);
%!  d1 = log (S(:,1) ./ S(:,2)) / s + s / 2;
%!  V = (S(:,1) .* std_normal_cdf (d1) - S(:,2) .* std_normal_cdf (d1 - s)).';
%!endfunction
%!test
%! S = [100 90; 100 100; 100 110; 90 100; 110 100];
%! U = cos_exchange (S, 1, 0.03, 0.15, 0.15, 0.5, 5);
%! assert (U, margrabe (S, 1, 0.15, 0.15, 0.5), -1e-9);
%!test
%! S = [80 120; 100 95; 130 70];
%! U = cos_exchange (S, 1.7, 0.07, 0.35, 0.12, -0.6, 5);
%! assert (U, margrabe (S, 1.7, 0.35, 0.12, -0.6), -1e-9);
%!error cos_exchange (1, 2, 3)
