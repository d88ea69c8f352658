## -*- texinfo -*-
## @deftypefn {} {@var{u} =} fd_dividend (@var{problem}, @var{g}, @var{u})
## Apply the jump condition of a discrete proportional dividend to the grid
## values @var{u} at its date tau_d = @code{@var{g}.tau(@var{g}.kd)}.
##
## Across the date the price drops from S to (1 - D) S, so
## U(S, tau_d+) = U((1 - D) S, tau_d-) (tau_d+ before the dividend in
## calendar time): in y = ln S + c tau a shift by ln (1 - D), which is
## @code{@var{g}.shift} whole nodes (@pxref{fd_grid}), so no interpolation
## error enters.  The lowest nodes, whose shifted points fall below the
## grid, take the far-field value of @ref{fd_boundary}.  An American option
## may be exercised just before the dividend: the value is then
## max (U, exercise value), which has a kink where the two meet, between
## nodes.  Sampled at the nodes, such a kink leaves an O(h^2) error whose
## constant jumps with its position in the cell, which would spoil the
## Richardson extrapolation; so, as for nonsmooth payoffs (Pooley, Vetzal
## and Forsyth 2003), the two nodes around it take the cell average of
## max (d, 0), d = U - exercise value, taken linear between them.
## @end deftypefn

function u = fd_dividend (problem, g, u)
  if (nargin != 3)
    print_usage ();
  endif
  s = g.shift;
  taud = g.tau(g.kd);
  y = g.y;
  if (s > 0)
    Sb = exp (y(1:s) - s * g.h - g.c * taud);
    u = [fd_boundary(problem, Sb, taud); u(1:end-s)];
  endif
  if (strcmp (problem.exercise, "american"))
    p = fd_payoff (problem.payoff, exp (y - g.c * taud), problem.K);
    d = u - p;
    u = p + max (d, 0);
    ## Sign changes of d between nodes j and j+1 (away from the ends).
    j = find ((d(2:end-2) > 0) != (d(3:end-1) > 0)) + 1;
    for i = j.'
      s = d(i+1) - d(i);          # slope of d times h
      for k = [i, i+1]
        ## d at the cell ends y_k -+ h/2, on the line through the two nodes.
        e = d(i) + s * ((k - i) + [-0.5, 0.5]);
        if (all (e >= 0))
          av = mean (e);
        elseif (all (e <= 0))
          av = 0;
        else
          av = max (e)^2 / (2 * abs (s));
        endif
        u(k) = p(k) + av;
      endfor
    endfor
  endif
endfunction

%!test
%! p = struct ("model", "black-scholes-dividend", "payoff", "call",
%!             "exercise", "european", "K", 1, "r", 0, "D", 0.5,
%!             "alpha", 0.5, "T", 1);
%! g = struct ("y", log (2) * (-3:3).', "h", log (2), "shift", 1, "c", 0,
%!             "tau", [0 0.5 1], "kd", 2);
%! u = exp (g.y);
%! assert (fd_dividend (p, g, u), [0; u(1:end-1)], 1e-12);
%! p.exercise = "american";
%! assert (fd_dividend (p, g, u)(end), 7, 1e-12);
