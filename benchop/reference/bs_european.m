## -*- texinfo -*-
## @deftypefn {} {@var{V} =} bs_european (@var{payoff}, @var{output}, @var{S}, @var{K}, @var{T}, @var{r}, @var{sigma})
## Black-Scholes closed form of a European call or put and its Greeks.
##
## @var{payoff} is @qcode{"call"} or @qcode{"put"}; @var{output} is
## @qcode{"price"}, @qcode{"delta"} (dV/dS), @qcode{"gamma"} (d2V/dS2) or
## @qcode{"vega"} (dV/dsigma).  @var{S} is an array of positive spot prices
## (typically a row) and @var{V} has its shape.  @var{K} (strike), @var{T}
## (maturity in years) and @var{sigma} (volatility) are positive scalars and
## @var{r} the continuously compounded risk-free rate.  No dividend yield.
##
## The normal distribution is evaluated with @code{std_normal_cdf}, which is
## built on @code{erfc}: each price is written as the difference of terms
## that are small in its own out-of-the-money tail, so that the tails keep
## their relative accuracy.
## @end deftypefn

function V = bs_european (payoff, output, S, K, T, r, sigma)
  if (nargin != 7)
    print_usage ();
  endif
  if (! ischar (payoff) || ! any (strcmp (payoff, {"call", "put"})))
    error ("bs_european: PAYOFF must be \"call\" or \"put\"");
  endif
  if (! ischar (output)
      || ! any (strcmp (output, {"price", "delta", "gamma", "vega"})))
    error ("bs_european: OUTPUT must be \"price\", \"delta\", \"gamma\" or \"vega\"");
  endif
  ref_check_market ("bs_european", S, {"K", "T", "sigma"}, {K, T, sigma}, r);

  S = double (S);
  sqT = sigma * sqrt (T);
  d1 = (log (S / K) + (r + sigma^2 / 2) * T) / sqT;
  d2 = d1 - sqT;
  disc = K * exp (-r * T);
  is_call = strcmp (payoff, "call");

  switch (output)
    case "price"
      if (is_call)
        V = S .* std_normal_cdf (d1) - disc * std_normal_cdf (d2);
      else
        V = disc * std_normal_cdf (-d2) - S .* std_normal_cdf (-d1);
      endif
      ## Rounding can leave a tiny negative difference far out of the money.
      V = max (V, 0);
    case "delta"
      if (is_call)
        V = std_normal_cdf (d1);
      else
        V = -std_normal_cdf (-d1);
      endif
    case "gamma"
      V = std_normal_pdf (d1) ./ (S * sqT);
    case "vega"
      V = S .* std_normal_pdf (d1) * sqrt (T);
  endswitch
endfunction

## Reference values of the BENCHOP specification (problems 1a-I and 1a-II).
%!shared S1, S2
%! S1 = [90 100 110];
%! S2 = [97 98 99];
%!assert (bs_european ("call", "price", S1, 100, 1, 0.03, 0.15),
%!        [2.758443856146076, 7.485087593912603, 14.702019669720769], -1e-12)
%!assert (bs_european ("call", "delta", S1, 100, 1, 0.03, 0.15),
%!        [0.334542751969886, 0.608341880846395, 0.818694517094515], -1e-12)
%!assert (bs_european ("call", "gamma", S1, 100, 1, 0.03, 0.15),
%!        [0.026971755100040, 0.025609261020380, 0.015975258690289], -1e-12)
%!assert (bs_european ("call", "vega", S1, 100, 1, 0.03, 0.15),
%!        [32.770682446548165, 38.413891530570481, 28.995094522875153], -1e-12)
%!assert (bs_european ("call", "price", S2, 100, 0.25, 0.1, 0.01),
%!        [0.033913177006141, 0.512978189232598, 1.469203342553328], -1e-12)
%!assert (bs_european ("call", "delta", S2, 100, 0.25, 0.1, 0.01),
%!        [0.138001659888508, 0.831964783803436, 0.998616182178259], -1e-12)
%!assert (bs_european ("call", "gamma", S2, 100, 0.25, 0.1, 0.01),
%!        [0.454451267361807, 0.512594211115861, 0.009158543351289], -1e-12)
%!assert (bs_european ("call", "vega", S2, 100, 0.25, 0.1, 0.01),
%!        [10.689829936518105, 12.307387008891816, 0.224407208464969], -1e-12)

## Put-call parity, for the price and for delta; gamma and vega agree.
%!test
%! S = [20 80 100 125 400];
%! args = {S, 95, 2.5, -0.02, 0.35};
%! C = bs_european ("call", "price", args{:});
%! P = bs_european ("put", "price", args{:});
%! assert (C - P, S - 95 * exp (0.02 * 2.5), 1e-12 * 400);
%! assert (bs_european ("call", "delta", args{:})
%!         - bs_european ("put", "delta", args{:}), ones (size (S)), 1e-14);
%! assert (bs_european ("put", "gamma", args{:}),
%!         bs_european ("call", "gamma", args{:}));
%! assert (bs_european ("put", "vega", args{:}),
%!         bs_european ("call", "vega", args{:}));

## Greeks against central differences of the price.
%!test
%! S = [70 95 100 130];  K = 100;  T = 0.7;  r = 0.05;  sig = 0.25;
%! for pay = {"call", "put"}
%!   price = @(s, v) bs_european (pay{1}, "price", s, K, T, r, v);
%!   h = 1e-3;
%!   assert (bs_european (pay{1}, "delta", S, K, T, r, sig),
%!           (price (S + h, sig) - price (S - h, sig)) / (2*h), 1e-8);
%!   assert (bs_european (pay{1}, "gamma", S, K, T, r, sig),
%!           (price (S + h, sig) - 2*price (S, sig) + price (S - h, sig)) / h^2,
%!           1e-5);
%!   h = 1e-5;
%!   assert (bs_european (pay{1}, "vega", S, K, T, r, sig),
%!           (price (S, sig + h) - price (S, sig - h)) / (2*h), 1e-6);
%! endfor

## Tails: the out-of-the-money value keeps its relative accuracy, the limits
## hold, and the shape of S is kept.
%!test
%! ## Far out of the money (P about 1e-13): against the expectation integral.
%! P = bs_european ("put", "price", 200, 100, 1, 0, 0.1);
%! zs = (log (100 / 200) + 0.005) / 0.1;
%! f = @(z) (100 - 200 * exp (0.1 * z - 0.005)) .* std_normal_pdf (z);
%! Pq = quadgk (f, -Inf, zs, "RelTol", 1e-12, "AbsTol", 0);
%! assert (P, Pq, -1e-9);
%! assert (bs_european ("call", "price", 50, 100, 1, 0, 0.1) > 0);
%! assert (bs_european ("call", "price", 1e4, 100, 1, 0.03, 0.2),
%!         1e4 - 100 * exp (-0.03), 1e-9);
%! assert (bs_european ("call", "price", [90; 110], 100, 1e-8, 0, 0.2), [0; 10],
%!         1e-12);
%! assert (size (bs_european ("put", "delta", ones (2, 3), 1, 1, 0, 0.2)), [2 3]);

%!error <Invalid call> bs_european ("call", "price", 100, 100, 1, 0.03)
%!error <PAYOFF> bs_european ("straddle", "price", 100, 100, 1, 0.03, 0.15)
%!error <OUTPUT> bs_european ("call", "theta", 100, 100, 1, 0.03, 0.15)
%!error <S must> bs_european ("call", "price", [100 -1], 100, 1, 0.03, 0.15)
%!error <S must> bs_european ("call", "price", [], 100, 1, 0.03, 0.15)
%!error <K must> bs_european ("call", "price", 100, 0, 1, 0.03, 0.15)
%!error <T must> bs_european ("call", "price", 100, 100, -1, 0.03, 0.15)
%!error <sigma must> bs_european ("call", "price", 100, 100, 1, 0.03, [0.1 0.2])
%!error <R must> bs_european ("call", "price", 100, 100, 1, NaN, 0.15)
