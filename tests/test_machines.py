"""The same request on two labelled worker pools: rankings side by side and their rank correlation.

Two real `dask worker` processes on loopback carry the machine kinds
pool-a and pool-b (as the playbooks label each worker with its OpenStack
flavor); a run on each kind goes through Python, the CLI and the service.
"""

from __future__ import annotations

import subprocess
import time

import dask.config
import pytest

from benchop_dask.catalogue import load_catalogue
from benchop_dask.client import open_cluster
from benchop_dask.machines import local_machine, machine_label, run_on_each_machine, worker_machines
from benchop_dask.runner import NoWorkers
from benchop_dask.validation import BadRequest, RunRequest
from processes import ExternalCluster
from service_process import BIN, Service, free_port

pytestmark = pytest.mark.integration

POOLS = ["pool-a", "pool-b"]
METHODS = ["COS", "FD", "FGL"]
REFERENCE = load_catalogue().problems["1a-I"].reference


@pytest.fixture(scope="module")
def pools(tmp_path_factory):
    cluster = ExternalCluster(port=free_port(), log_dir=tmp_path_factory.mktemp("pools"), machines=POOLS).start()
    with open_cluster(cluster.address) as client:
        client.wait_for_workers(2, timeout=120)
    yield cluster
    cluster.stop()


def addresses(run) -> set[str]:
    return {lv.address for r in run.results for lv in r.levels}


def test_the_local_cluster_labels_its_workers_with_the_cpu_model(client):
    from benchop_dask.environment import cpu_model

    assert local_machine() == machine_label(cpu_model())
    kinds = worker_machines(client)
    assert list(kinds) == [local_machine()]
    assert len(kinds[local_machine()]) == 2
    assert machine_label("Intel(R) Xeon(R) CPU @ 2.20GHz") == "intel-r-xeon-r-cpu-2.20ghz"


def test_python_runs_the_request_on_each_pool_and_compares(pools):
    with open_cluster(pools.address) as client:
        kinds = worker_machines(client)
        comparison = run_on_each_machine(client, RunRequest(["1a-I"], METHODS, repeats=1))
    assert list(kinds) == POOLS and all(len(a) == 1 for a in kinds.values())
    assert comparison.machines == tuple(POOLS)
    for pool in POOLS:
        run = comparison.runs[pool]
        assert len(run.results) == 3
        for result in run.results:
            assert result.status == "ok" and result.relerr <= 1e-4
            assert max(abs(p - r) / r for p, r in zip(result.prices, REFERENCE)) == pytest.approx(result.relerr)
        # Every task of a pool's run ran on that pool's worker alone.
        assert comparison.workers[pool] == set(kinds[pool]) == addresses(run)
        assert sorted(comparison.rankings["1a-I"][pool]) == sorted(METHODS)
    rho = comparison.correlation["1a-I"]
    assert isinstance(rho, float) and -1.0 <= rho <= 1.0


def test_a_run_on_one_pool_stays_there_and_a_pool_without_workers_fails(pools):
    import benchop_dask as bd

    with open_cluster(pools.address) as client:
        kinds = worker_machines(client)
        run = bd.run("1a-I", "COS", repeat=1, client=client, machine="pool-b", progress=False)
        assert addresses(run) == set(kinds["pool-b"])
        with dask.config.set({"benchop.worker-wait": 2}), pytest.raises(NoWorkers, match="of machine kind pool-z"):
            bd.run("1a-I", "COS", repeat=1, client=client, machine="pool-z", progress=False)
    with pytest.raises(BadRequest, match="machine must be a machine kind's label"):
        bd.run("1a-I", "COS", machine="pool z", progress=False)


def test_the_cli_prints_the_rankings_side_by_side(pools):
    done = subprocess.run([str(BIN / "benchop"), "run", "1a-I", "--method", "COS", "--method", "FD", "--repeat", "1",
                           "--scheduler", pools.address, "--machine", "each"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "the same request on 2 machine kinds: pool-a, pool-b" in lines
    header = next(i for i, line in enumerate(lines) if line.startswith("1a-I: rank correlation "))
    assert lines[header + 1].split() == ["rank", "pool-a", "pool-b"]
    assert {lines[header + 2].split()[0], lines[header + 3].split()[0]} == {"1", "2"}
    assert "== on pool-a ==" in lines and "== on pool-b ==" in lines


def test_the_service_runs_each_pool_and_compares(pools, tmp_path):
    service = Service(tmp_path / "benchop.sqlite3", tmp_path / "service.log", scheduler=pools.address).start()
    try:
        status, created = service.request("POST", "/runs", {"problems": ["1a-I"], "methods": METHODS, "repeat": 1,
                                                            "machine": "each"})
        assert status == 202, created
        assert sorted(created["runs"]) == POOLS and created["id"] == created["runs"]["pool-a"]
        runs = {pool: service.wait_for(run_id) for pool, run_id in created["runs"].items()}
        for pool, run in runs.items():
            assert run["status"] == "done" and run["request"]["machine"] == pool
            assert all(r["status"] == "ok" and r["relerr"] <= 1e-4 for r in run["results"])
            assert len({lv["address"] for r in run["results"] for lv in r["levels"]}) == 1
        status, comparison = service.get(created["compare"])
        assert status == 200
        (problem,) = comparison["problems"]
        assert problem["problem"] == "1a-I" and -1.0 <= problem["spearman"] <= 1.0
        # A label no worker carries, and a bad one.
        status, answer = service.request("POST", "/runs", {"problems": ["1a-I"], "machine": "pool z"})
        assert status == 422 and "machine must be a machine kind's label" in answer["detail"][0]["msg"]
    finally:
        service.stop()
