## -*- texinfo -*-
## @deftypefn {} {@var{E} =} fdad_estimate (@var{x}, @var{H}, @var{st}, @var{coef}, @var{frozen})
## A-posteriori estimate of the local truncation error of the space
## discretisation, from a solution computed on the uniform grid @var{x}.
##
## @var{H} holds the solution after each of the steps @var{st}
## (@pxref{fdad_steps}, @ref{fdad_march}); @code{[a, b, c] = @var{coef}
## (tau)} gives the coefficients at the nodes for a row of times
## (@var{frozen} true when they do not depend on tau).  The three-point
## differences of a u_xx + b u_x on a grid of local step h have the
## truncation error C h^2 + O(h^3), C = a u_xxxx / 12 + b u_xxx / 6; as in
## Lotstedt, Persson, von Sydow and Tysk (2007) the leading term is
## estimated from the computed solution, here by its central third and
## fourth differences.
## The error a grid commits at maturity is about the time integral of its
## local truncation error, so @var{E} (a column, one value per node) is
## the step-weighted sum of |C(x)| over the steps: a grid of local step
## h(x) commits about h(x)^2 E(x) there.  The two nodes at each end copy
## their neighbour's value.
## @end deftypefn

function E = fdad_estimate (x, H, st, coef, frozen)
  if (nargin != 5)
    print_usage ();
  endif
  n = numel (x);
  h = (x(end) - x(1)) / (n - 1);
  i = 3:n-2;
  d3 = (H(i+2, :) - 2 * H(i+1, :) + 2 * H(i-1, :) - H(i-2, :)) / (2 * h^3);
  d4 = (H(i+2, :) - 4 * H(i+1, :) + 6 * H(i, :) - 4 * H(i-1, :)
        + H(i-2, :)) / h^4;
  [a, b, ~] = coef (cumsum (st.dt));
  if (frozen)
    a = column (a, n)(i);
    b = column (b, n)(i);
  else
    a = a(i, :);
    b = b(i, :);
  endif
  C = a .* d4 / 12 + b .* d3 / 6;
  Ei = abs (C) * st.dt(:);
  E = [Ei([1 1]); Ei; Ei([end end])];
endfunction

function v = column (v, n)
  v = v(:);
  if (isscalar (v))
    v = v(ones (n, 1));
  endif
endfunction

%!test
%! ## No error on a quadratic, which the operator differences exactly;
%! ## a fixed E, independent of the grid, for a smooth u.
%! x = linspace (0, 2, 101).';
%! st = struct ("dt", [0.25 0.75]);
%! E = fdad_estimate (x, (1 + x + x.^2) .* [1 1], st, @(tau) deal (0.5, 0.2, 0), true);
%! assert (E, zeros (101, 1), 1e-8);
%! E1 = fdad_estimate (x, sin (x) .* [1 1], st, @(tau) deal (0.5, 0.2, 0), true);
%! x = linspace (0, 2, 201).';
%! E2 = fdad_estimate (x, sin (x) .* [1 1], st, @(tau) deal (0.5, 0.2, 0), true);
%! assert (E2(5:2:end-4), E1(3:end-2), 1e-2 * max (E1));
%!test
%! ## A kink draws a large estimate at the kink and none where u is linear.
%! x = linspace (-1, 1, 41).';
%! H = max (exp (x) - 1, 0);
%! E = fdad_estimate (x, H, struct ("dt", 1), @(tau) deal (0.5, 0, 0), true);
%! [~, k] = max (E);
%! assert (abs (x(k)) < 0.1);
%! assert (max (E(abs (x) > 0.2)) < 1e-3 * max (E));
%!error fdad_estimate (1, 2)
