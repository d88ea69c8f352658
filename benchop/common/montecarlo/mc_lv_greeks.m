## -*- texinfo -*-
## @deftypefn {} {[@var{dtab}, @var{gtab}] =} mc_lv_greeks (@var{payoff}, @var{K}, @var{r}, @var{dt}, @var{tab}, @var{x0}, @var{hx})
## Approximate delta and gamma of a European option under a local
## volatility model, tabulated for the hedge control variates of
## @code{mc_lv_paths}.
##
## The price @math{V(x, t)}, @math{x = \ln S}, solves
## @math{V_t + (r - \sigma^2/2) V_x + \sigma^2 V_{xx}/2 - r V = 0}; it is
## approximated by implicit Euler steps of length @var{dt} backward from
## the payoff @math{h(e^x)} (@var{payoff} @qcode{"call"} or @qcode{"put"},
## strike @var{K}) on the grid of the volatility table @var{tab}, @var{x0},
## @var{hx} of @code{mc_lv_table} (column @math{k} at time
## @math{t_k = (k - 1)} @var{dt}), with central differences and the
## discounted forward intrinsic value at the grid's ends.  Column @math{k}
## of @var{dtab} is @math{e^{-r t_k} V_x} and of @var{gtab}
## @math{e^{-r t_k} (V_{xx} - V_x)/2} at @math{t_k}, the coefficients of
## the delta and gamma terms of the discounted price along a path (Ito's
## formula).  The approximation need not be accurate: the hedge sums have
## mean zero for any coefficients (Newton 1994; Milstein and Tretyakov),
## the closer ones only remove more variance.
## @end deftypefn

function [dtab, gtab] = mc_lv_greeks (payoff, K, r, dt, tab, x0, hx)
  if (nargin != 7)
    print_usage ();
  endif
  h = mc_payoff (payoff, K);
  [n, M] = size (tab);
  x = x0 + (0:n-1).' * hx;
  S = exp (x);
  V = h (S);
  dtab = zeros (n, M);
  gtab = zeros (n, M);
  I = (2:n-1).';
  for k = M:-1:1
    tau = (M - k + 1) * dt;
    s2 = tab(I,k) .^ 2;
    a = (r - s2 / 2) / (2 * hx);      # first derivative weight
    b = s2 / (2 * hx ^ 2);            # second derivative weight
    lo = -dt * (b - a);
    di = 1 + dt * (2 * b + r);
    up = -dt * (b + a);
    A = spdiags ([[lo; 0; 0], [1; di; 1], [0; 0; up]], [-1 0 1], n, n);
    rhs = V;
    ## ends: the discounted payoff of the forward
    rhs([1 n]) = exp (-r * tau) * h (S([1 n]) * exp (r * tau));
    V = A \ rhs;
    Vx = ([V(2:end); 2 * V(end) - V(end-1)] - [2 * V(1) - V(2); V(1:end-1)]) / (2 * hx);
    Vxx = zeros (n, 1);
    Vxx(I) = (V(I+1) - 2 * V(I) + V(I-1)) / hx ^ 2;
    disc = exp (-r * (k - 1) * dt);
    dtab(:,k) = disc * Vx;
    gtab(:,k) = disc * (Vxx - Vx) / 2;
  endfor
endfunction

%!test
%! ## constant volatility: close to the Black-Scholes delta and gamma (the
%! ## implicit steps are first order in time)
%! s = 0.2;  r = 0.03;  dt = 1 / 64;  K = 100;
%! [tab, x0, hx] = mc_lv_table (@(S, t) s * ones (size (S)), 100, (0:63) * dt);
%! [D, G] = mc_lv_greeks ("call", K, r, dt, tab, x0, hx);
%! x = x0 + (0:2400).' * hx;  j = round ((log ([90 100 110]) - x0) / hx).' + 1;
%! d1 = (x(j) - log (K) + (r + s^2/2)) / s;
%! assert (D(j,1), exp (x(j)) .* std_normal_cdf (d1), -5e-3);
%! assert (G(j,1), exp (x(j)) .* exp (-d1 .^ 2 / 2) / sqrt (2*pi) / s / 2, -1e-2);
%! [Dp, Gp] = mc_lv_greeks ("put", K, r, dt, tab, x0, hx);
%! ## put-call parity: the deltas differ by S, the gammas agree
%! assert (D(j,1) - Dp(j,1), exp (x(j)), -1e-5);
%! assert (Gp(j,1), G(j,1), -1e-5);
%!error mc_lv_greeks ("call", 100, 0, 0.1, ones (5, 2), 0)
