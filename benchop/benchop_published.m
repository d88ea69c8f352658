## -*- texinfo -*-
## @deftypefn {} {@var{ref} =} benchop_published (@var{id})
## Return the catalogue's reference row for problem @var{id}: the values
## for the default parameters (@pxref{benchop_catalogue}).
##
## For any other parameters use @code{benchop_reference}.
## @end deftypefn

function ref = benchop_published (id)
  if (nargin != 1 || ! ischar (id))
    print_usage ();
  endif
  cat = benchop_catalogue ();
  k = find (cellfun (@(p) strcmp (p.id, id), cat.problems));
  if (isempty (k))
    error ("benchop_published: unknown problem '%s'", id);
  endif
  ref = cat.problems{k}.reference(:).';
endfunction

%!assert (benchop_published ("1a-I"), [2.758443856146076 7.485087593912603 14.702019669720769], -1e-15)
%!assert (numel (benchop_published ("6")), 5)
%!error <unknown problem> benchop_published ("9z")
%!error benchop_published ()
