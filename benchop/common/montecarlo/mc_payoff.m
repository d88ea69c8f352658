## -*- texinfo -*-
## @deftypefn {} {@var{h} =} mc_payoff (@var{payoff}, @var{K})
## Payoff function of a vanilla call or put with strike @var{K}.
##
## @var{payoff} is @qcode{"call"} or @qcode{"put"}; @var{h} is the handle
## @code{@@(x) max (x - K, 0)} or @code{@@(x) max (K - x, 0)}, elementwise
## in the terminal (or exercise) values @var{x}.  The path solvers of MC-S
## and QMC-S apply it to their simulated asset values.
## @end deftypefn

function h = mc_payoff (payoff, K)
  if (nargin != 2)
    print_usage ();
  endif
  switch (payoff)
    case "call"
      h = @(x) max (x - K, 0);
    case "put"
      h = @(x) max (K - x, 0);
    otherwise
      error ("mc_payoff: unknown payoff '%s'", payoff);
  endswitch
endfunction

%!test
%! h = mc_payoff ("call", 100);
%! assert (h ([90 100 110]), [0 0 10]);
%! h = mc_payoff ("put", 100);
%! assert (h ([90; 100; 110]), [10; 0; 0]);
%!error <unknown payoff> mc_payoff ("digital", 100)
%!error mc_payoff ("call")
