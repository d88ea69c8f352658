## -*- texinfo -*-
## @deftypefn {} {@var{V} =} mcs_bs_price (@var{payoff}, @var{S}, @var{K}, @var{tau}, @var{r}, @var{sigma})
## Black-Scholes price of a European call or put, elementwise in @var{S}.
##
## @var{payoff} is @qcode{"call"} or @qcode{"put"}; @var{tau} is the time to
## maturity (positive: a scalar, or an array the size of @var{S}).  The Longstaff-Schwartz solver uses it as a
## regressor and, evaluated at the exercise time, as a martingale control
## variate; it is never used to produce a returned price directly.
## @end deftypefn

function V = mcs_bs_price (payoff, S, K, tau, r, sigma)
  if (nargin != 6)
    print_usage ();
  endif
  if (! (all (tau(:) > 0) && isscalar (sigma) && sigma > 0))
    error ("mcs_bs_price: TAU and SIGMA must be positive");
  endif
  sv = sigma * sqrt (tau);
  d1 = (log (S / K) + (r + sigma ^ 2 / 2) * tau) ./ sv;
  d2 = d1 - sv;
  switch (payoff)
    case "call"
      V = S .* std_normal_cdf (d1) - K * exp (-r * tau) .* std_normal_cdf (d2);
    case "put"
      V = K * exp (-r * tau) .* std_normal_cdf (-d2) - S .* std_normal_cdf (-d1);
    otherwise
      error ("mcs_bs_price: unknown payoff '%s'", payoff);
  endswitch
endfunction

%!assert (mcs_bs_price ("call", [90 100 110], 100, 1, 0.03, 0.15),
%!        [2.758443856146076, 7.485087593912603, 14.702019669720769], 1e-12)
%!test
%! ## put-call parity
%! S = [80 100 120];
%! c = mcs_bs_price ("call", S, 100, 0.5, 0.05, 0.3);
%! p = mcs_bs_price ("put", S, 100, 0.5, 0.05, 0.3);
%! assert (c - p, S - 100 * exp (-0.05 * 0.5), 1e-12);
%!assert (mcs_bs_price ("put", [90 100], 100, [0.5 1], 0.03, 0.15),
%!        [mcs_bs_price("put", 90, 100, 0.5, 0.03, 0.15), ...
%!         mcs_bs_price("put", 100, 100, 1, 0.03, 0.15)], 1e-14)
%!error <unknown payoff> mcs_bs_price ("straddle", 100, 100, 1, 0, 0.2)
%!error <positive> mcs_bs_price ("call", 100, 100, 0, 0, 0.2)
%!error mcs_bs_price ("call", 100, 100, 1, 0)
