"""How an answer is scored against its reference (BENCHOP's definitions)."""

from __future__ import annotations

import math
import statistics
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .tasks import SolveOutcome


def relative_error(values: Sequence[float], reference: Sequence[float]) -> float:
    """Max over the evaluation points of |U - Uref| / |Uref|.

    Where the reference is exactly zero (a knocked-out barrier option, say)
    the absolute error stands in for the relative one.
    """
    if len(values) != len(reference):
        raise ValueError(f"{len(values)} values for {len(reference)} reference points")
    worst = 0.0
    for u, ref in zip(values, reference):
        err = abs(u - ref)
        worst = max(worst, err / abs(ref) if ref != 0 else err)
    return worst


def correct_digits(relerr: float | None) -> int | None:
    """Number of correct significant digits implied by a relative error."""
    if relerr is None or not math.isfinite(relerr):
        return None
    if relerr <= 0:
        return 16
    return max(0, min(16, math.floor(-math.log10(relerr))))


def pricing_time(outcome: SolveOutcome) -> float | None:
    """A level's time: the median of its timed calls less the timer's own cost.

    Every timed call includes one tic and toc, whose median cost around no work Octave measures
    with the calls (``info.timer_overhead``, a few microseconds): not the method's work, and a
    tenth of the fastest pricings.
    """
    if not outcome.times:
        return None
    overhead = outcome.info.get("timer_overhead", 0.0)
    return max(0.0, statistics.median(outcome.times) - float(overhead))
