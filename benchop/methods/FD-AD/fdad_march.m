## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{W}, @var{H}] =} fdad_march (@var{z}, @var{pde}, @var{st})
## March u_tau = a u_zz + b u_z - c u in time to maturity on the grid
## @var{z} (a column) through the steps @var{st} (@pxref{fdad_steps}).
##
## @var{pde} holds @code{g} (the payoff at the nodes, also the exercise
## value when @code{american} is true, unless @code{obstacle (tau)} gives
## an exercise value that moves with tau), @code{coef (tau)} returning the
## coefficients @code{[a, b, c]} for a row of times, one column per time
## (@code{frozen} true when they do not depend on tau: scalars or one
## column), @code{bc (tau)} the two boundary values [low; high]
## at each of a row of times, @code{shift} the dividend's jump
## U(z, tau_d+) = U(z + shift, tau_d-) applied after step @code{st.jump},
## and @code{vega} true to march also W = dU/dsigma (constant sigma) by
## the sigma-derivative of the discrete scheme.  @var{U} is the solution at
## maturity tau = T; @var{H}, when asked for, holds the solution after
## every step, one column per step (the pilot's history that the error
## estimate reads).
##
## Crank-Nicolson steps and implicit Euler steps as @var{st} says.
## American exercise: the operator splitting of Ikonen and Toivanen (2004),
## a linear step with the last step's Lagrange multiplier, then
## U = max (U~ - dt lambda, g), lambda = max (0, lambda + (g - U~) / dt).
## @end deftypefn

function [U, W, H] = fdad_march (z, pde, st)
  if (nargin != 3)
    print_usage ();
  endif
  n = numel (z);
  g = pde.g;
  U = g;
  moving = isfield (pde, "obstacle") && ! isempty (pde.obstacle);
  vega = pde.vega;
  W = zeros (n, 1);
  keep = nargout > 2;
  nst = numel (st.dt);
  if (keep)
    H = zeros (n, nst);
  endif
  american = pde.american;
  lam = zeros (n, 1);
  taus = [0, cumsum(st.dt)];
  BC = pde.bc (taus(2:end));
  ## The operator's diagonals at all times at once (one call of a local
  ## volatility); a constant operator is one column.
  [ca, cb, cc] = pde.coef (taus);
  if (vega)
    [lo, dg, up, slo, sdg, sup] = fdad_stencil (z, ca, cb, cc);
  else
    [lo, dg, up] = fdad_stencil (z, ca, cb, cc);
  endif
  last = columns (lo);
  i = (2:n-1).';
  ii = [1; i; i; i; n];
  jj = [1; i-1; i; i+1; n];
  tau = 0;
  for s = 1:nst
    dt = st.dt(s);
    th = st.theta(s);
    k0 = min (s, last);
    k1 = min (s + 1, last);
    ## L = I - th dt A(tau + dt); E U = U + (1 - th) dt A(tau) U.
    L = sparse (ii, jj, [1; -th*dt*lo(:, k1); 1 - th*dt*dg(:, k1);
                         -th*dt*up(:, k1); 1], n, n);
    rhs = U;
    if (th < 1)
      rhs(i) += (1 - th) * dt * (lo(:, k0) .* U(i-1) + dg(:, k0) .* U(i)
                                 + up(:, k0) .* U(i+1));
    endif
    if (american)
      rhs += dt * lam;
    endif
    rhs([1 n]) = BC(:, s);
    Ut = L \ rhs;
    if (vega)
      ## The sigma-derivative of the step: the same matrices, the source
      ## dA/dsigma applied to the solution.
      rw = W;
      rw(i) += dt * th * (slo(:, k1) .* Ut(i-1) + sdg(:, k1) .* Ut(i)
                          + sup(:, k1) .* Ut(i+1));
      if (th < 1)
        rw(i) += (1 - th) * dt * (lo(:, k0) .* W(i-1) + dg(:, k0) .* W(i)
                                  + up(:, k0) .* W(i+1)
                                  + slo(:, k0) .* U(i-1) + sdg(:, k0) .* U(i)
                                  + sup(:, k0) .* U(i+1));
      endif
      rw([1 n]) = 0;
      W = L \ rw;
    endif
    if (american)
      if (moving)
        g = pde.obstacle (tau + dt);
      endif
      U = max (Ut - dt * lam, g);
      lam = max (0, lam + (g - Ut) / dt);
      lam([1 n]) = 0;
      U([1 n]) = Ut([1 n]);
    else
      U = Ut;
    endif
    if (s == st.jump)
      ## The dividend: U(z, tau_d+) = U(z + shift, tau_d-).
      U = fdad_interp (z, U, z + pde.shift);
      if (vega)
        W = fdad_interp (z, W, z + pde.shift);
      endif
      if (american)
        U = max (U, g);
      endif
      lam(:) = 0;
    endif
    if (keep)
      H(:, s) = U;
    endif
    tau += dt;
  endfor
endfunction

%!test
%! ## European call in z = ln (S/K), u = U/K, against the closed form.
%! sig = 0.15; r = 0.03; T = 1;
%! z = linspace (-1.2, 1.2, 241).';
%! pde = struct ("g", max (exp (z) - 1, 0), "american", false, "shift", 0,
%!               "vega", true, "frozen", true);
%! pde.coef = @(tau) deal (sig^2 / 2, r - sig^2 / 2, r);
%! pde.bc = @(tau) [0 * tau; exp(z(end)) - exp(-r * tau)];
%! [U, W] = fdad_march (z, pde, fdad_steps (T, 60, [], @(s) s.^2));
%! zq = log ([0.9 1 1.1]);
%! assert (100 * fdad_interp (z, U, zq), bs_european ("call", "price",
%!         [90 100 110], 100, T, r, sig), -1e-3);
%! assert (100 * fdad_interp (z, W, zq), bs_european ("call", "vega",
%!         [90 100 110], 100, T, r, sig), -2e-3);
%!error fdad_march (1, 2)
