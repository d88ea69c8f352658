"""`benchop serve`: the cluster, the store, the run manager and the HTTP server, together."""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os

import dask.config

from .api import ServiceLimits, create_app
from .catalogue import configured_catalogue
from .client import check_local_workers
from .connection import kept_connected
from .evaluation import MethodEvaluator
from .method_store import MethodStore
from .service import RunManager, RunSettings
from .store import Store
from .validation import BadRequest

logger = logging.getLogger(__name__)


def _token() -> str | None:
    """The bearer token for writes: $BENCHOP_SERVICE_TOKEN, the file $BENCHOP_SERVICE_TOKEN_FILE, or the config.

    A token that is named but empty is an error, never "no token": an
    unwritten secret must not open the service to anonymous writes.
    """
    if "BENCHOP_SERVICE_TOKEN" in os.environ:
        token = os.environ["BENCHOP_SERVICE_TOKEN"].strip()
        if not token:
            raise BadRequest("BENCHOP_SERVICE_TOKEN is set but empty: give the token, or unset it")
        return token
    path = os.environ.get("BENCHOP_SERVICE_TOKEN_FILE")
    if path:
        try:
            with open(path) as f:
                token = f.read().strip()
        except OSError as exc:
            raise BadRequest(f"cannot read the token file {path}: {exc.strerror}") from None
        if not token:
            raise BadRequest(f"the token file {path} is empty: write the token into it, or unset "
                             "BENCHOP_SERVICE_TOKEN_FILE")
        return token
    configured = _setting("token")
    if configured is not None and not str(configured).strip():
        raise BadRequest("benchop.service.token is set but empty: give the token, or set it to null")
    return str(configured).strip() if configured is not None else None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def _setting(name: str):
    return dask.config.get(f"benchop.service.{name}")  # get() matches max_x and max-x alike


def serve(host: str | None, port: int | None, scheduler: str | None, workers: int | None,
          database: str | None, allow_anonymous_writes: bool = False) -> int:
    import uvicorn

    host = host or _setting("host")
    port = int(port if port is not None else _setting("port"))
    if not 0 <= port <= 65535:
        raise BadRequest(f"--port must be 0 to 65535, got {port}")
    check_local_workers(workers, scheduler)
    token = _token()
    anonymous_ok = allow_anonymous_writes or bool(_setting("allow-anonymous-writes"))
    if token is None and not is_loopback(host) and not anonymous_ok:
        raise BadRequest(f"refusing to listen on {host} without a token: anyone who reaches it could start runs. "
                         "Set BENCHOP_SERVICE_TOKEN or BENCHOP_SERVICE_TOKEN_FILE, or pass "
                         "--allow-anonymous-writes if that is what you want")
    catalogue = configured_catalogue()
    with contextlib.ExitStack() as stack:
        store = Store(database or _setting("database"), busy_timeout=float(_setting("store-busy-timeout")))
        stack.callback(store.close)
        connection = stack.enter_context(kept_connected(scheduler, workers))
        manager = RunManager(connection, store, catalogue, RunSettings.from_config(), MethodStore(store))
        stack.callback(manager.stop)
        resumed = manager.resume_unfinished()
        if resumed:
            logger.warning("resumed %d unfinished run(s): %s", len(resumed), ", ".join(resumed))
        evaluator = MethodEvaluator(manager, manager.methods)  # type: ignore[arg-type]
        stack.callback(evaluator.stop)
        evaluations = evaluator.resume()
        if evaluations:
            logger.warning("resumed %d evaluation(s): %s", len(evaluations), ", ".join(evaluations))
        app = create_app(manager, catalogue, token=token, limits=ServiceLimits.from_config(), evaluator=evaluator)
        print(f"benchop service on http://{host}:{port}/ (Dask dashboard: {connection.dashboard_link})", flush=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0
