## -*- texinfo -*-
## @deftypefn {} {} fourier_check_descriptors (@var{caller}, @var{problem}, @var{barriers})
## Check the descriptors a Fourier method's check prices by: the payoff
## (a call or a put; the exchange payoff for the two-asset model), the
## output (the price or a Greek), the exercise (European or American) and
## the barrier, one of the cell array @var{barriers}.  An unsupported one
## is an error naming @var{caller}.
## @end deftypefn

function fourier_check_descriptors (caller, problem, barriers)
  if (nargin != 3)
    print_usage ();
  endif
  model = problem.model;
  payoff = problem.payoff;
  if (strcmp (model, "black-scholes-2d"))
    if (! strcmp (payoff, "exchange"))
      error ("%s: payoff '%s' is not supported for model %s", caller, payoff,
             model);
    endif
  elseif (! any (strcmp (payoff, {"call", "put"})))
    error ("%s: payoff '%s' is not supported", caller, payoff);
  endif
  if (! any (strcmp (problem.output, {"price", "delta", "gamma", "vega"})))
    error ("%s: output '%s' is not supported", caller, problem.output);
  endif
  if (! any (strcmp (problem.exercise, {"european", "american"})))
    error ("%s: exercise '%s' is not supported", caller, problem.exercise);
  endif
  if (! any (strcmp (problem.barrier, barriers)))
    error ("%s: barrier '%s' is not supported", caller, problem.barrier);
  endif
endfunction

%!test
%! fourier_check_descriptors ("x_check", benchop_problem ("1a-I"), {"none"});
%! fourier_check_descriptors ("x_check", benchop_problem ("6"), {"none"});
%!error <x_check: barrier 'up-and-out' is not supported>
%! fourier_check_descriptors ("x_check", benchop_problem ("1c-I"), {"none"});
%!error <x_check: payoff 'digital' is not supported>
%! p = benchop_problem ("1a-I");
%! p.payoff = "digital";
%! fourier_check_descriptors ("x_check", p, {"none"});
%!error <x_check: payoff 'call' is not supported for model black-scholes-2d>
%! p = benchop_problem ("6");
%! p.payoff = "call";
%! fourier_check_descriptors ("x_check", p, {"none"});
%!error <x_check: output 'theta' is not supported>
%! p = benchop_problem ("1a-I");
%! p.output = "theta";
%! fourier_check_descriptors ("x_check", p, {"none"});
%!error <x_check: exercise 'bermudan' is not supported>
%! p = benchop_problem ("1a-I");
%! p.exercise = "bermudan";
%! fourier_check_descriptors ("x_check", p, {"none"});
%!error <Invalid call>
%! fourier_check_descriptors ("x_check", benchop_problem ("1a-I"));
