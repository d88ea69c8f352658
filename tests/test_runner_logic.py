"""The runner's climb, timings and budget, driven by a fake Dask client whose methods have a known
convergence (no Octave, no cluster: the fast tier's check of what the integration tests see end to end)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import pytest

from benchop_dask.catalogue import Method, configured_catalogue
from benchop_dask.references import Reference
from benchop_dask.runner import FIRST_LEVELS, BenchmarkRunner, TimingPolicy
from benchop_dask.tasks import ReferenceOutcome, SolveOutcome, SolveTask
from benchop_dask.validation import RunRequest, validate

REFERENCE = (10.0, 5.0, 2.5)


@dataclass
class Behaviour:
    """A method's answers: relative error and seconds of one call at each level."""

    error: Callable[[int], float]
    seconds: Callable[[int], float] = lambda level: 1e-3 * 2**level


@dataclass
class FakeFuture:
    key: str
    value: Any

    def result(self):
        return self.value

    def release(self) -> None:
        pass

    def cancelled(self) -> bool:
        return False

    def add_done_callback(self, callback) -> None:
        callback(self)  # done at once


@dataclass
class FakeClient:
    """Answers each task at once from the methods' behaviours; records what was asked."""

    behaviours: dict[str, Behaviour]
    status: str = "running"
    dashboard_link: str = "http://127.0.0.1:8787/status"
    tasks: list[SolveTask] = field(default_factory=list)

    def submit(self, func, task, key: str, pure: bool, priority: float) -> FakeFuture:
        if not isinstance(task, SolveTask):
            return FakeFuture(key, ReferenceOutcome(task.problem_id, REFERENCE))
        self.tasks.append(task)
        behaviour = self.behaviours[task.method]
        error, seconds = behaviour.error(task.level), behaviour.seconds(task.level)
        times = (seconds,) * max(task.repeats, 1)
        outcome = SolveOutcome(task.problem_id, task.method, task.level, "done",
                               prices=tuple(v * (1 + error) for v in REFERENCE), times=times,
                               info={"timer_overhead": 0.0}, wall=seconds * (len(times) + (task.repeats > 0)))
        return FakeFuture(key, outcome)

    def nthreads(self) -> dict[str, int]:
        return {"tcp://127.0.0.1:1": 1, "tcp://127.0.0.1:2": 1}

    def cancel(self, futures) -> None:
        pass

    def levels(self, method: str, timed: bool) -> list[int]:
        return [t.level for t in self.tasks if t.method == method and (t.repeats > 0) == timed]


class NoCache:
    def lookup(self, instance) -> Reference | None:
        return None

    def put(self, instance, values) -> None:
        pass


def run(behaviours: dict[str, Behaviour], tol: float | list[float] = 1e-4, budget: float = 60.0,
        methods: dict[str, str] | None = None):
    """Run 1a-I with stand-ins for catalogue methods (name -> family), their answers from ``behaviours``."""
    catalogue = configured_catalogue()
    families = methods or {name: "pde" for name in behaviours}
    fake = {name: Method(name, family, "", "x_solve", ("1a-I",), 4, 12, Path("."))
            for name, family in families.items()}
    catalogue = replace(catalogue, methods=fake)
    plan = validate(RunRequest(["1a-I"], list(fake), {"K": 101}, tol, 3), catalogue)
    client = FakeClient(behaviours)
    runner = BenchmarkRunner(client, plan, task_timeout=60, method_budget=budget, cache=NoCache(),  # type: ignore[arg-type]
                             timing=TimingPolicy(min_total=0.0, long_call=1.0))
    return client, runner.run()


def test_the_climb_jumps_to_the_predicted_level_and_times_only_the_deciding_one():
    # The error falls tenfold per level: 1e-1 at level 1, so 1e-4 at level 4 and, wider, 1e-5 at level 5.
    client, result = run({"A": Behaviour(lambda n: 10.0 ** -n * 0.99)})
    (pair,) = result.results
    assert (pair.status, pair.level) == ("ok", 4)
    # Levels 1-3 at once, then the predicted 4, the method's default level (no level above it to
    # confirm): nothing else is called.
    assert client.levels("A", timed=False) == [*range(1, FIRST_LEVELS + 1), 4]
    assert client.levels("A", timed=True) == [4]
    assert [lv.timing for lv in pair.levels] == ["single", "single", "single", "repeated"]
    assert result.ranking == {"1a-I": ["A"]}


def test_a_level_past_the_budget_is_not_started_and_the_note_says_what_it_needs():
    # Slow convergence and calls of 0.5 s doubling per level: the next level does not fit 1 s.
    client, result = run({"B": Behaviour(lambda n: 0.5 / n, lambda n: 0.5 * 2**n)}, budget=1.0)
    (pair,) = result.results
    assert pair.status == "inaccurate"
    assert pair.error.startswith("needs about ") and "more than its time budget" in pair.error
    assert client.levels("B", timed=False) == [1, 2, 3]
    assert client.levels("B", timed=True) == []


def test_several_tolerances_rank_from_one_climb_each_deciding_level_timed():
    client, result = run({"A": Behaviour(lambda n: 10.0 ** -n * 0.99),
                          "C": Behaviour(lambda n: 3.0 ** -n, lambda n: 1e-4 * 2**n)}, tol=[1e-2, 1e-4])
    assert list(result.rankings) == [1e-2, 1e-4]
    loose = {r.method: r for r in result.tolerances[0].results}
    tight = {r.method: r for r in result.tolerances[1].results}
    assert (loose["A"].level, tight["A"].level) == (2, 4)
    assert (loose["C"].level, tight["C"].level) == (5, 9)  # 3^-5 = 4.1e-3, 3^-9 = 5.1e-5
    assert sorted(client.levels("A", timed=True)) == [2, 4]
    assert sorted(client.levels("C", timed=True)) == [5, 9]
    # C's cheap calls win at 1e-2 (3.2 ms against 4 ms), A's fast convergence at 1e-4 (16 ms against 51 ms).
    assert result.rankings == {1e-2: {"1a-I": ["C", "A"]}, 1e-4: {"1a-I": ["A", "C"]}}
    assert result.ranking == result.rankings[1e-4] and result.results == result.tolerances[1].results
    # No level was called twice for its error.
    for method in ("A", "C"):
        called = client.levels(method, timed=False)
        assert len(called) == len(set(called))


def test_monte_carlo_stops_when_even_the_fastest_convergence_misses_by_the_top_level():
    # N^-1/2 from 1e-1 at level 1: 1e-4 needs level 21, past the top (12); a decay three times
    # as fast (the fastest believed, a bias falling) would not get there by level 12 either, once
    # the error is 6.3e-3 (level 9).
    client, result = run({"M": Behaviour(lambda n: 1e-1 * 2 ** (-(n - 1) / 2))}, methods={"M": "monte-carlo"})
    (pair,) = result.results
    assert pair.status == "inaccurate" and "above its top level 12" in pair.error
    assert max(client.levels("M", timed=False)) < 12
    assert client.levels("M", timed=True) == []


@pytest.mark.parametrize("tol", [1e-4, [1e-3, 1e-4]])
def test_the_run_counts_its_tasks_and_worker_time(tol):
    client, result = run({"A": Behaviour(lambda n: 10.0 ** -n * 0.99)}, tol=tol)
    assert result.tasks == len(client.tasks) + 1  # and the reference
    expected = sum(t_seconds for t_seconds in (1e-3 * 2**t.level * ((t.repeats or 1) + (t.repeats > 0))
                                               for t in client.tasks))
    assert result.worker_seconds == pytest.approx(expected)
