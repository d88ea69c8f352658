## -*- texinfo -*-
## @deftypefn {} {@var{y} =} mc_paths_heston (@var{S}, @var{K}, @var{put}, @var{t}, @var{r}, @var{V0}, @var{kappa}, @var{theta}, @var{sigma_v}, @var{rho}, @var{b})
## One block of @var{b} plain Monte Carlo paths under Heston's model: the
## discounted payoff of a call (a put if @var{put}) at every spot in the
## row @var{S}, a @var{b}-by-@code{numel (@var{S})} matrix.
##
## The Euler scheme with full truncation of Lord, Koekkoek and van Dijk
## (2010) over the dates @var{t} (a row from 0 to @math{T}), the log price
## stepped log-Euler: with @math{V^+ = \max(V_k, 0)},
## @math{X_{k+1} = X_k + (r - V^+/2)\Delta_k + \sqrt{V^+ \Delta_k}\, Z_1},
## @math{V_{k+1} = V_k + \kappa(\theta - V^+)\Delta_k
## + \sigma_v \sqrt{V^+ \Delta_k}\, (\rho Z_1 + \sqrt{1 - \rho^2} Z_2)},
## @math{Z_1, Z_2} independent normals from @code{randn}.  The scheme has a
## weak error of order one in the step.  All spots share the draws.  The
## arguments are not checked (@pxref{mc_check}).
## @end deftypefn

function y = mc_paths_heston (S, K, put, t, r, V0, kappa, theta, sigma_v, rho, b)
  if (nargin != 11)
    print_usage ();
  endif
  X = zeros (b, 1);
  V = V0 * ones (b, 1);
  c = sqrt (1 - rho ^ 2);
  for k = 1:numel (t) - 1
    dt = t(k+1) - t(k);
    Z = randn (b, 2);
    Vp = max (V, 0);
    sv = sqrt (Vp * dt);
    X += (r - Vp / 2) * dt + sv .* Z(:,1);
    V += kappa * dt * (theta - Vp) + sigma_v * sv .* (rho * Z(:,1) + c * Z(:,2));
  endfor
  y = mc_discounted_payoff (exp (X) .* S, K, r, t(end), put);
endfunction

## Against the characteristic-function price (heston_call; put-call parity
## for the put).  At 64 steps the bias of the scheme is below 2e-3 relative
## here, far below the tolerance: five standard errors plus 1 %.
%!test
%! randn ("state", 9);
%! S = [90 100 110];  K = 100;  T = 1;  r = 0.03;  n = 2 ^ 15;
%! C = heston_call (S, K, T, r, 0.0225, 2, 0.0225, 0.25, -0.5);
%! for put = [false true]
%!   V = C - put * (S - K * exp (-r * T));
%!   y = mc_paths_heston (S, K, put, linspace (0, T, 65), r, 0.0225, 2, 0.0225, 0.25, -0.5, n);
%!   assert (size (y), [n 3]);
%!   assert (all (abs (mean (y) - V) <= 5 * std (y) / sqrt (n) + 1e-2 * V));
%! endfor
%!test
%! ## full truncation: the price stays finite where the variance goes
%! ## negative (Feller's condition fails badly)
%! randn ("state", 10);
%! y = mc_paths_heston ([90 110], 100, false, linspace (0, 1, 9), 0.03, 0.04, 0.5, 0.04, 1.5, -0.9, 1e4);
%! assert (all (isfinite (y(:)) & y(:) >= 0));
%! ## zero vol of variance and V0 = theta: Black-Scholes, exact but for
%! ## sampling
%! randn ("state", 11);
%! y = mc_paths_heston ([95 105], 100, false, [0 0.5 1], 0.03, 0.04, 1, 0.04, 1e-12, 0, 2 ^ 18);
%! V = bs_european ("call", "price", [95 105], 100, 1, 0.03, 0.2);
%! assert (all (abs (mean (y) - V) <= 4.5 * std (y) / sqrt (2 ^ 18)));
%!error mc_paths_heston (100, 100, false, [0 1], 0.03, 0.04, 1, 0.04, 0.3)
