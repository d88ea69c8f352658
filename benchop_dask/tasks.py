"""The functions that run on the workers, and the records they exchange.

Each task is one (problem, method, resolution level): the unit of parallelism.
Task functions never raise for a pricing failure: an Octave error or a time-out
comes back as a status, so the run goes on and the worker keeps serving. A
crash of the Octave process is not a verdict on the method: the call is tried
once more on the fresh session that replaced it, and only a second crash is
reported (as "error", with the reason).
"""

from __future__ import annotations

import math
import platform
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .engine import OctaveCrash, OctaveEngine, OctaveError, OctaveTimeout
from .method_code import MethodCode
from .plugin import PLUGIN_NAME
from .quiet_host import host_turn
from .sandbox import SandboxRun, SandboxUnavailable, run_sandboxed


@dataclass(frozen=True)
class SolveTask:
    problem_id: str
    method: str
    level: int
    problem: dict[str, Any]  # the Octave problem struct
    repeats: int  # 0: one call, for the error; else timed calls after a warm-up (benchop_solve)
    timeout: float
    min_total: float = 0.0  # seconds the timed calls add up to at least
    long_call: float = math.inf  # a warm-up this long is followed by one timed call
    code: MethodCode | None = None  # an uploaded method's files: each call runs in a sandbox of its own


@dataclass(frozen=True)
class SolveOutcome:
    problem_id: str
    method: str
    level: int
    status: str  # "done", "error" or "timeout"
    prices: tuple[float, ...] = ()
    times: tuple[float, ...] = ()
    info: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    worker: str = ""  # the host
    address: str = ""  # the Dask worker's address
    wall: float = 0.0


@dataclass(frozen=True)
class ReferenceTask:
    problem_id: str
    problem: dict[str, Any]
    timeout: float


def _engine() -> OctaveEngine:
    from distributed import get_worker

    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is None or plugin.engine is None:
        raise RuntimeError("this worker has no Octave session (the benchop plugin is not registered)")
    return plugin.engine


def _call(func: str, *args: Any, nout: int, timeout: float) -> Any:
    """Call Octave on this worker's session; after a crash, once more on the fresh session."""
    engine = _engine()
    try:
        return engine.call(func, *args, nout=nout, timeout=timeout)
    except OctaveCrash as first:
        try:
            return engine.call(func, *args, nout=nout, timeout=timeout)
        except OctaveCrash as second:
            raise OctaveCrash(f"Octave crashed twice: {first}; then {second}") from None


def _plain(value: Any) -> Any:
    """Octave results as plain Python values (for pickling and JSON)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return value.item() if value.size == 1 else value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _row(value: Any) -> tuple[float, ...]:
    return tuple(float(x) for x in np.asarray(value, dtype=float).ravel())


def run_solve(task: SolveTask) -> SolveOutcome:
    """Price one problem with one method at one level, on this worker's Octave.

    A timing (``repeats`` > 0) runs alone on its host (:mod:`.quiet_host`).
    """
    with host_turn(alone=task.repeats > 0):
        return _solve(task)


def _worker_address() -> str:
    from distributed import get_worker

    try:
        return get_worker().address
    except ValueError:  # called outside a worker (a test)
        return ""


def _solve(task: SolveTask) -> SolveOutcome:
    start = time.perf_counter()
    common = {"problem_id": task.problem_id, "method": task.method, "level": task.level,
              "worker": platform.node(), "address": _worker_address()}
    if task.code is not None:
        return _sandboxed_solve(task, common, start)
    try:
        prices, times, info = _call("benchop_solve", task.method, task.problem, task.level, task.repeats,
                                    task.min_total, task.long_call, nout=3, timeout=task.timeout)
    except OctaveTimeout as exc:
        return SolveOutcome(status="timeout", error=str(exc), wall=time.perf_counter() - start, **common)
    except OctaveError as exc:
        return SolveOutcome(status="error", error=str(exc), wall=time.perf_counter() - start, **common)
    return _answered(_row(prices), _row(times), _plain(info), time.perf_counter() - start, common)


def _answered(prices: tuple[float, ...], times: tuple[float, ...], info: dict[str, Any], wall: float,
              common: dict[str, Any]) -> SolveOutcome:
    """The outcome of a call that answered: "done", or "error" for prices that are not finite."""
    if not all(math.isfinite(p) for p in prices):
        return SolveOutcome(status="error", error="the solver returned non-finite values", prices=prices,
                            times=times, info=info, wall=wall, **common)
    return SolveOutcome(status="done", prices=prices, times=times, info=info, wall=wall, **common)


def _json_struct(struct: dict[str, Any]) -> dict[str, Any]:
    """A problem struct as JSON values: the points as a matrix of one row per point set."""
    return {name: value.tolist() if isinstance(value, np.ndarray) else value for name, value in struct.items()}


def _sandboxed_solve(task: SolveTask, common: dict[str, Any], start: float) -> SolveOutcome:
    """One call of an uploaded method, in an Octave process of its own inside a sandbox."""
    job = {"problem": _json_struct(task.problem), "level": task.level, "repeats": task.repeats,
           "min_total": task.min_total, "long_call": task.long_call if math.isfinite(task.long_call) else None}
    try:
        run = run_sandboxed(task.code, task.method, "benchop_sandbox_solve", job,  # type: ignore[arg-type]
                            timeout=task.timeout)
    except SandboxUnavailable as exc:
        return SolveOutcome(status="error", error=f"this worker cannot run uploaded methods: {exc}",
                            wall=time.perf_counter() - start, **common)
    wall = time.perf_counter() - start
    if run.verdict != "answered":
        status = "timeout" if run.verdict in ("time limit", "cpu limit") else "error"
        return SolveOutcome(status=status, error=run.message, wall=wall, **common)
    answer = run.answer or {}
    try:
        prices, times = _row(answer["prices"]), _row(answer["times"])
    except (KeyError, TypeError, ValueError):
        return SolveOutcome(status="error", error="the method's answer was malformed", wall=wall, **common)
    return _answered(prices, times, _plain(answer.get("info") or {}), wall, common)


@dataclass(frozen=True)
class MethodTestTask:
    """The test blocks of an uploaded method's files, run in a sandbox."""

    method: str
    code: MethodCode
    timeout: float


@dataclass(frozen=True)
class MethodTestOutcome:
    """Per file (name, tests passed, tests), or the sandbox's verdict when it gave no counts."""

    method: str
    files: tuple[tuple[str, int, int], ...] = ()
    error: str | None = None
    output: str = ""
    worker: str = ""
    wall: float = 0.0


def run_method_tests(task: MethodTestTask) -> MethodTestOutcome:
    """Run an uploaded method's own tests (BIST blocks) on this worker, in a sandbox."""
    with host_turn(alone=False):
        start = time.perf_counter()
        try:
            run: SandboxRun = run_sandboxed(task.code, task.method, "benchop_sandbox_test", {},
                                            timeout=task.timeout)
        except SandboxUnavailable as exc:
            return MethodTestOutcome(task.method, error=f"this worker cannot run uploaded methods: {exc}",
                                     worker=platform.node(), wall=time.perf_counter() - start)
        common = {"output": run.output, "worker": platform.node(), "wall": time.perf_counter() - start}
        if run.verdict != "answered":
            return MethodTestOutcome(task.method, error=run.message, **common)  # type: ignore[arg-type]
        try:
            files = tuple((str(f["name"]), int(f["passed"]), int(f["total"]))
                          for f in (run.answer or {})["files"])
        except (KeyError, TypeError, ValueError):
            return MethodTestOutcome(task.method, error="the test run's answer was malformed",
                                     **common)  # type: ignore[arg-type]
        return MethodTestOutcome(task.method, files, **common)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ReferenceOutcome:
    problem_id: str
    values: tuple[float, ...] = ()
    error: str | None = None
    wall: float = 0.0


def run_reference(task: ReferenceTask) -> ReferenceOutcome:
    """The reference values for one problem instance, or why there are none."""
    with host_turn(alone=False):
        return _reference(task)


def _reference(task: ReferenceTask) -> ReferenceOutcome:
    start = time.perf_counter()
    try:
        values = _call("benchop_reference", task.problem, nout=1, timeout=task.timeout)
    except (OctaveError, OctaveTimeout) as exc:
        return ReferenceOutcome(task.problem_id, error=str(exc), wall=time.perf_counter() - start)
    return ReferenceOutcome(task.problem_id, _row(values), wall=time.perf_counter() - start)
