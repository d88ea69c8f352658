## -*- texinfo -*-
## @deftypefn {} {[@var{c1}, @var{c2}, @var{c4}, @var{h}] =} cos_cumulants (@var{logcf})
## First, second and fourth cumulants of a distribution from the logarithm
## of its characteristic function, @var{logcf}, a function handle of a
## row of real @math{u}.
##
## Near 0, @math{\log \phi(u) = i c_1 u - c_2 u^2/2 - i c_3 u^3/6 + c_4
## u^4/24 + \dots}; the real and imaginary parts at @math{h} and
## @math{2 h} give @math{c_1}, @math{c_2} and @math{c_4} with errors of
## order @math{h^2} relative.  @var{h} is taken where
## @math{-\mathrm{Re} \log \phi} is about 0.05, so that the step suits
## the distribution's own scale and round-off stays far below the terms
## kept.  These cumulants set the COS truncation range (Fang and
## Oosterlee 2008, eq. 49), for any model whose characteristic function
## is at hand.
## @end deftypefn

function [c1, c2, c4, h] = cos_cumulants (logcf)
  if (nargin != 1)
    print_usage ();
  endif
  u = 2 .^ (-30:0.25:30);
  R = -real (logcf (u));
  j = find (R <= 0.05, 1, "last");
  if (isempty (j) || j == numel (u))
    error ("cos_cumulants: the distribution's scale is out of range");
  endif
  h = u(j);
  f = logcf ([h, 2*h]);
  R1 = real (f(1));
  R2 = real (f(2));
  c4 = max (2 * (R2 - 4 * R1) / h^4, 0);
  c2 = (c4 * h^4 / 12 - 2 * R1) / h^2;
  c1 = (8 * imag (f(1)) - imag (f(2))) / (6 * h);
endfunction

%!test
%! ## Normal: c1 = m, c2 = s^2, c4 = 0.
%! [c1, c2, c4] = cos_cumulants (@(u) 1i * u * 0.3 - 0.04 * u .^ 2 / 2);
%! assert ([c1 c2], [0.3 0.04], 1e-12);
%! assert (c4 < 1e-10);
%!test
%! ## Normal plus compound Poisson normal jumps: closed-form cumulants.
%! lam = 0.4; g = -0.5; d = 0.4; s2 = 0.0225;
%! f = @(u) -s2 * u .^ 2 / 2 + lam * expm1 (1i * u * g - d^2 * u .^ 2 / 2);
%! [c1, c2, c4] = cos_cumulants (f);
%! assert (c1, lam * g, -0.02);
%! assert (c2, s2 + lam * (g^2 + d^2), -0.01);
%! ## Rough, which is enough for a truncation range.
%! assert (c4, lam * (g^4 + 6 * g^2 * d^2 + 3 * d^4), -0.2);
%!error cos_cumulants ()
%!error <scale is out of range> cos_cumulants (@(u) zeros (size (u)))
