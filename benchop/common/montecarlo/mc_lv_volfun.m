## -*- texinfo -*-
## @deftypefn {} {@var{volfun} =} mc_lv_volfun (@var{model}, @var{S0}, @var{r})
## Local volatility function of a benchmark local volatility model, for
## the paths that start at spot @var{S0}.
##
## @var{model} is @qcode{"local-vol-parametric"} (@pxref{local_vol_parametric})
## or @qcode{"local-vol-implied-surface"} (@pxref{local_vol_surface}, with
## rate @var{r}); @var{volfun} is the handle @code{@var{volfun} (S, t)}
## that @code{mc_lv_table} tabulates.
## @end deftypefn

function volfun = mc_lv_volfun (model, S0, r)
  if (nargin != 3)
    print_usage ();
  endif
  switch (model)
    case "local-vol-parametric"
      volfun = @local_vol_parametric;
    case "local-vol-implied-surface"
      ## each spot has its own local volatility (the surface is quoted
      ## relative to its forward)
      volfun = @(x, t) local_vol_surface (x, t, S0, r);
    otherwise
      error ("mc_lv_volfun: unknown local volatility model '%s'", model);
  endswitch
endfunction

%!test
%! f = mc_lv_volfun ("local-vol-parametric", 100, 0.03);
%! assert (f (100, 0.5), local_vol_parametric (100, 0.5));
%! f = mc_lv_volfun ("local-vol-implied-surface", 90, 0.03);
%! assert (f ([80 100], 0.5), local_vol_surface ([80 100], 0.5, 90, 0.03));
%!error <unknown local volatility model> mc_lv_volfun ("heston", 100, 0.03)
%!error mc_lv_volfun ("local-vol-parametric", 100)
