## -*- texinfo -*-
## @deftypefn {} {@var{sigma} =} local_vol_surface (@var{S}, @var{t}, @var{S0}, @var{r})
## Local volatility of BENCHOP problem 3-II: the Dupire local volatility of
## the implied-variance surface (@pxref{implied_variance_surface}), through
## Gatheral's formula in total implied variance w = t v:
##
## sigma^2 = w_t / (1 - (y/w) w_y + (-1/4 - 1/w + y^2/w^2) w_y^2 / 4 + w_yy / 2)
##
## at y = ln (S / F_t), F_t = @var{S0} exp (@var{r} t).  The surface is
## quoted relative to the forward of the spot @var{S0} the option is priced
## at, so the local volatility depends on @var{S0}.  @var{S} and @var{t} are
## arrays of the same size, or one of them scalar; times below 1e-10 are
## taken as 1e-10 (the formula has a finite limit at t = 0).  Where the
## surface implies a negative local variance (far in the left wing for
## t > 1.2 or so) the local volatility is taken as zero.
## @end deftypefn

function sigma = local_vol_surface (S, t, S0, r)
  if (nargin != 4)
    print_usage ();
  endif
  if (! isnumeric (S) || any (S(:) <= 0) || ! isscalar (S0) || S0 <= 0
      || ! isscalar (r))
    error ("local_vol_surface: S and S0 must be positive, R a scalar");
  endif
  t = max (t, 1e-10);
  y = log (S ./ (S0 * exp (r * t)));
  [v, v_x, v_xx, v_T] = implied_variance_surface (t, y);
  w = t .* v;
  w_t = v + t .* v_T;
  w_y = t .* v_x;
  w_yy = t .* v_xx;
  denom = 1 - y .* v_x ./ v + 0.25 * (-0.25 - 1 ./ w + y.^2 ./ w.^2) .* w_y.^2 + 0.5 * w_yy;
  ## Far in the left wing at longer maturities (t > 1.2 or so) the surface
  ## implies a negative local variance (it is not free of arbitrage there):
  ## take zero, the nearest admissible value.
  sigma = sqrt (max (w_t ./ denom, 0));
endfunction

%!test
%! ## Pricing with the Dupire formula inverted: a call price C(K, T) from the
%! ## surface satisfies C_T = 0.5 sigma^2 K^2 C_KK - r K C_K.
%! S0 = 100; r = 0.03; T = 0.5; K = [90 100 110]; h = 1e-3; k = 1e-2;
%! C = @(K, T) arrayfun (@(kk) implied_surface_call (S0, kk, T, r), K);
%! C_T = (C (K, T + h) - C (K, T - h)) / (2 * h);
%! C_K = (C (K + k, T) - C (K - k, T)) / (2 * k);
%! C_KK = (C (K + k, T) - 2 * C (K, T) + C (K - k, T)) / k^2;
%! sig = local_vol_surface (K, T, S0, r);
%! assert (C_T, 0.5 * sig.^2 .* K.^2 .* C_KK - r * K .* C_K, 2e-5);
%!assert (isfinite (local_vol_surface (100, 0, 100, 0.03)))
%!assert (local_vol_surface (100, 1e-12, 100, 0.03), local_vol_surface (100, 1e-10, 100, 0.03), 1e-6)
%!assert (local_vol_surface (20, 1.8, 100, 0.03), 0)
%!error local_vol_surface (1, 2, 3)
