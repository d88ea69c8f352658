## -*- texinfo -*-
## @deftypefn {} {@var{V} =} qmcs_bs (@var{payoff}, @var{S}, @var{K}, @var{tau}, @var{r}, @var{sigma})
## Black-Scholes price of a European call or put, elementwise in @var{S}
## (and in @var{tau} if it is an array the size of @var{S}).
##
## Used by the QMC-S Longstaff-Schwartz solver as a regressor and as the
## mean of its control variate, never to produce a returned price directly.
## Where @var{tau} is 0 the value is the payoff.
## @end deftypefn

function V = qmcs_bs (payoff, S, K, tau, r, sigma)
  if (nargin != 6)
    print_usage ();
  endif
  if (any (tau(:) < 0) || ! (isscalar (sigma) && sigma > 0))
    error ("qmcs_bs: TAU must be nonnegative and SIGMA positive");
  endif
  sv = max (sigma * sqrt (tau), realmin);
  d1 = (log (S / K) + (r + sigma ^ 2 / 2) * tau) ./ sv;
  d2 = d1 - sv;
  switch (payoff)
    case "call"
      V = S .* std_normal_cdf (d1) - K * exp (-r * tau) .* std_normal_cdf (d2);
    case "put"
      V = K * exp (-r * tau) .* std_normal_cdf (-d2) - S .* std_normal_cdf (-d1);
    otherwise
      error ("qmcs_bs: unknown payoff '%s'", payoff);
  endswitch
endfunction

%!assert (qmcs_bs ("call", [90 100 110], 100, 1, 0.03, 0.15),
%!        bs_european ("call", "price", [90 100 110], 100, 1, 0.03, 0.15), 1e-12)
%!assert (qmcs_bs ("put", [90 110], 100, 0, 0.03, 0.15), [10 0])
%!error <unknown payoff> qmcs_bs ("digital", 100, 100, 1, 0, 0.2)
%!error <TAU must be> qmcs_bs ("call", 100, 100, -1, 0, 0.2)
