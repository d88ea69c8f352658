## -*- texinfo -*-
## @deftypefn {} {[@var{B0}, @var{B1}, @var{B2}] =} rbfad_basis (@var{x}, @var{centres}, @var{ep})
## Multiquadrics phi_j(x) = sqrt (1 + (ep_j (x - c_j))^2) with centres
## @var{centres} and shapes @var{ep} (one per centre, or a scalar), and their
## first and second x-derivatives, at the points @var{x}: one row per point,
## one column per centre.
## @end deftypefn

function [B0, B1, B2] = rbfad_basis (x, centres, ep)
  if (nargin != 3)
    print_usage ();
  endif
  d = x(:) - centres(:).';
  e2 = (ep(:).').^2 .* ones (1, numel (centres));
  B0 = sqrt (1 + e2 .* d.^2);
  B1 = e2 .* d ./ B0;
  B2 = e2 ./ B0.^3;
endfunction

%!test
%! ## The derivatives against central differences.
%! x = [-0.3; 0.2]; c = [-0.5 0 0.4]; ep = [3 5 2]; h = 1e-6;
%! [B0, B1, B2] = rbfad_basis (x, c, ep);
%! [Bp, B1p] = rbfad_basis (x + h, c, ep);
%! [Bm, B1m] = rbfad_basis (x - h, c, ep);
%! assert (B1, (Bp - Bm) / (2 * h), 1e-8);
%! assert (B2, (B1p - B1m) / (2 * h), 1e-7);
%! assert (rbfad_basis (0, 0, 7), 1);
%!error rbfad_basis (1, 2)
