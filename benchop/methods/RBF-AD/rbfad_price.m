## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} rbfad_price (@var{problem}, @var{S}, @var{h0}, @var{M}, @var{theta}, @var{passes}, @var{nmax})
## Price @var{problem} at the evaluation points @var{S} (a row) by
## multiquadric collocation on adaptively refined nodes, BDF2 in time.
##
## Start from nodes with spacing @var{h0} s (s = sigma sqrt (T), the
## standard deviation of ln S_T; @pxref{rbfad_start_nodes}); then, up to
## @var{passes} times, estimate the error of each interval by residual
## subsampling (@pxref{rbfad_indicator}, a coarse march of 12 steps: the
## residual measures the space error, which a coarse march sees as well)
## and place the nodes anew against the threshold @var{theta} K s, at
## most about @var{nmax} of them (@pxref{rbfad_place}), until no interval
## exceeds twice the threshold.  The final march of @var{M} steps on the
## adapted nodes is @code{rbfad_march}: BDF2 with a damped start, the
## sensitivity equation for vega, the operator splitting for American
## exercise.  An American put's nodes are adapted to the European put of
## the same parameters, in the same fixed frame: the free boundary's
## residual, which no spacing makes small, would draw all the nodes to it,
## while the European indicator clusters them at the strike and the
## evaluation points, where the American price needs them as well; its
## prices are floored by the exercise value.  Delta and gamma differentiate the interpolant: delta = u_y /
## S, gamma = (u_yy - u_y) / S^2.  Points at or above an up-and-out
## barrier are worth zero.
## @end deftypefn

function [U, info] = rbfad_price (problem, S, h0, M, theta, passes, nmax)
  if (nargin != 7)
    print_usage ();
  endif
  P = rbfx_setup (problem, S);
  y = rbfad_start_nodes (P, h0 * P.s);
  Mc = 12;
  ## Delta weighs the residual by the Green's function's derivative; the
  ## second derivative's weight over-refines near the points (its peak
  ## grows as the spacing shrinks), so gamma keeps the price's weight.
  order = double (strcmp (problem.output, "delta"));
  tol = theta * P.K * P.s;
  ## American exercise adapts on the European option of the same
  ## parameters (in the same fixed frame): its residual is small where the
  ## nodes suffice, while the free boundary's is not, however fine.
  Peu = P;
  Peu.american = false;
  for pass = 1:passes
    eta = rbfad_indicator (Peu, y, Mc, order);
    if (max (eta) < 2 * tol)
      break;
    endif
    y = rbfad_place (y, eta, tol, P.s, nmax);
  endfor

  [Lop, G, C] = rbfad_collocation (P, y);
  [u, v] = rbfad_march (P, y, Lop, G, M);
  [E0, E1, E2] = rbfad_basis (P.ye(:), y, C.ep);
  switch (problem.output)
    case "price"
      U = E0 * rbfad_coefficients (C, u);
    case "delta"
      U = (E1 * rbfad_coefficients (C, u)) ./ S(:);
    case "gamma"
      lam = rbfad_coefficients (C, u);
      U = (E2 * lam - E1 * lam) ./ S(:).^2;
    case "vega"
      U = E0 * rbfad_coefficients (C, v);
  endswitch
  U = U(:).';
  if (P.american)
    ## Between the nodes the interpolant may dip below the exercise value.
    U = max (U, rbfx_payoff (P, P.ye, 0));
  endif
  if (P.barrier)
    U(S >= exp (P.yhi) * P.K) = 0;
  endif
  info = struct ("N", numel (y), "M", M, "passes", pass, "c", P.c,
                 "solves", M + 1);
endfunction

%!test
%! p = benchop_problem ("1a-I");
%! [U, info] = rbfad_price (p, p.S, 0.3, 150, 3e-7, 3, 200);
%! assert (U, bs_european ("call", "price", p.S, 100, 1, 0.03, 0.15), -1e-4);
%!test
%! ## American put on the European put's nodes.
%! p = benchop_problem ("1b-I");
%! [U, info] = rbfad_price (p, p.S, 0.3, 300, 5e-6, 3, 80);
%! assert (U, benchop_published ("1b-I"), -2e-4);
%! assert (info.N <= 81);
%!error rbfad_price (1)
