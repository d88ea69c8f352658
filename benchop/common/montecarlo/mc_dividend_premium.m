## -*- texinfo -*-
## @deftypefn {} {@var{p} =} mc_dividend_premium (@var{S}, @var{K}, @var{td}, @var{tau}, @var{r}, @var{sigma}, @var{D}, @var{z})
## Discounted early-exercise premium of an American call with one discrete
## proportional dividend, one value per standard normal draw in @var{z}.
##
## The spot @var{S} moves as geometric Brownian motion to just before the
## dividend date @var{td}, @math{S_d = S \exp((r - \sigma^2/2) t_d +
## \sigma \sqrt{t_d} z)}; there the price drops to @math{(1 - D) S_d}, and
## holding on is worth the Black-Scholes call @math{C} over the remaining
## life @var{tau}.  Exercising then is the only early exercise that can
## pay (with @math{r \ge 0}), so the American call is its European price
## plus the mean of @math{e^{-r t_d} \max(S_d - K - C, 0)}: the value
## returned per draw.
##
## From a spot more than one standard deviation of @math{\ln S_d} below
## the strike, the premium lives in a far tail of @var{z}.  The draws are
## then shifted by the @math{\theta} that takes the median path to the
## strike (@pxref{mc_tilt_drift}), and each value is multiplied by the
## likelihood ratio @math{\exp(-\theta z - \theta^2/2)} (importance
## sampling), so that the mean stays the premium.  Used by MC-S (stratified draws) and QMC-S
## (Sobol draws).  @var{S} is a positive scalar, @var{td} and @var{sigma}
## positive, @var{tau} nonnegative: not checked here, on every spot of
## every pricing call, but once, on the problem, by
## @code{mc_check_problem}.
## @end deftypefn

function p = mc_dividend_premium (S, K, td, tau, r, sigma, D, z)
  if (nargin != 8)
    print_usage ();
  endif
  mu = r - sigma ^ 2 / 2;
  theta = mc_tilt_drift ("call", S, K, td, r, sigma) * sqrt (td);  # per unit of z
  Sd = S * exp (mu * td + sigma * sqrt (td) * (z + theta));
  hold_on = mc_bs ("call", (1 - D) * Sd, K, tau, r, sigma);
  p = exp (-r * td - theta * z - theta ^ 2 / 2) .* max (Sd - K - hold_on, 0);
endfunction

%!test
%! ## Its mean over a fine rule in z is the American minus the European
%! ## price (here from the defaults of 2-am, at a spot in the money and one
%! ## far below the strike, where the draws are shifted).
%! z = linspace (-12, 12, 240001).';
%! phi = exp (-z .^ 2 / 2) / sqrt (2 * pi);
%! for S = [110 85]
%!   p = mc_dividend_premium (S, 100, 0.4, 0.1, 0.03, 0.15, 0.03, z);
%!   q = benchop_problem ("2-am", "S", S);
%!   eu = mc_bs ("call", 0.97 * S, 100, 0.5, 0.03, 0.15);
%!   assert (trapz (z, phi .* p), benchop_reference (q) - eu, 1e-9 * S);
%! endfor
%!test
%! ## no dividend: exercise never pays
%! assert (mc_dividend_premium (120, 100, 0.5, 0.5, 0.05, 0.2, 0, randn (100, 1)),
%!         zeros (100, 1));
%!error mc_dividend_premium (1)
