## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{N}] =} cos_cf_european (@var{logcf}, @var{payoff}, @var{S}, @var{K}, @var{T}, @var{r}, @var{level})
## European call or put price for any model given by the characteristic
## function of its log return, by the COS method (Fang and Oosterlee 2008).
##
## @var{logcf} is the handle of @code{model_log_cf}: @math{\log E[e^{i u
## Y}]}, @math{Y = \log (S_T / S_0)}, for real or complex @math{u};
## @var{payoff} is @qcode{"call"} or @qcode{"put"}; @var{S} a row of spot
## prices.  As in @code{cos_european}, each point expands the option that
## is out of the money with respect to its forward @math{S E[S_T/S_0]}:
## the put @math{K (1 - e^y)^+}, @math{y = \log (S_T / K)}, under the
## pricing measure, or the call as @math{(1 - e^{-y})^+} under the share
## measure, whose characteristic function is
## @math{\phi(u - i) / \phi(-i)}; the other option follows from parity,
## @math{C - P = e^{-rT} (S \phi(-i) - K)}.  Both payoffs are bounded, so
## the smaller price keeps its relative accuracy.
##
## The truncation range of each measure is @math{x + c_1 \pm L
## \sqrt{c_2 + \sqrt{c_4}}}, @math{L = 10}, with the cumulants of the
## model's own parameters (@code{cos_cumulants}).  The number of terms
## @var{N} places the last frequency where the characteristic function has
## decayed to @math{e^{-36}} at @var{level} 5 and scales by 2 per level:
## @math{N = 2^{level-5} (b - a) u_{36} / \pi}, at least 16; for
## Black-Scholes that is about 54 terms at level 5.
## @end deftypefn

function [U, N] = cos_cf_european (logcf, payoff, S, K, T, r, level)
  if (nargin != 7)
    print_usage ();
  endif
  ## PAYOFF is not checked here, in the timed pricing: cos_check checks the
  ## problem's.
  L = 10;
  S = S(:).';
  x = log (S / K);
  lm = real (logcf (-1i));              # log E[S_T / S_0]
  call = (x + lm < 0);                  # out of the money calls
  U = zeros (size (S));
  N = 0;
  for share = [false, true]
    i = (call == share);
    if (! any (i))
      continue;
    endif
    if (share)
      f = @(u) logcf (u - 1i) - lm;
    else
      f = logcf;
    endif
    [c1, c2, c4, h] = cos_cumulants (f);
    w = L * sqrt (c2 + sqrt (c4));      # half-width of the intervals
    ## Frequency where |phi| has decayed to e^{-36}.
    v = h * 2 .^ (0:0.125:40);
    R = real (f (v));
    j = find (R < -36, 1);
    if (isempty (j))
      error ("cos_cf_european: the characteristic function does not decay");
    endif
    if (j > 1)
      v36 = v(j-1) + (v(j) - v(j-1)) * (-36 - R(j-1)) / (R(j) - R(j-1));
    else
      v36 = v(1);
    endif
    n = max (16, ceil (2^(level - 5) * 2 * w * v36 / pi));
    N = max (N, n);
    k = (0:n-1).';
    u = k * pi / (2 * w);
    xi = x(i);
    a = xi + c1 - w;
    b = xi + c1 + w;
    ## Payoff coefficients over its support inside [a, b].
    if (share)
      c = max (a, 0);
      d = b;
      [chi, psi] = cos_chi_psi (k, a, b, c, d, -1);
      V = (psi - chi) / w;
    else
      c = a;
      d = min (b, 0);
      [chi, psi] = cos_chi_psi (k, a, b, c, d);
      V = K * (psi - chi) / w;
    endif
    V(:, c >= d) = 0;
    ## phi(u) e^{i u (x - a)} = phi(u) e^{i u (w - c1)}: the same for all
    ## points.
    E = exp (f (u.') .' + 1i * u * (w - c1));
    E(1) /= 2;
    v = real (E).' * V;
    v = max (v, 0);                     # no negative rounding residue
    if (share)
      U(i) = exp (lm - r * T) * S(i) .* v;
    else
      U(i) = exp (-r * T) * v;
    endif
  endfor
  ## Parity for the points whose option was not expanded.
  other = (call != strcmp (payoff, "call"));
  if (any (other))
    sgn = 1 - 2 * strcmp (payoff, "put");   # +1: put -> call
    U(other) += sgn * exp (-r * T) * (S(other) * exp (lm) - K);
  endif
endfunction

%!test
%! ## Black-Scholes: the closed form.
%! S = [60 90 100 110 160]; K = 100; T = 0.7; r = 0.05; s = 0.25;
%! f = model_log_cf ("black-scholes", struct ("T", T, "r", r, "sigma", s));
%! C = bs_european ("call", "price", S, K, T, r, s);
%! assert (cos_cf_european (f, "call", S, K, T, r, 5), C, -1e-10);
%! P = bs_european ("put", "price", S, K, T, r, s);
%! assert (cos_cf_european (f, "put", S, K, T, r, 5), P, -1e-10);
%!test
%! ## A tiny volatility and a large drift.
%! S = [97 98 99]; K = 100; T = 0.25; r = 0.1; s = 0.01;
%! f = model_log_cf ("black-scholes", struct ("T", T, "r", r, "sigma", s));
%! [U, N] = cos_cf_european (f, "call", S, K, T, r, 5);
%! assert (U, bs_european ("call", "price", S, K, T, r, s), -1e-10);
%! assert (N < 80);
%!error cos_cf_european (1, 2, 3)
