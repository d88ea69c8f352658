## -*- texinfo -*-
## @deftypefn {} {} fd_check_problem (@var{problem})
## Validate a problem struct for @code{fd_solve}, or fail with an error
## naming what is wrong: first the descriptors (model
## @qcode{"black-scholes"}; payoff @qcode{"call"} or @qcode{"put"}; exercise
## @qcode{"european"} or @qcode{"american"}; barrier @qcode{"none"} or
## @qcode{"up-and-out"}; output @qcode{"price"}, @qcode{"delta"},
## @qcode{"gamma"} or @qcode{"vega"}), then the parameters that this model
## needs: S a vector of positive finite prices, K, T, sigma (and B for a
## barrier) positive finite scalars, r a finite real scalar.  Messages start
## with @qcode{"fd_solve: "}, the function the user called.
## @end deftypefn

function fd_check_problem (p)
  if (nargin != 1)
    print_usage ();
  endif
  if (! isstruct (p) || ! isscalar (p))
    error ("fd_solve: PROBLEM must be a problem struct");
  endif
  choices = struct ("model", {{"black-scholes"}},
                    "payoff", {{"call", "put"}},
                    "exercise", {{"european", "american"}},
                    "barrier", {{"none", "up-and-out"}},
                    "output", {{"price", "delta", "gamma", "vega"}});
  for f = fieldnames (choices).'
    if (! isfield (p, f{1}))
      error ("fd_solve: PROBLEM lacks field '%s'", f{1});
    endif
    v = p.(f{1});
    if (! ischar (v) || ! any (strcmp (v, choices.(f{1}))))
      error ("fd_solve: %s '%s' is not supported", f{1}, num2str (v));
    endif
  endfor
  need = {"S", "K", "T", "r", "sigma"};
  if (strcmp (p.barrier, "up-and-out"))
    need{end+1} = "B";
  endif
  for f = need
    if (! isfield (p, f{1}))
      error ("fd_solve: PROBLEM lacks field '%s'", f{1});
    endif
  endfor
  S = p.S;
  if (! (isnumeric (S) && isreal (S) && isvector (S) && ! isempty (S)
         && all (isfinite (S) & S > 0)))
    error ("fd_solve: S must be a vector of positive finite prices");
  endif
  for f = setdiff (need, {"S", "r"})
    v = p.(f{1});
    if (! (isnumeric (v) && isreal (v) && isscalar (v) && isfinite (v) && v > 0))
      error ("fd_solve: %s must be a positive finite scalar", f{1});
    endif
  endfor
  r = p.r;
  if (! (isnumeric (r) && isreal (r) && isscalar (r) && isfinite (r)))
    error ("fd_solve: r must be a finite real scalar");
  endif
endfunction

%!test
%! fd_check_problem (benchop_problem ("1c-I"));   # passes silently
%!error <model 'heston' is not supported> fd_check_problem (benchop_problem ("4"))
%!error <PROBLEM must be> fd_check_problem ({})
%!error <lacks field 'output'> fd_check_problem (rmfield (benchop_problem ("1a-I"), "output"))
%!error <S must be> fd_check_problem (benchop_problem ("1a-I", "S", []))
%!error fd_check_problem ()
