## -*- texinfo -*-
## @deftypefn  {} {@var{w} =} mlmc_barrier_survival (@var{X}, @var{b}, @var{sigma}, @var{h})
## @deftypefnx {} {@var{w} =} mlmc_barrier_survival (@var{X}, @var{b}, @var{sigma}, @var{h}, @var{dW})
## Probability that a discretised path stays below an upper barrier
## between its dates, given its values there.
##
## @var{X} is m-by-n-by-(k+1): m paths, n spots, the log price at k+1
## dates @var{h} apart; @var{b} the log of the barrier.  Over each step the
## log price is taken as a Brownian motion with volatility @var{sigma}
## (that of Black-Scholes), whose bridge stays below @var{b} with
## probability @math{1 - \exp(-2 (b - X_n)^+ (b - X_{n+1})^+ / (\sigma^2 h))};
## @var{w} (m-by-n) is the product over the steps.  With @var{dW}, the
## m-by-2k increments of a path with half the step, @var{X} is a coarse
## path with steps of 2@var{h}: each step's midpoint is drawn from its
## bridge with those increments,
## @math{X_{mid} = (X_n + X_{n+1})/2 + \sigma (\Delta W_{2n-1} - \Delta W_{2n})/2},
## and the two halves (of length @var{h}) are multiplied (Giles 2015,
## sec. 5.2: the coarse path's estimator keeps its mean and follows the
## fine path's closely).
## @end deftypefn

function w = mlmc_barrier_survival (X, b, sigma, h, dW)
  if (nargin != 4 && nargin != 5)
    print_usage ();
  endif
  X0 = X(:,:,1:end-1);
  X1 = X(:,:,2:end);
  c = -2 / (sigma ^ 2 * h);
  stay = @(u, v) 1 - exp (c * max (b - u, 0) .* max (b - v, 0));
  if (nargin == 4)
    w = prod (stay (X0, X1), 3);
  else
    d = permute (dW(:,1:2:end) - dW(:,2:2:end), [1 3 2]);
    Xm = (X0 + X1) / 2 + sigma / 2 * d;
    w = prod (stay (X0, Xm) .* stay (Xm, X1), 3);
  endif
endfunction

%!test
%! ## one step: the exact bridge probability; a start above the barrier
%! X = log (cat (3, [100 130], [110 120]));
%! w = mlmc_barrier_survival (X, log (125), 0.2, 0.5);
%! e = 1 - exp (-2 * log (1.25) * log (125 / 110) / (0.04 * 0.5));
%! assert (w, [e, 0], 1e-14);
%!test
%! ## coarse with a midpoint: its mean over the bridge's midpoint is the
%! ## one-step probability
%! randn ("state", 4);
%! n = 4e5;  h = 0.25;
%! dW = sqrt (h) * randn (n, 2);
%! X = log (cat (3, 100 * ones (n, 1), 112 * ones (n, 1)));
%! w = mlmc_barrier_survival (X, log (125), 0.1, h, dW);
%! w1 = mlmc_barrier_survival (X(1,1,:), log (125), 0.1, 2 * h);
%! assert (mean (w), w1, 4 * std (w) / sqrt (n));
%!error mlmc_barrier_survival (1, 2, 3)
