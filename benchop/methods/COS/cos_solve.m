## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} cos_solve (@var{problem}, @var{level})
## Price a benchop problem by the COS method, the Fourier-cosine series
## expansion of Fang and Oosterlee.
##
## @var{problem} is a problem struct (@pxref{benchop_problem}); model
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
##
## @var{level}, an integer from 1 to 9, sets the resolution, each level
## about doubling the work: @math{N = 2^{level+1}} cosine terms for
## European options; for American and barrier options
## @math{M_0 = 2^{level-1}}, the Bermudan puts having @math{M_0},
## @math{2 M_0}, @math{4 M_0} and @math{8 M_0} exercise periods and the
## barrier options @math{2 M_0}, @math{4 M_0} and @math{8 M_0} monitoring
## dates, with as many terms as resolve one step of the finest
## (@code{cos_terms}).  The truncation ranges follow the cumulants of the
## problem's own parameters.
##
## @var{U} is a row with one value per evaluation point @code{problem.S};
## @var{info} reports @code{N} (cosine terms; the largest used), @code{M}
## (numbers of dates, empty for European options) and @code{L} (truncation
## range in standard deviations).
## @end deftypefn

function [U, info] = cos_solve (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  fields = {"model", "payoff", "exercise", "barrier", "output", ...
            "S", "K", "T", "r", "sigma"};
  if (! isstruct (problem) || ! isscalar (problem)
      || ! isfield (problem, "model"))
    error ("cos_solve: PROBLEM must be a problem struct");
  endif
  if (! (isnumeric (level) && isscalar (level) && isreal (level)
         && level == fix (level) && level >= 1 && level <= 9))
    error ("cos_solve: LEVEL must be an integer from 1 to 9");
  endif
  if (! strcmp (problem.model, "black-scholes"))
    error ("cos_solve: model '%s' is not supported", problem.model);
  endif
  if (! all (isfield (problem, fields)))
    error ("cos_solve: PROBLEM must be a problem struct with fields %s",
           strjoin (fields, ", "));
  endif
  S = problem.S;
  if (! (isnumeric (S) && isreal (S) && isvector (S) && ! isempty (S)
         && all (isfinite (S) & S > 0)))
    error ("cos_solve: S must be a vector of positive prices");
  endif
  S = double (S(:).');
  names = {"K", "T", "sigma"};
  if (strcmp (problem.barrier, "up-and-out"))
    if (! isfield (problem, "B"))
      error ("cos_solve: an up-and-out problem needs the barrier B");
    endif
    names{end+1} = "B";
  endif
  for i = 1:numel (names)
    v = problem.(names{i});
    if (! (isnumeric (v) && isreal (v) && isscalar (v) && isfinite (v)
           && v > 0))
      error ("cos_solve: %s must be a positive scalar", names{i});
    endif
  endfor
  K = double (problem.K);
  T = double (problem.T);
  sigma = double (problem.sigma);
  r = problem.r;
  if (! (isnumeric (r) && isreal (r) && isscalar (r) && isfinite (r)))
    error ("cos_solve: r must be a real scalar");
  endif
  r = double (r);
  payoff = problem.payoff;
  output = problem.output;
  exercise = problem.exercise;
  barrier = problem.barrier;
  if (! any (strcmp (payoff, {"call", "put"})))
    error ("cos_solve: payoff '%s' is not supported", payoff);
  endif
  if (! any (strcmp (output, {"price", "delta", "gamma", "vega"})))
    error ("cos_solve: output '%s' is not supported", output);
  endif
  if (! any (strcmp (exercise, {"european", "american"})))
    error ("cos_solve: exercise '%s' is not supported", exercise);
  endif
  if (strcmp (barrier, "none"))
    if (strcmp (exercise, "american") && strcmp (payoff, "call"))
      if (r < 0)
        error ("cos_solve: an American call with r < 0 is not supported");
      endif
      exercise = "european";    # no dividends: early exercise never pays
    endif
    kind = exercise;
  elseif (strcmp (barrier, "up-and-out"))
    if (! (strcmp (payoff, "call") && strcmp (exercise, "european")))
      error ("cos_solve: only European up-and-out calls are supported");
    endif
    kind = "barrier";
  else
    error ("cos_solve: barrier '%s' is not supported", barrier);
  endif
  if (! strcmp (kind, "european") && ! strcmp (output, "price"))
    error ("cos_solve: only prices of %s options are supported", kind);
  endif

  ## Resolution of this level.
  res = struct ("N", 2^(level + 1), "M0", 2^(level - 1), "q", 5, "L", 10);
  if (strcmp (kind, "european"))
    U = cos_european (payoff, output, S, K, T, r, sigma, res.N);
    info = struct ("N", res.N, "M", []);
  else
    ## FFTW's threads only slow transforms this small down, badly so on a
    ## busy machine: use one thread, and restore the setting afterwards.
    nthreads = [];
    try
      nthreads = fftw ("threads");
      fftw ("threads", 1);
    end_try_catch
    unwind_protect
      if (strcmp (kind, "american"))
        [U, info] = cos_american_put (S, K, T, r, sigma, res);
      else
        [U, info] = cos_up_and_out_call (S, K, double (problem.B), T, r,
                                         sigma, res);
      endif
    unwind_protect_cleanup
      if (! isempty (nthreads))
        fftw ("threads", nthreads);
      endif
    end_unwind_protect
  endif
  info.L = res.L;
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
%! json = jsondecode (fileread (fullfile (fileparts (which ("cos_solve")), "method.json")));
%! lev = json.levels.default;
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
%!test
%! ## The European ones are far better than the benchmark's 1e-4.
%! assert (cos_solve (benchop_problem ("1a-II-gamma"), lev),
%!         [0.454451267361807, 0.512594211115861, 0.009158543351289], -1e-9);
%!test
%! ## Custom parameters: the call and its Greeks against the closed form.
%! S = [80 110 140]; K = 110; T = 0.5; r = 0.05; s = 0.25;
%! d1 = (log (S / K) + (r + s^2 / 2) * T) / (s * sqrt (T));
%! p = benchop_problem ("1a-I", "S", S, "K", K, "T", T, "r", r, "sigma", s);
%! assert (cos_solve (p, lev), bs_call (S, K, T, r, s), -1e-9);
%! p.output = "delta";
%! assert (cos_solve (p, lev), std_normal_cdf (d1), -1e-9);
%! p.output = "gamma";
%! assert (cos_solve (p, lev), std_normal_pdf (d1) ./ (S * s * sqrt (T)), -1e-9);
%! p.output = "vega";
%! assert (cos_solve (p, lev), S .* std_normal_pdf (d1) * sqrt (T), -1e-9);
%! p.output = "price";
%! p.payoff = "put";
%! assert (cos_solve (p, lev), bs_call (S, K, T, r, s) - S + K * exp (-r * T), -1e-9);
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
%! assert (cos_solve (p, lev), P, -1e-9);
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
%! [U, info] = cos_solve (benchop_problem ("1b-I"), 2);
%! assert (info.M, [2 4 8 16]);
%! assert (info.L, 10);
%! [U, info] = cos_solve (benchop_problem ("1a-I"), 3);
%! assert (info.N, 16);
%! assert (isempty (info.M));
%!test
%! ## Levels up to the registry's maximum are accepted.
%! json = jsondecode (fileread (fullfile (fileparts (which ("cos_solve")), "method.json")));
%! assert (numel (cos_solve (benchop_problem ("1a-I"), json.levels.max)), 3);
%! assert (json.levels.default <= json.levels.max);
%!shared p
%! p = benchop_problem ("1a-I");
%!error cos_solve (p)
%!error <PROBLEM must be a problem struct> cos_solve (3, 1)
%!error <PROBLEM must be a problem struct> cos_solve (rmfield (p, "sigma"), 1)
%!error <LEVEL must be> cos_solve (p, 0)
%!error <LEVEL must be> cos_solve (p, 1.5)
%!error <LEVEL must be> cos_solve (p, 10)
%!error <model 'heston' is not supported> cos_solve (benchop_problem ("4"), 1)
%!error <S must be> cos_solve (setfield (p, "S", [90 -1]), 1)
%!error <S must be> cos_solve (setfield (p, "S", []), 1)
%!error <K must be a positive scalar> cos_solve (setfield (p, "K", 0), 1)
%!error <sigma must be a positive scalar> cos_solve (setfield (p, "sigma", NaN), 1)
%!error <r must be a real scalar> cos_solve (setfield (p, "r", [0 1]), 1)
%!error <payoff 'exchange' is not supported> cos_solve (setfield (p, "payoff", "exchange"), 1)
%!error <output 'theta' is not supported> cos_solve (setfield (p, "output", "theta"), 1)
%!error <only prices of american> cos_solve (setfield (benchop_problem ("1b-I"), "output", "delta"), 1)
%!error <American call with r < 0> cos_solve (setfield (setfield (benchop_problem ("1b-I"), "payoff", "call"), "r", -0.01), 1)
%!error <only European up-and-out calls> cos_solve (setfield (benchop_problem ("1c-I"), "payoff", "put"), 1)
%!error <barrier 'down-and-in' is not supported> cos_solve (setfield (p, "barrier", "down-and-in"), 1)
%!error <needs the barrier B> cos_solve (setfield (p, "barrier", "up-and-out"), 1)
