## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{N}] =} cos_dividend_american_call (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D}, @var{alpha}, @var{level})
## American call under Black-Scholes with one discrete proportional
## dividend, by a backward COS step (Fang and Oosterlee 2009).
##
## At @math{t_1 = \alpha T} the price drops from S to @math{(1 - D) S}.
## With @math{r \ge 0} a call is exercised early, if at all, just before
## the dividend (Merton 1973), so the American call is a European option
## on the value at @math{t_1^-},
## @example
## v(y) = max (K (e^y - 1), c(y + log (1 - D))),   y = log (S / K),
## @end example
## @math{c} being the European call from @math{t_1} to @math{T}.  In the
## cosine basis of one interval [a, b], @math{c(y + \log (1 - D))} is a
## cosine series whose characteristic function carries the factor
## @math{(1 - D)^{i u}}; the early-exercise point @math{y^*}, where it
## meets the payoff, is found by Newton's method on that series,
## safeguarded by bisection (the difference is decreasing in y).  The
## coefficients of @math{v} are then those of the continuation value on
## [a, y*] (@code{cos_cont_coeffs}) plus those of the payoff on [y*, b],
## and one more COS step gives the value at 0.
##
## The points are priced in groups no wider than the density
## (@code{cos_groups}); each group's interval covers its points, the drift
## and the dividend plus 10 standard deviations of the whole life.  Its
## number of terms resolves the shorter of the two steps: the last
## frequency lies @math{q = 8.5 \cdot 2^{level-5}} standard deviations of
## that step out (@code{cos_terms}).  @var{N} is the largest number of
## terms used.
## @end deftypefn

function [U, N] = cos_dividend_american_call (S, K, T, r, sigma, D, alpha, level)
  if (nargin != 8)
    print_usage ();
  endif
  L = 10;
  x = log (S(:).' / K);
  t1 = alpha * T;
  tau = T - t1;
  mu = r - sigma^2 / 2;
  ld = log1p (-D);
  s = L * sigma * sqrt (T);
  q = 8.5 * 2^(level - 5);
  U = zeros (size (x));
  N = 0;
  for g = cos_groups (x, 2 * s)
    i = g{1};
    a = min (x(i)) + min (0, mu * T) + ld - s;
    b = max (x(i)) + max (0, mu * T) + s;
    if (b <= 0)
      continue;                         # the call pays nothing on [a, b]
    endif
    n = cos_terms (q, b - a, min (t1, tau), sigma);
    N = max (N, n);
    k = (0:n-1).';
    w = pi / (b - a);
    u = k * w;
    ui = 1i * u;
    fac = 2 / (b - a) * K;
    ## The call K (e^y - 1) on [max(a,0), b] at T.
    [chi, psi] = cos_chi_psi (k, a, b, max (a, 0), b);
    V = fac * (chi - psi);
    ## Continuation value at t1- as a cosine series in y: the step over tau
    ## and the dividend's shift.
    z = exp (-r * tau - sigma^2 * tau * u .^ 2 / 2 + ui * (mu * tau + ld)) .* V;
    z(1) /= 2;
    f = @(y) real (sum (z .* exp (ui * (y - a)), 1)) - K * expm1 (y);
    df = @(y) real (sum (ui .* z .* exp (ui * (y - a)), 1)) - K * exp (y);
    lo = max (a, 0);
    hi = b;
    if (f (hi) >= 0)
      ys = hi;                          # no exercise inside [a, b]
    elseif (f (lo) <= 0)
      ys = lo;
    else
      ys = (lo + hi) / 2;
      for it = 1:100
        fy = f (ys);
        if (fy > 0)
          lo = ys;
        else
          hi = ys;
        endif
        yn = ys - fy / df (ys);
        if (! (yn > lo && yn < hi))
          yn = (lo + hi) / 2;           # Newton left the bracket
        endif
        if (abs (yn - ys) < 1e-12)
          break;
        endif
        ys = yn;
      endfor
    endif
    ## Value at t1-: continuation on [a, ys], exercise on [ys, b].
    W = cos_cont_coeffs (z, 0, (ys - a) * w, cos_cont_kernels (n));
    if (ys < b)
      [chi, psi] = cos_chi_psi (k, a, b, ys, b);
      W += fac * (chi - psi);
    endif
    E = exp (-r * t1 - sigma^2 * t1 * u .^ 2 / 2 + ui * mu * t1) .* W;
    E(1) /= 2;
    U(i) = real (E.' * exp (ui * (x(i) - a)));
  endfor
endfunction

%!function V = bs_call (S, K, T, r, s)
%!  d1 = (log (S / K) + (r + s^2 / 2) * T) ./ (s * sqrt (T));
%!  V = S .* std_normal_cdf (d1) - K * exp (-r * T) * std_normal_cdf (d1 - s * sqrt (T));
%!endfunction
%!function V = am_div_call (S, K, T, r, s, D, alpha)
%!  ## Independent check: the trapezoidal rule on a fine grid over the price
%!  ## at the dividend date of max (S - K, Black-Scholes call at (1 - D) S);
%!  ## the kink at the exercise point costs O(h^2), about 1e-9 here.
%!  t1 = alpha * T; tau = T - t1; V = zeros (size (S));
%!  z = linspace (-12, 12, 4e5 + 1);
%!  for j = 1:numel (S)
%!    Sx = S(j) * exp ((r - s^2 / 2) * t1 + s * sqrt (t1) * z);
%!    g = max (Sx - K, bs_call ((1 - D) * Sx, K, tau, r, s)) .* std_normal_pdf (z);
%!    V(j) = exp (-r * t1) * trapz (z, g);
%!  endfor
%!endfunction
%!test
%! U = cos_dividend_american_call ([90 100 110], 100, 0.5, 0.03, 0.15, 0.03, 0.8, 5);
%! assert (U, [0.837358764004664, 4.484034330080377, 11.877216586990031], -1e-6);
%!test
%! ## Other parameters and points far apart, against quadrature.
%! S = [70 95 120 400]; K = 105; T = 1.5; r = 0.06; s = 0.3; D = 0.05; al = 0.4;
%! U = cos_dividend_american_call (S, K, T, r, s, D, al, 5);
%! assert (U, am_div_call (S, K, T, r, s, D, al), -1e-7);
%! ## A small volatility and an early dividend.
%! S = [94 100 109]; K = 98.7; T = 0.25; r = 0.03; s = 0.044; D = 0.04; al = 0.25;
%! U = cos_dividend_american_call (S, K, T, r, s, D, al, 5);
%! assert (U, am_div_call (S, K, T, r, s, D, al), -1e-7);
%!test
%! ## Without a dividend the American call is the European one.
%! S = [90 100 110];
%! U = cos_dividend_american_call (S, 100, 1, 0.03, 0.2, 0, 0.5, 5);
%! assert (U, bs_call (S, 100, 1, 0.03, 0.2), -1e-8);
%!error cos_dividend_american_call (1, 2, 3)
