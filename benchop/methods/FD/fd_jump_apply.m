## -*- texinfo -*-
## @deftypefn {} {@var{J} =} fd_jump_apply (@var{u}, @var{Wf}, @var{sel}, @var{ulo}, @var{uhi})
## Jump integral on the nodes by FFT convolution: the grid values @var{u}
## extended by the far-field values @var{ulo} below and @var{uhi} above the
## grid, convolved with the flipped weights whose FFT is @var{Wf} (of the
## FFT length); @var{sel} picks the entries of the grid nodes
## (@pxref{fd_march_jump}).
## @end deftypefn

function J = fd_jump_apply (u, Wf, sel, ulo, uhi)
  if (nargin != 5)
    print_usage ();
  endif
  c = ifft (fft ([ulo; u; uhi], numel (Wf)) .* Wf);
  J = real (c(sel));
endfunction

%!test
%! ## Against direct convolution.
%! w = [0.2; 0.5; 0.3]; u = (1:6).'; nf = 16;
%! c = conv ([0; u; 7], flipud (w));
%! J = fd_jump_apply (u, fft (flipud (w), nf), (3:8).', 0, 7);
%! assert (J, c(3:8), 1e-12);
%!error fd_jump_apply (1)
