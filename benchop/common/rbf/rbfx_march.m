## -*- texinfo -*-
## @deftypefn {} {[@var{u}, @var{v}, @var{solves}] =} rbfx_march (@var{P}, @var{y}, @var{D1}, @var{D2}, @var{interp}, @var{M})
## March the pricing PDE of setup @var{P} (@pxref{rbfx_setup}) from tau = 0
## to tau = T on the nodes @var{y} (a sorted column from @code{P.ylo} to
## @code{P.yhi}).
##
## @var{D1} and @var{D2} map nodal values to the first and second
## y-derivatives at the nodes (dense for global collocation, sparse for
## RBF-FD); @code{@var{interp} (@var{u}, @var{yq})} evaluates the
## approximation with nodal values @var{u} at points @var{yq} inside the
## domain.  In the moving frame the PDE reads
## u_tau = a u_yy + (r - a - c) u_y - r u, a = sigma(S, t)^2 / 2.
##
## Time stepping is BDF2 with @var{M} steps over [0, T] (in proportion on
## either side of a dividend date); each run of BDF2 starts with two
## implicit Euler half steps, which damp the high-frequency error of the
## non-smooth data (the payoff, and after a dividend the American floor).
## Boundary rows carry the far-field values (@pxref{rbfx_far_field}).
## American exercise is a penalty term rho max (g - u, 0), rho = 1e8,
## treated implicitly and solved by policy iteration (the active set
## converges in a few iterations).  At the dividend date the values become
## u (y + ln (1 - D)) through @var{interp}, or the far field below the
## domain.
##
## With @code{P.vega}, @var{v} = du/dsigma solves the sigma-differentiated
## scheme, v_tau = L v + sigma (u_yy - u_y), v = 0 on the boundary (the far
## field does not depend on sigma), with the same matrices.  @var{solves}
## counts the linear solves.
## @end deftypefn

function [u, v, solves] = rbfx_march (P, y, D1, D2, interp, M)
  if (nargin != 6)
    print_usage ();
  endif
  N = numel (y);
  y = y(:);
  bnd = [1; N];
  sparse_ops = issparse (D1);
  if (sparse_ops)
    I = speye (N);
  else
    I = eye (N);
  endif
  rho = 1e8;

  u = rbfx_initial (P, y);
  v = zeros (N, 1);
  solves = 0;
  if (P.taud > 0 && P.taud < P.T)
    seg = [0, P.taud, P.T];
  else
    seg = [0, P.T];
  endif

  cache = struct ("key", {}, "solve", {});
  Lop = [];
  act = false (N, 1);
  for k = 1:numel (seg) - 1
    len = seg(k+1) - seg(k);
    n = max (2, round (M * len / P.T));
    dt = len / n;
    ## Step list: two Euler half steps, then BDF2 steps.
    taus = seg(k) + [dt/2, dt, (2:n) * dt];
    uprev = u;
    vprev = v;
    for j = 1:numel (taus)
      tau = taus(j);
      if (j <= 2)
        beta = 1; h = dt / 2; rhs = u; rhsv = v;
      else
        beta = 3/2; h = dt;
        rhs = 2 * u - uprev / 2;
        rhsv = 2 * v - vprev / 2;
      endif
      if (isempty (Lop) || ! P.const_vol)
        S = P.K * exp (y - P.c * tau);
        ## A local volatility surface may be undefined far in its wings
        ## (negative Dupire denominator); no diffusion there.
        a = real (P.vol (S, P.T - tau)).^2 / 2;
        a(! isfinite (a)) = 0;
        if (sparse_ops)
          Lop = spdiags (a, 0, N, N) * D2 ...
                + spdiags (P.r - a - P.c, 0, N, N) * D1 - P.r * I;
        else
          Lop = a .* D2 + (P.r - a - P.c) .* D1 - P.r * I;
        endif
        cache = struct ("key", {}, "solve", {});
      endif
      A = beta * I - h * Lop;
      A(bnd,:) = 0;
      A(bnd,bnd) = eye (2);
      rhs(bnd) = rbfx_far_field (P, y(bnd), tau);
      if (P.american)
        g = rbfx_payoff (P, y, tau);
      endif
      ## Policy iteration on the penalized rows, started from the active
      ## set of the previous step (usually one solve suffices).
      for it = 1:50
        if (any (act))
          Ap = A + h * rho * diag (sparse (double (act)));
          unew = Ap \ (rhs + h * rho * (act .* g));
        elseif (P.const_vol)
          ## One matrix per step size: factorize once.
          key = beta * 1e6 + h;
          c = find ([cache.key] == key, 1);
          if (isempty (c))
            cache(end+1) = struct ("key", key, "solve", rbfx_factor (A));
            c = numel (cache);
          endif
          unew = cache(c).solve (rhs);
        else
          ## A new matrix every step (banded when sparse).
          unew = A \ rhs;
        endif
        solves += 1;
        if (! P.american)
          break;
        endif
        newact = g > unew;
        newact(bnd) = false;
        if (isequal (newact, act))
          break;
        endif
        act = newact;
      endfor
      if (P.vega)
        src = h * P.sigma * (D2 * unew - D1 * unew);
        src(bnd) = 0;
        rhsv(bnd) = 0;
        if (any (act))
          vnew = Ap \ (rhsv + src);
        else
          vnew = cache(c).solve (rhsv + src);
        endif
        solves += 1;
        if (j >= 3)
          vprev = v;
        endif
        v = vnew;
      endif
      if (j >= 3)
        uprev = u;
      endif
      u = unew;
    endfor
    if (seg(k+1) == P.taud)
      ## Dividend date: U(S, taud+) = U((1 - D) S, taud-).
      yq = y + log (1 - P.D);
      in = yq >= y(1);
      unew = rbfx_far_field (P, yq, P.taud);
      unew(in) = interp (u, yq(in));
      if (P.american)
        unew = max (unew, rbfx_payoff (P, y, P.taud));
      endif
      u = unew;
      if (P.vega)
        vnew = zeros (N, 1);
        vnew(in) = interp (v, yq(in));
        v = vnew;
      endif
    endif
  endfor
endfunction

%!test
%! ## Heat-like check: a European call on a fine uniform grid with second-
%! ## order finite-difference matrices.
%! p = benchop_problem ("1a-I");
%! P = rbfx_setup (p, p.S);
%! y = linspace (P.ylo, P.yhi, 801).';
%! h = y(2) - y(1);
%! e = ones (801, 1);
%! D1 = spdiags ([-e 0*e e] / (2*h), -1:1, 801, 801);
%! D2 = spdiags ([e -2*e e] / h^2, -1:1, 801, 801);
%! u = rbfx_march (P, y, D1, D2, @(u, yq) interp1 (y, u, yq), 200);
%! U = interp1 (y, u, log (p.S / 100) + P.c * p.T, "spline");
%! assert (U, bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15), -1e-3);
%!error rbfx_march (1, 2, 3)
