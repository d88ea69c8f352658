## -*- texinfo -*-
## @deftypefn {} {@var{F} =} qmcs_lsm_fit (@var{x}, @var{E}, @var{Y})
## Least-squares fitted values of the columns of @var{Y} on a cubic in
## @var{x} and on the extra regressor column @var{E}; one row per path.
##
## The cubic is built in the standardized variable
## @math{(x - \bar x)/s_x} so that the normal equations stay well
## conditioned when the spots cover a narrow range; a pseudo-inverse
## tolerates a regressor that is (nearly) a combination of the others.
## @end deftypefn

function F = qmcs_lsm_fit (x, E, Y)
  if (nargin != 3)
    print_usage ();
  endif
  n = rows (x);
  sx = std (x, 1);
  if (sx > 1e-12 * max (abs (mean (x)), 1))
    xi = (x - mean (x)) / sx;
  else
    xi = zeros (n, 1);
  endif
  se = std (E, 1);
  if (se > 1e-12 * max (abs (mean (E)), 1))
    e = (E - mean (E)) / se;
  else
    e = zeros (n, 1);
  endif
  A = [ones(n, 1), xi, xi .^ 2, xi .^ 3, e];
  F = A * (pinv (A.' * A) * (A.' * Y));
endfunction

%!test
%! x = linspace (1, 2, 40).';
%! y = 2 - x + 0.5 * x .^ 3;
%! assert (qmcs_lsm_fit (x, x .^ 2, y), y, 1e-10);
%! assert (qmcs_lsm_fit (ones (5, 1), ones (5, 1), (1:5).'), 3 * ones (5, 1), 1e-12);
%!error qmcs_lsm_fit (1, 2)
