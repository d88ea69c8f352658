## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{beta}, @var{c}] =} fgl_cf_european (@var{p}, @var{xi}, @var{we})
## European call or put price under a model given by the characteristic
## function of its log return (Heston or Merton), from the Fourier integral
## of the price evaluated by Gauss-Laguerre quadrature.
##
## @var{p} is what @code{fgl_check} returns: the points @code{p.S}, the
## strike, maturity and rate @code{p.K}, @code{p.T}, @code{p.r}, the payoff
## @code{p.call} (true for a call), the model @code{p.cf} (2 Heston, 3
## Merton) and its parameters.  @var{xi} and @var{we}
## are the nodes and modified weights of an n-point Gauss-Laguerre rule
## (@code{fgl_laguerre}).  @var{beta} returns the contour of each point and
## @var{c} the scale of the nodes.
##
## With @math{Y = \log (S_T / K)} and @math{\psi (w) = E[e^{i w Y}]},
## @math{-K e^{-rT}} times
## @math{\frac{1}{\pi} \int_0^\infty \mathrm{Re} [\psi (u + i \beta) / (w
## (w + i))] du}, @math{w = u + i \beta}, is the put for @math{\beta > 0}
## and the call for @math{\beta < -1} (@pxref{fgl_bs_european}).  Each
## point prices the option that is out of the money with respect to its
## forward, the other following from parity.  The characteristic
## functions of @math{\log (S_T / S)}: Heston's in the "little trap" form
## of Albrecher et al. (2007) (@code{heston_log_cf}); Merton's
## @math{\log \varphi (u) = i u (r T - \sigma^2 T / 2 - \lambda T k) -
## \sigma^2 T u^2 / 2 + \lambda T (e^{i u \gamma - \delta^2 u^2 / 2} - 1)},
## @math{k = e^{\gamma + \delta^2 / 2} - 1}.
##
## The contour: @math{\beta} minimizes the integrand at @math{u = 0},
## @math{\Phi (\beta) = \log E[e^{-\beta Y}] - \log |\beta (\beta + 1)|},
## on its side of the poles (Lord and Kahl 2007): a saddle point, where the
## integrand neither oscillates nor peaks.  The first guess treats
## @math{Y} as normal with the model's first two cumulants (the quadratic
## of @code{fgl_bs_european}); eleven candidates at distances from the pole
## from 2 times down to @math{2^{-4}} times the guess's, in steps of
## @math{\sqrt 2}, are compared at once, and a parabola through the best
## three in the logarithm of the distance refines it.  The guess alone can
## lie where the jumps of Merton's model (a moment @math{e^{\delta^2
## \beta^2 / 2}}) or the variance of Heston's blow the integrand up.  For
## Heston, candidates whose moment explodes before @math{1.25 T}
## (@code{fgl_heston_explosion}) are excluded.
##
## The scale: @math{u = c x}, @math{c = \max (0.8 / (\sqrt{c_2 n}), 1.25
## / (s_t n))}, with @math{c_2} the variance of @math{Y} and @math{s_t} a
## width of the decay of @math{|\psi|} far out: the diffusion's
## @math{\sigma \sqrt T} for Merton, whose jumps leave a slowly decaying
## tail to a narrow peak, and for Heston the smaller of @math{\sqrt{c_2}}
## and @math{A / 2}, @math{A = (V_0 + \kappa \theta T) \sqrt{1 - \rho^2} /
## \sigma_v}, @math{|\psi|} decaying like @math{e^{-A u}} far out.  The
## first term spreads a Gaussian of variance @math{c_2} over a fixed
## multiple of @math{\sqrt n} nodes, the second makes the largest nodes
## (near @math{4 n}) reach about four such widths, where the tail has
## decayed to @math{e^{-8}} and less.  Both
## cumulants are in closed form: for Heston, with @math{I = \int_0^T V dt},
## @math{Y - \log (S / K) = r T - I/2 + \rho \int \sqrt V dW_V +
## \sqrt{1 - \rho^2} \int \sqrt V dW^\perp}, and
## @math{\sigma_v \int \sqrt V dW_V = V_T - V_0 - \kappa \theta T + \kappa
## I}, so that the variance follows from the moments of the CIR process.
## @end deftypefn

function [U, beta, c] = fgl_cf_european (p, xi, we)
  ## No input checks: this runs in the timed pricing.
  T = p.T;
  r = p.r;
  n = numel (xi);
  if (p.cf == 2)
    ka = p.kappa;
    th = p.theta;
    sv = p.sigma_v;
    rho = p.rho;
    V0 = p.V0;
    ## Moments of the CIR variance: Var V_s = C0 + C1 e^{-ka s} + C2 e^{-2 ka s}.
    e = 2.718281828459045 ^ (-ka * T);
    E1 = (1 - e) / ka;
    EI = th * T + (V0 - th) * E1;       # E[I]
    C0 = sv * sv * th / (2 * ka);
    C1 = sv * sv * (V0 - th) / ka;
    C2 = -C0 - C1;
    iv = C0 * T + C1 * E1 + C2 * (1 - e * e) / (2 * ka);   # int Var V_s ds
    J1 = (C0 + C2 * e) * E1 + C1 * T * e;                  # Cov (I, V_T)
    a = rho * ka / sv - 0.5;            # Y = ... + a I + b V_T + ...
    b = rho / sv;
    c1 = r * T - EI / 2;
    c2 = a * a * 2 / ka * (iv - J1) + 2 * a * b * J1 ...
         + b * b * (C0 + C1 * e + C2 * e * e) + (1 - rho * rho) * EI;
    st = (V0 + ka * th * T) * (1 - rho * rho) ^ 0.5 / (2 * sv);
    if (st * st > c2)
      st = c2 ^ 0.5;
    endif
  else
    s2 = p.sigma * p.sigma * T;
    ga = p.gamma;
    d2 = p.delta * p.delta;
    lt = p.lambda * T;
    dr = r * T - s2 / 2 - lt * (2.718281828459045 ^ (ga + d2 / 2) - 1);
    c1 = dr + lt * ga;
    c2 = s2 + lt * (ga * ga + d2);
    st = s2 ^ 0.5;
  endif
  S = p.S;
  K = p.K;
  x = log (S / K);
  put = (x + r * T >= 0);               # forward above K: the put is OTM
  m = x + c1;
  ## The normal guess: distance d0 of the saddle from the pole (0 for the
  ## put, -1 for the call).
  ms = m + c2;
  d0 = put .* (m + (m .* m + 4 * c2) .^ 0.5) ...
       + (put - 1) .* (ms - (ms .* ms + 4 * c2) .^ 0.5);
  d0 /= 2 * c2;
  sg = 2 * put - 1;
  pole = put - 1;
  B = pole + sg .* (d0 .* [2; 1.4142135623730951; 1; 0.7071067811865476; 0.5;
                           0.3535533905296699; 0.25; 0.1767766952966369;
                           0.125; 0.0883883476483184; 0.0625]);
  ## log E[e^{-B Y}]: the characteristic function at i B.
  if (p.cf == 2)
    Phi = real (heston_log_cf (1i * B, T, r, V0, ka, th, sv, rho));
    Phi(1.25 * T >= fgl_heston_explosion (-B, ka, rho, sv)) = Inf;
  else
    Phi = lt * (exp ((d2 / 2) * B .* B - ga * B) - 1) + (s2 / 2) * B .* B - dr * B;
  endif
  Phi -= B .* x + log (B .* (B + 1));
  Phi(Phi != Phi) = Inf;                # NaN
  [Pm, j] = min (Phi);
  j += (Pm == Inf) .* (11 - j);         # none finite: the nearest the pole
  j += (j == 1) - (j == 11);
  i = j + 11 * (0:numel (S) - 1);
  P0 = Phi(i - 1);
  P1 = Phi(i);
  P2 = Phi(i + 1);
  den = P0 - 2 * P1 + P2;
  dl = (P0 - P2) ./ (2 * den);
  dl(! (den > 0 & abs (dl) <= 1)) = 0;  # not a bracketed minimum: keep j
  beta = pole + (B(i) - pole) .* 1.4142135623730951 .^ (-dl);
  c = 0.8 / (c2 * n) ^ 0.5;
  if (c * st * n < 1.25)
    c = 1.25 / (st * n);
  endif
  w = (c * xi) + 1i * beta;             # n x points
  if (p.cf == 2)
    f = heston_log_cf (w, T, r, V0, ka, th, sv, rho);
  else
    iw = 1i * w;
    f = lt * (exp ((d2 / 2) * iw .* iw + ga * iw) - 1) + (s2 / 2) * iw .* iw + dr * iw;
  endif
  E = exp (f + (1i * w) .* x);
  I = (c / pi) * (we.' * real (E ./ (w .* (w + 1i))));
  dK = K * 2.718281828459045 ^ (-r * T);
  U = -dK * I + (put + p.call - 1) .* (S - dK);
endfunction

%!function p = prob (id, varargin)
%!  p = fgl_check (benchop_problem (id, varargin{:}), 1);
%!endfunction
%!test
%! ## Heston and Merton against their references, calls and puts, points
%! ## on both sides of the forward.
%! [xi, ~, we] = fgl_laguerre (32);
%! S = [70 95 104 125 150];
%! p = prob ("4", "S", S, "K", 108, "T", 0.4, "r", 0.01, "V0", 0.03, "kappa", 2.5,
%!           "theta", 0.017, "sigma_v", 0.31, "rho", -0.38);
%! C = heston_call (S, 108, 0.4, 0.01, 0.03, 2.5, 0.017, 0.31, -0.38);
%! assert (fgl_cf_european (p, xi, we), C, -1e-7);
%! p.call = false;
%! assert (fgl_cf_european (p, xi, we), C - S + 108 * exp (-0.004), -1e-7);
%! p = prob ("5", "S", S, "K", 88, "T", 1.8, "r", 0.05, "sigma", 0.11,
%!           "lambda", 0.52, "gamma", -0.36, "delta", 0.5);
%! C = merton_call (S, 88, 1.8, 0.05, 0.11, 0.52, -0.36, 0.5);
%! assert (fgl_cf_european (p, xi, we), C, -1e-7);
%! p.call = false;
%! assert (fgl_cf_european (p, xi, we), C - S + 88 * exp (-0.09), -1e-7);
%!test
%! ## The variance of the log return in closed form against the second
%! ## derivative of the characteristic function (through the scale c).
%! p = prob ("4", "T", 0.7, "V0", 0.04);
%! f = @(u) heston_log_cf (u, 0.7, p.r, 0.04, p.kappa, p.theta, p.sigma_v, p.rho);
%! h = 1e-2;
%! c2 = -real ((f (h) - 2 * f (0) + f (-h)) / h ^ 2);
%! [xi, ~, we] = fgl_laguerre (16);
%! [~, ~, c] = fgl_cf_european (p, xi, we);
%! assert (c, 0.8 / sqrt (c2 * 16), -1e-4);
%!test
%! ## Big jumps over a short time: the saddle stays where the moment is
%! ## small, and the scale reaches the diffusion's tail.
%! S = 100 * exp ([-0.15 -0.05 0 0.05 0.15]);
%! p = prob ("5", "S", S, "K", 100, "T", 0.25, "sigma", 0.1, "lambda", 0.2,
%!           "gamma", -0.8, "delta", 0.6);
%! [xi, ~, we] = fgl_laguerre (48);
%! [U, beta] = fgl_cf_european (p, xi, we);
%! assert (U, merton_call (S, 100, 0.25, 0.03, 0.1, 0.2, -0.8, 0.6), -1e-6);
%! assert (all (abs (beta) < 10));
%!test
%! ## A large vol of variance: the contour keeps clear of the moment
%! ## explosion.
%! S = [60 100 160];
%! p = prob ("4", "S", S, "T", 2, "V0", 0.09, "kappa", 0.6, "theta", 0.09,
%!           "sigma_v", 1.2, "rho", -0.8);
%! [xi, ~, we] = fgl_laguerre (64);
%! [U, beta] = fgl_cf_european (p, xi, we);
%! assert (U, heston_call (S, 100, 2, 0.03, 0.09, 0.6, 0.09, 1.2, -0.8), -1e-5);
%! assert (all (2.5 < fgl_heston_explosion (-beta, 0.6, -0.8, 1.2)));
