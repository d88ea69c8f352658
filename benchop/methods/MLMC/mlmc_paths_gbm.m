## -*- texinfo -*-
## @deftypefn {} {[@var{y}, @var{c}] =} mlmc_paths_gbm (@var{p}, @var{l}, @var{m}, @var{Z})
## @var{m} samples of the level-@var{l} correction of MLMC for the models
## with constant coefficients: Black-Scholes (prices, pathwise delta and
## vega, the up-and-out barrier), the proportional dividend and Merton's
## jumps.  @var{p} is a problem checked by @code{mlmc_check}; @var{y} and
## the control @var{c} are @var{m}-by-n, one column per spot.
##
## The fine path takes @math{2^l} Milstein steps (Giles 2008) of the
## discounted price @math{\tilde S = e^{-a t} S},
## @math{d\tilde S = \sigma \tilde S dW} (@math{a = r}), the coarse path
## @math{2^{l-1}} steps driven by the sums of pairs of the fine increments;
## at level 0 there is no coarse path.  (Stepping the driftless discounted
## price leaves the scheme's error to the diffusion: with the drift
## @math{r h} in the step, its error alone made most of the corrections'
## variance at volatilities of 1 %.)  The scheme is linear in @math{S}, so
## a path is @math{S_0 e^{aT}} times a product of step factors
## @math{g = 1 + \sigma \Delta W + \sigma^2 (\Delta W^2 - h)/2}
## (always positive while @math{\sigma^2 h < 1}), the spots share
## the draws, and a proportional dividend or a jump multiplies the terminal
## value whatever its date: the dividend is the factor @math{1 - D}, the
## jumps of Merton's model (rate @math{\lambda}, log-sizes normal
## @math{(\gamma, \delta^2)}, drift @math{a = r - \lambda \kappa},
## @math{\kappa = e^{\gamma + \delta^2/2} - 1}) one compound factor drawn
## exactly (a Poisson count, then a normal log-size given the count) and
## shared by the fine and the coarse path.
##
## Greeks are pathwise: the delta is the payoff's slope times
## @math{G = S_T / S_0}, the vega its slope times @math{S_0\, dG/d\sigma},
## @math{dG/d\sigma = G \sum_k (\Delta W_k + \sigma (\Delta W_k^2 - h)) / g_k}.
## The barrier: each step's weight is the probability that the Brownian
## bridge of the step stays below @math{B}, taken in @math{\ln S}, where
## the model's diffusion coefficient @math{\sigma} is constant (in
## @math{S} with the coefficient of the step's start, as in Giles 2008,
## the bridge's own bias needed ten levels at 1e-3); for the coarse path the
## midpoint of each step is drawn from that bridge with the fine path's
## increments, @math{X_{mid} = (X_n + X_{n+1})/2 + \sigma (\Delta W_1 - \Delta W_2)/2},
## and the two halves' probabilities multiply (Giles 2015, sec. 5.2;
## @pxref{mlmc_barrier_survival}).
##
## The control @var{c} is the same correction for the discounted terminal
## value of the unkilled path (or its delta or vega), less its exact mean,
## known for the scheme: @math{E[G] = e^{a T}} times
## @math{e^{\lambda \kappa T}} and @math{1 - D}.  @var{Z}, if not empty,
## is the first column of standard normals (the caller's stratified draws
## at level 0).
## @end deftypefn

function [y, c] = mlmc_paths_gbm (p, l, m, Z)
  if (nargin != 4)
    print_usage ();
  endif
  T = p.T;
  r = p.r;
  s = p.sigma;
  S0 = p.S;
  nf = 2 ^ l;
  h = T / nf;
  a = r;
  J = 1;
  meanJ = 1;
  if (p.kind == 6)
    kappa = exp (p.gamma + p.delta ^ 2 / 2) - 1;
    a = r - p.lambda * kappa;
    meanJ = exp (p.lambda * kappa * T);
  elseif (p.kind == 2)
    meanJ = 1 - p.D;
    J = meanJ;
  endif
  dW = mlmc_increments (m, nf, h, Z);
  if (p.kind == 6)
    n = randp (p.lambda * T, m, 1);
    J = exp (p.gamma * n + p.delta * sqrt (n) .* randn (m, 1));
  endif
  disc = exp (-r * T);
  [yf, cf] = mlmc_paths_gbm_one (p, dW, h, a, J, meanJ, false);
  y = disc * yf;
  c = disc * cf;
  if (l > 0)
    [yc, cc] = mlmc_paths_gbm_one (p, dW, 2 * h, a, J, meanJ, true);
    y -= disc * yc;
    c -= disc * cc;
  endif
endfunction

## One path (fine, or coarse from the pairs of the fine increments):
## undiscounted payoff (or its pathwise derivative) and control.
function [y, c] = mlmc_paths_gbm_one (p, dW, h, a, J, meanJ, coarse)
  s = p.sigma;
  S0 = p.S;
  if (coarse)
    dWh = dW;
    dW = dW(:,1:2:end) + dW(:,2:2:end);
  endif
  g = 1 + s * dW + s ^ 2 / 2 * (dW .^ 2 - h);
  EG = exp (a * p.T) * meanJ;
  G = prod (g, 2) .* J * exp (a * p.T);
  ST = G .* S0;
  if (p.put)
    y = max (p.K - ST, 0);
    slope = -(ST < p.K);
  else
    y = max (ST - p.K, 0);
    slope = (ST > p.K);
  endif
  switch (p.greek)
    case 0
      c = ST - EG * S0;
      if (isfinite (p.B))
        ## the log price at the dates, for the barrier
        t = (0:columns (g)) * h;
        X = log (S0) + permute (cumsum ([zeros(rows (g), 1), log(g)], 2) + a * t, [1 3 2]);
        if (coarse)
          y .*= mlmc_barrier_survival (X, log (p.B), s, h / 2, dWh);
        else
          y .*= mlmc_barrier_survival (X, log (p.B), s, h);
        endif
      endif
    case 1
      y = slope .* G;
      c = (G - EG) .* ones (size (S0));
    case 3
      dG = G .* sum ((dW + s * (dW .^ 2 - h)) ./ g, 2);
      y = slope .* dG .* S0;
      c = dG .* S0;
  endswitch
endfunction

%!test
%! ## the levels telescope: levels 0 to 5 sum to the price but for the
%! ## scheme's bias at 32 steps (weak order one); the controls have mean
%! ## zero
%! p = mlmc_check (benchop_problem ("1a-I"), 1);
%! randn ("state", 1);
%! U = 0;
%! for l = 0:5
%!   [y, c] = mlmc_paths_gbm (p, l, 2 ^ 18 / 4 ^ l, []);
%!   U += mean (y);
%!   assert (all (abs (mean (c)) < 4.5 * std (c) / sqrt (rows (c))));
%! endfor
%! V = bs_european ("call", "price", p.S, p.K, p.T, p.r, p.sigma);
%! assert (U, V, -4e-2);
%! assert (U, V, 0.015);
%!test
%! ## the corrections shrink with the level (strong order one)
%! p = mlmc_check (benchop_problem ("1a-I"), 1);
%! randn ("state", 2);
%! v = arrayfun (@(l) var (mlmc_paths_gbm (p, l, 2e4, [])(:,2)), 1:4);
%! assert (all (diff (log2 (v)) < -0.8));
%!error mlmc_paths_gbm (1, 2, 3)
