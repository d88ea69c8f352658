## -*- texinfo -*-
## @deftypefn {} {[@var{Phi}, @var{Phi1}, @var{Phi2}] =} rbf_mq (@var{x}, @var{xc}, @var{ep})
## Multiquadric basis phi_j(x) = sqrt (1 + (ep_j (x - xc_j))^2) and its first
## and second x-derivatives, evaluated at the points @var{x} (rows) for the
## centres @var{xc} (columns) with shape parameters @var{ep} (a scalar or
## one per centre).
## @end deftypefn

function [Phi, Phi1, Phi2] = rbf_mq (x, xc, ep)
  if (nargin != 3)
    print_usage ();
  endif
  d = x(:) - xc(:).';
  e2 = (ep(:).').^2 .* ones (1, numel (xc));
  Phi = sqrt (1 + e2 .* d.^2);
  Phi1 = e2 .* d ./ Phi;
  Phi2 = e2 ./ Phi.^3;
endfunction

%!test
%! x = [0.1; 0.4]; xc = [0 0.5 1]; ep = [2 3 4]; h = 1e-6;
%! [P, P1, P2] = rbf_mq (x, xc, ep);
%! [Pp, P1p] = rbf_mq (x + h, xc, ep);
%! [Pm, P1m] = rbf_mq (x - h, xc, ep);
%! assert (P1, (Pp - Pm) / (2*h), 1e-8);
%! assert (P2, (P1p - P1m) / (2*h), 1e-7);
%!error rbf_mq (1, 2)
