"""Records of a run: per level, per (problem, method), per tolerance and the whole run.

One typed model serves every face: the runner builds it (:mod:`.run_result`),
the CLI prints it, the service stores and shows it as JSON
(:meth:`RunResult.to_json`), and a client of the service reads it back
(:meth:`RunResult.from_json`).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, Mapping, get_args

from .formatting import format_seconds

Timing = Literal["single", "repeated"]
# A level's verdict: scored ("ok", "inaccurate" against the run's tightest
# tolerance) or failed.
LevelStatus = Literal["ok", "inaccurate", "error", "timeout"]
# A (problem, method) verdict. "running": no level has answered yet in a run
# still going; "cancelled": none ever will.
Status = Literal["ok", "inaccurate", "timeout", "error", "unsupported", "running", "cancelled"]
# How the verdicts of one problem are listed: ranked methods first (fastest
# first), then the others in this order.
STATUS_ORDER: tuple[str, ...] = get_args(Status)


@dataclass(frozen=True)
class LevelResult:
    """One resolution level of one (problem, method): a work-precision point."""

    level: int
    status: LevelStatus
    prices: tuple[float, ...] = ()
    relerr: float | None = None
    time: float | None = None  # median of the timed calls less the timer's overhead, seconds
    times: tuple[float, ...] = ()
    info: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    worker: str = ""  # the host
    address: str = ""  # the Dask worker's address
    # "single": one call, for the level's error, and its time; "repeated": a
    # level that decides a rank, timed after a warm-up over several calls.
    timing: Timing = "single"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "prices": list(self.prices), "times": list(self.times)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LevelResult:
        known = {f.name for f in fields(cls)}
        # Levels stored before single and repeated timings were told apart were all timed over repeats.
        values = {"timing": "repeated", **{k: v for k, v in data.items() if k in known}}
        return cls(**{**values, "prices": tuple(values.get("prices") or ()),
                      "times": tuple(values.get("times") or ()), "info": dict(values.get("info") or {})})


@dataclass(frozen=True)
class PairResult:
    """The outcome of one method on one problem, at one tolerance."""

    problem: str
    method: str
    status: Status
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
        data["levels"] = [lv.to_json() for lv in self.levels]
        # How the times read (formatting.format_seconds), for faces that show them.
        data |= {f"{name}_text": format_seconds(data[name]) for name in ("time", "time_min", "time_max")}
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PairResult:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        return cls(**{**values, "prices": tuple(values.get("prices") or ()),
                      "reference": tuple(values.get("reference") or ()),
                      "levels": tuple(LevelResult.from_json(lv) for lv in values.get("levels") or ())})


@dataclass(frozen=True)
class ToleranceResult:
    """The verdicts and the ranking at one of a run's tolerances (levels only in the run's own)."""

    tol: float
    results: tuple[PairResult, ...]
    ranking: dict[str, list[str]]

    def to_json(self) -> dict[str, Any]:
        return {"tol": self.tol, "ranking": self.ranking,
                "results": [{**r.to_json(), "levels": []} for r in self.results]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ToleranceResult:
        return cls(float(data["tol"]), tuple(PairResult.from_json(r) for r in data.get("results") or ()),
                   {k: list(v) for k, v in (data.get("ranking") or {}).items()})


@dataclass(frozen=True)
class ProblemSummary:
    id: str
    title: str
    params: dict[str, Any]
    reference: tuple[float, ...]
    reference_source: str | None
    reference_error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "reference": list(self.reference)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ProblemSummary:
        return cls(str(data["id"]), str(data.get("title", "")), dict(data.get("params") or {}),
                   tuple(data.get("reference") or ()), data.get("reference_source"), data.get("reference_error"))


@dataclass(frozen=True)
class RunResult:
    """A whole run: ``results`` and ``ranking`` at its tightest tolerance ``tol``
    (the one its levels climbed to), and at each of its ``tolerances``."""

    tol: float
    repeats: int
    problems: tuple[ProblemSummary, ...]
    results: tuple[PairResult, ...]
    ranking: dict[str, list[str]]
    dashboard: str | None = None
    tasks: int = 0  # tasks the run completed on the cluster
    worker_seconds: float = 0.0  # worker time those tasks took
    tolerances: tuple[ToleranceResult, ...] = ()  # loosest first, the last at ``tol``

    @property
    def rankings(self) -> dict[float, dict[str, list[str]]]:
        """The ranking at each tolerance of the run, loosest first."""
        return {t.tol: t.ranking for t in self.tolerances} or {self.tol: self.ranking}

    def to_json(self) -> dict[str, Any]:
        return {
            "tol": self.tol,
            "repeats": self.repeats,
            "dashboard": self.dashboard,
            "tasks": self.tasks,
            "worker_seconds": self.worker_seconds,
            "problems": [p.to_json() for p in self.problems],
            "results": [r.to_json() for r in self.results],
            "ranking": self.ranking,
            "tolerances": [t.to_json() for t in self.tolerances],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RunResult:
        """A run as :meth:`to_json` wrote it (also the service's view of a run, whose other keys it ignores)."""
        return cls(
            tol=float(data.get("tol") or math.nan),  # nan: a stored run whose request no longer validates
            repeats=int(data.get("repeats") or 0),
            problems=tuple(ProblemSummary.from_json(p) for p in data.get("problems") or ()),
            results=tuple(PairResult.from_json(r) for r in data.get("results") or ()),
            ranking={k: list(v) for k, v in (data.get("ranking") or {}).items()},
            dashboard=data.get("dashboard"),
            tasks=int(data.get("tasks") or 0),
            worker_seconds=float(data.get("worker_seconds") or 0.0),
            tolerances=tuple(ToleranceResult.from_json(t) for t in data.get("tolerances") or ()),
        )


def problem_order(run: Mapping[str, Any]) -> list[str]:
    """The problem ids of a run's JSON (:meth:`RunResult.to_json`, or a service's view) in the run's
    order: its problems, then any others its request or results name (a record from an older
    release may lack some)."""
    order: list[str] = [str(p["id"]) for p in run.get("problems") or [] if "id" in p]
    for problem in [*((run.get("request") or {}).get("problems") or []),
                    *(r.get("problem") for r in run.get("results") or [])]:
        if problem and problem not in order:
            order.append(problem)
    return order
