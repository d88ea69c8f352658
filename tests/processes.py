"""Real processes for the fault tests: find them in /proc, kill them, start a Dask cluster by hand."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent


def _stat(pid: int) -> tuple[str, int, str] | None:
    """(command name, parent pid, state) of ``pid``, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = text[text.index("(") + 1: text.rindex(")")]
    state, ppid = text[text.rindex(")") + 2:].split()[:2]
    return name, int(ppid), state


def running(pid: int) -> bool:
    """The process exists and is not a zombie (a dead process not yet collected)."""
    stat = _stat(pid)
    return stat is not None and stat[2] not in ("Z", "X")


def descendants(root: int) -> list[int]:
    """Every live process below ``root``."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None and stat[2] not in ("Z", "X"):
                children.setdefault(stat[1], []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def octaves(root: int | None = None) -> list[int]:
    """Live octave-cli processes below ``root``, or on the whole machine."""
    pids = descendants(root) if root is not None else [int(e) for e in os.listdir("/proc") if e.isdigit()]
    out = []
    for pid in pids:
        stat = _stat(pid)
        if stat is not None and stat[0].startswith("octave-cli") and stat[2] not in ("Z", "X"):
            out.append(pid)
    return out


def parent(pid: int) -> int | None:
    stat = _stat(pid)
    return stat[1] if stat else None


def busy_octave(root: int, timeout: float = 60) -> int:
    """An octave-cli below ``root`` that is computing (not waiting for its next call)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for pid in octaves(root):
            stat = _stat(pid)
            if stat is not None and stat[2] == "R":
                return pid
        time.sleep(0.02)
    raise TimeoutError(f"no Octave below process {root} was busy within {timeout} s")


def wait_gone(pids: list[int], timeout: float = 10) -> list[int]:
    """Wait until none of ``pids`` runs; return those that still do."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if running(pid)]
        if not alive:
            return []
        time.sleep(0.1)
    return [pid for pid in pids if running(pid)]


def kill(pid: int, sig: int = signal.SIGKILL) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


@dataclass
class ExternalCluster:
    """`dask scheduler` and `dask worker` processes on loopback, as a deployment runs them."""

    port: int
    log_dir: Path
    n_workers: int = 2
    env: dict[str, str] = field(default_factory=dict)
    machines: list[str] = field(default_factory=list)  # worker i's machine kind label, if given
    scheduler: subprocess.Popen | None = None
    workers: list[subprocess.Popen] = field(default_factory=list)

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _spawn(self, args: list[str], log: str) -> subprocess.Popen:
        return subprocess.Popen([str(BIN / "dask"), *args], env={**os.environ, **self.env},
                                stdout=open(self.log_dir / log, "a"), stderr=subprocess.STDOUT, start_new_session=True)

    def start_scheduler(self) -> None:
        self.scheduler = self._spawn(["scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                      "--no-dashboard"], "scheduler.log")

    def start_worker(self, index: int) -> subprocess.Popen:
        label = ["--resources", f"machine:{self.machines[index]}=1"] if index < len(self.machines) else []
        worker = self._spawn(["worker", self.address, "--nthreads", "1", "--nworkers", "1", "--host", "127.0.0.1",
                              "--no-dashboard", "--name", f"worker-{index}", *label], f"worker-{index}.log")
        if index < len(self.workers):
            self.workers[index] = worker
        else:
            self.workers.append(worker)
        return worker

    def start(self) -> "ExternalCluster":
        self.start_scheduler()
        time.sleep(1)
        for index in range(self.n_workers):
            self.start_worker(index)
        return self

    def restart_exited_workers(self) -> int:
        """Start again each worker process that exited, as a restart policy would; how many."""
        restarted = 0
        for index, worker in enumerate(self.workers):
            if worker.poll() is not None:
                self.start_worker(index)
                restarted += 1
        return restarted

    def kill_scheduler(self) -> None:
        assert self.scheduler is not None
        self.scheduler.kill()
        self.scheduler.wait()

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            if proc is None:
                continue
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
