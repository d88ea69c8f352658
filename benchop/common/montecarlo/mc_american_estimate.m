## -*- texinfo -*-
## @deftypefn  {} {[@var{V}, @var{y}] =} mc_american_estimate (@var{payoff}, @var{S0}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{t}, @var{C}, @var{jx}, @var{Sx})
## @deftypefnx {} {[@var{V}, @var{y}] =} mc_american_estimate (@dots{}, @var{weight})
## American price under Black-Scholes from paths already stopped by three
## Bermudan exercise policies: Richardson extrapolation in the number of
## exercise dates and stopped-martingale control variates.
##
## The paths start at @var{S0} and come in antithetic halves (row @var{k}
## and row @code{@var{k} + rows (@var{C}) / 2} are a pair).  Column
## @var{l} of @var{C}, @var{jx} and @var{Sx} belongs to the policy that may
## exercise on every date, every second and every fourth of the dates
## @var{t} (@code{t(1) = 0}, @code{t(end) = @var{T}}): the discounted cash
## flow of each path, the index @var{j} of the date @code{t(j+1)} at which
## it stops (@code{numel (t) - 1} at maturity) and the spot there.
##
## @math{(8 V_M - 6 V_{M/2} + V_{M/4}) / 3} removes the @math{O(1/M)} and
## @math{O(1/M^2)} terms of the gap between the Bermudan and the American
## price.  The controls are martingales stopped at the exercise time, with
## means known in closed form (@code{mc_bs}): the discounted European price
## of the option (@pxref{mc_lsm_stopped_value}), of the same option struck
## at 0.9, 0.95 and 1.05 @var{K}, and the discounted stock; the same
## Richardson weights combine them over the policies.  Their coefficients
## are fitted by least squares over the antithetic pairs, on scaled columns
## so that the pseudo-inverse drops only (nearly) redundant controls.
##
## With @var{weight} (like @var{C}: the likelihood ratio of each path at
## its stopping time under each policy; default ones), the paths were
## drawn under a drifted measure (importance sampling,
## @pxref{mc_tilt_drift}): every cash flow and every control is weighted
## by it, which leaves their means unchanged (the ratio is a martingale,
## stopped where the values are).
##
## @var{V} is the larger of the payoff at @var{S0} and the estimate, so an
## option that should be exercised at once is priced exactly; @var{y} holds
## the controlled values of the pairs (mean @var{V} unless exercised at
## once), for the caller's standard error.
## @end deftypefn

function [V, y] = mc_american_estimate (payoff, S0, K, T, r, sigma, t, C, jx, Sx,
                                        weight = [])
  if (nargin < 10 || nargin > 11)
    print_usage ();
  endif
  if (! (isscalar (S0) && columns (C) == 3 && mod (rows (C), 2) == 0
         && isequal (size (jx), size (C)) && isequal (size (Sx), size (C))))
    error ("mc_american_estimate: C, JX and SX must be 2m-by-3 and S0 a scalar");
  endif
  h = mc_payoff (payoff, K);
  n = rows (C);
  m = n / 2;
  if (isempty (weight))
    weight = ones (n, 3);
  endif
  ## Richardson weights for M, M/2 and M/4 dates, times the likelihood
  ## ratios
  w = weight .* ([8 -6 1] / 3);
  y = sum (w .* C, 2);
  te = reshape (t(jx+1), size (jx));
  stock = sum (w .* exp (-r * te) .* Sx, 2);
  Zx = [zeros(n, 1), stock, zeros(n, 3)];
  for l = 1:3
    Zx(:,1) += w(:,l) .* mc_lsm_stopped_value (payoff, Sx(:,l), jx(:,l), t,
                                               C(:,l), K, r, sigma);
  endfor
  Kc = K * [0.9 0.95 1.05];
  for k = 1:3
    hk = mc_payoff (payoff, Kc(k));
    for l = 1:3
      Zx(:,2+k) += w(:,l) .* mc_lsm_stopped_value (payoff, Sx(:,l), jx(:,l),
                                                   t, exp (-r * T) * hk (Sx(:,l)),
                                                   Kc(k), r, sigma);
    endfor
  endfor
  ## the controls' known means: the European prices and the stock
  Zx -= [mc_bs(payoff, S0, K, T, r, sigma), S0, ...
         arrayfun(@(k) mc_bs (payoff, S0, k, T, r, sigma), Kc)];
  ## pair the antithetic paths
  y = (y(1:m) + y(m+1:end)) / 2;
  Zx = (Zx(1:m,:) + Zx(m+1:end,:)) / 2;
  ## scaled columns: pinv then drops only (nearly) redundant controls
  Zc = Zx - mean (Zx);
  sc = sqrt (sumsq (Zc));
  sc(sc == 0) = 1;
  Zc ./= sc;
  y -= (Zx ./ sc) * (pinv (Zc.' * Zc) * (Zc.' * (y - mean (y))));
  V = max (h (S0), mean (y));
endfunction

%!test
%! ## paths that all run to maturity under every policy: the controls are
%! ## exact, the value is the European price up to rounding
%! randn ("state", 1);
%! W = randn (500, 1);
%! ST = 100 * exp (-0.02 + 0.2 * [W; -W]);
%! t = (0:4) / 4;
%! C = repmat (exp (-0.03) * max (100 - ST, 0), 1, 3);
%! [V, y] = mc_american_estimate ("put", 100, 100, 1, 0.03, 0.2, t, C,
%!                                4 * ones (1000, 3), repmat (ST, 1, 3));
%! assert (size (y), [500 1]);
%! assert (V, mean (y));
%! assert (V, mc_bs ("put", 100, 100, 1, 0.03, 0.2), 2e-2);
%!test
%! ## every path stopped at once and deep in the money: the payoff
%! t = (0:4) / 4;
%! C = repmat (10, 4, 3);
%! V = mc_american_estimate ("put", 60, 100, 1, 0.03, 0.2, t, C,
%!                           zeros (4, 3), repmat (60, 4, 3));
%! assert (V, 40);
%!error <2m-by-3> mc_american_estimate ("put", 100, 100, 1, 0.03, 0.2, (0:4) / 4,
%!                                     ones (3, 3), ones (3, 3), ones (3, 3))
%!error <2m-by-3> mc_american_estimate ("put", 100, 100, 1, 0.03, 0.2, (0:4) / 4,
%!                                     ones (4, 2), ones (4, 2), ones (4, 2))
%!error <unknown payoff> mc_american_estimate ("digital", 100, 100, 1, 0.03, 0.2,
%!                                            (0:4) / 4, ones (4, 3),
%!                                            ones (4, 3), ones (4, 3))
%!error mc_american_estimate ("put", 100, 100, 1, 0.03, 0.2, (0:4) / 4)
