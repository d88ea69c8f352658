## -*- texinfo -*-
## @deftypefn {} {@var{V} =} dividend_call (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D})
## Price of a European call under Black-Scholes when, once before maturity,
## the stock pays a discrete proportional dividend: its price drops from S
## to (1 - @var{D}) S.
##
## @var{S} is an array of positive spot prices (@var{V} has its shape),
## @var{K} the strike, @var{T} the maturity, @var{r} the risk-free rate,
## @var{sigma} the volatility and 0 <= @var{D} < 1 the dividend fraction.
## Because the drop is proportional, S_T is that of a stock without dividend
## started from (1 - @var{D}) S, whatever the dividend date, so the price is
## the Black-Scholes call at spot (1 - @var{D}) S.
## @end deftypefn

function V = dividend_call (S, K, T, r, sigma, D)
  if (nargin != 6)
    print_usage ();
  endif
  if (! (isnumeric (D) && isreal (D) && isscalar (D) && D >= 0 && D < 1))
    error ("dividend_call: D must be a scalar in [0, 1)");
  endif
  if (! isnumeric (S) || ! isreal (S) || isempty (S)
      || ! all (isfinite (S(:)) & S(:) > 0))
    error ("dividend_call: S must be an array of positive finite spot prices");
  endif
  ## bs_european checks K, T, r and sigma.
  V = bs_european ("call", "price", (1 - D) * S, K, T, r, sigma);
endfunction

## Reference values of the BENCHOP specification (problem 2-eu).
%!assert (dividend_call ([90 100 110], 100, 0.5, 0.03, 0.15, 0.03),
%!        [0.623811094545539, 3.422712192881193, 9.607009109943803], -1e-12)

## No dividend: the plain Black-Scholes call.
%!assert (dividend_call ([80 120], 100, 1, 0.05, 0.2, 0),
%!        bs_european ("call", "price", [80 120], 100, 1, 0.05, 0.2))

## Against the expectation e^{-rT} E[((1 - D) S_T - K)^+] over ln S_T.
%!test
%! S = 105;  K = 100;  T = 2;  r = 0.04;  sig = 0.3;  D = 0.1;
%! m = log (S) + (r - sig^2 / 2) * T;  s = sig * sqrt (T);
%! f = @(x) ((1 - D) * exp (x) - K) .* std_normal_pdf ((x - m) / s) / s;
%! V = exp (-r * T) * quadgk (f, log (K / (1 - D)), m + 12 * s, "RelTol", 1e-12);
%! assert (dividend_call (S, K, T, r, sig, D), V, -1e-10);

%!error <Invalid call> dividend_call (100, 100, 1, 0.03, 0.15)
%!error <D must> dividend_call (100, 100, 1, 0.03, 0.15, 1)
%!error <D must> dividend_call (100, 100, 1, 0.03, 0.15, -0.1)
%!error <S must> dividend_call ([], 100, 1, 0.03, 0.15, 0.03)
%!error <sigma must> dividend_call (100, 100, 1, 0.03, 0, 0.03)
