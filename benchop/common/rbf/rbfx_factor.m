## -*- texinfo -*-
## @deftypefn {} {@var{solve} =} rbfx_factor (@var{A})
## LU-factorize the square matrix @var{A} once and return a handle
## @code{@var{x} = @var{solve} (@var{b})} that solves A x = b, for the time
## steps that reuse one matrix.
## @end deftypefn

function solve = rbfx_factor (A)
  if (nargin != 1)
    print_usage ();
  endif
  if (issparse (A))
    [L, U, p, q] = lu (A);
    solve = @(b) q * (U \ (L \ (p * b)));
  else
    [L, U, p] = lu (A, "vector");
    solve = @(b) U \ (L \ b(p,:));
  endif
endfunction

%!test
%! A = [4 1 0; 1 3 1; 0 2 5];
%! b = [1; 2; 3];
%! f = rbfx_factor (A);
%! assert (f (b), A \ b, 1e-14);
%! f = rbfx_factor (sparse (A));
%! assert (f (b), A \ b, 1e-14);
%!error rbfx_factor ()
