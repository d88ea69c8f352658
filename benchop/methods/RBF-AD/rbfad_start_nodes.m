## -*- texinfo -*-
## @deftypefn {} {@var{y} =} rbfad_start_nodes (@var{P}, @var{h0})
## The coarse node set the adaptation starts from: the domain
## [@code{P.ylo}, @code{P.yhi}] of setup @var{P} (@pxref{rbfx_setup}) with
## spacing about @var{h0}, the strike y = 0 a node when it lies inside (the
## payoff's kink then falls on a node), the ends exact.  A sorted column.
## @end deftypefn

function y = rbfad_start_nodes (P, h0)
  if (nargin != 2)
    print_usage ();
  endif
  lo = P.ylo;
  hi = P.yhi;
  if (lo < 0 && hi > 0)
    ## Equal spacing on either side of the strike.
    y = [linspace(lo, 0, max (2, ceil (-lo / h0) + 1)), ...
         linspace(0, hi, max (2, ceil (hi / h0) + 1))(2:end)].';
  else
    y = linspace (lo, hi, max (3, ceil ((hi - lo) / h0) + 1)).';
  endif
endfunction

%!test
%! P = struct ("ylo", -1.3, "yhi", 1.1);
%! y = rbfad_start_nodes (P, 0.1);
%! assert (y([1 end]).', [-1.3 1.1]);
%! assert (any (y == 0));
%! assert (max (diff (y)) <= 0.1 + 1e-12);
%! assert (numel (y), 25);
%! P.yhi = -0.2;
%! y = rbfad_start_nodes (P, 0.1);
%! assert (y([1 end]).', [-1.3 -0.2], 1e-15);
%!error rbfad_start_nodes (1)
