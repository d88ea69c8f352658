## -*- texinfo -*-
## @deftypefn {} {} ref_check_market (@var{who}, @var{S}, @var{names}, @var{values}, @var{r})
## Validate the market arguments shared by the reference functions.
##
## @var{S} must be a non-empty array of positive finite spot prices, each of
## @var{values} (named by the cell array @var{names}) a positive finite
## scalar, and @var{r} a real finite scalar.  Errors name the calling
## function @var{who}.
## @end deftypefn

function ref_check_market (who, S, names, values, r)
  if (nargin != 5)
    print_usage ();
  endif
  if (! isnumeric (S) || ! isreal (S) || isempty (S)
      || ! all (isfinite (S(:)) & S(:) > 0))
    error ("%s: S must be an array of positive finite spot prices", who);
  endif
  for i = 1:numel (values)
    x = values{i};
    if (! (isnumeric (x) && isreal (x) && isscalar (x) && isfinite (x) && x > 0))
      error ("%s: %s must be a positive finite scalar", who, names{i});
    endif
  endfor
  if (! (isnumeric (r) && isreal (r) && isscalar (r) && isfinite (r)))
    error ("%s: R must be a real finite scalar", who);
  endif
endfunction

%!test
%! ref_check_market ("f", [90 100], {"K", "T"}, {100, 1}, -0.01);
%!error <f: S must be an array of positive> ref_check_market ("f", [90 -1], {"K"}, {100}, 0)
%!error <f: T must be a positive finite scalar> ref_check_market ("f", 90, {"K", "T"}, {100, 0}, 0)
%!error <f: R must be a real finite scalar> ref_check_market ("f", 90, {"K"}, {100}, NaN)
%!error ref_check_market ("f", 90)
