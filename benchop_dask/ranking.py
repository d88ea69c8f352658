"""Turn level results into a verdict per (problem, method), and rank methods."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from .results import STATUS_ORDER, LevelResult, PairResult
from .scoring import correct_digits

_STATUS_RANK = {status: i for i, status in enumerate(STATUS_ORDER)}


def stable_passing(levels: Iterable[LevelResult]) -> list[LevelResult]:
    """The levels that met the tolerance and stayed met at every higher level.

    A Monte Carlo answer can meet the tolerance at a low level by the luck of
    its random numbers and miss it at the next; only the run of passing levels
    up to the highest answered level counts.
    """
    answered = sorted((lv for lv in levels if lv.status in ("ok", "inaccurate")), key=lambda lv: lv.level)
    stable: list[LevelResult] = []
    for lv in reversed(answered):
        if lv.status != "ok":
            break
        stable.append(lv)
    return stable


def summarize_pair(
    problem: str, method: str, levels: Iterable[LevelResult], reference: Sequence[float]
) -> PairResult:
    """The verdict of one method on one problem.

    "ok" with the level that met the tolerance for good (see
    :func:`stable_passing`) and was timed over repeats, until then the lowest
    such level; otherwise the answer of the highest level tried,
    reported honestly as "inaccurate"; an error or time-out only when no level
    produced an answer at all.
    """
    levels = tuple(sorted(levels, key=lambda lv: lv.level))
    passing = stable_passing(levels)
    answered = [lv for lv in levels if lv.status in ("ok", "inaccurate")]
    if passing:
        # The lowest level timed over repeats decides (a run at several
        # tolerances times one per tolerance); until one is, the lowest (the
        # cheapest, each level costing more than the one below).
        timed = [lv for lv in passing if lv.timing == "repeated"]
        chosen = min(timed or passing, key=lambda lv: lv.level)
    elif answered:
        chosen = replace(max(answered, key=lambda lv: lv.level), status="inaccurate")
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
    return (1 + _STATUS_RANK.get(result.status, len(_STATUS_RANK)), relerr, result.method)


def rank(results: Iterable[PairResult]) -> dict[str, list[str]]:
    """Per problem, the methods that met the tolerance, fastest first."""
    results = list(results)
    ranking: dict[str, list[str]] = {r.problem: [] for r in results}
    for result in sorted(results, key=sort_key):
        if result.status == "ok":
            ranking[result.problem].append(result.method)
    return ranking
