"""The service's run manager: runs go to the cluster in the background, results go to the store.

A submitted run is validated and stored at once (status "queued"), then runs
in a thread of its own on the shared Dask client, at most ``max_concurrent``
at a time. Every scored level is written to the store as it arrives, so a
restart loses nothing: :meth:`RunManager.resume_unfinished` starts the runs
that were queued or running again, keeping the levels they already have.

The same resumption carries a run through faults while the service runs:
when the scheduler is lost (and every task with it) or the store stops taking
writes, the run's attempt ends, and once the cluster or the store is back a
new attempt picks up from the levels the store holds. A run fails only for a
reason a user can act on: no workers within ``worker_wait``, a scheduler that
stays away past ``reconnect_wait``, or parameters a new release no longer
takes.
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass, replace
from typing import Any

import dask.config

from .catalogue import Catalogue
from .connection import ClusterConnection
from .environment import host_environment, worker_environment
from .method_store import MethodStore
from .run_result import build_run_result
from .runner import BenchmarkRunner, ClusterLost, NoWorkers
from .store import UNFINISHED, QueueLimits, RunRecord, Store, StoreReferenceCache, StoreUnavailable
from .validation import BadRequest, RunPlan, RunRequest, validate

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunSettings:
    """How the service runs what it accepts (the ``benchop`` settings: :meth:`from_config`)."""

    task_timeout: float
    method_budget: float
    max_concurrent: int
    worker_wait: float
    reconnect_wait: float
    limits: QueueLimits
    max_work: int

    @classmethod
    def from_config(cls) -> RunSettings:
        def service(name: str) -> Any:
            return dask.config.get(f"benchop.service.{name}")

        return cls(task_timeout=float(dask.config.get("benchop.task-timeout")),
                   method_budget=float(dask.config.get("benchop.method-budget")),
                   max_concurrent=int(service("max-concurrent-runs")),
                   worker_wait=float(dask.config.get("benchop.worker-wait")),
                   reconnect_wait=float(service("reconnect-wait")),
                   limits=QueueLimits(total=int(service("max-pending-runs")),
                                      per_client=int(service("max-pending-runs-per-client"))),
                   max_work=int(service("max-run-work")))


def request_to_json(request: RunRequest, plan: RunPlan) -> dict[str, Any]:
    """The request as stored, with the tolerances and repeats its plan settled on (a resumed run keeps them)."""
    stored = {"problems": list(request.problems), "methods": list(request.methods), "params": dict(request.params),
              "tol": plan.tol if len(plan.tols) == 1 else list(plan.tols), "repeat": plan.repeats}
    return stored | ({"machine": plan.machine} if plan.machine else {})


def request_from_json(data: dict[str, Any]) -> RunRequest:
    return RunRequest(problems=data["problems"], methods=data.get("methods", []), params=data.get("params", {}),
                      tol=data.get("tol"), repeats=data.get("repeat"), machine=data.get("machine"))


# Seconds between attempts to write to a store that refuses writes, at most.
_STORE_BACKOFF_MAX = 30.0


class RunManager:
    """Owns the run threads; the only writer of run status to the store."""

    def __init__(self, connection: ClusterConnection, store: Store, catalogue: Catalogue, settings: RunSettings,
                 methods: MethodStore | None = None):
        """``catalogue``: the built-in methods; ``methods``: the uploaded ones, if the service takes uploads."""
        self.connection = connection
        self.store = store
        self.builtin = catalogue
        self.methods = methods
        self.settings = settings
        self._slots = threading.BoundedSemaphore(settings.max_concurrent)
        self._lock = threading.Lock()
        self._runners: dict[str, BenchmarkRunner] = {}
        self._cancelled: set[str] = set()
        self._threads: dict[str, threading.Thread] = {}
        self._plans: dict[str, RunPlan] = {}  # the plans of the runs our threads hold
        self._stopping = threading.Event()

    @property
    def catalogue(self) -> Catalogue:
        """The built-in methods and the latest version of every uploaded one."""
        if self.methods is None:
            return self.builtin
        return self.builtin.with_uploads(version.method() for version in self.methods.latest())

    # -- the API's verbs ---------------------------------------------------------
    def plan(self, request: RunRequest) -> RunPlan:
        """Validate a request for this service: BadRequest on bad input or work past the cap."""
        plan = validate(request, self.catalogue)
        if plan.work > self.settings.max_work:
            raise BadRequest(f"this run asks for up to {plan.work} task repeats ({plan.max_tasks} tasks x "
                             f"{plan.repeats} repeats), more than the {self.settings.max_work} one run may have "
                             f"(benchop.service.max-run-work): fewer problems, methods or repeats")
        return plan

    def submit(self, request: RunRequest, client: str = "", idempotency_key: str | None = None) -> tuple[str, bool]:
        """Validate, store and start a run; returns (its id, whether it is new).

        Raises BadRequest (bad input), QueueFull (too many unfinished runs),
        IdempotencyConflict or StoreUnavailable; in each case nothing is
        stored and nothing submitted. The same ``idempotency_key`` from the
        same client returns the run it made before.
        """
        plan = self.plan(request)
        run_id, created = self.store.create_run(
            uuid.uuid4().hex, request_to_json(request, plan), [i.id for i in plan.instances], client=client,
            idempotency_key=idempotency_key, limits=self.settings.limits)
        if created:
            self._start(run_id, plan)
        return run_id, created

    def submit_each(self, request: RunRequest, client: str = "") -> dict[str, str]:
        """The request on every machine kind of the cluster, a run each; their ids by machine label.

        Every run is checked before any is stored (BadRequest: bad input, or
        no labelled worker); QueueFull past the bounds, with the runs stored
        so far kept.
        """
        from .machines import worker_machines

        if not self.connection.wait_ready(0):
            raise BadRequest(f"the cluster is not reachable now ({self.connection.problem}): cannot tell its "
                             "machine kinds")
        kinds = list(worker_machines(self.connection.client))
        if not kinds:
            raise BadRequest("no worker of the cluster carries a machine label, so there is nothing to compare: "
                             "the playbooks label each worker with its flavor, a local cluster with its CPU model")
        requests = {label: replace(request, machine=label) for label in kinds}
        for labelled in requests.values():
            self.plan(labelled)
        return {label: self.submit(labelled, client)[0] for label, labelled in requests.items()}

    def cancel(self, run_id: str) -> str | None:
        """Cancel a queued or running run; returns its status before (None: no such run).

        Only a "queued" or "running" answer means this call cancelled it.
        """
        record = self.store.get_run(run_id)
        if record is None:
            return None
        if record.status not in UNFINISHED or run_id in self._cancelled:
            return "cancelled" if run_id in self._cancelled else record.status
        with self._lock:
            self._cancelled.add(run_id)
            runner = self._runners.get(run_id)
        if runner is not None:
            runner.cancel()
            # Unfinished no more (it stops counting against the queue bounds); its
            # thread stores the results so far as the cancelled run's.
            self.store.set_status(run_id, "cancelled")
        else:  # queued: its thread, once it has a slot, sees the cancellation and ends
            self.store.finish(run_id, "cancelled", None)
        return record.status

    def resume_unfinished(self) -> list[str]:
        """Start again the runs a stopped service left queued or running."""
        resumed = []
        for record in self.store.unfinished_runs():
            try:
                plan = validate(request_from_json(record.request), self.catalogue)
            except BadRequest as exc:
                self.store.finish(record.id, "failed", None, f"cannot resume: {exc}")
                continue
            self.store.set_status(record.id, "queued")
            self._start(record.id, plan)
            resumed.append(record.id)
        return resumed

    def active(self) -> dict[str, tuple[int, int]]:
        """Tasks (completed, submitted) per running run, for the metrics."""
        with self._lock:
            return {run_id: runner.progress for run_id, runner in self._runners.items()}

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the run threads (tests, shutdown)."""
        for thread in list(self._threads.values()):
            thread.join(timeout)

    def stop(self) -> None:
        """Stop the run threads (shutdown): their runs stay unfinished in the store, to resume."""
        self._stopping.set()
        with self._lock:
            runners = list(self._runners.values())
        for runner in runners:
            runner.cancel()

    # -- running ---------------------------------------------------------------
    def _start(self, run_id: str, plan: RunPlan) -> None:
        thread = threading.Thread(target=self._execute, args=(run_id, plan), name=f"benchop-run-{run_id[:8]}",
                                  daemon=True)
        with self._lock:
            self._threads[run_id] = thread
            self._plans[run_id] = plan
        thread.start()

    def _execute(self, run_id: str, plan: RunPlan) -> None:
        try:
            with self._slots:
                self._attempt_until_settled(run_id, plan)
        finally:
            with self._lock:
                self._threads.pop(run_id, None)
                self._plans.pop(run_id, None)

    def _attempt_until_settled(self, run_id: str, plan: RunPlan) -> None:
        """Attempt the run until it finishes, fails for a reason, is cancelled or the service stops."""
        backoff = 1.0
        while not self._stopping.is_set():
            if run_id in self._cancelled:
                return self._settle(run_id, "cancelled", None, None)
            if not self.connection.wait_ready(self.settings.reconnect_wait):
                if not self._stopping.is_set():
                    self._settle(run_id, "failed", None, f"the cluster was not reachable for "
                                 f"{self.settings.reconnect_wait:g} s (benchop.service.reconnect-wait): "
                                 f"{self.connection.problem}")
                return
            try:
                self._attempt(run_id, plan)
                return
            except ClusterLost as exc:  # the next pass waits for the cluster, then resumes
                logger.warning("run %s: %s; it resumes when the cluster is back", run_id, exc)
            except StoreUnavailable as exc:
                logger.warning("run %s: %s; it resumes when the store takes writes again", run_id, exc)
                self._stopping.wait(backoff)
                backoff = min(2 * backoff, _STORE_BACKOFF_MAX)
            except NoWorkers as exc:
                self._settle(run_id, "failed", None, str(exc))
                return
            except Exception as exc:  # anything else: the run fails with the reason, the service goes on
                logger.exception("run %s failed", run_id)
                self._settle(run_id, "failed", None, f"{type(exc).__name__}: {exc}")
                return

    def _attempt(self, run_id: str, plan: RunPlan) -> None:
        """One attempt: resume from the stored levels, run to the end, store the result."""
        client = self.connection.client
        self.store.set_status(run_id, "running")
        self._record_environment(run_id, plan)
        runner = BenchmarkRunner(
            client, plan,
            task_timeout=self.settings.task_timeout,
            method_budget=self.settings.method_budget,
            cache=StoreReferenceCache(self.store),
            on_progress=lambda done, total: self.store.set_progress(run_id, done, total),
            on_level=lambda problem, method, level: self.store.add_level(run_id, problem, method, level),
            on_reference=lambda problem, ref, error: self.store.set_reference(run_id, problem, ref, error),
            resume=self.store.run_levels(run_id),
            worker_wait=self.settings.worker_wait,
        )
        with self._lock:
            if run_id in self._cancelled:
                return self._settle(run_id, "cancelled", None, None)
            self._runners[run_id] = runner
        try:
            result = runner.run()
        finally:
            with self._lock:
                self._runners.pop(run_id, None)
        if self._stopping.is_set() and run_id not in self._cancelled:
            return  # stopped by the service's shutdown: left unfinished, to resume
        self._record_environment(run_id, plan)
        status = "cancelled" if run_id in self._cancelled else "done"
        self.store.finish(run_id, status, {**result.to_json(), "dashboard": client.dashboard_link})

    def _settle(self, run_id: str, status: str, result: dict[str, Any] | None, error: str | None) -> None:
        """Store a run's end, waiting for the store if it refuses writes now."""
        backoff = 1.0
        while True:
            try:
                self.store.finish(run_id, status, result, error)
                return
            except StoreUnavailable as exc:
                logger.warning("run %s: cannot store its end (%s) yet: %s", run_id, status, exc)
                if self._stopping.wait(backoff):
                    return  # left unfinished in the store; the next start settles it
                backoff = min(2 * backoff, _STORE_BACKOFF_MAX)

    def _record_environment(self, run_id: str, plan: RunPlan) -> None:
        """What makes the run reproducible: versions, hosts, CPUs and the methods' level ladders.

        Called as an attempt starts and as it ends: the workers are every
        worker the run met, across its attempts (a cluster may have none yet
        when a run starts, or new ones after a scheduler restart).
        """
        client = self.connection.client
        record = self.store.get_run(run_id)
        workers = {address: facts for address, facts in (record.environment.get("workers") or {}).items()
                   if address != "error"} if record else {}
        try:
            workers.update(client.run(worker_environment, wait=True))
        except Exception as exc:
            if not workers:
                workers = {"error": str(exc)}
        ladders = {m.name: {"default": m.default_level, "max": m.max_level} for _, m in plan.pairs}
        self.store.set_environment(run_id, {"client": host_environment(), "workers": workers,
                                            "scheduler": client.scheduler.address,
                                            "dashboard": client.dashboard_link, "method_levels": ladders,
                                            "task_timeout": self.settings.task_timeout,
                                            "method_budget": self.settings.method_budget})

    # -- views ---------------------------------------------------------------------
    def view(self, run_id: str) -> dict[str, Any] | None:
        """A run as the API shows it: final results, or the results so far."""
        record = self.store.get_run(run_id)
        if record is None:
            return None
        base = {"id": record.id, "status": record.status, "created": record.created, "finished": record.finished,
                "request": record.request, "progress": {"done": record.done, "total": record.total},
                "environment": record.environment, "error": record.error}
        if record.result is not None:
            return {**base, **record.result}
        return {**base, **self._partial(record)}

    def _partial(self, record: RunRecord) -> dict[str, Any]:
        with self._lock:
            plan = self._plans.get(record.id)  # a run of ours in progress: planned already
        if plan is None:
            try:
                plan = validate(request_from_json(record.request), self.catalogue)
            except BadRequest:
                return {"problems": [], "results": [], "ranking": {}}
        stored = self.store.run_references(record.id)
        references = {pid: ref for pid, (ref, _) in stored.items() if ref is not None}
        errors = {pid: error for pid, (_, error) in stored.items() if error}
        unanswered = "running" if record.status in UNFINISHED else "cancelled"
        result = build_run_result(plan, self.store.run_levels(record.id), references, errors, unanswered=unanswered)
        return result.to_json()
