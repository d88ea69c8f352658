"""The load path of a session: one directory of the functions its code can call.

Octave 7 reads every directory of its load path again before each prompt, a
stat of every file, so that a file changed on disk is seen at the next
command. A service session answers each task at a prompt, and so pays for
every directory and every file on its path on every task, whatever the task
computes: some 10 ms with Octave's whole library. A session copies into one
directory of its own the function files of the directories it was given
(benchop's tree, the method folders, oct2py's), the first of each name as on
the path, and the library functions that their code can call: the functions
named in the code of the files it runs (and in their test blocks, for a
session that runs them), the functions these
name in turn, and so on, with the private functions they name; never the
parts of the library a headless session has no use for. That directory
replaces every directory of function files on the path; a directory of
compiled functions (.oct, .mex) stays as it is. Class and package folders
(@NAME, +NAME) outside the library are not kept: no code a session runs has
any. Names are read as words from the code (comments left out, strings
included, so that a name passed to feval counts): a superset of what is
called. Builtin functions do not depend on the path.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Iterable

_WORD = re.compile(r"[A-Za-z_]\w*")
# What runs the test blocks (%!) of the files, when a session is asked to.
_HARNESS = ("test",)
# Parts of the library a headless pricing session never calls, whatever words its code holds
# (a variable named "area" is not a call of the plot function): drawing and the look of
# graphics (not plot/util, which holds meshgrid and ndgrid), images, the GUI, Java, the web,
# audio, FTP, packages, preferences, deprecated and legacy functions, geometry, ODE solvers.
_NEVER_CALLED = ("plot/draw", "plot/appearance", "image", "gui", "java", "web", "audio", "@ftp", "+matlab",
                 "+containers", "pkg", "prefs", "deprecated", "legacy", "startup", "geometry", "ode")


def _code(line: str) -> str:
    """A line of Octave without its comment: from a # or % that is outside every string.

    A quote opens a string unless it follows a name, a number, a closing
    bracket, a dot or another quote (there it is the transpose operator).
    """
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "#%":
            return line[:i]
        elif char == '"' or (char == "'" and not _transposes(line[:i].rstrip()[-1:])):
            quote = char
    return line


def _transposes(before: str) -> bool:
    """Whether a quote after the character ``before`` ("" at the line's start) is the transpose."""
    return before != "" and (before.isalnum() or before in "_)]}.'")


def _names(file: Path, tests: bool) -> set[str]:
    """The words of a function file's code, and of its test blocks when ``tests``."""
    lines = []
    for line in file.read_text(errors="replace").splitlines():
        if line.startswith("%!"):
            if not tests:
                continue
            line = line[2:]
        lines.append(_code(line))
    return set(_WORD.findall("\n".join(lines)))


def _in_library(directory: str, library: str) -> bool:
    return directory == library or directory.startswith(library + os.sep)


def _function_files(directory: str) -> list[Path]:
    try:
        return sorted(Path(directory, name) for name in os.listdir(directory) if name.endswith(".m"))
    except OSError:  # a directory on the path that does not exist
        return []


def library_closure(path: Iterable[str], library: str, code: Iterable[Path], *,
                    tests: bool = False) -> dict[str, Path]:
    """The library files the session's code can reach, by the name they are placed under.

    ``path``: the session's load path, in order; ``library``: the root of
    Octave's function library (``__octave_config_info__ ("fcnfiledir")``);
    ``code``: the folders whose functions the session runs (its directories
    on the path below them are read); ``tests``: whether the session also
    runs the code's test blocks, with Octave's ``test``. A private function
    is placed under ``private/NAME``.
    """
    dirs = [d for d in path if d and d != "."]
    roots = [Path(c).resolve() for c in code]
    index: dict[str, Path] = {}  # the first file of each name on the path wins, as in Octave
    own: set[str] = set()
    pending: set[str] = set(_HARNESS) if tests else set()
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
                    pending |= _names(file, tests=tests)
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


def own_functions(path: Iterable[str], library: str) -> dict[str, Path]:
    """The function files of the path's directories outside the library, the first of each name."""
    own: dict[str, Path] = {}
    for directory in path:
        if directory and directory != "." and not _in_library(directory, library):
            for file in _function_files(directory):
                own.setdefault(file.stem, file)
    return own


def place_functions(files: dict[str, Path], directory: Path) -> None:
    """Put ``files`` (a name, or private/NAME, to its file) into ``directory``, created with its private folder.

    Each is copied: Octave's stat through a link walks both paths, some 0.5 ms
    a prompt over a session's files. A function that names ``mfilename`` is
    linked instead, as it finds the files next to it (benchop_root).
    """
    (directory / "private").mkdir(parents=True)
    for name, file in files.items():
        target = directory / f"{name}.m"
        if "mfilename" in _names(file, tests=False):
            target.symlink_to(file)
        else:
            shutil.copyfile(file, target)


def _compiled(directory: str) -> bool:
    try:
        return any(name.endswith((".oct", ".mex")) or name == "PKG_ADD" for name in os.listdir(directory))
    except OSError:
        return False


def lean_path(path: Iterable[str], linked: Path) -> str:
    """The load path as ``linked`` and the directories of compiled functions, in their order."""
    keep = [d for d in path if d and d != "." and _compiled(d)]
    return os.pathsep.join([str(linked), *keep])
