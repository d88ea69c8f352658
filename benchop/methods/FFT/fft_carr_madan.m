## -*- texinfo -*-
## @deftypefn {} {[@var{C}, @var{k0}, @var{lambda}] =} fft_carr_madan (@var{logcf}, @var{T}, @var{r}, @var{alpha}, @var{eta}, @var{N}, @var{kc}, @var{g})
## European calls (or puts) on a unit spot over grids of log strikes by
## the damped Carr-Madan transform and the FFT (Carr and Madan 1999).
##
## For @math{k = \log K}, the call on @math{S_0 = 1} is
## @example
## C(k) = exp (-alpha k) / pi * integral from 0 to Inf of
##        Re (exp (-i v k) psi(v)) dv,
## psi(v) = exp (-r T) phi(v - (alpha + 1) i) / ((alpha + i v) (alpha + 1 + i v)),
## @end example
## @math{\phi} the characteristic function of the log return (@var{logcf}
## its logarithm).  With @math{\alpha > 0} this is the call; with
## @math{\alpha < -1} the same integral is the put, the residues at the
## poles being the parity terms.  The integral is sampled at
## @math{v_j = j \eta}, @math{j = 0, \dots, N - 1}, with Simpson's weights
## @math{\eta / 3 (3 + (-1)^{j+1} - \delta_{j0})}, and evaluated at the
## @var{N} log strikes @math{k_m = k_0 + \lambda m},
## @math{\lambda \eta = 2 \pi / N}, by one FFT.  @var{kc} is a row of
## centres, one grid each, @math{k_0 = kc - N \lambda / 2}: node
## @math{N/2} (0-based) of grid i is @code{kc(i)} exactly.
##
## @var{g}, a function handle of @math{u = v - (\alpha + 1) i}, multiplies
## @math{\psi}: @math{i u} differentiates the price with respect to
## @math{\log S_0}, a derivative of @math{\log \phi} with respect to a
## parameter differentiates it with respect to that parameter.  @var{g}
## may return several rows, one transform each.  @var{C} is
## N-by-@code{numel (kc)}-by-@code{rows (g (u))}.
## @end deftypefn

function [C, k0, lambda] = fft_carr_madan (logcf, T, r, alpha, eta, N, kc, g)
  if (nargin != 8)
    print_usage ();
  endif
  v = eta * (0:N-1).';
  u = v - (alpha + 1) * 1i;
  lambda = 6.283185307179586 / (N * eta);
  k0 = kc(:).' - N * lambda / 2;
  w = eta / 3 * (3 - (-1) .^ (0:N-1).');  # 4/3, 2/3, ... from j = 1
  w(1) = eta / 3;
  psi = exp (-r * T + logcf (u.').') ./ ((alpha + 1i * v) .* (alpha + 1 + 1i * v));
  G = g (u.');
  nk = numel (k0);
  C = zeros (N, nk, rows (G));
  km = k0 + lambda * (0:N-1).';
  ## e^{-i v_j k_m} = e^{-i v_j k0} e^{-2 pi i j m / N}.
  E = exp (-1i * v .* k0);
  for q = 1:rows (G)
    C(:,:,q) = exp (-alpha * km) / 3.141592653589793 .* real (fft (E .* (psi .* w .* G(q,:).')));
  endfor
endfunction

%!test
%! ## Black-Scholes calls and puts on the grid nodes near the money.
%! T = 0.8; r = 0.04; s = 0.2; f = @(u) 1i * u * (r - s^2 / 2) * T - s^2 * T * u .^ 2 / 2;
%! d = 1 / (s * sqrt (T)); eta = pi * d / 36;
%! [C, k0, lam] = fft_carr_madan (f, T, r, d, eta, 1024, 0, @(u) ones (size (u)));
%! P = fft_carr_madan (f, T, r, -1 - d, eta, 1024, 0, @(u) ones (size (u)));
%! k = k0 + lam * (0:1023).';
%! m = abs (k) < 0.4;
%! K = exp (k(m));
%! ## Homogeneity: the price at spot 1 and strike K is K times the price at
%! ## spot 1/K and strike 1.
%! assert (C(m), K .* bs_european ("call", "price", 1 ./ K, 1, T, r, s), -1e-9);
%! assert (P(m), K .* bs_european ("put", "price", 1 ./ K, 1, T, r, s), -1e-9);
%! ## Delta by the multiplier i u; grids centred on given log strikes.
%! kc = [-0.1 0.05];
%! D = fft_carr_madan (f, T, r, d, eta, 1024, kc, @(u) [ones(size (u)); 1i * u]);
%! assert (size (D), [1024 2 2]);
%! K = exp (kc);
%! assert (D(513,:,1), K .* bs_european ("call", "price", 1 ./ K, 1, T, r, s), -1e-9);
%! assert (D(513,:,2), bs_european ("call", "delta", 1 ./ K, 1, T, r, s), -1e-9);
%!error fft_carr_madan (1, 2, 3)
