## -*- texinfo -*-
## @deftypefn {} {@var{need} =} rbfx_check_params (@var{problem}, @var{who}, @var{need})
## Check the parameters of a one-dimensional @var{problem} whose descriptors
## are valid (@pxref{rbfx_check_descriptors}), or fail with an error naming
## what is wrong.
##
## @var{need} lists the parameters the model needs besides those the
## descriptors imply: sigma for @qcode{"black-scholes"} and
## @qcode{"black-scholes-dividend"} (output @qcode{"vega"} needs one of
## them), D and alpha for the dividend, B for an up-and-out barrier.  Every
## needed field must be present; S a vector of positive finite prices; K,
## T, sigma, B, V0, kappa, theta, sigma_v positive finite scalars; r a
## finite real scalar; -1 < rho < 1; 0 <= D < 1 and 0 < alpha < 1
## (@pxref{pde_check_params}).
## Messages start with @var{who} (the method's check function) and a colon.
## The output @var{need} is the input's list with the implied names added:
## every parameter the pricing of @var{problem} reads.
## @end deftypefn

function need = rbfx_check_params (p, who, need)
  if (nargin != 3)
    print_usage ();
  endif
  if (! ischar (who) || ! iscellstr (need))
    error ("rbfx_check_params: WHO must be a string and NEED a cell of names");
  endif
  if (any (strcmp (p.model, {"black-scholes", "black-scholes-dividend"})))
    need{end+1} = "sigma";
  elseif (strcmp (p.output, "vega"))
    error ("%s: output 'vega' needs a constant volatility", who);
  endif
  if (strcmp (p.model, "black-scholes-dividend"))
    need = [need, {"D", "alpha"}];
  endif
  if (strcmp (p.barrier, "up-and-out"))
    need{end+1} = "B";
  endif
  pde_check_params (p, who, need);
endfunction

%!shared need
%! need = {"S", "K", "T", "r"};
%!test
%! assert (rbfx_check_params (benchop_problem ("2-am"), "f", need),
%!         [need, {"sigma", "D", "alpha"}]);
%! assert (rbfx_check_params (benchop_problem ("1c-I"), "f", need),
%!         [need, {"sigma", "B"}]);
%! assert (rbfx_check_params (benchop_problem ("3-I"), "f", need), need);
%!error <f: S must be> rbfx_check_params (benchop_problem ("1a-I", "S", []), "f", need)
%!error <f: sigma must be> rbfx_check_params (benchop_problem ("1a-I", "sigma", 0), "f", need)
%!error <f: r must be> rbfx_check_params (benchop_problem ("1a-I", "r", Inf), "f", need)
%!error <f: D must be> rbfx_check_params (benchop_problem ("2-eu", "D", 1), "f", need)
%!error <f: alpha must be> rbfx_check_params (benchop_problem ("2-eu", "alpha", 0), "f", need)
%!error <PROBLEM lacks field 'K'> rbfx_check_params (rmfield (benchop_problem ("1a-I"), "K"), "f", need)
%!error <f: rho must be>
%! p = benchop_problem ("4", "rho", -1);
%! rbfx_check_params (p, "f", [need, {"V0", "kappa", "theta", "sigma_v", "rho"}]);
%!error <constant volatility>
%! p = benchop_problem ("3-I");
%! p.output = "vega";
%! rbfx_check_params (p, "f", need);
%!error <NEED a cell> rbfx_check_params (benchop_problem ("1a-I"), "f", 1)
%!error rbfx_check_params (1, 2)
