## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbfad_solve (@var{problem}, @var{level})
## Price @var{problem} by multiquadric RBF collocation in x = log S on nodes
## adapted to an error indicator, BDF2 in time.
##
## @var{problem} is a problem struct (@pxref{benchop_problem}) with model
## @qcode{"black-scholes"}: a European call or put, optionally
## up-and-out (barrier @code{B}, no rebate), output @qcode{"price"},
## @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"}; or the price of an
## American put.  @var{U} holds one
## value per evaluation point @code{problem.S}, in order.
##
## The method follows the published descriptions, in our own code:
## adaptive node placement from an error estimate (Pettersson, Larsson,
## Marcusson and Persson, "Improved radial basis function methods for
## multi-dimensional option pricing", J. Comput. Appl. Math. 222, 2008);
## residual subsampling, the residual evaluated between the nodes, nodes
## added where it exceeds one threshold and removed where it is below
## another (Driscoll and Heryudono, "Adaptive residual subsampling methods
## for radial basis function interpolation and collocation problems",
## Comput. Math. Appl. 53, 2007); RBF collocation after Fasshauer,
## "Meshfree Approximation Methods with MATLAB" (2007).  From a coarse
## uniform node set (@pxref{rbfad_start_nodes}) a coarse march measures the
## PDE residual at the interval midpoints, weighted by the Green's function
## from the evaluation points (@pxref{rbfad_indicator}); the nodes are
## placed anew from it (@pxref{rbfad_place}), up to 3 times and at most
## a capped number of nodes, and the final march runs on the adapted nodes
## (@pxref{rbfad_price}, @ref{rbfad_march}: damped BDF2, the sensitivity
## equation for vega).  Frame, domain, far field and payoff smoothing are
## the shared RBF building blocks @code{rbfx_setup},
## @code{rbfx_far_field}, @code{rbfx_initial} and @code{rbfx_solve}.
## An American put is priced on the nodes adapted to the European put of
## the same parameters (adapting to its own residual would pile the nodes
## on the free boundary, whose residual no spacing makes small), with the
## operator splitting of Ikonen and Toivanen ("Operator splitting methods
## for American option pricing", Appl. Math. Lett. 17, 2004) in the BDF2
## march and twice the time steps.
##
## @var{level} (1 to 12) sets the error threshold and the time steps
## (@pxref{rbfad_solve_checked}).  @var{info} gives the node count
## @code{N}, the steps @code{M}, the adaptation @code{passes}, the frame
## speed @code{c} and the number of linear solves of the final march.
## The input is checked by @code{rbfad_check} and priced by
## @code{rbfad_solve_checked}, which @code{benchop_solve} times alone.
## @end deftypefn

function [U, info] = rbfad_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = rbfad_solve_checked (rbfad_check (problem, level), level);
endfunction

%!shared lev, R
%! lev = benchop_methods ("get", "RBF-AD").default_level;
%! R = @benchop_published;
%!assert (rbfad_solve (benchop_problem ("1a-I"), lev), R ("1a-I"), -1e-4)
%!assert (rbfad_solve (benchop_problem ("1a-II-delta"), lev), R ("1a-II-delta"), -1e-4)
%!test
%! ## Away from the defaults: gamma against the closed form.
%! S = [85 100 115];
%! p = benchop_problem ("1a-I-gamma", "S", S, "K", 95, "T", 0.5, "r", 0.05, "sigma", 0.25);
%! assert (rbfad_solve (p, lev), bs_european ("call", "gamma", S, 95, 0.5, 0.05, 0.25), -1e-4);
%!test
%! ## The American put away from the defaults.
%! p = benchop_problem ("1b-I", "S", [90 105 120], "K", 110, "T", 2, "r", 0.06, "sigma", 0.3);
%! assert (rbfad_solve (p, lev), benchop_reference (p), -1e-4);
%!assert (rbfad_solve (benchop_problem ("1b-II"), lev), R ("1b-II"), -1e-4)
%!test
%! ## Every point knocked out.
%! assert (rbfad_solve (benchop_problem ("1c-I", "S", [125 130]), 1), [0 0]);
%!error rbfad_solve (benchop_problem ("1a-I"))
%!error <rbfad_check: LEVEL must be> rbfad_solve (benchop_problem ("1a-I"), 13)
