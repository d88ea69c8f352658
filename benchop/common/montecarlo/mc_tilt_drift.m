## -*- texinfo -*-
## @deftypefn {} {@var{theta} =} mc_tilt_drift (@var{payoff}, @var{S}, @var{K}, @var{t}, @var{r}, @var{sigma})
## Drift of the driving Brownian motion for importance sampling far out of
## the money: the @var{theta} that takes the median of
## @math{\ln S_t} under @math{dS = r S dt + \sigma S dW} to the strike,
## @math{\theta = (\ln(K/S) - (r - \sigma^2/2) t) / (\sigma t)}, when the
## spot @var{S} lies more than one standard deviation
## @math{\sigma \sqrt{t}} out of the money (below @var{K} for a call,
## above it for a put) both from that median and from the spot itself;
## else 0.  A path driven by @math{W_s + \theta s} is then weighted by the
## likelihood ratio @math{\exp(-\theta W_t - \theta^2 t / 2)}.  Far out of
## the money few plain paths pay, and the relative error of their mean
## grows like the inverse square root of that share; drifted to the
## strike, about half of them pay.  In the money a drift would only add
## variance.
##
## @var{S} is a positive scalar, @var{t} and @var{sigma} are positive: not
## checked here, on every spot of every pricing call, but once, on the
## problem, by @code{mc_check_problem}.
## @end deftypefn

function theta = mc_tilt_drift (payoff, S, K, t, r, sigma)
  if (nargin != 6)
    print_usage ();
  endif
  dev = sigma * sqrt (t);
  gap = log (K / S) - (r - sigma ^ 2 / 2) * t;
  side = 1 - 2 * strcmp (payoff, "put");
  theta = 0;
  if (side * gap > dev && side * log (K / S) > dev)
    theta = gap / (sigma * t);
  endif
endfunction

%!test
%! ## 3 deviations below the strike: the drift carries the median to it.
%! theta = mc_tilt_drift ("call", 100 * exp (-0.3), 100, 1, 0, 0.1);
%! assert (100 * exp (-0.3) * exp (-0.005 + 0.1 * theta), 100, 1e-12);
%! assert (mc_tilt_drift ("put", 100 * exp (0.3), 100, 1, 0, 0.1) < 0);
%!test
%! assert (mc_tilt_drift ("call", 95, 100, 1, 0.03, 0.2), 0);
%! assert (mc_tilt_drift ("put", 80, 100, 1, 0.03, 0.2), 0);
%! ## the median far above the strike, but the spot in the money
%! assert (mc_tilt_drift ("put", 99, 100, 0.25, 0.1, 0.01), 0);
%!error mc_tilt_drift (1)
