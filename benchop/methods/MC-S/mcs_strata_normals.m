## -*- texinfo -*-
## @deftypefn {} {@var{z} =} mcs_strata_normals (@var{first}, @var{count}, @var{m})
## Stratified draws of the absolute value of a standard normal variable.
##
## The half line @math{z >= 0} is cut into @var{m} strata of equal
## probability @math{1/(2m)}; strata @var{first} to
## @var{first}+@var{count}-1 get one draw each (a uniform point in the
## stratum, mapped through the inverse normal cdf), returned as a column in
## stratum order.  Paired with @math{-z} (antithetic), these give one draw in
## each of @math{2m} equiprobable strata of the whole line.  The uniforms
## come from @code{rand}, so the caller controls the stream.
## @end deftypefn

function z = mcs_strata_normals (first, count, m)
  if (nargin != 3)
    print_usage ();
  endif
  if (! (isscalar (m) && m == fix (m) && m >= 1 && isscalar (first)
         && first == fix (first) && first >= 1 && isscalar (count)
         && count == fix (count) && count >= 0 && first + count - 1 <= m))
    error ("mcs_strata_normals: need integers 1 <= FIRST <= FIRST+COUNT-1 <= M");
  endif
  j = (first:first+count-1).';
  ## Work with the upper tail probability q = 1 - u: near u = 1 the
  ## difference 1 - u would lose the digits that set the tail draw.
  q = (m - j + 1 - rand (count, 1)) / (2 * m);
  z = -std_normal_inv (q);
endfunction

%!test
%! rand ("state", 1);
%! z = mcs_strata_normals (1, 1000, 1000);
%! assert (size (z), [1000 1]);
%! assert (all (z >= 0));
%! ## one draw per stratum: the draws are increasing and each lies in its own
%! ## stratum
%! assert (all (diff (z) > 0));
%! p = 2 * std_normal_cdf (z) - 1;
%! assert (floor (p * 1000), (0:999).');
%!test
%! rand ("state", 2);
%! a = mcs_strata_normals (1, 10, 10);
%! rand ("state", 2);
%! b = [mcs_strata_normals(1, 4, 10); mcs_strata_normals(5, 6, 10)];
%! assert (a, b);
%!test
%! ## the mean of z^2 over the strata is 1 up to the stratification error
%! rand ("state", 3);
%! z = mcs_strata_normals (1, 1e5, 1e5);
%! assert (mean (z .^ 2), 1, 1e-3);
%!assert (isempty (mcs_strata_normals (1, 0, 5)))
%!error mcs_strata_normals (1, 2)
%!error <need integers> mcs_strata_normals (0, 2, 5)
%!error <need integers> mcs_strata_normals (4, 3, 5)
