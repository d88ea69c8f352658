## -*- texinfo -*-
## @deftypefn  {} {[@var{U}, @var{info}] =} cos_local_vol_call (@var{S}, @var{K}, @var{T}, @var{r}, @var{level})
## @deftypefnx {} {[@var{U}, @var{info}] =} cos_local_vol_call (@var{S}, @var{K}, @var{T}, @var{r}, @var{level}, @var{payoff})
## European call (or put, @var{payoff} @qcode{"put"}) under the local volatility of the implied-variance
## surface (@code{local_vol_surface}) by COS backward steps on an Euler
## discretisation of the log price, Richardson-extrapolated in the number
## of time steps.
##
## The surface is quoted in the log forward moneyness, so in
## @math{X_t = \log (S_t / F_t)}, @math{F_t = S_0 e^{r t}}, the dynamics
## @math{dX = -\sigma^2 / 2 \, dt + \sigma (X, t) \, dW}, @math{X_0 = 0},
## are the same for every spot: one recursion prices all the points, whose
## payoffs, puts @math{K (1 - e^{X_T - \kappa})^+} with
## @math{\kappa = \log (K / F_T)}, are the columns of the coefficient
## matrix.  Over a step @math{\Delta t} from x the Euler scheme is normal
## with characteristic function
## @math{\exp (i u (x - \sigma^2 \Delta t / 2) - \sigma^2 \Delta t u^2 / 2)},
## @math{\sigma = \sigma (x, t_m)}; it depends on x, so (as in COS methods
## for discretised SDEs) the value at @math{t_m} is summed from the cosine
## coefficients at @math{t_{m+1}} on a grid of x (the midpoints of N
## cells), and its coefficients come back from the grid by the midpoint
## rule, which is exact for cosine series of fewer than N terms.  The
## scheme keeps @math{e^X} a martingale, so put-call parity gives the
## calls.  Its weak error is of order @math{\Delta t}: the prices with
## @math{M} and @math{2 M} steps are combined as @math{2 U_{2M} - U_M}.
##
## The interval is @math{-w/2 \pm 14 \sqrt{w}}, @math{w = T v(T, 0)} the
## total implied variance at the money (the wings of the surface make the
## tails heavier than normal).  With @math{T_m = \max (T, 1/2)},
## @var{level} sets @math{M = \lceil 2^{(level + 6)/2} \sqrt{2 T_m} \rceil}
## steps (32 for @math{T \le 1/2} at level 4, @math{\sqrt 2} times as
## many per level) and @math{N \approx 128 (2 T_m)^{1/4}} cosine terms, as
## the interval widens with @math{\sqrt T} and a step's spread with
## @math{\sqrt{T / M}}.  @var{info} reports @code{N} and @code{M} (both step counts).
##
## Far in the wings, and for maturities beyond about 1 year closer in, the
## surface's local variance turns negative (the surface is not free of
## arbitrage there): it is taken as 0.
## @end deftypefn

function [U, info] = cos_local_vol_call (S, K, T, r, level, payoff = "call")
  if (nargin < 5 || nargin > 6)
    print_usage ();
  endif
  L = 14;
  Tm = max (T, 0.5);
  M = ceil (2^((level + 6) / 2) * sqrt (2 * Tm));
  ## The interval grows as sqrt (T), a step's spread as sqrt (T / M).
  N = 16 * ceil (8 * (2 * Tm)^0.25);
  w = T * implied_variance_surface (T, 0);
  a = -w / 2 - L * sqrt (w);
  b = -w / 2 + L * sqrt (w);
  k = (0:N-1).';
  u = k.' * pi / (b - a);               # a row: terms along columns
  x = a + (b - a) / N * ((0:N-1).' + 0.5);
  th = (x - a) * u;
  Ct = cos (th);
  St = sin (th);
  C = (2 / N) * Ct.';                   # coefficients from grid values
  kap = log (K ./ (S(:).' * exp (r * T)));
  [chi, psi] = cos_chi_psi (k, a, b, a, min (max (kap, a), b));
  V0 = (2 / (b - a)) * K * (psi - exp (-kap) .* chi);
  P = zeros (2, numel (kap));
  for i = 1:2
    m = M * i;
    dt = T / m;
    V = V0;
    for j = m-1:-1:1
      ## The value on the grid at t_j, then its coefficients.
      ## Far in the wings of long maturities the surface's local variance
      ## turns negative (an imaginary local volatility): taken as 0.
      s2 = real (local_vol_surface (exp (x + r * j * dt), j * dt, 1, r)) .^ 2 * dt;
      ## cos (u (x - a - s2/2)) = cos (th - d) with d = u s2 / 2: from the
      ## fixed cos th and sin th, by series in d (the transcendental
      ## functions of an N-by-N matrix per step dominate the work).  The
      ## series' error, below d^8 / 8!, meets the factor
      ## exp (-s2 u^2 / 2) = exp (-2 d^2 / s2): below 1e-11 for s2 <= 0.05.
      d = (s2 / 2) * u;
      if (max (s2) <= 0.05)
        d2 = d .^ 2;
        A = Ct .* (1 + d2 .* (-0.5 + d2 .* (1/24 + d2 * (-1/720)))) ...
            + St .* d .* (1 + d2 .* (-1/6 + d2 .* (1/120 + d2 * (-1/5040))));
      else
        A = cos (th - d);
      endif
      A .*= exp (-s2 .* u .^ 2 / 2);
      A(:,1) /= 2;
      V = C * (A * V);
    endfor
    s2 = local_vol_surface (1, 0, 1, r) ^ 2 * dt;
    A = cos (u * (-a - s2 / 2)) .* exp (-s2 * u .^ 2 / 2);
    A(1) /= 2;
    P(i,:) = exp (-r * T) * (A * V);
  endfor
  U = max (2 * P(2,:) - P(1,:), 0);     # Richardson: weak order 1
  if (strcmp (payoff, "call"))
    U += S(:).' - K * exp (-r * T);
  endif
  info = struct ("N", N, "M", [M, 2*M]);
endfunction

%!test
%! ## Against the closed form of the implied surface.
%! S = [90 100 110];
%! U = cos_local_vol_call (S, 100, 0.5, 0.03, 4);
%! assert (U, implied_surface_call (S, 100, 0.5, 0.03), -1e-4);
%!test
%! ## Other parameters, within the surface's arbitrage-free part.
%! S = [88 97 115];
%! U = cos_local_vol_call (S, 105, 0.8, 0.06, 5);
%! assert (U, implied_surface_call (S, 105, 0.8, 0.06), -1e-4);
%! ## The put, by the same recursion.
%! assert (cos_local_vol_call (S, 105, 0.8, 0.06, 5, "put"),
%!         U - S + 105 * exp (-0.06 * 0.8), -1e-10);
%!error cos_local_vol_call (1, 2, 3)
