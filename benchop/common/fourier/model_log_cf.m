## -*- texinfo -*-
## @deftypefn {} {@var{f} =} model_log_cf (@var{model}, @var{p})
## Logarithm of the characteristic function of the log return
## @math{Y = \log (S_T / S_0)} under the pricing measure, as a function
## handle of (real or complex) @math{u}: @math{f(u) = \log E[e^{i u Y}]}.
##
## @var{model} is a problem model name; @var{p} a struct with the
## parameters it takes (@code{T}, @code{r} and):
## @table @asis
## @item @qcode{"black-scholes"}
## @code{sigma};
## @item @qcode{"black-scholes-dividend"}
## @code{sigma}, @code{D}: the log price jumps by @math{\log (1 - D)} at
## the dividend date, a factor @math{(1 - D)^{i u}} of the characteristic
## function;
## @item @qcode{"heston"}
## @code{V0}, @code{kappa}, @code{theta}, @code{sigma_v}, @code{rho}: the
## "little trap" form of Albrecher et al. (2007), numerically stable for
## large @math{u} and @math{T} (@code{heston_log_cf});
## @item @qcode{"merton"}
## @code{sigma}, @code{lambda}, @code{gamma}, @code{delta}: normal log
## jumps at rate @code{lambda}, the drift compensated.
## @end table
## The expressions are analytic in @math{u} (no logarithm of the whole
## characteristic function is taken), so imaginary parts do not wrap.
## @end deftypefn

function f = model_log_cf (model, p)
  if (nargin != 2)
    print_usage ();
  endif
  T = p.T;
  r = p.r;
  switch (model)
    case "black-scholes"
      s2 = p.sigma^2;
      f = @(u) 1i * u * (r - s2 / 2) * T - s2 * T * u .^ 2 / 2;
    case "black-scholes-dividend"
      s2 = p.sigma^2;
      ld = log1p (-p.D);
      f = @(u) 1i * u * ((r - s2 / 2) * T + ld) - s2 * T * u .^ 2 / 2;
    case "heston"
      f = @(u) heston_log_cf (u, T, r, p.V0, p.kappa, p.theta,
                            p.sigma_v, p.rho);
    case "merton"
      s2 = p.sigma^2;
      lam = p.lambda;
      ga = p.gamma;
      de2 = p.delta^2;
      kk = expm1 (ga + de2 / 2);
      f = @(u) 1i * u * (r - s2 / 2 - lam * kk) * T - s2 * T * u .^ 2 / 2 ...
               + lam * T * expm1 (1i * u * ga - de2 * u .^ 2 / 2);
    otherwise
      error ("model_log_cf: unknown model '%s'", model);
  endswitch
endfunction

%!test
%! ## Martingale: E[S_T / S_0] = e^{rT} (times 1 - D with the dividend).
%! p = struct ("T", 0.7, "r", 0.04, "sigma", 0.2, "D", 0.05, "V0", 0.03,
%!             "kappa", 1.5, "theta", 0.04, "sigma_v", 0.4, "rho", -0.6,
%!             "lambda", 0.5, "gamma", -0.3, "delta", 0.25);
%! for m = {"black-scholes", "heston", "merton"}
%!   f = model_log_cf (m{1}, p);
%!   assert (f (-1i), 0.04 * 0.7, 1e-13);
%!   assert (f (0), 0, 1e-15);
%! endfor
%! f = model_log_cf ("black-scholes-dividend", p);
%! assert (f (-1i), 0.04 * 0.7 + log (0.95), 1e-13);
%!test
%! ## Heston with a tiny vol of variance and V0 = theta is Black-Scholes.
%! p = struct ("T", 1, "r", 0.03, "V0", 0.04, "kappa", 2, "theta", 0.04,
%!             "sigma_v", 1e-8, "rho", 0.3, "sigma", 0.2);
%! u = [0.5 3 10];
%! assert (model_log_cf ("heston", p) (u), model_log_cf ("black-scholes", p) (u), 1e-7);
%!test
%! ## Heston against the plain (Heston 1993) form at moderate u.
%! p = struct ("T", 2, "r", 0.01, "V0", 0.05, "kappa", 1.2, "theta", 0.03,
%!             "sigma_v", 0.5, "rho", -0.7);
%! u = [0.3 1 2.5];
%! b = p.kappa - 1i * p.rho * p.sigma_v * u;
%! d = sqrt (b .^ 2 + p.sigma_v^2 * (1i * u + u .^ 2));
%! g = (b + d) ./ (b - d);
%! C = 1i * u * p.r * p.T + p.kappa * p.theta / p.sigma_v^2 ...
%!     * ((b + d) * p.T - 2 * log ((1 - g .* exp (d * p.T)) ./ (1 - g)));
%! D = (b + d) / p.sigma_v^2 .* (1 - exp (d * p.T)) ./ (1 - g .* exp (d * p.T));
%! assert (exp (model_log_cf ("heston", p) (u)), exp (C + D * p.V0), 1e-12);
%!error <unknown model> model_log_cf ("sabr", struct ("T", 1, "r", 0))
%!error model_log_cf ("heston")
