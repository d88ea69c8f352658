## -*- texinfo -*-
## @deftypefn {} {@var{p} =} cos_check (@var{problem}, @var{level})
## Check a problem struct and a resolution level for the COS method, once,
## before any timing (@pxref{cos_solve}), and return what
## @code{cos_solve_checked} needs: the model's parameters, @code{T} and
## @code{r} as doubles (@code{fourier_check_problem}), the evaluation
## points @code{S} as a row (an n-by-2 matrix for the two-asset model),
## the @code{model}, @code{payoff}, @code{exercise}, @code{barrier} and
## @code{output}, and the barrier @code{B} of an up-and-out call; and the
## same descriptors as numbers, on which the pricing branches without
## comparing strings: @code{kind} (1 European under Black-Scholes, 2
## up-and-out call, 3 American put, 4 European from a characteristic
## function, 5 American call with a dividend, 6 exchange option, 7 local
## volatility), @code{cf} (1 dividend, 2 Heston, 3 Merton, else 0),
## @code{out} (0 price, 1 delta, 2 gamma, 3 vega) and @code{call}.
##
## Only the problem is checked here: everything computed from its
## parameters (cumulants, truncation ranges, numbers of terms) is left to
## the pricing, which is what @code{benchop_solve} times.
## @end deftypefn

function p = cos_check (problem, level)
  if (nargin != 2)
    print_usage ();
  endif
  models = {"black-scholes", "black-scholes-dividend", "heston", "merton", ...
            "black-scholes-2d", "local-vol-implied-surface"};
  [p, S] = fourier_check_problem ("cos_check", problem, level, models, 10);
  model = problem.model;
  ## The up-and-out call's barrier is one more positive parameter.
  if (strcmp (model, "black-scholes") && strcmp (problem.barrier, "up-and-out"))
    if (! isfield (problem, "B"))
      error ("cos_check: an up-and-out problem needs the barrier B");
    endif
    B = problem.B;
    if (! (isnumeric (B) && isreal (B) && isscalar (B) && isfinite (B)
           && B > 0))
      error ("cos_check: B must be a positive scalar");
    endif
    p.B = double (B);
  endif
  payoff = problem.payoff;
  output = problem.output;
  exercise = problem.exercise;
  barrier = problem.barrier;
  fourier_check_descriptors ("cos_check", problem, {"none", "up-and-out"});
  american_call = strcmp (exercise, "american") && strcmp (payoff, "call");
  if (! strcmp (model, "black-scholes"))
    ## The other models: European prices, and the dividend's American call.
    if (! strcmp (barrier, "none"))
      error ("cos_check: barrier options are not supported for model %s",
             model);
    endif
    if (! strcmp (output, "price"))
      error ("cos_check: only prices are supported for model %s", model);
    endif
    if (strcmp (exercise, "american")
        && ! (strcmp (model, "black-scholes-dividend")
              && strcmp (payoff, "call")))
      error ("cos_check: American %s options are not supported for model %s",
             payoff, model);
    endif
    ## Early exercise only just before the dividend needs r >= 0.
    if (american_call && p.r < 0)
      error ("cos_check: an American call with r < 0 is not supported");
    endif
  elseif (strcmp (barrier, "none"))
    ## Without dividends an American call is the European one, if r >= 0:
    ## then delta, gamma and vega are supported too.
    if (american_call && p.r < 0)
      error ("cos_check: an American call with r < 0 is not supported");
    endif
    if (strcmp (exercise, "american") && ! american_call
        && ! strcmp (output, "price"))
      error ("cos_check: only prices of american options are supported");
    endif
  else
    if (! (strcmp (payoff, "call") && strcmp (exercise, "european")))
      error ("cos_check: only European up-and-out calls are supported");
    endif
    if (! strcmp (output, "price"))
      error ("cos_check: only prices of barrier options are supported");
    endif
  endif
  p.S = S;
  p.model = model;
  p.payoff = payoff;
  p.exercise = exercise;
  p.barrier = barrier;
  p.output = output;
  ## The same descriptors as numbers, which the pricing branches on without
  ## comparing strings: the code path (kind), the output (0 price, 1 delta,
  ## 2 gamma, 3 vega) and the payoff (call true, put false).
  if (strcmp (model, "black-scholes"))
    if (! strcmp (barrier, "none"))
      p.kind = 2;                       # up-and-out call
    elseif (strcmp (exercise, "american") && ! american_call)
      p.kind = 3;                       # American put
    else
      p.kind = 1;                       # European (an American call too)
    endif
  elseif (strcmp (model, "black-scholes-2d"))
    p.kind = 6;
  elseif (strcmp (model, "local-vol-implied-surface"))
    p.kind = 7;
  elseif (strcmp (exercise, "american"))
    p.kind = 5;                         # the dividend's American call
  else
    p.kind = 4;                         # European, from the characteristic function
  endif
  p.cf = find (strcmp (model, {"black-scholes-dividend", "heston", "merton"}));
  if (isempty (p.cf))
    p.cf = 0;                           # no characteristic function path
  endif
  p.out = find (strcmp (output, {"price", "delta", "gamma", "vega"})) - 1;
  p.call = strcmp (payoff, "call");
endfunction

%!test
%! ## The parameters as doubles, S as a row, and the descriptors.
%! q = benchop_problem ("1c-I", "S", single ([90; 100; 110]), "B", int32 (140));
%! p = cos_check (q, 5);
%! assert (p.S, [90 100 110]);
%! assert (class (p.S), "double");
%! assert (p.B, 140);
%! assert (class (p.B), "double");
%! for nm = {"K", "sigma", "T", "r"}
%!   assert (p.(nm{1}), double (q.(nm{1})));
%! endfor
%! for nm = {"model", "payoff", "exercise", "barrier", "output"}
%!   assert (p.(nm{1}), q.(nm{1}));
%! endfor
%! assert ([p.kind, p.out, p.call], [2, 0, true]);
%!test
%! ## The code paths and outputs as numbers.
%! ids = {"1a-I", "1a-II-vega", "1b-I", "1c-II", "4", "5", "2-eu", "2-am", "6", "3-II"};
%! kinds = [1 1 3 2 4 4 4 5 6 7];
%! for i = 1:numel (ids)
%!   assert (cos_check (benchop_problem (ids{i}), 1).kind, kinds(i));
%! endfor
%! assert (cos_check (benchop_problem ("1a-II-vega"), 1).out, 3);
%! cf = cellfun (@(id) cos_check (benchop_problem (id), 1).cf, {"2-eu", "4", "5", "1a-I"});
%! assert (cf, [1 2 3 0]);
%! q = setfield (benchop_problem ("1b-I"), "payoff", "call");
%! assert (cos_check (q, 1).kind, 1);
%!test
%! ## No barrier, no B; the two-asset points stay n-by-2.
%! assert (! isfield (cos_check (benchop_problem ("1a-I"), 1), "B"));
%! q = benchop_problem ("6");
%! assert (cos_check (q, 1).S, q.S);
%!test
%! ## Every problem the method lists passes, at every level.
%! json = benchop_methods ("get", "COS");
%! for k = 1:numel (json.problems)
%!   p = cos_check (benchop_problem (json.problems{k}), json.max_level);
%!   assert (isstruct (p));
%! endfor
%!test
%! ## An American call under Black-Scholes is the European one, Greeks too.
%! q = setfield (benchop_problem ("1b-I"), "payoff", "call");
%! assert (cos_check (setfield (q, "output", "delta"), 1).exercise, "american");
%!shared p
%! p = benchop_problem ("1a-I");
%!error cos_check (p)
%!error cos_check (p, 1, 2)
%!error <cos_check: PROBLEM must be a problem struct> cos_check (3, 1)
%!error <PROBLEM must be a problem struct> cos_check (rmfield (p, "sigma"), 1)
%!error <cos_check: LEVEL must be> cos_check (p, 0)
%!error <LEVEL must be> cos_check (p, 1.5)
%!error <LEVEL must be> cos_check (p, 11)
%!error <model 'local-vol-parametric' is not supported> cos_check (benchop_problem ("3-I"), 1)
%!error <S must be> cos_check (setfield (p, "S", [90 -1]), 1)
%!error <S must be> cos_check (setfield (p, "S", []), 1)
%!error <K must be a positive scalar> cos_check (setfield (p, "K", 0), 1)
%!error <sigma must be a positive scalar> cos_check (setfield (p, "sigma", NaN), 1)
%!error <r must be a real scalar> cos_check (setfield (p, "r", [0 1]), 1)
%!error <payoff 'exchange' is not supported> cos_check (setfield (p, "payoff", "exchange"), 1)
%!error <output 'theta' is not supported> cos_check (setfield (p, "output", "theta"), 1)
%!error <exercise 'bermudan' is not supported> cos_check (setfield (p, "exercise", "bermudan"), 1)
%!error <only prices of american> cos_check (setfield (benchop_problem ("1b-I"), "output", "delta"), 1)
%!error <American call with r < 0> cos_check (setfield (setfield (benchop_problem ("1b-I"), "payoff", "call"), "r", -0.01), 1)
%!error <only European up-and-out calls> cos_check (setfield (benchop_problem ("1c-I"), "payoff", "put"), 1)
%!error <only European up-and-out calls> cos_check (setfield (benchop_problem ("1c-I"), "exercise", "american"), 1)
%!error <only prices of barrier> cos_check (setfield (benchop_problem ("1c-I"), "output", "delta"), 1)
%!error <barrier 'down-and-in' is not supported> cos_check (setfield (p, "barrier", "down-and-in"), 1)
%!error <needs the barrier B> cos_check (setfield (p, "barrier", "up-and-out"), 1)
%!error <cos_check: B must be a positive scalar> cos_check (setfield (benchop_problem ("1c-I"), "B", -140), 1)
%!error <D must be a real scalar in \[0, 1\)> cos_check (setfield (benchop_problem ("2-eu"), "D", 1), 1)
%!error <alpha must be> cos_check (setfield (benchop_problem ("2-am"), "alpha", 0), 1)
%!error <rho must be a real scalar in \(-1, 1\)> cos_check (setfield (benchop_problem ("4"), "rho", -1), 1)
%!error <rho must be a real scalar in \[-1, 1\]> cos_check (setfield (benchop_problem ("6"), "rho", 1.5), 1)
%!error <sigma_v must be a positive scalar> cos_check (setfield (benchop_problem ("4"), "sigma_v", 0), 1)
%!error <lambda must be> cos_check (setfield (benchop_problem ("5"), "lambda", -0.1), 1)
%!error <gamma must be> cos_check (setfield (benchop_problem ("5"), "gamma", Inf), 1)
%!error <PROBLEM must be a problem struct> cos_check (rmfield (benchop_problem ("4"), "V0"), 1)
%!error <n-by-2> cos_check (setfield (benchop_problem ("6"), "S", [100 90 80]), 1)
%!error <payoff 'call' is not supported for model> cos_check (setfield (benchop_problem ("6"), "payoff", "call"), 1)
%!error <only prices are supported> cos_check (setfield (benchop_problem ("4"), "output", "delta"), 1)
%!error <American call options are not supported for model heston> cos_check (setfield (benchop_problem ("4"), "exercise", "american"), 1)
%!error <American put options are not supported> cos_check (setfield (benchop_problem ("2-am"), "payoff", "put"), 1)
%!error <barrier options are not supported> cos_check (setfield (benchop_problem ("5"), "barrier", "up-and-out"), 1)
%!error <American call options are not supported for model local-vol> cos_check (setfield (benchop_problem ("3-II"), "exercise", "american"), 1)
%!error <American exchange options are not supported> cos_check (setfield (benchop_problem ("6"), "exercise", "american"), 1)
%!error <American call with r < 0> cos_check (setfield (benchop_problem ("2-am"), "r", -0.01), 1)
