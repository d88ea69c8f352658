## -*- texinfo -*-
## @deftypefn {} {@var{V} =} mc_black (@var{payoff}, @var{F}, @var{K}, @var{v})
## Undiscounted expected payoff of a call or put on a lognormal variable, elementwise.
##
## The underlying @math{X} is lognormal with mean @var{F} and log-variance
## @var{v} (@math{\ln X} normal with variance @var{v}), so that
## @math{E[(X - K)^+] = F N(d_1) - K N(d_2)}, @math{d_{1,2} = (\ln(F/K) \pm v/2)/\sqrt{v}}.
## @var{F}, @var{K} and @var{v} are arrays of one size or scalars.  Where
## @var{v} is 0 the value is the intrinsic @math{(F - K)^+}.  The conditional
## estimators of MC-S and QMC-S (Merton given the number of jumps, Heston
## given the variance path, the exchange option given the second asset) are
## this function of the conditioning variables.  @var{v} must be
## nonnegative: it is not checked, since the estimators pass a whole chunk
## of paths at a time, whose variances are sums of nonnegative terms for
## the parameters @code{mc_check_problem} accepts.
## @end deftypefn

function V = mc_black (payoff, F, K, v)
  if (nargin != 4)
    print_usage ();
  endif
  sv = sqrt (v);
  ## v = 0 gives d = +-Inf (or NaN at F = K); the clamp keeps the limit
  sv = max (sv, realmin);
  d1 = (log (F ./ K) + v / 2) ./ sv;
  d2 = d1 - sv;
  switch (payoff)
    case "call"
      V = F .* std_normal_cdf (d1) - K .* std_normal_cdf (d2);
    case "put"
      V = K .* std_normal_cdf (-d2) - F .* std_normal_cdf (-d1);
    otherwise
      error ("mc_black: unknown payoff '%s'", payoff);
  endswitch
  V = max (V, 0);
endfunction

%!assert (exp (-0.03) * mc_black ("call", 100 * exp (0.03), 100, 0.15^2),
%!        7.485087593912603, 1e-12)
%!test
%! ## put-call parity and the zero-variance limit
%! F = [80 100 120];  K = [100 90 130];
%! assert (mc_black ("call", F, K, 0.04) - mc_black ("put", F, K, 0.04), F - K, 1e-12);
%! assert (mc_black ("call", F, K, 0), max (F - K, 0));
%! assert (mc_black ("put", [100 90], [100 100], [0 0]), [0 10]);
%!error <unknown payoff> mc_black ("digital", 100, 100, 1)
%!error mc_black ("call", 100, 100)
