## -*- texinfo -*-
## @deftypefn {} {[@var{C}, @var{f}] =} rbf_heston_bs (@var{x}, @var{v}, @var{tau}, @var{problem})
## The Black-Scholes part that @code{rbf_heston} subtracts from the Heston
## price, and the source it leaves in the PDE of the remainder.
##
## With x = ln (S/K) and variance v at time to maturity @var{tau}, B is the
## Black-Scholes call K (e^x N(d1) - e^(-r tau) N(d2)) whose total variance
## is the expected integrated variance given v,
## V = theta (tau - a) + v a, a = (1 - e^(-kappa tau)) / kappa.
## Since dV/dtau = theta + (v - theta) e^(-kappa tau), the x terms of the
## Heston operator and its mean-reverting drift cancel B_tau exactly, and
## f = L B - B_tau is what remains of the v-derivatives:
## f = v (rho sigma_v a B_xV + sigma_v^2 a^2 / 2 B_VV), with B_V = K e^x
## n(d1) / (2 sqrt (V)), B_xV = B_V (1 - d1 / sqrt (V)) and B_VV = B_V
## (d1 d2 - 1) / (2 V).  B carries the payoff's kink; f is only
## O(sqrt (tau)) at the strike and vanishes at v = 0, so the remainder
## u - B starts from zero and stays smooth.
##
## @var{x} and @var{v} are arrays of one size (or broadcast); @var{tau}
## > 0 a scalar (not checked: this runs at every step of the timed
## pricing, with the solver's own times); @var{problem} gives K, r, kappa,
## theta, sigma_v, rho.
## @var{C} is B and @var{f} the source, both of the size of x + v.
## @end deftypefn

function [C, f] = rbf_heston_bs (x, v, tau, problem)
  if (nargin != 4)
    print_usage ();
  endif
  K = problem.K;
  r = problem.r;
  ka = problem.kappa;
  a = -expm1 (-ka * tau) / ka;
  V = problem.theta * (tau - a) + v * a;
  sV = sqrt (V);
  d1 = (x + r * tau + V / 2) ./ sV;
  d2 = d1 - sV;
  C = K * (exp (x) .* std_normal_cdf (d1) - exp (-r * tau) * std_normal_cdf (d2));
  if (nargout > 1)
    CV = K * exp (x) .* std_normal_pdf (d1) ./ (2 * sV);
    CxV = CV .* (1 - d1 ./ sV);
    CVV = CV .* (d1 .* d2 - 1) ./ (2 * V);
    sv = problem.sigma_v;
    f = v .* (problem.rho * sv * a * CxV + sv^2 / 2 * a^2 * CVV);
    ## v = 0 with V > 0 is regular (f = 0); guard 0 * Inf at V = 0.
    f(v == 0) = 0;
  endif
endfunction

%!test
%! ## B solves B_tau = L B - f: check by finite differences.
%! p = benchop_problem ("4");
%! x = [-0.1; 0.02; 0.2]; v = [0.01; 0.03; 0.05]; tau = 0.4; h = 1e-4;
%! B = @(x, v, t) rbf_heston_bs (x, v, t, p);
%! [C, f] = B (x, v, tau);
%! Bt = (B (x, v, tau + h) - B (x, v, tau - h)) / (2*h);
%! Bx = (B (x + h, v, tau) - B (x - h, v, tau)) / (2*h);
%! Bxx = (B (x + h, v, tau) - 2 * C + B (x - h, v, tau)) / h^2;
%! Bv = (B (x, v + h, tau) - B (x, v - h, tau)) / (2*h);
%! Bvv = (B (x, v + h, tau) - 2 * C + B (x, v - h, tau)) / h^2;
%! Bxv = (B (x + h, v + h, tau) - B (x + h, v - h, tau) ...
%!        - B (x - h, v + h, tau) + B (x - h, v - h, tau)) / (4*h^2);
%! L = v / 2 .* (Bxx - Bx) + p.rho * p.sigma_v * v .* Bxv ...
%!     + p.sigma_v^2 / 2 * v .* Bvv + p.r * Bx ...
%!     + p.kappa * (p.theta - v) .* Bv - p.r * C;
%! assert (L - Bt, f, 1e-4);
%!test
%! ## At v = 0 the source vanishes; B is the Black-Scholes call.
%! p = benchop_problem ("4");
%! [C, f] = rbf_heston_bs (0.1, 0, 0.5, p);
%! assert (f, 0);
%! a = (1 - exp (-p.kappa * 0.5)) / p.kappa;
%! s = sqrt (p.theta * (0.5 - a) / 0.5);
%! assert (C, bs_european ("call", "price", 100 * exp (0.1), 100, 0.5, 0.03, s), 1e-10);
%!error rbf_heston_bs (1)
