## -*- texinfo -*-
## @deftypefn {} {@var{u} =} rbfx_exchange_initial (@var{P}, @var{x}, @var{e})
## Payoff max (S1 - S2, 0) of the exchange option on the tensor-product
## node set @var{x} (xi) by @var{e} (eta) of the frame @var{P}
## (@pxref{rbfx_exchange_frame}), as an @code{numel (x)}-by-@code{numel (e)}
## matrix.  @var{x} and @var{e} are sorted columns, @var{x} of 2 or more
## nodes: the solvers' own node sets, not checked, as this is part of the
## timed pricing.
##
## The node whose cell (between the midpoints to its neighbours) contains
## the kink xi = 0 takes the cell average of max (sinh (xi/2), 0) times
## 2 exp (eta/2): sampling the kink would leave an O(h) error in the
## price.
## @end deftypefn

function u = rbfx_exchange_initial (P, x, e)
  if (nargin != 3)
    print_usage ();
  endif
  [XX, EE] = ndgrid (x, e);
  u = max (P.gap (XX, EE, 0), 0);
  m = [x(1); (x(1:end-1) + x(2:end)) / 2; x(end)];
  i = find (m(1:end-1) < 0 & m(2:end) > 0);
  if (! isempty (i))
    ## Mean of max (sinh (xi/2), 0) over the cell [lo, hi] around xi = 0.
    avg = 2 * (cosh (m(i+1) / 2) - 1) / (m(i+1) - m(i));
    u(i,:) = 2 * exp ((e.' + P.e0) / 2) * avg;
  endif
endfunction

%!test
%! P = rbfx_exchange_frame (benchop_problem ("6"));
%! x = [-0.2; -0.1; 0.05; 0.1; 0.2];
%! e = [-0.1; 0; 0.1];
%! u = rbfx_exchange_initial (P, x, e);
%! assert (size (u), [5 3]);
%! assert (u([1 2],:), zeros (2, 3));
%! assert (u([4 5],:), max (P.gap (x([4 5]), e.', 0), 0), 1e-15);
%! ## the node at the kink: the cell average over [-0.025, 0.075]
%! avg = 2 * (cosh (0.075 / 2) - 1) / 0.1;
%! assert (u(3,:), 2 * exp ((e.' + P.e0) / 2) * avg, 1e-15);
%!error rbfx_exchange_initial (1, 2)
