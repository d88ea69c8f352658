## -*- texinfo -*-
## @deftypefn  {} {} pde_check_params (@var{problem}, @var{who}, @var{need})
## @deftypefnx {} {} pde_check_params (@var{problem}, @var{who}, @var{need}, @var{closed})
## Check the parameters @var{need} (a cell of field names) of
## @var{problem}, or fail with an error naming what is wrong.  What a
## method supports (models, payoffs, which parameters a model needs) is the
## caller's; this checks only that the parameters are there and in range.
##
## Every name in @var{need} must be a field.  S must be a vector of
## positive finite prices (an n-by-2 matrix of them for model
## @qcode{"black-scholes-2d"}); K, T, sigma, B, delta, V0, kappa, theta,
## sigma_v, sigma1 and sigma2 positive finite scalars; r and gamma finite
## real scalars; lambda a nonnegative finite scalar; D in [0, 1); rho in
## (-1, 1) and alpha in (0, 1), or, with @var{closed} true (default false),
## rho in [-1, 1] and alpha in [0, 1], for a solver that also takes
## perfectly correlated factors and a dividend at either end of the life.
## Messages start with @var{who} (the solver the user called) and a colon.
## @end deftypefn

function pde_check_params (p, who, need, closed = false)
  if (nargin < 3 || nargin > 4)
    print_usage ();
  endif
  if (! ischar (who) || ! iscellstr (need))
    error ("pde_check_params: WHO must be a string and NEED a cell of names");
  endif
  for f = need
    if (! isfield (p, f{1}))
      error ("%s: PROBLEM lacks field '%s'", who, f{1});
    endif
  endfor
  if (any (strcmp (need, "S")))
    S = p.S;
    if (isfield (p, "model") && strcmp (p.model, "black-scholes-2d"))
      if (! (isnumeric (S) && isreal (S) && ismatrix (S) && columns (S) == 2
             && rows (S) > 0 && all (isfinite (S(:)) & S(:) > 0)))
        error ("%s: S must be an n-by-2 matrix of positive finite prices", who);
      endif
    elseif (! (isnumeric (S) && isreal (S) && isvector (S) && ! isempty (S)
               && all (isfinite (S) & S > 0)))
      error ("%s: S must be a vector of positive finite prices", who);
    endif
  endif
  if (closed)
    rhor = "[-1, 1]";
    alphar = "[0, 1]";
  else
    rhor = "(-1, 1)";
    alphar = "(0, 1)";
  endif
  ## Plain loops and strcmp: setdiff and intersect would cost more than a
  ## small solve.
  for f = need
    nm = f{1};
    if (strcmp (nm, "S"))
      continue;
    endif
    v = p.(nm);
    ok = isnumeric (v) && isreal (v) && isscalar (v) && isfinite (v);
    switch (nm)
      case {"K", "T", "sigma", "B", "delta", "V0", "kappa", "theta", ...
            "sigma_v", "sigma1", "sigma2"}
        if (! (ok && v > 0))
          error ("%s: %s must be a positive finite scalar", who, nm);
        endif
      case {"r", "gamma"}
        if (! ok)
          error ("%s: %s must be a finite real scalar", who, nm);
        endif
      case "lambda"
        if (! (ok && v >= 0))
          error ("%s: lambda must be a nonnegative finite scalar", who);
        endif
      case "rho"
        if (! (ok && (abs (v) < 1 || (closed && abs (v) == 1))))
          error ("%s: rho must be a scalar in %s", who, rhor);
        endif
      case "D"
        if (! (ok && v >= 0 && v < 1))
          error ("%s: D must be a scalar in [0, 1)", who);
        endif
      case "alpha"
        if (! (ok && ((v > 0 && v < 1) || (closed && (v == 0 || v == 1)))))
          error ("%s: alpha must be a scalar in %s", who, alphar);
        endif
    endswitch
  endfor
endfunction

%!test
%! pde_check_params (benchop_problem ("1c-I"), "f", {"S", "K", "T", "r", "sigma", "B"});
%! pde_check_params (benchop_problem ("6"), "f", {"S", "T", "r", "sigma1", "sigma2", "rho"});
%! pde_check_params (benchop_problem ("5"), "f", {"S", "K", "lambda", "gamma", "delta"});
%!test
%! ## the closed ranges take the end points
%! pde_check_params (benchop_problem ("4", "rho", -1), "f", {"rho"}, true);
%! pde_check_params (benchop_problem ("2-eu", "alpha", 1), "f", {"alpha"}, true);
%!error <f: PROBLEM lacks field 'V0'> pde_check_params (benchop_problem ("1a-I"), "f", {"S", "V0"})
%!error <f: S must be a vector> pde_check_params (benchop_problem ("1a-I", "S", [90 -1]), "f", {"S"})
%!error <f: S must be an n-by-2> pde_check_params (benchop_problem ("6", "S", [1 2 3]), "f", {"S"})
%!error <f: K must be a positive> pde_check_params (benchop_problem ("1a-I", "K", [1 2]), "f", {"K"})
%!error <f: r must be a finite real> pde_check_params (benchop_problem ("1a-I", "r", Inf), "f", {"r"})
%!error <f: gamma must be> pde_check_params (benchop_problem ("5", "gamma", NaN), "f", {"gamma"})
%!error <f: lambda must be> pde_check_params (benchop_problem ("5", "lambda", -1), "f", {"lambda"})
%!error <f: rho must be a scalar in \(-1, 1\)> pde_check_params (benchop_problem ("4", "rho", -1), "f", {"rho"})
%!error <f: rho must be a scalar in \[-1, 1\]> pde_check_params (benchop_problem ("4", "rho", -1.5), "f", {"rho"}, true)
%!error <f: D must be> pde_check_params (benchop_problem ("2-eu", "D", 1), "f", {"D"})
%!error <f: alpha must be a scalar in \(0, 1\)> pde_check_params (benchop_problem ("2-eu", "alpha", 0), "f", {"alpha"})
%!error <f: alpha must be a scalar in \[0, 1\]> pde_check_params (benchop_problem ("2-eu", "alpha", -0.1), "f", {"alpha"}, true)
%!error <NEED a cell> pde_check_params (benchop_problem ("1a-I"), "f", 1)
%!error pde_check_params (1, 2)
