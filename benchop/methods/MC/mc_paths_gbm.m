## -*- texinfo -*-
## @deftypefn {} {@var{y} =} mc_paths_gbm (@var{S}, @var{K}, @var{put}, @var{greek}, @var{t}, @var{r}, @var{sigma}, @var{B}, @var{jump}, @var{D}, @var{b})
## One block of @var{b} plain Monte Carlo paths under Black-Scholes: the
## per-path estimator of a European price or Greek at every spot in the
## row @var{S}, a @var{b}-by-@code{numel (@var{S})} matrix.
##
## The log price is stepped over the dates @var{t} (a row from 0 to the
## maturity @math{T}) by the log-Euler scheme
## @math{X_{k+1} = X_k + (r - \sigma^2/2)\Delta_k + \sigma \Delta W_k},
## @math{\Delta W_k = \sqrt{\Delta_k} Z_k} with pseudo-random normals
## @math{Z_k} from @code{randn} (the caller seeds it).  With constant
## coefficients the scheme is exact on any grid.  All spots share the
## draws (common random numbers).  After step @var{jump} (0 for none) the
## price drops by the proportional dividend @var{D}:
## @math{X \leftarrow X + \ln(1 - D)}.
##
## The payoff is that of a call, or of a put if @var{put} is true.
## @var{greek} selects the estimator (Glasserman, @cite{Monte Carlo Methods
## in Financial Engineering}, sec. 7.2 and 7.3), with @math{f} the payoff
## and @math{W_T} the Brownian motion at maturity:
##
## @table @asis
## @item 0, price
## @math{e^{-rT} f(S_T)};
## @item 1, delta (pathwise)
## @math{e^{-rT} f'(S_T) S_T / S_0};
## @item 2, gamma (likelihood ratio for the payoff, then pathwise)
## @math{e^{-rT} W_T (f'(S_T) S_T - f(S_T)) / (S_0^2 \sigma T)}, for a call
## @math{e^{-rT} K 1\{S_T > K\} W_T / (S_0^2 \sigma T)};
## @item 3, vega (pathwise)
## @math{e^{-rT} f'(S_T) S_T (W_T - \sigma T)}.
## @end table
##
## A finite up-and-out barrier @var{B} (prices only; @code{Inf} for none)
## is monitored continuously: the payoff is weighted by the product over the
## steps of the probability that the Brownian bridge between the two log
## prices of a step stays below @math{\ln B},
## @math{1 - \exp(-2 a_k a_{k+1} / (\sigma^2 \Delta_k))} with
## @math{a = \ln B - \ln S} at both ends (0 once an end lies at or above the
## barrier; Glasserman sec. 6.4).  For this model the weight is exact, so
## the discrete steps leave no monitoring bias.
##
## The arguments are not checked (@pxref{mc_check}).
## @end deftypefn

function y = mc_paths_gbm (S, K, put, greek, t, r, sigma, B, jump, D, b)
  if (nargin != 11)
    print_usage ();
  endif
  M = numel (t) - 1;
  T = t(end);
  X = zeros (b, 1);       # ln(S_t / S_0), the same for every spot
  W = X;
  barrier = isfinite (B);
  if (barrier)
    lb = log (B ./ S);
    w = 1;
  endif
  for k = 1:M
    dt = t(k+1) - t(k);
    dW = sqrt (dt) * randn (b, 1);
    Xn = X + ((r - sigma ^ 2 / 2) * dt + sigma * dW);
    if (barrier)
      ## expm1: the survival probability is tiny, and 1 - exp(-x) would
      ## cancel, when a path ends a step just below the barrier
      c = -2 / (sigma ^ 2 * dt);
      if (k == 1)
        a = c * max (lb, 0);    # X = 0: one distance per spot
      else
        a = c * max (lb - X, 0);
      endif
      w .*= -expm1 (a .* max (lb - Xn, 0));
    endif
    X = Xn;
    if (greek >= 2)
      W += dW;
    endif
    if (k == jump)
      X += log1p (-D);
    endif
  endfor
  ST = exp (X) .* S;
  disc = exp (-r * T);
  if (greek == 0)
    if (put)
      y = max (K - ST, 0);
    else
      y = max (ST - K, 0);
    endif
    y *= disc;
    if (barrier)
      y .*= w;
    endif
  else
    if (put)
      itm = ST < K;
      disc = -disc;
    else
      itm = ST > K;
    endif
    switch (greek)
      case 1
        y = (disc * itm .* ST) ./ S;
      case 2
        y = ((disc * K / (sigma * T)) * itm .* W) ./ S .^ 2;
      case 3
        y = disc * itm .* ST .* (W - sigma * T);
    endswitch
  endif
endfunction

## The sample mean over 2^18 paths against the closed forms, within 4.5
## standard errors, for calls and puts, every output, one and several
## steps.
%!test
%! randn ("state", 3);
%! S = [90 105];  K = 100;  r = 0.04;  s = 0.25;  n = 2 ^ 18;
%! for put = [false true]
%!   payoff = {"call", "put"}{put + 1};
%!   for greek = 0:3
%!     output = {"price", "delta", "gamma", "vega"}{greek + 1};
%!     for t = {[0 0.75], linspace(0, 0.75, 4)}
%!       y = mc_paths_gbm (S, K, put, greek, t{1}, r, s, Inf, 0, 0, n);
%!       V = bs_european (payoff, output, S, K, 0.75, r, s);
%!       assert (size (y), [n 2]);
%!       assert (all (abs (mean (y) - V) <= 4.5 * std (y) / sqrt (n)),
%!               [payoff " " output]);
%!     endfor
%!   endfor
%! endfor
%!test
%! ## the dividend drop: Black-Scholes at (1 - D) S, on a grid through the
%! ## dividend date
%! randn ("state", 4);
%! S = [90 100 110];  n = 2 ^ 18;
%! y = mc_paths_gbm (S, 100, false, 0, [0 0.4 0.5], 0.03, 0.15, Inf, 1, 0.03, n);
%! V = bs_european ("call", "price", 0.97 * S, 100, 0.5, 0.03, 0.15);
%! assert (all (abs (mean (y) - V) <= 4.5 * std (y) / sqrt (n)));
%!test
%! ## the barrier: the bridge weight per step is exact, on one step and on
%! ## eight (Reiner-Rubinstein); a spot at or above the barrier is worth 0
%! randn ("state", 5);
%! S = [90 110 125 130];  n = 2 ^ 18;
%! V = up_and_out_call (S, 100, 125, 1, 0.03, 0.15);
%! for t = {[0 1], linspace(0, 1, 9)}
%!   y = mc_paths_gbm (S, 100, false, 0, t{1}, 0.03, 0.15, 125, 0, 0, n);
%!   se = std (y) / sqrt (n);
%!   assert (all (abs (mean (y(:,1:2)) - V(1:2)) <= 4.5 * se(1:2)));
%!   assert (all (y(:,3:4)(:) == 0));
%!   assert (all (y(:) >= 0));
%! endfor
%!error mc_paths_gbm (100, 100, false, 0, [0 1], 0.03, 0.15, Inf, 0, 0)
