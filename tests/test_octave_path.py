"""A session's load path: one directory of its own code and the part of Octave's library it can call
(benchop_dask/octave_path.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchop_dask.octave_path import library_closure
from benchop_dask.octave_tree import octave_tree

pytestmark = pytest.mark.integration


def test_the_session_path_is_one_directory_of_its_own_code_and_the_library_it_names(octave):
    library = str(octave.call("__octave_config_info__", "fcnfiledir"))
    path = [d for d in str(octave.call("path")).split(os.pathsep) if d and d != "."]
    functions = Path(path[0])
    # Besides it, only directories of compiled functions (or with a PKG_ADD) stay as they are.
    for directory in path[1:]:
        assert any(n.endswith(".oct") or n == "PKG_ADD" for n in os.listdir(directory)), directory
    # What the pricing and its tests call from the library: copies of the library's files.
    for name in ("interp1", "repmat", "unique", "validatestring", "print_usage", "median", "meshgrid",
                 "accumarray", "trapz", "test", "assert"):
        copy = functions / f"{name}.m"
        found = sorted(Path(library).rglob(f"{name}.m"))
        assert copy.read_bytes() == found[0].read_bytes(), name
        # (A function loaded before the path was made lean reports the file it was read from.)
        assert Path(str(octave.call("which", name))).resolve() == copy.resolve(), name
    assert not (functions / "interp1.m").is_symlink()
    # benchop's own functions and the test methods' are there too; one that finds files next to
    # its own (mfilename) is a link to it.
    for name in ("benchop_solve", "cos_solve_checked", "fd_march", "test_work_price"):
        assert Path(str(octave.call("which", name))) == functions / f"{name}.m", name
    assert (functions / "benchop_root.m").is_symlink()
    assert Path(str(octave.call("benchop_root"))) == octave_tree()
    # What nothing names is gone: drawing, images, the GUI, ODE solvers.
    for name in ("plot", "imshow", "uifigure", "ode45", "area"):
        assert octave.call("which", name) == "", name
    files = sum(len(os.listdir(d)) for d in path)
    assert files < 500, files  # of some 1,600 with the whole library
    assert octave.call("interp1", [1.0, 2.0], [3.0, 5.0], 1.5) == 4.0


def test_the_closure_follows_names_into_the_library_and_its_private_functions(tmp_path):
    library = tmp_path / "m"
    (library / "general" / "private").mkdir(parents=True)
    (library / "general" / "outer.m").write_text(
        "## outer calls helper, and mentions unused only in a comment\nfunction y = outer (x)\n"
        "  y = __helper__ (x);  # and inner through it\nendfunction\n%!assert (never_kept (1), 1)\n")
    (library / "general" / "private" / "__helper__.m").write_text("function y = __helper__ (x)\n  y = inner (x);\nendfunction\n")
    (library / "general" / "inner.m").write_text("function y = inner (x)\n  y = x;\nendfunction\n")
    (library / "general" / "unused.m").write_text("function unused ()\nendfunction\n")
    (library / "general" / "never_kept.m").write_text("function y = never_kept (x)\n  y = x;\nendfunction\n")
    (library / "general" / "tested.m").write_text("function y = tested (x)\n  y = x;\nendfunction\n")
    (library / "general" / "test.m").write_text("function test (name)\nendfunction\n")
    (library / "general" / "after_string.m").write_text("function y = after_string (x)\n  y = x;\nendfunction\n")
    own = tmp_path / "own"
    own.mkdir()
    (own / "mine.m").write_text("function y = mine (x)\n  y = feval (\"outer\", x);  % not unused\n"
                                "  s = 'a # in a string: no comment'; t = x'; # unused either\n"
                                "'% a string at the line start, no comment'; y = after_string (y);\nendfunction\n"
                                "%!assert (tested (2), 2)\n")
    path = [str(own), str(library / "general")]
    kept = library_closure(path, str(library), [own])
    assert kept == {"outer": library / "general" / "outer.m", "inner": library / "general" / "inner.m",
                    "after_string": library / "general" / "after_string.m",
                    "private/__helper__": library / "general" / "private" / "__helper__.m"}
    # A session that runs the test blocks keeps what they call, and the test harness.
    assert library_closure(path, str(library), [own], tests=True) == kept | {
        "tested": library / "general" / "tested.m", "test": library / "general" / "test.m"}
