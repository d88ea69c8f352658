## -*- texinfo -*-
## @deftypefn {} {@var{Y} =} qmcs_bs_values (@var{payoff}, @var{output}, @var{S}, @var{z}, @var{K}, @var{T}, @var{r}, @var{sigma}, @var{B})
## Antithetic per-point values of a Black-Scholes price or Greek at the
## spots @var{S}: column @var{i} of @var{Y} is the mean of
## @code{mc_terminal} at @var{z} and at @math{-z} for spot @code{S(i)}.
##
## With a finite up-and-out barrier @var{B} (prices), each value is
## weighted by the probability that the Brownian bridge of the log price
## from @math{\ln S_0} to @math{\ln S_T} stays below @math{\ln B},
## @math{1 - \exp(-2 \ln(B/S_0) \ln(B/S_T) / (\sigma^2 T))} when both ends
## lie below it (Glasserman sec. 6.4): the conditional expectation of the
## continuously monitored knock-out given @math{S_T}, exact for GBM.
## @end deftypefn

function Y = qmcs_bs_values (payoff, output, S, z, K, T, r, sigma, B)
  if (nargin != 9)
    print_usage ();
  endif
  Y = zeros (numel (z), numel (S));
  for i = 1:numel (S)
    for sgn = [1 -1]
      y = mc_terminal (payoff, output, S(i), sgn * z, K, T, r, sigma);
      if (isfinite (B))
        ST = S(i) * exp ((r - sigma ^ 2 / 2) * T + sigma * sqrt (T) * sgn * z);
        w = zeros (size (ST));
        if (S(i) < B)
          in = ST < B;
          w(in) = -expm1 (-2 * log (B / S(i)) * log (B ./ ST(in)) / (sigma ^ 2 * T));
        endif
        y .*= w;
      endif
      Y(:,i) += y / 2;
    endfor
  endfor
endfunction

%!test
%! z = [-1; 0.5];
%! Y = qmcs_bs_values ("call", "price", [90 110], z, 100, 1, 0.03, 0.2, Inf);
%! e = @(S, z) mc_terminal ("call", "price", S, z, 100, 1, 0.03, 0.2);
%! assert (Y, [(e(90, z) + e(90, -z)) / 2, (e(110, z) + e(110, -z)) / 2]);
%!test
%! ## knocked out at the start; weights in [0, 1]
%! Y = qmcs_bs_values ("call", "price", [130 100], [0; 1; -1], 100, 1, 0.03, 0.2, 125);
%! assert (Y(:,1), zeros (3, 1));
%! assert (all (Y(:,2) >= 0 & Y(:,2) <= qmcs_bs_values ("call", "price", 100, [0; 1; -1], 100, 1, 0.03, 0.2, Inf)));
%!error qmcs_bs_values ("call", "price", 100, 0, 100, 1, 0.03, 0.2)
