## -*- texinfo -*-
## @deftypefn {} {[@var{c}, @var{cv}, @var{solves}] =} rbflsml_march (@var{P}, @var{Y}, @var{xc}, @var{ep}, @var{nk}, @var{M})
## March the pricing PDE of setup @var{P} (@pxref{rbfx_setup}) from tau = 0
## to tau = T by least-squares multilevel RBF collocation and return the
## coefficients @var{c} of the solution at tau = T (and @var{cv} of its
## sigma-derivative when @code{P.vega}).
##
## The solution is the sum over levels of multiquadrics with centres
## @var{xc} and shapes @var{ep} (all levels stacked, coarse to fine,
## @var{nk} centres per level).  Each time step of the PDE, in the moving
## frame u_tau = a u_yy + (r - a - c) u_y - r u, a = sigma(S, t)^2 / 2, is
## enforced in the least-squares sense at the evaluation points @var{Y}
## (a sorted column from @code{P.ylo} to @code{P.yhi}, more points than
## centres): BDF2, (beta - h L) u_new = rhs, is fitted level by level, each
## finer level to the residual of the coarser ones
## (@pxref{rbflsml_correct}).  The rows are scaled to unit norm, so that the
## clustered points, where the operator's entries are largest, do not
## dominate; the two ends carry the far-field values
## (@pxref{rbflsml_far_field}) with weight 10.  For a constant volatility
## the map from right-hand side to values is formed once per step size.  A
## local volatility is frozen at the middle time of runs of m steps, m such
## that it changes at most about 24 times per time segment (its error then
## stays near 1e-5); the levels' QR factors are kept for the run and each
## step sweeps its right-hand side through them.  The state between steps is the
## values at @var{Y}, so the payoff (@pxref{rbfx_initial}), projected or
## shifted values enter a step as its right-hand side without a fit of
## their own.  Every run of BDF2 (from the payoff, and again after a
## dividend) starts with two implicit Euler half steps, which damp the
## non-smooth data; from an up-and-out payoff, whose jump at the barrier
## (the upper end, U = 0 there) leaves a thin layer, five Euler steps
## growing geometrically over the first dt and one of dt start it instead,
## and the rows carry the weights (spacing / median)^1.5, without which the
## sparse far tail takes up the misfit of the barrier layer.  @var{M}
## steps cover [0, T], in proportion on either side of a dividend date.
##
## American exercise is a projection of the values at @var{Y} on the
## exercise value after each step.  At a dividend date the values become
## u (y + ln (1 - D)) (the far field below the domain), raised to the
## exercise value for American exercise.  With @code{P.vega} the
## coefficients @var{cv} solve the sigma-differentiated scheme,
## v_tau = L v + sigma (u_yy - u_y), v = 0 on the boundary, with the same
## maps.  @var{solves} counts the least-squares factorizations.
## @end deftypefn

function [c, cv, solves] = rbflsml_march (P, Y, xc, ep, nk, M)
  if (nargin != 6)
    print_usage ();
  endif
  Y = Y(:);
  Me = numel (Y);
  Nc = numel (xc);
  bnd = [1; Me];
  in = (2:Me-1).';
  w = 10;
  ## Row weights on top of the unit row norm.  Up to a barrier, where the
  ## points cluster, the unit norm alone leaves the sparse far tail, where
  ## u is nearly zero, as the sink of the least-squares misfit of the
  ## barrier layer: errors that barely decay and seep into the bulk.  A
  ## weight (spacing / median spacing)^1.5 balances them.
  wrow = [w; ones(Me - 2, 1); w];
  if (P.barrier)
    hY = [Y(2) - Y(1); (Y(3:end) - Y(1:end-2)) / 2; Y(end) - Y(end-1)];
    wrow(in) = (hY(in) / median (hY)).^1.5;
  endif
  rowscale = @(A) wrow ./ sqrt (sumsq (A, 2));
  split = @(X) mat2cell (X, rows (X), nk(:).');
  [B, B1, B2] = rbflsml_mq (Y, xc, ep);

  u = rbfx_initial (P, Y);
  v = zeros (Me, 1);
  cv = zeros (Nc, 1);
  solves = 0;
  if (P.taud > 0 && P.taud < P.T)
    seg = [0, P.taud, P.T];
  else
    seg = [0, P.T];
  endif

  Lop = [];
  for k = 1:numel (seg) - 1
    len = seg(k+1) - seg(k);
    n = max (2, round (M * len / P.T));
    dt = len / n;
    ## A local volatility is refitted at most about 24 times per segment.
    m = max (4, ceil (n / 24));
    ## The implicit Euler steps that start BDF2: two half steps; from an
    ## up-and-out payoff, whose jump at the barrier leaves a thin layer,
    ## five steps growing geometrically over [0, dt] and one of dt.
    if (P.barrier && k == 1)
      hs = [dt * 2.^(0:4) / 31, dt];
    else
      hs = [dt/2, dt/2];
    endif
    ne = numel (hs);
    taus = seg(k) + [cumsum(hs), (round (sum (hs) / dt) + 1:n) * dt];
    [hu, ~, ih] = unique (hs);
    ## BDF2's first step reads the values one step dt before the last
    ## Euler step's end.
    tback = taus(ne) - dt;
    ffs = rbflsml_far_field (P, Y(1), Y(end), taus);
    ## The step maps of this segment: 1 for BDF2, 1 + i for an Euler step
    ## of size hu(i); rhs to coefficients (Gin, Gb) and to values at Y
    ## (Sin, Sb).
    maps = cell (1, 1 + numel (hu));
    uprev = u;
    vprev = v;
    for j = 1:numel (taus)
      tau = taus(j);
      if (j <= ne)
        if (abs ((taus(j) - hs(j)) - tback) < dt * 1e-9)
          uprev = u;
          vprev = v;
        endif
        s = 1 + ih(j); beta = 1; h = hs(j); ru = u; rv = v;
      else
        s = 1; beta = 3/2; h = dt;
        ru = 2 * u - uprev / 2;
        rv = 2 * v - vprev / 2;
      endif
      if (isempty (Lop) || (! P.const_vol && mod (j - 1, m) == 0))
        ## A local volatility is frozen over m steps, at their middle time.
        tm = mean (taus(j:min (j + m - 1, end)));
        S = P.K * exp (Y - P.c * tm);
        ## A local volatility may be undefined far in its wings.
        a = real (P.vol (S, P.T - tm)).^2 / 2;
        a(! isfinite (a)) = 0;
        Lop = a .* B2 + (P.r - a - P.c) .* B1 - P.r * B;
        maps = cell (1, 1 + numel (hu));
      endif
      if (isempty (maps{s}))
        A = beta * B - h * Lop;
        A(bnd,:) = B(bnd,:);
        d = rowscale (A);
        solves += 1;
        if (P.const_vol)
          ## One map for the whole segment: right-hand side to
          ## coefficients (Gin, Gb) and to values at Y (Sin, Sb).
          G = rbflsml_correct (split (d .* A), diag (d));
          maps{s} = struct ("Gin", G(:,in), "Gb", G(:,bnd),
                            "Sin", B * G(:,in), "Sb", B * G(:,bnd));
        else
          ## A few steps only: keep the levels' factors, sweep each step.
          maps{s} = struct ("F", rbflsml_factor (split (d .* A)), "d", d);
        endif
      endif
      map = maps{s};
      ff = ffs(:,j);
      if (P.const_vol)
        unew = map.Sin * ru(in) + map.Sb * ff;
      else
        c = rbflsml_correct (map.F, map.d .* [ff(1); ru(in); ff(2)]);
        unew = B * c;
      endif
      if (P.vega)
        c = map.Gin * ru(in) + map.Gb * ff;
        src = h * P.sigma * (B2(in,:) - B1(in,:)) * c;
        cv = map.Gin * (rv(in) + src);
        if (j > ne)
          vprev = v;
        endif
        v = B * cv;
      endif
      if (P.american)
        ## Projection on the exercise value; the next step fits it.
        unew = max (unew, rbfx_payoff (P, Y, tau));
      endif
      if (j > ne)
        uprev = u;
      endif
      u = unew;
    endfor
    if (P.const_vol)
      ## The coefficients of the last step.
      c = map.Gin * ru(in) + map.Gb * ff;
    endif
    if (seg(k+1) == P.taud)
      ## Dividend date: U(S, taud+) = U((1 - D) S, taud-).
      yq = Y + log (1 - P.D);
      inq = yq >= Y(1);
      Bq = rbflsml_mq (yq(inq), xc, ep);
      u = rbfx_far_field (P, yq, P.taud);
      u(inq) = Bq * c;
      if (P.american)
        u = max (u, rbfx_payoff (P, Y, P.taud));
      endif
      if (P.vega)
        v = zeros (Me, 1);
        v(inq) = Bq * cv;
      endif
    endif
  endfor
endfunction

%!test
%! ## A European call on one level against Black-Scholes to 1e-3.
%! p = benchop_problem ("1a-I");
%! P = rbfx_setup (p, p.S);
%! xc = rbfx_nodes (P, 60, 64);
%! Y = rbfx_nodes (P, 120, 64);
%! h = diff (xc);
%! ep = 0.4 ./ [h(1); (h(1:end-1) + h(2:end)) / 2; h(end)];
%! c = rbflsml_march (P, Y, xc, ep, numel (xc), 100);
%! U = rbflsml_mq (log (p.S / 100) + P.c, xc, ep) * c;
%! assert (U.', benchop_reference (p), -1e-3);
%!error rbflsml_march (1, 2, 3)
