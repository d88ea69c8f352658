"""Run a plan on a Dask cluster: one task per (problem, method, level).

Error first, timing second. Each (problem, method) pair starts with its
lowest levels at once, each a single call whose answer is scored against the
reference for the run's own parameters. While no level has met the
tolerance, the runner predicts from the errors it has seen (their decay per
level, the N^-1/2 of Monte Carlo at least) the level that will meet it and
jumps there, unless the predicted cost does not fit the method's time budget
(worker time spent on the pair, queueing excluded): then it stops and says
what the tolerance would need. The lowest level meeting the tolerance decides
the method's rank once the levels a jump skipped below it have missed and the
level above it has met the tolerance too (:func:`climb_step`); only that
level is then timed over repeats, after a warm-up; a call of ``long_call``
seconds or more is timed once. Longer tasks are started first.

A task whose worker dies is run again elsewhere by Dask. What the runner
cannot repair it raises, so that its caller can decide: :class:`ClusterLost`
when the connection to the scheduler is gone (every task of the run with it;
the results already scored stay with the caller), :class:`NoWorkers` when the
cluster has had no worker for ``worker_wait`` seconds.
"""

from __future__ import annotations

import logging
import math
import queue
import time
import uuid
from dataclasses import dataclass, field, replace
from typing import Callable, Literal, Mapping, Protocol, Sequence

from distributed import Client, Future

import dask.config

from .catalogue import Method
from .machines import resource, worker_machines
from .references import Reference
from .results import LevelResult, RunResult
from .run_result import build_run_result, rescored
from .scoring import pricing_time, relative_error
from .tasks import ReferenceTask, SolveOutcome, SolveTask, run_reference, run_solve
from .validation import ProblemInstance, RunPlan

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
LevelCallback = Callable[[str, str, LevelResult], None]  # problem id, method, the scored level
ReferenceCallback = Callable[[str, "Reference | None", "str | None"], None]  # problem id, reference, error


class ClusterLost(RuntimeError):
    """The connection to the scheduler was lost, and the run's tasks with it."""


class NoWorkers(RuntimeError):
    """The cluster had no worker for longer than the run may wait."""


class ReferenceStore(Protocol):
    """Where computed references are kept: ReferenceCache (files) or the service's store."""

    def lookup(self, instance: ProblemInstance) -> Reference | None: ...

    def put(self, instance: ProblemInstance, values: tuple[float, ...]) -> None: ...


@dataclass(frozen=True)
class TimingPolicy:
    """How the deciding level is timed (the ``benchop.timing`` settings)."""

    min_total: float  # fast calls repeat until the timed calls add up to this (seconds)
    long_call: float  # a call this long (seconds) is timed once

    @classmethod
    def from_config(cls) -> TimingPolicy:
        return cls(float(dask.config.get("benchop.timing.min-total")),
                   float(dask.config.get("benchop.timing.long-call")))


# Error decay per level (log2 of the error ratio) a Monte Carlo ladder is
# extrapolated with: from the N^-1/2 of sampling, each level doubling the
# paths, to three times that where a bias (an exercise rule fitted on few
# paths) shrinks faster. Slower than N^-1/2 the estimates are still ruled by
# a bias or by noise, and the climb goes one level at a time.
_MC_DECAY = (-1.5, -0.5)
# Other ladders: a decay slower than this is stagnation, climb one level.
_MIN_DECAY = -0.25
# The most levels one step of the climb goes up (about four times the work):
# an extrapolation past that is too uncertain to pay for at once.
_MAX_JUMP = 2
# Levels a pair starts with, at once: enough for a first estimate of its
# convergence. The climb goes on from there.
FIRST_LEVELS = 3


@dataclass(frozen=True)
class TaskRecord:
    """One completed task, as a schedule simulation needs it (bench/scaling).

    ``round`` 0 holds the tasks a pair (or a reference) starts with, all at
    once; a pair's round r + 1 was submitted once its round r had finished
    and its problem's reference was known.
    """

    problem: str
    method: str  # "" for a reference
    kind: str  # "solve", "timing" or "reference"
    level: int
    round: int
    seconds: float  # the task's own measure of its worker time


@dataclass
class _PairState:
    instance: ProblemInstance
    method: Method
    spent: float = 0.0  # worker seconds used so far, queueing excluded
    top: int = 0
    pending: set[int] = field(default_factory=set)
    outcomes: dict[int, SolveOutcome] = field(default_factory=dict)
    levels: dict[int, LevelResult] = field(default_factory=dict)
    timing: set[int] = field(default_factory=set)  # levels whose timing over repeats was asked for
    # The run's tolerances this pair is through with, and why it stopped short of one (else None).
    settled: dict[float, str | None] = field(default_factory=dict)
    round: int = 0  # of the tasks submitted last (TaskRecord)
    rounds: dict[tuple[str, int], int] = field(default_factory=dict)  # (kind, level) -> its round
    done: bool = False


def _slope(points: Sequence[tuple[int, float]]) -> float | None:
    """Least-squares slope of log2(value) against level, or None for fewer than two points."""
    if len(points) < 2:
        return None
    xs = [float(x) for x, _ in points]
    ys = [math.log2(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else None


@dataclass(frozen=True)
class Prediction:
    level: int  # the level predicted to meet the tolerance (may lie above the method's top)
    seconds: float  # the predicted time of one call at that level
    growth: float = 1.0  # log2 of the time's growth per level
    extrapolated: bool = True  # False: the errors did not converge enough to extrapolate, the next level
    earliest: int | None = None  # the level at the fastest convergence believed (Monte Carlo: _MC_DECAY[0])

    def seconds_at(self, level: int) -> float:
        """The predicted time of one call at another level."""
        return self.seconds * 2.0 ** (self.growth * (level - self.level))


def predict_level(method: Method, levels: Sequence[LevelResult], tol: float) -> Prediction:
    """The level predicted to meet ``tol``, from the answered levels of one pair.

    The highest answered level has not met the tolerance. The error's decay
    per level is the least-squares slope over the last three answered levels,
    a slower decay than ``_MIN_DECAY`` predicting the next level. A Monte
    Carlo method's decay must reach the slower end of ``_MC_DECAY`` to be
    extrapolated, and is kept within it; its error at the top is read off the
    line of that slope through the last three estimates, not off the last one
    alone: each is noisy. The time grows per
    level as observed between the two highest levels once they take 10 ms
    (below, fixed costs hide the growth), but is taken to double at least:
    higher up, where the work itself dominates, ladders roughly double it
    (benchop/METHODS.md).
    """
    answered = sorted((lv for lv in levels if lv.relerr and lv.time), key=lambda lv: lv.level)
    if not answered:  # nothing to extrapolate from
        top_level = max((lv.level for lv in levels), default=0)
        return Prediction(top_level + 1, max((lv.time or 0.0 for lv in levels), default=0.0) * 2.0)
    top = answered[-1]
    points = [(lv.level, lv.relerr) for lv in answered[-3:]]
    decay = _slope(points)  # type: ignore[arg-type]
    error = math.log2(top.relerr)  # type: ignore[arg-type]
    slowest = _MC_DECAY[1] if method.family == "monte-carlo" else _MIN_DECAY
    extrapolated = decay is not None and decay <= slowest
    earliest = None
    if not extrapolated:
        target = top.level + 1
    else:
        if method.family == "monte-carlo":
            decay = max(decay, _MC_DECAY[0])  # type: ignore[type-var]
            error = sum(math.log2(y) + decay * (top.level - x) for x, y in points) / len(points)  # type: ignore
            earliest = top.level + max(1, math.ceil((math.log2(tol) - error) / _MC_DECAY[0] - 1e-9))
        target = top.level + max(1, math.ceil((math.log2(tol) - error) / decay - 1e-9))  # type: ignore[operator]
    growth = _slope([(lv.level, lv.time) for lv in answered[-2:]])  # type: ignore[misc]
    growth = 1.0 if growth is None or top.time < 0.01 else min(max(growth, 1.0), 3.0)  # type: ignore[operator]
    return Prediction(target, top.time * 2.0 ** (growth * (target - top.level)), growth,  # type: ignore[operator]
                      extrapolated, earliest)


@dataclass(frozen=True)
class ClimbStep:
    """What one pair does next, once its levels called so far have answered.

    ``call``: call ``levels`` for their errors, ``cost`` seconds predicted for
    the most expensive (their priority); ``decide``: ``levels[0]`` decides the
    method's rank, time it; ``stop``: the climb ends, ``note`` saying why when
    the tolerance was not met.
    """

    action: Literal["call", "decide", "stop"]
    levels: tuple[int, ...] = ()
    cost: float = 0.0
    note: str | None = None


def climb_step(method: Method, levels: Mapping[int, LevelResult], tol: float, *, spent: float,
               budget: float) -> ClimbStep:
    """The next step of one pair's climb, from its answered levels (none pending).

    The levels above the highest that missed the tolerance all met it; the
    lowest of them decides once the levels between it and that miss are
    known too (a jump may have skipped them, and one may be cheaper) and the
    levels above it, up to the method's default, have met the tolerance too:
    for a deterministic ladder the next level, for Monte Carlo every level up
    to the default, since an estimate can meet the tolerance by the luck of
    its random numbers at one level and miss it at the next. Without a
    passing level, the climb goes to the level its observed convergence
    predicts (:func:`predict_level`), at most ``_MAX_JUMP`` levels up, and
    stops when no level can meet the tolerance: a Monte Carlo error that
    even the fastest convergence believed would not bring to the tolerance
    by the top level (judged from the default level up), a call longer than
    the ``budget`` of worker seconds, or the budget ``spent``.
    """
    answered = {n: lv for n, lv in levels.items() if lv.status in ("ok", "inaccurate")}
    missed = max((n for n, lv in answered.items() if lv.status == "inaccurate"), default=0)
    passing = sorted(n for n in answered if n > missed)
    if passing:
        lowest = answered[passing[0]]
        cost = lowest.time or 0.0
        skipped = tuple(n for n in range(missed + 1, lowest.level) if n not in levels)
        if skipped:
            return ClimbStep("call", skipped, cost)
        default = min(method.default_level, method.max_level)
        confirm_to = default if method.family == "monte-carlo" else min(lowest.level + 1, default)
        unconfirmed = tuple(n for n in range(lowest.level + 1, confirm_to + 1) if n not in levels)
        if unconfirmed:
            return ClimbStep("call", unconfirmed, cost * 2.0 ** len(unconfirmed))
        return ClimbStep("decide", (lowest.level,))
    top = max(levels)
    if levels[top].status in ("error", "timeout") or top >= method.max_level:
        return ClimbStep("stop")
    predicted = predict_level(method, list(answered.values()), tol)
    level = min(predicted.level, method.max_level, top + _MAX_JUMP)
    cost = predicted.seconds_at(level)
    need = f"needs about {predicted.seconds:.2g} s at level {predicted.level}"
    if (method.family == "monte-carlo" and top >= method.default_level and predicted.earliest is not None
            and predicted.earliest > method.max_level):
        # Converging sampling error is predictable (from the default level up, where a bias no
        # longer rules it): not even the fastest convergence believed reaches it by the top
        # level (a bias, as of an exercise rule fitted on few paths, can still fall faster).
        return ClimbStep("stop", note=f"{need}, above its top level {method.max_level}")
    if cost > budget or spent >= budget:
        # One call longer than the whole budget, or the budget spent: no level starts.
        return ClimbStep("stop", note=f"{need}, more than its time budget (benchop.method-budget)")
    return ClimbStep("call", (level,), cost)


def score_outcome(outcome: SolveOutcome, reference: Reference, tol: float) -> LevelResult:
    """A worker's outcome scored against the reference."""
    if outcome.status != "done":
        return LevelResult(outcome.level, outcome.status, error=outcome.error, worker=outcome.worker,
                           address=outcome.address, info=outcome.info)
    try:
        relerr = relative_error(outcome.prices, reference.values)
    except ValueError as exc:
        return LevelResult(outcome.level, "error", error=str(exc), worker=outcome.worker, address=outcome.address)
    return LevelResult(
        level=outcome.level,
        status="ok" if relerr <= tol else "inaccurate",
        prices=outcome.prices,
        relerr=relerr,
        time=pricing_time(outcome),
        times=outcome.times,
        info=outcome.info,
        worker=outcome.worker,
        address=outcome.address,
    )


class BenchmarkRunner:
    """Submit a run plan's tasks, climb resolution levels, collect the results."""

    def __init__(
        self,
        client: Client,
        plan: RunPlan,
        *,
        task_timeout: float,
        method_budget: float,
        cache: ReferenceStore,
        on_progress: ProgressCallback | None = None,
        on_level: LevelCallback | None = None,
        on_reference: ReferenceCallback | None = None,
        resume: Mapping[tuple[str, str], Sequence[LevelResult]] | None = None,
        worker_wait: float = float("inf"),
        poll_interval: float = 1.0,
        timing: TimingPolicy | None = None,
    ):
        self.client = client
        self.timing = timing or TimingPolicy.from_config()
        self.worker_wait = worker_wait
        self.poll_interval = poll_interval
        self.plan = plan
        self.task_timeout = task_timeout
        self.method_budget = method_budget
        self.cache = cache
        self.on_progress = on_progress
        self.on_level = on_level
        self.on_reference = on_reference
        self.references: dict[str, Reference] = {}
        self.reference_errors: dict[str, str] = {}
        self._pairs = [_PairState(inst, method) for inst, method in plan.pairs]
        for pair in self._pairs:  # levels a stopped run already has (a resumed run)
            for level in (resume or {}).get((pair.instance.id, pair.method.name), ()):
                pair.levels[level.level] = level
                pair.top = max(pair.top, level.level)
                pair.spent += sum(level.times)
                if level.timing == "repeated":
                    pair.spent += level.time or 0.0  # its warm-up
                    pair.timing.add(level.level)
        self._tasks: dict[str, tuple[str, object, int]] = {}
        self._futures: dict[str, Future] = {}
        self._finished: queue.SimpleQueue[Future] = queue.SimpleQueue()  # filled by the futures' callbacks
        self._no_workers_since: float | None = None
        self._submitted = 0
        self._completed = 0
        self._worker_seconds = 0.0
        self._trace: list[TaskRecord] = []
        self._cancelled = False
        self._awaiting_timing: list[tuple[_PairState, LevelResult]] = []

    @property
    def progress(self) -> tuple[int, int]:
        """Tasks (completed, submitted) so far."""
        return self._completed, self._submitted

    @property
    def worker_seconds(self) -> float:
        """Worker time the completed tasks took (each task's own measure)."""
        return self._worker_seconds

    @property
    def trace(self) -> list[TaskRecord]:
        """The completed tasks, in the order they completed."""
        return list(self._trace)

    # -- submission -------------------------------------------------------
    def _submit(self, func, arg, key: str, meta: tuple[str, object, int], priority: float = 0) -> Future:
        # A run for one machine kind: every task on a worker of that kind.
        where = {"resources": {resource(self.plan.machine): 1}} if self.plan.machine else {}
        future = self.client.submit(func, arg, key=f"{key}-{uuid.uuid4().hex}", pure=False, priority=priority,
                                    **where)
        self._tasks[future.key] = meta
        self._futures[future.key] = future
        future.add_done_callback(self._finished.put)
        self._submitted += 1
        return future

    def _submit_level(self, pair: _PairState, level: int, priority: float | None = None) -> None:
        """One call at ``level``, for its error (and its single-call time)."""
        task = SolveTask(pair.instance.id, pair.method.name, level, pair.instance.octave_struct(), 0,
                         self.task_timeout, code=pair.method.code)
        # Longest first: a predicted cost in seconds orders the queue; without
        # one, the level does, below any prediction.
        self._submit(run_solve, task, f"{pair.method.name}-{pair.instance.id}-L{level}", ("solve", pair, level),
                     priority=level / 1000 if priority is None else priority)
        pair.rounds[("solve", level)] = pair.round
        pair.pending.add(level)
        pair.top = max(pair.top, level)

    def _release_timings(self) -> None:
        """Submit the awaited timings once no level of the run is left to answer."""
        if self._awaiting_timing and all(kind == "timing" for kind, _, _ in self._tasks.values()):
            for pair, level in self._awaiting_timing:
                self._submit_timing(pair, level)
            self._awaiting_timing.clear()

    def _submit_timing(self, pair: _PairState, level: LevelResult) -> None:
        """Time the deciding level over repeats, after a warm-up."""
        task = SolveTask(pair.instance.id, pair.method.name, level.level, pair.instance.octave_struct(),
                         self.plan.repeats, self.task_timeout, self.timing.min_total, self.timing.long_call,
                         code=pair.method.code)
        expected = (self.plan.repeats + 1) * (level.time or 0.0) + self.timing.min_total
        pair.round += 1
        self._submit(run_solve, task, f"{pair.method.name}-{pair.instance.id}-L{level.level}-timed",
                     ("timing", pair, level.level), priority=expected)
        pair.rounds[("timing", level.level)] = pair.round
        pair.timing.add(level.level)

    def _submit_references(self) -> None:
        for instance in self.plan.instances:
            known = self.cache.lookup(instance)
            if known is not None:
                self.references[instance.id] = known
                if self.on_reference is not None:
                    self.on_reference(instance.id, known, None)
            else:
                task = ReferenceTask(instance.id, instance.octave_struct(), self.task_timeout)
                self._submit(run_reference, task, f"reference-{instance.id}", ("reference", instance, 0))

    # -- progress through the ladder ---------------------------------------
    def _advance(self, pair: _PairState) -> None:
        if pair.done:
            return
        reference = self.references.get(pair.instance.id)
        if reference is not None:
            for level, outcome in list(pair.outcomes.items()):
                pair.levels[level] = score_outcome(outcome, reference, self.plan.tol)
                del pair.outcomes[level]
                if self.on_level is not None:
                    self.on_level(pair.instance.id, pair.method.name, pair.levels[level])
        if self._cancelled:
            pair.done = True
            return
        if pair.pending:
            return
        if pair.instance.id in self.reference_errors:
            pair.done = True
            return
        if reference is None:
            return  # the reference is still being computed
        # The tightest tolerance first: its climb passes the levels the looser ones need.
        for tol in reversed(self.plan.tols):
            if tol in pair.settled:
                continue
            levels = pair.levels if tol == self.plan.tol else \
                {lv.level: lv for lv in rescored(pair.levels.values(), tol)}
            step = climb_step(pair.method, levels, tol, spent=pair.spent, budget=self.method_budget)
            if step.action == "call":
                pair.round += 1
                for level in step.levels:
                    self._submit_level(pair, level, priority=step.cost)
                return
            if step.action == "decide":
                level = step.levels[0]
                if level not in pair.timing and (pair.levels[level].time or 0.0) < self.timing.long_call:
                    # Timed once the run's levels have all answered: a timing runs alone on its host,
                    # and would otherwise wait, its worker idle, for the long levels running beside it.
                    pair.timing.add(level)
                    self._awaiting_timing.append((pair, pair.levels[level]))
            pair.settled[tol] = step.note
        pair.done = True

    def _task_result(self, future: Future):
        """The task's return value; raises ClusterLost when the scheduler dropped it."""
        try:
            return future.result()
        except Exception:
            if future.cancelled() and not self._cancelled:
                raise ClusterLost(f"the connection to the scheduler {self.client.scheduler.address} was lost; "
                                  f"{len(self._futures) + 1} task(s) of the run went with it") from None
            raise

    def _on_reference(self, instance: ProblemInstance, future: Future) -> None:
        try:
            outcome = self._task_result(future)
            error = outcome.error
            self._worker_seconds += outcome.wall
            self._trace.append(TaskRecord(instance.id, "", "reference", 0, 0, outcome.wall))
        except ClusterLost:
            raise
        except Exception as exc:  # a task that kept killing its workers, plugin missing, ...
            outcome, error = None, f"task failed: {exc}"
        if outcome is not None and not error and len(outcome.values) != len(instance.params["S"]):  # type: ignore[arg-type]
            error = "the reference has the wrong number of values"
        if error:
            self.reference_errors[instance.id] = f"no reference for these parameters: {error}"
        else:
            self.references[instance.id] = Reference(outcome.values, "computed")
            self.cache.put(instance, outcome.values)
        if self.on_reference is not None:
            self.on_reference(instance.id, self.references.get(instance.id), self.reference_errors.get(instance.id))
        for pair in self._pairs:
            if pair.instance.id == instance.id:
                self._advance(pair)

    def _solve_outcome(self, pair: _PairState, kind: str, level: int, future: Future) -> SolveOutcome:
        try:
            outcome = self._task_result(future)
        except ClusterLost:
            raise
        except Exception as exc:  # a task that kept killing its workers, plugin missing, ...
            outcome = SolveOutcome(pair.instance.id, pair.method.name, level, "error", error=f"task failed: {exc}")
        pair.spent += outcome.wall
        self._worker_seconds += outcome.wall
        self._trace.append(TaskRecord(pair.instance.id, pair.method.name, kind, level,
                                      pair.rounds.get((kind, level), 0), outcome.wall))
        return outcome

    def _on_solve(self, pair: _PairState, level: int, future: Future) -> None:
        outcome = self._solve_outcome(pair, "solve", level, future)
        pair.pending.discard(outcome.level)
        pair.outcomes[outcome.level] = outcome
        self._advance(pair)

    def _on_timing(self, pair: _PairState, level: int, future: Future) -> None:
        """The deciding level's times over repeats replace its single call; its score stays."""
        outcome = self._solve_outcome(pair, "timing", level, future)
        single = pair.levels[level]
        if outcome.status == "done" and outcome.times:
            timed = replace(single, time=pricing_time(outcome), times=outcome.times, info=outcome.info,
                            timing="repeated", worker=outcome.worker, address=outcome.address)
            pair.levels[level] = timed
            if self.on_level is not None:
                self.on_level(pair.instance.id, pair.method.name, timed)
        else:  # the single call stands, marked as such
            logger.warning("timing %s on %s at level %d failed: %s", pair.method.name, pair.instance.id, level,
                           outcome.error)
        self._advance(pair)

    # -- the run ------------------------------------------------------------
    def run(self) -> RunResult:
        try:
            self._submit_references()
            for pair in self._pairs:
                if pair.levels:  # a resumed pair climbs on from its levels
                    self._advance(pair)
                    continue
                for level in range(1, min(FIRST_LEVELS, pair.method.max_level) + 1):
                    self._submit_level(pair, level)
            self._release_timings()
            self._report_progress()
            while self._futures and not self._cancelled:
                future = self._next_finished()
                meta = self._tasks.pop(future.key, None) if future is not None else None
                if meta is None:  # nothing finished yet, or a task cancelled meanwhile
                    continue
                self._futures.pop(future.key, None)
                kind, subject, level = meta
                if kind == "reference":
                    self._on_reference(subject, future)  # type: ignore[arg-type]
                elif kind == "timing":
                    self._on_timing(subject, level, future)  # type: ignore[arg-type]
                else:
                    self._on_solve(subject, level, future)  # type: ignore[arg-type]
                future.release()
                self._completed += 1
                self._release_timings()
                self._report_progress()
        except BaseException:
            self.cancel()
            raise
        return self._result()

    def _next_finished(self) -> Future | None:
        """The next finished task, or None after a quiet poll interval (the cluster checked)."""
        try:
            return self._finished.get(timeout=self.poll_interval)
        except queue.Empty:
            self._check_cluster()
            return None

    def _check_cluster(self) -> None:
        """Raise ClusterLost or NoWorkers when waiting longer cannot help."""
        if self.client.status not in ("running", "connecting"):
            raise ClusterLost(f"the client's connection to the scheduler is {self.client.status}")
        try:
            if self.client.status != "running":
                workers = 0
            elif self.plan.machine:
                workers = len(worker_machines(self.client).get(self.plan.machine, ()))
            else:
                workers = len(self.client.nthreads())
        except (OSError, TimeoutError) as exc:
            raise ClusterLost(f"the scheduler does not answer: {exc}") from None
        if workers:
            self._no_workers_since = None
            return
        now = time.monotonic()
        if self._no_workers_since is None:
            self._no_workers_since = now
        elif now - self._no_workers_since > self.worker_wait:
            kind = f" of machine kind {self.plan.machine}" if self.plan.machine else ""
            raise NoWorkers(f"no worker{kind} joined the cluster within {self.worker_wait:g} s "
                            f"(setting benchop.worker-wait)")

    def cancel(self) -> None:
        """Cancel every task of this run still on the cluster; no new level starts.

        Safe to call from another thread while :meth:`run` waits for results.
        """
        self._cancelled = True
        futures = list(self._futures.values())
        self._tasks.clear()
        self._futures.clear()
        if futures and self.client.status == "running":
            try:
                self.client.cancel(futures)
            except Exception:  # the scheduler went away meanwhile: the tasks went with it
                logger.debug("cancelling the run's tasks failed", exc_info=True)

    def _report_progress(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self._completed, self._submitted)

    def _result(self) -> RunResult:
        notes = {(pair.instance.id, pair.method.name, tol): note
                 for pair in self._pairs for tol, note in pair.settled.items() if note}
        return build_run_result(self.plan, {(pair.instance.id, pair.method.name): pair.levels.values()
                                            for pair in self._pairs},
                                self.references, self.reference_errors, notes=notes, tasks=self._completed,
                                worker_seconds=self._worker_seconds)
