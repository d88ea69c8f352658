## -*- texinfo -*-
## @deftypefn {} {@var{y} =} mc_discounted_payoff (@var{ST}, @var{K}, @var{r}, @var{T}, @var{put})
## The payoff of a call (@var{put} false) or a put with strike @var{K} at
## the terminal prices @var{ST}, discounted at rate @var{r} over @var{T}.
## It checks nothing: it runs inside the timed pricing.
## @end deftypefn

function y = mc_discounted_payoff (ST, K, r, T, put)
  if (put)
    y = exp (-r * T) * max (K - ST, 0);
  else
    y = exp (-r * T) * max (ST - K, 0);
  endif
endfunction

%!assert (mc_discounted_payoff ([90; 110], 100, 0, 1, false), [0; 10])
%!assert (mc_discounted_payoff ([90; 110], 100, 0, 1, true), [10; 0])
%!assert (mc_discounted_payoff (110, 100, 0.05, 2, false), 10 * exp (-0.1), 1e-15)
