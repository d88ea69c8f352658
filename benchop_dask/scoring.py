"""How an answer is scored against its reference (BENCHOP's definitions)."""

from __future__ import annotations

import math
import statistics
from typing import Sequence


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


def median_time(times: Sequence[float]) -> float | None:
    return statistics.median(times) if times else None
