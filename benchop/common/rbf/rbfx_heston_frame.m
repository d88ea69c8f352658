## -*- texinfo -*-
## @deftypefn {} {@var{P} =} rbfx_heston_frame (@var{problem}, @var{N})
## Domain of the 2-D Heston pricing PDE of @var{problem} (model
## @qcode{"heston"}) in x = ln (S/K) and the variance v, for about @var{N}
## nodes in x.
##
## The scale is s = sqrt (vbar T), vbar = max (V0, theta), a standard
## deviation of ln S_T; x reaches 10 s beyond the strike and the evaluation
## points, where the far field is the discounted forward intrinsic value,
## and v runs over [0, vmax], vmax = max (5 vbar, vbar + 8 sigma_v s), with
## max (15, N/3) nodes.  Where the nodes go is the method's choice.
##
## @var{P} has the fields @code{rbfx_nodes} and @code{rbfx_initial} read
## (@code{s}, @code{ylo}, @code{yhi}, @code{ye}, @code{barrier} false,
## @code{K}, @code{c} = 0, @code{call}), the evaluation points as a column
## @code{xe}, and @code{vbar}, @code{vmax} and @code{Nv}.  It is part of
## the timed pricing, so it checks nothing: @var{problem} comes from
## @code{rbf_check} or @code{rbffd_check}, @var{N} (positive) from the
## solver.
## @end deftypefn

function P = rbfx_heston_frame (problem, N)
  if (nargin != 2)
    print_usage ();
  endif
  K = problem.K;
  vbar = max (problem.V0, problem.theta);
  s = sqrt (vbar * problem.T);
  xe = log (problem.S(:) / K);
  P = struct ("s", s, "ylo", min ([xe; 0]) - 10 * s,
              "yhi", max ([xe; 0]) + 10 * s, "ye", xe.', "barrier", false,
              "K", K, "c", 0, "call", strcmp (problem.payoff, "call"),
              "xe", xe, "vbar", vbar,
              "vmax", max (5 * vbar, vbar + 8 * problem.sigma_v * s),
              "Nv", max (15, round (N / 3)));
endfunction

%!test
%! p = benchop_problem ("4");
%! P = rbfx_heston_frame (p, 60);
%! vbar = max (p.V0, p.theta);
%! s = sqrt (vbar * p.T);
%! assert (P.s, s);
%! assert (P.xe, log (p.S(:) / p.K));
%! assert (P.ylo, min ([P.xe; 0]) - 10 * s);
%! assert (P.yhi, max ([P.xe; 0]) + 10 * s);
%! assert (P.vmax >= 5 * vbar);
%! assert (P.Nv, 20);
%! assert (rbfx_heston_frame (p, 6).Nv, 15);
%! assert (P.call && ! P.barrier);
%!error rbfx_heston_frame (benchop_problem ("4"))
