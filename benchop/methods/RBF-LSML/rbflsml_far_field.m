## -*- texinfo -*-
## @deftypefn {} {@var{u} =} rbflsml_far_field (@var{P}, @var{ylo}, @var{yhi}, @var{tau})
## The values at the two ends @var{ylo} < 0 < @var{yhi} of the domain of
## setup @var{P} (@pxref{rbfx_setup}) at the times to maturity
## @var{tau} (a row, all on one side of the dividend date): a 2-by-n
## matrix, row 1 at @var{ylo}, row 2 at @var{yhi}.
##
## Far from the strike the option is worthless or sure to end in the money,
## worth its discounted forward intrinsic value: (1 - D) S - K exp (-r tau)
## for a call, K exp (-r tau) - (1 - D) S for a put (the dividend factor
## once the dividend date lies ahead, tau > taud); American exercise adds
## the floor of the exercise value; an up-and-out barrier at the upper end
## is worth zero.  One call per time segment instead of
## one per step (@pxref{rbfx_far_field}, which this agrees with).
## @end deftypefn

function u = rbflsml_far_field (P, ylo, yhi, tau)
  if (nargin != 4)
    print_usage ();
  endif
  f = 1 - P.D * (tau(1) > P.taud);
  S = P.K * exp ([ylo; yhi] - P.c * tau);
  disc = P.K * exp (-P.r * tau);
  if (P.call)
    u = [zeros(size (tau)); max(f * S(2,:) - disc, 0)];
    ex = [zeros(size (tau)); S(2,:) - P.K];
  else
    u = [max(disc - f * S(1,:), 0); zeros(size (tau))];
    ex = [P.K - S(1,:); zeros(size (tau))];
  endif
  if (P.american)
    u = max (u, ex);
  endif
  if (P.barrier)
    ## The upper end is an up-and-out barrier.
    u(2,:) = 0;
  endif
endfunction

%!test
%! ## Agrees with the shared far field, before and after a dividend date.
%! P = rbfx_setup (benchop_problem ("2-am"), [90 100 110]);
%! for tau = {[0.01 0.05 0.09], [0.2 0.5]}
%!   u = rbflsml_far_field (P, P.ylo, P.yhi, tau{1});
%!   for j = 1:numel (tau{1})
%!     assert (u(:,j), rbfx_far_field (P, [P.ylo; P.yhi], tau{1}(j)), 1e-12);
%!   endfor
%! endfor
%! p = benchop_problem ("1a-I");
%! p.payoff = "put";
%! P = rbfx_setup (p, p.S);
%! u = rbflsml_far_field (P, P.ylo, P.yhi, [0.3 1]);
%! assert (u(:,2), rbfx_far_field (P, [P.ylo; P.yhi], 1), 1e-12);
%!error rbflsml_far_field (1, 2, 3)
