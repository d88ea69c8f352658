## -*- texinfo -*-
## @deftypefn {} {[@var{mu}, @var{se}] =} mc_block_mean (@var{draw}, @var{N}, @var{b})
## Sample mean @var{mu} and its standard error @var{se} of @var{N}
## per-path estimates drawn in blocks of at most @var{b} paths.
##
## @code{@var{draw} (m)} returns an m-by-n matrix, one row per path and one
## column per evaluation point; the blocks are drawn one after another, so
## the memory stays at a few blocks whatever @var{N}, and the first blocks
## of a larger @var{N} are those of a smaller one.  @var{se} is the sample
## standard deviation over
## @math{\sqrt{N}}, per column.
## @end deftypefn

function [mu, se] = mc_block_mean (draw, N, b)
  if (nargin != 3)
    print_usage ();
  endif
  total = 0;
  sq = 0;
  for first = 1:b:N
    y = draw (min (b, N - first + 1));
    total += sum (y, 1);
    sq += sumsq (y, 1);
  endfor
  mu = total / N;
  se = sqrt (max (sq / N - mu .^ 2, 0) / max (N - 1, 1));
endfunction

%!test
%! ## blocks of one column give the numbers of one draw, to rounding
%! randn ("state", 1);
%! [mu, se] = mc_block_mean (@(m) randn (m, 1) + [1 2], 1000, 64);
%! randn ("state", 1);
%! y = randn (1000, 1) + [1 2];
%! assert (mu, mean (y), 1e-13);
%! assert (se, std (y) / sqrt (1000), 1e-13);
%!test
%! [mu, se] = mc_block_mean (@(m) 3 * ones (m, 1), 10, 3);
%! assert ([mu, se], [3, 0]);
%!error mc_block_mean (@(m) ones (m, 1), 10)
