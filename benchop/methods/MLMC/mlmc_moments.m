## -*- texinfo -*-
## @deftypefn {} {[@var{mu}, @var{v}] =} mlmc_moments (@var{A}, @var{N})
## Mean @var{mu} and per-sample variance @var{v} of a level's estimator
## from the sums @var{A} of @var{N} samples, with a control variate.
##
## @var{A} is 5-by-n, one column per evaluation point, its rows the sums of
## @math{y}, @math{y^2}, @math{c}, @math{c^2} and @math{y c} over the
## samples, @math{y} the sampled quantity and @math{c} a control of known
## mean zero (all zero for none).  The estimator is
## @math{\bar y - \beta \bar c} with the variance-minimising coefficient
## @math{\beta = \mathrm{cov}(y, c) / \mathrm{var}(c)} estimated from the
## same samples (Glasserman, sec. 4.1), its per-sample variance
## @math{\mathrm{var}(y) - \beta\, \mathrm{cov}(y, c)}.
## @end deftypefn

function [mu, v] = mlmc_moments (A, N)
  if (nargin != 2)
    print_usage ();
  endif
  m = A / max (N, 1);
  vy = max (m(2,:) - m(1,:) .^ 2, 0);
  vc = max (m(4,:) - m(3,:) .^ 2, 0);
  cyc = m(5,:) - m(1,:) .* m(3,:);
  ## no control, a constant one, or nothing to control (a control of
  ## rounding noise would otherwise get a coefficient of noise over noise,
  ## as a level of one step, a number, did): beta = 0
  beta = zeros (size (vc));
  ok = vy > 0 & vc > 1e-14 * vy;
  beta(ok) = cyc(ok) ./ vc(ok);
  mu = m(1,:) - beta .* m(3,:);
  v = max (vy - beta .* cyc, 0);
endfunction

%!test
%! ## without a control: the sample mean and the (biased) variance
%! y = [1 2 3 4]';
%! [mu, v] = mlmc_moments ([sum(y); sumsq(y); 0; 0; 0], 4);
%! assert ([mu, v], [2.5, 1.25], 1e-14);
%!test
%! ## a perfect control removes all the variance and the control's noise
%! randn ("state", 3);
%! c = randn (1000, 1);  y = 2 + 3 * c;
%! [mu, v] = mlmc_moments ([sum(y); sumsq(y); sum(c); sumsq(c); y' * c], 1000);
%! assert (mu, 2, 1e-10);
%! assert (v, 0, 1e-9);
%!test
%! ## a number (no variance) with a control of rounding noise: the number
%! y = 7 * ones (64, 1);  c = 1e-17 * (-1) .^ (1:64)';  c(1) += 3e-18;
%! [mu, v] = mlmc_moments ([sum(y); sumsq(y); sum(c); sumsq(c); y' * c], 64);
%! assert ([mu, v], [7, 0]);
%!error mlmc_moments (zeros (5, 1))
