"""Operations on a running cluster that the playbooks need: wait for workers, retire hosts."""

from __future__ import annotations

import time
from urllib.parse import urlparse

from distributed import Client


def worker_hosts(client: Client) -> dict[str, list[str]]:
    """Worker addresses connected to the scheduler, by host."""
    hosts: dict[str, list[str]] = {}
    for address in client.scheduler_info(n_workers=-1)["workers"]:
        hosts.setdefault(urlparse(address).hostname or "", []).append(address)
    return hosts


def wait_for_workers(client: Client, count: int, timeout: float) -> int:
    """Wait until exactly ``count`` workers are connected; return how many are."""
    deadline = time.monotonic() + timeout
    while True:
        n = sum(len(a) for a in worker_hosts(client).values())
        if n == count or time.monotonic() > deadline:
            return n
        time.sleep(0.5)


def retire_hosts(client: Client, hosts: list[str], timeout: float) -> list[str]:
    """Retire every worker on ``hosts`` through the scheduler and wait until they are gone.

    The scheduler first moves the results they hold to other workers and
    reschedules their tasks, so nothing a run needs is lost; then the workers
    close cleanly.
    """
    addresses = [a for host in hosts for a in worker_hosts(client).get(host, [])]
    if addresses:
        client.retire_workers(workers=addresses, close_workers=True, remove=True)
    deadline = time.monotonic() + timeout
    while any(a in client.scheduler_info(n_workers=-1)["workers"] for a in addresses):
        if time.monotonic() > deadline:
            raise TimeoutError(f"workers still connected after {timeout:g} s: {addresses}")
        time.sleep(0.5)
    return addresses
