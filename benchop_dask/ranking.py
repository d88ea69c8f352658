"""Turn level results into a verdict per (problem, method), and rank methods."""

from __future__ import annotations

from typing import Iterable, Sequence

from .results import LevelResult, PairResult
from .scoring import correct_digits

_STATUS_ORDER = {"ok": 0, "inaccurate": 1, "timeout": 2, "error": 3, "unsupported": 4}


def summarize_pair(
    problem: str, method: str, levels: Iterable[LevelResult], reference: Sequence[float]
) -> PairResult:
    """The verdict of one method on one problem.

    "ok" with the fastest level that met the tolerance; otherwise the most
    accurate answer the method gave, reported honestly as "inaccurate"; an
    error or time-out only when no level produced an answer at all.
    """
    levels = tuple(sorted(levels, key=lambda lv: lv.level))
    passing = [lv for lv in levels if lv.status == "ok"]
    answered = [lv for lv in levels if lv.status == "inaccurate"]
    if passing:
        chosen = min(passing, key=lambda lv: (lv.time, lv.level))
    elif answered:
        chosen = max(answered, key=lambda lv: lv.level)
    elif levels:
        failures = [lv for lv in levels if lv.status == "error"] or list(levels)
        chosen = failures[0]
    else:
        return PairResult(problem, method, "error", reference=tuple(reference), error="no result")
    return PairResult(
        problem=problem,
        method=method,
        status=chosen.status,
        prices=chosen.prices,
        reference=tuple(reference),
        relerr=chosen.relerr,
        time=chosen.time,
        level=chosen.level,
        error=chosen.error,
        digits=correct_digits(chosen.relerr),
        time_min=min(chosen.times) if chosen.times else None,
        time_max=max(chosen.times) if chosen.times else None,
        levels=levels,
    )


def sort_key(result: PairResult) -> tuple:
    """Ranked methods first, fastest first; then the rest, most accurate first."""
    inf = float("inf")
    if result.status == "ok":
        return (0, result.time if result.time is not None else inf, result.method)
    relerr = result.relerr if result.relerr is not None else inf
    return (1 + _STATUS_ORDER.get(result.status, 9), relerr, result.method)


def rank(results: Iterable[PairResult]) -> dict[str, list[str]]:
    """Per problem, the methods that met the tolerance, fastest first."""
    ranking: dict[str, list[str]] = {}
    for result in sorted(results, key=sort_key):
        ranking.setdefault(result.problem, [])
        if result.status == "ok":
            ranking[result.problem].append(result.method)
    return ranking
