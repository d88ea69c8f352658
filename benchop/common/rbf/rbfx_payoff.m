## -*- texinfo -*-
## @deftypefn {} {@var{g} =} rbfx_payoff (@var{P}, @var{y}, @var{tau})
## The exercise value max (S - K, 0) or max (K - S, 0) of setup @var{P}
## (@pxref{rbfx_setup}) at moving coordinates @var{y} and time to maturity
## @var{tau}, where S = K exp (y - c tau).
## @end deftypefn

function g = rbfx_payoff (P, y, tau)
  if (nargin != 3)
    print_usage ();
  endif
  S = P.K * exp (y - P.c * tau);
  if (P.call)
    g = max (S - P.K, 0);
  else
    g = max (P.K - S, 0);
  endif
endfunction

%!test
%! P = struct ("K", 100, "c", 0, "call", true);
%! assert (rbfx_payoff (P, log ([0.9 1.1]), 1), [0 10], 1e-12);
%! P.call = false;
%! assert (rbfx_payoff (P, log ([0.9 1.1]), 1), [10 0], 1e-12);
%!error rbfx_payoff (1, 2)
