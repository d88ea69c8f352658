## -*- texinfo -*-
## @deftypefn {} {@var{dW} =} mlmc_increments (@var{m}, @var{k}, @var{h}, @var{Z})
## @var{m}-by-@var{k} Brownian increments over steps of length @var{h}.
##
## With @var{Z} empty they are independent normals.  Otherwise @var{Z}
## (@var{m}-by-1 standard normals, stratified by the caller) fixes their
## sum, the Brownian value @math{W(kh) = \sqrt{k h} Z}, and the path is
## filled in as a Brownian bridge: free increments @math{\Delta Z} are
## shifted by @math{-(\sum \Delta Z - W(kh))/k}, which gives increments of
## a Brownian motion with that end (Glasserman, sec. 3.1).
## @end deftypefn

function dW = mlmc_increments (m, k, h, Z)
  if (nargin != 4)
    print_usage ();
  endif
  if (isempty (Z) || k == 0)
    dW = sqrt (h) * randn (m, k);
  elseif (k == 1)
    dW = sqrt (h) * Z;
  else
    dW = sqrt (h) * randn (m, k);
    dW -= (sum (dW, 2) - sqrt (k * h) * Z) / k;
  endif
endfunction

%!test
%! randn ("state", 1);
%! Z = randn (2e5, 1);
%! dW = mlmc_increments (2e5, 4, 0.25, Z);
%! assert (sum (dW, 2), Z, 1e-12);
%! ## the increments of a bridge are those of a Brownian motion
%! assert (var (dW), 0.25 * ones (1, 4), 0.01);
%! assert (corr (dW(:,1), dW(:,3)), 0, 0.01);
%! assert (mlmc_increments (3, 1, 4, [1; 2; 3]), [2; 4; 6]);
%! assert (size (mlmc_increments (5, 3, 1, [])), [5 3]);
%!error mlmc_increments (1, 2, 3)
