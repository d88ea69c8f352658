## -*- texinfo -*-
## @deftypefn {} {@var{U} =} qmcs_sobol (@var{first}, @var{n}, @var{d}, @var{shift})
## Points @var{first} to @var{first}+@var{n}-1 (counting from 0) of the
## @var{d}-dimensional Sobol sequence, randomized by a digital shift.
##
## Point @math{i} is the XOR of the direction numbers
## (@pxref{qmcs_direction_numbers}) selected by the bits of the Gray code
## @math{i \oplus \lfloor i/2 \rfloor} (Antonov and Saleev), which gives
## the same points as Sobol's construction in another order within each
## block of @math{2^k}; every block @math{[j 2^k, (j+1) 2^k)} is still a
## digital net.  @var{shift} is a row of @var{d} @code{uint32} values XORed
## into the points (a random digital shift: each shifted point is uniform
## on the unit cube, and the shifted set keeps its net structure).  The
## result is the n-by-@var{d} matrix @math{(x + 1/2) 2^{-32}}, so no
## coordinate is 0 or 1 and the inverse normal cdf stays finite.
## @end deftypefn

function U = qmcs_sobol (first, n, d, shift)
  if (nargin != 4)
    print_usage ();
  endif
  if (! (isscalar (first) && first == fix (first) && first >= 0
         && isscalar (n) && n == fix (n) && n >= 0 && first + n <= 2 ^ 32))
    error ("qmcs_sobol: need integers FIRST >= 0, N >= 0, FIRST + N <= 2^32");
  endif
  if (! (isa (shift, "uint32") && numel (shift) == d))
    error ("qmcs_sobol: SHIFT must be a uint32 row of D values");
  endif
  V = qmcs_direction_numbers (d);
  i = uint32 ((first:first+n-1).');
  g = bitxor (i, bitshift (i, -1));
  X = repmat (shift(:).', n, 1);
  nb = ceil (log2 (first + n + 1));
  for b = 1:nb
    sel = bitand (g, uint32 (2 ^ (b - 1))) != 0;
    if (any (sel))
      X(sel,:) = bitxor (X(sel,:), repmat (V(b,:), nnz (sel), 1));
    endif
  endfor
  U = (double (X) + 0.5) / 2 ^ 32;
endfunction

%!test
%! ## the first points, unshifted: in Gray-code order, point 0 is the
%! ## origin, point 1 is v_1 = (1/2, 1/2), and each coordinate of the first
%! ## four points takes the values 0, 1/4, 1/2, 3/4 once
%! U = qmcs_sobol (0, 4, 2, zeros (1, 2, "uint32"));
%! assert (U(1:2,:), ([0 0; 2^31 2^31] + 0.5) / 2^32);
%! assert (sort (U), repmat (((0:3).' * 2^30 + 0.5) / 2^32, 1, 2));
%!test
%! ## (0, m, 2)-net in the first two dimensions: every dyadic box of area
%! ## 2^-m holds exactly one of the 2^m points, also after a digital shift
%! m = 8;
%! U = qmcs_sobol (0, 2^m, 2, uint32 ([123456789 987654321]));
%! for k = 0:m
%!   c = floor (U(:,1) * 2^k) * 2^(m-k) + floor (U(:,2) * 2^(m-k));
%!   assert (numel (unique (c)), 2^m);
%! endfor
%!test
%! ## every dimension is equidistributed in blocks of 2^m
%! U = qmcs_sobol (1024, 1024, 21, zeros (1, 21, "uint32"));
%! for j = 1:21
%!   assert (sort (floor (U(:,j) * 1024)), (0:1023).');
%! endfor
%!test
%! ## chunks agree with one call
%! s = uint32 (1:5);
%! assert (qmcs_sobol (0, 100, 5, s), [qmcs_sobol(0, 37, 5, s); qmcs_sobol(37, 63, 5, s)]);
%!error <SHIFT> qmcs_sobol (0, 4, 2, [1 2])
%!error <need integers> qmcs_sobol (-1, 4, 1, uint32 (0))
