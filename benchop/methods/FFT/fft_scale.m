## -*- texinfo -*-
## @deftypefn {} {[@var{c1}, @var{s}, @var{lm}] =} fft_scale (@var{logcf})
## Centre and scale of a log-return distribution for the Carr-Madan grid,
## from the logarithm of its characteristic function @var{logcf} (a
## function handle of real or complex @math{u}).
##
## @var{c1} is the mean of the log return, from the imaginary part of
## @math{\log \phi} at @math{h} and @math{2 h}, where
## @math{-\mathrm{Re} \log \phi(h)} is about 0.05
## (@math{\mathrm{Im} \log \phi(u) = c_1 u - c_3 u^3 / 6 + \dots}).
## @var{s} is the scale on which the option price varies with the log
## strike: @math{8.5 / v_{36}}, @math{v_{36}} being where
## @math{|\phi|} has decayed to @math{e^{-36}}; for a normal
## distribution it is the standard deviation, and for jump models it is
## the scale of the diffusion, the finest in the density.  @var{lm} is
## @math{\log E[S_T / S_0] = \log \phi(-i)}.
## @end deftypefn

function [c1, s, lm] = fft_scale (logcf)
  if (nargin != 1)
    print_usage ();
  endif
  u = 2 .^ (-30:0.125:30);
  R = real (logcf (u));
  j = find (R >= -0.05, 1, "last");
  k = find (R < -36, 1);
  if (isempty (j) || isempty (k) || j == numel (u) || k == 1)
    error ("fft_scale: the distribution's scale is out of range");
  endif
  h = u(j);
  f = logcf ([h, 2*h]);
  c1 = (8 * imag (f(1)) - imag (f(2))) / (6 * h);
  ## Interpolate the e^{-36} point linearly between the grid points.
  v36 = u(k-1) + (u(k) - u(k-1)) * (-36 - R(k-1)) / (R(k) - R(k-1));
  s = 8.5 / v36;
  lm = real (logcf (-1i));
endfunction

%!test
%! [c1, s, lm] = fft_scale (@(u) 1i * u * 0.02 - 0.09 * u .^ 2 / 2);
%! assert (c1, 0.02, 1e-12);
%! assert (s, 0.3, -0.01);
%! assert (lm, 0.02 + 0.045, 1e-14);
%!test
%! ## Jumps widen the density, not the scale of its finest features.
%! f = @(u) -0.0225 * u .^ 2 / 2 + 0.4 * expm1 (-0.5i * u - 0.16 * u .^ 2 / 2);
%! [~, s] = fft_scale (f);
%! assert (s, 0.15, -0.02);
%!error fft_scale ()
%!error <out of range> fft_scale (@(u) zeros (size (u)))
