## -*- texinfo -*-
## @deftypefn {} {@var{c} =} mcs_lsm_boundary (@var{payoff}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{npairs}, @var{ndates})
## Exercise boundaries of an American put or call under Black-Scholes,
## estimated by Longstaff-Schwartz regression on paths from dispersed
## starting spots: the exercise rule that @code{mcs_lsm} prices with.
##
## Under Black-Scholes the continuation value at a date depends on the spot
## then, not on where the path started, so one rule serves every spot.  The
## 2 @var{npairs} paths start from
## @math{S_0 = K \exp(\sigma \sqrt{T} Z_0)}, which puts many paths near the
## boundary at every date (paths from an out-of-the-money spot seldom get
## there, which left the boundary of the per-spot regression noisy and its
## price biased low).  They are sampled on @var{ndates} equally spaced
## dates (a multiple of 4) backwards from the terminal value with the
## Brownian bridge.
##
## Three Bermudan policies are fitted, on all dates, on every second and
## on every fourth date (for the extrapolation in @code{mcs_lsm}).  At each
## of its dates a policy regresses the discounted cash flows of the
## in-the-money paths on a cubic in @math{S/K} and the European price of
## the remaining life (@pxref{mcs_lsm_fit}); the boundary is the spot where
## the payoff overtakes the fit, found among the sorted paths, and the fit
## is repeated once on the paths between twice that distance from the
## strike and the strike (a global cubic is bent by the deep in-the-money
## paths and misplaces the boundary).  In
## @math{x = \pm \log(S/K)} (+ for a put, - for a call) the exercise region
## is @math{x < c_j}.  The raw @math{c_j} are noisy, while the true
## boundary is smooth in time (for the put its distance from the strike
## grows like the square root of the remaining life), so each policy's
## @math{c_j} are replaced by a least-squares polynomial (degree up to 4)
## in @math{\sqrt{(T - t_j)/T}}.
##
## @var{c} is 3-by-(@var{ndates}-1): row @var{l} holds policy @var{l}'s
## boundary on date @math{j T / ndates} in column @var{j}, -Inf where it
## never exercises (and off its dates).  The random streams of @code{rand}
## and @code{randn} are used as the caller left them.
## @end deftypefn

function c = mcs_lsm_boundary (payoff, K, T, r, sigma, npairs, ndates)
  if (nargin != 7)
    print_usage ();
  endif
  if (! (ndates >= 4 && mod (ndates, 4) == 0))
    error ("mcs_lsm_boundary: the number of exercise dates NDATES must be a multiple of 4");
  endif
  h = mc_payoff (payoff, K);
  sgn = 1 - 2 * strcmp (payoff, "call");
  m = npairs;
  M = ndates;
  t = (0:M) * T / M;
  mu = r - sigma ^ 2 / 2;
  W = sqrt (T) * mcs_strata_normals (1, m, m);
  W = [W; -W];
  S0 = K * exp (sigma * sqrt (T) * randn (2 * m, 1));
  C = repmat (exp (-r * T) * h (S0 .* exp (mu * T + sigma * W)), 1, 3);
  c = -Inf (3, M - 1);
  for j = M-1:-1:1
    W = (t(j+1) / t(j+2)) * W ...
        + sqrt (t(j+1) * (t(j+2) - t(j+1)) / t(j+2)) * randn (2 * m, 1);
    Sj = S0 .* exp (mu * t(j+1) + sigma * W);
    ex = exp (-r * t(j+1)) * h (Sj);
    itm = find (ex > 0);
    if (numel (itm) < 10)
      continue;    # too few paths to regress on: keep holding
    endif
    x = sgn * log (Sj(itm) / K);
    [xs, o] = sort (x);
    eu = mc_bs (payoff, Sj(itm), K, T - t(j+1), r, sigma);
    for l = find (mod (j, [1 2 4]) == 0)
      ## Fit over the money, then again on the paths with x > 2 c: deep in
      ## the money the cubic only bends the fit away from the boundary.
      in = (1:numel (itm)).';
      for pass = 1:2
        F = mcs_lsm_fit (Sj(itm(in)) / K, 3, eu(in), C(itm(in),l));
        d = -Inf (numel (itm), 1);
        d(in) = ex(itm(in)) - F;
        ## the boundary: the last sorted path where exercise wins
        q = find (d(o) > 0, 1, "last");
        if (isempty (q))
          break;
        elseif (q < numel (xs))
          c(l,j) = (xs(q) + xs(q+1)) / 2;
        else
          c(l,j) = xs(q);
        endif
        in = find (x > 2 * c(l,j));
        if (numel (in) < 10)
          break;
        endif
      endfor
      if (! isfinite (c(l,j)))
        continue;
      endif
      stop = itm(x < c(l,j));
      C(stop,l) = ex(stop);
    endfor
  endfor
  ## Smooth each policy's boundary in time.  Too few dates with a boundary
  ## (a call without dividends, r <= 0 for a put) leave the raw values.
  for l = 1:3
    js = 2^(l-1):2^(l-1):M-1;
    ok = isfinite (c(l,js));
    deg = min (4, floor (numel (js) / 2));
    if (sum (ok) >= max (2 * deg + 1, 0.75 * numel (js)))
      s = sqrt ((T - t(js+1)) / T).';
      A = s .^ (0:deg);
      c(l,js) = (A * (A(ok,:) \ c(l,js(ok)).')).';
    endif
  endfor
endfunction

%!test
%! ## the put's boundary lies below the strike, rises towards maturity and is
%! ## close to that of a CRR tree (its 32-date Bermudan boundary at the
%! ## dates 8, 16, 24 is 96.51, 97.08 and 97.76; the estimate runs about
%! ## 0.3 to 0.6 low: the regression's bias, the main error left in mcs_lsm)
%! rand ("state", 1);  randn ("state", 1);
%! c = mcs_lsm_boundary ("put", 100, 0.25, 0.08, 0.1, 2^13, 32);
%! b = 100 * exp (c(1,:));
%! assert (size (c), [3 31]);
%! assert (all (diff (b(16:end)) > 0) && all (b < 100));
%! assert (b([8 16 24]), [96.51 97.08 97.76], 0.8);
%! assert (all (isinf (c(2,1:2:end))) && all (isinf (c(3,[1:3 5:7]))));
%!test
%! ## a longer put: a boundary on every date
%! rand ("state", 2);  randn ("state", 2);
%! c = mcs_lsm_boundary ("put", 100, 1, 0.05, 0.2, 2^10, 8);
%! assert (all (isfinite (c(1,:))) && all (c(1,:) < 0));
%!error <multiple of 4> mcs_lsm_boundary ("put", 100, 1, 0.05, 0.2, 2^10, 6)
%!error mcs_lsm_boundary ("put", 100, 1, 0.05, 0.2, 2^10)
