## -*- texinfo -*-
## @deftypefn {} {@var{y} =} mc_paths_exchange (@var{S}, @var{t}, @var{r}, @var{sigma1}, @var{sigma2}, @var{rho}, @var{b})
## One block of @var{b} plain Monte Carlo paths of two correlated
## geometric Brownian motions: the discounted exchange payoff
## @math{e^{-rT} \max(S_1(T) - S_2(T), 0)} for every spot pair (row) of the
## n-by-2 matrix @var{S}, a @var{b}-by-n matrix.
##
## Over each step of the dates @var{t} (a row from 0 to @math{T}) both log
## prices take a log-Euler step (exact for constant coefficients) driven by
## correlated normals @math{Z_1} and
## @math{\rho Z_1 + \sqrt{1 - \rho^2} Z_2}, @math{Z_1, Z_2} independent
## from @code{randn} (a Cholesky factor of the correlation; Glasserman
## sec. 2.3).  All pairs share the draws.  The arguments are not checked
## (@pxref{mc_check}).
## @end deftypefn

function y = mc_paths_exchange (S, t, r, sigma1, sigma2, rho, b)
  if (nargin != 7)
    print_usage ();
  endif
  ## Z A is the pair of correlated increments: A is the upper Cholesky
  ## factor of their covariance per unit time
  A = [sigma1, sigma2 * rho; 0, sigma2 * sqrt(1 - rho ^ 2)];
  mu = [r - sigma1 ^ 2 / 2, r - sigma2 ^ 2 / 2];
  X = zeros (b, 2);
  for k = 1:numel (t) - 1
    dt = t(k+1) - t(k);
    X += randn (b, 2) * (sqrt (dt) * A) + mu * dt;
  endfor
  ## S1 G1 - S2 G2 for every pair as one product (much faster than
  ## broadcasting a column against a row of pairs)
  y = max (exp (X) * (exp (-r * t(end)) * [S(:,1).'; -S(:,2).']), 0);
endfunction

## Against Margrabe's formula within 4.5 standard errors, one step and three.
%!test
%! randn ("state", 8);
%! S = [100 90; 100 110; 90 100];  n = 2 ^ 18;
%! V = margrabe_exchange (S, 0.5, 0.2, 0.25, 0.3).';
%! for t = {[0 0.5], [0 0.1 0.3 0.5]}
%!   y = mc_paths_exchange (S, t{1}, 0.04, 0.2, 0.25, 0.3, n);
%!   assert (size (y), [n 3]);
%!   assert (all (abs (mean (y) - V(:).') <= 4.5 * std (y) / sqrt (n)));
%! endfor
%!error mc_paths_exchange ([100 90], [0 1], 0.03, 0.15, 0.15, 0.5)
