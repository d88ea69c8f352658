## -*- texinfo -*-
## @deftypefn {} {@var{p} =} fft_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the FFT method, once,
## before any timing (@pxref{fft_solve}), and return what
## @code{fft_solve_checked} needs: the model's parameters, @code{T} and
## @code{r} as doubles (@code{fourier_check_problem}), the evaluation
## points @code{S} as a row, and the @code{model}, @code{payoff} and
## @code{output}.
## @end deftypefn

function p = fft_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  models = {"black-scholes", "black-scholes-dividend", "heston", "merton"};
  [p, S] = fourier_check_problem ("fft_check", problem, level, models);
  model = problem.model;
  payoff = problem.payoff;
  output = problem.output;
  if (! any (strcmp (payoff, {"call", "put"})))
    error ("fft_check: payoff '%s' is not supported", payoff);
  endif
  if (! strcmp (problem.exercise, "european"))
    error ("fft_check: exercise '%s' is not supported", problem.exercise);
  endif
  if (! strcmp (problem.barrier, "none"))
    error ("fft_check: barrier '%s' is not supported", problem.barrier);
  endif
  if (! any (strcmp (output, {"price", "delta", "gamma", "vega"})))
    error ("fft_check: output '%s' is not supported", output);
  endif
  if (! strcmp (output, "price") && ! strcmp (model, "black-scholes"))
    error ("fft_check: only prices are supported for model %s", model);
  endif
  p.S = S;
  p.model = model;
  p.payoff = payoff;
  p.output = output;
endfunction

%!shared p
%! p = benchop_problem ("1a-I");
%!error fft_check (p)
%!error <PROBLEM must be a problem struct> fft_check (3, 1)
%!error <PROBLEM must be a problem struct> fft_check (rmfield (p, "sigma"), 1)
%!error <LEVEL must be> fft_check (p, 0)
%!error <LEVEL must be> fft_check (p, 10)
%!error <model 'black-scholes-2d' is not supported> fft_check (benchop_problem ("6"), 1)
%!error <S must be> fft_check (setfield (p, "S", [90 -1]), 1)
%!error <K must be a positive scalar> fft_check (setfield (p, "K", 0), 1)
%!error <r must be a real scalar> fft_check (setfield (p, "r", NaN), 1)
%!error <D must be> fft_check (setfield (benchop_problem ("2-eu"), "D", -0.1), 1)
%!error <rho must be> fft_check (setfield (benchop_problem ("4"), "rho", 1), 1)
%!error <lambda must be> fft_check (setfield (benchop_problem ("5"), "lambda", -1), 1)
%!error <payoff 'exchange' is not supported> fft_check (setfield (p, "payoff", "exchange"), 1)
%!error <exercise 'american' is not supported> fft_check (benchop_problem ("1b-I"), 1)
%!error <barrier 'up-and-out' is not supported> fft_check (benchop_problem ("1c-I"), 1)
%!error <output 'theta' is not supported> fft_check (setfield (p, "output", "theta"), 1)
%!error <only prices are supported> fft_check (setfield (benchop_problem ("4"), "output", "delta"), 1)
