"""A real `benchop serve` under concurrent runs, and under kill -9 of a worker and of an Octave session.

Each run must end "done" with every deterministic pair ok, every level stored
once, and no Octave process left behind by a process that died.
"""

from __future__ import annotations

import re
import time

import pytest
from faults import assert_recovered, octave_killed, worker_killed
from processes import busy_octave, octaves, parent
from service_process import Service, assert_complete

pytestmark = pytest.mark.integration

@pytest.fixture(scope="module")
def service(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    service = Service(root / "benchop.sqlite3", root / "service.log",
                      env={"DASK_BENCHOP__SERVICE__MAX_CONCURRENT_RUNS": "7"}).start()
    yield service
    service.stop()


def worker_processes(service: Service) -> set[int]:
    """The worker processes of the service's local cluster: the parents of its Octave sessions."""
    return {parent(pid) for pid in octaves(service.pid)}


def wait_for_sessions(service: Service, count: int, timeout: float = 60) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = octaves(service.pid)
        if len(found) == count:
            return found
        time.sleep(0.2)
    raise AssertionError(f"{len(octaves(service.pid))} Octave sessions, expected {count}")


def test_seven_concurrent_runs_end_done_with_sane_environments(service):
    """A long Monte Carlo run, and six short runs started while its tasks execute."""
    long_run = service.submit({"problems": ["4", "1b-I"], "methods": ["MC-S", "QMC-S"], "tol": 1e-3, "repeat": 3})
    service.wait_for(long_run, statuses=("running",), timeout=60)
    short_runs = []
    for i in range(6):
        busy_octave(service.pid)  # each starts while a task is inside Octave
        short_runs.append(service.submit({"problems": ["1a-I"], "methods": ["COS", "FD"], "params": {"K": 95 + 2 * i},
                                          "repeat": 2}))
    runs = [service.wait_for(run_id, timeout=900) for run_id in [long_run, *short_runs]]
    for run in runs:
        assert run["status"] == "done", run.get("error")
        for result in run["results"]:
            failed = [lv for lv in result["levels"] if lv["status"] not in ("ok", "inaccurate")]
            assert not failed, (result["problem"], result["method"], failed)
        workers = run["environment"]["workers"]
        assert len(workers) == 2
        for environment in workers.values():
            assert re.fullmatch(r"\d+\.\d+\.\d+", environment["octave"]), environment
            assert environment["cpu"] and environment["host"] and environment["python"]
    for run in runs[1:]:
        assert_complete(service, run)
        (problem,) = run["problems"]
        assert problem["reference_source"] == "computed"


def test_a_killed_octave_is_replaced_and_its_task_tried_again(service):
    workers = worker_processes(service)
    assert len(workers) == 2
    outcome = octave_killed(service)
    assert_recovered(service, outcome)
    wait_for_sessions(service, 2)
    assert worker_processes(service) == workers  # the same worker processes went on serving


def test_a_killed_worker_loses_nothing_and_leaves_no_octave(service):
    before = worker_processes(service)
    outcome = worker_killed(service)
    assert_recovered(service, outcome)  # its Octave died with it, mid-computation
    # The nanny started a new worker process: two sessions again, none left over.
    wait_for_sessions(service, 2)
    assert len(worker_processes(service) - before) == 1
