## -*- texinfo -*-
## @deftypefn {} {[@var{u}, @var{v}, @var{solves}] =} rbfpum_march (@var{P}, @var{y}, @var{D1}, @var{D2}, @var{interp}, @var{M})
## March the one-dimensional pricing PDE of setup @var{P}
## (@pxref{rbfx_setup}) from tau = 0 to tau = T on the nodes @var{y} (a
## sorted column from @code{P.ylo} to @code{P.yhi}, the strike a node) with
## the sparse RBF-PUM differentiation matrices @var{D1}, @var{D2}
## (@pxref{rbfpum_weights}); @code{@var{interp} (@var{u}, @var{yq})}
## evaluates the blended interpolant of nodal values @var{u} at points
## @var{yq}.
##
## In the moving frame of @var{P} the PDE reads u_tau = a u_yy
## + (r - a - c) u_y - r u, a = sigma(S, t)^2 / 2, collocated at the
## interior nodes; the two end nodes carry the far-field values
## (@pxref{rbfx_far_field}).  The initial values are the payoff smoothed at
## the kink (@pxref{rbfpum_initial}).  Time stepping: BDF3 with @var{M}
## steps over [0, T] (in proportion on either side of a dividend date;
## third order, as the relative error of prices far out of the money,
## tiny and fast-changing in tau, is mostly the time error), each run
## started by two implicit Euler steps of a quarter step, which damp the
## high-frequency error of non-smooth data, and BDF2 with quarter steps up
## to the third BDF3 value.  American exercise: the penalty
## method of Nielsen, Skavhaug and Tveito (2002), a term
## rho max (g - u, 0) with rho = 1e8 added to the PDE, implicit, solved by
## a policy (active set) iteration started from the previous step's set.
## At the dividend date u (y) becomes u (y + ln (1 - D)), through
## @var{interp}, or the far field below the domain; American exercise then
## takes the floor of the payoff.
##
## With @code{P.vega}, @var{v} = du/dsigma solves the sigma-differentiated
## scheme, v_tau = L v + sigma (u_yy - u_y), v = 0 at the ends.
## @var{solves} counts the linear solves.
## @end deftypefn

function [u, v, solves] = rbfpum_march (P, y, D1, D2, interp, M)
  if (nargin != 6)
    print_usage ();
  endif
  N = numel (y);
  y = y(:);
  bnd = [1; N];
  inner = true (N, 1);
  inner(bnd) = false;
  dg = @(d) sparse (1:N, 1:N, d, N, N);    # faster than spdiags
  keep = dg (double (inner));
  Ebnd = sparse (bnd, bnd, 1, N, N);
  I = speye (N);
  rho = 1e8;

  u = rbfpum_initial (P, y);
  v = zeros (N, 1);
  solves = 0;
  if (P.taud > 0 && P.taud < P.T)
    seg = [0, P.taud, P.T];
  else
    seg = [0, P.T];
  endif

  Lop = [];
  act = false (N, 1);
  for k = 1:numel (seg) - 1
    len = seg(k+1) - seg(k);
    n = max (3, round (M * len / P.T));
    dt = len / n;
    facts = {};                 # the step size changes with the segment
    ## Steps: two implicit Euler steps of dt/4, six BDF2 steps of dt/4 (to
    ## tau = 2 dt), then BDF3 steps of dt; key 1, 2, 3.
    key_of = [1 1 2 2 2 2 2 2, 3 * ones(1, n - 2)];
    taus = seg(k) + [(1:8) * dt / 4, (3:n) * dt];
    a0_of = [1, 3/2, 11/6];
    h_of = [dt/4, dt/4, dt];
    uprev = u;
    vprev = v;
    hist = {u};
    histv = {v};
    for j = 1:numel (taus)
      tau = taus(j);
      key = key_of(j);
      beta = a0_of(key);
      h = h_of(key);
      switch (key)
        case 1
          rhs = u; rhsv = v;
        case 2
          rhs = 2 * u - uprev / 2;
          rhsv = 2 * v - vprev / 2;
        case 3
          rhs = 3 * hist{3} - 3/2 * hist{2} + hist{1} / 3;
          rhsv = 3 * histv{3} - 3/2 * histv{2} + histv{1} / 3;
      endswitch
      if (isempty (Lop) || ! P.const_vol)
        S = P.K * exp (y - P.c * tau);
        ## A local volatility may be undefined far in its wings (negative
        ## Dupire denominator): no diffusion there.
        a = real (P.vol (S, P.T - tau)).^2 / 2;
        a(! isfinite (a)) = 0;
        Lop = dg (a) * D2 + dg (P.r - a - P.c) * D1 - P.r * I;
        facts = {};
      endif
      A = keep * (beta * I - h * Lop) + Ebnd;
      rhs(bnd) = rbfx_far_field (P, y(bnd), tau);
      if (P.american)
        g = rbfx_payoff (P, y, tau);
      endif
      for it = 1:50
        if (any (act))
          pen = h * rho * double (act);
          Ap = A + dg (pen);
          unew = Ap \ (rhs + pen .* g);
        elseif (P.const_vol)
          ## Constant coefficients: one factorization per kind of step.
          if (numel (facts) < key || isempty (facts{key}))
            facts{key} = rbfx_factor (A);
          endif
          unew = facts{key} (rhs);
        else
          unew = A \ rhs;
        endif
        solves += 1;
        if (! P.american)
          break;
        endif
        newact = inner & (g > unew);
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
          vnew = facts{key} (rhsv + src);
        endif
        solves += 1;
        vprev = v;
        v = vnew;
      endif
      uprev = u;
      u = unew;
      if (j == 4 || j == 8)
        hist{end+1} = u;
        histv{end+1} = v;
      elseif (key == 3)
        hist = [hist(2:3), {u}];
        histv = [histv(2:3), {v}];
      endif
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
%! ## A European call on even nodes, against Black-Scholes.
%! p = benchop_problem ("1a-I");
%! P = rbfx_setup (p, p.S);
%! y = linspace (P.ylo, P.yhi, 201).';
%! y -= y(find (y > 0, 1));             # the strike a node
%! y = y(y >= P.ylo - 1e-12);
%! [~, D1, D2] = rbfpum_weights (y, y, 3, 11);
%! u = rbfpum_march (P, y, D1, D2, [], 100);
%! U = rbfpum_weights (log (p.S / 100) + P.c * p.T, y, 3, 11) * u;
%! assert (U.', bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15), -1e-3);
%!error rbfpum_march (1, 2, 3)
