"""How times read, the same in the CLI's table, the plots, the Python reprs and the page."""

from __future__ import annotations

import math


def format_seconds(seconds: float | None) -> str:
    """A time for people: ``"12.3 ms"``, ``"1.52 s"``, ``"85 µs"``; ``"-"`` for none."""
    if seconds is None or not math.isfinite(seconds):
        return "-"
    if seconds >= 1:
        return f"{seconds:.3g} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} µs"
