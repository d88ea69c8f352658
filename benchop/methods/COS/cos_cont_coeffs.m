## -*- texinfo -*-
## @deftypefn  {} {@var{C} =} cos_cont_coeffs (@var{u}, @var{th1}, @var{th2}, @var{ker})
## @deftypefnx {} {@var{C} =} cos_cont_coeffs (@var{u}, @var{th1}, @var{th2}, @var{ker}, @var{E1}, @var{E2})
## Cosine coefficients of a COS continuation value over a subinterval.
##
## On the truncation interval [a, b] the continuation value is
## @math{c(x) = \sum_j \mathrm{Re} (u_j e^{i j \theta})} with
## @math{\theta = \pi (x - a) / (b - a)}; the column @var{u} already holds
## the discount, the halved first term, the characteristic function of one
## step and the coefficients at the next date.  This returns, for
## @math{k = 0, \dots, N-1},
## @example
## C_k = 2/(b-a) * integral over [x1, x2] of c(x) cos(k theta) dx
##     = 1/pi * Re sum_j u_j (m(j+k) + m(j-k)),
## m(n) = integral from th1 to th2 of exp(i n theta) d theta,
## @end example
## @var{th1} and @var{th2} being the ends of the subinterval in
## @math{\theta}.  The sum is a Hankel plus a Toeplitz product (Fang and
## Oosterlee 2009).  Since @math{m(n) = -i (E_2^n - E_1^n) / n} with
## @math{E = e^{i \theta}}, both reduce to the fixed matrices
## @math{1/(j+k)} and @math{1/(j-k)} applied to @var{u} scaled by powers
## of @math{E_1} and @math{E_2}; these go through FFTs of length 2N with
## the kernels @var{ker} of @code{cos_cont_kernels}.
##
## @var{u} may have several columns, each with its own subinterval:
## @var{th1} and @var{th2} are then rows (or scalars) and @var{C} has the
## shape of @var{u}.  The matrices @var{E1} = @code{exp (1i * (0:N-1)' .* th1)}
## and @var{E2} (likewise) may be passed when the caller has them already.
## @end deftypefn

function C = cos_cont_coeffs (u, th1, th2, ker, E1, E2)
  if (nargin != 4 && nargin != 6)
    print_usage ();
  endif
  [N, n] = size (u);
  if (nargin == 4)
    k = (0:N-1).';
    E1 = exp (1i * k .* th1);
    E2 = exp (1i * k .* th2);
  endif
  P = 2 * N;
  ## With X = [E2 u, E1 u] zero-padded and F = fft (X), the Toeplitz
  ## products are ifft (kT .* F) and the Hankel ones ifft (kH .* F(rev)),
  ## rev reversing modulo 2N.  As ifft (Y) = fft (Y(rev)) / P, both go
  ## through forward transforms of one shape (Octave keeps one forward FFTW
  ## plan, so alternating shapes would be planned anew at every call).
  F = fft ([E2 .* u, E1 .* u], P);
  Rt = fft (ker(:,1) .* F([1, P:-1:2],:));
  Rh = fft (ker(:,2) .* F);
  ## Toeplitz part sum_j m(j-k) u_j = -i t (+ the diagonal m(0)), Hankel
  ## part sum_j m(j+k) u_j = -i h (+ m(0) at j = k = 0).
  t = conj (E2) .* Rt(1:N,1:n) - conj (E1) .* Rt(1:N,n+1:end);
  h = E2 .* Rh(1:N,1:n) - E1 .* Rh(1:N,n+1:end);
  d = (th2 - th1) / pi;
  C = d .* real (u) + imag (t + h) / pi;              # Re(-i z) = Im(z)
  C(1,:) += d .* real (u(1,:));
endfunction

%!test
%! ## Against quadrature of the continuation value itself.
%! N = 12; a = -1; b = 2; u = (randn (N, 1) + 1i * randn (N, 1)) ./ (1:N).' .^ 2;
%! k = (0:N-1).'; x1 = -0.3; x2 = 1.1; w = pi / (b - a);
%! th1 = (x1 - a) * w; th2 = (x2 - a) * w;
%! C = cos_cont_coeffs (u, th1, th2, cos_cont_kernels (N));
%! c = @(x) reshape (real (sum (u .* exp (1i * k * (x(:).' - a) * w), 1)), size (x));
%! for i = 1:N
%!   q = quadgk (@(x) c(x) .* cos (k(i) * (x - a) * w), x1, x2, "abstol", 1e-13);
%!   assert (C(i), 2 / (b - a) * q, 1e-11);
%! endfor
%! C2 = cos_cont_coeffs (u, th1, th2, cos_cont_kernels (N), exp (1i * th1 * k), exp (1i * th2 * k));
%! assert (C2, C, 1e-14);
%!test
%! ## Columns with their own subintervals.
%! N = 10; ker = cos_cont_kernels (N); u = randn (N, 3) + 1i * randn (N, 3);
%! th1 = [0.1 0.5 1]; th2 = [pi 2 3];
%! C = cos_cont_coeffs (u, th1, th2, ker);
%! for i = 1:3
%!   assert (C(:,i), cos_cont_coeffs (u(:,i), th1(i), th2(i), ker), 1e-14);
%! endfor
%!error cos_cont_coeffs (1, 2, 3)
%!error cos_cont_coeffs (1, 2, 3, 4, 5)
