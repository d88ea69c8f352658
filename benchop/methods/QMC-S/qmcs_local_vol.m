## -*- texinfo -*-
## @deftypefn {} {@var{U} =} qmcs_local_vol (@var{payoff}, @var{S0}, @var{K}, @var{T}, @var{r}, @var{volfun}, @var{M}, @var{n}, @var{shift})
## European price at one spot under a local volatility model
## @math{dS = r S dt + \sigma(S, t) S dW} by log-Euler steps on quasi-random
## Brownian-bridge paths, with Richardson extrapolation in the step.
##
## @var{n} points of the shifted Sobol sequence (@pxref{qmcs_sobol}) give
## the first @math{\min(M, 21)} normals of each path in bridge order
## (@pxref{qmcs_bridge}): the end point, the midpoint, the quarter points,
## and so on, so the quasi-random coordinates set each path's coarse shape;
## the remaining normals (the finest detail) come from @code{randn}.  The
## antithetic path uses the negated increments.  @var{M}, a power of 2 at
## least 2, is the number of steps:
## @math{X_{k+1} = X_k + (r - \sigma_k^2/2) \Delta + \sigma_k \Delta W_k},
## @math{\sigma_k = \sigma(e^{X_k}, t_k)}, and the same paths with
## @var{M}/2 steps give @math{2 U_M - U_{M/2}}, which removes the
## @math{O(\Delta)} weak error.  @var{volfun} (@code{volfun (S, t)}) is
## tabulated at each step's start time on a fine grid in @math{\ln S} and
## interpolated linearly (@pxref{mc_lv_table}, @pxref{mc_lv_paths}).  Chunks of @math{2^{13}}
## points bound the memory.
## @end deftypefn

function U = qmcs_local_vol (payoff, S0, K, T, r, volfun, M, n, shift)
  if (nargin != 9)
    print_usage ();
  endif
  if (M < 2 || 2 ^ round (log2 (M)) != M)
    error ("qmcs_local_vol: the number of steps M must be a power of 2");
  endif
  h = mc_payoff (payoff, K);
  dt = T / M;
  t = (0:M-1) * dt;
  [tab, x0, hx] = mc_lv_table (volfun, S0, t);
  ds = min (M, 21);
  chunk = 2 ^ 13;
  total = 0;
  for first = 0:chunk:n-1
    c = min (chunk, n - first);
    Z = std_normal_inv (qmcs_sobol (first, c, ds, shift(1:ds)));
    if (M > ds)
      Z = [Z, randn(c, M - ds)];
    endif
    W = qmcs_bridge (Z, T);
    dW = diff ([zeros(c, 1), W], 1, 2);
    dW = [dW; -dW];
    [X, Xc] = mc_lv_paths (S0, r, dt, dW, tab, x0, hx);
    total += sum (2 * h (exp (X)) - h (exp (Xc))) / 2;
  endfor
  U = exp (-r * T) * total / n;
endfunction

%!test
%! ## constant volatility: Black-Scholes (the relative error over 8 shifts
%! ## is at most 1.2e-4 at this size; 5 times that, rounded up)
%! rand ("state", 1);  randn ("state", 1);
%! shift = uint32 (floor (rand (1, 16) * 2^32));
%! U = qmcs_local_vol ("call", 100, 105, 1, 0.03, @(S, t) 0.2 * ones (size (S)), 16, 2^12, shift);
%! assert (U, mc_bs ("call", 100, 105, 1, 0.03, 0.2), -7e-4);
%!error <power of 2> qmcs_local_vol ("call", 100, 100, 1, 0.03, @(S, t) 0.2, 12, 16, uint32 (1:12))
%!error qmcs_local_vol ("call", 100, 100, 1, 0.03, @(S, t) 0.2, 8, 16)
