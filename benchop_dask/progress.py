"""A text progress bar of a run's tasks, on stderr (a terminal, or a notebook's output)."""

from __future__ import annotations

import sys
from typing import Any


class ProgressBar:
    """Tasks done of tasks submitted: the total grows as the run climbs levels.

    Plain text (tqdm's standard bar), so it needs no notebook widgets; it
    draws nothing when ``enabled`` is False, and on a stderr that is not a
    terminal it draws only if ``enabled`` is True (None: let tqdm decide).
    """

    def __init__(self, enabled: bool | None = None, desc: str = "tasks"):
        from tqdm.std import tqdm

        self._bar: Any = tqdm(total=0, unit="task", desc=desc, file=sys.stderr, leave=False,
                              disable=None if enabled is None else not enabled, dynamic_ncols=True)

    def __enter__(self) -> ProgressBar:
        return self

    def __call__(self, done: int, total: int) -> None:
        self._bar.total = total
        self._bar.n = done
        self._bar.refresh()

    def __exit__(self, *exc: object) -> None:
        self._bar.close()
