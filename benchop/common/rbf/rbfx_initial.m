## -*- texinfo -*-
## @deftypefn {} {@var{u} =} rbfx_initial (@var{P}, @var{y})
## Initial (tau = 0) nodal values of setup @var{P} (@pxref{rbfx_setup}) on the
## nodes @var{y} (a sorted column): the payoff, except at the node whose cell
## (between the midpoints to its neighbours) holds the strike, which gets
## the payoff's exact cell average.  Averaging removes the O(1) dependence
## of the error on where the kink falls between nodes; elsewhere the payoff
## is smooth and taken pointwise.  An up-and-out barrier node is zero.
## @end deftypefn

function u = rbfx_initial (P, y)
  if (nargin != 2)
    print_usage ();
  endif
  u = rbfx_payoff (P, y, 0);
  if (P.barrier)
    u(end) = 0;
  endif
  m = [y(1); (y(1:end-1) + y(2:end)) / 2; y(end)];
  i = find (m(1:end-1) < 0 & m(2:end) > 0);
  if (! isempty (i))
    lo = m(i);
    hi = m(i+1);
    ## Mean of K (e^x - 1)_+ over [lo, hi] with lo < 0 < hi.
    callavg = P.K * (exp (hi) - 1 - hi) / (hi - lo);
    if (P.call)
      u(i) = callavg;
    else
      ## (1 - e^x)_+ = (e^x - 1)_+ - (e^x - 1).
      u(i) = callavg - P.K * ((exp (hi) - exp (lo)) / (hi - lo) - 1);
    endif
  endif
endfunction

%!test
%! P = struct ("K", 1, "c", 0, "call", true, "barrier", false);
%! y = [-0.2; -0.1; 0.05; 0.2];
%! u = rbfx_initial (P, y);
%! assert (u([1 2 4]), max (exp (y([1 2 4])) - 1, 0), 1e-15);
%! assert (u(3), quad (@(x) max (exp (x) - 1, 0), -0.025, 0.125) / 0.15, 1e-12);
%! P.call = false;
%! u = rbfx_initial (P, y);
%! assert (u(3), quad (@(x) max (1 - exp (x), 0), -0.025, 0.125) / 0.15, 1e-12);
%!error rbfx_initial (1)
