"""The Python client: connect to a cluster (or start a local one) and run a request."""

from __future__ import annotations

import logging
import os
import warnings
from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator

import dask.config
from distributed import Client, LocalCluster
from distributed.versions import VersionMismatchWarning

from .catalogue import Catalogue, configured_catalogue
from .machines import local_machine, resource
from .plugin import PLUGIN_NAME, OctavePlugin
from .references import ReferenceCache
from .results import RunResult
from .runner import BenchmarkRunner, ProgressCallback
from .security import cluster_file, security_for
from .validation import BadRequest, RunPlan, RunRequest, shown, validate


def local_worker_limit() -> int:
    """The most worker processes a local cluster may have: past 4 per core they only queue for the cores."""
    return 4 * (os.cpu_count() or 1)


def check_local_workers(workers: int | None, scheduler: str | None) -> None:
    """BadRequest unless ``workers`` (None: the default) suits a local cluster."""
    if workers is None:
        return
    if scheduler:
        raise BadRequest("--workers applies to the local cluster only, not with --scheduler")
    if not 1 <= workers <= local_worker_limit():
        raise BadRequest(f"--workers must be from 1 to {local_worker_limit()} (4 per core), got {shown(workers)}")


def plan_run(request: RunRequest, catalogue: Catalogue | None = None) -> RunPlan:
    """Validate a request (raises BadRequest); nothing touches a cluster."""
    return validate(request, catalogue or configured_catalogue())


@contextmanager
def open_cluster(scheduler: str | None = None, n_workers: int | None = None) -> Iterator[Client]:
    """A client connected to ``scheduler``, or to a new LocalCluster.

    The local cluster has one single-threaded worker process per core (or
    ``n_workers``), each holding one Octave session and labelled with this
    machine's kind (machines.py), and its dashboard on 127.0.0.1.
    """
    if scheduler:
        with connect(scheduler) as client:
            tune_latency(client)
            register_octave_plugin(client, remote=True)
            yield client
        return
    cluster, client = start_local_cluster(n_workers)
    try:
        with client:
            yield client
    finally:
        cluster.close()


def start_local_cluster(n_workers: int | None = None) -> tuple[LocalCluster, Client]:
    """A new LocalCluster (see :func:`open_cluster`) and a client of it, ready for runs.

    For a caller that closes them itself, perhaps in another thread (a
    client entered as a context manager must leave it in the same one):
    ``client.close()``, then ``cluster.close()``.
    """
    n = n_workers or dask.config.get("benchop.local-cluster.n-workers") or os.cpu_count() or 1
    cluster = LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=dask.config.get("benchop.local-cluster.dashboard-address"),
        silence_logs=logging.ERROR,
        resources={resource(local_machine()): 1},
    )
    try:
        client = Client(cluster)
        tune_latency(client)
        register_octave_plugin(client, remote=False)
    except BaseException:
        cluster.close()
        raise
    return cluster, client


def connect(scheduler: str, timeout: float | None = None) -> Client:
    """A client of a running scheduler, with the TLS files of its cluster file if it has one."""
    options = {} if timeout is None else {"timeout": timeout}  # None: Dask's connect timeout
    with _quiet_patch_level_mismatch():
        return Client(scheduler, security=security_for(scheduler), **options)


@contextmanager
def _quiet_patch_level_mismatch() -> Iterator[None]:
    """Drop Dask's version warning when only Python's patch level differs.

    The controller's Python (say 3.11.7) and the image's (3.11.2) differ in
    patch level only, which does not matter for pickles; any other mismatch
    is still reported.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", VersionMismatchWarning)
        yield
    for warning in caught:
        if not (issubclass(warning.category, VersionMismatchWarning) and _only_python_patch(str(warning.message))):
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)


def _only_python_patch(message: str) -> bool:
    rows = [line.split("|")[1:-1] for line in message.splitlines() if line.startswith("|")]
    packages = [[cell.strip() for cell in row] for row in rows[1:]]  # rows[0] is the header
    if len(packages) != 1 or packages[0][0] != "python":
        return False
    versions = {".".join(v.split(".")[:2]) for v in packages[0][1:] if v}
    return len(versions) == 1


def dashboard_link(client: Client) -> str | None:
    """Where the cluster's dashboard is seen from here: as its cluster file says (a deployed
    cluster's public address), else as the scheduler says."""
    address = client.scheduler.address if client.scheduler is not None else ""
    cluster = cluster_file(address)
    return cluster.dashboard if cluster is not None and cluster.dashboard else client.dashboard_link


def tune_latency(client: Client) -> None:
    """Batch client messages over 2 ms instead of 10 ms.

    A run submits follow-up levels one task at a time as results arrive; the
    client's default 10 ms batching window would add up to 10 ms to each.
    """
    client.scheduler_comm.interval = 0.002


def register_octave_plugin(client: Client, remote: bool) -> None:
    if remote:
        # Remote workers use their own Octave and method folders (this
        # machine's paths mean nothing there) and keep the sessions they have.
        plugin = OctavePlugin()
        plugin.idempotent = True
    else:
        catalogue = configured_catalogue()
        plugin = OctavePlugin(catalogue.method_dirs, dask.config.get("benchop.octave-executable"))
    client.register_plugin(plugin, name=PLUGIN_NAME)


def make_runner(client: Client, plan: RunPlan, on_progress: ProgressCallback | None = None) -> BenchmarkRunner:
    """A runner for a validated plan on the cluster behind ``client``, set up from the configuration."""
    return BenchmarkRunner(
        client,
        plan,
        task_timeout=float(dask.config.get("benchop.task-timeout")),
        method_budget=float(dask.config.get("benchop.method-budget")),
        cache=ReferenceCache(dask.config.get("benchop.reference-cache")),
        on_progress=on_progress,
        worker_wait=float(dask.config.get("benchop.worker-wait")),
    )


def run_plan(client: Client, plan: RunPlan, on_progress: ProgressCallback | None = None) -> RunResult:
    """Run a validated plan on the cluster behind ``client``."""
    return replace(make_runner(client, plan, on_progress).run(), dashboard=dashboard_link(client))
