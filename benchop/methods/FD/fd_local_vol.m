## -*- texinfo -*-
## @deftypefn {} {@var{sigma} =} fd_local_vol (@var{problem}, @var{S}, @var{t})
## Local volatility of a local-volatility @var{problem} at prices @var{S} and
## calendar times @var{t} (arrays of one size, or one of them scalar).
##
## Model @qcode{"local-vol-parametric"} is @code{local_vol_parametric};
## model @qcode{"local-vol-implied-surface"} is @code{local_vol_surface}
## for the spot @code{problem.S}, which must then be a single price (the
## surface, and so the local volatility, depends on the spot priced).
## @end deftypefn

function sigma = fd_local_vol (problem, S, t)
  if (nargin != 3)
    print_usage ();
  endif
  switch (problem.model)
    case "local-vol-parametric"
      sigma = local_vol_parametric (S, t);
    case "local-vol-implied-surface"
      if (! isscalar (problem.S))
        error ("fd_local_vol: the implied surface needs a single spot S");
      endif
      sigma = local_vol_surface (S, t, problem.S, problem.r);
    otherwise
      error ("fd_local_vol: model '%s' has no local volatility", problem.model);
  endswitch
endfunction

%!test
%! p = struct ("model", "local-vol-parametric");
%! assert (fd_local_vol (p, [100 120], [0 0]), local_vol_parametric ([100 120], 0));
%! p = struct ("model", "local-vol-implied-surface", "S", 100, "r", 0.03);
%! assert (fd_local_vol (p, 90, 0.5), local_vol_surface (90, 0.5, 100, 0.03));
%!error <single spot>
%! p = struct ("model", "local-vol-implied-surface", "S", [90 100], "r", 0);
%! fd_local_vol (p, 90, 0.5);
%!error <no local volatility> fd_local_vol (struct ("model", "merton"), 1, 1)
