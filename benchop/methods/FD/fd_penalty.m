## -*- texinfo -*-
## @deftypefn {} {[@var{u}, @var{L}, @var{p}, @var{it}] =} fd_penalty (@var{Lhs}, @var{rhs}, @var{g}, @var{act}, @var{large}, @var{tol})
## One penalized time step of an American option (Forsyth and Vetzal 2002).
##
## Solves (@var{Lhs} + P) u = @var{rhs} + P @var{g}, P = diag (@var{large}
## on the exercised nodes), by Newton (policy) iteration from the guessed
## exercised set @var{act}.  A free node becomes exercised when g > 0 and u
## is below g or within @var{tol} (relative) of it: deep in the exercise
## region u equals g to the last bit, and a strict u < g would flip such
## nodes back and forth (as it would where u and g are both zero).  An
## exercised node stays so while the obstacle pushes up, Lhs u - rhs >= 0
## (to round-off): that is the sign of g - u, without the cancellation that
## would keep nodes exercised after their exercise stopped paying.  The
## iteration stops when the set no longer changes, which makes u exact for
## the penalized problem, or when u no longer moves, by less than 1e4
## @var{tol} relative (Forsyth and Vetzal's test).  Returns u, the final matrix @var{L} and penalty vector @var{p}
## (the vega equation reuses them) and the number of solves @var{it}.
## @end deftypefn

function [u, L, p, it] = fd_penalty (Lhs, rhs, g, act, large, tol)
  if (nargin != 6)
    print_usage ();
  endif
  n = numel (rhs);
  tol *= max (g, 1);
  ltol = 1e3 * tol;
  ## Where holding and exercising are worth the same to the discretization
  ## error (a call at zero rate deep in the money), lam is that error, of
  ## either sign, and nodes may flip back and forth with u moving by
  ## round-off-sized amounts: stop once u moves by less than utol.
  utol = 1e4 * tol;
  uold = Inf (n, 1);
  for it = 1:50
    p = large * act;
    L = Lhs + diag (sparse (p));
    u = L \ (rhs + p .* g);
    ## The obstacle's push on the exercised nodes, lam = P (g - u), from the
    ## residual of the unpenalized rows: g - u itself is O(1/large) and lost
    ## in round-off, so a node whose exercise is no longer optimal
    ## (lam < 0) would otherwise stay exercised.
    lam = Lhs * u - rhs;
    nact = g > 0 & ((act & lam > -ltol) | (! act & u < g + tol));
    if (! any (nact != act) || all (abs (u - uold) <= utol))
      return;
    endif
    act = nact;
    uold = u;
  endfor
  warning ("fd_penalty: the iteration did not settle");
endfunction

%!test
%! ## Obstacle problem -u'' = -1 on a grid, u >= g: from an empty guess the
%! ## iteration finds the contact set and u >= g - O(1/large).
%! n = 99; h = 1 / (n + 1); e = ones (n, 1);
%! Lhs = spdiags ([-e 2*e -e], -1:1, n, n) / h^2;
%! x = (1:n).' * h;
%! g = 0.1 - 2 * (x - 0.5).^2;
%! [u, L, p, it] = fd_penalty (Lhs, -ones (n, 1), g, false (n, 1), 1e8, 1e-12);
%! assert (all (u >= g - 1e-6));
%! assert (any (p > 0) && it > 1);
%! r = Lhs * u + 1;                  # free where not exercised
%! assert (max (abs (r(p == 0))) < 1e-8);
%! assert (all (r(p > 0) >= -1e-6)); # pushed up where exercised
%!error fd_penalty (1, 2, 3)
