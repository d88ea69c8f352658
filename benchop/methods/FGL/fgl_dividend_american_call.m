## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{b}] =} fgl_dividend_american_call (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D}, @var{alpha}, @var{xi}, @var{we})
## American call under Black-Scholes with one proportional dividend
## @var{D} paid at @math{t_d = \alpha T}, by one step of backward induction
## over the dividend date.
##
## @var{S} is a row of spot prices, @var{K}, @var{T}, @var{r} @geq{} 0 and
## @var{sigma} the strike, maturity, rate and volatility; @var{xi} and
## @var{we} the nodes and modified weights of an n-point Gauss-Laguerre
## rule (@code{fgl_laguerre}).  @var{b} returns the logarithm of the
## early-exercise boundary just before the dividend (@code{Inf} when
## exercise never pays, @var{D} = 0).
##
## Without dividends a call is never exercised early (@math{r \ge 0}); with
## one, only just before it.  After the dividend the call is European:
## @math{C_E (S')}, @math{S' = (1 - D) S}, maturity @math{\tau = T - t_d}.
## Just before it the value is @math{\max (S - K, C_E ((1 - D) S)) =
## C_E ((1 - D) S) + (S - K - C_E ((1 - D) S))^+}, so that the price is the
## European price with the dividend (@code{fgl_bs_european}) plus the
## discounted expectation of the premium
## @math{g (y) = (e^y - K - C_E ((1 - D) e^y))^+} of
## @math{y = \log S_{t_d}}.  @math{g} vanishes below the boundary
## @math{b}, the root of @math{e^b - K = C_E ((1 - D) e^b)}, which lies in
## @math{(\log K, \log (K / D)]} (the difference increases with @math{b}:
## @math{C_E} grows at the rate @math{(1 - D) \Delta_E < 1}); Newton's
## method with the European delta finds it, bisection safeguarding it.
## The premium's expectation @math{e^{-r t_d} \int_b^\infty g (y) p (y) dy}
## is a Gauss-Laguerre sum over @math{y = b + h x}, with @math{p} the
## density of @math{y} from the characteristic function
## (@code{fgl_bs_density}) and @math{C_E} at the nodes from
## @code{fgl_bs_european}; @math{h = \max (s / \sqrt n, (\mu - b + 6 s) /
## (0.8 x_n))}, @math{\mu} and @math{s} the mean and deviation of @math{y}
## and @math{x_n} the largest node: the premium decays like the density,
## over a few deviations above @math{b} or above its mean, whichever is
## higher.  The only discretization is the quadrature: no dates to
## extrapolate.
## @end deftypefn

function [U, b] = fgl_dividend_american_call (S, K, T, r, sigma, D, alpha, xi, we)
  ## No input checks: this runs in the timed pricing.
  U = fgl_bs_european (S, K, T, r, sigma, log1p (-D), 0, true, xi, we);
  b = Inf;
  if (D <= 0)
    return;
  endif
  td = alpha * T;
  tau = T - td;
  s2 = sigma * sigma;
  ## The boundary: F (y) = e^y - K - C_E ((1 - D) e^y) = 0, F increasing.
  lo = log (K);
  hi = log (K / D);
  y = min (lo + 3 * (s2 * tau) ^ 0.5 + r * tau, (lo + hi) / 2);
  for it = 1:50
    Sy = 2.718281828459045 ^ y;
    Sd = (1 - D) * Sy;
    F = Sy - K - fgl_bs_european (Sd, K, tau, r, sigma, 0, 0, true, xi, we);
    if (F > 0)
      hi = y;
    else
      lo = y;
    endif
    dF = Sy - Sd * fgl_bs_european (Sd, K, tau, r, sigma, 0, 1, true, xi, we);
    yn = y - F / dF;
    if (! (yn > lo && yn < hi))
      yn = (lo + hi) / 2;
    endif
    if (abs (yn - y) < 1e-13 * (1 + abs (y)))
      y = yn;
      break;
    endif
    y = yn;
  endfor
  b = y;
  ## The premium over [b, Inf), Gauss-Laguerre in y - b.
  n = numel (xi);
  sd2 = s2 * td;
  sd = sd2 ^ 0.5;
  c1 = (r - s2 / 2) * td;
  mu = log (S) + c1;
  h = (mu - b + 6 * sd) / (0.8 * xi(n));
  h(h < sd / n ^ 0.5) = sd / n ^ 0.5;
  Y = b + xi * h;                       # n x points
  EY = exp (Y);
  CE = fgl_bs_european ((1 - D) * EY(:).', K, tau, r, sigma, 0, 0, true, xi, we);
  g = EY - K - reshape (CE, n, []);
  g(g < 0) = 0;
  p = reshape (fgl_bs_density (reshape (Y - log (S), 1, []), c1, sd2, xi, we), n, []);
  U += 2.718281828459045 ^ (-r * td) * h .* (we.' * (g .* p));
endfunction

%!test
%! ## The benchmark's problem 2-am: its reference to 1e-9.
%! [xi, ~, we] = fgl_laguerre (24);
%! U = fgl_dividend_american_call ([90 100 110], 100, 0.5, 0.03, 0.15, 0.03, 0.8, xi, we);
%! assert (U, [0.837358764004664, 4.484034330080377, 11.877216586990031], -1e-9);
%!test
%! ## Other parameters against the reference (quadrature over the dividend
%! ## date), few nodes; without a dividend, the European call.
%! [xi, ~, we] = fgl_laguerre (12);
%! S = [80 95 105 115 160];
%! U = fgl_dividend_american_call (S, 105, 1, 0.05, 0.25, 0.05, 0.5, xi, we);
%! assert (U, american_dividend_call_reference (S, 105, 1, 0.05, 0.25, 0.05, 0.5), -1e-5);
%! [U, b] = fgl_dividend_american_call (S, 105, 1, 0.05, 0.25, 0, 0.5, xi, we);
%! assert (U, bs_european ("call", "price", S, 105, 1, 0.05, 0.25), -1e-6);
%! assert (b, Inf);
%!test
%! ## The boundary: exercise and continuation are worth the same there.
%! [xi, ~, we] = fgl_laguerre (32);
%! [~, b] = fgl_dividend_american_call (100, 100, 1, 0.04, 0.2, 0.06, 0.7, xi, we);
%! assert (exp (b) - 100, bs_european ("call", "price", 0.94 * exp (b), 100, 0.3, 0.04, 0.2), 1e-9);
