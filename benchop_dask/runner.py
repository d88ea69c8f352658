"""Run a plan on a Dask cluster: one task per (problem, method, level).

For each (problem, method) the levels up to the method's default are submitted
at once; while no level has met the tolerance, the next level is submitted,
until the method's top level or its time budget (worker time spent on the
pair, queueing excluded) is reached. Results stream
back as they complete and are scored against the reference for the run's own
parameters.

A task whose worker dies is run again elsewhere by Dask. What the runner
cannot repair it raises, so that its caller can decide: :class:`ClusterLost`
when the connection to the scheduler is gone (every task of the run with it;
the results already scored stay with the caller), :class:`NoWorkers` when the
cluster has had no worker for ``worker_wait`` seconds.
"""

from __future__ import annotations

import logging
import queue
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable, Mapping, Protocol, Sequence

from distributed import Client, Future

from .catalogue import Method
from .ranking import rank, sort_key, stable_passing, summarize_pair
from .references import Reference
from .results import LevelResult, PairResult, ProblemSummary, RunResult
from .scoring import median_time, relative_error
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


@dataclass
class _PairState:
    instance: ProblemInstance
    method: Method
    spent: float = 0.0  # worker seconds used so far, queueing excluded
    top: int = 0
    pending: set[int] = field(default_factory=set)
    outcomes: dict[int, SolveOutcome] = field(default_factory=dict)
    levels: dict[int, LevelResult] = field(default_factory=dict)
    done: bool = False


def score_outcome(outcome: SolveOutcome, reference: Reference, tol: float) -> LevelResult:
    """A worker's outcome scored against the reference."""
    if outcome.status != "done":
        return LevelResult(outcome.level, outcome.status, error=outcome.error, worker=outcome.worker,
                           info=outcome.info)
    try:
        relerr = relative_error(outcome.prices, reference.values)
    except ValueError as exc:
        return LevelResult(outcome.level, "error", error=str(exc), worker=outcome.worker)
    return LevelResult(
        level=outcome.level,
        status="ok" if relerr <= tol else "inaccurate",
        prices=outcome.prices,
        relerr=relerr,
        time=median_time(outcome.times),
        times=outcome.times,
        info=outcome.info,
        worker=outcome.worker,
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
    ):
        self.client = client
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
                pair.spent += (level.time or 0.0) * (len(level.times) + 1)  # warm-up and repeats
        self._tasks: dict[str, tuple[str, object, int]] = {}
        self._futures: dict[str, Future] = {}
        self._finished: queue.SimpleQueue[Future] = queue.SimpleQueue()  # filled by the futures' callbacks
        self._no_workers_since: float | None = None
        self._submitted = 0
        self._completed = 0
        self._cancelled = False

    @property
    def progress(self) -> tuple[int, int]:
        """Tasks (completed, submitted) so far."""
        return self._completed, self._submitted

    # -- submission -------------------------------------------------------
    def _submit(self, func, arg, key: str, meta: tuple[str, object, int]) -> Future:
        future = self.client.submit(func, arg, key=f"{key}-{uuid.uuid4().hex}", pure=False)
        self._tasks[future.key] = meta
        self._futures[future.key] = future
        future.add_done_callback(self._finished.put)
        self._submitted += 1
        return future

    def _submit_level(self, pair: _PairState, level: int) -> None:
        task = SolveTask(pair.instance.id, pair.method.name, level, pair.instance.octave_struct(),
                         self.plan.repeats, self.task_timeout)
        self._submit(run_solve, task, f"{pair.method.name}-{pair.instance.id}-L{level}", ("solve", pair, level))
        pair.pending.add(level)
        pair.top = max(pair.top, level)

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
        met = bool(stable_passing(pair.levels.values()))
        failed_top = pair.levels[pair.top].status in ("error", "timeout")
        within_budget = pair.spent < self.method_budget
        if met or failed_top or pair.top >= pair.method.max_level or not within_budget:
            pair.done = True
        else:
            self._submit_level(pair, pair.top + 1)

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

    def _on_solve(self, pair: _PairState, level: int, future: Future) -> None:
        try:
            outcome = self._task_result(future)
        except ClusterLost:
            raise
        except Exception as exc:  # a task that kept killing its workers, plugin missing, ...
            outcome = SolveOutcome(pair.instance.id, pair.method.name, level, "error", error=f"task failed: {exc}")
        pair.pending.discard(outcome.level)
        pair.spent += outcome.wall
        pair.outcomes[outcome.level] = outcome
        self._advance(pair)

    # -- the run ------------------------------------------------------------
    def run(self) -> RunResult:
        try:
            self._submit_references()
            for pair in self._pairs:
                first = range(1, min(max(pair.method.default_level, pair.top), pair.method.max_level) + 1)
                for level in first:
                    if level not in pair.levels:
                        self._submit_level(pair, level)
                if not pair.pending:  # a resumed pair with every first level done: climb on
                    self._advance(pair)
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
                else:
                    self._on_solve(subject, level, future)  # type: ignore[arg-type]
                future.release()
                self._completed += 1
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
            workers = len(self.client.nthreads()) if self.client.status == "running" else 0
        except (OSError, TimeoutError) as exc:
            raise ClusterLost(f"the scheduler does not answer: {exc}") from None
        if workers:
            self._no_workers_since = None
            return
        now = time.monotonic()
        if self._no_workers_since is None:
            self._no_workers_since = now
        elif now - self._no_workers_since > self.worker_wait:
            raise NoWorkers(f"no worker joined the cluster within {self.worker_wait:g} s "
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
        results: list[PairResult] = []
        for pair in self._pairs:
            reference = self.references.get(pair.instance.id)
            ref_values = reference.values if reference else ()
            summary = summarize_pair(pair.instance.id, pair.method.name, pair.levels.values(), ref_values)
            if pair.instance.id in self.reference_errors:
                summary = PairResult(pair.instance.id, pair.method.name, "error",
                                     error=self.reference_errors[pair.instance.id])
            results.append(summary)
        for skipped in self.plan.unsupported:
            reference = self.references.get(skipped.instance.id)
            results.append(PairResult(skipped.instance.id, skipped.method, "unsupported",
                                      reference=reference.values if reference else (), error=skipped.reason))
        order = {inst.id: i for i, inst in enumerate(self.plan.instances)}
        results.sort(key=lambda r: (order[r.problem], sort_key(r)))
        problems = tuple(
            ProblemSummary(
                id=inst.id,
                title=inst.problem.title,
                params=inst.params,
                reference=self.references[inst.id].values if inst.id in self.references else (),
                reference_source=self.references[inst.id].source if inst.id in self.references else None,
                reference_error=self.reference_errors.get(inst.id),
            )
            for inst in self.plan.instances
        )
        return RunResult(self.plan.tol, self.plan.repeats, problems, tuple(results), rank(results))
