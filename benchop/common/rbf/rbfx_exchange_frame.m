## -*- texinfo -*-
## @deftypefn {} {@var{P} =} rbfx_exchange_frame (@var{problem})
## Rotated moving frame of the exchange option max (S1 - S2, 0) of a
## two-asset Black-Scholes @var{problem} (model @qcode{"black-scholes-2d"}).
##
## The PDE is written in xi = ln (S1/S2) + bx tau and eta = ln (S1 S2)
## - e0 + be tau, whose drifts bx = (sigma2^2 - sigma1^2)/2 and be = 2 r -
## (sigma1^2 + sigma2^2)/2 the moving frame removes:
## u_tau = ax/2 u_xixi + axe u_xieta + ae/2 u_etaeta - r u, with
## ax = sigma1^2 + sigma2^2 - 2 rho sigma1 sigma2, ae = sigma1^2 + sigma2^2
## + 2 rho sigma1 sigma2 and axe = sigma1^2 - sigma2^2.  The payoff's kink
## is the line xi = 0; e0, the mean of ln (S1 S2) over the evaluation
## points, keeps eta near 0.
##
## @var{P} has fields @code{ax}, @code{ae}, @code{axe}, @code{bx},
## @code{be}, the standard deviations @code{sx} = sqrt (ax T) and
## @code{se} = sqrt (ae T), @code{e0}, the evaluation points at tau = T
## (columns @code{xe} and @code{ee}), the fields @code{rbfx_nodes} reads
## for xi (@code{s} = sx, @code{ylo}, @code{yhi} 8 sx beyond the points and
## the kink, @code{ye}, @code{barrier} false) and @code{gap}, a handle
## gap (xi, eta, tau) = S1 - S2 = 2 exp (eta/2) sinh (xi/2) with the frame
## shifts undone.
##
## It is part of the timed pricing, so it checks nothing: @var{problem}
## comes from @code{rbf_check} or @code{rbffd_check}, S an n-by-2 matrix.
## @end deftypefn

function P = rbfx_exchange_frame (problem)
  if (nargin != 1)
    print_usage ();
  endif
  L = 8;
  T = problem.T;
  r = problem.r;
  s1 = problem.sigma1;
  s2 = problem.sigma2;
  rho = problem.rho;
  S = problem.S;
  ax = s1^2 + s2^2 - 2 * rho * s1 * s2;
  ae = s1^2 + s2^2 + 2 * rho * s1 * s2;
  bx = (s2^2 - s1^2) / 2;
  be = 2 * r - (s1^2 + s2^2) / 2;
  sx = sqrt (ax * T);
  xe = log (S(:,1) ./ S(:,2)) + bx * T;
  e0 = mean (log (S(:,1) .* S(:,2)));
  gap = @(xi, eta, tau) 2 * exp ((eta + e0 - be * tau) / 2) ...
                        .* sinh ((xi - bx * tau) / 2);
  P = struct ("ax", ax, "ae", ae, "axe", s1^2 - s2^2, "bx", bx, "be", be,
              "sx", sx, "se", sqrt (ae * T), "e0", e0, "xe", xe,
              "ee", log (S(:,1) .* S(:,2)) - e0 + be * T,
              "s", sx, "ylo", min ([xe; 0]) - L * sx,
              "yhi", max ([xe; 0]) + L * sx, "ye", xe.', "barrier", false);
  P.gap = gap;
endfunction

%!test
%! p = benchop_problem ("6");
%! P = rbfx_exchange_frame (p);
%! assert (P.ax, 0.15^2 + 0.15^2 - 2 * p.rho * 0.15^2, 1e-15);
%! assert (P.bx, 0);
%! assert (P.xe, log (p.S(:,1) ./ p.S(:,2)));
%! assert (P.ylo <= min ([P.xe; 0]) - 8 * P.sx + eps);
%! ## the gap is S1 - S2 at tau = 0 in the original variables
%! S = p.S(1,:);
%! assert (P.gap (log (S(1) / S(2)), log (S(1) * S(2)) - P.e0, 0),
%!         S(1) - S(2), 1e-12);
%!error rbfx_exchange_frame ()
