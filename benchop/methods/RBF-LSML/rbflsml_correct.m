## -*- texinfo -*-
## @deftypefn {} {@var{C} =} rbflsml_correct (@var{A}, @var{F})
## Multilevel residual correction in the least-squares sense: the
## coefficients @var{C} (the levels' blocks stacked) that approximate the
## columns of @var{F} by A@{1@} C1 + A@{2@} C2 + @dots{}
##
## @var{A} is a cell of level matrices, coarse to fine, each with one row
## per evaluation point (more rows than columns).  Level 1 is the
## least-squares fit of @var{F}; each further level is the least-squares
## fit of what the coarser levels leave, F - A@{1@} C1 - @dots{} - A@{k-1@}
## C(k-1), as in the multilevel approximation of Floater and Iske (1996)
## with least squares in place of interpolation.  Each fit uses a thin QR
## factorization (no normal equations: the multiquadric matrices are
## ill-conditioned); @var{A} may also be the factors from
## @code{rbflsml_factor}, to fit many right-hand sides one at a time.  With @var{F} a diagonal of row weights, @var{C} is
## the linear map from data to coefficients.
## @end deftypefn

function C = rbflsml_correct (A, F)
  if (nargin != 2)
    print_usage ();
  endif
  if (iscell (A))
    A = rbflsml_factor (A);
  endif
  C = cell (numel (A), 1);
  res = F;
  for k = 1:numel (A)
    C{k} = A(k).R \ (A(k).Q' * res);
    if (k < numel (A))
      res -= A(k).A * C{k};
    endif
  endfor
  C = vertcat (C{:});
endfunction

%!test
%! ## One level: the least-squares solution.
%! A = [1 0; 1 1; 1 2; 1 3];
%! f = [1; 2; 2; 4];
%! assert (rbflsml_correct ({A}, f), A \ f, 1e-12);
%!test
%! ## Two levels: the second fits the first's residual, which shrinks.
%! x = linspace (0, 1, 40).';
%! f = sin (6 * x) + 0.1 * sin (40 * x);
%! A1 = rbflsml_mq (x, linspace (0, 1, 6), 3);
%! A2 = rbflsml_mq (x, linspace (0, 1, 20), 15);
%! C = rbflsml_correct ({A1, A2}, f);
%! c1 = A1 \ f;
%! assert (C(1:6), c1, 1e-6);
%! r1 = norm (f - A1 * c1);
%! assert (norm (f - [A1 A2] * C) < r1 / 10);
%! ## The same from the factors.
%! assert (rbflsml_correct (rbflsml_factor ({A1, A2}), f), C, 1e-12);
%!error rbflsml_correct (1)
