## -*- texinfo -*-
## @deftypefn  {} {@var{problem} =} benchop_problem (@var{id})
## @deftypefnx {} {@var{problem} =} benchop_problem (@var{id}, @var{name}, @var{value}, @dots{})
## Return the problem struct of catalogue problem @var{id}.
##
## The struct carries the problem's descriptors (@code{id}, @code{model},
## @code{payoff}, @code{exercise}, @code{barrier}, @code{output}) and its
## parameters as fields (@code{S} as a row, or an n-by-2 matrix of pairs for
## problem 6, then @code{K}, @code{T}, @code{r}, @dots{}).  @var{name},
## @var{value} pairs replace default parameters; only parameters the problem
## takes are accepted.  This is the struct every solver receives.
## @end deftypefn

function problem = benchop_problem (id, varargin)
  if (nargin < 1 || mod (numel (varargin), 2) != 0)
    print_usage ();
  endif
  if (! ischar (id))
    error ("benchop_problem: ID must be a string");
  endif
  cat = benchop_catalogue ();
  ids = cellfun (@(p) p.id, cat.problems, "uniformoutput", false);
  k = find (strcmp (ids, id));
  if (isempty (k))
    error ("benchop_problem: unknown problem '%s'", id);
  endif
  rec = cat.problems{k};
  problem = struct ("id", rec.id, "model", rec.model, "payoff", rec.payoff,
                    "exercise", rec.exercise, "barrier", rec.barrier,
                    "output", rec.output);
  names = fieldnames (rec.params);
  for i = 1:numel (names)
    problem.(names{i}) = rec.params.(names{i});
  endfor
  for i = 1:2:numel (varargin)
    name = varargin{i};
    if (! ischar (name) || ! any (strcmp (names, name)))
      error ("benchop_problem: problem %s takes no parameter '%s'", id, name);
    endif
    problem.(name) = varargin{i+1};
  endfor
  if (isvector (problem.S))
    problem.S = problem.S(:).';
  endif
endfunction

%!test
%! p = benchop_problem ("1a-I");
%! assert (p.S, [90 100 110]);
%! assert ([p.K p.T p.r p.sigma], [100 1 0.03 0.15]);
%! assert (p.output, "price");
%!test
%! p = benchop_problem ("1c-II", "sigma", 0.2, "S", [95; 96]);
%! assert (p.sigma, 0.2);
%! assert (p.S, [95 96]);
%! assert (p.B, 125);
%!test
%! p = benchop_problem ("6");
%! assert (size (p.S), [5 2]);
%!error <unknown problem> benchop_problem ("9z")
%!error <takes no parameter> benchop_problem ("1a-I", "B", 120)
