"""Container health checks: ``python -m benchop_dask.health scheduler|worker ...``.

Exit status 0 when healthy, 1 otherwise, with one line saying why.
- scheduler: its dashboard's /health page answers "ok";
- service: its /health answers (the service runs; its cluster may be scaling);
- worker: the scheduler counts at least one worker on this node's address
  (a worker process that runs but cannot reach the scheduler is not healthy).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import urllib.request
from urllib.parse import urlparse


def scheduler_healthy(dashboard_port: int, timeout: float) -> str | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{dashboard_port}/health", timeout=timeout) as reply:
            body = reply.read().decode().strip()
    except OSError as exc:
        return f"scheduler dashboard does not answer: {exc}"
    return None if body == "ok" else f"scheduler dashboard says {body!r}"


def service_healthy(port: int, timeout: float) -> str | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=timeout) as reply:
            reply.read()
    except OSError as exc:
        return f"service does not answer: {exc}"
    return None


async def _workers_on(scheduler: str, host: str) -> int:
    from distributed.core import rpc
    from distributed.security import Security

    security = Security()  # the node's certificate, from the container's DASK_* settings
    async with rpc(scheduler, connection_args=security.get_connection_args("client")) as scheduler_rpc:
        info = await scheduler_rpc.identity()
    return sum(1 for address in info.get("workers", {}) if urlparse(address).hostname == host)


def worker_healthy(scheduler: str, host: str, timeout: float) -> str | None:
    try:
        n = asyncio.run(asyncio.wait_for(_workers_on(scheduler, host), timeout))
    except (OSError, asyncio.TimeoutError) as exc:
        return f"cannot ask the scheduler {scheduler}: {exc!r}"
    return None if n else f"the scheduler has no worker on {host}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchop_dask.health", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="role", required=True)
    scheduler = sub.add_parser("scheduler")
    scheduler.add_argument("--dashboard-port", type=int, default=8787)
    service = sub.add_parser("service")
    service.add_argument("--port", type=int, default=8000)
    worker = sub.add_parser("worker")
    worker.add_argument("--scheduler", required=True)
    worker.add_argument("--host", required=True)
    parser.add_argument("--timeout", type=float, default=8)
    args = parser.parse_args(argv)
    if args.role == "scheduler":
        problem = scheduler_healthy(args.dashboard_port, args.timeout)
    elif args.role == "service":
        problem = service_healthy(args.port, args.timeout)
    else:
        problem = worker_healthy(args.scheduler, args.host, args.timeout)
    print(problem or "healthy")
    return 1 if problem else 0


if __name__ == "__main__":
    sys.exit(main())
