## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} cos_solve (@var{problem}, @var{level})
## Price a benchop problem by the COS method, the Fourier-cosine series
## expansion of Fang and Oosterlee.
##
## @var{problem} is a problem struct (@pxref{benchop_problem}).  Model
## @qcode{"black-scholes"} is supported for
## @itemize
## @item European calls and puts, output @qcode{"price"}, @qcode{"delta"},
## @qcode{"gamma"} or @qcode{"vega"} (@code{cos_european}): delta and gamma
## differentiate the cosine expansion in @math{\log S}, vega differentiates
## the characteristic function in @math{\sigma};
## @item American puts (@code{cos_american_put}): Bermudan puts with the
## early-exercise point found at every date, Richardson-extrapolated in the
## number of exercise dates; an American call without dividends is the
## European call when @math{r \ge 0};
## @item continuously monitored up-and-out calls without rebate
## (@code{cos_up_and_out_call}): discretely monitored ones with a
## continuity-corrected barrier, Richardson-extrapolated in the number of
## monitoring dates.
## @end itemize
## Prices of European calls and puts under the models
## @qcode{"black-scholes-dividend"} (one proportional dividend @code{D} at
## @code{alpha T}), @qcode{"heston"} and @qcode{"merton"} come from their
## characteristic functions (@code{cos_cf_european});
## the American call with the dividend from one backward COS step over
## the dividend date (@code{cos_dividend_american_call}, @math{r \ge 0});
## the exchange option of model @qcode{"black-scholes-2d"} from the
## expansion of a call on the ratio of the assets, the second one the
## numeraire (@code{cos_exchange}); European calls and
## puts under the local volatility of the implied-variance surface
## (model @qcode{"local-vol-implied-surface"}) from COS backward steps on
## an Euler scheme, Richardson-extrapolated (@code{cos_local_vol_call}).
##
## @var{level}, an integer from 1 to 10, sets the resolution: for
## European options under Black-Scholes N = 8, 10, 12, 14, 18, 22, 28, 40,
## 64, 128 cosine terms over @math{\sqrt{N \pi / 2}} standard deviations
## (fine steps where the work hardly grows with N); for the other problems
## each level from 2 on about doubles the work, @math{l = \max (level - 1,
## 1)} below.  For American and barrier options
## @math{M_0 = 2^{l-1}}, the Bermudan puts having @math{M_0},
## @math{2 M_0}, @math{4 M_0} and @math{8 M_0} exercise periods and the
## barrier options @math{2 M_0}, @math{4 M_0} and @math{8 M_0} monitoring
## dates, with as many terms as resolve one step of the finest
## (@code{cos_terms}).  For the other models (@code{cos_cf_european})
## the level sets the truncation range L, from 4 to 12 standard
## deviations, and N places the last frequency where the characteristic
## function has decayed to @math{e^{-L^2/2}}.  The truncation ranges follow
## the cumulants of the problem's own parameters.
##
## @var{U} is a row with one value per evaluation point @code{problem.S}
## (per row of it for the two-asset model);
## @var{info} reports @code{N} (cosine terms; the largest used), @code{M}
## (numbers of dates, empty for European options) and @code{L} (truncation
## range in standard deviations).
##
## The problem is checked by @code{cos_check} and priced by
## @code{cos_solve_checked}, of which @code{benchop_solve} times only the
## latter.
## @end deftypefn

function [U, info] = cos_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = cos_solve_checked (cos_check (problem, level), level);
endfunction

%!function V = bs_call (S, K, T, r, s)
%!  d1 = (log (S / K) + (r + s^2 / 2) * T) / (s * sqrt (T));
%!  V = S .* std_normal_cdf (d1) - K * exp (-r * T) * std_normal_cdf (d1 - s * sqrt (T));
%!endfunction
%!function V = uo_call (S, K, B, T, r, s)
%!  ## Method of images: g pays (S_T - K) on K < S_T < B.
%!  d2 = @(S) (log (S / B) + (r - s^2 / 2) * T) / (s * sqrt (T));
%!  g = @(S) bs_call (S, K, T, r, s) - bs_call (S, B, T, r, s) ...
%!           - (B - K) * exp (-r * T) * std_normal_cdf (d2 (S));
%!  V = g (S) - (B ./ S) .^ (2 * r / s^2 - 1) .* g (B^2 ./ S);
%!endfunction
%!function V = am_put_bbsr (S, K, T, r, s, n)
%!  ## Binomial tree with a Black-Scholes last step, Richardson-extrapolated
%!  ## over n and 2n steps (Broadie and Detemple 1996): an independent check.
%!  V = zeros (size (S));
%!  for i = 1:numel (S)
%!    v = zeros (1, 2);
%!    for j = 1:2
%!      m = n * j; dt = T / m; u = exp (s * sqrt (dt));
%!      p = (exp (r * dt) - 1 / u) / (u - 1 / u); q = exp (-r * dt);
%!      St = S(i) * u .^ (2 * (0:m-1)' - (m - 1));
%!      d1 = (log (St / K) + (r + s^2 / 2) * dt) / (s * sqrt (dt));
%!      W = K * q * std_normal_cdf (s * sqrt (dt) - d1) - St .* std_normal_cdf (-d1);
%!      W = max (W, K - St);
%!      for k = m-2:-1:0
%!        St = St(2:end) / u;
%!        W = max (q * (p * W(2:end) + (1 - p) * W(1:end-1)), K - St);
%!      endfor
%!      v(j) = W;
%!    endfor
%!    V(i) = 2 * v(2) - v(1);
%!  endfor
%!endfunction

%!shared lev
%! json = benchop_methods ("get", "COS");
%! lev = json.default_level;
%!assert (cos_solve (benchop_problem ("1a-I"), lev),
%!        [2.758443856146076, 7.485087593912603, 14.702019669720769], -1e-4)
%!assert (cos_solve (benchop_problem ("1a-I-delta"), lev),
%!        [0.334542751969886, 0.608341880846395, 0.818694517094515], -1e-4)
%!assert (cos_solve (benchop_problem ("1a-I-gamma"), lev),
%!        [0.026971755100040, 0.025609261020380, 0.015975258690289], -1e-4)
%!assert (cos_solve (benchop_problem ("1a-I-vega"), lev),
%!        [32.770682446548165, 38.413891530570481, 28.995094522875153], -1e-4)
%!assert (cos_solve (benchop_problem ("1a-II"), lev),
%!        [0.033913177006141, 0.512978189232598, 1.469203342553328], -1e-4)
%!assert (cos_solve (benchop_problem ("1a-II-delta"), lev),
%!        [0.138001659888508, 0.831964783803436, 0.998616182178259], -1e-4)
%!assert (cos_solve (benchop_problem ("1a-II-gamma"), lev),
%!        [0.454451267361807, 0.512594211115861, 0.009158543351289], -1e-4)
%!assert (cos_solve (benchop_problem ("1a-II-vega"), lev),
%!        [10.689829936518105, 12.307387008891816, 0.224407208464969], -1e-4)
%!assert (cos_solve (benchop_problem ("1b-I"), lev),
%!        [10.726486710094511, 4.820608184813253, 1.828207584020458], -1e-4)
%!assert (cos_solve (benchop_problem ("1b-II"), lev),
%!        [3.000000000000682, 2.000000000010786, 1.000000000010715], -1e-4)
%!assert (cos_solve (benchop_problem ("1c-I"), lev),
%!        [1.822512255945242, 3.294086516281595, 3.221591131246868], -1e-4)
%!assert (cos_solve (benchop_problem ("1c-II"), lev),
%!        [0.033913177006134, 0.512978189232598, 1.469203342553328], -1e-4)
%!assert (cos_solve (benchop_problem ("2-eu"), lev),
%!        [0.623811094545539, 3.422712192881193, 9.607009109943803], -1e-4)
%!assert (cos_solve (benchop_problem ("2-am"), lev),
%!        [0.837358764004664, 4.484034330080377, 11.877216586990031], -1e-4)
%!assert (cos_solve (benchop_problem ("4"), lev),
%!        [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-4)
%!assert (cos_solve (benchop_problem ("5"), lev),
%!        [7.542526012669795, 14.336250885310660, 22.359969565189871], -1e-4)
%!assert (cos_solve (benchop_problem ("6"), lev),
%!        [12.021727425647768, 5.978528810578943, 2.500244806693065, ...
%!         2.021727425647768, 12.500244806693061], -1e-4)
%!assert (cos_solve (benchop_problem ("3-II"), lev),
%!        [2.143298757364613, 6.873960243381082, 14.298245974532255], -1e-4)
%!test
%! ## 3-II at other parameters against the surface's closed form.
%! p = benchop_problem ("3-II", "S", [85 102 118], "K", 96, "T", 1.4, "r", 0.07);
%! assert (cos_solve (p, lev), implied_surface_call ([85 102 118], 96, 1.4, 0.07), -1e-4);
%!test
%! ## Custom parameters against the closed forms: dividend, Heston, Merton,
%! ## Margrabe, a few levels above the default.
%! S = [85 104 118];
%! p = benchop_problem ("2-eu", "S", S, "K", 95, "T", 1.6, "r", 0.07,
%!                      "sigma", 0.32, "D", 0.08, "alpha", 0.35);
%! assert (cos_solve (p, lev + 3), dividend_call (S, 95, 1.6, 0.07, 0.32, 0.08), -1e-7);
%! p = benchop_problem ("4", "S", S, "K", 108, "T", 0.4, "r", 0.01, "V0", 0.03,
%!                      "kappa", 2.5, "theta", 0.017, "sigma_v", 0.31, "rho", -0.38);
%! assert (cos_solve (p, lev + 3), heston_call (S, 108, 0.4, 0.01, 0.03, 2.5, 0.017, 0.31, -0.38), -1e-7);
%! p = benchop_problem ("5", "S", S, "K", 88, "T", 1.8, "r", 0.05, "sigma", 0.11,
%!                      "lambda", 0.52, "gamma", -0.36, "delta", 0.5);
%! assert (cos_solve (p, lev + 3), merton_call (S, 88, 1.8, 0.05, 0.11, 0.52, -0.36, 0.5), -1e-7);
%! S2 = [95 105; 120 85; 100 100];
%! p = benchop_problem ("6", "S", S2, "T", 0.3, "r", 0.06, "sigma1", 0.38,
%!                      "sigma2", 0.12, "rho", 0.65);
%! assert (cos_solve (p, lev + 3), margrabe_exchange (S2, 0.3, 0.38, 0.12, 0.65).', -1e-7);
%!test
%! ## The American dividend call at other parameters: a small volatility
%! ## against a fine run, and more than the European one.
%! p = benchop_problem ("2-am", "S", [96 101 112], "K", 102, "T", 1.2, "r", 0.06,
%!                      "sigma", 0.1, "D", 0.05, "alpha", 0.6);
%! U = cos_solve (p, lev);
%! assert (U, cos_solve (p, 9), -1e-8);
%! assert (all (U > dividend_call (p.S, 102, 1.2, 0.06, 0.1, 0.05)));
%!test
%! ## The European ones are far better than the benchmark's 1e-4 a few
%! ## levels up.
%! assert (cos_solve (benchop_problem ("1a-II-gamma"), lev + 3),
%!         [0.454451267361807, 0.512594211115861, 0.009158543351289], -1e-9);
%!test
%! ## Custom parameters: the call and its Greeks against the closed form,
%! ## a few levels above the default.
%! S = [80 110 140]; K = 110; T = 0.5; r = 0.05; s = 0.25;
%! d1 = (log (S / K) + (r + s^2 / 2) * T) / (s * sqrt (T));
%! p = benchop_problem ("1a-I", "S", S, "K", K, "T", T, "r", r, "sigma", s);
%! assert (cos_solve (p, lev + 3), bs_call (S, K, T, r, s), -1e-9);
%! p.output = "delta";
%! assert (cos_solve (p, lev + 3), std_normal_cdf (d1), -1e-9);
%! p.output = "gamma";
%! assert (cos_solve (p, lev + 3), std_normal_pdf (d1) ./ (S * s * sqrt (T)), -1e-9);
%! p.output = "vega";
%! assert (cos_solve (p, lev + 3), S .* std_normal_pdf (d1) * sqrt (T), -1e-9);
%! p.output = "price";
%! p.payoff = "put";
%! assert (cos_solve (p, lev + 3), bs_call (S, K, T, r, s) - S + K * exp (-r * T), -1e-9);
%!test
%! ## Custom parameters: the American put against a binomial tree.
%! S = [85 100 115]; K = 100; T = 0.5; r = 0.06; s = 0.3;
%! p = benchop_problem ("1b-I", "S", S, "K", K, "T", T, "r", r, "sigma", s);
%! assert (cos_solve (p, lev), am_put_bbsr (S, K, T, r, s, 1000), -1e-4);
%!test
%! ## With r = 0 the American put is the European one.
%! S = [90 100 110];
%! p = benchop_problem ("1b-I", "r", 0, "sigma", 0.2);
%! P = bs_call (S, 100, 1, 0, 0.2) - S + 100;
%! assert (cos_solve (p, lev), P, -1e-7);
%! assert (cos_solve (p, lev + 3), P, -1e-9);
%!test
%! ## Custom parameters: the up-and-out call against the closed form.
%! S = [90 100 110]; K = 100; B = 140; T = 0.5; r = 0.05; s = 0.25;
%! p = benchop_problem ("1c-I", "S", S, "K", K, "B", B, "T", T, "r", r, "sigma", s);
%! assert (cos_solve (p, lev), uo_call (S, K, B, T, r, s), -1e-4);
%! ## Points at or above the barrier are worth nothing.
%! p.S = [100 140 150];
%! U = cos_solve (p, lev);
%! assert (U(2:3), [0 0]);
%! assert (U(1), uo_call (100, K, B, T, r, s), -1e-4);
%!test
%! [U, info] = cos_solve (benchop_problem ("1b-I"), 3);
%! assert (info.M, [2 4 8 16]);
%! assert (info.L, 10);
%! [U, info] = cos_solve (benchop_problem ("1a-I"), 3);
%! assert (info.N, 12);
%! assert (info.L, sqrt (6 * pi));
%! assert (isempty (info.M));
%!test
%! ## Levels up to the registry's maximum are accepted.
%! json = benchop_methods ("get", "COS");
%! assert (numel (cos_solve (benchop_problem ("1a-I"), json.max_level)), 3);
%! assert (json.default_level <= json.max_level);
%!shared p
%! p = benchop_problem ("1a-I");
%!error cos_solve (p)
%!error cos_solve (p, 1, 2)
%!error <cos_check: PROBLEM must be a problem struct> cos_solve (3, 1)
