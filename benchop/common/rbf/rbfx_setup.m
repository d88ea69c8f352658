## -*- texinfo -*-
## @deftypefn {} {@var{P} =} rbfx_setup (@var{problem}, @var{S})
## Frame, domain and coefficients of the pricing PDE of @var{problem} for
## the evaluation points @var{S} (a row).
##
## The PDE is solved backwards in tau = T - t in the coordinate
## y = ln (S/K) + c tau, which moves with speed c.  Away from a barrier
## c = r - sigma0^2/2 (sigma0 the volatility at the strike), so that for
## constant volatility the drift vanishes and only diffusion remains: the
## convection-dominated set II (sigma 0.01, r 0.1) then needs no more
## nodes than set I, relative to sigma sqrt(T).  A barrier within reach is a
## fixed boundary, y_hi = ln (B/K), with c = 0.  American exercise also
## takes c = 0: its free boundary stays near the strike in the fixed frame
## (in the moving frame it would sweep across the nodes).
##
## The domain covers the strike (y = 0) and the evaluation points at
## tau = T (y = ln (S/K) + c T) with 8 standard deviations s = sigmaR
## sqrt(T) on either side (sigmaR the largest root-mean-square volatility
## over time within 2 standard deviations of the strike), where the
## far-field values used as boundary conditions are exact to about
## exp(-32).
##
## @var{P} has fields @code{K}, @code{T}, @code{r}, @code{c}, @code{s},
## @code{ylo}, @code{yhi}, @code{vol} (a handle vol (S, t), t calendar
## time), @code{const_vol}, @code{sigma} (constant volatility or NaN),
## @code{call}, @code{american}, @code{barrier} (true when the upper end is
## the barrier), @code{D} and @code{taud} (the dividend and its date in
## tau; @code{taud} = Inf without dividend), @code{vega}, @code{S} and
## @code{ye} (the evaluation points at tau = T).
## @end deftypefn

function P = rbfx_setup (problem, S)
  if (nargin != 2)
    print_usage ();
  endif
  K = problem.K;
  T = problem.T;
  r = problem.r;
  P = struct ("K", K, "T", T, "r", r, "S", S(:).', "sigma", NaN,
              "const_vol", false, "call", strcmp (problem.payoff, "call"),
              "american", strcmp (problem.exercise, "american"),
              "barrier", false, "D", 0, "taud", Inf,
              "vega", strcmp (problem.output, "vega"));
  switch (problem.model)
    case {"black-scholes", "black-scholes-dividend"}
      sig = problem.sigma;
      P.vol = @(S, t) sig * ones (size (S));
      P.const_vol = true;
      P.sigma = sig;
    case "local-vol-parametric"
      P.vol = @(S, t) local_vol_parametric (S, t);
    case "local-vol-implied-surface"
      S0 = S(1);
      P.vol = @(S, t) local_vol_surface (S, t, S0, r);
  endswitch
  if (strcmp (problem.model, "black-scholes-dividend"))
    P.D = problem.D;
    P.taud = (1 - problem.alpha) * T;
  endif

  ## Volatility scale: the root-mean-square volatility over the life of
  ## the option, at its largest within 2 standard deviations of the strike
  ## (the wings of a local volatility are large at short times but carry
  ## little variance).
  sig0 = P.vol (K, 0);
  [SS, tt] = meshgrid (K * exp (2 * sig0 * sqrt (T) * linspace (-1, 1, 9)),
                       linspace (0, T, 9));
  sigR = sqrt (max (mean (real (P.vol (SS, tt)).^2, 1)));
  s = sigR * sqrt (T);
  z = log (S(:).' / K);
  L = 8;
  c = r - sig0^2 / 2;
  if (strcmp (problem.barrier, "up-and-out"))
    zb = log (problem.B / K);
    ## Within reach of the points or of the strike: the barrier bounds the
    ## domain in the fixed frame.  Otherwise it is never hit (probability
    ## below exp(-32)) and the problem is a European one.
    if (zb < max ([z, 0, z + c * T]) + L * s)
      P.barrier = true;
      c = 0;
    endif
  endif
  if (P.american && ! P.barrier)
    ## The free boundary stays near the strike in the fixed frame; moving
    ## would sweep it across the nodes.
    c = 0;
  endif
  ze = z + c * T;
  P.ye = ze;
  P.ylo = min ([ze, 0]) - L * s;
  if (P.barrier)
    P.yhi = zb;
  else
    P.yhi = max ([ze, 0]) + L * s;
  endif
  P.c = c;
  P.s = s;
endfunction

%!test
%! P = rbfx_setup (benchop_problem ("1a-II"), [97 98 99]);
%! assert (P.c, 0.1 - 0.01^2 / 2, 1e-15);
%! assert (P.s, 0.005, 1e-15);
%! assert (P.ylo < log (0.97) + P.c * 0.25 - 0.039);
%!test
%! P = rbfx_setup (benchop_problem ("1c-I"), [90 100 110]);
%! assert (P.barrier);
%! assert ([P.c P.yhi], [0 log(1.25)], 1e-15);
%!test
%! P = rbfx_setup (benchop_problem ("1c-II"), [97 98 99]);
%! assert (! P.barrier);
%!error rbfx_setup (1)
