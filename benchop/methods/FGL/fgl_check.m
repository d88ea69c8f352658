## -*- texinfo -*-
## @deftypefn {} {@var{p} =} fgl_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the FGL method, once,
## before any timing (@pxref{fgl_solve}), and return what
## @code{fgl_solve_checked} needs: the model's parameters, @code{T} and
## @code{r} as doubles (@code{fourier_check_problem}), the evaluation
## points @code{S} as a row (an n-by-2 matrix for the two-asset model),
## the @code{model}, @code{payoff}, @code{exercise}, @code{barrier} and
## @code{output}; and the same descriptors as numbers, on which the pricing
## branches without comparing strings: @code{kind} (1 European under
## Black-Scholes, with or without the dividend, 2 European from the
## characteristic function of Heston or Merton, 3 exchange option, 4
## American put, 5 American call with the dividend), @code{cf} (2 Heston, 3
## Merton, else 0), @code{out} (0 price, 1 delta, 2 gamma, 3 vega),
## @code{call} and @code{ld}, the logarithm of @math{1 - D} (0 without a
## dividend).
##
## Only the problem is checked here: everything computed from its
## parameters (Gauss-Laguerre nodes, contours, scales) is left to the
## pricing, which is what @code{benchop_solve} times.
## @end deftypefn

function p = fgl_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  models = {"black-scholes", "black-scholes-dividend", "heston", "merton", ...
            "black-scholes-2d"};
  [p, S] = fourier_check_problem ("fgl_check", problem, level, models, 13);
  model = problem.model;
  payoff = problem.payoff;
  output = problem.output;
  exercise = problem.exercise;
  barrier = problem.barrier;
  fourier_check_descriptors ("fgl_check", problem, {"none"});
  american = strcmp (exercise, "american");
  call = strcmp (payoff, "call");
  bs = strcmp (model, "black-scholes");
  div = strcmp (model, "black-scholes-dividend");
  if (! bs && ! strcmp (output, "price"))
    error ("fgl_check: only prices are supported for model %s", model);
  endif
  if (american)
    if (! (bs || (div && call)))
      error ("fgl_check: American %s options are not supported for model %s",
             payoff, model);
    endif
    ## Early exercise of a call pays only just before a dividend, and only
    ## if r >= 0.
    if (call && p.r < 0)
      error ("fgl_check: an American call with r < 0 is not supported");
    endif
    if (! call && ! strcmp (output, "price"))
      error ("fgl_check: only prices of American puts are supported");
    endif
  endif
  p.S = S;
  p.model = model;
  p.payoff = payoff;
  p.exercise = exercise;
  p.barrier = barrier;
  p.output = output;
  ## The same descriptors as numbers.
  if (strcmp (model, "black-scholes-2d"))
    p.kind = 3;
  elseif (american && ! call)
    p.kind = 4;
  elseif (american && div)
    p.kind = 5;
  elseif (bs || div)
    p.kind = 1;                         # an American call without dividend too
  else
    p.kind = 2;
  endif
  p.cf = find (strcmp (model, {"", "heston", "merton"}));
  if (isempty (p.cf))
    p.cf = 0;
  endif
  p.out = find (strcmp (output, {"price", "delta", "gamma", "vega"})) - 1;
  p.call = call;
  p.ld = 0;
  if (div)
    p.ld = log1p (-p.D);
  endif
endfunction

%!test
%! ## The parameters as doubles, S as a row, and the descriptors.
%! q = benchop_problem ("1a-I", "S", single ([90; 100; 110]), "K", int32 (95));
%! p = fgl_check (q, 5);
%! assert (p.S, [90 100 110]);
%! assert (class (p.S), "double");
%! assert (p.K, 95);
%! assert (class (p.K), "double");
%! for nm = {"sigma", "T", "r"}
%!   assert (p.(nm{1}), double (q.(nm{1})));
%! endfor
%! for nm = {"model", "payoff", "exercise", "barrier", "output"}
%!   assert (p.(nm{1}), q.(nm{1}));
%! endfor
%! assert ([p.kind, p.cf, p.out, p.call, p.ld], [1, 0, 0, true, 0]);
%!test
%! ## The code paths, models and outputs as numbers.
%! ids = {"1a-I", "1a-II-vega", "2-eu", "4", "5", "6", "1b-I", "1b-II", "2-am"};
%! kinds = [1 1 1 2 2 3 4 4 5];
%! cfs = [0 0 0 2 3 0 0 0 0];
%! for i = 1:numel (ids)
%!   p = fgl_check (benchop_problem (ids{i}), 1);
%!   assert ([p.kind, p.cf], [kinds(i), cfs(i)]);
%! endfor
%! assert (fgl_check (benchop_problem ("1a-II-vega"), 1).out, 3);
%! assert (fgl_check (benchop_problem ("1a-I-gamma"), 1).out, 2);
%! assert (fgl_check (benchop_problem ("2-eu"), 1).ld, log (0.97), 1e-15);
%! ## An American call without dividends is the European call.
%! q = setfield (benchop_problem ("1b-I"), "payoff", "call");
%! assert (fgl_check (setfield (q, "output", "delta"), 1).kind, 1);
%!test
%! ## Every problem the method lists passes, at every level.
%! json = benchop_methods ("get", "FGL");
%! for k = 1:numel (json.problems)
%!   p = fgl_check (benchop_problem (json.problems{k}), json.max_level);
%!   assert (isstruct (p));
%! endfor
%!test
%! ## The two-asset points stay n-by-2.
%! q = benchop_problem ("6");
%! assert (fgl_check (q, 1).S, q.S);
%!shared p
%! p = benchop_problem ("1a-I");
%!error fgl_check (p)
%!error fgl_check (p, 1, 2)
%!error <fgl_check: PROBLEM must be a problem struct> fgl_check (3, 1)
%!error <PROBLEM must be a problem struct> fgl_check (rmfield (p, "sigma"), 1)
%!error <fgl_check: LEVEL must be> fgl_check (p, 0)
%!error <LEVEL must be> fgl_check (p, 2.5)
%!error <LEVEL must be> fgl_check (p, 14)
%!error <model 'local-vol-parametric' is not supported> fgl_check (benchop_problem ("3-I"), 1)
%!error <model 'local-vol-implied-surface' is not supported> fgl_check (benchop_problem ("3-II"), 1)
%!error <S must be> fgl_check (setfield (p, "S", [90 -1]), 1)
%!error <S must be> fgl_check (setfield (p, "S", []), 1)
%!error <K must be a positive scalar> fgl_check (setfield (p, "K", 0), 1)
%!error <sigma must be a positive scalar> fgl_check (setfield (p, "sigma", NaN), 1)
%!error <T must be a positive scalar> fgl_check (setfield (p, "T", -1), 1)
%!error <r must be a real scalar> fgl_check (setfield (p, "r", [0 1]), 1)
%!error <payoff 'exchange' is not supported> fgl_check (setfield (p, "payoff", "exchange"), 1)
%!error <payoff 'call' is not supported for model> fgl_check (setfield (benchop_problem ("6"), "payoff", "call"), 1)
%!error <output 'theta' is not supported> fgl_check (setfield (p, "output", "theta"), 1)
%!error <exercise 'bermudan' is not supported> fgl_check (setfield (p, "exercise", "bermudan"), 1)
%!error <barrier 'up-and-out' is not supported> fgl_check (benchop_problem ("1c-I"), 1)
%!error <only prices are supported for model heston> fgl_check (setfield (benchop_problem ("4"), "output", "delta"), 1)
%!error <only prices are supported for model black-scholes-dividend> fgl_check (setfield (benchop_problem ("2-eu"), "output", "gamma"), 1)
%!error <only prices of American puts> fgl_check (setfield (benchop_problem ("1b-I"), "output", "delta"), 1)
%!error <American call options are not supported for model heston> fgl_check (setfield (benchop_problem ("4"), "exercise", "american"), 1)
%!error <American put options are not supported for model black-scholes-dividend> fgl_check (setfield (benchop_problem ("2-am"), "payoff", "put"), 1)
%!error <American exchange options are not supported> fgl_check (setfield (benchop_problem ("6"), "exercise", "american"), 1)
%!error <American call with r < 0> fgl_check (setfield (benchop_problem ("2-am"), "r", -0.01), 1)
%!error <American call with r < 0> fgl_check (setfield (setfield (p, "exercise", "american"), "r", -0.01), 1)
%!error <D must be a real scalar in \[0, 1\)> fgl_check (setfield (benchop_problem ("2-eu"), "D", 1), 1)
%!error <rho must be a real scalar in \(-1, 1\)> fgl_check (setfield (benchop_problem ("4"), "rho", -1), 1)
%!error <rho must be a real scalar in \[-1, 1\]> fgl_check (setfield (benchop_problem ("6"), "rho", 1.5), 1)
%!error <sigma_v must be a positive scalar> fgl_check (setfield (benchop_problem ("4"), "sigma_v", 0), 1)
%!error <lambda must be> fgl_check (setfield (benchop_problem ("5"), "lambda", -0.1), 1)
%!error <n-by-2> fgl_check (setfield (benchop_problem ("6"), "S", [100 90 80]), 1)
