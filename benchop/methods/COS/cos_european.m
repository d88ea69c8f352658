## -*- texinfo -*-
## @deftypefn {} {@var{U} =} cos_european (@var{payoff}, @var{output}, @var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{N})
## European call or put under Black-Scholes, or one of its Greeks, by the
## COS method (Fang and Oosterlee 2008).
##
## @var{payoff} is @qcode{"call"} or @qcode{"put"}; @var{output} is
## @qcode{"price"}, @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"};
## @var{S} is a row of spot prices; @var{N} the number of cosine terms.
##
## At each point the option that is out of the money with respect to the
## forward is expanded and the other follows from put-call parity, so the
## smaller of the two keeps its relative accuracy.  Only bounded payoffs
## are expanded: the put @math{K (1 - e^y)^+} in
## @math{y = \log (S_T / K)} under the pricing measure, and the call as
## @math{S (1 - e^{-y})^+} under the measure with the stock as numeraire
## (its cumulants: @math{c_1 = (r \pm \sigma^2/2) T}, @math{c_2 =
## \sigma^2 T}).  Each point gets its own truncation interval centred on its
## mean, @math{x + c_1 \pm L \sqrt{c_2}} with @math{L = 10}, so the
## accuracy of @var{N} terms does not depend on the parameters or on how
## far apart the points are.  Delta and gamma differentiate the expansion
## in @math{x = \log (S / K)}; vega differentiates the characteristic
## function with respect to @math{\sigma}.
## @end deftypefn

function U = cos_european (payoff, output, S, K, T, r, sigma, N)
  if (nargin != 8)
    print_usage ();
  endif
  ## PAYOFF and OUTPUT are not checked here, in the timed pricing:
  ## cos_check checks the problem's.
  L = 10;
  S = S(:).';
  x = log (S / K);
  c2 = sigma^2 * T;
  w = L * sqrt (c2);                    # half-width of every interval
  call = (x + r * T < 0);               # points that expand the call
  ## Mean of y: (r - sigma^2/2) T for the put, (r + sigma^2/2) T for the
  ## call under the stock measure.
  m = x + (r - sigma^2 / 2) * T + call * c2;
  a = m - w;
  b = m + w;
  k = (0:N-1).';
  u = k * pi / (2 * w);

  ## Payoff coefficients: put K (1 - e^y) on [a, min(b,0)]; call (per unit
  ## of S) 1 - e^{-y} on [max(a,0), b].
  c = a;
  d = min (b, 0);
  c(call) = max (a(call), 0);
  d(call) = b(call);
  [chi, psi] = cos_chi_psi (k, a, b, c, d, 1 - 2 * call);
  V = (psi - chi) .* (K - (K - 1) * call) / w;    # times 2 / (b - a)
  V(:, c >= d) = 0;                     # no payoff on the interval

  ## phi(u) e^{i u (x - a)} with x - a = w - (m - x): the drift cancels and
  ## the factor is i^k exp(-c2 u^2 / 2), the same for all points.
  E = (1i .^ mod (k, 4)) .* exp (-c2 * u .^ 2 / 2);
  E(1) = E(1) / 2;                      # the first term of the sum is halved
  iu = 1i * u;
  ## Put value e^{-rT} f(x), call value S g(x), with f or g = real (E' V).
  D = exp (-r * T) * ones (size (x));
  D(call) = S(call);
  switch (output)
    case "price"
      U = D .* (real (E).' * V);
    case "delta"
      G = real ([E, iu .* E]).' * V;    # g and dg/dx
      U = D .* G(2,:) ./ S;             # put: e^{-rT} f' / S
      U(call) = G(1,call) + G(2,call);  # call: d (S g) / dS = g + g'
    case "gamma"
      G = real ([iu .* E, iu .^ 2 .* E]).' * V;
      U = D .* (G(2,:) - G(1,:)) ./ S .^ 2;
      U(call) = (G(1,call) + G(2,call)) ./ S(call);
    case "vega"
      ## d phi / d sigma = sigma T (-/+ iu - u^2) phi (put / call measure).
      G = real (sigma * T * [(-iu - u .^ 2) .* E, (iu - u .^ 2) .* E]).' * V;
      U = D .* G(1,:);
      U(call) = D(call) .* G(2,call);
  endswitch

  ## Put-call parity, C - P = S - K e^{-rT}: delta 1, gamma and vega 0.
  other = (call != strcmp (payoff, "call"));
  if (any (other))
    sgn = 1 - 2 * strcmp (payoff, "put");   # +1: put -> call, -1: call -> put
    switch (output)
      case "price"
        U(other) += sgn * (S(other) - K * exp (-r * T));
      case "delta"
        U(other) += sgn;
    endswitch
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
%! assert (cos_european ("call", "price", S, K, T, r, s, 128), C, -1e-11);
%! assert (cos_european ("put", "price", S, K, T, r, s, 128), P, -1e-11);
%! assert (cos_european ("call", "delta", S, K, T, r, s, 128), std_normal_cdf (d.d1), -1e-11);
%! assert (cos_european ("put", "delta", S, K, T, r, s, 128), -std_normal_cdf (-d.d1), -1e-11);
%! G = std_normal_pdf (d.d1) ./ (S * s * sqrt (T));
%! assert (cos_european ("call", "gamma", S, K, T, r, s, 128), G, -1e-11);
%! assert (cos_european ("put", "gamma", S, K, T, r, s, 128), G, -1e-11);
%! Vg = S .* std_normal_pdf (d.d1) * sqrt (T);
%! assert (cos_european ("call", "vega", S, K, T, r, s, 128), Vg, -1e-11);
%! assert (cos_european ("put", "vega", S, K, T, r, s, 128), Vg, -1e-11);
%!test
%! ## Points far apart each get their own interval; a tiny volatility.
%! S = [1 99 101 1e4]; d = bs (S, 100, 1, 0.03, 0.01);
%! C = S .* std_normal_cdf (d.d1) - 100 * exp (-0.03) * std_normal_cdf (d.d2);
%! assert (cos_european ("call", "price", S, 100, 1, 0.03, 0.01, 64), C, 1e-10);
%!test
%! ## A huge total volatility: the deep out-of-the-money call keeps its
%! ## relative accuracy.
%! S = [1e-3 1 100]; K = 100; T = 6; r = 0.1; s = 2; d = bs (S, K, T, r, s);
%! C = S .* std_normal_cdf (d.d1) - K * exp (-r * T) * std_normal_cdf (d.d2);
%! assert (cos_european ("call", "price", S, K, T, r, s, 128), C, -1e-10);
%!error cos_european ("call", "price", 100)
