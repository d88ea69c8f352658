## -*- texinfo -*-
## @deftypefn {} {@var{y} =} mc_paths_merton (@var{S}, @var{K}, @var{put}, @var{t}, @var{r}, @var{sigma}, @var{lambda}, @var{gamma}, @var{delta}, @var{b})
## One block of @var{b} plain Monte Carlo paths under Merton's jump
## diffusion: the discounted payoff of a call (a put if @var{put}) at every
## spot in the row @var{S}, a @var{b}-by-@code{numel (@var{S})} matrix.
##
## Over each step of the dates @var{t} (a row from 0 to @math{T}) the log
## price takes a log-Euler step of the diffusion with the compensated drift
## and the jumps of the step, a compound Poisson sum
## (Glasserman sec. 3.5.1):
## @math{X_{k+1} = X_k + (r - \sigma^2/2 - \lambda \kappa)\Delta_k
## + \sigma \sqrt{\Delta_k} Z_k + n_k \gamma + \sqrt{n_k}\, \delta Z'_k},
## @math{\kappa = e^{\gamma + \delta^2/2} - 1}, @math{n_k} Poisson with mean
## @math{\lambda \Delta_k} (@code{randp}), @math{Z_k, Z'_k} standard normal
## (@code{randn}, drawn for the paths with jumps only): the sum of
## @math{n_k} normal log-jumps
## @math{N(\gamma, \delta^2)} is @math{N(n_k \gamma, n_k \delta^2)}.  The
## scheme is exact on any grid.  All spots share the draws.  The arguments
## are not checked (@pxref{mc_check}).
## @end deftypefn

function y = mc_paths_merton (S, K, put, t, r, sigma, lambda, gamma, delta, b)
  if (nargin != 10)
    print_usage ();
  endif
  kappa = exp (gamma + delta ^ 2 / 2) - 1;
  X = zeros (b, 1);
  for k = 1:numel (t) - 1
    dt = t(k+1) - t(k);
    X += (r - sigma ^ 2 / 2 - lambda * kappa) * dt + sigma * sqrt (dt) * randn (b, 1);
    n = randp (lambda * dt, b, 1);
    ## the jumps' normals only where the step has jumps
    j = find (n);
    X(j) += gamma * n(j) + delta * sqrt (n(j)) .* randn (numel (j), 1);
  endfor
  y = mc_discounted_payoff (exp (X) .* S, K, r, t(end), put);
endfunction

## Against Merton's series (merton_call, and put-call parity for the put),
## within 4.5 standard errors, on one step and on four.
%!test
%! randn ("state", 6);  randp ("state", 6);
%! S = [90 100 110];  K = 100;  T = 1;  r = 0.03;  n = 2 ^ 18;
%! C = merton_call (S, K, T, r, 0.15, 0.4, -0.5, 0.4);
%! for put = [false true]
%!   V = C - put * (S - K * exp (-r * T));
%!   for t = {[0 T], linspace(0, T, 5)}
%!     y = mc_paths_merton (S, K, put, t{1}, r, 0.15, 0.4, -0.5, 0.4, n);
%!     assert (size (y), [n 3]);
%!     assert (all (abs (mean (y) - V) <= 4.5 * std (y) / sqrt (n)));
%!   endfor
%! endfor
%!test
%! ## no jumps: Black-Scholes
%! randn ("state", 7);  randp ("state", 7);
%! y = mc_paths_merton ([95 105], 100, false, [0 0.5], 0.02, 0.2, 0, -0.5, 0.4, 2 ^ 18);
%! V = bs_european ("call", "price", [95 105], 100, 0.5, 0.02, 0.2);
%! assert (all (abs (mean (y) - V) <= 4.5 * std (y) / sqrt (2 ^ 18)));
%!error mc_paths_merton (100, 100, false, [0 1], 0.03, 0.15, 0.4, -0.5, 0.4)
