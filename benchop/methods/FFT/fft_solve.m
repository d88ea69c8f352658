## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fft_solve (@var{problem}, @var{level})
## Price a benchop problem by the FFT method of Carr and Madan (1999): the
## Fourier transform of the damped call price in the log strike, sampled
## with Simpson's rule and evaluated over a grid of log strikes by the FFT
## (@code{fft_carr_madan}).
##
## @var{problem} is a problem struct (@pxref{benchop_problem}) of model
## @qcode{"black-scholes"}, @qcode{"black-scholes-dividend"},
## @qcode{"heston"} or @qcode{"merton"} (characteristic functions in
## @code{model_log_cf}), with a European call or put and no barrier.  The
## output is the price, or under Black-Scholes also @qcode{"delta"},
## @qcode{"gamma"} or @qcode{"vega"}: these multiply the transform by the
## derivative of the characteristic function (@math{i u} per derivative
## in @math{\log S}, @math{-\sigma T (i u + u^2)} in @math{\sigma}), so each
## is one more FFT of the method's own kind.
##
## One transform on a unit spot prices every point: the price at spot S
## and strike K is S times the unit-spot price at log strike
## @math{k = \log (K / S)}.  Points whose strike lies above the forward
## take the call, with damping @math{\alpha = 1 / s}; the others the put,
## @math{\alpha = -1 - 1 / s}, and parity (@math{C - P = e^{-rT} (S
## E[S_T/S_0] - K)}); so each point is priced by the option out of the
## money, which keeps its relative accuracy.  @math{s} is the scale of the
## distribution's finest features (@code{fft_scale}), from the problem's
## own parameters.  The
## poles of the transform lie @math{1/s} from the real axis, so the step
## @math{\eta = \pi / (36 s)} keeps the Simpson (aliasing) error near
## @math{e^{-36}}; the log-strike step is then
## @math{\lambda = 2 \pi / (N \eta)}.  Should the moment
## @math{E[(S_T/F)^{\alpha + 1}]} the damped price needs exceed @math{e}
## (heavy tails: jumps, stochastic variance), or not exist, the distance
## @math{1/s} is halved until it does not; @math{\eta} and @math{\lambda}
## follow.
##
## Rather than interpolating between log strikes, each point gets a grid
## of its own, shifted so that its log strike is a node (the FFTs of all
## points are one matrix FFT): no interpolation error, and the accuracy
## is that of the quadrature, however small @math{s} (set II).
##
## @var{level}, an integer from 1 to 9, sets the number of samples
## @math{N}, a power of 2 that doubles per level: at level 5 the
## integral reaches 4 times the frequency where the characteristic
## function has decayed to @math{e^{-36}}, and @math{N \ge 1024}.
## @var{info} reports the largest @code{N}, and @code{eta} and
## @code{lambda} of the call transform (the put's if there is none).
## @end deftypefn

function [U, info] = fft_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  [U, info] = fft_solve_checked (fft_check (problem, level), level);
endfunction

%!shared lev
%! json = benchop_methods ("get", "FFT");
%! lev = json.default_level;
%!assert (fft_solve (benchop_problem ("1a-I"), lev),
%!        [2.758443856146076, 7.485087593912603, 14.702019669720769], -1e-4)
%!assert (fft_solve (benchop_problem ("1a-I-delta"), lev),
%!        [0.334542751969886, 0.608341880846395, 0.818694517094515], -1e-4)
%!assert (fft_solve (benchop_problem ("1a-I-gamma"), lev),
%!        [0.026971755100040, 0.025609261020380, 0.015975258690289], -1e-4)
%!assert (fft_solve (benchop_problem ("1a-I-vega"), lev),
%!        [32.770682446548165, 38.413891530570481, 28.995094522875153], -1e-4)
%!assert (fft_solve (benchop_problem ("1a-II"), lev),
%!        [0.033913177006141, 0.512978189232598, 1.469203342553328], -1e-4)
%!assert (fft_solve (benchop_problem ("1a-II-delta"), lev),
%!        [0.138001659888508, 0.831964783803436, 0.998616182178259], -1e-4)
%!assert (fft_solve (benchop_problem ("1a-II-gamma"), lev),
%!        [0.454451267361807, 0.512594211115861, 0.009158543351289], -1e-4)
%!assert (fft_solve (benchop_problem ("1a-II-vega"), lev),
%!        [10.689829936518105, 12.307387008891816, 0.224407208464969], -1e-4)
%!assert (fft_solve (benchop_problem ("2-eu"), lev),
%!        [0.623811094545539, 3.422712192881193, 9.607009109943803], -1e-4)
%!assert (fft_solve (benchop_problem ("4"), lev),
%!        [2.302535842814927, 7.379832496149447, 14.974005277144057], -1e-4)
%!assert (fft_solve (benchop_problem ("5"), lev),
%!        [7.542526012669795, 14.336250885310660, 22.359969565189871], -1e-4)
%!test
%! ## Custom parameters: Black-Scholes prices and Greeks, calls and puts.
%! S = [82 101 117]; K = 96; T = 1.7; r = 0.07; s = 0.33;
%! p = benchop_problem ("1a-I", "S", S, "K", K, "T", T, "r", r, "sigma", s);
%! for out = {"price", "delta", "gamma", "vega"}
%!   p.output = out{1};
%!   for pay = {"call", "put"}
%!     p.payoff = pay{1};
%!     assert (fft_solve (p, lev), bs_european (pay{1}, out{1}, S, K, T, r, s), -1e-8);
%!   endfor
%! endfor
%!test
%! ## A tiny volatility: strikes far from the forward in its units.
%! S = [97 99 103]; p = benchop_problem ("1a-II", "S", S, "K", 101, "sigma", 0.012);
%! assert (fft_solve (p, lev), bs_european ("call", "price", S, 101, 0.25, 0.1, 0.012), -1e-8);
%! ## Gamma is 6e-13 at 103: there the e^{-36} aliasing, relative to the
%! ## transform's peak, limits the relative accuracy.
%! p.output = "gamma";
%! assert (fft_solve (p, lev), bs_european ("call", "gamma", S, 101, 0.25, 0.1, 0.012), -1e-5);
%!test
%! ## Custom parameters against the closed forms: dividend, Heston, Merton.
%! S = [85 104 118];
%! p = benchop_problem ("2-eu", "S", S, "K", 95, "T", 1.6, "r", 0.07,
%!                      "sigma", 0.32, "D", 0.08, "alpha", 0.35);
%! assert (fft_solve (p, lev), dividend_call (S, 95, 1.6, 0.07, 0.32, 0.08), -1e-7);
%! p = benchop_problem ("4", "S", S, "K", 108, "T", 0.4, "r", 0.01, "V0", 0.03,
%!                      "kappa", 2.5, "theta", 0.017, "sigma_v", 0.31, "rho", -0.38);
%! assert (fft_solve (p, lev), heston_call (S, 108, 0.4, 0.01, 0.03, 2.5, 0.017, 0.31, -0.38), -1e-7);
%! p = benchop_problem ("5", "S", S, "K", 88, "T", 1.8, "r", 0.05, "sigma", 0.11,
%!                      "lambda", 0.52, "gamma", -0.36, "delta", 0.5);
%! assert (fft_solve (p, lev), merton_call (S, 88, 1.8, 0.05, 0.11, 0.52, -0.36, 0.5), -1e-7);
%! p.payoff = "put";
%! assert (fft_solve (p, lev), merton_call (S, 88, 1.8, 0.05, 0.11, 0.52, -0.36, 0.5)
%!         - S + 88 * exp (-0.05 * 1.8), -1e-7);
%!test
%! [U, info] = fft_solve (benchop_problem ("1a-I"), 5);
%! assert (info.N, 1024);
%! assert (info.lambda * info.eta * info.N, 2 * pi, 1e-12);
%! json = benchop_methods ("get", "FFT");
%! assert (numel (fft_solve (benchop_problem ("4"), json.max_level)), 3);
%!error fft_solve (benchop_problem ("1a-I"))
%!error <PROBLEM must be a problem struct> fft_solve (3, 1)
