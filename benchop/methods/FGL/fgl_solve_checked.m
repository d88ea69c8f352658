## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fgl_solve_checked (@var{p}, @var{level})
## The FGL method's pricing (@pxref{fgl_solve}) of a problem checked by
## @code{fgl_check}: what @code{benchop_solve} times.  It checks nothing;
## the Gauss-Laguerre rule (@code{fgl_laguerre}, by Golub and Welsch's
## eigenvalue method), the contours, scales, boundaries and grids all come
## from the level and the parameters in @var{p} here, on every call.  It
## branches on the numbers @code{p.kind}, @code{p.out} and @code{p.call}
## that @code{fgl_check} made of the problem's names, and builds its
## @var{info} only when it is asked for.  The rule of @code{fgl_laguerre}
## and the European prices and Greeks of @code{fgl_bs_european} are
## written out here, the same code: in a call of a hundred microseconds
## each function call is a noticeable part.
##
## Levels 1 to 13 take n = 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 64,
## 80 Gauss-Laguerre nodes, and the American put @math{M_0} = 1, 2, 3, 4, 5,
## 6, 8, 11, 16, 23, 32, 45, 64 exercise dates for its coarsest Bermudan:
## its work grows like @math{M_0^2} (the dates times the grid, whose step
## follows one date's deviation, squared for the matrix products), about
## twice per level from level 6 on.
## @end deftypefn

function [U, info] = fgl_solve_checked (p, level)
  n = [8 10 12 14 16 20 24 28 32 40 48 64 80](level);
  ## The Gauss-Laguerre rule by Golub and Welsch's method: fgl_laguerre
  ## written out, since a call costs about as much as the eigenvalues of
  ## a small matrix.
  k = 1:n-1;
  [V, xi] = eig (diag (1:2:2*n-1) + diag (k, 1) + diag (k, -1), "vector");
  we = (V(1,:).' .^ 2) .* exp (xi);
  kind = p.kind;
  if (kind == 1)
    ## European under Black-Scholes, the common case: fgl_bs_european
    ## written out, to save the call.
    S = p.S;
    K = p.K;
    T = p.T;
    r = p.r;
    out = p.out;
    s2 = p.sigma * p.sigma * T;
    x = log (S / K);
    lm = r * T + p.ld;                  # log E[S_T / S]
    m = x + (lm - s2 / 2);
    put = (x + lm >= 0);                # forward above K: the put is OTM
    c = 0.8 / (s2 * n) ^ 0.5;
    dK = K * 2.718281828459045 ^ (-r * T);
    if (out < 2)
      ms = m + s2;
      if (out == 0)
        bp = (m + (m .* m + 4 * s2) .^ 0.5) / (2 * s2);
        bc = (ms - (ms .* ms + 4 * s2) .^ 0.5) / (2 * s2) - 1;
      else
        q = (ms .* ms + 4 * s2) .^ 0.5;
        bp = (ms + q) / (2 * s2) - 1;
        bc = (ms - q) / (2 * s2) - 1;
      endif
      w = (c * xi) + 1i * merge (put, bp, bc);
      E = exp ((1i * w) .* m - (s2 / 2) * w .* w);
      if (out == 0)
        U = (put + p.call - 1) .* (S * 2.718281828459045 ^ (lm - r * T) - dK) ...
            - (dK * c / pi) * (we.' * real (E ./ (w .* (w + 1i))));
      else
        U = (put + p.call - 1) * 2.718281828459045 ^ (lm - r * T) ...
            - (dK * c / pi) ./ S .* (we.' * real ((1i * E) ./ (w + 1i)));
      endif
    else
      w = (c * xi) + 1i * (m / s2);
      J = (dK * c / pi) * (we.' * real (exp ((1i * w) .* m - (s2 / 2) * w .* w)));
      if (out == 2)
        U = J ./ (S .* S);
      else
        U = (p.sigma * T) * J;
      endif
    endif
  elseif (kind == 2)
    U = fgl_cf_european (p, xi, we);
  elseif (kind == 3)
    ## The exchange option: with the second asset as numeraire, a call
    ## struck at 1 on the ratio S1 / S2, a driftless GBM of variance rate
    ## sigma1^2 + sigma2^2 - 2 rho sigma1 sigma2; none: the intrinsic value.
    S1 = p.S(:,1).';
    S2 = p.S(:,2).';
    s2 = p.sigma1 * p.sigma1 + p.sigma2 * p.sigma2 ...
         - 2 * p.rho * p.sigma1 * p.sigma2;
    if (s2 * p.T < 1e-16)
      U = S1 - S2;
      U(U < 0) = 0;
    else
      U = S2 .* fgl_bs_european (S1 ./ S2, 1, p.T, 0, s2 ^ 0.5, 0, 0, true,
                                 xi, we);
    endif
  elseif (kind == 4)
    M0 = [1 2 3 4 5 6 8 11 16 23 32 45 64](level);
    [U, G, M] = fgl_american_put (p.S, p.K, p.T, p.r, p.sigma, M0, xi, we);
  else
    U = fgl_dividend_american_call (p.S, p.K, p.T, p.r, p.sigma, p.D,
                                    p.alpha, xi, we);
  endif
  if (nargout > 1)
    if (kind != 4)
      M = [];
      G = 0;
    endif
    info = struct ("N", n, "M", M, "grid", G);
  endif
endfunction

%!test
%! ## The same prices and info as fgl_solve, from a problem checked once.
%! for id = {"1a-I-vega", "1b-I", "2-am", "4", "5", "6"}
%!   problem = benchop_problem (id{1});
%!   [U, info] = fgl_solve_checked (fgl_check (problem, 3), 3);
%!   [U0, info0] = fgl_solve (problem, 3);
%!   assert (U, U0);
%!   assert (info, info0);
%! endfor
%!test
%! ## Checked once, priced twice: the same numbers each time; the info.
%! p = fgl_check (benchop_problem ("4"), 2);
%! [U, info] = fgl_solve_checked (p, 2);
%! assert (fgl_solve_checked (p, 2), U);
%! assert (info, struct ("N", 10, "M", [], "grid", 0));
%! [~, info] = fgl_solve_checked (fgl_check (benchop_problem ("1b-I"), 4), 4);
%! assert (info.M, [4 8 16 32]);
%! assert (info.N, 14);
%! assert (info.grid > 100);
%!test
%! ## The European code written out here is fgl_bs_european with the rule
%! ## of fgl_laguerre, for calls and puts, every output, points on both
%! ## sides of the forward, with and without the dividend.
%! q = benchop_problem ("1a-I", "S", [60 97 103 150], "K", 101, "T", 0.6,
%!                      "r", 0.04, "sigma", 0.3);
%! names = {"price", "delta", "gamma", "vega"};
%! for lev = [1 5]
%!   [xi, ~, we] = fgl_laguerre ([8 10 12 14 16](lev));
%!   for payoff = {"call", "put"}
%!     for out = 0:3
%!       q.payoff = payoff{1};
%!       q.output = names{out+1};
%!       [U, info] = fgl_solve_checked (fgl_check (q, lev), lev);
%!       V = fgl_bs_european (q.S, 101, 0.6, 0.04, 0.3, 0, out,
%!                            strcmp (payoff{1}, "call"), xi, we);
%!       assert (U, V, -1e-13);
%!       assert (info.N, numel (xi));
%!     endfor
%!   endfor
%! endfor
%! q = benchop_problem ("2-eu", "S", [80 120]);
%! [xi, ~, we] = fgl_laguerre (8);
%! assert (fgl_solve_checked (fgl_check (q, 1), 1),
%!         fgl_bs_european ([80 120], 100, 0.5, 0.03, 0.15, log (0.97), 0, true, xi, we), -1e-13);
%!test
%! ## Perfectly correlated assets of equal volatility: the intrinsic value.
%! q = benchop_problem ("6", "S", [100 90; 90 100], "sigma1", 0.2, "sigma2", 0.2, "rho", 1);
%! assert (fgl_solve_checked (fgl_check (q, 1), 1), [10 0]);
