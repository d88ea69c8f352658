"""Locate the Octave tree (benchop/) that ships inside the package."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def octave_tree() -> Path:
    """Return the directory of the installed Octave tree.

    The tree is packaged as ``benchop_dask.octave``; a checkout without an
    install falls back to the ``benchop/`` folder beside the package.
    """
    try:
        import benchop_dask.octave as tree

        for location in tree.__path__:
            path = Path(location)
            if (path / "catalogue.json").is_file():
                return path
    except ImportError:
        pass
    path = Path(__file__).resolve().parent.parent / "benchop"
    if (path / "catalogue.json").is_file():
        return path
    raise FileNotFoundError("the benchop Octave tree is not installed with benchop_dask")
