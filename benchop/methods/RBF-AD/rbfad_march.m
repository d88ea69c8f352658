## -*- texinfo -*-
## @deftypefn {} {[@var{u}, @var{v}, @var{hist}, @var{taus}] =} rbfad_march (@var{P}, @var{y}, @var{Lop}, @var{G}, @var{M})
## March the Black-Scholes PDE of setup @var{P} (@pxref{rbfx_setup},
## constant volatility) from tau = 0 to tau = T on the nodes @var{y} (a
## sorted column from @code{P.ylo} to @code{P.yhi}), with @var{Lop} the
## collocated operator and @var{G} the vega source's matrix (empty without
## vega; @pxref{rbfad_collocation}).
##
## BDF2 with @var{M} steps, started by two implicit Euler half steps that
## damp the high-frequency error of the payoff's kink (and of the jump at
## an up-and-out barrier); the far field (@pxref{rbfx_far_field}) gives
## the boundary rows.  The coefficients are constant, so the two step
## matrices are factorized once by LU; for more than N / 4 steps (N nodes)
## the BDF2 matrix is inverted instead, so that each step is one
## matrix-vector product (Octave's triangular solves inspect the matrix on
## every call and cost about five products).  The boundary values of all
## steps come from one call of the far field.
##
## American exercise (@code{P.american}, fixed frame c = 0) is the
## operator splitting of Ikonen and Toivanen ("Operator splitting methods
## for American option pricing", Appl. Math. Lett. 17, 2004) on the same
## step: the linear step carries the previous multiplier lam of the
## constraint u >= g (g the exercise value) as a source, then one pointwise
## update projects onto the constraint and renews lam >= 0.  It keeps the
## factorized matrices and costs nothing beyond the European step.
##
## With @code{P.vega}, @var{v} = du/dsigma solves the sigma-differentiated
## scheme, v_tau = L v + sigma (u_yy - u_y), v = 0 on the boundary.
## @var{hist} holds the nodal values after every step, the initial values
## first, for the error indicator (@pxref{rbfad_indicator}); @var{taus}
## the times to maturity the steps reach.
## @end deftypefn

function [u, v, hist, taus] = rbfad_march (P, y, Lop, G, M)
  if (nargin != 5)
    print_usage ();
  endif
  y = y(:);
  N = numel (y);
  bnd = [1; N];
  I = eye (N);
  dt = P.T / M;
  taus = [dt/2, dt, (2:M) * dt];
  Ae = I - dt / 2 * Lop;
  Ae(bnd,:) = 0;
  Ae(bnd,bnd) = eye (2);
  [Le, Ue, pe] = lu (Ae, "vector");
  Ab = 3/2 * I - dt * Lop;
  Ab(bnd,:) = 0;
  Ab(bnd,bnd) = eye (2);
  if (M > N / 4)
    Cb = inv (Ab);
    solve_b = @(b) Cb * b;
  else
    [Lb, Ub, pb] = lu (Ab, "vector");
    solve_b = @(b) Ub \ (Lb \ b(pb));
  endif
  ## The far field is elementwise in y and tau (no dividend date here).
  ns = numel (taus);
  far = rbfx_far_field (P, repmat (y(bnd), 1, ns), repmat (taus, 2, 1));

  u = rbfx_initial (P, y);
  uprev = u;
  v = zeros (N, 1);
  vprev = v;
  if (P.vega)
    G(bnd,:) = 0;
  endif
  keep = nargout > 2;
  if (keep)
    hist = zeros (N, numel (taus) + 1);
    hist(:,1) = u;
  endif
  if (P.american)
    ## The exercise value (fixed frame, c = 0: it does not move) and the
    ## multiplier of the constraint u >= g, a rate, zero on the boundary.
    g = rbfx_payoff (P, y, 0);
    lam = zeros (N, 1);
  endif
  for j = 1:ns
    if (j <= 2)
      h = dt / 2;
      beta = 1;
      solve = @(b) Ue \ (Le \ b(pe));
      rhs = u; rhsv = v;
    else
      h = dt;
      beta = 3/2;
      solve = solve_b;
      rhs = 2 * u - uprev / 2;
      rhsv = 2 * v - vprev / 2;
    endif
    if (P.american)
      rhs += h * lam;
    endif
    rhs(bnd) = far(:,j);
    unew = solve (rhs);
    if (P.american)
      ## Operator splitting: the linear step above carries the old
      ## multiplier; beta (u - unew) = h (lam_new - lam) with u >= g,
      ## lam_new >= 0 and (u - g) lam_new = 0 is solved node by node.
      w = unew - (h / beta) * lam;
      unew = max (w, g);
      lam = (beta / h) * (unew - w);
      lam(bnd) = 0;
      unew(bnd) = far(:,j);
    endif
    if (P.vega)
      rhsv(bnd) = 0;
      rhsv += h * (G * unew);
      vnew = solve (rhsv);
      if (j >= 3)
        vprev = v;
      endif
      v = vnew;
    endif
    if (j >= 3)
      uprev = u;
    endif
    u = unew;
    if (keep)
      hist(:,j+1) = u;
    endif
  endfor
endfunction

%!test
%! ## A European call on a fine uniform grid with second-order
%! ## finite-difference matrices, and the history's shape.
%! p = benchop_problem ("1a-I");
%! P = rbfx_setup (p, p.S);
%! y = linspace (P.ylo, P.yhi, 801).';
%! h = y(2) - y(1);
%! e = ones (801, 1);
%! D1 = full (spdiags ([-e 0*e e] / (2*h), -1:1, 801, 801));
%! D2 = full (spdiags ([e -2*e e] / h^2, -1:1, 801, 801));
%! a = 0.15^2 / 2;
%! Lop = a * D2 + (0.03 - a - P.c) * D1 - 0.03 * eye (801);
%! [u, v, hist] = rbfad_march (P, y, Lop, [], 100);
%! U = interp1 (y, u, P.ye, "spline");
%! assert (U, bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15), -1e-3);
%! assert (size (hist), [801, 102]);
%! assert (hist(:,end), u);
%!test
%! ## The American put of the same grid: above the European put and the
%! ## exercise value, close to the reference.
%! p = benchop_problem ("1b-I");
%! P = rbfx_setup (p, p.S);
%! y = linspace (P.ylo, P.yhi, 401).';
%! h = y(2) - y(1);
%! e = ones (401, 1);
%! D1 = full (spdiags ([-e 0*e e] / (2*h), -1:1, 401, 401));
%! D2 = full (spdiags ([e -2*e e] / h^2, -1:1, 401, 401));
%! a = 0.15^2 / 2;
%! Lop = a * D2 + (0.03 - a) * D1 - 0.03 * eye (401);
%! u = rbfad_march (P, y, Lop, [], 100);
%! assert (all (u >= rbfx_payoff (P, y, 0)));
%! U = interp1 (y, u, P.ye, "spline");
%! assert (U, american_put_reference (p.S, 100, 1, 0.03, 0.15), -2e-3);
%! assert (all (U > bs_european ("put", "price", p.S, 100, 1, 0.03, 0.15)));
%!error rbfad_march (1, 2, 3)
