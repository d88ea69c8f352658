## -*- texinfo -*-
## @deftypefn {} {@var{p} =} mc_descriptor_codes (@var{q})
## The Monte Carlo methods' problem descriptors as numbers: @var{q} (as
## @code{mc_check_problem} returns it) without its model, payoff, exercise,
## barrier and output strings, with @code{kind} (1 Black-Scholes,
## 2 with a dividend, 3 parametric local volatility, 4 local volatility from
## the implied surface, 5 Heston, 6 Merton, 7 two assets), @code{put} (true
## for a put) and @code{greek} (0 price, 1 delta, 2 gamma, 3 vega), so that
## the timed pricing branches on numbers, never on strings.
## @end deftypefn

function p = mc_descriptor_codes (q)
  if (nargin != 1)
    print_usage ();
  endif
  models = {"black-scholes", "black-scholes-dividend", "local-vol-parametric", ...
            "local-vol-implied-surface", "heston", "merton", "black-scholes-2d"};
  outputs = {"price", "delta", "gamma", "vega"};
  p = rmfield (q, {"model", "payoff", "exercise", "barrier", "output"});
  p.kind = find (strcmp (q.model, models));
  p.put = strcmp (q.payoff, "put");
  p.greek = find (strcmp (q.output, outputs)) - 1;
endfunction

%!test
%! p = mc_descriptor_codes (mc_check_problem (benchop_problem ("1a-I-vega"), 1, 14, "f"));
%! assert ([p.kind, p.put, p.greek], [1 0 3]);
%! assert (! isfield (p, "model") && ! isfield (p, "output"));
%!test
%! p = mc_descriptor_codes (mc_check_problem (benchop_problem ("4"), 1, 14, "f"));
%! assert (p.kind, 5);
%!error mc_descriptor_codes ()
