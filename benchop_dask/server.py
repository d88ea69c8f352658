"""`benchop serve`: the cluster, the store, the run manager and the HTTP server, together."""

from __future__ import annotations

import contextlib
import logging
import os

import dask.config

from .api import create_app
from .catalogue import configured_catalogue
from .client import open_cluster
from .service import RunManager, RunSettings
from .store import Store
from .validation import BadRequest

logger = logging.getLogger(__name__)


def _token() -> str | None:
    """The bearer token for writes: $BENCHOP_SERVICE_TOKEN, the file $BENCHOP_SERVICE_TOKEN_FILE, or the config."""
    if os.environ.get("BENCHOP_SERVICE_TOKEN"):
        return os.environ["BENCHOP_SERVICE_TOKEN"]
    path = os.environ.get("BENCHOP_SERVICE_TOKEN_FILE")
    if path:
        try:
            with open(path) as f:
                return f.read().strip() or None
        except OSError as exc:
            raise BadRequest(f"cannot read the token file {path}: {exc.strerror}") from None
    return dask.config.get("benchop.service.token") or None


def serve(host: str | None, port: int | None, scheduler: str | None, workers: int | None,
          database: str | None) -> int:
    import uvicorn

    host = host or dask.config.get("benchop.service.host")
    port = int(port if port is not None else dask.config.get("benchop.service.port"))
    if not 0 <= port <= 65535:
        raise BadRequest(f"--port must be 0 to 65535, got {port}")
    if workers is not None and (workers < 1 or scheduler):
        raise BadRequest("--workers takes a number >= 1, for the local cluster only")
    token = _token()
    catalogue = configured_catalogue()
    settings = RunSettings(task_timeout=float(dask.config.get("benchop.task-timeout")),
                           method_budget=float(dask.config.get("benchop.method-budget")),
                           max_concurrent=int(dask.config.get("benchop.service.max-concurrent-runs")))
    with contextlib.ExitStack() as stack:
        client = stack.enter_context(open_cluster(scheduler, workers))
        store = Store(database or dask.config.get("benchop.service.database"))
        stack.callback(store.close)
        manager = RunManager(client, store, catalogue, settings)
        resumed = manager.resume_unfinished()
        if resumed:
            logger.warning("resumed %d unfinished run(s): %s", len(resumed), ", ".join(resumed))
        app = create_app(manager, catalogue, token=token or None, dashboard=lambda: client.dashboard_link)
        print(f"benchop service on http://{host}:{port}/ (Dask dashboard: {client.dashboard_link})", flush=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0
