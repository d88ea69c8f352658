## -*- texinfo -*-
## @deftypefn {} {@var{ker} =} cos_cont_kernels (@var{N})
## Fourier transforms of the Toeplitz and Hankel kernels of
## @code{cos_cont_coeffs} for @var{N} cosine terms.
##
## The N-by-N matrices @math{1/(j-k)} and @math{1/(j+k)} (zero where the
## denominator is zero), @math{j, k = 0, \dots, N-1}, are embedded in
## circulants of length 2N, so that products with both cost three FFTs of
## length 2N.  @var{ker} is 2N-by-2: the transforms of the Toeplitz kernel
## (column 1) and of the Hankel kernel (column 2), reversed and divided by
## 2N: the form @code{cos_cont_coeffs} uses to invert with a forward FFT
## (the inverse one was markedly slower in Octave 7).
## @end deftypefn

function ker = cos_cont_kernels (N)
  if (nargin != 1 || ! (isscalar (N) && N == fix (N) && N >= 1))
    print_usage ();
  endif
  n = (1:N-1).';
  ## Toeplitz: t_k = sum_j tau(j-k) z_j, tau(n) = 1/n, tau(0) = 0, is the
  ## circular convolution of z (zero-padded) with s_m = tau(-m) stored at
  ## index m mod 2N.
  s = [0; -1 ./ n; 0; flipud(1 ./ n)];
  ## Hankel: h_k = sum_j eta(j+k) z_j, eta(n) = 1/n, eta(0) = 0, is the
  ## circular convolution of eta with z reversed modulo 2N; the index j+k
  ## stays below 2N - 1, so nothing wraps around.
  eta = [0; 1 ./ (1:2*N-2).'; 0];
  P = 2 * N;
  ## A real kernel's reversed transform is its conjugate transform.
  ker = conj (fft ([s, eta])) / P;
endfunction

%!test
%! N = 7; k = (0:N-1).'; [J, KK] = meshgrid (k, k);
%! Hr = 1 ./ (J + KK); Hr(1,1) = 0; Tr = 1 ./ (J - KK); Tr(1:N+1:end) = 0;
%! z = randn (N, 1) + 1i * randn (N, 1);
%! ker = cos_cont_kernels (N);
%! rev = [1, 2*N:-1:2];
%! F = fft ([z; zeros(N,1)]);
%! t = fft (ker(:,1) .* F(rev));
%! h = fft (ker(:,2) .* F);
%! assert (t(1:N), Tr * z, 1e-13);
%! assert (h(1:N), Hr * z, 1e-13);
%!error cos_cont_kernels ()
%!error cos_cont_kernels (0)
