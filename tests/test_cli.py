"""The command line: bad input never reaches a cluster; --json follows the contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from distributed.diagnostics.plugin import SchedulerPlugin

BENCHOP = str(Path(sys.executable).parent / "benchop")


class GraphCounter(SchedulerPlugin):
    """Counts the clients and task graphs a scheduler receives."""

    name = "graph-counter"

    def __init__(self):
        self.clients = 0
        self.graphs = 0

    def add_client(self, scheduler, client):
        self.clients += 1

    def update_graph(self, scheduler, **kwargs):
        self.graphs += 1


def cli(*args, env_extra=None, timeout=300):
    env = {**os.environ, "DASK_BENCHOP__LOCAL_CLUSTER__DASHBOARD_ADDRESS": "127.0.0.1:0", **(env_extra or {})}
    return subprocess.run([BENCHOP, *args], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def counted_client(client):
    client.register_plugin(GraphCounter())
    yield client


def _counts(client):
    return client.run_on_scheduler(
        lambda dask_scheduler: (dask_scheduler.plugins["graph-counter"].clients,
                                dask_scheduler.plugins["graph-counter"].graphs)
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["9z"], "unknown problem '9z' (valid: 1a-I,"),
        (["1a-I", "--param", "sigma=-1"], "sigma=-1 is out of range: it must be > 0"),
        (["1a-I", "--param", "foo=1"], "unknown parameter 'foo' (valid: S, K, T"),
        (["1a-I", "--method", 'system("id")'], "unknown method 'system(\"id\")' (valid:"),
        (["1a-I", "--param", "S=90,abc"], "'abc' is not a number"),
        (["1a-I", "--tol", "0"], "tol=0 is out of range"),
        (["1a-I", "--tol", "1e-2,abc"], "'abc' is not a number"),
        (["1a-I", "--tol", "1e-1,1e-2,1e-3,1e-4,1e-5,1e-6"], "tol lists 6 tolerances; at most 5 are allowed"),
        (["1a-I", "--repeat", "0"], "repeats must be an integer"),
        (["1a-I", "--workers", "2"], "--workers applies to the local cluster only"),
        (["1a-I", "--param", "K=" + "9" * 400], "parameter K must be a finite number"),
        (["1a-I", "--param", "sigma=1e-200"], "sigma=1e-200 is out of range: numbers must be 0 or between"),
        (["1a-I", "--param", "S=4.9e-324"], "S=4.94066e-324 is out of range"),
        (["1c-I", "--param", "B=90"], "the barrier B=90 must lie above the strike K=100"),
        (["1a-I", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_input_exits_2_and_submits_nothing(counted_client, args, message):
    address = counted_client.scheduler.address
    before = _counts(counted_client)
    proc = cli("run", *args, "--scheduler", address)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert _counts(counted_client) == before  # no client connected, no graph submitted


def test_problems_and_methods_list_the_catalogue():
    problems = cli("problems")
    assert problems.returncode == 0
    assert "1c-II" in problems.stdout and "sigma_v" in problems.stdout
    methods = cli("methods")
    assert methods.returncode == 0
    for name in ("COS", "FD", "MC-S"):
        assert name in methods.stdout


@pytest.mark.integration
def test_run_json_on_a_local_cluster(tmp_path):
    proc = cli("run", "1a-I", "1c-II", "--method", "COS", "--method", "FD", "--json", "--workers", "1",
               "--repeat", "2", env_extra={"DASK_BENCHOP__REFERENCE_CACHE": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert "Dask dashboard: http://127.0.0.1:" in proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["tol"] == 1e-4 and doc["repeats"] == 2
    assert len(doc["results"]) == 4
    for r in doc["results"]:
        assert set(r) >= {"problem", "method", "status", "prices", "reference", "relerr", "time", "level", "error"}
        assert r["status"] == "ok" and r["relerr"] <= 1e-4 and r["error"] is None
        assert len(r["prices"]) == 3 and r["time"] > 0
    assert sorted(doc["ranking"]["1a-I"]) == ["COS", "FD"]
    assert sorted(doc["ranking"]["1c-II"]) == ["COS", "FD"]


@pytest.mark.integration
def test_run_table_on_a_local_cluster(tmp_path):
    proc = cli("run", "1a-II", "--method", "COS", "--workers", "1",
               env_extra={"DASK_BENCHOP__REFERENCE_CACHE": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert "Dask dashboard: http://127.0.0.1:" in proc.stdout
    assert "1a-II: European call, Black-Scholes (set II)" in proc.stdout
    assert "reference (closed-form): 0.03391317701" in proc.stdout
    row = next(line for line in proc.stdout.splitlines() if " COS " in line)
    assert row.split()[:3] == ["1", "COS", "ok"]


@pytest.mark.integration
def test_run_on_an_existing_scheduler(client):
    proc = cli("run", "1b-II", "--method", "FD", "--method", "COS", "--json", "--repeat", "1",
               "--scheduler", client.scheduler.address)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert [(r["method"], r["status"]) for r in doc["results"]] == [(m, "ok") for m in doc["ranking"]["1b-II"]]
    assert sorted(doc["ranking"]["1b-II"]) == ["COS", "FD"]
    for r in doc["results"]:
        assert r["prices"] == pytest.approx([3.0, 2.0, 1.0], rel=1e-4)


@pytest.mark.integration
def test_run_at_several_tolerances_ranks_at_each(client):
    address = client.scheduler.address
    proc = cli("run", "1b-II", "--method", "FD", "--method", "COS", "--tol", "1e-2,1e-4", "--scheduler", address)
    assert proc.returncode == 0, proc.stderr
    assert "tolerance 0.01, 0.0001 (the table at 0.0001)" in proc.stdout
    assert "  tol 0.01     1b-II: " in proc.stdout and "  tol 0.0001   1b-II: " in proc.stdout
    proc = cli("run", "1b-II", "--method", "FD", "--method", "COS", "--tol", "1e-4,1e-2", "--json",
               "--scheduler", address)
    doc = json.loads(proc.stdout)
    assert doc["tol"] == 1e-4 and [t["tol"] for t in doc["tolerances"]] == [1e-2, 1e-4]
    for verdict in doc["tolerances"]:
        assert sorted(verdict["ranking"]["1b-II"]) == ["COS", "FD"]
        for r in verdict["results"]:
            assert r["status"] == "ok" and r["relerr"] <= verdict["tol"]
            assert r["prices"] == pytest.approx([3.0, 2.0, 1.0], rel=verdict["tol"])
    assert doc["tolerances"][1]["ranking"] == doc["ranking"]


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--host", "0.0.0.0"], {}, "refusing to listen on 0.0.0.0 without a token"),
    (["--host", "::"], {}, "refusing to listen on :: without a token"),
    ([], {"BENCHOP_SERVICE_TOKEN": "  "}, "BENCHOP_SERVICE_TOKEN is set but empty"),
    ([], {"BENCHOP_SERVICE_TOKEN_FILE": "EMPTY"}, "is empty: write the token into it"),
    (["--workers", "100000"], {}, "--workers must be from 1 to"),
])
def test_serve_refuses_unsafe_or_broken_settings_before_starting(tmp_path, args, env, message):
    empty = tmp_path / "token"
    empty.write_text("\n")
    env = {name: str(empty) if value == "EMPTY" else value for name, value in env.items()}
    clean = {name: value for name, value in os.environ.items() if not name.startswith("BENCHOP_SERVICE_TOKEN")}
    proc = subprocess.run([BENCHOP, "serve", "--port", "0", "--database", str(tmp_path / "db"), *args],
                          capture_output=True, text=True, timeout=60, env={**clean, **env})
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "db").exists()  # refused before anything was opened
