## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fgl_solve (@var{problem}, @var{level})
## Price a benchop problem by the FGL method: the Fourier integral of the
## price evaluated by Gauss-Laguerre quadrature, its nodes and weights from
## the eigenvalues and eigenvectors of the Laguerre polynomials' Jacobi
## matrix (Golub and Welsch 1969, @code{fgl_laguerre}); backward induction
## in time for American options.
##
## @var{problem} is a problem struct (@pxref{benchop_problem}).  Supported:
## @itemize
## @item model @qcode{"black-scholes"}: European calls and puts, output
## @qcode{"price"}, @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"}
## (@code{fgl_bs_european}); an American call is the European one
## (@math{r \ge 0}); American puts (@code{fgl_american_put}): Bermudan
## puts by backward induction whose one-step expectations integrate
## against the transition density from the characteristic function,
## Richardson-extrapolated in the number of exercise dates;
## @item model @qcode{"black-scholes-dividend"} (one proportional dividend
## @code{D} at @code{alpha T}): European calls and puts; the American call
## (@math{r \ge 0}) by one backward step over the dividend date
## (@code{fgl_dividend_american_call});
## @item models @qcode{"heston"} and @qcode{"merton"}: European calls and
## puts from their characteristic functions (@code{fgl_cf_european});
## @item model @qcode{"black-scholes-2d"}: the exchange option, a call on
## the ratio of the assets with the second one as numeraire.
## @end itemize
## For European options the price is
## @math{-K e^{-rT} \frac{1}{\pi} \int_0^\infty \mathrm{Re} [\psi (u + i
## \beta) / (w (w + i))] du}, @math{w = u + i \beta}, @math{\psi} the
## characteristic function of @math{\log (S_T / K)}: the put for
## @math{\beta > 0}, the call for @math{\beta < -1} (Lewis 2001, Lee 2004).
## Each point prices its out-of-the-money option (parity gives the other)
## along the line through the saddle point of the integrand (Lord and Kahl
## 2007), where the integrand neither oscillates nor peaks, over
## @math{u = c x} at the Gauss-Laguerre nodes @math{x}, the scale @math{c}
## following the variance of the log return (and the tail of the
## characteristic function).  Nothing is tuned to the benchmark's
## parameters.
##
## @var{level}, an integer from 1 to 13, sets the resolution
## (@pxref{fgl_solve_checked}): n = 8, 10, 12, 14, 16, 20, 24, 28, 32, 40,
## 48, 64, 80 nodes; the American put's coarsest Bermudan has
## @math{M_0} = 1, 2, 3, 4, 5, 6, 8, 11, 16, 23, 32, 45, 64 dates.
##
## @var{U} is a row with one value per evaluation point @code{problem.S}
## (per row of it for the two-asset model); @var{info} reports @code{N}
## (Gauss-Laguerre nodes), @code{M} (numbers of exercise dates of the
## Bermudans, empty otherwise) and @code{grid} (points of the American
## put's finest grid, 0 otherwise).
##
## The problem is checked by @code{fgl_check} and priced by
## @code{fgl_solve_checked}, of which @code{benchop_solve} times only the
## latter.
## @end deftypefn

function [U, info] = fgl_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = fgl_solve_checked (fgl_check (problem, level), level);
endfunction

%!shared lev
%! json = benchop_methods ("get", "FGL");
%! lev = json.default_level;
%!assert (fgl_solve (benchop_problem ("1a-I"), lev),
%!        [2.758443856146076, 7.485087593912603, 14.702019669720769], -1e-4)
%!assert (fgl_solve (benchop_problem ("1a-I-delta"), lev),
%!        [0.334542751969886, 0.608341880846395, 0.818694517094515], -1e-4)
%!assert (fgl_solve (benchop_problem ("1a-I-gamma"), lev),
%!        [0.026971755100040, 0.025609261020380, 0.015975258690289], -1e-4)
%!assert (fgl_solve (benchop_problem ("1a-I-vega"), lev),
%!        [32.770682446548165, 38.413891530570481, 28.995094522875153], -1e-4)
%!assert (fgl_solve (benchop_problem ("1a-II"), lev),
%!        [0.033913177006141, 0.512978189232598, 1.469203342553328], -1e-4)
%!assert (fgl_solve (benchop_problem ("1a-II-delta"), lev),
%!        [0.138001659888508, 0.831964783803436, 0.998616182178259], -1e-4)
%!assert (fgl_solve (benchop_problem ("1a-II-gamma"), lev),
%!        [0.454451267361807, 0.512594211115861, 0.009158543351289], -1e-4)
%!assert (fgl_solve (benchop_problem ("1a-II-vega"), lev),
%!        [10.689829936518105, 12.307387008891816, 0.224407208464969], -1e-4)
%!assert (fgl_solve (benchop_problem ("1b-I"), lev),
%!        [10.726486710094511, 4.820608184813253, 1.828207584020458], -1e-4)
%!assert (fgl_solve (benchop_problem ("1b-II"), lev),
%!        [3.000000000000682, 2.000000000010786, 1.000000000010715], -1e-4)
%!assert (fgl_solve (benchop_problem ("2-eu"), lev),
%!        [0.623811094545539, 3.422712192881193, 9.607009109943803], -1e-4)
%!assert (fgl_solve (benchop_problem ("2-am"), lev),
%!        [0.837358764004664, 4.484034330080377, 11.877216586990031], -1e-4)
%!assert (fgl_solve (benchop_problem ("4"), lev),
%!        [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-4)
%!assert (fgl_solve (benchop_problem ("5"), lev),
%!        [7.542526012669795, 14.336250885310660, 22.359969565189871], -1e-4)
%!assert (fgl_solve (benchop_problem ("6"), lev),
%!        [12.021727425647768, 5.978528810578943, 2.500244806693065, ...
%!         2.021727425647768, 12.500244806693061], -1e-4)
%!test
%! ## The catalogue's references at the default level, through the
%! ## catalogue itself (every listed problem).
%! json = benchop_methods ("get", "FGL");
%! for k = 1:numel (json.problems)
%!   q = benchop_problem (json.problems{k});
%!   assert (fgl_solve (q, lev), benchop_reference (q), -1e-4);
%! endfor
%!test
%! ## Other parameters (tests/test_methods.py's sets) against the closed
%! ## forms at the default level: the call and its Greeks, sets I and II.
%! for set = {{[85 100 115], 95, 0.5, 0.05, 0.25}, {[96 98 101], 100, 0.3, 0.08, 0.1}}
%!   [S, K, T, r, s] = set{1}{:};
%!   p = benchop_problem ("1a-I", "S", S, "K", K, "T", T, "r", r, "sigma", s);
%!   for out = {"price", "delta", "gamma", "vega"}
%!     p.output = out{1};
%!     assert (fgl_solve (p, lev), bs_european ("call", out{1}, S, K, T, r, s), -1e-4);
%!   endfor
%! endfor
%!test
%! ## Other parameters: dividend, Heston, Merton, Margrabe.
%! S = [95 105 115];
%! p = benchop_problem ("2-eu", "S", S, "K", 105, "T", 1, "r", 0.05,
%!                      "sigma", 0.25, "D", 0.05, "alpha", 0.5);
%! assert (fgl_solve (p, lev), dividend_call (S, 105, 1, 0.05, 0.25, 0.05), -1e-4);
%! p = benchop_problem ("4", "S", S, "K", 105, "T", 0.5, "r", 0.04, "V0", 0.03,
%!                      "kappa", 1.5, "theta", 0.028, "sigma_v", 0.3, "rho", -0.6);
%! assert (fgl_solve (p, lev), heston_call (S, 105, 0.5, 0.04, 0.03, 1.5, 0.028, 0.3, -0.6), -1e-4);
%! p = benchop_problem ("5", "S", [90 100 110], "K", 95, "T", 0.5, "r", 0.04,
%!                      "sigma", 0.2, "lambda", 0.5, "gamma", -0.4, "delta", 0.3);
%! assert (fgl_solve (p, lev), merton_call ([90 100 110], 95, 0.5, 0.04, 0.2, 0.5, -0.4, 0.3), -1e-4);
%! S2 = [100 95; 95 100; 105 100];
%! p = benchop_problem ("6", "S", S2, "T", 0.5, "r", 0.04, "sigma1", 0.2,
%!                      "sigma2", 0.25, "rho", 0.3);
%! assert (fgl_solve (p, lev), margrabe_exchange (S2, 0.5, 0.2, 0.25, 0.3).', -1e-4);
%!test
%! ## Other parameters: the American put and the dividend's American call
%! ## against their converged references.
%! S = [90 105 120];
%! p = benchop_problem ("1b-I", "S", S, "K", 110, "T", 2, "r", 0.06, "sigma", 0.3);
%! assert (fgl_solve (p, lev), american_put_reference (S, 110, 2, 0.06, 0.3), -1e-4);
%! S = [95 100 105];
%! p = benchop_problem ("1b-II", "S", S, "K", 100, "T", 0.25, "r", 0.08, "sigma", 0.1);
%! assert (fgl_solve (p, lev + 1), american_put_reference (S, 100, 0.25, 0.08, 0.1), -1e-4);
%! S = [95 105 115];
%! p = benchop_problem ("2-am", "S", S, "K", 105, "T", 1, "r", 0.05, "sigma", 0.25,
%!                      "D", 0.05, "alpha", 0.5);
%! assert (fgl_solve (p, lev), american_dividend_call_reference (S, 105, 1, 0.05, 0.25, 0.05, 0.5), -1e-4);
%!test
%! ## Puts from parity, and far better than 1e-4 a few levels up.
%! S = [70 100 140];
%! p = setfield (benchop_problem ("1a-I", "S", S), "payoff", "put");
%! assert (fgl_solve (p, lev + 3), bs_european ("put", "price", S, 100, 1, 0.03, 0.15), -1e-10);
%! p = benchop_problem ("4", "S", S);
%! p.payoff = "put";
%! C = heston_call (S, 100, 1, 0.03, 0.0225, 2, 0.0225, 0.25, -0.5);
%! assert (fgl_solve (p, lev + 3), C - S + 100 * exp (-0.03), -1e-8);
%!error fgl_solve (benchop_problem ("1a-I"))
%!error <LEVEL must be> fgl_solve (benchop_problem ("1a-I"), 14)
%!error <barrier 'up-and-out' is not supported> fgl_solve (benchop_problem ("1c-I"), 1)
