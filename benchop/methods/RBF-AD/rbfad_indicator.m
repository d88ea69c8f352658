## -*- texinfo -*-
## @deftypefn {} {@var{eta} =} rbfad_indicator (@var{P}, @var{y}, @var{M})
## Error indicator of the collocation on the nodes @var{y} (a sorted
## column) for the constant-volatility setup @var{P} (@pxref{rbfx_setup}):
## one value per interval [y_i, y_(i+1)].
##
## Residual subsampling (Driscoll and Heryudono 2007): the collocated
## solution satisfies the discrete equation exactly at the nodes, so the
## residual of the PDE evaluated between them, at the interval midpoints,
## measures how well the interpolant resolves the solution there.  A coarse
## march of @var{M} BDF2 steps (two implicit Euler half steps first, as in
## the final march) gives at every step the residual
## R = (BDF2 difference of the interpolants) / dt - L u at the midpoints,
## with the same time difference as the scheme, so that it holds the space
## error only.  What the residual at (y, tau) does to the price at an
## evaluation point ye is its product with the Green's function of the
## constant-coefficient PDE from ye at time T back to y at tau (a normal
## density in y, mean ye + b (T - tau), b the drift, variance
## sigma^2 (T - tau), discounted): the dual weight of a goal-oriented
## estimate (Becker and Rannacher's dual-weighted residual), which ignores
## the large but harmless residuals near the far ends of the domain.  The
## indicator of interval i is its length times the time integral of
## |R| times that weight, at its largest over the evaluation points; the
## variance is floored at the interval's length squared, so that near
## tau = T the weight stays bounded.
## The residuals of all steps come at once from the march's history.
## @end deftypefn

function eta = rbfad_indicator (P, y, M, order)
  if (nargin != 4)
    print_usage ();
  endif
  y = y(:);
  N = numel (y);
  ym = (y(1:end-1) + y(2:end)) / 2;
  hint = diff (y);
  [Lop, G, C] = rbfad_collocation (P, y);
  [~, ~, hist, taus] = rbfad_march (P, y, Lop, G, M);
  a = P.sigma^2 / 2;
  b = P.r - a - P.c;
  ns = numel (taus);
  h = diff ([0, taus]);
  ## Two Euler half steps, then BDF2.
  beta = [1, 1, 3/2 * ones(1, ns - 2)];
  ## The interpolants of all states at the midpoints, their values and
  ## the operator; the residual of step j from the states before it (the
  ## first BDF2 step, from tau = dt, reaches back to tau = 0).
  lam = rbfad_coefficients (C, hist);
  [E0, E1, E2] = rbfad_basis (ym, y, C.ep);
  Um = E0 * lam;
  prev = [Um(:,1:2), 2 * Um(:,3) - Um(:,1) / 2, ...
          2 * Um(:,4:ns) - Um(:,3:ns-1) / 2];
  R = (beta .* Um(:,2:end) - prev) ./ h ...
      - (a * E2 + b * E1 - P.r * E0) * lam(:,2:end);
  ## The dual weight, at its largest over the evaluation points.
  left = P.T - taus;
  var = P.sigma^2 * left + hint.^2;
  wgt = zeros (N - 1, ns);
  for ye = P.ye
    d2 = (ym - (ye + b * left)).^2;
    dens = exp (-d2 ./ (2 * var)) ./ sqrt (2 * pi * var);
    switch (order)
      case 1
        dens .*= P.s * sqrt (d2) ./ var;
      case 2
        dens .*= P.s^2 * abs (d2 ./ var - 1) ./ var;
    endswitch
    wgt = max (wgt, dens);
  endfor
  eta = hint .* ((abs (R) .* wgt) * (h .* exp (-P.r * left)).');
endfunction

%!test
%! ## Largest near the strike, where the payoff's kink is; tiny in the tails.
%! p = benchop_problem ("1a-I");
%! P = rbfx_setup (p, p.S);
%! y = unique ([linspace(P.ylo, 0, 30), linspace(0, P.yhi, 30)]).';
%! eta = rbfad_indicator (P, y, 20, 0);
%! [~, i] = max (eta);
%! assert (abs (y(i)) < 0.1);
%! assert (max (eta([1 end])) < 1e-6 * max (eta));
%!error rbfad_indicator (1, 2)
