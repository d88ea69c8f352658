## -*- texinfo -*-
## @deftypefn {} {[@var{U}, @var{info}] =} fft_solve_checked (@var{p}, @var{level})
## The FFT method's pricing (@pxref{fft_solve}) of a problem checked by
## @code{fft_check}: what @code{benchop_solve} times.  It checks nothing.
## @end deftypefn

function [U, info] = fft_solve_checked (p, level)
  S = p.S;
  model = p.model;
  r = p.r;
  payoff = p.payoff;
  output = p.output;
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
  ## One small FFT per side: FFTW's threads only slow it down, badly so on
  ## a busy machine.  Use one thread, and restore the setting afterwards.
  nthreads = [];
  try
    nthreads = fftw ("threads");
    fftw ("threads", 1);
  end_try_catch
  unwind_protect
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
      eta = 3.141592653589793 * d / 36;
      ## Level 5 reaches 4 v36; each level doubles N.
      ## 2^ceil (log2): nextpow2 is an m-file that parses its input.
      N = 2^(level - 5) * max (1024, 2^ceil (log2 (4 * v36 / eta)));
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
  unwind_protect_cleanup
    if (! isempty (nthreads))
      fftw ("threads", nthreads);
    endif
  end_unwind_protect
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

%!test
%! ## The same prices as fft_solve, from a problem checked once.
%! problem = benchop_problem ("4");
%! assert (fft_solve_checked (fft_check (problem, 4), 4), fft_solve (problem, 4));
