## -*- texinfo -*-
## @deftypefn {} {} benchop_sandbox_solve (@var{job_file})
## Price one problem with an uploaded method and print the answer: the entry
## point of a sandboxed Octave process, which serves this one call.
##
## @var{job_file} names a JSON file with the fields @code{methods_dir} (the
## folder of the uploaded method's folder), @code{method}, @code{problem} (the
## problem struct, its points @code{S} as a matrix of one row per point set),
## @code{level}, @code{repeats}, @code{min_total}, @code{long_call} (null for
## none) and @code{marker}.  The method is registered
## (@pxref{benchop_sandbox_register}) and priced by @code{benchop_solve},
## which times the pricing alone as for every method.  The answer is the last
## line printed: @code{marker}, a space and a JSON object with @code{prices},
## @code{times} (seconds) and @code{info}.  What the method prints itself
## comes before it.
## @end deftypefn

function benchop_sandbox_solve (job_file)
  if (nargin != 1 || ! ischar (job_file))
    print_usage ();
  endif
  job = jsondecode (fileread (job_file));
  long_call = job.long_call;
  if (isempty (long_call))
    long_call = Inf;
  endif
  benchop_sandbox_register (job.methods_dir, job.method);
  [U, times, info] = benchop_solve (job.method, job.problem, job.level,
                                    job.repeats, job.min_total, long_call);
  printf ("\n%s {\"prices\": [%s], \"times\": [%s], \"info\": %s}\n",
          job.marker, json_numbers (U), json_numbers (times),
          jsonencode (info));
endfunction

## Numbers as JSON of full precision (jsonencode rounds tiny values to 0),
## with NaN and infinities spelled as Python's json module reads them.
function text = json_numbers (x)
  words = arrayfun (@(v) sprintf ("%.17g", v), x, "UniformOutput", false);
  words(isnan (x)) = {"NaN"};
  words(x == Inf) = {"Infinity"};
  words(x == -Inf) = {"-Infinity"};
  text = strjoin (words, ", ");
endfunction

%!test
%! ## A method folder of its own, as an upload's, priced from a job file.
%! problem = benchop_problem ("1a-I");
%! dir = tempname ();
%! folder = fullfile (dir, "SBX-TEST");
%! mkdir (folder);
%! fid = fopen (fullfile (folder, "method.json"), "w");
%! fputs (fid, ['{"name": "SBX-TEST", "family": "test", "solver": "sbx_test_solve", ', ...
%!              '"problems": ["1a-I"], "levels": {"default": 1, "max": 2}}']);
%! fclose (fid);
%! fid = fopen (fullfile (folder, "sbx_test_solve.m"), "w");
%! fputs (fid, ["function [U, info] = sbx_test_solve (p, level)\n", ...
%!              "  U = bs_european (p.payoff, p.output, p.S, p.K, p.T, p.r, p.sigma);\n", ...
%!              "  info = struct (\"N\", level);\n", ...
%!              "endfunction\n"]);
%! fclose (fid);
%! job = fullfile (dir, "job.json");
%! fid = fopen (job, "w");
%! fputs (fid, ['{"methods_dir": "' dir '", "method": "SBX-TEST", "level": 2, ', ...
%!              '"repeats": 2, "min_total": 0, "long_call": null, "marker": "MARK", ', ...
%!              '"problem": ', strrep(jsonencode (problem), '"S":[90,100,110]', ...
%!                                    '"S":[[90,100,110]]') '}']);
%! fclose (fid);
%! unwind_protect
%!   out = evalc ("benchop_sandbox_solve (job)");
%! unwind_protect_cleanup
%!   benchop_methods ("remove", dir);
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (dir, "s");
%! end_unwind_protect
%! answer = jsondecode (regexp (out, 'MARK (\{.*\})', "tokens", "once"){1});
%! assert (answer.prices(:).', benchop_reference (problem), -1e-12);
%! assert (numel (answer.times), 2);
%! assert (answer.info.N, 2);
%!error <Invalid call> benchop_sandbox_solve ()
