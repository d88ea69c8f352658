"""The part of Octave's own function library a session keeps on its load path.

Octave 7 reads every directory of its load path again before each prompt, a
stat of every file, so that a file changed on disk is seen at the next
command. A service session answers each task at a prompt, and so pays about
5 us per file on the path for every task, whatever the task computes: some
5 ms with Octave's whole library. A session keeps only the library functions
that its code can call: the functions named in the code and test blocks of
the files it runs (benchop's tree, the method folders, oct2py's), the
functions these name in turn, and so on, with the private functions they
name, linked into one directory that replaces the library's directories;
never the parts of the library a headless session has no use for.
Names are read as words from the code (comment lines left out, strings
included, so that a name passed to feval counts): a superset of what is
called. Builtin functions do not depend on the path.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

_WORD = re.compile(r"[A-Za-z_]\w*")
_COMMENT_LINE = re.compile(r"^\s*[%#](?!!).*$", re.MULTILINE)  # not the %! of test blocks
# Called by the test suite through the same session, not named in the code.
_HARNESS = ("test",)
# Parts of the library a headless pricing session never calls, whatever words its code holds
# (a variable named "area" is not a call of the plot function): drawing and the look of
# graphics (not plot/util, which holds meshgrid and ndgrid), images, the GUI, Java, the web,
# audio, FTP, packages, preferences, deprecated and legacy functions, geometry, ODE solvers.
_NEVER_CALLED = ("plot/draw", "plot/appearance", "image", "gui", "java", "web", "audio", "@ftp", "+matlab",
                 "+containers", "pkg", "prefs", "deprecated", "legacy", "startup", "geometry", "ode")


def _names(file: Path, tests: bool) -> set[str]:
    """The words of a function file's code, and of its test blocks when ``tests``."""
    text = file.read_text(errors="replace")
    if not tests:
        text = "\n".join(line for line in text.splitlines() if not line.startswith("%!"))
    return set(_WORD.findall(_COMMENT_LINE.sub("", text)))


def _in_library(directory: str, library: str) -> bool:
    return directory == library or directory.startswith(library + os.sep)


def _function_files(directory: str) -> list[Path]:
    try:
        return sorted(Path(directory, name) for name in os.listdir(directory) if name.endswith(".m"))
    except OSError:  # a directory on the path that does not exist
        return []


def library_closure(path: Iterable[str], library: str, code: Iterable[Path]) -> dict[str, Path]:
    """The library files the session's code can reach, by the name they are linked under.

    ``path``: the session's load path, in order; ``library``: the root of
    Octave's function library (``__octave_config_info__ ("fcnfiledir")``);
    ``code``: the folders whose functions the session runs (its directories
    on the path below them are read). A private function is linked under
    ``private/NAME``.
    """
    dirs = [d for d in path if d and d != "."]
    roots = [Path(c).resolve() for c in code]
    index: dict[str, Path] = {}  # the first file of each name on the path wins, as in Octave
    own: set[str] = set()
    pending: set[str] = set(_HARNESS)
    for directory in dirs:
        is_library = _in_library(directory, library)
        runs = any(Path(directory).resolve().is_relative_to(root) for root in roots)
        never = is_library and any(Path(directory).is_relative_to(Path(library, part)) for part in _NEVER_CALLED)
        for file in _function_files(directory):
            if never:
                continue
            if is_library:
                index.setdefault(file.stem, file)
            else:
                own.add(file.stem)
                if runs:
                    pending |= _names(file, tests=True)
    kept: dict[str, Path] = {}
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        seen.add(name)
        if name in own or name not in index:
            continue
        file = kept[name] = index[name]
        called = _names(file, tests=False)
        unchecked = list(called)  # the file's private functions, and theirs
        while unchecked:
            word = unchecked.pop()
            helper = file.parent / "private" / f"{word}.m"
            if f"private/{word}" not in kept and helper.is_file():
                kept[f"private/{word}"] = helper
                more = _names(helper, tests=False) - called
                called |= more
                unchecked += more
        pending |= called - seen
    return kept


def link_library(kept: dict[str, Path], directory: Path) -> None:
    """Link the kept library files into ``directory`` (created, with its private folder)."""
    (directory / "private").mkdir(parents=True)
    for name, file in kept.items():
        (directory / f"{name}.m").symlink_to(file)


def lean_path(path: Iterable[str], library: str, linked: Path) -> str:
    """The load path with the library's directories replaced by ``linked``."""
    keep = [d for d in path if d and not _in_library(d, library)]
    return os.pathsep.join(keep + [str(linked)])
