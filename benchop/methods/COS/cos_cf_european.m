## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{N}, @var{L}] =} cos_cf_european (@var{p}, @var{level})
## European call or put price under a model given by the characteristic
## function of its log return, by the COS method (Fang and Oosterlee 2008).
##
## @var{p} is what @code{cos_check} returns: the points @code{p.S}, the
## strike, maturity and rate @code{p.K}, @code{p.T}, @code{p.r}, the payoff
## @code{p.call} (true for a call), the model @code{p.cf} (1 Black-Scholes
## with one proportional dividend @code{p.D}, 2 Heston, 3 Merton) and its
## parameters.  @var{N} is the number of cosine terms used, @var{L} the
## truncation range in standard deviations.
##
## As in @code{cos_european}, each point expands the option that is out of
## the money with respect to its forward @math{S E[S_T/S_0]}: the put
## @math{K (1 - e^y)^+}, @math{y = \log (S_T / K)}, under the pricing
## measure, or the call as @math{S (1 - e^{-y})^+} under the share measure,
## whose characteristic function is @math{\phi(u - i) / \phi(-i)}; the other
## option follows from parity, @math{C - P = e^{-rT} (S \phi(-i) - K)}.
## Both payoffs are bounded, so the smaller price keeps its relative
## accuracy.
##
## The truncation range of each measure is its mean plus and minus
## @math{L \sqrt{c_2 + \sqrt{c_4}}} (Fang and Oosterlee 2008, eq. 49), with
## the cumulants of each model in closed form: under the share measure
## they are the derivatives of the cumulant generating function at 1
## instead of 0; for Heston, @math{c_2} is the variance of
## @math{-I/2 + \rho M + \sqrt{1 - \rho^2} \int \sqrt{V} dW^\perp},
## @math{I = \int V dt}, @math{M = (V_T - V_0 - \kappa \theta T + \kappa I)
## / \sigma_v}, from the moments of the CIR process.  The last frequency
## @math{u_N = N \pi / (b - a)} is where @math{|\phi|} has decayed to
## @math{e^{-L^2/2}}, the size of the truncation error: for a normal part
## of variance @math{s^2} (the diffusion of Black-Scholes and Merton),
## @math{u = L / s}; for Heston the larger of @math{L / \sqrt{c_2}} and
## half of @math{L^2 \sigma_v / (2 \sqrt{1 - \rho^2} (V_0 + \kappa \theta
## T))}, where its linear decay at large @math{u} would reach that level
## (the asymptote overstates the decay at moderate @math{u}).  @var{level}
## 1 to 10 sets @math{L} = 4, 4.5, 5, 5.5, 6, 7, 8, 9, 10.5, 12.
## @end deftypefn

function [U, N, L] = cos_cf_european (p, level)
  ## No input checks: this is the timed pricing (cos_check checks).  Few
  ## builtin calls and no indexing where an operator does: each costs more
  ## than the arithmetic on a few dozen numbers.
  T = p.T;
  r = p.r;
  model = p.cf;
  L = [4 4.5 5 5.5 6 7 8 9 10.5 12](level);
  ## Cumulants of the pricing measure (Q) and the share measure (S), log
  ## E[S_T/S_0] (lm), the drift mu of log phi = i mu u + f0 (u), the
  ## standard deviation sd of the wider measure and the frequency uX where
  ## |phi| is e^{-L^2/2}.
  if (model == 2)
    V0 = p.V0;
    ka = p.kappa;
    th = p.theta;
    sv = p.sigma_v;
    rho = p.rho;
    ## Under the share measure kappa* = kappa - rho sigma_v, kappa theta
    ## unchanged, and the drift of the log price gains V.
    ## Under the share measure kappa* = kappa - rho sigma_v, kappa theta
    ## unchanged, and the drift of the log price gains V.
    rs = rho / sv;
    sv2 = sv * sv;
    lm = r * T;
    ## Pricing measure.
    e1 = 2.718281828459045 ^ (-ka * T);
    E1 = (1 - e1) / ka;
    C0 = sv2 / 2 * th / ka;
    C1 = sv2 * (V0 - th) / ka;
    C2 = -C0 - C1;
    J1 = (C0 + C2 * e1) * E1 + C1 * e1 * T;
    al = rs * ka - 0.5;
    EIQ = th * T + (V0 - th) * E1;
    c2Q = 2 * al * al / ka * (C0 * T + C1 * E1 + C2 * (1 - e1 * e1) / (2 * ka) - J1) ...
          + 2 * rs * al * J1 + rs * rs * (C0 + (C1 + C2 * e1) * e1) + (1 - rho * rho) * EIQ;
    ## Share measure.
    ks = ka - rho * sv;
    if (ks * ks < 1e-16)
      ks = 1e-8;                        # kappa* = 0: the limit, closely
    endif
    ts = ka * th / ks;
    e1 = 2.718281828459045 ^ (-ks * T);
    E1 = (1 - e1) / ks;
    C0 = sv2 / 2 * ts / ks;
    C1 = sv2 * (V0 - ts) / ks;
    C2 = -C0 - C1;
    J1 = (C0 + C2 * e1) * E1 + C1 * e1 * T;
    al = rs * ks + 0.5;
    EIS = ts * T + (V0 - ts) * E1;
    c2S = 2 * al * al / ks * (C0 * T + C1 * E1 + C2 * (1 - e1 * e1) / (2 * ks) - J1) ...
          + 2 * rs * al * J1 + rs * rs * (C0 + (C1 + C2 * e1) * e1) + (1 - rho * rho) * EIS;
    c1Q = lm - EIQ / 2;
    c1S = lm + EIS / 2;
    if (c2S > c2Q)
      sd = c2S ^ 0.5;
    else
      sd = c2Q ^ 0.5;
    endif
    mu = lm;
    uX = L * L * sv / (4 * (1 - rho * rho) ^ 0.5 * (V0 + ka * th * T));
    if (uX * uX * c2Q < L * L)
      uX = L / c2Q ^ 0.5;
    endif
  elseif (model == 3)
    s2 = p.sigma ^ 2 * T;
    lam = p.lambda * T;
    ga = p.gamma;
    de2 = p.delta ^ 2;
    em = 2.718281828459045 ^ (ga + de2 / 2);
    gs = [ga, ga + de2];                # jump mean, share measure: + delta^2
    ls = lam * [1, em];                 # and intensity lambda e^{gamma + delta^2/2}
    g2 = gs .* gs;
    lm = r * T;
    mu = lm - s2 / 2 - lam * (em - 1);
    c1Q = mu + lam * ga;
    c1S = c1Q + s2 + lam * (em * (ga + de2) - ga);
    sd = max (s2 + ls .* (g2 + de2)
              + (ls .* (g2 .* g2 + 6 * de2 * g2 + 3 * de2 * de2)) .^ 0.5) ^ 0.5;
    uX = L / s2 ^ 0.5;
  else
    s2 = p.sigma ^ 2 * T;
    lm = r * T + log1p (-p.D);
    mu = lm - s2 / 2;
    c1Q = mu;
    c1S = mu + s2;
    sd = s2 ^ 0.5;
    uX = L / sd;
  endif
  ## One interval width for both measures, its upper end above 0 for every
  ## point, so that each payoff's support ends there.
  w = L * sd + ((c1Q - lm) ^ 2) ^ 0.5 + ((c1S - lm) ^ 2) ^ 0.5;
  N = ceil (0.6366197723675814 * w * uX);
  if (N < 8)
    N = 8;
  elseif (N > 65536)
    N = 65536;                          # bounds the work
  endif
  k = (1:N-1).';                        # k = 0 is added below
  u = k * (3.141592653589793 / (2 * w));
  v = u + [0, -1i];                     # log phi at u and at u - i
  if (model == 2)
    s2v = sv * sv;
    b = ka - (1i * rho * sv) * v;
    q = s2v * (1i * v + v .* v);
    d = (b .* b + q) .^ 0.5;
    e = 2.718281828459045 .^ (-T * d);
    bmd = -q ./ (b + d);                # b - d without cancellation
    g = bmd ./ (b + d);
    f = ka * th / s2v * (T * bmd - 2 * log1p (g .* (1 - e) ./ (1 - g))) ...
        + V0 / s2v * bmd .* (1 - e) ./ (1 - g .* e);
  elseif (model == 3)
    f = lam * (2.718281828459045 .^ ((1i * ga) * v - de2 / 2 * v .* v) - 1) ...
        - s2 / 2 * v .* v;
  else
    f = -s2 / 2 * v .* v;
  endif
  ## Weights of the terms, the real part of phi(u) e^{i u (x - a)} with
  ## x - a = w - c1 (for the share measure the conjugate, for -y, whose
  ## real part is the same) over u (u - i) (b - a) / 2.
  W = real (2.718281828459045 .^ (f + (1i * u) * [mu + w - c1Q, mu - w - c1S]
                                  + [0, mu - lm])) ./ ((w * u) .* (u - 1i));
  ## Each point: z = y (put) or -y (call), interval [m - w, m + w].
  S = p.S;
  K = p.K;
  x = log (S / K);
  ind = (x + lm >= 0);                  # the put is out of the money
  a = ind .* (2 * x + (c1Q + c1S)) - x - (c1S + w);
  a = a .* (a < 0);
  ea = 2.718281828459045 .^ a;
  g = real (sum (W(:, 2 - ind) .* (ea - 2.718281828459045 .^ ...
                 (k * (a * (-1.5707963267948966i / w)))))) ...
      + (ea - 1 - a) / (2 * w);
  ## The put is K e^{-rT} g, the call S e^{lm - rT} g; parity adds dS - dK.
  dS = S * 2.718281828459045 ^ (lm - r * T);
  t = dS - K * 2.718281828459045 ^ (-r * T);
  U = g .* (dS - ind .* t) + (ind - ! p.call) .* t;
endfunction

%!function p = prob (id, varargin)
%!  p = cos_check (benchop_problem (id, varargin{:}), 1);
%!endfunction
%!test
%! ## Black-Scholes with a dividend: the closed form at the spot (1 - D) S.
%! S = [60 90 100 110 160];
%! p = prob ("2-eu", "S", S, "K", 100, "T", 0.7, "r", 0.05, "sigma", 0.25, "D", 0.04);
%! assert (cos_cf_european (p, 8), bs_european ("call", "price", 0.96 * S, 100, 0.7, 0.05, 0.25), -1e-10);
%! p.call = false;
%! assert (cos_cf_european (p, 8), bs_european ("put", "price", 0.96 * S, 100, 0.7, 0.05, 0.25), -1e-10);
%!test
%! ## Heston and Merton against their references, calls and puts.
%! S = [80 95 104 125];
%! p = prob ("4", "S", S, "K", 108, "T", 0.4, "r", 0.01, "V0", 0.03, "kappa", 2.5,
%!           "theta", 0.017, "sigma_v", 0.31, "rho", -0.38);
%! C = heston_call (S, 108, 0.4, 0.01, 0.03, 2.5, 0.017, 0.31, -0.38);
%! assert (cos_cf_european (p, 10), C, -1e-8);
%! p.call = false;
%! assert (cos_cf_european (p, 10), C - S + 108 * exp (-0.004), -1e-8);
%! p = prob ("5", "S", S, "K", 88, "T", 1.8, "r", 0.05, "sigma", 0.11,
%!           "lambda", 0.52, "gamma", -0.36, "delta", 0.5);
%! assert (cos_cf_european (p, 8), merton_call (S, 88, 1.8, 0.05, 0.11, 0.52, -0.36, 0.5), -1e-8);
%!test
%! ## A tiny volatility and a large drift: few terms.
%! p = prob ("2-eu", "S", [97 98 99], "T", 0.25, "r", 0.1, "sigma", 0.01, "D", 0);
%! [U, N] = cos_cf_european (p, 6);
%! assert (U, bs_european ("call", "price", [97 98 99], 100, 0.25, 0.1, 0.01), -1e-6);
%! assert (N < 80);
