## -*- texinfo -*-
## @deftypefn {} {@var{Z} =} mc_lsm_stopped_value (@var{payoff}, @var{Sx}, @var{jx}, @var{t}, @var{C}, @var{K}, @var{r}, @var{sigma})
## Discounted European price at each path's stopping time: a control
## variate of the American estimate (@pxref{mc_american_estimate}).
##
## Path @var{k} stops at date @code{t(jx(k)+1)} with spot @code{Sx(k)};
## @code{jx == numel (t) - 1} means it ran to maturity, where the European
## price is the payoff and @code{C(k)} (its discounted cash flow) is used.
## Because the discounted European price is a martingale, @var{Z} has mean
## equal to the European price at time 0 for any stopping rule.
## @end deftypefn

function Z = mc_lsm_stopped_value (payoff, Sx, jx, t, C, K, r, sigma)
  if (nargin != 8)
    print_usage ();
  endif
  Z = C;
  early = find (jx < numel (t) - 1);
  if (! isempty (early))
    te = t(jx(early) + 1);
    te = te(:);
    Z(early) = exp (-r * te) .* mc_bs (payoff, Sx(early), K,
                                              t(end) - te, r, sigma);
  endif
endfunction

%!test
%! t = [0 0.5 1];
%! Z = mc_lsm_stopped_value ("put", [90; 95; 120], [1; 2; 2], t, [5; 4; 0],
%!                            100, 0.03, 0.2);
%! assert (Z, [exp(-0.015) * mc_bs("put", 90, 100, 0.5, 0.03, 0.2); 4; 0],
%!         1e-14);
%!error mc_lsm_stopped_value ("put", 1, 1, [0 1], 1, 100, 0.03)
