## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{se}] =} mcs_exchange (@var{S}, @var{T}, @var{r}, @var{sigma1}, @var{sigma2}, @var{rho}, @var{m})
## Exchange option @math{\max(S_1 - S_2, 0)} on two correlated GBMs by
## conditional Monte Carlo with a stratified, antithetic driver.
##
## @var{S} is an n-by-2 matrix of spot pairs.  Both terminal values are
## sampled exactly from two correlated normals; writing the first normal as
## @math{\rho Z_2 + \sqrt{1 - \rho^2} Z_\perp}, the payoff is integrated over
## @math{Z_\perp} in closed form given @math{Z_2} (conditional Monte Carlo,
## Glasserman sec. 4.5): given @math{Z_2}, @math{S_1(T)} is lognormal with
## log-variance @math{\sigma_1^2 (1 - \rho^2) T}, so the conditional
## expectation is a call on it struck at @math{S_2(T)}
## (@pxref{mc_black}).  @math{Z_2} is stratified into @math{2}@var{m}
## equiprobable strata with antithetic pairs (@pxref{mcs_strata_normals}),
## which leaves only the error of a one-dimensional stratified rule on a
## smooth integrand.  Chunks of @math{2^{16}} strata bound the memory.
## @var{se} is the standard error without stratification (an upper bound).
## @end deftypefn

function [U, se] = mcs_exchange (S, T, r, sigma1, sigma2, rho, m)
  if (nargin != 7)
    print_usage ();
  endif
  chunk = 2 ^ 16;
  n = rows (S);
  total = zeros (1, n);
  sq = total;
  shift = total;
  v = sigma1 ^ 2 * (1 - rho ^ 2) * T;
  for first = 1:chunk:m
    count = min (chunk, m - first + 1);
    z = mcs_strata_normals (first, count, m);
    z = sqrt (T) * [z, -z];
    for i = 1:n
      S2T = S(i,2) * exp ((r - sigma2 ^ 2 / 2) * T + sigma2 * z);
      ## conditional mean of S1(T) given Z2
      F1 = S(i,1) * exp ((r - sigma1 ^ 2 / 2) * T + sigma1 * rho * z + v / 2);
      y = exp (-r * T) * mc_black ("call", F1, S2T, v);
      y = (y(:,1) + y(:,2)) / 2;
      if (first == 1)
        shift(i) = y(1);
      endif
      total(i) += sum (y - shift(i));
      sq(i) += sumsq (y - shift(i));
    endfor
  endfor
  U = shift + total / m;
  se = sqrt (max (sq - total .^ 2 / m, 0) / max (m - 1, 1) / m);
endfunction

## Against Margrabe's formula; the relative error at 2^12 strata is at
## most 1.6e-4 over 20 seeds (the tail strata dominate), so 5e-4.
%!test
%! rand ("state", 1);
%! S = [100 90; 100 110; 90 100; 110 100];
%! for c = {[1 0.03 0.15 0.15 0.5], [2 0.08 0.4 0.1 -0.35], [0.25 0 0.1 0.4 0.65]}
%!   [T, r, s1, s2, rho] = num2cell (c{1}){:};
%!   [U, se] = mcs_exchange (S, T, r, s1, s2, rho, 2^12);
%!   assert (U, margrabe_exchange (S, T, s1, s2, rho).', -5e-4);
%! endfor
%!error mcs_exchange ([100 90], 1, 0.03, 0.15, 0.15, 0.5)
