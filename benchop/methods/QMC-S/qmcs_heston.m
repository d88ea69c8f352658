## -*- texinfo -*-
## @deftypefn {} {@var{U} =} qmcs_heston (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{V0}, @var{kappa}, @var{theta}, @var{sigma_v}, @var{rho}, @var{m}, @var{M}, @var{shift})
## European price under Heston's model on quasi-random variance paths:
## Andersen's QE scheme, his martingale-corrected log-price step integrated
## over its normal increments, control variates.
##
## The estimator is that of MC-S (Andersen 2008; conditional Monte Carlo
## given the variance path, as there): over @var{M} equal steps the
## variance takes the quadratic-exponential step driven by one uniform
## per step, and the log-price, given the variance path, is normal with
## mean and variance the sums of the martingale-corrected step terms, so
## the payoff is integrated in closed form (@pxref{qmcs_black}).  Here the
## uniforms of the first @math{\min(M, 21)} steps are the coordinates of
## @var{m} points of the shifted Sobol sequence (@pxref{qmcs_sobol};
## @var{shift} one @code{uint32} per dimension), those of later steps come
## from @code{rand}; the antithetic path uses @math{1 - u}.  The
## conditional expectation of the discounted stock (mean @var{S} exactly)
## and the summed conditional variance (known mean) are control variates
## with coefficients fitted over the pairs.  Chunks of @math{2^{15}} points.
## @end deftypefn

function U = qmcs_heston (payoff, S, K, T, r, V0, kappa, theta, sigma_v, rho, m, M, shift)
  if (nargin != 13)
    print_usage ();
  endif
  chunk = 2 ^ 15;
  dt = T / M;
  ek = exp (-kappa * dt);
  ## Andersen's constants of the log step, gamma1 = gamma2 = 1/2
  K0 = -rho * kappa * theta * dt / sigma_v;
  K1 = dt / 2 * (kappa * rho / sigma_v - 0.5) - rho / sigma_v;
  K2 = dt / 2 * (kappa * rho / sigma_v - 0.5) + rho / sigma_v;
  K3 = dt / 2 * (1 - rho ^ 2);
  K4 = K3;
  A = K2 + K4 / 2;
  n = numel (S);
  ## Exact mean of the summed variance w: the QE step matches the
  ## conditional mean of V, so E[V(t_k)] is that of the true process.
  EV = theta + (V0 - theta) * exp (-kappa * dt * (0:M));
  Ew = K3 * sum (EV(1:M)) + K4 * sum (EV(2:M+1));
  ## running cross products over the pairs of [y, x1, x2] (price, controls)
  G = zeros (3, 3, n);
  g = zeros (3, n);
  ds = min (M, 21);
  for first = 0:chunk:m-1
    c = min (chunk, m - first);
    Uq = qmcs_sobol (first, c, ds, shift(1:ds));
    V = V0 * ones (2 * c, 1);
    mu = zeros (2 * c, 1);    # sum of the deterministic parts of the log steps
    w = zeros (2 * c, 1);     # sum of the variances of their normal parts
    for k = 1:M
      if (k <= ds)
        u = Uq(:,k);
      else
        u = rand (c, 1);
      endif
      u = [u; 1 - u];
      mean_v = theta + (V - theta) * ek;
      var_v = V * (sigma_v ^ 2 * ek * (1 - ek) / kappa) ...
              + theta * sigma_v ^ 2 * (1 - ek) ^ 2 / (2 * kappa);
      psi = var_v ./ mean_v .^ 2;
      Vn = zeros (size (V));
      M1 = ones (size (V));     # E[exp(A V_next) | V], for the correction
      q = psi <= 1.5;
      if (any (q))
        ip = 2 ./ psi(q);
        b2 = ip - 1 + sqrt (ip .* (ip - 1));
        a = mean_v(q) ./ (1 + b2);
        Vn(q) = a .* (sqrt (b2) + std_normal_inv (u(q))) .^ 2;
        M1(q) = exp (A * b2 .* a ./ (1 - 2 * A * a)) ./ sqrt (1 - 2 * A * a);
      endif
      e = ! q;
      if (any (e))
        p = (psi(e) - 1) ./ (psi(e) + 1);
        beta = (1 - p) ./ mean_v(e);
        ue = u(e);
        ve = zeros (size (ue));
        hi = ue > p;
        ve(hi) = log ((1 - p(hi)) ./ (1 - ue(hi))) ./ beta(hi);
        Vn(e) = ve;
        M1(e) = p + beta .* (1 - p) ./ (beta - A);
      endif
      ## The correction needs E[exp(A V_next)] finite; where it is not (a
      ## large positive rho / sigma_v) keep Andersen's uncorrected K0.
      ok = M1 > 0 & isfinite (M1);
      if (any (q))
        ok(q) &= (2 * A * a < 1);
      endif
      if (any (e))
        ok(e) &= (A < beta);
      endif
      K0s = K0 * ones (size (V));
      K0s(ok) = -log (M1(ok)) - (K1 + K3 / 2) * V(ok);
      mu += r * dt + K0s + K1 * V + K2 * Vn;
      w += K3 * V + K4 * Vn;
      V = Vn;
    endfor
    for i = 1:n
      F = S(i) * exp (mu + w / 2);    # E[S_T | variance path]
      y = exp (-r * T) * qmcs_black (payoff, F, K, w);
      X = [y, exp(-r * T) * F - S(i), w - Ew];
      X = (X(1:c,:) + X(c+1:end,:)) / 2;
      G(:,:,i) += X.' * X;
      g(:,i) += sum (X).';
    endfor
  endfor
  U = zeros (1, n);
  for i = 1:n
    mean_ = g(:,i) / m;
    C = G(:,:,i) / m - mean_ * mean_.';
    beta = pinv (C(2:3,2:3)) * C(2:3,1);
    U(i) = mean_(1) - beta.' * mean_(2:3);
  endfor
endfunction

## Against the characteristic-function price, parameters away from the
## defaults.  Over 8 shifts at 2^13 points the relative error is at most
## 3.2e-4 here; the tolerance is 5 times that, rounded up.
%!test
%! rand ("state", 1);
%! S = [90 105];
%! U = qmcs_heston ("call", S, 100, 1.5, 0.05, 0.03, 1.5, 0.025, 0.3, -0.6, 2^13, 16,
%!                  uint32 (floor (rand (1, 16) * 2^32)));
%! V = heston_call (S, 100, 1.5, 0.05, 0.03, 1.5, 0.025, 0.3, -0.6);
%! assert (U, V, -1.6e-3);
%!error qmcs_heston ("call", 100, 100, 1, 0.03, 0.04, 2, 0.04, 0.3, -0.5, 10, 8)
