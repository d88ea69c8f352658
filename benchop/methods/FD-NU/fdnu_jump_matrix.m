## -*- texinfo -*-
## @deftypefn {} {[@var{J}, @var{e}] =} fdnu_jump_matrix (@var{S}, @var{gamma}, @var{delta}, @var{slopes})
## Quadrature of the Merton jump integral on the grid @var{S}.
##
## Row i of @code{@var{J} * U + @var{e}} approximates
## E[U(S_i e^Y)] with Y normal(@var{gamma}, @var{delta}^2), i.e. the integral
## of U against the lognormal density of z = S_i e^Y.  U is taken piecewise
## linear between the nodes, and linear with the slopes
## @code{@var{slopes} = [s_left s_right]} beyond the ends (the asymptotic
## slope of the payoff: 0 and 1 for a call), and that piecewise linear
## function is integrated exactly against the density, through normal
## probabilities and partial means.  The rule is second order, positive,
## preserves constants, and stays accurate when the density is narrow
## compared with the spacing far from the strike.  The rows of the two end
## nodes are zero (Dirichlet nodes).
## @end deftypefn

function [J, e] = fdnu_jump_matrix (S, gamma, delta, slopes)
  if (nargin != 4)
    print_usage ();
  endif
  z = S(:).';                          # integration nodes, a row
  n = numel (z);
  Si = S(2:n-1)(:);                    # rows: interior nodes
  m = exp (gamma + delta^2 / 2);
  Phi = @(x) 0.5 * erfc (-x / sqrt (2));
  lz = log (max (z, realmin));
  d = (lz - log (Si) - gamma) / delta;   # (n-2)-by-n
  P = Phi (d);                         # P(Z <= z_j)
  E = Si * m .* Phi (d - delta);       # E[Z; Z <= z_j]
  dP = diff (P, 1, 2);
  dE = diff (E, 1, 2);
  h = diff (z);
  ## Hat-function weights on each interval [z_j, z_j+1].
  wl = (z(2:end) .* dP - dE) ./ h;     # weight of U_j
  wr = (dE - z(1:end-1) .* dP) ./ h;   # weight of U_j+1
  Jin = [wl, zeros(n-2, 1)] + [zeros(n-2, 1), wr];
  ## Tails: U(z) = U_1 + s_l (z - z_1) below, U_n + s_r (z - z_n) above.
  Pl = P(:, 1); El = E(:, 1);
  Pr = 1 - P(:, n); Er = Si * m - E(:, n);
  Jin(:, 1) += Pl;
  Jin(:, n) += Pr;
  e = [0; slopes(1) * (El - z(1) * Pl) + slopes(2) * (Er - z(n) * Pr); 0];
  J = [zeros(1, n); Jin; zeros(1, n)];
endfunction

%!test
%! ## Preserves constants and reproduces E[S e^Y] for U = S.
%! S = [0 cumsum(0.5 + mod((1:200) * 0.37, 1))];
%! [J, e] = fdnu_jump_matrix (S, -0.3, 0.4, [1 1]);
%! k = 2:numel (S) - 1;
%! v = J * ones (numel (S), 1);
%! assert (v(k), ones (numel (k), 1), 1e-12);
%! v = J * S(:) + e;
%! assert (v(k), S(k).' * exp (-0.3 + 0.08), -1e-12);
%!error fdnu_jump_matrix (1, 2, 3)
