"""Timed calls run while nothing else runs on their host.

The workers of one machine share its cores' caches and memory bandwidth: a
call timed while a neighbouring worker streams Monte Carlo paths through
memory took 1.5 to 1.9 times as long as on a quiet machine (COS and FD,
measured on 2 vCPUs). A method's time must not depend on what else the
cluster happens to compute, so the tasks of one host coordinate through two
file locks in its temporary directory: every task holds the host lock shared;
a timing task holds it alone, and waits for the tasks already running to
finish. A timing task in line first takes the gate, which every task passes
on its way in, so that new tasks queue behind it instead of starving it.
Locks of a process that dies are released by the kernel.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def lock_dir() -> Path:
    """Where the host's locks live: one directory per user, shared by all their workers on the host."""
    return Path(tempfile.gettempdir()) / f"benchop-host-{os.getuid()}"


def _open(path: Path) -> int:
    path.parent.mkdir(mode=0o700, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


@contextmanager
def host_turn(alone: bool, directory: Path | None = None) -> Iterator[float]:
    """Hold the host: alone (a timing task) or with the other ordinary tasks.

    Yields the seconds spent waiting for the turn.
    """
    directory = directory or lock_dir()
    start = time.perf_counter()
    gate, host = _open(directory / "gate"), _open(directory / "host")
    try:
        if alone:
            fcntl.flock(gate, fcntl.LOCK_EX)  # new tasks wait at the gate from now on
            fcntl.flock(host, fcntl.LOCK_EX)  # the running ones finish
            fcntl.flock(gate, fcntl.LOCK_UN)
        else:
            fcntl.flock(gate, fcntl.LOCK_SH)
            fcntl.flock(host, fcntl.LOCK_SH)
            fcntl.flock(gate, fcntl.LOCK_UN)
        yield time.perf_counter() - start
    finally:
        os.close(host)
        os.close(gate)
