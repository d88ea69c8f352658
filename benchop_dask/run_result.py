"""Build the record of a run, finished or in progress, from what it has so far.

The one place a :class:`~.results.RunResult` is made: the runner builds it at
the end of a run, the service for a run still going (from its store) and for
a run that ended. Every tolerance of the run gets its verdicts and ranking
from the same levels, scored against that tolerance.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping

from .ranking import rank, sort_key, summarize_pair
from .references import Reference
from .results import LevelResult, PairResult, ProblemSummary, RunResult, Status, ToleranceResult
from .validation import RunPlan

PairKey = tuple[str, str]  # (problem id, method)


def rescored(levels: Iterable[LevelResult], tol: float) -> tuple[LevelResult, ...]:
    """``levels`` scored against ``tol``: "ok" where the error is within it."""
    out = []
    for lv in levels:
        if lv.status in ("ok", "inaccurate") and lv.relerr is not None:
            lv = replace(lv, status="ok" if lv.relerr <= tol else "inaccurate")
        out.append(lv)
    return tuple(out)


def build_run_result(
    plan: RunPlan,
    levels: Mapping[PairKey, Iterable[LevelResult]],
    references: Mapping[str, Reference],
    reference_errors: Mapping[str, str | None],
    *,
    notes: Mapping[tuple[str, str, float], str] | None = None,
    unanswered: Status | None = None,
    tasks: int = 0,
    worker_seconds: float = 0.0,
    dashboard: str | None = None,
) -> RunResult:
    """The run's record.

    ``levels``: the scored levels of each (problem, method) so far;
    ``notes``: why a pair's climb stopped short of a tolerance, by
    (problem, method, tol); ``unanswered``: the status of a pair without any
    level ("running" in a run still going, "cancelled" in one that ended
    early; None: a pair that should have answered, an error).
    """
    notes = notes or {}
    order = {inst.id: i for i, inst in enumerate(plan.instances)}
    verdicts = []
    for tol in plan.tols:
        results: list[PairResult] = []
        for instance, method in plan.pairs:
            reference = references.get(instance.id)
            values = reference.values if reference else ()
            found = rescored(levels.get((instance.id, method.name), ()), tol)
            if reference_errors.get(instance.id):
                summary = PairResult(instance.id, method.name, "error", error=reference_errors[instance.id])
            elif not found and unanswered is not None:
                summary = PairResult(instance.id, method.name, unanswered, reference=values)
            else:
                summary = summarize_pair(instance.id, method.name, found, values)
                note = notes.get((instance.id, method.name, tol))
                if summary.status == "inaccurate" and note:
                    summary = replace(summary, error=note)
            results.append(summary)
        for skipped in plan.unsupported:
            reference = references.get(skipped.instance.id)
            results.append(PairResult(skipped.instance.id, skipped.method, "unsupported",
                                      reference=reference.values if reference else (), error=skipped.reason))
        results.sort(key=lambda r: (order[r.problem], sort_key(r)))
        verdicts.append(ToleranceResult(tol, tuple(results), rank(results)))
    problems = tuple(
        ProblemSummary(
            id=inst.id,
            title=inst.problem.title,
            params=inst.params,
            reference=references[inst.id].values if inst.id in references else (),
            reference_source=references[inst.id].source if inst.id in references else None,
            reference_error=reference_errors.get(inst.id),
        )
        for inst in plan.instances
    )
    tightest = verdicts[-1]
    return RunResult(plan.tol, plan.repeats, problems, tightest.results, tightest.ranking, dashboard=dashboard,
                     tasks=tasks, worker_seconds=worker_seconds, tolerances=tuple(verdicts))
