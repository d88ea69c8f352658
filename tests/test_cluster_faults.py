"""The service on an external scheduler: no workers, and a scheduler killed and started again.

The scheduler and workers are real `dask scheduler` / `dask worker` processes on
loopback, as a deployment runs them; a worker process that exits is started
again by the test, as the deployment's restart policy would.
"""

from __future__ import annotations

import time

import pytest
from faults import assert_recovered, no_workers, scheduler_restarted
from processes import ExternalCluster
from service_process import Service, free_port

pytestmark = pytest.mark.integration

WORKER_WAIT = 4  # seconds


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler without workers at first (the tests add them)."""
    root = tmp_path_factory.mktemp("external")
    cluster = ExternalCluster(port=free_port(), log_dir=root, n_workers=0)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def service(cluster, tmp_path_factory):
    root = tmp_path_factory.mktemp("external-service")
    service = Service(root / "benchop.sqlite3", root / "service.log", scheduler=cluster.address, workers=0,
                      env={"DASK_BENCHOP__WORKER_WAIT": str(WORKER_WAIT)}).start()
    yield service
    service.stop()


def wait_for_workers(service: Service, count: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, health = service.get("/health")
        if status == 200 and health["workers"] == count and health["status"] == "ok":
            return
        time.sleep(0.3)
    raise AssertionError(f"the service does not see {count} workers: {service.get('/health')}")


def test_without_workers_a_run_fails_after_the_wait_and_frees_its_slot(service):
    assert service.get("/health")[1]["status"] == "no workers"
    started = time.monotonic()
    outcomes = [no_workers(service), no_workers(service)]  # the first freed its slot for the second
    for outcome in outcomes:
        (run,) = outcome.runs
        assert run["status"] == "failed"
        assert f"no worker joined the cluster within {WORKER_WAIT} s" in run["error"]
    assert time.monotonic() - started < 2 * WORKER_WAIT + 20


def test_a_scheduler_restart_is_ridden_out_and_later_runs_complete(service, cluster):
    for index in range(2):
        cluster.start_worker(index)
    wait_for_workers(service, 2)
    outcome = scheduler_restarted(service, cluster)
    assert_recovered(service, outcome)  # the workers' Octave sessions ended with them
    (status, answer, _), = outcome.refused
    assert status == 202  # accepted while the scheduler was away: it waits for the cluster
    # The service registered its plugin with the new scheduler: that run and a new one complete.
    for run_id in (answer["id"], service.submit({"problems": ["1a-II"], "methods": ["COS", "FD"]})):
        run = service.wait_for(run_id, timeout=300)
        assert run["status"] == "done" and all(r["status"] == "ok" for r in run["results"])
        assert len(run["environment"]["workers"]) == 2
