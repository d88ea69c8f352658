"""Records of a finished run: per level, per (problem, method), and the whole run."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Timing = Literal["single", "repeated"]


@dataclass(frozen=True)
class LevelResult:
    """One resolution level of one (problem, method): a work-precision point."""

    level: int
    status: str  # "ok", "inaccurate", "error" or "timeout"
    prices: tuple[float, ...] = ()
    relerr: float | None = None
    time: float | None = None  # median of the timed calls less the timer's overhead, seconds
    times: tuple[float, ...] = ()
    info: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    worker: str = ""
    # "single": one call, for the level's error, and its time; "repeated": the
    # level that decides the rank, timed after a warm-up over several calls.
    timing: Timing = "single"


@dataclass(frozen=True)
class PairResult:
    """The outcome of one method on one problem."""

    problem: str
    method: str
    status: str  # "ok", "inaccurate", "error", "timeout" or "unsupported"
    prices: tuple[float, ...] = ()
    reference: tuple[float, ...] = ()
    relerr: float | None = None
    time: float | None = None
    level: int | None = None
    error: str | None = None
    digits: int | None = None
    time_min: float | None = None
    time_max: float | None = None
    levels: tuple[LevelResult, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["prices"] = list(self.prices)
        data["reference"] = list(self.reference)
        data["levels"] = [
            {**asdict(lv), "prices": list(lv.prices), "times": list(lv.times)} for lv in self.levels
        ]
        return data


@dataclass(frozen=True)
class ProblemSummary:
    id: str
    title: str
    params: dict[str, Any]
    reference: tuple[float, ...]
    reference_source: str | None
    reference_error: str | None = None


@dataclass(frozen=True)
class RunResult:
    tol: float
    repeats: int
    problems: tuple[ProblemSummary, ...]
    results: tuple[PairResult, ...]
    ranking: dict[str, list[str]]
    dashboard: str | None = None
    tasks: int = 0  # tasks the run completed on the cluster
    worker_seconds: float = 0.0  # worker time those tasks took

    def to_json(self) -> dict[str, Any]:
        return {
            "tol": self.tol,
            "repeats": self.repeats,
            "dashboard": self.dashboard,
            "tasks": self.tasks,
            "worker_seconds": self.worker_seconds,
            "problems": [
                {**asdict(p), "reference": list(p.reference)} for p in self.problems
            ],
            "results": [r.to_json() for r in self.results],
            "ranking": self.ranking,
        }
