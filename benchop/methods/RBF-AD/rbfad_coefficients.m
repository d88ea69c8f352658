## -*- texinfo -*-
## @deftypefn {} {@var{lam} =} rbfad_coefficients (@var{C}, @var{u})
## The multiquadric coefficients of the interpolant @var{C}
## (@pxref{rbfad_collocation}) with nodal values @var{u}, one column per
## column of @var{u}: A lam = u, by the stored LU factors of A.
## @end deftypefn

function lam = rbfad_coefficients (C, u)
  if (nargin != 2)
    print_usage ();
  endif
  lam = C.U \ (C.L \ u(C.p,:));
endfunction

%!test
%! y = linspace (-1, 1, 9).';
%! P = struct ("sigma", 0.2, "r", 0, "c", 0, "vega", false);
%! [~, ~, C] = rbfad_collocation (P, y);
%! u = [y.^2, cos(y)];
%! assert (rbfad_basis (y, y, C.ep) * rbfad_coefficients (C, u), u, 1e-9);
%!error rbfad_coefficients (1)
