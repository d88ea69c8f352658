## -*- texinfo -*-
## @deftypefn {} {@var{F} =} mcs_lsm_fit (@var{x}, @var{deg}, @var{E}, @var{Y})
## Least-squares fitted values of the columns of @var{Y} on a polynomial of
## degree @var{deg} in @var{x} plus the extra regressor columns @var{E}
## (empty for none); one row per path.
##
## The polynomial is built in the standardized variable
## @math{(x - mean(x)) / std(x)}, which spans the same space as the powers
## of @var{x} but stays well conditioned when the spots cover a narrow range
## (tiny volatility).  Extra columns are centred and scaled.  The small
## normal equations are solved with a pseudo-inverse so that a regressor
## that is (nearly) a combination of the others does no harm.  Forming the
## Gram matrix costs one pass over the paths, far less than a QR
## factorisation.
## @end deftypefn

function F = mcs_lsm_fit (x, deg, E, Y)
  if (nargin != 4)
    print_usage ();
  endif
  n = rows (x);
  A = ones (n, deg + 1 + columns (E));
  sx = std (x, 1);
  if (sx > 1e-12 * max (abs (mean (x)), 1))
    xi = (x - mean (x)) / sx;
    for p = 1:deg
      A(:,p+1) = A(:,p) .* xi;
    endfor
  else
    A(:,2:deg+1) = 0;    # all spots equal: only the constant is identified
  endif
  for k = 1:columns (E)
    se = std (E(:,k), 1);
    if (se > 1e-12 * max (abs (mean (E(:,k))), 1))
      A(:,deg+1+k) = (E(:,k) - mean (E(:,k))) / se;
    else
      A(:,deg+1+k) = 0;
    endif
  endfor
  F = A * (pinv (A.' * A) * (A.' * Y));
endfunction

%!test
%! x = linspace (0, 1, 50).';
%! Y = [1 + 2*x - x.^2, sin(x)];
%! F = mcs_lsm_fit (x, 2, [], Y);
%! assert (F(:,1), Y(:,1), 1e-12);
%! assert (norm (F(:,2) - Y(:,2)) < 0.05);
%!test
%! ## a narrow range of spots (tiny volatility) is still fitted exactly
%! rand ("state", 1);
%! x = 0.97 + 0.02 * rand (1000, 1);
%! y = 3 - x + 5 * (x - 0.98) .^ 3;
%! assert (mcs_lsm_fit (x, 3, [], y), y, 1e-12);
%!test
%! ## a collinear extra column and equal spots do no harm
%! x = (1:5).';
%! assert (mcs_lsm_fit (x, 1, 2 * x, x), x, 1e-12);
%! assert (mcs_lsm_fit (ones (5, 1), 3, [], (1:5).'), 3 * ones (5, 1), 1e-12);
%!error mcs_lsm_fit (1, 2, [])
