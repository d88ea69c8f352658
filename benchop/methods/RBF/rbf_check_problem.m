## -*- texinfo -*-
## @deftypefn {} {} rbf_check_problem (@var{problem})
## Validate a problem struct for @code{rbf_solve}, or fail with an error
## naming what is wrong.
##
## Descriptors: model @qcode{"black-scholes"},
## @qcode{"black-scholes-dividend"}, @qcode{"local-vol-parametric"} or
## @qcode{"local-vol-implied-surface"}; payoff @qcode{"call"} or
## @qcode{"put"}; exercise @qcode{"european"} or @qcode{"american"}; barrier
## @qcode{"none"} or @qcode{"up-and-out"}; output @qcode{"price"},
## @qcode{"delta"}, @qcode{"gamma"} or @qcode{"vega"} (vega only for a
## constant volatility).  Then the parameters the model needs: S a vector of
## positive finite prices; K, T, sigma, B positive finite scalars; r a finite
## real scalar; 0 <= D < 1 and 0 < alpha < 1.  Messages start with
## @qcode{"rbf_solve: "}, the function the user called.
## @end deftypefn

function rbf_check_problem (p)
  if (nargin != 1)
    print_usage ();
  endif
  if (! isstruct (p) || ! isscalar (p))
    error ("rbf_solve: PROBLEM must be a problem struct");
  endif
  choices = struct ("model", {{"black-scholes", "black-scholes-dividend", ...
                               "local-vol-parametric", ...
                               "local-vol-implied-surface"}},
                    "payoff", {{"call", "put"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  for f = fieldnames (choices).'
    if (! isfield (p, f{1}))
      error ("rbf_solve: PROBLEM lacks field '%s'", f{1});
    endif
    v = p.(f{1});
    if (! ischar (v) || ! any (strcmp (v, choices.(f{1}))))
      error ("rbf_solve: %s '%s' is not supported", f{1}, num2str (v));
    endif
  endfor
  need = {"S", "K", "T", "r"};
  if (any (strcmp (p.model, {"black-scholes", "black-scholes-dividend"})))
    need{end+1} = "sigma";
  elseif (strcmp (p.output, "vega"))
    error ("rbf_solve: output 'vega' needs a constant volatility");
  endif
  if (strcmp (p.model, "black-scholes-dividend"))
    need = [need, {"D", "alpha"}];
  endif
  if (strcmp (p.barrier, "up-and-out"))
    need{end+1} = "B";
  endif
  for f = need
    if (! isfield (p, f{1}))
      error ("rbf_solve: PROBLEM lacks field '%s'", f{1});
    endif
  endfor
  S = p.S;
  if (! (isnumeric (S) && isreal (S) && isvector (S) && ! isempty (S)
         && all (isfinite (S) & S > 0)))
    error ("rbf_solve: S must be a vector of positive finite prices");
  endif
  for f = intersect (need, {"K", "T", "sigma", "B"})
    v = p.(f{1});
    if (! (isnumeric (v) && isreal (v) && isscalar (v) && isfinite (v) && v > 0))
      error ("rbf_solve: %s must be a positive finite scalar", f{1});
    endif
  endfor
  r = p.r;
  if (! (isnumeric (r) && isreal (r) && isscalar (r) && isfinite (r)))
    error ("rbf_solve: r must be a finite real scalar");
  endif
  if (any (strcmp (need, "D")))
    if (! (isnumeric (p.D) && isreal (p.D) && isscalar (p.D) && p.D >= 0
           && p.D < 1))
      error ("rbf_solve: D must be a scalar in [0, 1)");
    endif
    if (! (isnumeric (p.alpha) && isreal (p.alpha) && isscalar (p.alpha)
           && p.alpha > 0 && p.alpha < 1))
      error ("rbf_solve: alpha must be a scalar in (0, 1)");
    endif
  endif
endfunction

%!test
%! rbf_check_problem (benchop_problem ("2-am"));   # passes silently
%!error <model 'heston' is not supported> rbf_check_problem (benchop_problem ("4"))
%!error <PROBLEM must be> rbf_check_problem ({})
%!error <lacks field 'output'> rbf_check_problem (rmfield (benchop_problem ("1a-I"), "output"))
%!error <S must be> rbf_check_problem (benchop_problem ("1a-I", "S", []))
%!error <D must be> rbf_check_problem (benchop_problem ("2-eu", "D", 1))
%!error <constant volatility>
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! rbf_check_problem (p);
%!error rbf_check_problem ()
