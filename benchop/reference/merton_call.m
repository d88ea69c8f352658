## -*- texinfo -*-
## @deftypefn {} {@var{V} =} merton_call (@var{S}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{lambda}, @var{gamma}, @var{delta})
## Price of a European call under Merton's (1976) jump diffusion, by his
## series of Black-Scholes prices.
##
## @var{S} is an array of positive spot prices (@var{V} has its shape),
## @var{K} the strike, @var{T} the maturity, @var{r} the risk-free rate and
## @var{sigma} the diffusion volatility.  Jumps arrive with intensity
## @var{lambda} >= 0 and multiply the price by exp(Y), Y normal with mean
## @var{gamma} and standard deviation @var{delta}; the drift is compensated,
## k = E[e^Y] - 1 = exp(@var{gamma} + @var{delta}^2/2) - 1.
##
## Given n jumps, ln S_T is normal, so the price is the Poisson mixture
## @tex
## $$V = \sum_{n \ge 0} e^{-\lambda T} {(\lambda T)^n \over n!}
##   C_{BS}(S e^{n(\gamma + \delta^2/2) - \lambda k T}, K, T, r,
##          \sqrt{\sigma^2 + n \delta^2 / T}),$$
## @end tex
## @ifnottex
## V = sum_n exp(-lambda T) (lambda T)^n / n!
##     C_BS (S exp(n (gamma + delta^2/2) - lambda k T), K, T, r,
##           sqrt (sigma^2 + n delta^2 / T)),
## @end ifnottex
## summed until both the Poisson(lambda T) weights and those of the
## share-weighted terms, Poisson(lambda (1 + k) T), have a negligible tail.
## @end deftypefn

function V = merton_call (S, K, T, r, sigma, lambda, gamma, delta)
  if (nargin != 8)
    print_usage ();
  endif
  if (! isnumeric (S) || ! isreal (S) || isempty (S)
      || ! all (isfinite (S(:)) & S(:) > 0))
    error ("merton_call: S must be an array of positive finite spot prices");
  endif
  names = {"K", "T", "sigma", "delta"};
  vals = {K, T, sigma, delta};
  for i = 1:numel (names)
    x = vals{i};
    if (! (isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x) && x > 0))
      error ("merton_call: %s must be a positive finite scalar", names{i});
    endif
  endfor
  if (! (isnumeric (lambda) && isreal (lambda) && isscalar (lambda)
         && isfinite (lambda) && lambda >= 0))
    error ("merton_call: LAMBDA must be a non-negative finite scalar");
  endif
  names = {"R", "GAMMA"};
  vals = {r, gamma};
  for i = 1:2
    x = vals{i};
    if (! (isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x)))
      error ("merton_call: %s must be a real finite scalar", names{i});
    endif
  endfor

  k = expm1 (gamma + delta^2 / 2);
  lT = lambda * T;
  ## Terms up to 12 standard deviations past the larger Poisson mean.
  m = max (lT, lT * (1 + k));
  nmax = ceil (m + 12 * sqrt (m) + 30);
  if (nmax > 1e5)
    error ("merton_call: the jump series needs more than 1e5 terms (lambda T (1 + k) = %g)",
           m);
  endif
  n = (0:nmax)';
  if (lambda == 0)
    logw = [0; -Inf(nmax, 1)];
  else
    logw = -lT + n * log (lT) - gammaln (n + 1);
  endif

  ## Matrix of terms, one row per jump count, one column per spot; the
  ## weight goes into the exponent of the share term so that a huge shifted
  ## spot times a tiny weight cannot overflow.
  s = double (S(:)).';
  lSn = log (s) + n * (gamma + delta^2 / 2) - lambda * k * T;
  sdn = sqrt (sigma^2 * T + n * delta^2);
  d1 = (lSn - log (K) + r * T + sdn.^2 / 2) ./ sdn;
  d2 = d1 - sdn;
  terms = exp (logw + lSn) .* std_normal_cdf (d1) ...
          - K * exp (logw - r * T) .* std_normal_cdf (d2);
  V = reshape (max (sum (terms, 1), 0), size (S));
endfunction

## Reference values of the BENCHOP specification (problem 5).
%!assert (merton_call ([90 100 110], 100, 1, 0.03, 0.15, 0.4, -0.5, 0.4),
%!        [7.542526012669795, 14.336250885310660, 22.359969565189871], -1e-12)

## Without jumps it is the Black-Scholes price.
%!test
%! S = [70 100 130];
%! assert (merton_call (S, 100, 2, 0.05, 0.2, 0, -0.5, 0.4),
%!         bs_european ("call", "price", S, 100, 2, 0.05, 0.2), -1e-14);

## Against the Gil-Pelaez inversion of Merton's characteristic function.
%!test
%! S = [60 100 150];  K = 95;  T = 0.75;  r = 0.04;  sig = 0.25;
%! lam = 1.5;  ga = 0.1;  de = 0.3;
%! V = merton_call (S, K, T, r, sig, lam, ga, de);
%! kk = exp (ga + de^2 / 2) - 1;
%! ## phi(u) = E[exp(i u ln(S_T/S))]
%! phi = @(u) exp (1i * u * (r - sig^2 / 2 - lam * kk) * T - sig^2 * u.^2 * T / 2
%!                 + lam * T * (exp (1i * u * ga - de^2 * u.^2 / 2) - 1));
%! for j = 1:numel (S)
%!   x = log (S(j) / K);
%!   f = @(u) real (exp (1i * u * x) .* (S(j) * phi (u - 1i) - K * phi (u))
%!                  ./ (1i * u));
%!   I = quadgk (f, 0, 60, "RelTol", 1e-12, "AbsTol", 1e-13);
%!   assert (V(j), (S(j) - K * exp (-r * T)) / 2 + exp (-r * T) / pi * I, -1e-10);
%! endfor

## Many jumps (about 200 terms), large upward jumps, and bounds.
%!test
%! S = [50 100 200];
%! V = merton_call (S, 100, 5, 0.03, 0.1, 20, 0.05, 0.1);
%! assert (all (isfinite (V)) && all (V > max (S - 100 * exp (-0.15), 0))
%!         && all (V < S));
%! V = merton_call (S, 100, 1, 0.03, 0.1, 0.5, 1, 0.5);
%! assert (all (isfinite (V)) && all (V < S) && all (diff (V) > 0));
%! assert (size (merton_call ([90; 110], 100, 1, 0.03, 0.15, 0.4, -0.5, 0.4)),
%!         [2 1]);

%!error <Invalid call> merton_call (100, 100, 1, 0.03, 0.15, 0.4, -0.5)
%!error <S must> merton_call ("a", 100, 1, 0.03, 0.15, 0.4, -0.5, 0.4)
%!error <delta must> merton_call (100, 100, 1, 0.03, 0.15, 0.4, -0.5, 0)
%!error <LAMBDA must> merton_call (100, 100, 1, 0.03, 0.15, -1, -0.5, 0.4)
%!error <GAMMA must> merton_call (100, 100, 1, 0.03, 0.15, 0.4, NaN, 0.4)
%!error <more than 1e5 terms> merton_call (100, 100, 30, 0.03, 0.15, 20, 5, 5)
