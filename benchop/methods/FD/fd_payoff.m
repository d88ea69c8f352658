## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{dVdS}] =} fd_payoff (@var{payoff}, @var{S}, @var{K})
## Exercise value of a @qcode{"call"} or @qcode{"put"} with strike @var{K} at
## the prices @var{S}, and its slope in S (0 or +-1; 0 at the strike).
## @end deftypefn

function [V, dVdS] = fd_payoff (payoff, S, K)
  if (nargin != 3)
    print_usage ();
  endif
  switch (payoff)
    case "call"
      V = max (S - K, 0);
      dVdS = double (S > K);
    case "put"
      V = max (K - S, 0);
      dVdS = -double (S < K);
    otherwise
      error ("fd_payoff: unknown payoff '%s'", payoff);
  endswitch
endfunction

%!assert (fd_payoff ("call", [90 100 110], 100), [0 0 10])
%!assert (fd_payoff ("put", [90 100 110], 100), [10 0 0])
%!test
%! [~, d] = fd_payoff ("put", [90 100 110], 100);
%! assert (d, [-1 0 0]);
%!error <unknown payoff> fd_payoff ("digital", 1, 1)
%!error fd_payoff ("call", 1)
