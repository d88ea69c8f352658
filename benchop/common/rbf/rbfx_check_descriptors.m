## -*- texinfo -*-
## @deftypefn {} {} rbfx_check_descriptors (@var{problem}, @var{who}, @var{choices})
## Check that @var{problem} is a scalar struct whose descriptors take values
## the method supports, or fail with an error naming what is wrong.
##
## @var{choices} is a struct with one field per descriptor (@code{model},
## @code{payoff}, @dots{}), each a cell array of the accepted strings.
## Messages start with @var{who} (the method's check function,
## @code{rbf_check} or @code{rbffd_check}) and a colon.
## @end deftypefn

function rbfx_check_descriptors (p, who, choices)
  if (nargin != 3)
    print_usage ();
  endif
  if (! ischar (who) || ! isstruct (choices))
    error ("rbfx_check_descriptors: WHO must be a string and CHOICES a struct");
  endif
  if (! isstruct (p) || ! isscalar (p))
    error ("%s: PROBLEM must be a problem struct", who);
  endif
  for f = fieldnames (choices).'
    if (! isfield (p, f{1}))
      error ("%s: PROBLEM lacks field '%s'", who, f{1});
    endif
    v = p.(f{1});
    if (! ischar (v) || ! any (strcmp (v, choices.(f{1}))))
      error ("%s: %s '%s' is not supported", who, f{1}, num2str (v));
    endif
  endfor
endfunction

%!shared c
%! c = struct ("model", {{"black-scholes"}}, "payoff", {{"call", "put"}});
%!test
%! rbfx_check_descriptors (benchop_problem ("1a-I"), "f", c);   # passes silently
%!error <f: PROBLEM must be> rbfx_check_descriptors ({}, "f", c)
%!error <f: PROBLEM lacks field 'payoff'>
%! rbfx_check_descriptors (rmfield (benchop_problem ("1a-I"), "payoff"), "f", c)
%!error <f: model 'heston' is not supported>
%! rbfx_check_descriptors (benchop_problem ("4"), "f", c)
%!error <WHO must be> rbfx_check_descriptors (benchop_problem ("1a-I"), 1, c)
%!error rbfx_check_descriptors (1, 2)
