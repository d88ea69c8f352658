## -*- texinfo -*-
## @deftypefn {} {[@var{s}, @var{sx}] =} mlmc_lv_table (@var{volfun}, @var{x}, @var{t})
## A local volatility @var{s} and its derivative in @math{\ln S}, @var{sx},
## tabulated on the log-price grid @var{x} (a uniform column) at the times
## @var{t} (a row): one column per time.
##
## @var{volfun} is a handle @code{@var{volfun} (S, t)} evaluated
## elementwise.  The derivative is the central difference on the grid
## (one-sided at its ends), what the Milstein step needs; a linear
## interpolation in the tables costs a few operations per path instead of
## an evaluation of the local volatility (dozens for the implied surface).
## @end deftypefn

function [s, sx] = mlmc_lv_table (volfun, x, t)
  if (nargin != 3)
    print_usage ();
  endif
  s = zeros (numel (x), numel (t));
  for k = 1:numel (t)
    s(:,k) = volfun (exp (x), t(k));
  endfor
  hx = x(2) - x(1);
  sx = [s(2,:) - s(1,:); (s(3:end,:) - s(1:end-2,:)) / 2; s(end,:) - s(end-1,:)] / hx;
endfunction

%!test
%! x = log (100) + (-10:10)' * 0.01;
%! [s, sx] = mlmc_lv_table (@(S, t) 0.1 + 0.05 * log (S / 100) + t, x, [0 1]);
%! assert (s(:,2) - s(:,1), ones (21, 1), 1e-14);
%! assert (sx, 0.05 * ones (21, 2), 1e-12);
%!error mlmc_lv_table (@(S, t) S, 1)
