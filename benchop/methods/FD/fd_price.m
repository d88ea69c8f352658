## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{solves}] =} fd_price (@var{problem}, @var{g})
## Price (or Greek) of a @var{problem} at its evaluation points by finite
## differences on grid @var{g} (@pxref{fd_grid}): the march is
## @ref{fd_march} (Black-Scholes, with or without a discrete dividend),
## @ref{fd_march_lv} (local volatility) or @ref{fd_march_jump} (Merton).
##
## Values at the evaluation points come from four-point cubic interpolation
## of the grid solution at y = ln S + c T.  Delta and gamma are taken from
## the grid: central differences u_y, u_yy give dU/dS = u_y / S and
## d2U/dS2 = (u_yy - u_y) / S^2 on the nodes, which are then interpolated.
## Vega is dU/dsigma = v + u_y d(cT)/dsigma, with v the solution of the
## sigma-differentiated scheme (@pxref{fd_march}) and the second term the
## move of the evaluation point when the grid travels with the drift.
## Points at or above an up-and-out barrier are worth zero.  @var{solves}
## counts the linear solves of the price march.
## @end deftypefn

function [U, solves] = fd_price (problem, g)
  if (nargin != 2)
    print_usage ();
  endif
  S = problem.S;
  U = zeros (size (S));
  live = true (size (S));
  if (strcmp (problem.barrier, "up-and-out"))
    live = S < problem.B;      # knocked out at or above the barrier
  endif

  want_vega = strcmp (problem.output, "vega");
  switch (problem.model)
    case {"local-vol-parametric", "local-vol-implied-surface"}
      [u, st] = fd_march_lv (problem, g);
    case "merton"
      [u, st] = fd_march_jump (problem, g);
    otherwise
      [u, v, st] = fd_march (problem, g, want_vega);
  endswitch

  T = problem.T;
  yq = log (S(live)) + g.c * T;
  y0 = g.y(1);
  h = g.h;
  ## Central differences on the interior nodes (grid from y0 + h).
  uy = (u(3:end) - u(1:end-2)) / (2 * h);
  switch (problem.output)
    case "price"
      U(live) = fd_interp (y0, h, u, yq);
    case "vega"
      U(live) = fd_interp (y0, h, v, yq) ...
                + g.dc * T * fd_interp (y0 + h, h, uy, yq);
    case "delta"
      Sn = exp (g.y(2:end-1) - g.c * T);
      U(live) = fd_interp (y0 + h, h, uy ./ Sn, yq);
    case "gamma"
      Sn = exp (g.y(2:end-1) - g.c * T);
      uyy = (u(3:end) - 2 * u(2:end-1) + u(1:end-2)) / h^2;
      U(live) = fd_interp (y0 + h, h, (uyy - uy) ./ Sn.^2, yq);
  endswitch
  solves = st.solves;
endfunction

%!test
%! p = struct ("S", [90 100 110], "K", 100, "T", 1, "r", 0.03, "sigma", 0.15,
%!             "model", "black-scholes", "payoff", "call",
%!             "exercise", "european", "barrier", "none", "output", "price");
%! [U, solves] = fd_price (p, fd_grid (p, 20, 20));
%! assert (U, [2.758443856146076, 7.485087593912603, 14.702019669720769], -1e-3);
%! assert (solves, 22);
%!error fd_price (1, 2)
