## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbfad_solve_checked (@var{p}, @var{level})
## The RBF-AD pricing (@pxref{rbfad_solve}) of a problem checked by
## @code{rbfad_check}: what @code{benchop_solve} times.  It checks nothing;
## the domain, the adapted nodes, the shape parameters and the matrices are
## all computed here, on every call.
##
## @var{level} sets the error threshold theta = 1e-5 2^(1 - level) (in units
## of K s, s = sigma sqrt (T)), the cap of 200 2^((level - 7) / 3) nodes
## and M = 100 2^((level - 1) / 3) time steps: each level adds about
## 2^(1/3) nodes and steps, at most about twice the work.  Three
## adaptation passes at most (@pxref{rbfad_price}); American exercise
## takes 2 M steps (@pxref{rbfx_solve}).
## @end deftypefn

function [U, info] = rbfad_solve_checked (p, level)
  theta = 1e-5 * 2^(1 - level);
  M = round (100 * 2^((level - 1) / 3));
  nmax = round (200 * 2^((level - 7) / 3));
  ## Start from a spacing of 0.3 standard deviations of ln S_T.
  price = @(problem, S, h0, M) rbfad_price (problem, S, h0, M, theta, 3, nmax);
  [U, info] = rbfx_solve (p, 0.3, M, price);
endfunction

%!test
%! problem = benchop_problem ("1a-I-vega");
%! [U, info] = rbfad_solve_checked (rbfad_check (problem, 1), 1);
%! [U0, info0] = rbfad_solve (problem, 1);
%! assert (U, U0);
%! assert (info, info0);
