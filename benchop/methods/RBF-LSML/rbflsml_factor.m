## -*- texinfo -*-
## @deftypefn {} {@var{F} =} rbflsml_factor (@var{A})
## Thin QR factors of the level matrices in the cell @var{A}, for
## @code{rbflsml_correct}: a struct array with fields @code{A}, @code{Q}
## and @code{R}, one element per level.
## @end deftypefn

function F = rbflsml_factor (A)
  if (nargin != 1 || ! iscell (A))
    print_usage ();
  endif
  F = struct ("A", A(:), "Q", [], "R", []);
  for k = 1:numel (A)
    [F(k).Q, F(k).R] = qr (A{k}, 0);
  endfor
endfunction

%!test
%! A = {rand(6, 2), rand(6, 3)};
%! F = rbflsml_factor (A);
%! assert (numel (F), 2);
%! assert (F(2).Q * F(2).R, A{2}, 1e-12);
%!error rbflsml_factor (1)
