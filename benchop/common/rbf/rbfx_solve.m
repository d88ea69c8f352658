## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbfx_solve (@var{problem}, @var{N}, @var{M}, @var{price})
## Price the one-dimensional @var{problem} at its evaluation points
## @code{problem.S} with about @var{N} nodes and @var{M} time steps, the
## part of @code{rbf_solve_checked} and @code{rbffd_solve_checked} that does
## not depend on the discretization.  It is timed, so it checks nothing:
## @var{problem} comes from @code{rbf_check} or @code{rbffd_check}
## (@pxref{rbfx_check_problem}).
##
## @var{price} is the method's pricer, called as
## @code{[@var{U}, @var{info}] = @var{price} (@var{problem}, @var{S}, @var{N}, @var{M})}
## for a row of points @var{S} (@pxref{rbf_price}, @ref{rbffd_price}).
## American exercise gets 2 @var{M} steps; an up-and-out problem whose
## points are all at or above the barrier is worth zero without a solve; the
## implied-surface local volatility depends on the spot priced, so that
## model is priced once per point.  @var{U} is a row, @var{info} the
## pricer's, with @code{solves} summed over the points.
## @end deftypefn

function [U, info] = rbfx_solve (problem, N, M, price)
  if (nargin != 4)
    print_usage ();
  endif
  S = problem.S(:).';
  if (strcmp (problem.exercise, "american"))
    ## The free boundary leaves a first-order time error: twice the steps.
    M *= 2;
  endif
  if (strcmp (problem.barrier, "up-and-out") && all (S >= problem.B))
    ## Every point is knocked out: nothing to solve.
    U = zeros (size (S));
    info = struct ("N", 0, "M", 0, "c", NaN, "solves", 0);
    return;
  endif
  if (strcmp (problem.model, "local-vol-implied-surface"))
    U = zeros (size (S));
    for i = 1:numel (S)
      [U(i), info] = price (problem, S(i), N, M);
    endfor
    info.solves *= numel (S);
  else
    [U, info] = price (problem, S, N, M);
  endif
endfunction

%!shared price
%! ## A stand-in pricer that reports what it was called with.
%! price = @(p, S, N, M) deal (S + M, struct ("N", N, "M", M, "c", 0,
%!                                            "solves", 1));
%!test
%! p = benchop_problem ("1a-I");
%! [U, info] = rbfx_solve (p, 10, 20, price);
%! assert (U, p.S + 20);
%! assert ([info.N, info.M, info.solves], [10 20 1]);
%!test
%! ## American exercise doubles the steps.
%! [U, info] = rbfx_solve (benchop_problem ("1b-I"), 10, 20, price);
%! assert (info.M, 40);
%!test
%! ## Every point knocked out: no call to the pricer.
%! p = benchop_problem ("1c-I", "S", [125 130]);
%! [U, info] = rbfx_solve (p, 10, 20, @(varargin) error ("called"));
%! assert (U, [0 0]);
%! assert (info.solves, 0);
%!test
%! ## Implied-surface local volatility: one call per point.
%! p = benchop_problem ("3-II");
%! [U, info] = rbfx_solve (p, 10, 20, price);
%! assert (U, p.S(:).' + 20);
%! assert (info.solves, numel (p.S));
%!error rbfx_solve (1, 2, 3)
