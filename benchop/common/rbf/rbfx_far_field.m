## -*- texinfo -*-
## @deftypefn {} {@var{u} =} rbfx_far_field (@var{P}, @var{y}, @var{tau})
## Boundary values of setup @var{P} (@pxref{rbfx_setup}) at moving
## coordinates @var{y} and time to maturity @var{tau}.
##
## Far from the strike the option is either worthless or certain to be in
## the money at maturity, where it is worth its discounted forward intrinsic
## value: (1 - D) S - K exp (-r tau) for a call, K exp (-r tau) - (1 - D) S
## for a put, with the dividend factor only once the dividend date lies
## ahead (tau > taud).  American exercise adds the floor of the exercise
## value.  Points at or above an up-and-out barrier are worth zero.  Which
## side is meant follows from y: below the strike a call is worthless,
## above it a put.
## @end deftypefn

function u = rbfx_far_field (P, y, tau)
  if (nargin != 3)
    print_usage ();
  endif
  S = P.K * exp (y - P.c * tau);
  f = 1;
  if (tau > P.taud)
    f = 1 - P.D;
  endif
  low = (y - P.c * tau) < 0;
  if (P.call)
    u = max (f * S - P.K * exp (-P.r * tau), 0);
  else
    u = max (P.K * exp (-P.r * tau) - f * S, 0);
  endif
  ## The side where the option is out of the money.
  u(low == P.call) = 0;
  if (P.american)
    u = max (u, rbfx_payoff (P, y, tau));
  endif
  if (P.barrier)
    u(y >= P.yhi) = 0;
  endif
endfunction

%!test
%! P = struct ("K", 100, "c", 0, "r", 0.05, "call", true, "taud", Inf,
%!             "D", 0, "american", false, "barrier", false, "yhi", 1);
%! assert (rbfx_far_field (P, [-2 2], 1), [0, 100*exp(2) - 100*exp(-0.05)], 1e-10);
%! P.call = false;
%! assert (rbfx_far_field (P, [-2 2], 1), [100*exp(-0.05) - 100*exp(-2), 0], 1e-10);
%!error rbfx_far_field (1, 2)
