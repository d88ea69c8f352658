## -*- texinfo -*-
## @deftypefn {} {@var{V} =} qmcs_direction_numbers (@var{d})
## Sobol direction numbers for the first @var{d} dimensions, as a 32-by-@var{d}
## matrix of @code{uint32}: column @var{j} holds @math{v_1, @dots{}, v_{32}} of
## dimension @var{j}, each scaled by @math{2^{32}}.
##
## Dimension 1 is the van der Corput sequence (@math{v_k = 2^{-k}}).  The
## others use the primitive polynomials and initial values @math{m_k} of Joe
## and Kuo (2008, "Constructing Sobol sequences with better two-dimensional
## projections", the new-joe-kuo-6 set) for dimensions 2 to 21, and the
## recurrence of Bratley and Fox (1988):
## @math{m_k = 2 a_1 m_{k-1} \oplus 2^2 a_2 m_{k-2} \oplus \dots \oplus
## 2^{s-1} a_{s-1} m_{k-s+1} \oplus 2^s m_{k-s} \oplus m_{k-s}} for a
## polynomial of degree @math{s} with inner coefficients @math{a_1 \dots a_{s-1}}.
## @end deftypefn

function V = qmcs_direction_numbers (d)
  if (nargin != 1)
    print_usage ();
  endif
  ## degree s, coefficient code a, initial m_1..m_s (Joe and Kuo 2008)
  tab = {1, 0, [1];
         2, 1, [1 3];
         3, 1, [1 3 1];
         3, 2, [1 1 1];
         4, 1, [1 1 3 3];
         4, 4, [1 3 5 13];
         5, 2, [1 1 5 5 17];
         5, 4, [1 1 5 5 5];
         5, 7, [1 1 7 11 19];
         5, 11, [1 1 5 1 1];
         5, 13, [1 1 1 3 11];
         5, 14, [1 3 5 5 31];
         6, 1, [1 3 3 9 7 49];
         6, 13, [1 1 1 15 21 21];
         6, 16, [1 3 1 13 27 49];
         6, 19, [1 1 1 15 7 5];
         6, 22, [1 3 1 15 13 25];
         6, 25, [1 1 5 5 19 61];
         7, 1, [1 3 7 11 23 15 103];
         7, 4, [1 3 7 13 13 15 69]};
  dmax = rows (tab) + 1;
  if (! (isscalar (d) && d == fix (d) && d >= 1 && d <= dmax))
    error ("qmcs_direction_numbers: D must be an integer from 1 to %d", dmax);
  endif
  L = 32;
  V = zeros (L, d, "uint32");
  V(:,1) = uint32 (2 .^ (L - (1:L)));
  for j = 2:d
    [s, a, m] = tab{j-1,:};
    v = zeros (L, 1, "uint32");
    for k = 1:s
      v(k) = uint32 (m(k) * 2 ^ (L - k));
    endfor
    for k = s+1:L
      x = bitxor (v(k-s), bitshift (v(k-s), -s));
      for i = 1:s-1
        if (bitand (bitshift (a, -(s - 1 - i)), 1))
          x = bitxor (x, v(k-i));
        endif
      endfor
      v(k) = x;
    endfor
    V(:,j) = v;
  endfor
endfunction

%!test
%! V = qmcs_direction_numbers (21);
%! assert (class (V), "uint32");
%! assert (size (V), [32 21]);
%! ## every m_k = v_k 2^(k-32) is odd and below 2^k
%! for k = 1:32
%!   m = double (bitshift (V(k,:), -(32 - k)));
%!   assert (all (mod (m, 2) == 1) && all (m < 2 ^ k));
%!   assert (all (bitand (V(k,:), uint32 (2 ^ (32 - k) - 1)) == 0));
%! endfor
%! ## dimension 2 (x + 1): m = 1, 3, 5, 15, 17, ...
%! assert (double (bitshift (V(1:5,2), -(32 - (1:5).'))), [1; 3; 5; 15; 17]);
%!error <D must be> qmcs_direction_numbers (22)
%!error qmcs_direction_numbers ()
