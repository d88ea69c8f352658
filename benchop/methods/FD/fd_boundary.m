## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{dVdS}] =} fd_boundary (@var{problem}, @var{S}, @var{tau})
## Dirichlet values at the truncated ends of the grid.
##
## At the ends, many standard deviations away from the evaluation points,
## the option is either worthless or certain to finish in the money, so its
## value is the discounted forward intrinsic value, max (S - K e^(-r tau), 0)
## for a call and max (K e^(-r tau) - S, 0) for a put, at time to maturity
## @var{tau}; with a discrete dividend still ahead (tau above the dividend
## date (1 - alpha) T in time to maturity), of the forward (1 - D) S e^(r tau)
## instead (model @qcode{"black-scholes-dividend"}).  The same holds under
## any model in which the discounted price is a martingale (local
## volatility, Merton jumps).  An American option is worth at least its exercise value.  The
## barrier end is set by the caller.  An American call with a dividend ahead
## is worth at least S - K e^(-r (tau - tau_d)), its exercise just before
## the dividend date.  @var{dVdS} is the slope of @var{V} in
## S (0 or +-1), which the vega equation needs when the grid moves with the
## drift.
## @end deftypefn

function [V, dVdS] = fd_boundary (problem, S, tau)
  if (nargin != 3)
    print_usage ();
  endif
  Kd = problem.K * exp (-problem.r * tau);
  f = 1;
  if (strcmp (problem.model, "black-scholes-dividend"))
    f = 1 - problem.D * (tau > (1 - problem.alpha) * problem.T);
  endif
  if (strcmp (problem.payoff, "call"))
    V = max (f .* S - Kd, 0);
    dVdS = f .* (f .* S > Kd);
  else
    V = max (Kd - f .* S, 0);
    dVdS = -f .* (f .* S < Kd);
  endif
  if (strcmp (problem.exercise, "american"))
    [P, dP] = fd_payoff (problem.payoff, S, problem.K);
    if (! isscalar (f) || f != 1)
      ## A call deep in the money with a dividend ahead is exercised just
      ## before it: worth S - K e^(-r (tau - tau_d)) now.
      if (strcmp (problem.payoff, "call"))
        taud = (1 - problem.alpha) * problem.T;
        Pd = (S - problem.K * exp (-problem.r * max (tau - taud, 0))) .* (f < 1);
        P = max (P, Pd);
      endif
    endif
    ex = P > V;
    V(ex) = P(ex);
    dVdS(ex) = dP(ex);
  endif
endfunction

%!test
%! p = struct ("payoff", "put", "exercise", "american", "K", 100, "r", 0.05,
%!             "model", "black-scholes");
%! [V, d] = fd_boundary (p, [1 1000], 1);
%! assert (V, [99 0]);
%! assert (d, [-1 0]);
%! p.exercise = "european";
%! assert (fd_boundary (p, [1 1000], 1), [100 * exp(-0.05) - 1, 0], 1e-12);
%! p.payoff = "call";
%! [V, d] = fd_boundary (p, [1 1000], 1);
%! assert (V, [0, 1000 - 100 * exp(-0.05)], 1e-12);
%! assert (d, [0 1]);
%!test
%! ## A dividend ahead lowers the forward.
%! p = struct ("payoff", "call", "exercise", "european", "K", 100, "r", 0,
%!             "model", "black-scholes-dividend", "D", 0.1, "alpha", 0.5,
%!             "T", 1);
%! assert (fd_boundary (p, [300 300], [0.4 0.6]), [200 170], 1e-12);
%! p.exercise = "american";
%! assert (fd_boundary (p, 300, 0.6), 200, 1e-12);
%! p.r = 0.1;
%! assert (fd_boundary (p, 300, 0.6), 300 - 100 * exp (-0.01), 1e-12);
%!error fd_boundary (1, 2)
