## -*- texinfo -*-
## @deftypefn {} {@var{g} =} fgl_gregory ()
## The end weights of Gregory's quadrature formula with differences up to
## the eighth: @math{\int_{x_0}^\infty f dx \approx h \sum_k g_k f(x_k)},
## @math{x_k = x_0 + k h}, with @math{g_k} the column @var{g} for
## @math{k = 0, @dots{}, 8} and 1 beyond.
##
## Gregory's formula adds to the trapezoidal rule at the end @math{x_0}
## the forward differences
## @math{h \sum_{j=1}^8 G_j \Delta^j f_0}, @math{G_j = 1/12, -1/24,
## 19/720, -3/160, 863/60480, -275/24192, 33953/3628800, -8183/1036800}:
## the rule is then exact for polynomials of degree 9 at both ends, and
## its error for a smooth @math{f} is of order @math{h^{10}}.  The weights
## are these sums, written out.
## @end deftypefn

function g = fgl_gregory ()
  g = [0.286975446428571; 1.589019786155203; 0.035985174162257;
       2.240890376984127; -0.140564373897707; 1.720943838183422;
       0.702145337301587; 1.072496968694885; 0.992107445987654];
endfunction

%!test
%! ## The weights from the trapezoidal rule and Gregory's coefficients.
%! G = [1/12, -1/24, 19/720, -3/160, 863/60480, -275/24192, 33953/3628800, -8183/1036800];
%! g = ones (9, 1); g(1) = 0.5;
%! for j = 1:8
%!   for i = 0:j
%!     g(i+1) += G(j) * (-1) ^ (j - i) * nchoosek (j, i);
%!   endfor
%! endfor
%! assert (fgl_gregory (), g, 1e-14);
%!test
%! ## Exact for polynomials up to degree 9 with both ends corrected, and
%! ## of high order for a Gaussian cut at its centre.
%! g = fgl_gregory ();
%! n = 30; h = 0.1;
%! w = ones (n + 1, 1); w(1:9) = g; w(end:-1:end-8) = g;
%! x = (0:n).' * h;
%! for d = 0:9
%!   assert (h * sum (w .* x .^ d), (n * h) ^ (d + 1) / (d + 1), -1e-12);
%! endfor
%! x = (0:200).' * 0.25; w = ones (201, 1); w(1:9) = g;
%! assert (0.25 * sum (w .* exp (-x .^ 2 / 2)), sqrt (pi / 2), -1e-5);
