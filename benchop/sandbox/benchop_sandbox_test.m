## -*- texinfo -*-
## @deftypefn {} {} benchop_sandbox_test (@var{job_file})
## Run the test blocks of an uploaded method's function files and print the
## counts: the entry point of a sandboxed Octave process.
##
## @var{job_file} names a JSON file with the fields @code{methods_dir} (the
## folder of the uploaded method's folder), @code{method} and @code{marker}.
## Every function file of the method's folder is tested with @code{test}.
## The answer is the last line printed: @code{marker}, a space and a JSON
## object whose @code{files} lists, per file, its @code{name}, the tests
## that @code{passed} and the @code{total}.  The failures that @code{test}
## reports come before it.
## @end deftypefn

function benchop_sandbox_test (job_file)
  if (nargin != 1 || ! ischar (job_file))
    print_usage ();
  endif
  job = jsondecode (fileread (job_file));
  m = benchop_sandbox_register (job.methods_dir, job.method);
  entries = dir (fullfile (m.dir, "*.m"));
  files = cell (1, numel (entries));
  for i = 1:numel (entries)
    [~, name] = fileparts (entries(i).name);
    [passed, total] = test (name, "quiet");
    files{i} = sprintf ('{"name": "%s", "passed": %d, "total": %d}', name,
                        passed, total);
  endfor
  printf ("\n%s {\"files\": [%s]}\n", job.marker, strjoin (files, ", "));
endfunction

%!test
%! dir = tempname ();
%! folder = fullfile (dir, "SBX-TEST");
%! mkdir (folder);
%! fid = fopen (fullfile (folder, "method.json"), "w");
%! fputs (fid, ['{"name": "SBX-TEST", "family": "test", "solver": "sbx_test_solve", ', ...
%!              '"problems": ["1a-I"], "levels": {"default": 1, "max": 1}}']);
%! fclose (fid);
%! fid = fopen (fullfile (folder, "sbx_test_solve.m"), "w");
%! fputs (fid, ["function U = sbx_test_solve (p, level)\n  U = p.S;\nendfunction\n", ...
%!              "%!assert (sbx_test_solve (struct (\"S\", 1), 1), 1)\n", ...
%!              "%!assert (sbx_test_solve (struct (\"S\", 1), 1), 2)\n"]);
%! fclose (fid);
%! job = fullfile (dir, "job.json");
%! fid = fopen (job, "w");
%! fputs (fid, ['{"methods_dir": "' dir '", "method": "SBX-TEST", "marker": "MARK"}']);
%! fclose (fid);
%! unwind_protect
%!   out = evalc ("benchop_sandbox_test (job)");
%! unwind_protect_cleanup
%!   benchop_methods ("remove", dir);
%!   confirm_recursive_rmdir (false, "local");
%!   rmdir (dir, "s");
%! end_unwind_protect
%! answer = jsondecode (regexp (out, 'MARK (\{.*\})', "tokens", "once"){1});
%! assert (answer.files.name, "sbx_test_solve");
%! assert ([answer.files.passed, answer.files.total], [1, 2]);
%!error <Invalid call> benchop_sandbox_test ()
