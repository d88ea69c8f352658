## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{dVdS}] =} fd_boundary (@var{problem}, @var{S}, @var{tau})
## Dirichlet values at the truncated ends of the grid.
##
## At the ends, many standard deviations away from the evaluation points,
## the option is either worthless or certain to finish in the money, so its
## value is the discounted forward intrinsic value, max (S - K e^(-r tau), 0)
## for a call and max (K e^(-r tau) - S, 0) for a put, at time to maturity
## @var{tau}.  An American option is worth at least its exercise value.  The
## barrier end is set by the caller.  @var{dVdS} is the slope of @var{V} in
## S (0 or +-1), which the vega equation needs when the grid moves with the
## drift.
## @end deftypefn

function [V, dVdS] = fd_boundary (problem, S, tau)
  if (nargin != 3)
    print_usage ();
  endif
  Kd = problem.K * exp (-problem.r * tau);
  if (strcmp (problem.payoff, "call"))
    V = max (S - Kd, 0);
    dVdS = double (S > Kd);
  else
    V = max (Kd - S, 0);
    dVdS = -double (S < Kd);
  endif
  if (strcmp (problem.exercise, "american"))
    [P, dP] = fd_payoff (problem.payoff, S, problem.K);
    ex = P > V;
    V(ex) = P(ex);
    dVdS(ex) = dP(ex);
  endif
endfunction

%!test
%! p = struct ("payoff", "put", "exercise", "american", "K", 100, "r", 0.05);
%! [V, d] = fd_boundary (p, [1 1000], 1);
%! assert (V, [99 0]);
%! assert (d, [-1 0]);
%! p.exercise = "european";
%! assert (fd_boundary (p, [1 1000], 1), [100 * exp(-0.05) - 1, 0], 1e-12);
%! p.payoff = "call";
%! [V, d] = fd_boundary (p, [1 1000], 1);
%! assert (V, [0, 1000 - 100 * exp(-0.05)], 1e-12);
%! assert (d, [0 1]);
%!error fd_boundary (1, 2)
