## -*- texinfo -*-
## @deftypefn {} {@var{g} =} cos_groups (@var{x}, @var{width})
## Split evaluation points into groups no wider than @var{width}.
##
## @var{x} is a vector of log prices.  The points are sorted and a new
## group starts whenever a point lies more than @var{width} above the
## first point of the current group.  @var{g} is a cell array of index
## vectors into @var{x}.  The Bermudan and barrier recursions price a
## group on one truncation interval; keeping groups no wider than the
## density itself keeps the number of cosine terms bounded however far
## apart the points are.
## @end deftypefn

function g = cos_groups (x, width)
  if (nargin != 2)
    print_usage ();
  endif
  [xs, idx] = sort (x(:).');
  g = {};
  i = 1;
  n = numel (xs);
  while (i <= n)
    j = i;
    while (j < n && xs(j+1) - xs(i) <= width)
      j++;
    endwhile
    g{end+1} = idx(i:j);
    i = j + 1;
  endwhile
endfunction

%!test
%! g = cos_groups ([0.5 0 0.1 2 2.05], 0.2);
%! assert (numel (g), 3);
%! assert (sort (g{1}), [2 3]);
%! assert (g{2}, 1);
%! assert (sort (g{3}), [4 5]);
%!assert (cos_groups ([1 2 3], 10), {[1 2 3]})
%!error cos_groups (1)
