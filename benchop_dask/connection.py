"""The service's link to its Dask cluster, kept up through scheduler restarts.

Dask's client reconnects to a scheduler that comes back within its connect
timeout, and gives up (closes) after it. A restarted scheduler knows nothing
of the worker plugin, so the workers that join it would have no Octave
session. :class:`ClusterConnection` watches the client: it makes a new client
when Dask's gave up, registers the plugin with every new scheduler it meets,
and keeps the worker count for the health check, so no request waits on the
scheduler for it.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from distributed import Client

from .client import connect, open_cluster, register_octave_plugin, tune_latency

logger = logging.getLogger(__name__)


class ClusterConnection:
    """A client that stays connected, and the state of its cluster as last seen."""

    def __init__(self, client: Client, scheduler: str | None, interval: float = 1.0):
        self.scheduler = scheduler  # None: an embedded local cluster, which cannot restart
        self.interval = interval
        self._client = client
        self._registered_with: str | None = None  # the id of the scheduler that has the plugin
        self._workers = 0
        self._problem: str | None = "not checked yet"
        self._stop = threading.Event()
        self._checking = threading.Lock()  # one look at a time: the watch, or a run waiting for the cluster
        self._thread = threading.Thread(target=self._watch, name="benchop-cluster-watch", daemon=True)

    @property
    def client(self) -> Client:
        """The current client (a new one after Dask's gave up reconnecting)."""
        return self._client

    @property
    def dashboard_link(self) -> str | None:
        return self._client.dashboard_link

    @property
    def workers(self) -> int:
        """Workers the scheduler had at the last look (every ``interval`` s)."""
        return self._workers

    @property
    def problem(self) -> str | None:
        """Why the cluster cannot take work now, or None when it can."""
        return self._problem

    def start(self) -> None:
        # open_cluster registered the plugin with the scheduler it found.
        self._registered_with = self._client.scheduler_info(n_workers=0).get("id")
        self._check()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(10)

    def wait_ready(self, timeout: float) -> bool:
        """Wait until the client is connected and its scheduler has the plugin; False past ``timeout``.

        Looks now rather than trusting the last look: a scheduler may have
        gone and come back since, and tasks submitted before the plugin is
        registered with the new one would meet workers without Octave.
        """
        deadline = time.monotonic() + timeout
        while True:
            self._check()
            if self._problem is None:
                return True
            if time.monotonic() >= deadline or self._stop.wait(min(self.interval, deadline - time.monotonic())):
                return False

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            self._check()

    def _set(self, problem: str | None, workers: int | None = None) -> None:
        if problem != self._problem:
            log = logger.warning if problem else logger.info
            log("cluster: %s", problem or f"ready ({self._client.scheduler.address})")
        self._problem = problem
        if workers is not None:
            self._workers = workers

    def _check(self) -> None:
        """Look at the cluster (one thread at a time): reconnect, register the plugin, count the workers."""
        with self._checking:
            try:
                self._look()
            except Exception as exc:  # the watch must outlive any one failure
                logger.exception("checking the cluster failed")
                self._set(f"checking the cluster failed: {exc}", workers=0)

    def _look(self) -> None:
        client = self._client
        if client.status in ("closing", "closed", "failed") and self.scheduler is not None:
            self._set(f"reconnecting to the scheduler {self.scheduler}", workers=0)
            try:
                replacement = connect(self.scheduler, timeout=max(self.interval, 5.0))
            except (OSError, TimeoutError) as exc:
                self._set(f"the scheduler {self.scheduler} does not answer: {exc}", workers=0)
                return
            tune_latency(replacement)
            self._client, self._registered_with = replacement, None
            client.close()
            client = replacement
        if client.status != "running":
            self._set(f"the connection to the scheduler is down (the client is {client.status})", workers=0)
            return
        try:
            info = client.scheduler_info(n_workers=-1)
        except (OSError, TimeoutError) as exc:
            self._set(f"the scheduler does not answer: {exc}", workers=0)
            return
        if info.get("id") != self._registered_with:
            register_octave_plugin(client, remote=self.scheduler is not None)
            if self._registered_with is not None:
                logger.warning("cluster: a new scheduler (%s); the Octave plugin is registered with it", info.get("id"))
            self._registered_with = info.get("id")
        self._set(None, workers=len(info.get("workers", {})))


@contextmanager
def kept_connected(scheduler: str | None, n_workers: int | None = None) -> Iterator[ClusterConnection]:
    """Open the cluster (``scheduler``'s, or a local one) and keep a connection to it."""
    with open_cluster(scheduler, n_workers) as client:
        connection = ClusterConnection(client, scheduler)
        connection.start()
        try:
            yield connection
        finally:
            connection.stop()
            if connection.client is not client:
                connection.client.close()
