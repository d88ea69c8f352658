"""The Python client: connect to a cluster (or start a local one) and run a request."""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from dataclasses import replace
from typing import Iterator

import dask.config
from distributed import Client, LocalCluster

from .catalogue import Catalogue, configured_catalogue
from .plugin import PLUGIN_NAME, OctavePlugin
from .references import ReferenceCache
from .results import RunResult
from .runner import BenchmarkRunner, ProgressCallback
from .validation import RunPlan, RunRequest, validate


def plan_run(request: RunRequest, catalogue: Catalogue | None = None) -> RunPlan:
    """Validate a request (raises BadRequest); nothing touches a cluster."""
    return validate(request, catalogue or configured_catalogue())


@contextmanager
def open_cluster(scheduler: str | None = None, n_workers: int | None = None) -> Iterator[Client]:
    """A client connected to ``scheduler``, or to a new LocalCluster.

    The local cluster has one single-threaded worker process per core (or
    ``n_workers``), each holding one Octave session, and its dashboard on
    127.0.0.1.
    """
    if scheduler:
        with Client(scheduler) as client:
            _tune_latency(client)
            _register_plugin(client, idempotent=True)
            yield client
        return
    n = n_workers or dask.config.get("benchop.local-cluster.n-workers") or os.cpu_count() or 1
    with LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=dask.config.get("benchop.local-cluster.dashboard-address"),
        silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        _tune_latency(client)
        _register_plugin(client, idempotent=False)
        yield client


def _tune_latency(client: Client) -> None:
    """Batch client messages over 2 ms instead of 10 ms.

    A run submits follow-up levels one task at a time as results arrive; the
    client's default 10 ms batching window would add up to 10 ms to each.
    """
    client.scheduler_comm.interval = 0.002


def _register_plugin(client: Client, idempotent: bool) -> None:
    catalogue = configured_catalogue()
    plugin = OctavePlugin(catalogue.method_dirs, dask.config.get("benchop.octave-executable"))
    # On a shared scheduler keep the sessions the workers already have.
    plugin.idempotent = idempotent
    client.register_plugin(plugin, name=PLUGIN_NAME)


def run_plan(client: Client, plan: RunPlan, on_progress: ProgressCallback | None = None) -> RunResult:
    """Run a validated plan on the cluster behind ``client``."""
    runner = BenchmarkRunner(
        client,
        plan,
        task_timeout=float(dask.config.get("benchop.task-timeout")),
        method_budget=float(dask.config.get("benchop.method-budget")),
        cache=ReferenceCache(dask.config.get("benchop.reference-cache")),
        on_progress=on_progress,
    )
    return replace(runner.run(), dashboard=client.dashboard_link)
