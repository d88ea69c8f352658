## -*- texinfo -*-
## @deftypefn {} {[@var{y}, @var{c}] =} mlmc_paths_exchange (@var{p}, @var{l}, @var{m}, @var{Z})
## @var{m} samples of the level-@var{l} correction of MLMC for the exchange
## option @math{\max(S_1 - S_2, 0)} on two correlated Black-Scholes assets;
## @var{p} is a problem checked by @code{mlmc_check} (spot pairs in the rows
## of @code{S}); @var{y} and the control @var{c} are @var{m}-by-n, one
## column per pair.
##
## Each asset's discounted price (driftless) takes Milstein steps driven by
## its own Brownian motion,
## @math{B_1 = W_1}, @math{B_2 = \rho W_1 + \sqrt{1 - \rho^2} W_2}: the two
## diffusion vector fields commute here, so Milstein needs no Levy areas and
## is of strong order one (Giles and Szpruch 2014 treat the general,
## non-commuting case with antithetic paths).  Fine path @math{2^l} steps,
## coarse path @math{2^{l-1}} driven by pair sums.  The control is the
## discounted @math{S_1(T) - S_2(T)} less its exact mean under the scheme.
## @var{Z}, if not empty, fixes the end of the Brownian motion along the
## direction of @math{\sigma_1 B_1 - \sigma_2 B_2}, on which the payoff
## mostly depends (@pxref{mlmc_increments}; the caller's stratified draws
## at level 0); the orthogonal direction is drawn freely.
## @end deftypefn

function [y, c] = mlmc_paths_exchange (p, l, m, Z)
  if (nargin != 4)
    print_usage ();
  endif
  nf = 2 ^ l;
  h = p.T / nf;
  c = sqrt (1 - p.rho ^ 2);
  if (isempty (Z))
    dW1 = sqrt (h) * randn (m, nf);
    dW2 = p.rho * dW1 + c * sqrt (h) * randn (m, nf);
  else
    ## Z is the stratified normal along the direction the payoff depends
    ## on, that of sigma1 B1 - sigma2 B2; the other direction is free
    u = [p.sigma1 - p.rho * p.sigma2, -c * p.sigma2];
    u /= norm (u);
    Zp = randn (m, nf);
    W = mlmc_increments (m, nf, h, Z);
    Wp = sqrt (h) * Zp;
    dW1 = u(1) * W - u(2) * Wp;
    dW2 = p.rho * dW1 + c * (u(2) * W + u(1) * Wp);
  endif
  S1 = p.S(:,1).';
  S2 = p.S(:,2).';
  disc = exp (-p.r * p.T);
  ## discounted prices, driftless: the scheme's error is the diffusion's
  step = @(dB, s, k) prod (1 + s * dB + s ^ 2 / 2 * (dB .^ 2 - k), 2);
  pair = @(dB) dB(:,1:2:end) + dB(:,2:2:end);
  S1 *= exp (p.r * p.T);
  S2 *= exp (p.r * p.T);
  D = step (dW1, p.sigma1, h) .* S1 - step (dW2, p.sigma2, h) .* S2;
  y = disc * max (D, 0);
  c = disc * (D - (S1 - S2));
  if (l > 0)
    D = step (pair (dW1), p.sigma1, 2 * h) .* S1 - step (pair (dW2), p.sigma2, 2 * h) .* S2;
    y -= disc * max (D, 0);
    c -= disc * (D - (S1 - S2));
  endif
endfunction

%!test
%! ## the levels telescope to Margrabe's price, but for the bias at 16
%! ## steps; the controls have mean zero
%! p = mlmc_check (benchop_problem ("6"), 1);
%! randn ("state", 5);
%! U = 0;
%! for l = 0:4
%!   [y, c] = mlmc_paths_exchange (p, l, 2 ^ 17 / 4 ^ l, []);
%!   U += mean (y);
%!   assert (all (abs (mean (c)) < 4.5 * std (c) / sqrt (rows (c))));
%! endfor
%! assert (size (y, 2), 5);
%! V = margrabe_exchange (p.S, p.T, p.sigma1, p.sigma2, p.rho).';
%! assert (U, V, 0.05);
%!error mlmc_paths_exchange (1, 2, 3)
