## -*- texinfo -*-
## @deftypefn {} {@var{y} =} rbfpum_nodes (@var{P}, @var{N}, @var{kw}, @var{beta})
## About @var{N} nodes (a sorted column) on the domain [P.ylo, P.yhi] of
## setup @var{P} (@pxref{rbfx_setup}), clustered at the strike y = 0 with
## a gently graded spacing.
##
## The nodes are equidistant in F (y) = asinh (y / w) + @var{beta} y / s,
## w = s / @var{kw}, s = P.s a standard deviation of ln S_T: the spacing is
## about w dF at the strike, where the payoff's kink is, and grows to at
## most s dF / @var{beta} in the tails.  Neighbouring spacings never differ
## by more than a factor of about 1 + dF, which the local approximations of
## high degree on each patch need (on strongly graded nodes their
## collocation matrices get eigenvalues of the wrong sign).  With an
## up-and-out barrier (P.barrier), F gains asinh ((y - yb) / w): the payoff
## jumps to zero there.  The strike is a node when inside the domain, and
## the barrier is the last node.  Part of the timed pricing: it checks
## nothing.
## @end deftypefn

function y = rbfpum_nodes (P, N, kw, beta)
  if (nargin != 4)
    print_usage ();
  endif
  s = P.s;
  w = s / kw;
  yb = P.yhi;
  if (P.barrier)
    F = @(y) asinh (y / w) + beta * y / s + asinh ((y - yb) / w) ...
             - asinh (-yb / w);
  else
    F = @(y) asinh (y / w) + beta * y / s;
  endif
  Flo = F (P.ylo);
  Fhi = F (P.yhi);
  dF = (Fhi - Flo) / (N - 1);
  if (P.yhi <= 0 || P.ylo >= 0)
    f = linspace (Flo, Fhi, N);
  else
    ## The strike (F = 0) a node; the ends move out to the next node.
    f = (-ceil (-Flo / dF - 1e-9):ceil (Fhi / dF - 1e-9)) * dF;
    if (P.barrier)
      f(end) = Fhi;
    endif
  endif
  ## Invert F by Newton's method from the linear guess (F is increasing
  ## and concave-convex: the iteration converges from y = f s / beta).
  y = f(:) * s / (beta + kw);
  for it = 1:60
    if (P.barrier)
      dFy = 1 ./ sqrt (w^2 + y.^2) + beta / s + 1 ./ sqrt (w^2 + (y - yb).^2);
    else
      dFy = 1 ./ sqrt (w^2 + y.^2) + beta / s;
    endif
    dy = (F (y) - f(:)) ./ dFy;
    y -= dy;
    if (max (abs (dy)) < 1e-13 * s)
      break;
    endif
  endfor
  y(f == 0) = 0;
  if (P.barrier)
    y(end) = yb;
  endif
endfunction

%!test
%! P = struct ("s", 0.15, "ylo", -1.2, "yhi", 1.4, "barrier", false);
%! y = rbfpum_nodes (P, 60, 8, 2);
%! assert (any (y == 0));
%! assert (y(1) <= -1.2 && y(end) >= 1.4);
%! assert (all (diff (y) > 0));
%! assert (abs (numel (y) - 60) <= 2);
%! assert (max (abs (diff (diff (y)) ./ diff (y)(1:end-1))) < 0.5);
%! P.barrier = true;
%! y = rbfpum_nodes (P, 60, 8, 2);
%! assert (y(end), 1.4);
%! assert (all (diff (y) > 0));
%!error rbfpum_nodes (1)
