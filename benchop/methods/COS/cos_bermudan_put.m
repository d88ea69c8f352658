## -*- texinfo -*-
## @deftypefn {} {@var{U} =} cos_bermudan_put (@var{x}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{Ms}, @var{a}, @var{b}, @var{ker})
## Bermudan puts under Black-Scholes by the COS method (Fang and Oosterlee
## 2009), for several numbers of exercise dates at once.
##
## A put with @var{M} exercise periods may be exercised at the dates
## @math{t_m = m T / M}, @math{m = 1, \dots, M}.  @var{Ms} is a vector of
## such @var{M}; row i of @var{U} holds the prices for @code{Ms(i)} at the
## points @var{x}, a row of @math{\log (S / K)}.  The recursion runs in the
## detrended log price @math{z = \log (S_t / K) - (r - \sigma^2/2) t},
## a driftless Brownian motion, so the truncation interval [@var{a},
## @var{b}] need only cover the spread of the points, however large the
## drift; @var{ker} holds the FFT kernels of @code{cos_cont_kernels} for
## N cosine terms.
##
## Backward in time, the coefficients of the value at each date are
## @math{V_k (t_m) = G_k (a, z^*_m) + C_k (z^*_m, b)}: the payoff's over
## the exercise region plus the continuation value's over the holding
## region.  The early-exercise point @math{z^*_m}, where the continuation
## value meets the payoff @math{K (1 - e^{z + \mu t_m})}, is found at each
## date by Newton's method on the cosine series, started by extrapolating
## the points of the two previous dates and safeguarded by bisection.  The
## recursions for the different @var{M} run side by side as the columns of
## one matrix, so that they share the interpreter's work; a column is
## priced and dropped once its dates are done.
## @end deftypefn

function U = cos_bermudan_put (x, K, T, r, sigma, Ms, a, b, ker)
  if (nargin != 9)
    print_usage ();
  endif
  N = rows (ker) / 2;
  k = (0:N-1).';
  w = pi / (b - a);
  u = k * w;
  ui = 1i * u;
  mu = r - sigma^2 / 2;
  [Ms, order] = sort (Ms(:).', "descend");
  n = numel (Ms);
  dt = T ./ Ms;
  ## Discounted characteristic function of one step of each recursion
  ## (columns), first term halved.
  phi = exp (-r * dt - u .^ 2 * (sigma^2 * dt) / 2);
  phi(1,:) /= 2;
  fac = 2 / (b - a) * K;
  ea = exp (a);
  ## Newton stops when its step is below tol: the coefficients depend on
  ## the exercise point only to second order (c = g there), so an error of
  ## 1e-6 in z costs about K 1e-12.
  tol = 1e-6;
  E2 = 1 - 2 * mod (k, 2);              # exp(i pi k): the interval's top
  U = zeros (n, numel (x));

  ## Coefficients of the payoff K (1 - e^{z + mu T}) on z < -mu T.
  d = min (-mu * T, b);
  if (d > a)
    [chi, psi] = cos_chi_psi (k, a, b, a, d);
    V = repmat (fac * (psi - exp (mu * T) * chi), 1, n);
  else
    V = zeros (N, n);
  endif
  xs = max (d, a) * ones (1, n);
  xprev = xs;
  step = 0;
  for p = n:-1:1                        # columns 1:p are still running
    for m = step+1:Ms(p)-1
      tm = T - m * dt(1:p);             # the date of this step, per column
      em = K * exp (mu * tm);
      z = phi .* V;
      uz = ui .* z;
      ## Exercise points: roots of f(z) = c(z) - (K - em e^z), f < 0 below,
      ## in [a, the payoff's kink]; none if the kink is below a.
      lo = a * ones (1, p);
      hi = max (min (-mu * tm, b), a);
      x0 = 2 * xs - xprev;
      xprev = xs;
      xs = min (max (x0, lo), hi);
      for it = 1:100
        e = exp (ui .* (xs - a));
        ex = exp (xs);
        fx = real (sum (z .* e, 1)) - K + em .* ex;
        up = fx > 0;
        hi(up) = xs(up);
        lo(! up) = xs(! up);
        xn = xs - fx ./ (real (sum (uz .* e, 1)) + em .* ex);
        out = ! (xn > lo & xn < hi);
        xn(out) = (lo(out) + hi(out)) / 2;   # Newton left the bracket
        if (all (abs (xn - xs) < tol))
          break;                        # keep xs, whose e is at hand
        endif
        xs = xn;
      endfor
      ## Payoff coefficients over [a, xs] from e = exp(i u (xs - a)):
      ## chi and psi of cos_chi_psi with c = a, d = xs.
      chi = (real (e) .* ex - ea + u .* imag (e) .* ex) ./ (1 + u .^ 2);
      psi = [xs - a; imag(e(2:end,:)) ./ u(2:end)];
      V = fac * psi - (2 / (b - a)) * em .* chi ...
          + cos_cont_coeffs (z, (xs - a) * w, pi, ker, e, E2);
    endfor
    step = max (step, Ms(p) - 1);
    ## Column p is at t = 0, not an exercise date: the continuation value.
    U(order(p),:) = real ((phi(:,p) .* V(:,p)).' * exp (ui * (x - a)));
    V = V(:,1:p-1);
    phi = phi(:,1:p-1);
    xs = xs(1:p-1);
    xprev = xprev(1:p-1);
  endfor
endfunction

%!shared x, K, T, r, s, a, b, ker
%! S = [90 100 110]; K = 100; T = 1; r = 0.03; s = 0.15;
%! x = log (S / K); a = min (x) - 1.5; b = max (x) + 1.5;
%! ker = cos_cont_kernels (256);
%!test
%! ## A single exercise date, at maturity: the European put.
%! d1 = (x + (r + s^2 / 2) * T) / (s * sqrt (T));
%! P = K * exp (-r * T) * std_normal_cdf (s * sqrt (T) - d1) ...
%!     - K * exp (x) .* std_normal_cdf (-d1);
%! assert (cos_bermudan_put (x, K, T, r, s, 1, a, b, ker), P, -1e-10);
%!test
%! ## More exercise dates are worth more; the rows follow the order of Ms.
%! U = cos_bermudan_put (x, K, T, r, s, [16 4 8], a, b, ker);
%! assert (all (U(1,:) > U(3,:)) && all (U(3,:) > U(2,:)));
%! U2 = cos_bermudan_put (x, K, T, r, s, 8, a, b, ker);
%! assert (U(3,:), U2, 1e-12);
%!error cos_bermudan_put (1, 2, 3)
