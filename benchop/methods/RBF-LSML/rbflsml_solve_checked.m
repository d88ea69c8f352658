## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbflsml_solve_checked (@var{p}, @var{level})
## The RBF-LSML method's pricing (@pxref{rbflsml_solve}) of a problem
## checked by @code{rbflsml_check}: what @code{benchop_solve} times.  It
## checks nothing; the nodes, the shape parameters and the least-squares
## maps are all computed here, on every call.
## @end deftypefn

function [U, info] = rbflsml_solve_checked (p, level)
  q = 2^((level - 1) / 3);
  N = round (40 * q);
  M = round (80 * q);
  [U, info] = rbfx_solve (p, N, M, @(pp, S, N, M) rbflsml_price (pp, S, N, M, 3));
endfunction

%!test
%! ## The same prices as rbflsml_solve, from a problem checked once.
%! problem = benchop_problem ("2-eu");
%! [U, info] = rbflsml_solve_checked (rbflsml_check (problem, 1), 1);
%! [U0, info0] = rbflsml_solve (problem, 1);
%! assert (U, U0);
%! assert (info, info0);
%! assert ([info.levels, info.M], [3 80]);
%! assert (abs (info.N - 40) <= 2);
