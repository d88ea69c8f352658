## -*- texinfo -*-
## @deftypefn {} {@var{y} =} qmcs_terminal (@var{payoff}, @var{output}, @var{S0}, @var{z}, @var{K}, @var{T}, @var{r}, @var{sigma})
## Per-point estimator of a European Black-Scholes price or Greek at one spot.
##
## @var{z} is a column of standard normal values;
## @math{S_T = S_0 \exp((r - \sigma^2/2) T + \sigma \sqrt{T} z)} exactly.
## @var{output} picks the estimator (Glasserman, ch. 7): the discounted
## payoff (@qcode{"price"}), the pathwise delta
## @math{e^{-rT} f'(S_T) S_T / S_0} and vega
## @math{e^{-rT} f'(S_T) S_T (\sqrt{T} z - \sigma T)}, and for gamma the
## likelihood-ratio weight applied to the pathwise delta,
## @math{e^{-rT} z (f'(S_T) S_T - f(S_T)) / (S_0^2 \sigma \sqrt{T})}.
## @end deftypefn

function y = qmcs_terminal (payoff, output, S0, z, K, T, r, sigma)
  if (nargin != 8)
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
      error ("qmcs_terminal: unknown payoff '%s'", payoff);
  endswitch
  disc = exp (-r * T);
  switch (output)
    case "price"
      y = disc * f;
    case "delta"
      y = disc * df .* ST / S0;
    case "vega"
      y = disc * df .* ST .* (sqrt (T) * z - sigma * T);
    case "gamma"
      y = disc * z .* (df .* ST - f) / (S0 ^ 2 * sigma * sqrt (T));
    otherwise
      error ("qmcs_terminal: unknown output '%s'", output);
  endswitch
endfunction

## Each estimator has the Black-Scholes value as its mean: a fine midpoint
## rule over the normal quantiles matches the closed form to 1e-5.
%!test
%! z = std_normal_inv (((1:2e5).' - 0.5) / 2e5);
%! S0 = 95;  K = 100;  T = 0.5;  r = 0.05;  s = 0.25;
%! for c = {"call", "put"}
%!   for o = {"price", "delta", "gamma", "vega"}
%!     y = qmcs_terminal (c{1}, o{1}, S0, z, K, T, r, s);
%!     assert (mean (y), bs_european (c{1}, o{1}, S0, K, T, r, s), -1e-4);
%!   endfor
%! endfor
%!error <unknown payoff> qmcs_terminal ("digital", "price", 100, 0, 100, 1, 0, 0.2)
%!error <unknown output> qmcs_terminal ("call", "rho", 100, 0, 100, 1, 0, 0.2)
