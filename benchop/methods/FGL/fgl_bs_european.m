## -*- texinfo -*-
## @deftypefn {} {@var{U} =} fgl_bs_european (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{ld}, @var{out}, @var{call}, @var{xi}, @var{we})
## European call or put under Black-Scholes, or one of its Greeks, from the
## Fourier integral of the price evaluated by Gauss-Laguerre quadrature.
##
## @var{S} is a row of spot prices, @var{K}, @var{T}, @var{r} and
## @var{sigma} the strike, maturity, rate and volatility; @var{ld} the
## logarithm @math{\log (1 - D)} of one proportional dividend paid before
## @var{T} (0 without one); @var{out} 0 for the price, 1 for delta (dU/dS),
## 2 for gamma, 3 for vega (dU/d@var{sigma}); @var{call} true for the call,
## false for the put.  @var{xi} and @var{we} are the nodes and modified
## weights @math{w_i e^{x_i}} of a Gauss-Laguerre rule (@code{fgl_laguerre}).
## These are numbers, not names: this runs in the timed pricing.
##
## With @math{Y = \log (S_T / K)}, normal with variance
## @math{s^2 = \sigma^2 T} and mean @math{m = \log (S / K) + \log (1 - D) +
## (r - \sigma^2 / 2) T}, and @math{\psi (w) = E[e^{i w Y}] = e^{i w m - s^2
## w^2 / 2}}, the integral along the line @math{\mathrm{Im}\, w = \beta}
## @example
## I = 1/pi int_0^Inf Re [psi (u + i beta) / (w (w + i))] du,  w = u + i beta,
## @end example
## is @math{-E[(1 - e^Y)^+]} for @math{\beta > 0} and
## @math{-E[(e^Y - 1)^+]} for @math{\beta < -1} (the contour shifts of
## Lewis 2001 and Lee 2004, the integrand being Hermitian in @math{u}), so
## that @math{-K e^{-rT} I} is the put or the call.  Each point prices the
## option that is out of the money with respect to its forward and the
## other follows from parity: the smaller price keeps its relative
## accuracy.  @math{\beta} is the saddle point of the integrand on the
## imaginary axis (Lord and Kahl 2007's optimal damping) with the nearer
## pole alone, a root of a quadratic: there the integrand neither
## oscillates nor peaks, and its size is that of the price.
##
## Delta differentiates in @math{\log S} (a factor @math{i w}, which
## leaves the pole at @math{-i} alone), gamma and vega lead to the same
## integral without poles, @math{J = \frac{1}{\pi} \int_0^\infty
## \mathrm{Re}\, \psi (u + i \beta) du} with @math{\beta = m / s^2}:
## gamma @math{= K e^{-rT} J / S^2}, vega @math{= \sigma T K e^{-rT} J}.
##
## The integrals are taken over @math{u = c x}, @math{x} the Gauss-Laguerre
## nodes, with @math{c = 0.8 / (s \sqrt{n})}: the integrand decays like
## @math{e^{-s^2 u^2 / 2}}, and n nodes resolve a Gaussian best when it
## spans a fixed multiple of @math{\sqrt{n}} of them.
## @end deftypefn

function U = fgl_bs_european (S, K, T, r, sigma, ld, out, call, xi, we)
  ## No input checks: this is the timed pricing (fgl_check checks).
  s2 = sigma * sigma * T;
  x = log (S / K);
  lm = r * T + ld;                      # log E[S_T / S]
  m = x + (lm - s2 / 2);
  put = (x + lm >= 0);                  # forward above K: the put is OTM
  n = numel (xi);
  c = 0.8 / (s2 * n) ^ 0.5;
  u = xi * c;                           # n x 1: the nodes in u
  dK = K * 2.718281828459045 ^ (-r * T);
  if (out == 0 || out == 1)
    ms = m + s2;
    if (out == 0)
      ## Price: put side, pole at 0: s2 b^2 - m b - 1 = 0, b > 0; call
      ## side, pole at -1: s2 t^2 - (m + s2) t - 1 = 0, t = b + 1 < 0.
      bp = (m + (m .* m + 4 * s2) .^ 0.5) / (2 * s2);
      bc = (ms - (ms .* ms + 4 * s2) .^ 0.5) / (2 * s2) - 1;
    else
      ## Delta: the pole at -i only, both sides from the same quadratic.
      q = (ms .* ms + 4 * s2) .^ 0.5;
      bp = (ms + q) / (2 * s2) - 1;
      bc = (ms - q) / (2 * s2) - 1;
    endif
    w = u + 1i * merge (put, bp, bc);   # n x points
    E = exp ((1i * w) .* m - (s2 / 2) * w .* w);
    if (out == 0)
      I = (c / pi) * (we.' * real (E ./ (w .* (w + 1i))));
      ## The out-of-the-money option, then parity C - P = S e^{lm-rT} - dK.
      U = -dK * I ...
          + (put + call - 1) .* (S * 2.718281828459045 ^ (lm - r * T) - dK);
    else
      I = (c / pi) * (we.' * real ((1i * E) ./ (w + 1i)));
      U = -(dK ./ S) .* I + (put + call - 1) * 2.718281828459045 ^ (lm - r * T);
    endif
  else
    b = m / s2;
    w = u + 1i * b;
    J = (c / pi) * (we.' * real (exp ((1i * w) .* m - (s2 / 2) * w .* w)));
    if (out == 2)
      U = dK * J ./ (S .* S);
    else
      U = (sigma * T * dK) * J;
    endif
  endif
endfunction

%!shared bs
%! bs = @(S, K, T, r, s) struct ( ...
%!   "d1", (log (S / K) + (r + s^2 / 2) * T) / (s * sqrt (T)), ...
%!   "d2", (log (S / K) + (r - s^2 / 2) * T) / (s * sqrt (T)));
%!test
%! ## Calls, puts and the Greeks against the closed forms, points on both
%! ## sides of the forward, 32 nodes.
%! [xi, ~, we] = fgl_laguerre (32);
%! S = [60 80 95 100 105 130 170]; K = 100; T = 0.7; r = 0.05; s = 0.25;
%! d = bs (S, K, T, r, s);
%! C = S .* std_normal_cdf (d.d1) - K * exp (-r * T) * std_normal_cdf (d.d2);
%! P = K * exp (-r * T) * std_normal_cdf (-d.d2) - S .* std_normal_cdf (-d.d1);
%! assert (fgl_bs_european (S, K, T, r, s, 0, 0, true, xi, we), C, -1e-11);
%! assert (fgl_bs_european (S, K, T, r, s, 0, 0, false, xi, we), P, -1e-11);
%! assert (fgl_bs_european (S, K, T, r, s, 0, 1, true, xi, we), std_normal_cdf (d.d1), -1e-11);
%! assert (fgl_bs_european (S, K, T, r, s, 0, 1, false, xi, we), -std_normal_cdf (-d.d1), -1e-11);
%! G = std_normal_pdf (d.d1) ./ (S * s * sqrt (T));
%! assert (fgl_bs_european (S, K, T, r, s, 0, 2, true, xi, we), G, -1e-11);
%! assert (fgl_bs_european (S, K, T, r, s, 0, 2, false, xi, we), G, -1e-11);
%! Vg = S .* std_normal_pdf (d.d1) * sqrt (T);
%! assert (fgl_bs_european (S, K, T, r, s, 0, 3, true, xi, we), Vg, -1e-11);
%!test
%! ## A dividend is the closed form at the spot (1 - D) S.
%! [xi, ~, we] = fgl_laguerre (24);
%! S = [70 100 140];
%! U = fgl_bs_european (S, 100, 0.7, 0.05, 0.25, log (0.96), 0, true, xi, we);
%! assert (U, bs_european ("call", "price", 0.96 * S, 100, 0.7, 0.05, 0.25), -1e-10);
%!test
%! ## Far out of the money and a tiny volatility: the small prices keep
%! ## their relative accuracy with few nodes.
%! [xi, ~, we] = fgl_laguerre (12);
%! S = [40 97 98 99 250]; K = 100; T = 0.25; r = 0.1; s = 0.01;
%! C = bs_european ("call", "price", S, K, T, r, s);
%! P = bs_european ("put", "price", S, K, T, r, s);
%! U = fgl_bs_european (S, K, T, r, s, 0, 0, true, xi, we);
%! assert (U(2:end), C(2:end), -1e-7);
%! assert (U(1), 0);
%! U = fgl_bs_european ([60 130], K, 1, 0.03, 0.15, 0, 0, false, xi, we);
%! assert (U, bs_european ("put", "price", [60 130], K, 1, 0.03, 0.15), -1e-7);
%!test
%! ## Eight nodes are enough for 1e-5 at the benchmark's set I.
%! [xi, ~, we] = fgl_laguerre (8);
%! U = fgl_bs_european ([90 100 110], 100, 1, 0.03, 0.15, 0, 0, true, xi, we);
%! assert (U, [2.758443856146076, 7.485087593912603, 14.702019669720769], -1e-5);
%!test
%! ## A huge total volatility, points from far out of to far in the money:
%! ## every output keeps its relative accuracy.
%! [xi, ~, we] = fgl_laguerre (24);
%! S = [1e-3 1 100 1e4];
%! names = {"price", "delta", "gamma", "vega"};
%! for out = 0:3
%!   U = fgl_bs_european (S, 100, 6, 0.1, 2, 0, out, true, xi, we);
%!   assert (U, bs_european ("call", names{out+1}, S, 100, 6, 0.1, 2), -1e-8);
%! endfor
