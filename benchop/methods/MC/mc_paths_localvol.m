## -*- texinfo -*-
## @deftypefn {} {@var{y} =} mc_paths_localvol (@var{S}, @var{K}, @var{put}, @var{t}, @var{r}, @var{volfun}, @var{b})
## One block of @var{b} plain Monte Carlo paths under a local volatility
## model @math{dS = r S dt + \sigma(S, t) S dW}: the discounted payoff of a
## call (a put if @var{put}) at every spot in the row @var{S}, a
## @var{b}-by-@code{numel (@var{S})} matrix.
##
## The log price is stepped over the dates @var{t} (a row from 0 to
## @math{T}) by the log-Euler scheme with the volatility frozen at the
## start of each step,
## @math{X_{k+1} = X_k + (r - \sigma_k^2/2)\Delta_k + \sigma_k \sqrt{\Delta_k} Z_k},
## @math{\sigma_k = }@code{@var{volfun} (exp (X_k), t_k)}, elementwise on
## a matrix of prices, with normals @math{Z_k} from @code{randn} (Glasserman
## sec. 6.1); the weak error is of order one in the step.  All spots share
## the normals.  The arguments are not checked (@pxref{mc_check}).
## @end deftypefn

function y = mc_paths_localvol (S, K, put, t, r, volfun, b)
  if (nargin != 7)
    print_usage ();
  endif
  X = zeros (b, 1) + log (S);
  for k = 1:numel (t) - 1
    dt = t(k+1) - t(k);
    dW = sqrt (dt) * randn (b, 1);
    s = volfun (exp (X), t(k));
    X += (r * dt - dt / 2 * s .^ 2) + s .* dW;
  endfor
  y = mc_discounted_payoff (exp (X), K, r, t(end), put);
endfunction

## A constant volatility: Black-Scholes (the scheme is exact), within 4.5
## standard errors.
%!test
%! randn ("state", 12);
%! S = [90 110];  n = 2 ^ 18;
%! for put = [false true]
%!   y = mc_paths_localvol (S, 100, put, linspace (0, 1, 5), 0.03, @(x, t) 0.2 + 0 * x, n);
%!   V = bs_european ({"call", "put"}{put + 1}, "price", S, 100, 1, 0.03, 0.2);
%!   assert (size (y), [n 2]);
%!   assert (all (abs (mean (y) - V) <= 4.5 * std (y) / sqrt (n)));
%! endfor
%!test
%! ## 3-I with 64 steps: the scheme's bias is below 5e-4 relative, within
%! ## five standard errors plus 2e-3
%! randn ("state", 13);
%! S = [90 100 110];  n = 2 ^ 15;
%! y = mc_paths_localvol (S, 100, false, linspace (0, 1, 65), 0.03, @local_vol_parametric, n);
%! V = [2.9551679, 7.6421703, 14.7842514];
%! assert (all (abs (mean (y) - V) <= 5 * std (y) / sqrt (n) + 2e-3 * V));
%!error mc_paths_localvol (100, 100, false, [0 1], 0.03, @local_vol_parametric)
