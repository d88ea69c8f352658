"""The playbooks end to end: a fake OpenStack, network-namespace hosts, podman, real SSH.

site.yml brings up one scheduler node and two workers of two flavors, each
labelled with its flavor; a client on this machine runs a benchmark over TLS
and gets correct prices, and runs one on each flavor at once; scale.yml goes
2 -> 3 -> 1 workers while a run is in progress, and the run completes; a
second site.yml changes nothing; teardown.yml leaves nothing in the cloud.
The tests run in file order and share one cluster.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import dask.config
import pytest
import yaml

from benchop_dask.catalogue import load_catalogue
from benchop_dask.client import open_cluster, plan_run, run_plan
from benchop_dask.validation import RunRequest

from .ansible_run import REPO, run_playbook
from .conftest import node_vars
from .fake_openstack import FakeConfig, FakeOpenStack

HOSTS = 4  # the scheduler node and up to three workers
CLUSTER = "benchop"
SCHEDULER = "tls://10.77.1.11:8786"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def cloud(test_hosts, base_image, podman_env, tmp_path_factory):
    """The fake cloud, handing out the test hosts' addresses; the settings that point the playbooks at it."""
    workdir = tmp_path_factory.mktemp("cloud")
    config = FakeConfig.from_dict({
        "auth": {"username": "ci", "password": "not-a-secret", "project_name": "benchop", "domain": "Default"},
        "region": "RegionOne",
        "flavors": [{"name": "m1.small", "vcpus": 1, "ram": 2048, "disk": 20},
                    {"name": "m1.medium", "vcpus": 1, "ram": 4096, "disk": 20}],
        "images": [{"name": "debian-12"}, {"name": "no-boot"}],
        "broken_images": ["no-boot"],
        "networks": [{"name": "benchop-net", "cidr": "10.77.0.0/24"},
                     {"name": "public", "cidr": "10.77.1.0/24", "router:external": True}],
        "hosts": test_hosts.slots,
        "build_delay": 1.0,
        "delete_delay": 0.5,
    })
    with FakeOpenStack(config) as fake:
        (workdir / "clouds.yaml").write_text(textwrap.dedent(f"""\
            clouds:
              benchop:
                auth:
                  auth_url: {fake.auth_url}
                  username: ci
                  password: not-a-secret
                  project_name: benchop
                  user_domain_name: Default
                  project_domain_name: Default
                region_name: RegionOne
                identity_api_version: 3
            """))
        env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
        env.update(podman_env)
        env.update({"OS_CLIENT_CONFIG_FILE": str(workdir / "clouds.yaml"), "ANSIBLE_LOCALHOST_WARNING": "False"})
        extra = node_vars(test_hosts, workdir, base_image)
        extra.update({
            "benchop_state_dir": str(workdir / "clusters" / CLUSTER),
            "benchop_os_image": "debian-12",
            "benchop_os_flavor": "m1.small",
            # The workers take turns: worker-1 m1.small, worker-2 m1.medium, worker-3 m1.small.
            "benchop_worker_flavors": ["m1.small", "m1.medium"],
            "benchop_os_network": "benchop-net",
            "benchop_os_external_network": "public",
            "benchop_ssh_public_key_file": f"{test_hosts.key}.pub",
            "benchop_ssh_cidrs": ["10.77.1.0/24"],
            "benchop_admin_cidrs": ["10.77.1.1/32"],
            "benchop_os_server_timeout": 60,
            "openstack_cluster_wait_delay": 1,
            "benchop_worker_count": 2,
        })
        yield {"fake": fake, "env": env, "vars": extra, "workdir": workdir, "hosts": test_hosts}


def play(cloud, playbook: str, **overrides):
    run = run_playbook(playbook, REPO / "inventory" / "openstack.yml", {**cloud["vars"], **overrides},
                       cloud["workdir"], env=cloud["env"])
    assert run.returncode == 0, run.output[-6000:]
    return run


def fake_state(cloud) -> dict:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{cloud['fake'].url}/_fake/state", timeout=10) as reply:
        return json.load(reply)


@pytest.fixture(scope="module")
def client_config(cloud):
    """The client finds the cluster's TLS files through the cluster file deploy.yml wrote."""
    with dask.config.set({"benchop.clusters-dir": str(cloud["workdir"] / "clusters"),
                          "benchop.reference-cache": str(cloud["workdir"] / "references")}):
        yield


def worker_addresses(client) -> dict[str, str]:
    """The scheduler's address of each node's worker, by the node's private address (one worker per node here)."""
    return {address.split("//")[1].rsplit(":", 1)[0]: address for address in client.scheduler_info()["workers"]}


def cluster_status(cloud) -> str:
    proc = subprocess.run([str(BIN / "benchop"), "cluster", "status", "--scheduler", SCHEDULER, "--timeout", "30"],
                          env={**os.environ, "DASK_BENCHOP__CLUSTERS_DIR": str(cloud["workdir"] / "clusters")},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_site_brings_up_a_scheduler_and_two_workers(cloud, client_config):
    play(cloud, "site.yml")

    state = fake_state(cloud)
    servers = {s["name"]: s for s in state["servers"]}
    assert sorted(servers) == ["benchop-scheduler", "benchop-worker-1", "benchop-worker-2"]
    assert {s["status"] for s in servers.values()} == {"ACTIVE"}
    assert {name: s["flavor"] for name, s in servers.items()} == {
        "benchop-scheduler": "m1.small", "benchop-worker-1": "m1.small", "benchop-worker-2": "m1.medium"}
    assert [f["floating_ip_address"] for f in state["floating_ips"]] == ["10.77.1.11"]  # the scheduler's only
    assert [g["name"] for g in state["security_groups"]] == ["benchop-sg"]
    assert [k["name"] for k in state["keypairs"]] == ["benchop-key"]

    rules = state["security_groups"][0]["rules"]
    by_port = {}
    for rule in rules:
        if rule.get("direction") == "ingress":
            by_port.setdefault((rule["port_range_min"], rule["port_range_max"]), []).append(
                rule["remote_group_id"] and "group" or rule["remote_ip_prefix"])
    assert sorted(by_port[(22, 22)]) == ["10.77.1.0/24"]
    assert sorted(by_port[(8786, 8786)]) == ["10.77.1.0/24", "group"]
    assert by_port[(9000, 9099)] == ["group"] and by_port[(9100, 9199)] == ["group"]
    assert by_port[(8787, 8787)] == ["10.77.1.1/32"] and by_port[(8000, 8000)] == ["10.77.1.1/32"]

    cluster_file = yaml.safe_load((cloud["workdir"] / "clusters" / CLUSTER / "cluster.yaml").read_text())
    assert cluster_file["scheduler"] == SCHEDULER
    assert Path(cluster_file["tls"]["key"]).stat().st_mode & 0o077 == 0
    assert cluster_status(cloud).splitlines() == ["10.77.0.12: 1 worker(s)", "10.77.0.13: 1 worker(s)"]

    # Each worker carries its server's flavor as its machine label (worker-1 has 10.77.0.12, worker-2 10.77.0.13).
    with open_cluster(SCHEDULER) as client:
        workers = client.scheduler_info()["workers"]
        addresses = worker_addresses(client)
    assert sorted(addresses) == ["10.77.0.12", "10.77.0.13"]
    assert workers[addresses["10.77.0.12"]]["resources"] == {"machine:m1.small": 1}
    assert workers[addresses["10.77.0.13"]]["resources"] == {"machine:m1.medium": 1}


def test_a_client_runs_a_benchmark_over_tls_with_correct_prices(cloud, client_config):
    plan = plan_run(RunRequest(["1a-I", "4"], ["COS", "FD"], {"K": 105}, tol=1e-4, repeats=1))
    with open_cluster(SCHEDULER) as client:
        result = run_plan(client, plan)
        workers = client.scheduler_info()["workers"]
    assert {w.split(":")[1] for w in workers} == {"//10.77.0.12", "//10.77.0.13"}
    assert len(result.results) == 4
    for r in result.results:
        assert r.status == "ok" and r.relerr <= 1e-4, r
    # Scored against references computed for K = 105 (on the cluster), not the defaults.
    assert {p.id: p.reference_source for p in result.problems} == {"1a-I": "computed", "4": "computed"}

    # The service next to the scheduler takes a run over HTTP (with the token the deploy made).
    import json
    import urllib.request

    token = (cloud["workdir"] / "clusters" / CLUSTER / "service-token").read_text().strip()
    post = urllib.request.Request("http://10.77.1.11:8000/runs", method="POST",
                                  data=json.dumps({"problems": ["1a-II"], "methods": ["COS"], "repeat": 1}).encode(),
                                  headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(post, timeout=30) as reply:
        assert reply.status == 202
        run_id = json.load(reply)["id"]
    deadline = time.monotonic() + 120
    while True:
        with urllib.request.urlopen(f"http://10.77.1.11:8000/runs/{run_id}", timeout=30) as reply:
            run = json.load(reply)
        if run["status"] not in ("queued", "running") or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert run["status"] == "done"
    (cos,) = run["results"]
    assert cos["status"] == "ok" and cos["relerr"] <= 1e-4
    assert len(run["environment"]["workers"]) == 2 and all(w["octave"] for w in run["environment"]["workers"].values())

    # Without the cluster's certificates, the scheduler does not talk.
    from distributed import Client

    with pytest.raises((OSError, TimeoutError)):
        Client("tcp://10.77.1.11:8786", timeout=5)


def test_a_run_on_each_flavor_compares_the_rankings(cloud, client_config):
    """One request runs on both flavors at once; each flavor's tasks run on its own worker only."""
    from benchop_dask.machines import run_on_each_machine

    methods = ["COS", "FD", "FGL"]
    with open_cluster(SCHEDULER) as client:
        addresses = worker_addresses(client)
        comparison = run_on_each_machine(client, RunRequest(["1a-I"], methods, repeats=1))
    assert list(comparison.machines) == ["m1.medium", "m1.small"]
    assert sorted(comparison.runs) == ["m1.medium", "m1.small"]
    for machine, run in comparison.runs.items():
        assert sorted((r.problem, r.method) for r in run.results) == [("1a-I", m) for m in methods], machine
        for r in run.results:
            assert r.status == "ok" and r.relerr <= 1e-4, (machine, r)
        assert sorted(comparison.rankings["1a-I"][machine]) == methods
        assert comparison.rankings["1a-I"][machine] == run.ranking["1a-I"]
    rho = comparison.correlation["1a-I"]
    assert isinstance(rho, float) and -1.0 <= rho <= 1.0, rho
    assert comparison.workers == {"m1.small": {addresses["10.77.0.12"]}, "m1.medium": {addresses["10.77.0.13"]}}


def test_uploaded_methods_run_sandboxed_on_the_deployed_workers(cloud, client_config, tmp_path):
    """The image's sandbox works in the workers' containers, and the deployed service evaluates an upload."""
    import json
    import shutil
    import urllib.request

    from benchop_dask.method_code import MethodCode
    from benchop_dask.tasks import SolveTask, run_solve
    from benchop_dask.upload import UploadLimits, pack_method_folder

    crr = REPO / "tests" / "uploaded_methods" / "CRR-TREE"
    code = MethodCode(tuple((p.name, p.read_bytes()) for p in crr.iterdir()))
    shell = MethodCode((("method.json", json.dumps({"name": "SHELL", "family": "other", "solver": "shell_solve",
                                                    "problems": ["1a-I"], "levels": {"default": 1, "max": 1}}).encode()),
                        ("shell_solve.m", b'function [U, info] = shell_solve (p, level)\n  [s, o] = system ("id");\n'
                                          b'  error ("status %d: %s", s, o);\nendfunction\n')))
    plan = plan_run(RunRequest(["1a-I"], ["COS"]))
    problem = plan.instances[0].octave_struct()
    reference = load_catalogue().problems["1a-I"].reference
    with open_cluster(SCHEDULER) as client:
        for worker in client.scheduler_info()["workers"]:
            priced = client.submit(run_solve, SolveTask("1a-I", "CRR-TREE", 6, problem, 0, 120, code=code),
                                   workers=[worker], pure=False).result()
            assert priced.status == "done", priced.error
            assert max(abs(p - r) / r for p, r in zip(priced.prices, reference)) <= 1e-4
            refused = client.submit(run_solve, SolveTask("1a-I", "SHELL", 1, problem, 0, 120, code=shell),
                                    workers=[worker], pure=False).result()
            assert (refused.status, refused.error) == ("error", "status 127: ")

    folder = tmp_path / "CRR-TREE"
    shutil.copytree(crr, folder)
    spec = json.loads((folder / "method.json").read_text())
    (folder / "method.json").write_text(json.dumps({**spec, "problems": ["1a-I"]}))
    token = (cloud["workdir"] / "clusters" / CLUSTER / "service-token").read_text().strip()
    post = urllib.request.Request("http://10.77.1.11:8000/methods?owner=ci", method="POST",
                                  data=pack_method_folder(folder, limits=UploadLimits.from_config()),
                                  headers={"Content-Type": "application/gzip", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(post, timeout=30) as reply:
        assert reply.status == 201
    deadline = time.monotonic() + 300
    while True:
        with urllib.request.urlopen("http://10.77.1.11:8000/methods/CRR-TREE", timeout=30) as reply:
            record = json.load(reply)
        if record["status"] != "evaluating" or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert record["status"] == "evaluated", record
    assert record["evaluation"]["tests"]["verdict"] == "passed"
    place = record["evaluation"]["problems"]["1a-I"]
    assert place["status"] == "ok" and place["rank"] >= 1
    assert place["random"]["met"] == place["random"]["of"] >= 1


TIMED = 30  # seconds of timed calls per deciding level in the scaling test


def test_scale_up_and_down_while_a_run_is_in_progress(cloud, client_config):
    catalogue = load_catalogue()
    problems = ["1a-I", "1b-I", "1c-I", "2-am", "3-I", "5", "6"]
    methods = ["FD", "FD-NU"]
    plan = plan_run(RunRequest(problems, methods, repeats=1), catalogue)
    outcome: dict = {}

    def benchmark():
        # Work that lasts: each pair's deciding level is timed over TIMED s of calls, 14 pairs on two
        # workers, longer than growing the cluster takes (its play took 175 s on a slow hour here).
        with dask.config.set({"benchop.timing.min-total": TIMED}), open_cluster(SCHEDULER) as client:
            outcome["result"] = run_plan(client, plan)
        outcome["finished"] = time.monotonic()

    runner = threading.Thread(target=benchmark, daemon=True)
    runner.start()
    time.sleep(5)

    play(cloud, "scale.yml", benchop_worker_count=3)
    assert cluster_status(cloud).count("1 worker(s)") == 3
    # The new worker takes its turn of the flavors, and carries its label.
    assert {s["name"]: s["flavor"] for s in fake_state(cloud)["servers"]}["benchop-worker-3"] == "m1.small"
    with open_cluster(SCHEDULER) as client:
        workers = client.scheduler_info()["workers"]
        addresses = worker_addresses(client)
    assert workers[addresses["10.77.0.14"]]["resources"] == {"machine:m1.small": 1}
    shrink_started = time.monotonic()
    assert runner.is_alive(), "the run ended before the cluster shrank: give it more work"
    play(cloud, "scale.yml", benchop_worker_count=1)
    assert cluster_status(cloud).splitlines() == ["10.77.0.12: 1 worker(s)"]
    assert sorted(s["name"] for s in fake_state(cloud)["servers"]) == ["benchop-scheduler", "benchop-worker-1"]

    runner.join(timeout=900)
    assert not runner.is_alive()
    result = outcome["result"]
    assert outcome["finished"] > shrink_started
    assert len(result.results) == len(plan.pairs)
    for r in result.results:  # no task was lost or failed with the workers that went
        assert r.status == "ok", r
        assert r.levels and all(lv.status in ("ok", "inaccurate") for lv in r.levels), r
    timed = [lv for r in result.results for lv in r.levels if lv.timing == "repeated"]
    assert len(timed) >= len(result.results) - 2 and all(sum(lv.times) >= TIMED for lv in timed)


def test_site_again_changes_nothing(cloud):
    run = play(cloud, "site.yml", benchop_worker_count=1)
    assert run.changed == 0, {h: c for h, c in run.recap.items() if c["changed"]}


def test_teardown_leaves_nothing_behind(cloud):
    play(cloud, "teardown.yml")
    state = fake_state(cloud)
    assert {k: len(state[k]) for k in ("servers", "floating_ips", "ports", "security_groups", "keypairs")} == {
        "servers": 0, "floating_ips": 0, "ports": 0, "security_groups": 0, "keypairs": 0}
    assert not (cloud["workdir"] / "clusters" / CLUSTER).exists()

    again = play(cloud, "teardown.yml")
    assert again.changed == 0

    hosts = cloud["hosts"]
    hosts.down()
    netns = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    assert "bo-bohost" not in netns


def test_a_server_that_does_not_boot_fails_the_play_with_its_fault_and_console_log(cloud):
    run = run_playbook("provision.yml", REPO / "inventory" / "openstack.yml",
                       {**cloud["vars"], "benchop_cluster_name": "broken", "benchop_os_image": "no-boot",
                        "benchop_worker_count": 0}, cloud["workdir"], env=cloud["env"])
    assert run.returncode != 0
    assert "Server broken-scheduler is ERROR" in run.output and "Console log:" in run.output
    fault = next(s for s in fake_state(cloud)["servers"] if s["name"] == "broken-scheduler")
    assert fault["status"] == "ERROR"
    play(cloud, "teardown.yml", benchop_cluster_name="broken")
    assert fake_state(cloud)["counts"] == {"servers": 0, "ports": 0, "floating_ips": 0, "security_groups": 0,
                                           "keypairs": 0}
