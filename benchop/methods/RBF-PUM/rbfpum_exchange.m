## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbfpum_exchange (@var{problem}, @var{N}, @var{M})
## Price the exchange option max (S1 - S2, 0) of a two-asset Black-Scholes
## @var{problem} (model @qcode{"black-scholes-2d"}) by RBF-PUM in one space
## dimension, about @var{N} nodes and @var{M} time steps.
##
## Change of numeraire (Margrabe 1978): with S2 as numeraire the price is
## U = S2 u (S1/S2), where u (x, tau) solves the Black-Scholes PDE in x with
## zero rate and volatility sigma = sqrt (sigma1^2 + sigma2^2 - 2 rho sigma1
## sigma2) (the volatility of the ratio S1/S2 under the measure of S2), for
## the payoff max (x - 1, 0): a European call with strike 1 on x, priced
## by @code{rbfpum_price}.
## @end deftypefn

function [U, info] = rbfpum_exchange (problem, N, M)
  if (nargin != 3)
    print_usage ();
  endif
  s1 = problem.sigma1;
  s2 = problem.sigma2;
  S = problem.S;
  ratio = struct ("model", "black-scholes", "payoff", "call",
                  "exercise", "european", "barrier", "none",
                  "output", "price", "S", (S(:,1) ./ S(:,2)).', "K", 1,
                  "T", problem.T, "r", 0,
                  "sigma", sqrt (s1^2 + s2^2 - 2 * problem.rho * s1 * s2));
  [u, info] = rbfpum_price (ratio, ratio.S, N, M);
  U = S(:,2).' .* u;
endfunction

%!test
%! p = benchop_problem ("6");
%! U = rbfpum_exchange (p, 100, 100);
%! ref = margrabe_exchange (p.S, 1, 0.15, 0.15, 0.5);
%! assert (U, ref(:).', -1e-3);
%!error rbfpum_exchange (1)
