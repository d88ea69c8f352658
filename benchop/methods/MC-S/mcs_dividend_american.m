## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{se}] =} mcs_dividend_american (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D}, @var{alpha}, @var{m})
## American call with one discrete proportional dividend by Monte Carlo
## over the one date where exercise can pay, just before the dividend.
##
## At @math{t_d = \alpha T} the price drops from @math{S} to
## @math{(1 - D) S}.  With @math{r \ge 0} and no other dividend, exercising
## a call early pays only just before the drop (Merton's argument: at other
## times the call is worth at least @math{S - K e^{-r\tau} \ge S - K}), so
## the American call is the Bermudan call with exercise dates @math{t_d^-}
## and @math{T}.  Holding on at @math{t_d} is worth the Black-Scholes call
## over the remaining life at @math{(1 - D) S(t_d^-)}: the continuation value
## that Longstaff-Schwartz regression would estimate is known here, so the
## exercise rule is exact and each path carries its conditional value
## (conditional Monte Carlo; no terminal draw).  The value is the European
## price of the option (2-eu, closed form) plus the early-exercise premium,
## the mean of @math{e^{-r t_d} \max(S(t_d^-) - K - C, 0)}: the European
## part is a control variate with coefficient one.
##
## @math{W(t_d)} is stratified into @math{2}@var{m} equiprobable strata with
## antithetic pairs (@pxref{mcs_strata_normals}); far below the strike the
## draws are shifted towards it, with likelihood-ratio weights
## (@pxref{mc_dividend_premium}).  All spots share the draws.  @var{se} is the
## standard error of the pair means without the stratification.
## @end deftypefn

function [U, se] = mcs_dividend_american (S, K, T, r, sigma, D, alpha, m)
  if (nargin != 8)
    print_usage ();
  endif
  td = alpha * T;
  Z = mcs_strata_normals (1, m, m);
  Z = [Z; -Z];
  U = zeros (1, numel (S));
  se = U;
  for i = 1:numel (S)
    premium = mc_dividend_premium (S(i), K, td, T - td, r, sigma, D, Z);
    y = (premium(1:m) + premium(m+1:end)) / 2;
    U(i) = max (S(i) - K, mc_bs ("call", (1 - D) * S(i), K, T, r, sigma) + mean (y));
    se(i) = std (y) / sqrt (m);
  endfor
endfunction

## Against the one-date Bermudan value by a fine trapezoid rule over
## W(t_d) (exact for this option, see above), away from the defaults.
%!test
%! rand ("state", 1);  randn ("state", 1);
%! S = [85 100 120];  K = 105;  T = 1.5;  r = 0.06;  s = 0.3;  D = 0.05;  a = 0.6;
%! U = mcs_dividend_american (S, K, T, r, s, D, a, 2^16);
%! td = a * T;  w = linspace (-10, 10, 200001).';
%! V = zeros (size (S));
%! for i = 1:3
%!   Sd = S(i) * exp ((r - s^2/2) * td + s * sqrt (td) * w);
%!   g = exp (-w.^2/2) / sqrt (2*pi) .* max (Sd - K, mc_bs ("call", (1 - D) * Sd, K, T - td, r, s));
%!   V(i) = exp (-r * td) * trapz (w, g);
%! endfor
%! assert (U, V, -1e-5);
%! assert (all (U >= mc_bs ("call", (1 - D) * S, K, T, r, s) - 1e-3 * V));
%!test
%! ## no dividend: exercise is never worth it, the European call is the value
%! rand ("state", 1);  randn ("state", 1);
%! [U, se] = mcs_dividend_american ([90 110], 100, 1, 0.05, 0.2, 0, 0.5, 2^14);
%! V = mc_bs ("call", [90 110], 100, 1, 0.05, 0.2);
%! assert (U, V, -1e-12);
%!test
%! ## Far out of the money, 2-am at three months and 10 % volatility:
%! ## S = 85 lies 3.3 deviations of ln S(t_d) below the strike, where the
%! ## early-exercise premium is 1.5 times the European price.
%! rand ("state", 1);  randn ("state", 1);
%! p = benchop_problem ("2-am", "T", 0.25, "sigma", 0.1, "S", [85 90 95]);
%! U = mcs_dividend_american (p.S, 100, 0.25, p.r, 0.1, p.D, p.alpha, 2^12);
%! assert (U, benchop_reference (p), -1e-4);
%!error mcs_dividend_american (100, 100, 1, 0.05, 0.2, 0.03, 0.5)
