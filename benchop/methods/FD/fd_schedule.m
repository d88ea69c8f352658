## -*- texinfo -*-
## @deftypefn {} {[@var{tnew}, @var{a}, @var{cn}, @var{kj}] =} fd_schedule (@var{g})
## Sub-steps of a Crank-Nicolson march with Rannacher starts over the time
## levels @code{@var{g}.tau} of grid @var{g} (@pxref{fd_grid}).
##
## The first two steps of the march, and the first two after a dividend
## date @code{@var{g}.kd} (whose jump condition leaves a kink, as the
## payoff does), are each replaced by two implicit Euler half steps
## (Rannacher 1984; Giles and Carter 2006); the rest are Crank-Nicolson.
## For sub-step k, @var{tnew}(k) is its end (time to maturity),
## @var{a}(k) = dt/2 of its full step (the matrix is I - a A in both kinds)
## and @var{cn}(k) is true for Crank-Nicolson.  @var{kj} is the sub-step
## before which the dividend jump is applied (numel (@var{a}) + 1: after
## the last; empty without dividend).
## @end deftypefn

function [tnew, a, cn, kj] = fd_schedule (g)
  if (nargin != 1)
    print_usage ();
  endif
  dt = diff (g.tau);
  M = numel (dt);
  st = unique ([1, g.kd]);
  st = st(st <= M);
  rann = false (1, M);
  rann(min ([st, st + 1], M)) = true;
  k = repelem (1:M, 1 + rann);
  first = [true, diff(k) != 0];     # first sub-step of its step
  half = rann(k) & first;           # first implicit half of a split step
  tnew = g.tau(k + 1) - half .* dt(k) / 2;
  a = dt(k) / 2;
  cn = ! rann(k);
  kj = [];
  if (! isempty (g.kd))
    kj = find (first & k == g.kd, 1);
    if (isempty (kj))
      kj = numel (a) + 1;
    endif
  endif
endfunction

%!test
%! g = struct ("tau", 0:0.1:1, "kd", 6);
%! [tnew, a, cn, kj] = fd_schedule (g);
%! assert (numel (a), 10 + 4);
%! assert (tnew(1:4), [0.05 0.1 0.15 0.2], 1e-12);
%! assert (cn, [false(1,4) true(1,3) false(1,4) true(1,3)]);
%! assert (tnew(kj), 0.55, 1e-12);
%! assert (a, 0.05 * ones (1, 14), 1e-12);
%!test
%! ## Dividend at maturity side (level 1) or at the end.
%! [~, ~, ~, kj] = fd_schedule (struct ("tau", 0:0.25:1, "kd", 1));
%! assert (kj, 1);
%! [~, a, ~, kj] = fd_schedule (struct ("tau", 0:0.25:1, "kd", 5));
%! assert (kj, numel (a) + 1);
%! [~, ~, ~, kj] = fd_schedule (struct ("tau", 0:0.25:1, "kd", []));
%! assert (isempty (kj));
