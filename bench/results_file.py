"""Where a bench script writes its results table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def write_results(name: str, text: str, methods: Sequence[str] = (), problems: Sequence[str] = ()) -> Path:
    """Write ``text`` to bench/results/NAME.md, or NAME-M1-M2[-on-P1-P2].md for a run of some methods or problems.

    A run of part of the table keeps a file of its own, so it never
    overwrites the table of the whole run.
    """
    stem = "-".join([name, *sorted(methods)] + (["on", *sorted(problems)] if problems else []))
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{stem}.md"
    path.write_text(text + "\n")
    return path
