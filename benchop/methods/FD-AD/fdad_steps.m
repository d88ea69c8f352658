## -*- texinfo -*-
## @deftypefn {} {@var{st} =} fdad_steps (@var{T}, @var{M}, @var{tau_d}, @var{grade})
## The time steps of a march over time to maturity [0, @var{T}] with about
## @var{M} steps: a struct with rows @code{dt} (step sizes), @code{theta}
## (1 for implicit Euler, 0.5 for Crank-Nicolson) and the scalar
## @code{jump} (the number of steps after which the dividend's jump
## condition applies, 0 for none).
##
## @var{tau_d} (empty for none) splits [0, @var{T}] at the dividend's time
## to maturity; each segment gets steps in proportion to its length, at
## least four.  Within a segment the step times are graded as
## tau = len @var{grade} (k/m), @var{grade} an increasing map of [0, 1]
## onto itself, e.g. s^2, so the steps are small where the payoff (or the
## jump) has just made the solution non-smooth and grow as the diffusion
## smooths it (s^2 (3 - 2 s) also refines toward the end, where a local
## volatility changes fast near calendar time 0).  The first eighth of the
## steps (at least two) are each replaced by two implicit Euler half steps
## (Rannacher's start, longer than the usual two steps because the graded
## steps are small): they damp the non-smooth data's high frequencies,
## which Crank-Nicolson would carry into the Greeks, and keep second
## order.
## @end deftypefn

function st = fdad_steps (T, M, tau_d, grade)
  if (nargin != 4)
    print_usage ();
  endif
  edges = [0, tau_d(:).', T];
  dt = theta = [];
  jump = 0;
  for k = 1:numel (edges) - 1
    len = edges(k+1) - edges(k);
    m = max (4, round (M * len / T));
    h = diff (len * grade ((0:m) / m));
    ie = max (2, ceil (m / 8));
    dt = [dt, repelem(h(1:ie), 2) / 2, h(ie+1:end)];
    theta = [theta, ones(1, 2 * ie), 0.5 * ones(1, m - ie)];
    if (k == 1 && numel (edges) > 2)
      jump = numel (dt);
    endif
  endfor
  st = struct ("dt", dt, "theta", theta, "jump", jump);
endfunction

%!test
%! st = fdad_steps (1, 10, [], @(s) s.^2);
%! assert (sum (st.dt), 1, 1e-14);
%! assert (numel (st.dt), 12);
%! assert (st.theta(1:5), [1 1 1 1 0.5]);
%! st = fdad_steps (1, 40, [], @(s) s.^2);
%! assert (sum (st.theta == 1), 10);
%! assert (all (diff (st.dt(st.theta == 0.5)) > 0));
%! assert (st.jump, 0);
%!test
%! st = fdad_steps (2, 20, 0.5, @(s) s.^2 .* (3 - 2 * s));
%! assert (sum (st.dt(1:st.jump)), 0.5, 1e-14);
%! assert (sum (st.dt), 2, 1e-14);
%! assert (st.theta(st.jump + (1:4)), [1 1 1 1]);
%!error fdad_steps (1, 2)
