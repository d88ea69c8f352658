## -*- texinfo -*-
## @deftypefn {} {@var{p} =} pde_checked_fields (@var{problem}, @var{need})
## The struct a finite-difference method's pricing reads, from a
## @var{problem} its check has accepted: the descriptors @code{model},
## @code{payoff}, @code{exercise}, @code{barrier} and @code{output} as
## given, and the parameters named in the cell @var{need} as doubles,
## @code{S} as a row (an n-by-2 matrix of pairs for the two-asset model
## @qcode{"black-scholes-2d"}).  The fields keep their names, so the
## pricing helpers take @var{p} where they took the problem.  Nothing is
## checked here (@pxref{fd_check}, @ref{fdnu_check}).
## @end deftypefn

function p = pde_checked_fields (problem, need)
  if (nargin != 2)
    print_usage ();
  endif
  p = struct ();
  for f = {"model", "payoff", "exercise", "barrier", "output"}
    p.(f{1}) = problem.(f{1});
  endfor
  for i = 1:numel (need)
    p.(need{i}) = double (problem.(need{i}));
  endfor
  if (! strcmp (p.model, "black-scholes-2d"))
    p.S = p.S(:).';
  endif
endfunction

%!test
%! q = benchop_problem ("1c-I");
%! q.S = single ([95; 100]);
%! p = pde_checked_fields (q, {"S", "K", "B"});
%! assert (p, struct ("model", "black-scholes", "payoff", "call",
%!                    "exercise", "european", "barrier", "up-and-out",
%!                    "output", "price", "S", [95 100], "K", q.K, "B", q.B));
%! assert (class (p.S), "double");
%!test
%! q = benchop_problem ("6");
%! assert (pde_checked_fields (q, {"S"}).S, q.S);
%!error pde_checked_fields (benchop_problem ("6"))
