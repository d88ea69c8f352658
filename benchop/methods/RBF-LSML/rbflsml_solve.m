## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbflsml_solve (@var{problem}, @var{level})
## Price @var{problem} by least-squares multilevel radial basis function
## collocation (RBF-LSML) in log S.
##
## @var{problem} is a problem struct (@pxref{benchop_problem}) with model
## @qcode{"black-scholes"}, @qcode{"black-scholes-dividend"} (one
## proportional dividend D at t = alpha T), @qcode{"local-vol-parametric"}
## or @qcode{"local-vol-implied-surface"}: a European or American call or
## put with output @qcode{"price"}, @qcode{"delta"}, @qcode{"gamma"} or
## @qcode{"vega"} (European, constant volatility), or a European up-and-out
## price (barrier B, no rebate).  @var{U}
## holds one value per evaluation point @code{problem.S}, in order.
##
## The method follows the multilevel approximation by residual correction
## (Floater and Iske, "Multistep scattered data interpolation using
## compactly supported radial basis functions", J. Comput. Appl. Math. 73,
## 1996; Fasshauer, "Meshfree Approximation Methods with MATLAB", 2007,
## chapters on multilevel approximation and least squares) and the
## least-squares RBF methods for PDEs with oversampled evaluation points
## (Larsson, Gomes, Heryudono and Safdari-Vaighani, "Radial basis function
## methods in computational finance", CMMSE 2013; Larsson, Shcherbakov and
## Heryudono, "A least squares radial basis function partition of unity
## method for solving PDEs", SIAM J. Sci. Comput. 39, 2017).  The solution
## in the moving frame y = ln (S/K) + c tau (@pxref{rbfx_setup}) is a sum
## of three levels of multiquadrics on nested node sets clustered at the
## strike (@pxref{rbflsml_price}), the coarse ones wide, the finest
## narrow.  Each BDF2 step is fitted at twice as many evaluation points as
## there are finest centres, level by level: the coarse level in least
## squares, each finer level to the residual the coarser ones leave
## (@pxref{rbflsml_correct}, @ref{rbflsml_march}).  American exercise is a
## projection on the exercise value after each step; the dividend is the
## jump condition U(S, t-) = U((1 - D) S, t+) through the approximant; the
## implied-surface local volatility depends on the spot priced, so that
## model is solved once per point (@pxref{rbfx_solve}).  An up-and-out
## barrier within reach is the fixed upper end y = ln (B/K) of the domain
## (frame speed c = 0), with U = 0 there at every step, nodes clustered
## there as well as at the strike, a damped start and row weights that
## keep the least-squares misfit of the barrier layer out of the far tail
## (@pxref{rbflsml_march}).
##
## @var{level} (an integer from 1 to 7) sets the resolution: about
## N = 40 q finest centres and M = 80 q steps (twice as many for American
## exercise), q = 2^((level-1)/3).  @var{info} gives @code{N}, the number
## of @code{levels} and of all @code{centres}, the evaluation
## @code{points}, @code{M}, the frame speed @code{c} and the number of
## least-squares factorizations @code{solves}.
##
## The input is checked by @code{rbflsml_check} and priced by
## @code{rbflsml_solve_checked}, which @code{benchop_solve} times alone.
## @end deftypefn

function [U, info] = rbflsml_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = rbflsml_solve_checked (rbflsml_check (problem, level), level);
endfunction

%!shared lev
%! lev = benchop_methods ("get", "RBF-LSML").default_level;

## The listed problems at the default level against the references.
%!test
%! for id = {"1a-I", "1a-I-delta", "1a-I-gamma", "1a-I-vega", "1a-II", "2-eu"}
%!   p = benchop_problem (id{1});
%!   assert (rbflsml_solve (p, lev), benchop_reference (p), -1e-4);
%! endfor
%!test
%! p = benchop_problem ("2-am");
%! assert (rbflsml_solve (p, lev), benchop_reference (p), -1e-4);
%!test
%! p = benchop_problem ("3-I", "S", [95 110 125], "K", 110, "T", 0.5, "r", 0.05);
%! assert (rbflsml_solve (p, 3), benchop_reference (p), -1e-4);
%!test
%! p = benchop_problem ("3-II", "S", [85 105], "K", 95, "T", 0.75, "r", 0.05);
%! assert (rbflsml_solve (p, 4), benchop_reference (p), -1e-4);
%!test
%! ## Up-and-out calls, default and other parameters, against the
%! ## Reiner-Rubinstein closed form.
%! custom = benchop_problem ("1c-I", "S", [90 100 110], "K", 100, "T", 0.5,
%!                           "r", 0.05, "sigma", 0.2, "B", 140);
%! for p = {benchop_problem("1c-I"), benchop_problem("1c-II"), custom}
%!   assert (rbflsml_solve (p{1}, 5), benchop_reference (p{1}), -1e-4);
%! endfor
%!test
%! ## A European put, other parameters, against the closed form.
%! p = benchop_problem ("1a-I", "S", [85 100 115], "K", 95, "T", 0.5,
%!                      "r", 0.05, "sigma", 0.25);
%! p.payoff = "put";
%! assert (rbflsml_solve (p, 4), bs_european ("put", "price", p.S, 95, 0.5, 0.05, 0.25), -1e-4);

## Input validation (the cases: rbflsml_check).
%!error rbflsml_solve (benchop_problem ("1a-I"))
%!error <rbflsml_check: PROBLEM must be a problem struct> rbflsml_solve (3, 1)
%!error <rbflsml_check: LEVEL must be> rbflsml_solve (benchop_problem ("1a-I"), 8)
