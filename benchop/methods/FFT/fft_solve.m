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
  models = {"black-scholes", "black-scholes-dividend", "heston", "merton"};
  [p, S] = fourier_check_problem ("fft_solve", problem, level, models);
  model = problem.model;
  r = p.r;
  payoff = problem.payoff;
  output = problem.output;
  if (! any (strcmp (payoff, {"call", "put"})))
    error ("fft_solve: payoff '%s' is not supported", payoff);
  endif
  if (! strcmp (problem.exercise, "european"))
    error ("fft_solve: exercise '%s' is not supported", problem.exercise);
  endif
  if (! strcmp (problem.barrier, "none"))
    error ("fft_solve: barrier '%s' is not supported", problem.barrier);
  endif
  if (! any (strcmp (output, {"price", "delta", "gamma", "vega"})))
    error ("fft_solve: output '%s' is not supported", output);
  endif
  if (! strcmp (output, "price") && ! strcmp (model, "black-scholes"))
    error ("fft_solve: only prices are supported for model %s", model);
  endif
  T = p.T;
  K = p.K;

  f = model_log_cf (model, p);
  [~, s, lm] = fft_scale (f);
  v36 = 8.5 / s;                        # |phi| has decayed to e^{-36} there
  switch (output)
    case "price"
      g = @(u) ones (size (u));
    case "delta"
      g = @(u) 1i * u;
    case "gamma"
      g = @(u) [1i * u; -u .^ 2];
    case "vega"
      g = @(u) -p.sigma * T * (1i * u + u .^ 2);
  endswitch
  k = log (K ./ S);
  call = (k > lm);                      # strike above the forward
  U = zeros (size (S));
  info = struct ("N", 0, "eta", [], "lambda", []);
  for side = [true, false]
    i = (call == side);
    if (! any (i))
      continue;
    endif
    ## Damping: the poles lie d from the real axis.  Halve d while the
    ## moment E[S_T^(alpha+1)] the damped price needs, relative to the
    ## forward's power, exceeds e (for a normal law, d = 1/s gives about
    ## e^{1/2}): heavier tails (jumps, stochastic variance) would otherwise
    ## make the damped price grow along the grid and alias.
    d = 1 / s;
    for it = 1:30
      if (side)
        alpha = d;
      else
        alpha = -1 - d;
      endif
      m = f (-(alpha + 1) * 1i) - (alpha + 1) * lm;
      if (isfinite (m) && abs (imag (m)) < 1e-8 && real (m) <= 1)
        break;
      endif
      d /= 2;
    endfor
    eta = pi * d / 36;
    ## Level 5 reaches 4 v36; each level doubles N.
    N = 2^(level - 5) * max (1024, 2^nextpow2 (4 * v36 / eta));
    N = min (N, 2^21);
    ## A grid centred on each point's own log strike: node N/2 is exact.
    [Y, ~, lambda] = fft_carr_madan (f, T, r, alpha, eta, N, k(i), g);
    y = permute (Y(N/2+1,:,:), [3 2 1]);
    switch (output)
      case {"price", "vega"}
        U(i) = S(i) .* y;
      case "delta"
        U(i) = y;
      case "gamma"
        U(i) = (y(2,:) - y(1,:)) ./ S(i);
    endswitch
    info.N = max (info.N, N);
    if (isempty (info.eta) || side)
      info.eta = eta;
      info.lambda = lambda;
    endif
  endfor
  if (strcmp (output, "price"))
    U = max (U, 0);                     # no negative interpolation residue
  endif
  ## Parity, C - P = e^{-rT} (S E[S_T/S_0] - K): delta e^{lm - rT}, gamma
  ## and vega nothing.
  other = (call != strcmp (payoff, "call"));
  if (any (other))
    sgn = 1 - 2 * strcmp (payoff, "put");   # +1: put -> call
    switch (output)
      case "price"
        U(other) += sgn * exp (-r * T) * (S(other) * exp (lm) - K);
      case "delta"
        U(other) += sgn * exp (lm - r * T);
    endswitch
  endif
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
%!shared p
%! p = benchop_problem ("1a-I");
%!error fft_solve (p)
%!error <PROBLEM must be a problem struct> fft_solve (3, 1)
%!error <PROBLEM must be a problem struct> fft_solve (rmfield (p, "sigma"), 1)
%!error <LEVEL must be> fft_solve (p, 0)
%!error <LEVEL must be> fft_solve (p, 10)
%!error <model 'black-scholes-2d' is not supported> fft_solve (benchop_problem ("6"), 1)
%!error <S must be> fft_solve (setfield (p, "S", [90 -1]), 1)
%!error <K must be a positive scalar> fft_solve (setfield (p, "K", 0), 1)
%!error <r must be a real scalar> fft_solve (setfield (p, "r", NaN), 1)
%!error <D must be> fft_solve (setfield (benchop_problem ("2-eu"), "D", -0.1), 1)
%!error <rho must be> fft_solve (setfield (benchop_problem ("4"), "rho", 1), 1)
%!error <lambda must be> fft_solve (setfield (benchop_problem ("5"), "lambda", -1), 1)
%!error <payoff 'exchange' is not supported> fft_solve (setfield (p, "payoff", "exchange"), 1)
%!error <exercise 'american' is not supported> fft_solve (benchop_problem ("1b-I"), 1)
%!error <barrier 'up-and-out' is not supported> fft_solve (benchop_problem ("1c-I"), 1)
%!error <output 'theta' is not supported> fft_solve (setfield (p, "output", "theta"), 1)
%!error <only prices are supported> fft_solve (setfield (benchop_problem ("4"), "output", "delta"), 1)
