## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbffd_solve_checked (@var{p}, @var{level})
## The RBF-FD method's pricing (@pxref{rbffd_solve}) of a problem checked
## by @code{rbffd_check}: what @code{benchop_solve} times.  It checks
## nothing; the node counts, the domain, the stencil weights and the
## matrices are all computed here, on every call.
## @end deftypefn

function [U, info] = rbffd_solve_checked (p, level)
  switch (p.model)
    case {"heston", "black-scholes-2d"}
      ## Two space dimensions: nodes N^2 / c, work N^3 / c.
      q = 2^((level - 1) / 3);
      N = round (50 * q);
      M = round (50 * q);
      if (strcmp (p.model, "heston"))
        [U, info] = rbffd_heston (p, N, M);
      else
        [U, info] = rbffd_exchange (p, N, M);
      endif
    otherwise
      q = 2^((level - 1) / 2);
      N = round (100 * q);
      M = round (100 * q);
      [U, info] = rbfx_solve (p, N, M, @rbffd_price);
  endswitch
endfunction

%!test
%! ## The same prices as rbffd_solve, from a problem checked once: one
%! ## dimension (American, the most branches), Heston and the exchange
%! ## option.
%! for id = {"2-am", "4", "6"}
%!   problem = benchop_problem (id{1});
%!   [U, info] = rbffd_solve_checked (rbffd_check (problem, 1), 1);
%!   [U0, info0] = rbffd_solve (problem, 1);
%!   assert (U, U0);
%!   assert (info, info0);
%! endfor
