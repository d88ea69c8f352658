"""The evaluation of an uploaded method: its own tests, its rank on its problems, its random sets.

1. Tests: the test blocks (BIST) of its files, run in a sandbox on a worker.
2. Defaults: a run of each of its problems at the default parameters,
   beside every built-in method that supports it: its rank, whom it beats.
3. Random sets: bench/sweep's random parameter sets of each of its problems
   (:func:`~benchop_dask.random_params.sweep_sets`), a run each of the method
   alone, scored against the reference for those parameters.

The runs are ordinary runs of the service (in its history, resumed after a
restart). Each step is stored as it ends, so that a restarted service goes
on with the step it was in: :meth:`MethodEvaluator.resume`.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

import dask.config

from .method_store import EVALUATED, EVALUATING, FAILED, MethodStore, MethodVersion
from .random_params import sweep_sets
from .service import RunManager
from .store import UNFINISHED, QueueFull, StoreUnavailable
from .tasks import MethodTestOutcome, MethodTestTask, run_method_tests
from .validation import BadRequest, RunRequest

logger = logging.getLogger(__name__)

# Seconds between looks at the runs an evaluation waits for.
_POLL = 1.0
# Who an evaluation's runs belong to, for the service's per-client bound.
CLIENT = "evaluation"


@dataclass(frozen=True)
class EvaluationSettings:
    """The ``benchop.evaluation`` settings, and the tolerances the random sets are run at."""

    random_sets: int
    seed: int
    tol: float
    monte_carlo_tol: float
    task_timeout: float

    @classmethod
    def from_config(cls) -> EvaluationSettings:
        return cls(random_sets=int(dask.config.get("benchop.evaluation.random-sets")),
                   seed=int(dask.config.get("benchop.evaluation.seed")),
                   tol=float(dask.config.get("benchop.tolerance")),
                   monte_carlo_tol=float(dask.config.get("benchop.evaluation.monte-carlo-tolerance")),
                   task_timeout=float(dask.config.get("benchop.task-timeout")))


def tests_verdict(outcome: MethodTestOutcome) -> dict[str, Any]:
    """The tests' record: per file, the totals, and "passed", "failed", "none" or "error"."""
    passed = sum(f[1] for f in outcome.files)
    total = sum(f[2] for f in outcome.files)
    if outcome.error:
        verdict = "error"
    elif total == 0:
        verdict = "none"
    else:
        verdict = "passed" if passed == total else "failed"
    return {"verdict": verdict, "passed": passed, "total": total, "error": outcome.error,
            "files": [{"name": n, "passed": p, "total": t} for n, p, t in outcome.files],
            "output": outcome.output if verdict in ("failed", "error") else ""}


def placing(name: str, problem: str, run: dict[str, Any]) -> dict[str, Any]:
    """Where method ``name`` placed on ``problem`` in a finished run: its result, rank and neighbours."""
    ranking = list((run.get("ranking") or {}).get(problem, []))
    mine = next((r for r in run.get("results") or () if r["problem"] == problem and r["method"] == name), None)
    place: dict[str, Any] = {"status": mine["status"] if mine else "missing",
                             "relerr": mine.get("relerr") if mine else None,
                             "time": mine.get("time") if mine else None,
                             "level": mine.get("level") if mine else None,
                             "error": mine.get("error") if mine else None}
    if name in ranking:
        at = ranking.index(name)
        place |= {"rank": at + 1, "ranked": len(ranking), "slower_than": ranking[:at], "faster_than": ranking[at + 1:]}
    else:  # it did not meet the tolerance: every ranked method beats it
        place |= {"rank": None, "ranked": len(ranking), "slower_than": ranking, "faster_than": []}
    return place


def summary_line(problem: str, place: dict[str, Any]) -> str:
    """One problem's verdict in words: "1a-I: rank 2 of 9, faster than FD, RBF; slower than COS; 3 of 3 random sets met"."""
    if place.get("rank"):
        words = [f"rank {place['rank']} of {place['ranked']}"]
        if place["faster_than"]:
            words.append("faster than " + ", ".join(place["faster_than"]))
        if place["slower_than"]:
            words.append("slower than " + ", ".join(place["slower_than"]))
    else:
        words = [f"{place['status']}" + (f" ({place['error']})" if place.get("error") else "")]
    random = place.get("random")
    if random:
        words.append(f"{random['met']} of {random['of']} random sets met")
    return f"{problem}: " + "; ".join(words)


class MethodEvaluator:
    """Evaluates uploaded versions, one thread each, through the service's runs."""

    def __init__(self, manager: RunManager, methods: MethodStore, settings: EvaluationSettings | None = None):
        self.manager = manager
        self.methods = methods
        self.settings = settings or EvaluationSettings.from_config()
        self._stopping = threading.Event()
        self._threads: dict[tuple[str, int], threading.Thread] = {}
        self._lock = threading.Lock()

    def start(self, version: MethodVersion) -> None:
        """Evaluate ``version`` in the background (once: a second call while it runs does nothing)."""
        key = (version.name, version.version)
        with self._lock:
            if key in self._threads and self._threads[key].is_alive():
                return
            thread = threading.Thread(target=self._evaluate, args=(version,), daemon=True,
                                      name=f"benchop-evaluate-{version.name}-{version.version}")
            self._threads[key] = thread
        thread.start()

    def resume(self) -> list[str]:
        """Go on with the evaluations a stopped service left unfinished."""
        versions = self.methods.evaluating()
        for version in versions:
            self.start(version)
        return [f"{v.name} v{v.version}" for v in versions]

    def wait(self, timeout: float | None = None) -> None:
        for thread in list(self._threads.values()):
            thread.join(timeout)

    def stop(self) -> None:
        """Stop the evaluations (shutdown); they go on after the next start."""
        self._stopping.set()

    # -- the steps ------------------------------------------------------------------------
    def _evaluate(self, version: MethodVersion) -> None:
        evaluation = dict(version.evaluation)
        try:
            if "tests" not in evaluation:
                evaluation["tests"] = self._tests(version)
                self._save(version, evaluation)
            if "defaults_runs" not in evaluation:
                evaluation["defaults_runs"] = self._defaults_runs(version)
                self._save(version, evaluation)
            defaults = {p: self._finished(run_id) for p, run_id in evaluation["defaults_runs"].items()}
            if any(run is None for run in defaults.values()):
                return  # stopping
            evaluation["random_runs"] = self._random_runs(version, evaluation)
            if evaluation["random_runs"] is None:
                return  # stopping
            evaluation |= self._verdict(version, defaults, evaluation)
            self._save(version, evaluation, EVALUATED)
        except Exception as exc:  # the evaluation fails with its reason; the service goes on
            if self._stopping.is_set():
                return
            logger.exception("evaluating %s v%d failed", version.name, version.version)
            evaluation["error"] = f"{type(exc).__name__}: {exc}"
            try:
                self._save(version, evaluation, FAILED)
            except StoreUnavailable:
                logger.warning("cannot store the failed evaluation of %s v%d", version.name, version.version)

    def _save(self, version: MethodVersion, evaluation: dict[str, Any], status: str = EVALUATING) -> None:
        self.methods.set_evaluation(version.name, version.version, evaluation, status)

    def _tests(self, version: MethodVersion) -> dict[str, Any]:
        task = MethodTestTask(version.name, version.code, self.settings.task_timeout)
        client = self.manager.connection.client
        future = client.submit(run_method_tests, task, pure=False, key=f"tests-{version.name}-{version.version}")
        return tests_verdict(future.result(timeout=self.settings.task_timeout * 2))

    def _defaults_runs(self, version: MethodVersion) -> dict[str, str]:
        """A run per problem at its defaults: the method and every built-in method that supports the problem."""
        catalogue = self.manager.catalogue
        runs = {}
        for problem in version.spec["problems"]:
            builtin = [m.name for m in catalogue.methods_for(problem) if m.upload is None and m.family != "test"]
            runs[problem] = self._submit(RunRequest([problem], [*builtin, version.name]))
        return runs

    def _submit(self, request: RunRequest) -> str:
        """Submit one run, waiting while the service is full; BadRequest goes to the caller."""
        while True:
            try:
                run_id, _ = self.manager.submit(request, client=CLIENT)
                return run_id
            except QueueFull:
                if self._stopping.wait(_POLL * 5):
                    raise

    def _finished(self, run_id: str) -> dict[str, Any] | None:
        """The view of a run once it has ended; None when the evaluator stops first."""
        while True:
            record = self.manager.store.get_run(run_id)
            if record is None:
                raise RuntimeError(f"the run {run_id} is missing from the store")
            if record.status not in UNFINISHED:
                return self.manager.view(run_id)
            if self._stopping.wait(_POLL):
                return None

    def _random_runs(self, version: MethodVersion, evaluation: dict[str, Any]) -> list[dict[str, Any]] | None:
        """Run the method alone on each random set, a few runs at a time; each run's record as it ends."""
        catalogue = self.manager.catalogue
        drawn = sweep_sets(catalogue, self.settings.random_sets, self.settings.seed)
        tol = self.settings.monte_carlo_tol if version.spec["family"] == "monte-carlo" else self.settings.tol
        runs: list[dict[str, Any]] = list(evaluation.get("random_runs") or [])
        if not runs:
            runs = [{"problem": p, "params": params} for p in version.spec["problems"] for params in drawn.get(p, [])]
        window = self.manager.settings.max_concurrent
        pending = [r for r in runs if "run" not in r and "error" not in r]
        while True:
            waiting = [r for r in runs if "run" in r and "status" not in r]
            while pending and len(waiting) < window:
                entry = pending.pop(0)
                try:
                    entry["run"] = self._submit(RunRequest([entry["problem"]], [version.name], entry["params"],
                                                           tol, 1))
                    waiting.append(entry)
                except BadRequest as exc:
                    entry["error"] = "; ".join(exc.messages)
                self._save(version, {**evaluation, "random_runs": runs})
            if not waiting:
                return runs
            for entry in waiting:
                record = self.manager.store.get_run(entry["run"])
                if record is not None and record.status not in UNFINISHED:
                    view = self.manager.view(entry["run"]) or {}
                    mine = next((r for r in view.get("results") or () if r["method"] == version.name), {})
                    entry |= {"status": mine.get("status", record.status), "relerr": mine.get("relerr"),
                              "tol": tol, "error": mine.get("error") or record.error}
            self._save(version, {**evaluation, "random_runs": runs})
            if self._stopping.wait(_POLL):
                return None

    def _verdict(self, version: MethodVersion, defaults: dict[str, dict[str, Any]],
                 evaluation: dict[str, Any]) -> dict[str, Any]:
        problems: dict[str, Any] = {}
        for problem in version.spec["problems"]:
            place = placing(version.name, problem, defaults[problem])
            sets = [r for r in evaluation["random_runs"] if r["problem"] == problem]
            if sets:
                misses = [{"params": r["params"], "status": r.get("status"), "relerr": r.get("relerr"),
                           "error": r.get("error")} for r in sets if r.get("status") != "ok"]
                place["random"] = {"met": len(sets) - len(misses), "of": len(sets), "misses": misses}
            problems[problem] = place
        tests = evaluation["tests"]
        lines = [f"tests: {tests['verdict']} ({tests['passed']} of {tests['total']})"]
        lines += [summary_line(p, place) for p, place in problems.items()]
        return {"problems": problems, "summary": lines}
