## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{solves}] =} fd_price (@var{problem}, @var{g})
## Price (or Greek) of a @var{problem} at its evaluation points by finite
## differences on grid @var{g} (@pxref{fd_grid}), or on each of an array
## of grids (one row of @var{U} each): the march is
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
  nb = numel (g);
  U = zeros (nb, numel (S));
  if (strcmp (problem.barrier, "up-and-out"))
    live = S < problem.B;      # knocked out at or above the barrier
  else
    live = true (size (S));
  endif

  ## The grids' values (and vegas), one cell per grid.
  u = v = cell (1, nb);
  switch (problem.model)
    case {"local-vol-parametric", "local-vol-implied-surface"}
      solves = 0;
      for b = 1:nb
        [u{b}, st] = fd_march_lv (problem, g(b));
        solves += st.solves;
      endfor
    case "merton"
      solves = 0;
      for b = 1:nb
        [u{b}, st] = fd_march_jump (problem, g(b));
        solves += st.solves;
      endfor
    otherwise
      solves = 0;
      vega = strcmp (problem.output, "vega");
      for b = 1:nb
        [u{b}, v{b}, st] = fd_march (problem, g(b), vega);
        solves += st.solves;
      endfor
  endswitch

  T = problem.T;
  for b = 1:nb
    yq = log (S(live)) + g(b).c * T;
    y0 = g(b).y(1);
    h = g(b).h;
    ub = u{b};
    switch (problem.output)
      case "price"
        U(b, live) = fd_interp (y0, h, ub, yq);
      case "vega"
        ## Central differences on the interior nodes (grid from y0 + h).
        uy = (ub(3:end) - ub(1:end-2)) / (2 * h);
        U(b, live) = fd_interp (y0, h, v{b}, yq) ...
                     + g(b).dc * T * fd_interp (y0 + h, h, uy, yq);
      case "delta"
        uy = (ub(3:end) - ub(1:end-2)) / (2 * h);
        Sn = exp (g(b).y(2:end-1) - g(b).c * T);
        U(b, live) = fd_interp (y0 + h, h, uy ./ Sn, yq);
      case "gamma"
        uy = (ub(3:end) - ub(1:end-2)) / (2 * h);
        Sn = exp (g(b).y(2:end-1) - g(b).c * T);
        uyy = (ub(3:end) - 2 * ub(2:end-1) + ub(1:end-2)) / h^2;
        U(b, live) = fd_interp (y0 + h, h, (uyy - uy) ./ Sn.^2, yq);
    endswitch
  endfor
endfunction

%!test
%! p = struct ("S", [90 100 110], "K", 100, "T", 1, "r", 0.03, "sigma", 0.15,
%!             "model", "black-scholes", "payoff", "call",
%!             "exercise", "european", "barrier", "none", "output", "price");
%! [U, solves] = fd_price (p, fd_grid (p, 20, 20));
%! assert (U, [2.758443856146076, 7.485087593912603, 14.702019669720769], -1e-3);
%! assert (solves, 22);
%!error fd_price (1, 2)
