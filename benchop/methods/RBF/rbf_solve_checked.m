## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbf_solve_checked (@var{p}, @var{level})
## The RBF method's pricing (@pxref{rbf_solve}) of a problem checked by
## @code{rbf_check}: what @code{benchop_solve} times.  It checks nothing;
## the node counts, the domain, the shape parameters and the matrices are
## all computed here, on every call.
## @end deftypefn

function [U, info] = rbf_solve_checked (p, level)
  switch (p.model)
    case "black-scholes-2d"
      ## Two space dimensions: about N^2 / 5 dense nodes, so the LU work
      ## grows as N^6: N grows by 2^(1/6) per level.
      q = 2^((level - 1) / 6);
      [U, info] = rbf_exchange (p, round (30 * q), round (30 * q));
    case "heston"
      ## About N^2 / 3 dense nodes: N grows by 2^(1/6) per level, N = 50 at
      ## level 7; the steps cost matrix-vector products only.
      q = 2^((level - 7) / 6);
      [U, info] = rbf_heston (p, round (50 * q), round (200 * q));
    otherwise
      q = 2^((level - 1) / 3);
      N = round (30 * q);
      M = round (120 * q);
      [U, info] = rbfx_solve (p, N, M, @rbf_price);
  endswitch
endfunction

%!test
%! ## The same prices as rbf_solve, from a problem checked once: one
%! ## dimension (American, the most branches), Heston and the exchange
%! ## option.
%! for id = {"2-am", "4", "6"}
%!   problem = benchop_problem (id{1});
%!   [U, info] = rbf_solve_checked (rbf_check (problem, 2), 2);
%!   [U0, info0] = rbf_solve (problem, 2);
%!   assert (U, U0);
%!   assert (info, info0);
%! endfor
