## -*- texinfo -*-
## @deftypefn  {} {[@var{p}, @var{S}] =} fourier_check_problem (@var{who}, @var{problem}, @var{level}, @var{models})
## @deftypefnx {} {[@var{p}, @var{S}] =} fourier_check_problem (@var{who}, @var{problem}, @var{level}, @var{models}, @var{max_level})
## Validate a problem struct and resolution level for a Fourier pricing
## method, and collect the model's parameters.
##
## @var{who} names the calling solver in the error messages (e.g.
## @qcode{"cos_solve"}).  @var{problem} must be a scalar problem struct
## (@pxref{benchop_problem}) whose model is one of the cell array of
## strings @var{models}, with the fields @code{model}, @code{payoff},
## @code{exercise}, @code{barrier}, @code{output}, @code{S}, @code{T},
## @code{r} and those of its model:
## @table @asis
## @item @qcode{"black-scholes"}
## @code{K}, @code{sigma};
## @item @qcode{"black-scholes-dividend"}
## @code{K}, @code{sigma}, @code{D} in [0, 1), @code{alpha} in (0, 1);
## @item @qcode{"heston"}
## @code{K}, @code{V0}, @code{kappa}, @code{theta}, @code{sigma_v},
## @code{rho} in (-1, 1);
## @item @qcode{"merton"}
## @code{K}, @code{sigma}, @code{lambda} @geq{} 0, @code{gamma}, @code{delta};
## @item @qcode{"black-scholes-2d"}
## @code{sigma1}, @code{sigma2}, @code{rho} in [-1, 1];
## @item @qcode{"local-vol-implied-surface"}
## @code{K}.
## @end table
## Parameters without a stated range must be positive; @code{r} is any
## finite real.  @var{level} must be an integer from 1 to @var{max_level}
## (default 9).
##
## @var{p} is a struct of the parameters, @code{T} and @code{r} as
## doubles; @var{S} the evaluation points as a double row (an n-by-2
## matrix of price pairs for the two-asset model).  The payoff, exercise,
## barrier and output are left to the caller: what a method supports there
## is its own.
## @end deftypefn

function [p, S] = fourier_check_problem (who, problem, level, models, max_level = 9)
  if (nargin < 4 || nargin > 5)
    print_usage ();
  endif
  if (! isstruct (problem) || ! isscalar (problem)
      || ! isfield (problem, "model"))
    error ("%s: PROBLEM must be a problem struct", who);
  endif
  check_level (who, level, max_level);
  model = problem.model;
  if (! any (strcmp (model, models)))
    error ("%s: model '%s' is not supported", who, model);
  endif
  switch (model)
    case "black-scholes"
      names = {"K", "sigma"};
    case "black-scholes-dividend"
      names = {"K", "sigma", "D", "alpha"};
    case "heston"
      names = {"K", "V0", "kappa", "theta", "sigma_v", "rho"};
    case "merton"
      names = {"K", "sigma", "lambda", "gamma", "delta"};
    case "black-scholes-2d"
      names = {"sigma1", "sigma2", "rho"};
    case "local-vol-implied-surface"
      names = {"K"};
    otherwise
      error ("%s: model '%s' is not supported", who, model);
  endswitch
  common = {"model", "payoff", "exercise", "barrier", "output", "S", "T", "r"};
  fields = [common, names];
  if (! all (isfield (problem, fields)))
    error ("%s: PROBLEM must be a problem struct with fields %s", who,
           strjoin (fields, ", "));
  endif
  S = problem.S;
  if (strcmp (model, "black-scholes-2d"))
    if (! (isnumeric (S) && isreal (S) && ismatrix (S) && columns (S) == 2
           && rows (S) >= 1 && all (isfinite (S(:)) & S(:) > 0)))
      error ("%s: S must be an n-by-2 matrix of positive price pairs", who);
    endif
    S = double (S);
  else
    if (! (isnumeric (S) && isreal (S) && isvector (S) && ! isempty (S)
           && all (isfinite (S) & S > 0)))
      error ("%s: S must be a vector of positive prices", who);
    endif
    S = double (S(:).');
  endif
  ## Parameters: positive ones, then those with their own ranges (a loop:
  ## setdiff would cost more than the rest of the check).
  ranged = {"D", "alpha", "rho", "lambda", "gamma"};
  pos = {"T"};
  for i = 1:numel (names)
    if (! any (strcmp (names{i}, ranged)))
      pos{end+1} = names{i};
    endif
  endfor
  p = struct ();
  for i = 1:numel (pos)
    v = problem.(pos{i});
    if (! (isnumeric (v) && isreal (v) && isscalar (v) && isfinite (v)
           && v > 0))
      error ("%s: %s must be a positive scalar", who, pos{i});
    endif
    p.(pos{i}) = double (v);
  endfor
  ## Two GBMs may be perfectly correlated, Heston's square root needs
  ## |rho| < 1.
  rho1 = strcmp (model, "black-scholes-2d");
  rhor = "(-1, 1)";
  if (rho1)
    rhor = "[-1, 1]";
  endif
  ranges = {"D", @(v) v >= 0 && v < 1, "[0, 1)";
            "alpha", @(v) v > 0 && v < 1, "(0, 1)";
            "rho", @(v) abs (v) < 1 || (rho1 && abs (v) == 1), rhor;
            "lambda", @(v) v >= 0, "[0, Inf)";
            "gamma", @(v) true, "(-Inf, Inf)"};
  for i = 1:rows (ranges)
    nm = ranges{i,1};
    if (any (strcmp (names, nm)))
      v = problem.(nm);
      if (! (isnumeric (v) && isreal (v) && isscalar (v) && isfinite (v)
             && ranges{i,2} (v)))
        error ("%s: %s must be a real scalar in %s", who, nm, ranges{i,3});
      endif
      p.(nm) = double (v);
    endif
  endfor
  r = problem.r;
  if (! (isnumeric (r) && isreal (r) && isscalar (r) && isfinite (r)))
    error ("%s: r must be a real scalar", who);
  endif
  p.r = double (r);
endfunction

%!shared models
%! models = {"black-scholes", "black-scholes-dividend", "heston", "merton"};
%!test
%! [p, S] = fourier_check_problem ("f", benchop_problem ("1a-I"), 1, models);
%! q = benchop_problem ("1a-I");
%! assert (S, q.S(:).');
%! assert (p, struct ("K", q.K, "sigma", q.sigma, "T", q.T, "r", q.r));
%!test
%! q = benchop_problem ("4");
%! p = fourier_check_problem ("f", q, 9, models);
%! for nm = {"K", "V0", "kappa", "theta", "sigma_v", "rho", "T", "r"}
%!   assert (p.(nm{1}), q.(nm{1}));
%! endfor
%! assert (numfields (p), 8);
%!test
%! ## Two GBMs may be perfectly correlated; S is then n-by-2.
%! q = setfield (benchop_problem ("6"), "rho", -1);
%! [p, S] = fourier_check_problem ("f", q, 2, {"black-scholes-2d"});
%! assert (p.rho, -1);
%! assert (S, q.S);
%!test
%! p = fourier_check_problem ("f", setfield (benchop_problem ("5"), "gamma", -2), 1, models);
%! assert (p.gamma, -2);
%!error fourier_check_problem ("f", benchop_problem ("1a-I"), 1)
%!error <f: PROBLEM must be a problem struct> fourier_check_problem ("f", 3, 1, models)
%!error <f: PROBLEM must be a problem struct with fields> fourier_check_problem ("f", rmfield (benchop_problem ("4"), "V0"), 1, models)
%!error <f: LEVEL must be> fourier_check_problem ("f", benchop_problem ("1a-I"), 0.5, models)
%!error <f: LEVEL must be an integer from 1 to 9> fourier_check_problem ("f", benchop_problem ("1a-I"), 10, models)
%!assert (fourier_check_problem ("f", benchop_problem ("1a-I"), 10, models, 10).K, 100)
%!error <f: model 'black-scholes-2d' is not supported> fourier_check_problem ("f", benchop_problem ("6"), 1, models)
%!error <f: model 'sabr' is not supported> fourier_check_problem ("f", setfield (benchop_problem ("1a-I"), "model", "sabr"), 1, {"sabr"})
%!error <f: S must be a vector> fourier_check_problem ("f", setfield (benchop_problem ("1a-I"), "S", [1 2; 3 4]), 1, models)
%!error <f: S must be an n-by-2> fourier_check_problem ("f", setfield (benchop_problem ("6"), "S", [1 2 3]), 1, {"black-scholes-2d"})
%!error <f: T must be a positive scalar> fourier_check_problem ("f", setfield (benchop_problem ("1a-I"), "T", -1), 1, models)
%!error <f: alpha must be a real scalar in \(0, 1\)> fourier_check_problem ("f", setfield (benchop_problem ("2-eu"), "alpha", 1), 1, models)
%!error <f: rho must be a real scalar in \(-1, 1\)> fourier_check_problem ("f", setfield (benchop_problem ("4"), "rho", 1), 1, models)
%!error <f: gamma must be> fourier_check_problem ("f", setfield (benchop_problem ("5"), "gamma", NaN), 1, models)
%!error <f: r must be a real scalar> fourier_check_problem ("f", setfield (benchop_problem ("1a-I"), "r", 1i), 1, models)
