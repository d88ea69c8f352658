## -*- texinfo -*-
## @deftypefn {} {@var{U} =} qmcs_dividend_american (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{D}, @var{alpha}, @var{n}, @var{shift})
## American call with one discrete proportional dividend by
## Longstaff-Schwartz on two-dimensional quasi-random points.
##
## With @math{r \ge 0} and one dividend at @math{t_d = \alpha T} (the price
## drops from @math{S} to @math{(1 - D) S}), early exercise can pay only
## just before the drop, so the American call is the Bermudan call with
## exercise dates @math{t_d^-} and @math{T}.  The first coordinate of
## @var{n} shifted Sobol points (@pxref{qmcs_sobol}; @var{shift} two
## @code{uint32} words) sets @math{W(t_d)}, the second the increment to
## @math{T}; both are sampled exactly, with antithetic partners.  The
## discounted payoffs at @math{T} of the in-the-money paths are regressed
## on a cubic in @math{S(t_d^-)/K} and on the Black-Scholes price of the
## remaining life at @math{(1 - D) S(t_d^-)} (@pxref{qmcs_lsm_fit}); a path
## is exercised where its payoff beats the fit (Longstaff and Schwartz
## 2001).  The discounted European price at each path's stopping time,
## whose mean is the European price today for any stopping rule, is a
## control variate with a fitted coefficient.  All spots share the points.
## @end deftypefn

function U = qmcs_dividend_american (S, K, T, r, sigma, D, alpha, n, shift)
  if (nargin != 9)
    print_usage ();
  endif
  td = alpha * T;
  tau = T - td;
  mu = r - sigma ^ 2 / 2;
  Z = std_normal_inv (qmcs_sobol (0, n, 2, shift(1:2)));
  Wd = sqrt (td) * [Z(:,1); -Z(:,1)];
  dW = sqrt (tau) * [Z(:,2); -Z(:,2)];
  clear Z;
  U = zeros (1, numel (S));
  for i = 1:numel (S)
    Sd = S(i) * exp (mu * td + sigma * Wd);
    C = exp (-r * T) * max ((1 - D) * Sd .* exp (mu * tau + sigma * dW) - K, 0);
    ex = exp (-r * td) * max (Sd - K, 0);
    eu = exp (-r * td) * mc_bs ("call", (1 - D) * Sd, K, tau, r, sigma);
    Y = C;
    Zc = C;
    itm = find (ex > 0);
    if (numel (itm) >= 10)
      F = qmcs_lsm_fit (Sd(itm) / K, eu(itm), C(itm));
      stop = itm(ex(itm) > F);
      Y(stop) = ex(stop);
      Zc(stop) = eu(stop);
    endif
    y = (Y(1:n) + Y(n+1:end)) / 2;
    z = (Zc(1:n) + Zc(n+1:end)) / 2;
    zc = z - mean (z);
    est = mean (y);
    if (any (zc))
      beta = (zc.' * (y - est)) / (zc.' * zc);
      est -= beta * (mean (z) - mc_bs ("call", (1 - D) * S(i), K, T, r, sigma));
    endif
    U(i) = max (S(i) - K, est);
  endfor
endfunction

%!test
%! ## no dividend: never worth exercising, the European call is the value
%! rand ("state", 1);
%! U = qmcs_dividend_american ([90 110], 100, 1, 0.05, 0.2, 0, 0.5, 2^14,
%!                             uint32 (floor (rand (1, 2) * 2^32)));
%! assert (U, mc_bs ("call", [90 110], 100, 1, 0.05, 0.2), -2e-3);
%!error qmcs_dividend_american (100, 100, 1, 0.05, 0.2, 0.03, 0.5, 2^10)
