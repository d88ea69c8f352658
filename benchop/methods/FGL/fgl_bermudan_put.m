## -*- texinfo -*-
## @deftypefn {} {[@var{V}, @var{N}] =} fgl_bermudan_put (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{M}, @var{xi}, @var{we})
## Continuation value at time 0 of a Bermudan put under Black-Scholes with
## @var{M} equally spaced exercise dates @math{t_m = m T / M}, @math{m = 1,
## @dots{}, M}, by backward induction in time whose one-step conditional
## expectations integrate against the transition density from the
## characteristic function (@code{fgl_bs_density}, Gauss-Laguerre
## quadrature of the Fourier integral).
##
## @var{S} is a row of spot prices above the exercise boundary of the
## perpetual put, @var{K}, @var{T}, @var{r} > 0 and @var{sigma} the strike,
## maturity, rate and volatility; @var{xi} and @var{we} the nodes and
## modified weights of a Gauss-Laguerre rule (@code{fgl_laguerre}).
## @var{V} holds the values of not exercising at once (the Bermudan price
## is the larger of it and @math{K - S}: @code{fgl_american_put}
## extrapolates these smoother values), @var{N} the size of the grid.
##
## In @math{z = \log S}, with @math{p} the density of one step's log
## return, normal with mean @math{(r - \sigma^2/2) \Delta t} and deviation
## @math{s = \sigma \sqrt{\Delta t}}, the continuation value is
## @math{c_m (z) = e^{-r \Delta t} \int v_{m+1} (\zeta) p (\zeta - z)
## d\zeta}, @math{v_m = \max (K - e^z, c_m)} and @math{c_M = 0}.  The
## values live on one uniform grid of step @math{h = s / 5} from eight
## deviations of one step below the perpetual put's boundary
## @math{\log (2 r K / (2 r + \sigma^2))} (McKean 1965), below which no
## exercise boundary lies, to eight deviations of the whole life above the
## strike and the points.  On it an expectation is the convolution of the
## values, times quadrature weights, with @math{p} at the grid's offsets up
## to eight deviations (computed once per Bermudan, negligible beyond): a
## banded Toeplitz product, by @code{filter}.  @math{v_{m+1}} has a kink at
## the exercise boundary @math{b_{m+1}}: the integral is split there, into
## @math{K - e^\zeta} below and @math{c_{m+1}} above, each smooth on both
## sides of @math{b} and known at every node.  Each part takes the
## trapezoidal rule on its side, Gregory's end corrections up to eighth
## differences at the node next to @math{b} (@code{fgl_gregory}), and the
## partial cell between that node and @math{b} by integrating the
## interpolating polynomial through six nodes around it.  Over the
## Gaussian @math{p} the trapezoidal rule alone would be exact to about
## @math{e^{-2 \pi^2 (s / h)^2}}; the corrections at @math{b} leave about
## @math{10^{-6}} of a step's value there.  The boundary @math{b_m} is the
## root of @math{c_m (z) - (K - e^z)}, from the cubic through the four
## nodes around its change of sign, by Newton's method.
## @end deftypefn

function [V, N] = fgl_bermudan_put (S, K, T, r, sigma, M, xi, we)
  ## No input checks: this runs in the timed pricing.
  dt = T / M;
  s2 = sigma * sigma * dt;
  s = s2 ^ 0.5;
  mu = (r - sigma * sigma / 2) * dt;
  disc = 2.718281828459045 ^ (-r * dt);
  h = s / 5;
  z0 = log (S);
  zlo = log (2 * r * K / (2 * r + sigma * sigma)) - 8 * s - 8 * h;
  zhi = max (log (K), max (z0)) + 8 * sigma * T ^ 0.5 ...
        + abs (r - sigma * sigma / 2) * T;
  N = ceil ((zhi - zlo) / h) + 1;
  z = zlo + (0:N-1).' * h;
  ## The density at the offsets l h, |l| <= 8 s / h = 40 (beyond, it is
  ## below 1e-14 of its peak), reversed: the expectation is then a
  ## convolution with it, a banded Toeplitz product.
  Lb = 40;
  pv = fgl_bs_density ((Lb:-1:-Lb) * h, mu, s2, xi, we);
  zpad = zeros (Lb, 1);
  ## Gregory's end weights (up to eighth differences) at the node next to
  ## b on each side.
  g = fgl_gregory ();
  ## The interpolating polynomial through the nodes t = -3, ..., 2 (in
  ## units of h from the first node past b), integrated over [-theta, 0]:
  ## with the Lagrange basis L_i (t) = sum_d A(d+1, i) t^d, the weight of
  ## node i is sum_d A(d+1, i) (-1)^d theta^(d+1) / (d + 1), B times the
  ## powers of theta.
  A = inv ((-3:2).' .^ (0:5));
  B = A.' .* [1, -1/2, 1/3, -1/4, 1/5, -1/6];
  o6 = ones (6, 1);
  fL = K - exp (z);
  c = zeros (N, 1);                     # c_M, smooth past the strike too
  b = log (K);
  kmin = 8 * 5 + 8;                     # the nodes at and above the perpetual boundary
  Q = [1 -1 1 -1; 1 0 0 0; 1 1 1 1; 1 2 4 8] \ eye (4);   # cubic on t = -1..2
  for m = M-1:-1:0
    ## The values times the weights of the integral split at b, between
    ## the nodes k1 - 1 and k1: Gregory's weights towards b on each side,
    ## and the partial cells on the six nodes k1 - 3 .. k1 + 2 (reversed
    ## for the cell below b).
    k1 = ceil ((b - zlo) / h) + 1;
    th = (z(k1) - b) / h;
    u = [fL(1:k1-10); g(9:-1:1) .* fL(k1-9:k1-1); g .* c(k1:k1+8); c(k1+9:N)];
    i6 = k1-3:k1+2;
    u(i6) += (B * cumprod (th(o6))) .* c(i6) ...
             + (B * cumprod ((1 - th)(o6)))(6:-1:1) .* fL(i6);
    if (m == 0)
      break;
    endif
    c = filter (pv, 1, [u; zpad]);
    c = (disc * h) * c(Lb+1:end);
    ## The boundary: the last node below which exercise pays, then the
    ## root of the cubic through nodes i - 1 .. i + 2.
    d = c - fL;
    i = find (d(kmin:N-2) < 0, 1, "last") + kmin - 1;
    if (isempty (i))
      i = kmin;
    endif
    a = Q * d(i-1:i+2);
    t = d(i) / (d(i) - d(i+1));
    for it = 1:3
      t -= (((a(4) * t + a(3)) * t + a(2)) * t + a(1)) ...
           / ((3 * a(4) * t + 2 * a(3)) * t + a(2));
    endfor
    b = z(i) + t * h;
  endfor
  ## Date 0: the expectation at the points themselves.
  Pz = fgl_bs_density (reshape (z - z0, 1, []), mu, s2, xi, we);
  V = (disc * h) * (u.' * reshape (Pz, N, []));
endfunction

%!test
%! ## One exercise date: the European put.
%! [xi, ~, we] = fgl_laguerre (16);
%! S = [80 100 120];
%! [V, N] = fgl_bermudan_put (S, 100, 0.5, 0.05, 0.3, 1, xi, we);
%! assert (V, bs_european ("put", "price", S, 100, 0.5, 0.05, 0.3), -2e-6);
%! assert (N > 50 && N < 500);
%!test
%! ## Two exercise dates: against the same recursion by nested quadrature
%! ## with the closed-form European put at the first date.
%! [xi, ~, we] = fgl_laguerre (16);
%! S = [85 100 118]; K = 100; T = 0.8; r = 0.06; s = 0.25;
%! V = fgl_bermudan_put (S, K, T, r, s, 2, xi, we);
%! y = linspace (-7, 7, 20001);
%! for i = 1:3
%!   z = log (S(i)) + (r - s^2 / 2) * T / 2 + s * sqrt (T / 2) * y;
%!   v1 = max (K - exp (z), bs_european ("put", "price", exp (z), K, T / 2, r, s));
%!   W(i) = exp (-r * T / 2) * trapz (y, v1 .* exp (-y .^ 2 / 2)) / sqrt (2 * pi);
%! endfor
%! assert (V, W, -2e-6);
%!test
%! ## More dates are worth more, and converge.
%! [xi, ~, we] = fgl_laguerre (16);
%! V = [];
%! for M = [4 8 16]
%!   V(end+1,:) = fgl_bermudan_put ([90 100 110], 100, 1, 0.03, 0.15, M, xi, we);
%! endfor
%! assert (all (diff (V) > 0));
%! d = diff (V);
%! assert (d(2,:) ./ d(1,:) > 0.4 & d(2,:) ./ d(1,:) < 0.6);
