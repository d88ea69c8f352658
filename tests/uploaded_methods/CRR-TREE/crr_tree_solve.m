## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} crr_tree_solve (@var{problem}, @var{level})
## Price a European or American option of the Black-Scholes model on a
## Cox-Ross-Rubinstein binomial tree of N = 2^(level + 3) steps.  The last
## step uses the Black-Scholes price of a European option of one step
## (smoothing the payoff's kink), and the prices of N and N/2 steps are
## extrapolated (2 U_N - U_N/2).  @var{info}.N is the number of steps.
## @end deftypefn

function [U, info] = crr_tree_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  if (! strcmp (problem.model, "black-scholes") || ! strcmp (problem.output, "price")
      || ! strcmp (problem.barrier, "none"))
    error ("crr_tree_solve: only Black-Scholes prices without a barrier");
  endif
  N = 2 ^ (level + 3);
  U = 2 * crr_tree_price (problem, N) - crr_tree_price (problem, N / 2);
  info = struct ("N", N);
endfunction

%!test
%! p = struct ("model", "black-scholes", "output", "price", "barrier", "none",
%!             "payoff", "call", "exercise", "european", "S", [90 100 110],
%!             "K", 100, "T", 1, "r", 0.03, "sigma", 0.15);
%! U = crr_tree_solve (p, 6);
%! assert (U, [2.758443856146076, 7.485087593912603, 14.70201966972077], -1e-4);
%!error <only Black-Scholes> crr_tree_solve (struct ("model", "heston", "output", "price", "barrier", "none"), 1)
