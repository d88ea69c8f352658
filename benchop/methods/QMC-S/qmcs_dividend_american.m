## -*- texinfo -*-
## @deftypefn {} {@var{U} =} qmcs_dividend_american (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D}, @var{alpha}, @var{n}, @var{shift})
## American call with one discrete proportional dividend by quasi-Monte
## Carlo over the one date where exercise can pay, just before the dividend.
##
## With @math{r \ge 0} and one dividend at @math{t_d = \alpha T} (the price
## drops from @math{S} to @math{(1 - D) S}), early exercise can pay only
## just before the drop, so the American call is the Bermudan call with
## exercise dates @math{t_d^-} and @math{T}; holding on at @math{t_d} is
## worth a Black-Scholes call, so the exercise rule is exact and the value
## is the European price plus the early-exercise premium
## (@pxref{mc_dividend_premium}).  @var{n} shifted Sobol points in one
## dimension (@pxref{qmcs_sobol}; @var{shift} one @code{uint32} word) set
## @math{W(t_d)}, with antithetic partners; far below the strike the draws
## are shifted towards it, with likelihood-ratio weights.  All spots share
## the points.
## @end deftypefn

function U = qmcs_dividend_american (S, K, T, r, sigma, D, alpha, n, shift)
  if (nargin != 9)
    print_usage ();
  endif
  td = alpha * T;
  Z = std_normal_inv (qmcs_sobol (0, n, 1, shift(1)));
  Z = [Z; -Z];
  U = zeros (1, numel (S));
  for i = 1:numel (S)
    premium = mc_dividend_premium (S(i), K, td, T - td, r, sigma, D, Z);
    U(i) = max (S(i) - K, mc_bs ("call", (1 - D) * S(i), K, T, r, sigma) + mean (premium));
  endfor
endfunction

%!test
%! ## no dividend: never worth exercising, the European call is the value
%! rand ("state", 1);
%! U = qmcs_dividend_american ([90 110], 100, 1, 0.05, 0.2, 0, 0.5, 2^14,
%!                             uint32 (floor (rand (1, 2) * 2^32)));
%! assert (U, mc_bs ("call", [90 110], 100, 1, 0.05, 0.2), -1e-12);
%!test
%! ## 2-am at three months and 10 % volatility: S = 85 lies 3.3 deviations
%! ## of ln S(t_d) below the strike.
%! rand ("state", 1);
%! p = benchop_problem ("2-am", "T", 0.25, "sigma", 0.1, "S", [85 90 95 105]);
%! U = qmcs_dividend_american (p.S, 100, 0.25, p.r, 0.1, p.D, p.alpha, 2^10,
%!                             uint32 (floor (rand (1, 2) * 2^32)));
%! assert (U, benchop_reference (p), -1e-4);
%!error qmcs_dividend_american (100, 100, 1, 0.05, 0.2, 0.03, 0.5, 2^10)
