"""A session keeps on its load path the part of Octave's library its code can call (benchop_dask/octave_path.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchop_dask.octave_path import library_closure

pytestmark = pytest.mark.integration


def test_the_session_path_holds_its_own_code_and_the_library_it_names(octave):
    library = str(octave.call("__octave_config_info__", "fcnfiledir"))
    path = [d for d in str(octave.call("path")).split(os.pathsep) if d]
    assert not any(d == library or d.startswith(library + os.sep) for d in path)
    linked = Path(path[-1])
    # What the pricing and its tests call stays, linked to the library's own files.
    for name in ("interp1", "repmat", "unique", "validatestring", "print_usage", "median", "meshgrid",
                 "accumarray", "trapz", "test", "assert"):
        assert (linked / f"{name}.m").resolve().is_relative_to(library), name
        # (A function loaded before the path was made lean reports the file it was read from.)
        assert Path(str(octave.call("which", name))).resolve() == (linked / f"{name}.m").resolve(), name
    # What nothing names is gone: drawing, images, the GUI, ODE solvers.
    for name in ("plot", "imshow", "uifigure", "ode45", "area"):
        assert octave.call("which", name) == "", name
    files = sum(len(os.listdir(d)) for d in path if os.path.isdir(d))
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
    own = tmp_path / "own"
    own.mkdir()
    (own / "mine.m").write_text("function y = mine (x)\n  y = feval (\"outer\", x);\nendfunction\n%!assert (inner (2), 2)\n")
    kept = library_closure([str(own), str(library / "general")], str(library), [own])
    assert kept == {"outer": library / "general" / "outer.m", "inner": library / "general" / "inner.m",
                    "private/__helper__": library / "general" / "private" / "__helper__.m"}
