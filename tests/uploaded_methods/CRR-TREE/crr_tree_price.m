## -*- texinfo -*-
## @deftypefn {} {@var{U} =} crr_tree_price (@var{p}, @var{N})
## The price at the points @var{p}.S on a binomial tree of @var{N} steps,
## the last step priced by the Black-Scholes formula (see crr_tree_solve).
## @end deftypefn

function U = crr_tree_price (p, N)
  dt = p.T / N;
  u = exp (p.sigma * sqrt (dt));
  q = (exp (p.r * dt) - 1 / u) / (u - 1 / u);
  disc = exp (-p.r * dt);
  S = reshape (p.S, 1, []);
  put = strcmp (p.payoff, "put");
  american = strcmp (p.exercise, "american");
  ## Nodes after N - 1 steps: one row per node, one column per point.
  Sn = S .* u .^ ((0:N-1)' * 2 - (N - 1));
  V = crr_tree_bs (Sn, p.K, dt, p.r, p.sigma, put);
  for n = N-1:-1:1
    V = disc * (q * V(2:end, :) + (1 - q) * V(1:end-1, :));
    if (american)
      Sn = S .* u .^ ((0:n-1)' * 2 - (n - 1));
      V = max (V, max (p.K - Sn, 0));
    endif
  endfor
  U = V;
  if (american)
    U = max (U, max (p.K - S, 0));
  endif
endfunction

%!assert (crr_tree_price (struct ("S", 100, "K", 100, "T", 1, "r", 0.03, "sigma", 0.15,
%!                               "payoff", "call", "exercise", "european"), 2048),
%!        7.485087593912603, -1e-4)
