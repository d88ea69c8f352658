## -*- texinfo -*-
## @deftypefn {} {@var{V} =} mc_bs (@var{payoff}, @var{S}, @var{K}, @var{tau}, @var{r}, @var{sigma})
## Black-Scholes price of a European call or put, elementwise in @var{S}
## (and in @var{tau} if it is an array the size of @var{S}).
##
## @var{payoff} is @qcode{"call"} or @qcode{"put"}; @var{tau} is the time to
## maturity (nonnegative: a scalar, or an array the size of @var{S}); where
## it is 0 the value is the payoff.  The Longstaff-Schwartz solvers of MC-S
## and QMC-S use it as a regressor and as the mean of a control variate; it
## is never used to produce a returned price directly.
##
## @var{sigma} must be a positive scalar: not checked here, on every call
## of the pricing, but once, on the problem, by @code{mc_check_problem}.
## @end deftypefn

function V = mc_bs (payoff, S, K, tau, r, sigma)
  if (nargin != 6)
    print_usage ();
  endif
  ## tau = 0 gives d = +-Inf (or NaN at S = K); the clamp keeps the limit
  sv = max (sigma * sqrt (tau), realmin);
  d1 = (log (S / K) + (r + sigma ^ 2 / 2) * tau) ./ sv;
  d2 = d1 - sv;
  switch (payoff)
    case "call"
      V = S .* std_normal_cdf (d1) - K * exp (-r * tau) .* std_normal_cdf (d2);
    case "put"
      V = K * exp (-r * tau) .* std_normal_cdf (-d2) - S .* std_normal_cdf (-d1);
    otherwise
      error ("mc_bs: unknown payoff '%s'", payoff);
  endswitch
endfunction

%!assert (mc_bs ("call", [90 100 110], 100, 1, 0.03, 0.15),
%!        [2.758443856146076, 7.485087593912603, 14.702019669720769], 1e-12)
%!assert (mc_bs ("call", [90 100 110], 100, 1, 0.03, 0.15),
%!        bs_european ("call", "price", [90 100 110], 100, 1, 0.03, 0.15), 1e-12)
%!test
%! ## put-call parity
%! S = [80 100 120];
%! c = mc_bs ("call", S, 100, 0.5, 0.05, 0.3);
%! p = mc_bs ("put", S, 100, 0.5, 0.05, 0.3);
%! assert (c - p, S - 100 * exp (-0.05 * 0.5), 1e-12);
%!assert (mc_bs ("put", [90 100], 100, [0.5 1], 0.03, 0.15),
%!        [mc_bs("put", 90, 100, 0.5, 0.03, 0.15), ...
%!         mc_bs("put", 100, 100, 1, 0.03, 0.15)], 1e-14)
%!assert (mc_bs ("put", [90 110], 100, 0, 0.03, 0.15), [10 0])
%!error <unknown payoff> mc_bs ("straddle", 100, 100, 1, 0, 0.2)
%!error mc_bs ("call", 100, 100, 1, 0)
