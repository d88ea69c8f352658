## -*- texinfo -*-
## @deftypefn  {} {@var{registry} =} benchop_methods ()
## @deftypefnx {} {@var{method} =} benchop_methods ("get", @var{name})
## @deftypefnx {} {} benchop_methods ("add", @var{dir})
## @deftypefnx {} {} benchop_methods ("remove", @var{dir})
## The registry of pricing methods.
##
## Each method lives in a folder of its own that holds a @file{method.json}
## file: its @code{name}, @code{family}, @code{solver} (the Octave function
## that prices a problem struct: @code{[U, info] = solver (problem, level)}),
## the @code{problems} it supports and its resolution @code{levels}
## (@code{default}, @code{max}).  A method may split its solver in two, so
## that @code{benchop_solve} times the pricing alone: @code{check}, which
## validates the problem and the level once and returns what the pricing
## needs (@code{p = check (problem, level)}), and @code{price}, which
## computes the prices from it (@code{[U, info] = price (p, level)}); the
## solver is then @code{price (check (problem, level), level)}.  Without
## them the solver is timed whole.  The folders under @file{methods/} of
## the benchop tree are always registered.
##
## With no argument, return the registry as a struct array.  With
## @code{"get"}, return the record of method @var{name} or fail with an error
## that lists the known names: this is the whitelist that keeps user strings
## from ever being called as Octave code.  With @code{"add"}, register every
## method folder under @var{dir} as well (for example test-only methods) and
## put those folders on the load path; @code{"remove"} forgets them again and
## takes their folders off the path.
## @end deftypefn

function out = benchop_methods (action, arg)
  persistent extra_dirs = {};
  persistent registry = [];

  if (nargin == 0)
    action = "list";
  elseif (nargin != 2 || ! ischar (action) || ! ischar (arg))
    print_usage ();
  endif

  if (isempty (registry))
    registry = scan_methods ([{fullfile(benchop_root (), "methods")}, extra_dirs]);
  endif

  switch (action)
    case "list"
      out = registry;
    case "get"
      k = find (strcmp ({registry.name}, arg));
      if (isempty (k))
        error ("benchop_methods: unknown method '%s' (known: %s)", arg,
               strjoin (sort ({registry.name}), ", "));
      endif
      out = registry(k);
    case "add"
      if (! isfolder (arg))
        error ("benchop_methods: no such directory '%s'", arg);
      endif
      if (! any (strcmp (extra_dirs, arg)))
        extra_dirs{end+1} = arg;
        registry = scan_methods ([{fullfile(benchop_root (), "methods")}, extra_dirs]);
      endif
      if (nargout > 0)
        out = registry;
      endif
    case "remove"
      gone = {registry(strncmp ({registry.dir}, [arg filesep], numel (arg) + 1)).dir};
      extra_dirs(strcmp (extra_dirs, arg)) = [];
      registry = scan_methods ([{fullfile(benchop_root (), "methods")}, extra_dirs]);
      on_path = strsplit (path (), pathsep ());
      for folder = gone(ismember (gone, on_path))
        rmpath (folder{1});
      endfor
    otherwise
      error ("benchop_methods: unknown action '%s'", action);
  endswitch
endfunction

function registry = scan_methods (dirs)
  registry = struct ("name", {}, "family", {}, "solver", {}, "check", {},
                     "price", {}, "problems", {}, "default_level", {},
                     "max_level", {}, "dir", {});
  for d = 1:numel (dirs)
    entries = dir (fullfile (dirs{d}, "*", "method.json"));
    for e = 1:numel (entries)
      rec = jsondecode (fileread (fullfile (entries(e).folder, entries(e).name)));
      if (isfield (rec, "check") != isfield (rec, "price"))
        error ("benchop_methods: method %s names a check without a price or a price without a check",
               rec.name);
      endif
      if (! isfield (rec, "check"))
        rec.check = rec.price = "";
      endif
      for role = {"solver", "check", "price"}
        fn = rec.(role{1});
        optional = ! strcmp (role{1}, "solver");
        if (! (optional && isempty (fn))
            && isempty (regexp (fn, '^[a-z][a-z0-9_]*$', "once")))
          error ("benchop_methods: method %s names an invalid %s '%s'",
                 rec.name, role{1}, fn);
        endif
      endfor
      if (any (strcmp ({registry.name}, rec.name)))
        error ("benchop_methods: method %s is defined twice", rec.name);
      endif
      ## A session that placed every function in one directory has the
      ## solver already (benchop_dask/octave_path.py); else its folder joins
      ## the path.
      if (exist (rec.solver) != 2
          && isempty (strfind (path (), entries(e).folder)))
        addpath (entries(e).folder);
      endif
      registry(end+1) = struct ("name", rec.name, "family", rec.family,
                                "solver", rec.solver, "check", rec.check,
                                "price", rec.price,
                                "problems", {cellstr(rec.problems(:).')},
                                "default_level", rec.levels.default,
                                "max_level", rec.levels.max,
                                "dir", entries(e).folder);
    endfor
  endfor
endfunction

%!test
%! reg = benchop_methods ();
%! assert (isstruct (reg));
%! for m = reg
%!   assert (exist (m.solver), 2);
%!   assert (m.default_level <= m.max_level);
%!   assert (isempty (m.check), isempty (m.price));
%!   if (! isempty (m.price))
%!     assert ([exist(m.check), exist(m.price)], [2, 2]);
%!   endif
%! endfor
%!error <unknown method 'system\("id"\)'> benchop_methods ("get", 'system("id")')
%!test
%! dir = tempname ();
%! mkdir (fullfile (dir, "REG-TEST"));
%! fid = fopen (fullfile (dir, "REG-TEST", "method.json"), "w");
%! fputs (fid, ['{"name": "REG-TEST", "family": "test", "solver": "reg_test_solve", ', ...
%!              '"problems": ["1a-I"], "levels": {"default": 1, "max": 1}}']);
%! fclose (fid);
%! unwind_protect
%!   benchop_methods ("add", dir);
%!   assert (benchop_methods ("get", "REG-TEST").dir, fullfile (dir, "REG-TEST"));
%!   benchop_methods ("remove", dir);
%!   assert (! any (strcmp ({benchop_methods().name}, "REG-TEST")));
%!   assert (! any (strcmp (strsplit (path (), pathsep ()), fullfile (dir, "REG-TEST"))));
%! unwind_protect_cleanup
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (dir, "s");
%! end_unwind_protect
%!error <unknown action> benchop_methods ("delete", "x")
%!error <no such directory> benchop_methods ("add", "/nonexistent/benchop")
