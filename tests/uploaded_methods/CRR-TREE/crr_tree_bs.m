## -*- texinfo -*-
## @deftypefn {} {@var{V} =} crr_tree_bs (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{put})
## The Black-Scholes price of a European call (or a put when @var{put}) at
## spot prices @var{S} with maturity @var{T}.
## @end deftypefn

function V = crr_tree_bs (S, K, T, r, sigma, put)
  d1 = (log (S / K) + (r + sigma ^ 2 / 2) * T) / (sigma * sqrt (T));
  d2 = d1 - sigma * sqrt (T);
  N = @(x) erfc (-x / sqrt (2)) / 2;
  if (put)
    V = K * exp (-r * T) * N (-d2) - S .* N (-d1);
  else
    V = S .* N (d1) - K * exp (-r * T) * N (d2);
  endif
endfunction

%!assert (crr_tree_bs (100, 100, 1, 0.03, 0.15, false), 7.485087593912603, 1e-12)
%!assert (crr_tree_bs (100, 100, 1, 0.03, 0.15, true), 7.485087593912603 - 100 + 100 * exp (-0.03), 1e-12)
