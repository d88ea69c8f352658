## -*- texinfo -*-
## @deftypefn  {} {@var{y} =} mc_terminal (@var{payoff}, @var{output}, @var{S0}, @var{z}, @var{K}, @var{T}, @var{r}, @var{sigma})
## @deftypefnx {} {@var{y} =} mc_terminal (@var{payoff}, @var{output}, @var{S0}, @var{z}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{B})
## Per-path (or per-point) estimator of a European price or Greek at one spot.
##
## @var{z} is a column of standard normal values, pseudo-random (MC-S) or
## quasi-random (QMC-S); the terminal asset is
## sampled exactly, @math{S_T = S_0 \exp((r - \sigma^2/2) T + \sigma \sqrt{T} z)}.
## @var{output} selects the estimator (Glasserman, @cite{Monte Carlo Methods
## in Financial Engineering}, ch. 7; Broadie and Glasserman 1996):
##
## @table @asis
## @item @qcode{"price"}
## discounted payoff @math{e^{-rT} f(S_T)};
## @item @qcode{"delta"}
## pathwise, @math{e^{-rT} f'(S_T) S_T / S_0};
## @item @qcode{"vega"}
## pathwise, @math{e^{-rT} f'(S_T) S_T (\sqrt{T} z - \sigma T)};
## @item @qcode{"gamma"}
## likelihood ratio applied to the payoff, then pathwise differentiation of
## that estimator: @math{e^{-rT} z (f'(S_T) S_T - f(S_T)) / (S_0^2 \sigma \sqrt{T})},
## which for a call is @math{e^{-rT} K 1\{S_T > K\} z / (S_0^2 \sigma \sqrt{T})}.
## @end table
##
## With a finite up-and-out barrier @var{B} (prices only) the payoff is
## weighted by the probability that the Brownian bridge of the log price
## from @math{\ln S_0} to @math{\ln S_T} stays below @math{\ln B}:
## @math{1 - \exp(-2 \ln(B/S_0) \ln(B/S_T) / (\sigma^2 T))} when both ends lie
## below the barrier, 0 otherwise.  This conditional expectation is exact for
## GBM, so one interval [0, T] gives an unbiased estimator of the
## continuously monitored price with the least variance (conditioning on
## more dates only adds noise).  @var{B} defaults to @code{Inf}, no barrier.
##
## The arguments are not checked: the pricing calls this on every chunk of
## paths, for a problem checked once by @code{mc_check_problem} (which
## refuses barrier Greeks, for one).
## @end deftypefn

function y = mc_terminal (payoff, output, S0, z, K, T, r, sigma, B = Inf)
  if (nargin < 8 || nargin > 9)
    print_usage ();
  endif
  ST = S0 * exp ((r - sigma ^ 2 / 2) * T + sigma * sqrt (T) * z);
  switch (payoff)
    case "call"
      f = max (ST - K, 0);
      df = double (ST > K);
    case "put"
      f = max (K - ST, 0);
      df = -double (ST < K);
    otherwise
      error ("mc_terminal: unknown payoff '%s'", payoff);
  endswitch
  disc = exp (-r * T);
  switch (output)
    case "price"
      y = disc * f;
      if (isfinite (B))
        if (S0 >= B)
          y(:) = 0;
        else
          below = ST < B;
          w = zeros (size (ST));
          ## expm1: the weight is tiny, and 1 - exp(-x) would cancel,
          ## when a path ends just below the barrier
          w(below) = -expm1 (-2 * log (B / S0) * log (B ./ ST(below))
                             / (sigma ^ 2 * T));
          y .*= w;
        endif
      endif
    case "delta"
      y = disc * df .* ST / S0;
    case "vega"
      y = disc * df .* ST .* (sqrt (T) * z - sigma * T);
    case "gamma"
      y = disc * z .* (df .* ST - f) / (S0 ^ 2 * sigma * sqrt (T));
    otherwise
      error ("mc_terminal: unknown output '%s'", output);
  endswitch
endfunction

%!shared z
%! randn ("state", 7);
%! z = randn (4e5, 1);
%! z = [z; -z];
## Each estimator is unbiased: its sample mean over 8e5 antithetic normal
## draws matches the Black-Scholes value within 5 standard errors.
%!function check (payoff, output, S0, z, exact)
%!  y = mc_terminal (payoff, output, S0, z, 100, 0.5, 0.05, 0.25, Inf);
%!  n = numel (y) / 2;
%!  yp = (y(1:n) + y(n+1:end)) / 2;
%!  assert (abs (mean (yp) - exact) < 5 * std (yp) / sqrt (n));
%!endfunction
%!test
%! tau = 0.5;  r = 0.05;  s = 0.25;  S0 = 95;
%! d1 = (log (S0 / 100) + (r + s^2/2) * tau) / (s * sqrt (tau));
%! d2 = d1 - s * sqrt (tau);
%! N = @std_normal_cdf;  n = @std_normal_pdf;
%! check ("call", "price", S0, z, S0 * N(d1) - 100 * exp(-r*tau) * N(d2));
%! check ("put", "price", S0, z, 100 * exp(-r*tau) * N(-d2) - S0 * N(-d1));
%! check ("call", "delta", S0, z, N(d1));
%! check ("put", "delta", S0, z, N(d1) - 1);
%! check ("call", "gamma", S0, z, n(d1) / (S0 * s * sqrt (tau)));
%! check ("put", "gamma", S0, z, n(d1) / (S0 * s * sqrt (tau)));
%! check ("call", "vega", S0, z, S0 * n(d1) * sqrt (tau));
%! check ("put", "vega", S0, z, S0 * n(d1) * sqrt (tau));
%!test
%! ## knocked out at the start; no value above the barrier
%! y = mc_terminal ("call", "price", 130, z(1:10), 100, 1, 0.03, 0.15, 125);
%! assert (y, zeros (10, 1));
%! y = mc_terminal ("call", "price", 100, z, 100, 1, 0.03, 0.15, 125);
%! ST = 100 * exp ((0.03 - 0.15^2/2) + 0.15 * z);
%! assert (all (y(ST >= 125) == 0));
%! assert (all (y >= 0));
## Each estimator has the Black-Scholes value as its mean: a fine midpoint
## rule over the normal quantiles matches the closed form to 1e-5.
%!test
%! z = std_normal_inv (((1:2e5).' - 0.5) / 2e5);
%! S0 = 95;  K = 100;  T = 0.5;  r = 0.05;  s = 0.25;
%! for c = {"call", "put"}
%!   for o = {"price", "delta", "gamma", "vega"}
%!     y = mc_terminal (c{1}, o{1}, S0, z, K, T, r, s);
%!     assert (mean (y), bs_european (c{1}, o{1}, S0, K, T, r, s), -1e-4);
%!   endfor
%! endfor
%!error <unknown payoff> mc_terminal ("digital", "price", 100, 0, 100, 1, 0, 0.2, Inf)
%!error <unknown output> mc_terminal ("call", "theta", 100, 0, 100, 1, 0, 0.2, Inf)
%!error mc_terminal ("call", "price", 100, 0, 100, 1, 0)
