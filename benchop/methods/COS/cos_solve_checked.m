## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} cos_solve_checked (@var{p}, @var{level})
## The COS method's pricing (@pxref{cos_solve}) of a problem checked by
## @code{cos_check}: what @code{benchop_solve} times.  It checks nothing;
## the cumulants, truncation ranges and numbers of terms all come from the
## parameters in @var{p} here, on every call.  It branches on the numbers
## @code{p.kind}, @code{p.out} and @code{p.call} that @code{cos_check} made
## of the problem's names, since comparing strings costs more than the
## pricing of a European option itself.  Its European prices build their
## @var{info} only when it is asked for: the repeats of a timing are not.
##
## Levels: European options under Black-Scholes, and the exchange option
## (@code{cos_exchange}), take N = 8, 10, 12, 14,
## 18, 22, 28, 40, 64, 128 terms at levels 1 to 10, over
## @math{L = \sqrt{N \pi / 2}} standard deviations, where the truncation
## error @math{e^{-L^2/2}} and the series' @math{e^{-(N \pi / 2 L)^2 / 2}}
## balance: fine steps at the low end, where the work hardly grows with N.
## European options under the other models widen their truncation range
## with the level (@code{cos_cf_european}).  The recursions (American,
## barrier, dividend and local-volatility problems) keep a ladder that
## doubles the work per level, level @math{l} there being their resolution
## @math{\max (l - 1, 1)}.
## @end deftypefn

function [U, info] = cos_solve_checked (p, level)
  kind = p.kind;
  if (kind == 2)
    ## Up-and-out call: when no point can reach the barrier within the
    ## recursions' range (10 standard deviations and the drift,
    ## cos_up_and_out_call), as often, it is the European call, below.
    T = p.T;
    c1 = (p.r - p.sigma ^ 2 / 2) * T;
    if (p.B <= p.K
        || ! all (log (p.B ./ p.S) >= c1 * (c1 > 0) + 10 * p.sigma * T ^ 0.5))
      lo = max (level - 1, 1);
      Ne = [8 10 12 14 18 22 28 40 64 128](level);
      res = struct ("N", 2^(lo + 1), "M0", 2^(lo - 1), "q", 5, "L", 10,
                    "Ne", Ne, "Le", (Ne * 1.5707963267948966) ^ 0.5);
      [U, info] = cos_up_and_out_call (p.S, p.K, p.B, T, p.r, p.sigma, res);
      info.L = res.L;
      return;
    endif
    kind = 1;
  endif
  if (kind == 1)
    ## European, Black-Scholes: the common case first, with the least work.
    ## This is cos_european's expansion written out, with the interval's
    ## upper end kept above 0 (w grows by s^2/2) so that the payoff's
    ## support always ends at 0; builtin calls (exp, sqrt, abs, min, pi)
    ## are replaced by operators where one does, since each call costs
    ## more here than the arithmetic on a few dozen numbers.
    N = [8 10 12 14 18 22 28 40 64 128](level);
    L = (N * 1.5707963267948966) ^ 0.5;
    S = p.S;
    T = p.T;
    s2 = p.sigma ^ 2 * T;
    F = p.K * 2.718281828459045 ^ (-p.r * T);
    w = L * s2 ^ 0.5 + s2 / 2;          # half-width of every interval
    y = log (S / F);                    # >= 0: the put is out of the money
    ind = (y >= 0);
    a = (y .* y) .^ 0.5 - (s2 / 2 + w);   # |y| - s^2/2 is the mean
    a = a .* (a < 0);                   # beyond the interval: no payoff
    ea = 2.718281828459045 .^ a;
    SF = S - F;
    ## The even terms j of the expansion, u = j pi / w, carry
    ## (-1)^j e^{-s^2 u^2/2} = (-q)^(j^2) and the coefficient
    ## Re ((e^a - xi^j) / (u (u - i))), xi = e^{-i pi a / w}; the odd ones
    ## vanish at the centre of the interval.
    j = (1:N/2-1).';
    bw = w / 3.141592653589793;
    q = 2.718281828459045 ^ (-s2 / (2 * bw * bw));
    c = (-q) .^ (j .* j) ./ (j .* (j - 1i * bw));
    Z = 2.718281828459045 .^ (j * (a * (-1i / bw)));
    out = p.out;
    if (out == 0)
      G = (ea - 1 - a) / (2 * w) ...
          + real (c.' * (ea - Z)) * (bw / 3.141592653589793);
      ## D G, D = min (S, F), and parity to the other option.
      U = S .* G + SF .* (ind .* (1 - G) - (! p.call));
    else
      ## Greeks: the derivatives in the mean, d/da of G (the interval moves
      ## with the point).  Delta: put expanded F g' / S, call expanded
      ## g - g'; parity adds 1 to a call from a put, -1 to a put from a
      ## call.  Gamma and vega: g'' - g', in which the terms e^a sum (c)
      ## cancel.
      c *= bw / 3.141592653589793;
      D = S - ind .* SF;                # min (S, F)
      nu = j / bw;
      if (out == 1)
        P = real ([(1i * nu) .* c, (1 + 1i * nu) .* c].' * Z);
        g1 = (ea - 1) / (2 * w) + real (sum (c)) * ea + P(1,:);
        U = D ./ S .* (ind .* g1 - (1 - ind) .* (a / (2 * w) + P(2,:))) ...
            + (p.call - 1 + ind);
      else
        G = 1 / (2 * w) + real ((c .* nu .* (nu - 1i)).' * Z);
        if (out == 2)
          U = D .* G ./ (S .* S);
        else
          U = (D * (p.sigma * T)) .* G;
        endif
      endif
    endif
    if (nargout > 1)
      info = struct ("N", N, "M", [], "L", L);
    endif
    return;
  endif
  if (kind == 4)
    [U, N, L] = cos_cf_european (p, level);
    if (nargout > 1)
      info = struct ("N", N, "M", [], "L", L);
    endif
    return;
  endif
  lo = max (level - 1, 1);              # the doubling ladder's level
  S = p.S;
  r = p.r;
  T = p.T;
  if (kind == 6)
    ## The exchange option: a call on the ratio, the European ladder.
    N = [8 10 12 14 18 22 28 40 64 128](level);
    L = (N * 1.5707963267948966) ^ 0.5;
    U = cos_exchange (S, T, p.sigma1, p.sigma2, p.rho, N, L);
    if (nargout > 1)
      info = struct ("N", N, "M", [], "L", L);
    endif
    return;
  elseif (kind == 7)
    [U, info] = cos_local_vol_call (S, p.K, T, r, lo, p.payoff);
    info.L = 14;
    return;
  endif

  ## The recursions: FFTW's threads only slow transforms this small down,
  ## badly so on a busy machine: use one thread, and restore the setting
  ## afterwards.
  nthreads = [];
  try
    nthreads = fftw ("threads");
    fftw ("threads", 1);
  end_try_catch
  unwind_protect
    if (kind == 5)
      [U, N] = cos_dividend_american_call (S, p.K, T, r, p.sigma, p.D,
                                           p.alpha, lo);
      info = struct ("N", N, "M", [], "L", 10);
    else
      Ne = [8 10 12 14 18 22 28 40 64 128](level);
      res = struct ("N", 2^(lo + 1), "M0", 2^(lo - 1), "q", 5, "L", 10,
                    "Ne", Ne, "Le", sqrt (Ne * pi / 2));
      [U, info] = cos_american_put (S, p.K, T, r, p.sigma, res);
      info.L = res.L;
    endif
  unwind_protect_cleanup
    if (! isempty (nthreads))
      fftw ("threads", nthreads);
    endif
  end_unwind_protect
endfunction

%!test
%! ## The same prices and info as cos_solve, from a problem checked once:
%! ## European Greeks, American and barrier recursions, the other models.
%! for id = {"1a-I-vega", "1b-I", "1c-I", "2-am", "4", "6", "3-II"}
%!   problem = benchop_problem (id{1});
%!   [U, info] = cos_solve_checked (cos_check (problem, 3), 3);
%!   [U0, info0] = cos_solve (problem, 3);
%!   assert (U, U0);
%!   assert (info, info0);
%! endfor
%!test
%! ## Checked once, priced twice: the same numbers each time.
%! p = cos_check (benchop_problem ("1c-II"), 2);
%! assert (cos_solve_checked (p, 2), cos_solve_checked (p, 2));
%!test
%! ## The European expansion written out here is cos_european's, for calls
%! ## and puts, every output, points on both sides of the forward.
%! q = benchop_problem ("1a-I", "S", [60 97 103 150], "K", 101, "T", 0.6,
%!                      "r", 0.04, "sigma", 0.3);
%! for payoff = {"call", "put"}
%!   for out = 0:3
%!     names = {"price", "delta", "gamma", "vega"};
%!     q.payoff = payoff{1};
%!     q.output = names{out+1};
%!     [U, info] = cos_solve_checked (cos_check (q, 7), 7);
%!     assert (U, cos_european (q.S, 101, 0.6, 0.04, 0.3, info.N, info.L, out,
%!                              strcmp (payoff{1}, "call")), 1e-13);
%!     assert (U, bs_european (payoff{1}, names{out+1}, q.S, 101, 0.6, 0.04, 0.3), -1e-6);
%!   endfor
%! endfor
%!test
%! ## An up-and-out call no point can knock out is the European call;
%! ## one whose points can is not.
%! q = benchop_problem ("1c-II");
%! p = setfield (setfield (q, "id", "1a-II"), "barrier", "none");
%! assert (cos_solve_checked (cos_check (q, 4), 4),
%!         cos_solve_checked (cos_check (p, 4), 4));
%! q.B = 101;
%! assert (all (cos_solve_checked (cos_check (q, 4), 4)
%!              < cos_solve_checked (cos_check (p, 4), 4)));
