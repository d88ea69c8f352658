## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbfpum_solve_checked (@var{p}, @var{level})
## The RBF-PUM method's pricing (@pxref{rbfpum_solve}) of a problem checked
## by @code{rbfpum_check}: what @code{benchop_solve} times.  It checks
## nothing; the nodes, patches, differentiation matrices and time steps are
## all computed here, on every call.
## @end deftypefn

function [U, info] = rbfpum_solve_checked (p, level)
  switch (p.model)
    case "heston"
      ## Two space dimensions: N^2 / 6 nodes, work about N^3.
      q = 2^((level - 1) / 3);
      N = round (40 * q);
      [U, info] = rbfpum_heston (p, N, N);
    case "black-scholes-2d"
      q = 2^((level - 1) / 2);
      [U, info] = rbfpum_exchange (p, round (50 * q), round (50 * q));
    otherwise
      q = 2^((level - 1) / 2);
      [U, info] = rbfx_solve (p, round (50 * q), round (50 * q), @rbfpum_price);
  endswitch
endfunction

%!test
%! ## The same prices as rbfpum_solve, from a problem checked once.
%! for id = {"2-am", "6"}
%!   problem = benchop_problem (id{1});
%!   [U, info] = rbfpum_solve_checked (rbfpum_check (problem, 1), 1);
%!   [U0, info0] = rbfpum_solve (problem, 1);
%!   assert (U, U0);
%!   assert (info, info0);
%! endfor
