## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{se}] =} mc_heston (@var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{V0}, @var{kappa}, @var{theta}, @var{sigma_v}, @var{rho}, @var{m}, @var{M}, @var{ugen})
## European price under Heston's model: Andersen's QE scheme for the
## variance, his martingale-corrected log-price step integrated over its
## normal increments, and the discounted stock as control variate.
##
## The variance is stepped over @var{M} equal steps by the quadratic-
## exponential (QE) scheme of Andersen (2008), with switching value
## @math{\psi_c = 1.5}: given @math{V_t}, the exact conditional mean
## @math{m} and variance @math{s^2} of @math{V_{t+\Delta}} are matched by
## @math{a (b + Z)^2} when @math{\psi = s^2/m^2 \le \psi_c}, else by a mass
## @math{p} at zero and an exponential tail.  One uniform drives each step
## (@math{Z = N^{-1}(U)}), and the antithetic path uses @math{1 - U}.
##
## The uniforms come from the caller: @code{@var{ugen} (first, c)} returns
## the c-by-@var{M} uniforms of pairs @var{first} + 1 to @var{first} +
## @var{c} (pseudo-random in MC-S, Sobol points in QMC-S), column @math{k}
## driving step @math{k}.
##
## The log-price step of Andersen (central weights
## @math{\gamma_1 = \gamma_2 = 1/2}) is
## @math{\ln S_{t+\Delta} = \ln S_t + r\Delta + K_0^* + K_1 V_t + K_2 V_{t+\Delta}
## + \sqrt{K_3 V_t + K_4 V_{t+\Delta}}\, Z}, with @math{K_0^*} chosen
## so that @math{E[S_{t+\Delta} | S_t, V_t] = e^{r\Delta} S_t} exactly under
## the QE variance (his martingale correction).  Given the variance path the
## log-price is therefore normal with mean and variance the sums of the
## steps' terms, and the payoff is integrated over it in closed form
## (conditional Monte Carlo, @pxref{mc_black}): the same expectation as
## simulating the step, with the stock's own noise removed.  The
## conditional expectation of the discounted stock has mean @var{S}
## exactly (by the correction), and the summed conditional variance has a
## known mean too (QE matches the conditional mean of the variance): both
## serve as control variates, with coefficients fitted by regression over
## the antithetic pairs.
##
## 2@var{m} paths, in chunks of @math{2^{15}} pairs; all spots share the
## variance paths.  @var{se} is the standard error of the controlled
## estimator over the pairs.
## @end deftypefn

function [U, se] = mc_heston (payoff, S, K, T, r, V0, kappa, theta, sigma_v, rho, m, M, ugen)
  if (nargin != 13)
    print_usage ();
  endif
  if (! is_function_handle (ugen))
    error ("mc_heston: UGEN must be a function handle");
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
  for first = 0:chunk:m-1
    c = min (chunk, m - first);
    Uc = ugen (first, c);
    V = V0 * ones (2 * c, 1);
    mu = zeros (2 * c, 1);    # sum of the deterministic parts of the log steps
    w = zeros (2 * c, 1);     # sum of the variances of their normal parts
    for k = 1:M
      u = Uc(:,k);
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
      y = exp (-r * T) * mc_black (payoff, F, K, w);
      X = [y, exp(-r * T) * F - S(i), w - Ew];
      X = (X(1:c,:) + X(c+1:end,:)) / 2;
      G(:,:,i) += X.' * X;
      g(:,i) += sum (X).';
    endfor
  endfor
  U = zeros (1, n);
  se = U;
  for i = 1:n
    mean_ = g(:,i) / m;
    C = G(:,:,i) / m - mean_ * mean_.';
    beta = pinv (C(2:3,2:3)) * C(2:3,1);
    U(i) = mean_(1) - beta.' * mean_(2:3);
    se(i) = sqrt (max (C(1,1) - beta.' * C(2:3,1), 0) / max (m - 1, 1));
  endfor
endfunction

## Against the characteristic-function price, parameters away from the
## defaults: within 5 standard errors (the QE bias with 32 steps is far
## below the standard error at this size).
%!test
%! rand ("state", 1);
%! S = [90 105];
%! [U, se] = mc_heston ("call", S, 100, 1.5, 0.05, 0.03, 1.5, 0.025, 0.3, -0.6,
%!                      2^13, 32, @(first, c) rand (c, 32));
%! V = heston_call (S, 100, 1.5, 0.05, 0.03, 1.5, 0.025, 0.3, -0.6);
%! assert (all (abs (U - V) <= 5 * se));
%!test
%! ## put-call parity holds path by path for the conditional prices
%! ugen = @(first, c) reshape (mod ((first + (1:c).') * (1:8) * 0.618034, 1), c, 8);
%! C = mc_heston ("call", [90 110], 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -0.5, 2^10, 8, ugen);
%! P = mc_heston ("put", [90 110], 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -0.5, 2^10, 8, ugen);
%! assert (C - P, [90 110] - 100 * exp (-0.03), 1e-10);
%!error <function handle> mc_heston ("call", 100, 100, 1, 0.03, 0.04, 2, 0.04, 0.3, -0.5, 10, 8, 1)
%!error mc_heston ("call", 100, 100, 1, 0.03, 0.04, 2, 0.04, 0.3, -0.5, 10, 8)
