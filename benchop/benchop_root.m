## -*- texinfo -*-
## @deftypefn {} {@var{dir} =} benchop_root ()
## Return the directory that holds the benchop Octave tree.
##
## Every other file of the tree is found relative to this one, so the tree
## works wherever it is installed, and from a link to this file (a service
## session links its functions into one directory).
## @end deftypefn

function dir = benchop_root ()
  if (nargin != 0)
    print_usage ();
  endif
  dir = fileparts (canonicalize_file_name ([mfilename("fullpath") ".m"]));
endfunction

%!assert (exist (fullfile (benchop_root (), "catalogue.json"), "file"), 2)
%!error benchop_root (1)
