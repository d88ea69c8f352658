## -*- texinfo -*-
## @deftypefn {} {@var{U} =} cos_european (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{N}, @var{L}, @var{out}, @var{call})
## European call or put under Black-Scholes, or one of its Greeks, by the
## COS method (Fang and Oosterlee 2008).
##
## @var{S} is a row of spot prices; @var{N} the number of cosine terms;
## @var{L} the half-width of the truncation interval in standard
## deviations; @var{out} is 0 for the price, 1 for delta (dU/dS), 2 for
## gamma and 3 for vega (dU/d@var{sigma}); @var{call} is true for the
## call, false for the put.  These are numbers, not names: this runs in
## the timed pricing, and @code{cos_check} has turned the problem's names
## into them.
##
## At each point the option that is out of the money with respect to the
## forward @math{F = S e^{rT}} is expanded and the other follows from
## put-call parity, so the smaller of the two keeps its relative accuracy.
## Both are one expansion: with @math{D = \min (S, K e^{-rT})} the
## out-of-the-money option is @math{D \, E[(1 - e^z)^+]}, @math{z} normal
## with variance @math{s^2 = \sigma^2 T} and mean
## @math{\mu = |\log (S / (K e^{-rT}))| - s^2/2} (the put in
## @math{\log (S_T / K)} under the pricing measure, the call in
## @math{-\log (S_T / K)} under the share measure).  Each point has its
## own interval @math{\mu \pm w}, @math{w = L s + s^2/2} (the cumulant
## rule, widened so that the interval always reaches above 0, where the
## payoff's support ends); at its centre the odd terms of the price
## vanish, so a price takes only the even ones.  With @math{u_k = k \pi /
## (2 w)} and @math{a = \mu - w}, the coefficients of the payoff reduce to
## @math{\mathrm{Re} ((e^a - e^{-i u_k a}) / (u_k (u_k - i))) / w}, so
## that one complex exponential of the points and a product with the
## terms give the whole sum.  The Greeks differentiate that sum in
## @math{a} (the interval moving with the point, only even terms again);
## vega follows from @math{\partial g / \partial (s^2) = g''/2}.
## @end deftypefn

function U = cos_european (S, K, T, r, sigma, N, L, out, call)
  ## No input checks: this is the timed pricing (cos_check checks).
  ## cos_solve_checked has this code written out, to save the call.
  s2 = sigma * sigma * T;
  F = K * 2.718281828459045 ^ (-r * T);
  w = L * s2 ^ 0.5 + s2 / 2;            # b = |y| + w - s^2/2 > 0: d = 0
  y = log (S / F);                      # >= 0: the put is out of the money
  ind = (y >= 0);
  a = (y .* y) .^ 0.5 - (s2 / 2 + w);
  a = a .* (a < 0);                     # beyond the interval: no payoff
  ea = 2.718281828459045 .^ a;
  SF = S - F;
  j = (1:N/2-1).';
  bw = w / 3.141592653589793;
  q = 2.718281828459045 ^ (-s2 / (2 * bw * bw));
  c = (-q) .^ (j .* j) ./ (j .* (j - 1i * bw));
  Z = 2.718281828459045 .^ (j * (a * (-1i / bw)));
  if (out == 0)
    G = (ea - 1 - a) / (2 * w) ...
        + real (c.' * (ea - Z)) * (bw / 3.141592653589793);
    ## D G, D = min (S, F), and parity to the other option.
    U = S .* G + SF .* (ind .* (1 - G) - (! call));
  else
    ## Greeks: the derivatives in the mean, d/da of G (the interval moves
    ## with the point).  Delta: put expanded F g' / S, call expanded
    ## g - g'; parity adds 1 to a call from a put, -1 to a put from a
    ## call.  Gamma and vega: g'' - g', in which the terms e^a sum (c)
    ## cancel.
    c *= bw / 3.141592653589793;
    D = S - ind .* SF;                  # min (S, F)
    nu = j / bw;
    if (out == 1)
      P = real ([(1i * nu) .* c, (1 + 1i * nu) .* c].' * Z);
      g1 = (ea - 1) / (2 * w) + real (sum (c)) * ea + P(1,:);
      U = D ./ S .* (ind .* g1 - (1 - ind) .* (a / (2 * w) + P(2,:))) ...
          + (call - 1 + ind);
    else
      G = 1 / (2 * w) + real ((c .* nu .* (nu - 1i)).' * Z);
      if (out == 2)
        U = D .* G ./ (S .* S);
      else
        U = (D * (sigma * T)) .* G;
      endif
    endif
  endif
endfunction

%!shared bs
%! ## Black-Scholes d1 and d2 for the closed-form checks.
%! bs = @(S, K, T, r, s) struct ( ...
%!   "d1", (log (S / K) + (r + s^2 / 2) * T) / (s * sqrt (T)), ...
%!   "d2", (log (S / K) + (r - s^2 / 2) * T) / (s * sqrt (T)));
%!test
%! S = [60 80 95 100 105 130 170]; K = 100; T = 0.7; r = 0.05; s = 0.25;
%! d = bs (S, K, T, r, s);
%! C = S .* std_normal_cdf (d.d1) - K * exp (-r * T) * std_normal_cdf (d.d2);
%! P = K * exp (-r * T) * std_normal_cdf (-d.d2) - S .* std_normal_cdf (-d.d1);
%! assert (cos_european (S, K, T, r, s, 128, 12, 0, true), C, -1e-11);
%! assert (cos_european (S, K, T, r, s, 128, 12, 0, false), P, -1e-11);
%! assert (cos_european (S, K, T, r, s, 128, 12, 1, true), std_normal_cdf (d.d1), -1e-11);
%! assert (cos_european (S, K, T, r, s, 128, 12, 1, false), -std_normal_cdf (-d.d1), -1e-11);
%! G = std_normal_pdf (d.d1) ./ (S * s * sqrt (T));
%! assert (cos_european (S, K, T, r, s, 128, 12, 2, true), G, -1e-11);
%! assert (cos_european (S, K, T, r, s, 128, 12, 2, false), G, -1e-11);
%! Vg = S .* std_normal_pdf (d.d1) * sqrt (T);
%! assert (cos_european (S, K, T, r, s, 128, 12, 3, true), Vg, -1e-11);
%! assert (cos_european (S, K, T, r, s, 128, 12, 3, false), Vg, -1e-11);
%!test
%! ## Points far apart each get their own interval; a tiny volatility.
%! S = [1 99 101 1e4]; d = bs (S, 100, 1, 0.03, 0.01);
%! C = S .* std_normal_cdf (d.d1) - 100 * exp (-0.03) * std_normal_cdf (d.d2);
%! assert (cos_european (S, 100, 1, 0.03, 0.01, 64, 10, 0, true), C, 1e-10);
%!test
%! ## A huge total volatility: the deep out-of-the-money call keeps its
%! ## relative accuracy.
%! S = [1e-3 1 100]; K = 100; T = 6; r = 0.1; s = 2; d = bs (S, K, T, r, s);
%! C = S .* std_normal_cdf (d.d1) - K * exp (-r * T) * std_normal_cdf (d.d2);
%! assert (cos_european (S, K, T, r, s, 128, 14, 0, true), C, -1e-10);
%!test
%! ## Twenty terms over 5.6 standard deviations: 1e-6 on the benchmark's
%! ## set I.
%! S = [90 100 110];
%! U = cos_european (S, 100, 1, 0.03, 0.15, 20, sqrt (10 * pi), 0, true);
%! assert (U, [2.758443856146076, 7.485087593912603, 14.702019669720769], -1e-6);
