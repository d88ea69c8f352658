## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{N}, @var{M}] =} fgl_american_put (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{M0}, @var{xi}, @var{we})
## American put under Black-Scholes by backward induction in time:
## Bermudan puts with @var{M0}, @math{2 M_0}, @math{4 M_0} and @math{8 M_0}
## exercise dates (@code{fgl_bermudan_put}), Richardson-extrapolated to
## continuous exercise.
##
## @var{S} is a row of spot prices, @var{K}, @var{T}, @var{r} and
## @var{sigma} the strike, maturity, rate and volatility; @var{xi} and
## @var{we} the nodes and modified weights of a Gauss-Laguerre rule
## (@code{fgl_laguerre}).  @var{N} reports the size of the finest grid,
## @var{M} the numbers of dates.
##
## The error of the Bermudan continuation value at time 0 in the number
## of dates @math{M} is taken to expand in powers 1, 2, 3 of @math{1/M}:
## the four values combine as @math{(64 V_4 - 56 V_3 + 14 V_2 - V_1) /
## 21}, then floored by the value of exercising at once.  Extrapolating the
## continuation values, not the Bermudan prices (their maxima with
## @math{K - S}), keeps the points just above the exercise boundary, where
## coarse Bermudans exercise at once, converging; they still converge more
## slowly than the others.  With @math{r \le 0} early exercise never pays
## and the European put is returned (@code{fgl_bs_european}); points at or
## below the perpetual put's exercise boundary @math{2 r K / (2 r +
## \sigma^2)} (McKean 1965), which lies below that of every maturity, are
## exercised at once and are worth @math{K - S} exactly.
## @end deftypefn

function [U, N, M] = fgl_american_put (S, K, T, r, sigma, M0, xi, we)
  ## No input checks: this runs in the timed pricing.
  M = M0 * [1 2 4 8];
  N = 0;
  if (r <= 0)
    U = fgl_bs_european (S, K, T, r, sigma, 0, 0, false, xi, we);
    return;
  endif
  U = K - S;
  i = (S > 2 * r * K / (2 * r + sigma * sigma));
  if (any (i))
    V = zeros (4, sum (i));
    for j = 1:4
      [V(j,:), Nj] = fgl_bermudan_put (S(i), K, T, r, sigma, M(j), xi, we);
    endfor
    N = Nj;
    U(i) = max ([-1 14 -56 64] * V / 21, U(i));
  endif
endfunction

%!test
%! ## The benchmark's set I against its published values and the
%! ## independent high-accuracy ones (BENCHOP's digits are good to 1e-5).
%! [xi, ~, we] = fgl_laguerre (16);
%! U = fgl_american_put ([90 100 110], 100, 1, 0.03, 0.15, 6, xi, we);
%! assert (U, [10.7265417, 4.8206440, 1.8282255], -5e-5);
%!test
%! ## Below the perpetual boundary: K - S exactly, without a recursion; r = 0:
%! ## the European put.
%! [xi, ~, we] = fgl_laguerre (12);
%! [U, N] = fgl_american_put ([97 98 99], 100, 0.25, 0.1, 0.01, 4, xi, we);
%! assert (U, [3 2 1]);
%! assert (N, 0);
%! U = fgl_american_put ([90 110], 100, 1, 0, 0.2, 4, xi, we);
%! assert (U, bs_european ("put", "price", [90 110], 100, 1, 0, 0.2), -1e-7);
%!test
%! ## Other parameters against the reference (the exercise-boundary
%! ## integral equation), the points on both sides of that boundary.
%! [xi, ~, we] = fgl_laguerre (16);
%! S = [70 90 105 120]; K = 110; T = 2; r = 0.06; s = 0.3;
%! U = fgl_american_put (S, K, T, r, s, 8, xi, we);
%! assert (U, american_put_reference (S, K, T, r, s), -1e-4);
%! assert (U(1), 40);
