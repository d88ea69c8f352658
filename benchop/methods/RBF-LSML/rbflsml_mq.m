## -*- texinfo -*-
## @deftypefn {} {[@var{B}, @var{B1}, @var{B2}] =} rbflsml_mq (@var{x}, @var{xc}, @var{ep})
## Multiquadric basis sqrt (1 + (ep_j (x - xc_j))^2) of the centres
## @var{xc} with shape parameters @var{ep} (one per centre, or a scalar),
## and its first and second x-derivatives, at the points @var{x}: one row
## per point, one column per centre.
## @end deftypefn

function [B, B1, B2] = rbflsml_mq (x, xc, ep)
  if (nargin != 3)
    print_usage ();
  endif
  d = x(:) - xc(:).';
  e2 = (ep(:).').^2 .* ones (1, numel (xc));
  B = sqrt (1 + e2 .* d.^2);
  B1 = e2 .* d ./ B;
  B2 = e2 ./ B.^3;
endfunction

%!test
%! x = [-0.3; 0.2]; xc = [-0.5 0 0.7]; ep = [3 5 2]; h = 1e-6;
%! [B, B1, B2] = rbflsml_mq (x, xc, ep);
%! assert (B(1,2), sqrt (1 + (5 * 0.3)^2), 1e-15);
%! [Bp, B1p] = rbflsml_mq (x + h, xc, ep);
%! [Bm, B1m] = rbflsml_mq (x - h, xc, ep);
%! assert (B1, (Bp - Bm) / (2*h), 1e-8);
%! assert (B2, (B1p - B1m) / (2*h), 1e-7);
%!error rbflsml_mq (1, 2)
