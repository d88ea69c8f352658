## -*- texinfo -*-
## @deftypefn {} {@var{U} =} cos_barrier_call (@var{x}, @var{K}, @var{h}, @var{T}, @var{r}, @var{sigma}, @var{Ms}, @var{a}, @var{b}, @var{ker})
## Discretely monitored up-and-out calls without rebate under Black-Scholes
## by the COS method (Fang and Oosterlee 2009), for several numbers of
## monitoring dates at once.
##
## With @var{M} monitoring dates the barrier is checked at
## @math{t_m = m T / M}, @math{m = 1, \dots, M}.  @var{Ms} is a vector of
## such @var{M} and @var{h} the matching vector of barriers
## @math{\log (B / K)}; row i of @var{U} holds the prices for
## @code{Ms(i)} at the points @var{x}, a row of @math{\log (S / K)}.  The
## recursion runs in the detrended log price
## @math{z = \log (S_t / K) - (r - \sigma^2/2) t}, a driftless Brownian
## motion in which the barrier moves, @math{h - (r - \sigma^2/2) t_m};
## [@var{a}, @var{b}] is the truncation interval in @math{z} and @var{ker}
## the FFT kernels of @code{cos_cont_kernels} for N cosine terms.  Where
## the barrier lies above @var{b} the value is cut there, which only
## matters farther from the points than the interval's margin.
##
## The value is zero above the barrier at each monitoring date, so its
## coefficients are those of the continuation value below it:
## @math{V_k (t_m) = C_k (a, h_m)}, a Hankel plus Toeplitz product
## (@code{cos_cont_coeffs}).  The recursions for the different @var{M} run
## side by side as the columns of one matrix; a column is priced and
## dropped once its dates are done.
## @end deftypefn

function U = cos_barrier_call (x, K, h, T, r, sigma, Ms, a, b, ker)
  if (nargin != 10)
    print_usage ();
  endif
  N = rows (ker) / 2;
  k = (0:N-1).';
  w = pi / (b - a);
  u = k * w;
  mu = r - sigma^2 / 2;
  [Ms, order] = sort (Ms(:).', "descend");
  h = h(:).'(order);
  n = numel (Ms);
  dt = T ./ Ms;
  phi = exp (-r * dt - u .^ 2 * (sigma^2 * dt) / 2);
  phi(1,:) /= 2;
  U = zeros (n, numel (x));

  ## Payoff K (e^{z + mu T} - 1) between the strike and the barrier.
  c = max (-mu * T, a);
  d = min (h - mu * T, b);
  [chi, psi] = cos_chi_psi (k, a, b, c, d);
  V = 2 / (b - a) * K * (exp (mu * T) * chi - psi);
  V(:, c >= d) = 0;
  E1 = ones (N, n);                     # the bottom of the interval
  step = 0;
  for p = n:-1:1                        # columns 1:p are still running
    for m = step+1:Ms(p)-1
      ## The barrier at this step's date, per column, in theta.
      th = max (min (h(1:p) - mu * (T - m * dt(1:p)), b) - a, 0) * w;
      V = cos_cont_coeffs (phi .* V, 0, th, ker, E1, exp (1i * k * th));
    endfor
    step = max (step, Ms(p) - 1);
    ## Column p is at t = 0, an unmonitored date.
    U(order(p),:) = real ((phi(:,p) .* V(:,p)).' * exp (1i * u * (x - a)));
    V = V(:,1:p-1);
    phi = phi(:,1:p-1);
    E1 = E1(:,1:p-1);
  endfor
endfunction

%!shared x, K, B, T, r, s, a, b, ker
%! S = [90 100 110]; K = 100; B = 125; T = 1; r = 0.03; s = 0.15;
%! x = log (S / K); a = min (x) - 1.5; b = log (B / K) + 1.5;
%! ker = cos_cont_kernels (256);
%!test
%! ## Monitored at maturity only: (S_T - K) on K < S_T < B.
%! d = @(k) (x + log (K / k) + (r + s^2 / 2) * T) / (s * sqrt (T));
%! C = @(k) K * exp (x) .* std_normal_cdf (d (k)) ...
%!          - k * exp (-r * T) * std_normal_cdf (d (k) - s * sqrt (T));
%! V = C (K) - C (B) - (B - K) * exp (-r * T) * std_normal_cdf (d (B) - s * sqrt (T));
%! assert (cos_barrier_call (x, K, log (B / K), T, r, s, 1, a, b, ker), V, -1e-10);
%!test
%! ## More monitoring dates knock out more paths; the rows follow Ms.
%! h = log (B / K);
%! U = cos_barrier_call (x, K, [h h h], T, r, s, [16 4 8], a, b, ker);
%! assert (all (U(1,:) < U(3,:)) && all (U(3,:) < U(2,:)));
%! assert (U(3,:), cos_barrier_call (x, K, h, T, r, s, 8, a, b, ker), 1e-12);
%!error cos_barrier_call (1, 2, 3)
