"""The service's run manager: runs go to the cluster in the background, results go to the store.

A submitted run is validated and stored at once (status "queued"), then runs
in a thread of its own on the shared Dask client, at most ``max_concurrent``
at a time. Every scored level is written to the store as it arrives, so a
restart loses nothing: :meth:`RunManager.resume_unfinished` starts the runs
that were queued or running again, keeping the levels they already have.
"""

from __future__ import annotations

import logging
import os
import platform
import socket
import threading
import uuid
from dataclasses import dataclass
from typing import Any

from distributed import Client

from . import __version__
from .catalogue import Catalogue
from .ranking import rank, sort_key, summarize_pair
from .results import PairResult
from .runner import BenchmarkRunner
from .store import UNFINISHED, RunRecord, Store, StoreReferenceCache
from .validation import BadRequest, RunPlan, RunRequest, validate

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunSettings:
    task_timeout: float
    method_budget: float
    max_concurrent: int = 4


def request_to_json(request: RunRequest) -> dict[str, Any]:
    return {"problems": list(request.problems), "methods": list(request.methods), "params": dict(request.params),
            "tol": request.tol, "repeat": request.repeats}


def request_from_json(data: dict[str, Any]) -> RunRequest:
    return RunRequest(problems=data["problems"], methods=data.get("methods", []), params=data.get("params", {}),
                      tol=data.get("tol", 1e-4), repeats=data.get("repeat", 3))


def node_environment(dask_worker=None) -> dict[str, Any]:
    """What a worker runs on: host, CPU model, Python, Octave and package versions."""
    import dask
    import distributed

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    octave = None
    plugin = dask_worker.plugins.get("benchop-octave") if dask_worker is not None else None
    if plugin is not None and getattr(plugin, "engine", None) is not None:
        try:
            octave = str(plugin.engine.call("version", timeout=30))
        except Exception:  # the version is a courtesy: never fail a run for it
            octave = None
    return {"host": socket.gethostname(), "cpu": cpu, "cpus": os.cpu_count(), "python": platform.python_version(),
            "octave": octave, "benchop": __version__, "dask": dask.__version__,
            "distributed": distributed.__version__}


class RunManager:
    """Owns the run threads; the only writer of run status to the store."""

    def __init__(self, client: Client, store: Store, catalogue: Catalogue, settings: RunSettings):
        self.client = client
        self.store = store
        self.catalogue = catalogue
        self.settings = settings
        self._slots = threading.BoundedSemaphore(settings.max_concurrent)
        self._lock = threading.Lock()
        self._runners: dict[str, BenchmarkRunner] = {}
        self._cancelled: set[str] = set()
        self._threads: dict[str, threading.Thread] = {}

    # -- the API's verbs ---------------------------------------------------------
    def submit(self, request: RunRequest) -> str:
        """Validate (BadRequest on bad input, nothing stored) and start a run; returns its id."""
        plan = validate(request, self.catalogue)
        run_id = uuid.uuid4().hex
        self.store.create_run(run_id, request_to_json(request), [i.id for i in plan.instances])
        self._start(run_id, plan, {})
        return run_id

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
        else:
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
            self._start(record.id, plan, self.store.run_levels(record.id))
            resumed.append(record.id)
        return resumed

    def active(self) -> dict[str, tuple[int, int]]:
        """Tasks (completed, submitted) per running run, for the metrics."""
        with self._lock:
            return {run_id: (r._completed, r._submitted) for run_id, r in self._runners.items()}

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the run threads (tests, shutdown)."""
        for thread in list(self._threads.values()):
            thread.join(timeout)

    # -- running ---------------------------------------------------------------
    def _start(self, run_id: str, plan: RunPlan, resume: dict) -> None:
        thread = threading.Thread(target=self._execute, args=(run_id, plan, resume), name=f"benchop-run-{run_id[:8]}",
                                  daemon=True)
        self._threads[run_id] = thread
        thread.start()

    def _execute(self, run_id: str, plan: RunPlan, resume: dict) -> None:
        with self._slots:
            if run_id in self._cancelled:
                return
            try:
                self.store.set_status(run_id, "running")
                self._record_environment(run_id, plan)
                runner = BenchmarkRunner(
                    self.client, plan,
                    task_timeout=self.settings.task_timeout,
                    method_budget=self.settings.method_budget,
                    cache=StoreReferenceCache(self.store),
                    on_progress=lambda done, total: self.store.set_progress(run_id, done, total),
                    on_level=lambda problem, method, level: self.store.add_level(run_id, problem, method, level),
                    on_reference=lambda problem, ref, error: self.store.set_reference(run_id, problem, ref, error),
                    resume=resume,
                )
                with self._lock:
                    if run_id in self._cancelled:
                        return
                    self._runners[run_id] = runner
                result = runner.run()
                status = "cancelled" if run_id in self._cancelled else "done"
                self.store.finish(run_id, status, {**result.to_json(), "dashboard": self.client.dashboard_link})
            except Exception as exc:  # the cluster went away, ...: the run fails, the service goes on
                logger.exception("run %s failed", run_id)
                self.store.finish(run_id, "failed", None, f"{type(exc).__name__}: {exc}")
            finally:
                with self._lock:
                    self._runners.pop(run_id, None)
                self._threads.pop(run_id, None)

    def _record_environment(self, run_id: str, plan: RunPlan) -> None:
        """What makes the run reproducible: versions, hosts, CPUs and the methods' level ladders."""
        try:
            workers = self.client.run(node_environment, wait=True)
        except Exception as exc:
            workers = {"error": str(exc)}
        ladders = {m.name: {"default": m.default_level, "max": m.max_level} for _, m in plan.pairs}
        self.store.set_environment(run_id, {"client": node_environment(), "workers": workers,
                                            "scheduler": self.client.scheduler.address,
                                            "dashboard": self.client.dashboard_link, "method_levels": ladders,
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
        try:
            plan = validate(request_from_json(record.request), self.catalogue)
        except BadRequest:
            return {"problems": [], "results": [], "ranking": {}}
        levels = self.store.run_levels(record.id)
        references = self.store.run_references(record.id)
        results: list[PairResult] = []
        for instance, method in plan.pairs:
            reference, _ = references.get(instance.id, (None, None))
            found = levels.get((instance.id, method.name), [])
            if found:
                results.append(summarize_pair(instance.id, method.name, found, reference.values if reference else ()))
            else:
                status = "running" if record.status in UNFINISHED else "cancelled"
                results.append(PairResult(instance.id, method.name, status,
                                          reference=reference.values if reference else ()))
        order = {inst.id: i for i, inst in enumerate(plan.instances)}
        results.sort(key=lambda r: (order[r.problem], sort_key(r)))
        problems = []
        for instance in plan.instances:
            reference, error = references.get(instance.id, (None, None))
            problems.append({"id": instance.id, "title": instance.problem.title, "params": instance.params,
                             "reference": list(reference.values) if reference else [],
                             "reference_source": reference.source if reference else None, "reference_error": error})
        return {"tol": plan.tol, "repeats": plan.repeats, "problems": problems,
                "results": [r.to_json() for r in results], "ranking": rank(results)}
