"""Faults caused for real in the middle of a run, shared by the tests (which assert) and bench/faults
(which counts).

Each scenario starts a run on a real `benchop serve`, causes one fault while
the run's tasks execute, does what an operator or a restart policy would do
(nothing, for most), and returns an :class:`Outcome`: the run at the end, the
levels the store held just before the fault and at the end, and the Octave
processes that outlived the process they belonged to.
"""

from __future__ import annotations

import json

import os
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from processes import ExternalCluster, busy_octave, kill, octaves, parent, wait_gone
from service_process import BUSY_RUN, Service, assert_complete, stored_levels, wait_for_levels


@dataclass
class Outcome:
    fault: str
    run_id: str = ""  # the run the fault hit
    runs: list[dict] = field(default_factory=list)  # the runs at the end
    before: dict = field(default_factory=dict)  # levels stored just before the fault
    after: dict = field(default_factory=dict)  # levels stored at the end
    orphans: list[int] = field(default_factory=list)  # Octave processes that outlived their process
    refused: list[tuple[int, Any, Any]] = field(default_factory=list)  # POST /runs answers during the fault

    @property
    def completed(self) -> int:
        return sum(run["status"] == "done" for run in self.runs)

    @property
    def lost(self) -> int:
        """Levels stored before the fault and gone or changed after it, and levels shown but not stored.

        The deciding level's single call being replaced by its timing over
        repeats is not a change: its answer stays.
        """
        changed = sum(_answer(self.after.get(key)) != _answer(value) for key, value in self.before.items())
        shown = {(r["problem"], r["method"], lv["level"]) for run in self.runs for r in run["results"]
                 for lv in r["levels"]}
        return changed + len(shown - set(self.after))

    @property
    def duplicated(self) -> int:
        """Levels a result shows twice."""
        return sum(len(r["levels"]) - len({lv["level"] for lv in r["levels"]})
                   for run in self.runs for r in run["results"])


def _answer(stored: str | None) -> tuple | None:
    """What a stored level answered: its status, prices and error."""
    if stored is None:
        return None
    level = json.loads(stored)
    return level["status"], level["prices"], level["relerr"]


def _around(service: Service, fault: str, cause: Callable[[Outcome], None], body: dict = BUSY_RUN,
            levels: int = 1, timeout: float = 600) -> Outcome:
    """Start a run, cause the fault once ``levels`` of it are stored, wait for the run to end."""
    outcome = Outcome(fault, run_id=service.submit(body))
    wait_for_levels(service, outcome.run_id, levels)
    cause(outcome)
    outcome.runs.append(service.wait_for(outcome.run_id, timeout=timeout))
    outcome.after = stored_levels(service.database, outcome.run_id)
    return outcome


def _snapshot(service: Service, outcome: Outcome) -> None:
    outcome.before = stored_levels(service.database, outcome.run_id)


def _post_during_fault(service: Service, outcome: Outcome) -> None:
    """What a user sees who submits while the fault lasts (stored nothing unless 202)."""
    outcome.refused.append(service.request("POST", "/runs", {"problems": ["1a-I"], "methods": ["COS"]},
                                           with_headers=True))


def octave_killed(service: Service) -> Outcome:
    """kill -9 of an Octave session while it computes: replaced, and the task tried once more."""
    def cause(outcome: Outcome) -> None:
        victim = busy_octave(service.pid)
        _snapshot(service, outcome)
        kill(victim)
    return _around(service, "Octave killed (kill -9) mid-task", cause)


def worker_killed(service: Service) -> Outcome:
    """kill -9 of a worker process while its Octave computes: the task runs again elsewhere."""
    def cause(outcome: Outcome) -> None:
        session = busy_octave(service.pid)
        worker = parent(session)
        _snapshot(service, outcome)
        kill(worker)
        outcome.orphans = wait_gone([session], timeout=2)  # dies with its worker, not after its call
    return _around(service, "worker killed (kill -9) mid-run", cause)


def service_killed(service: Service, sig: int = signal.SIGKILL) -> Outcome:
    """The service stopped mid-run (SIGKILL: no clean-up) and started again: it resumes the run."""
    def cause(outcome: Outcome) -> None:
        sessions = octaves(service.pid)
        _snapshot(service, outcome)
        service.proc.send_signal(sig)
        service.proc.wait(60)
        outcome.orphans = wait_gone(sessions, timeout=10)
        service.stop()
        service.start()
    return _around(service, f"service stopped ({signal.Signals(sig).name}) and started", cause, levels=4)


def scheduler_restarted(service: Service, cluster: ExternalCluster) -> Outcome:
    """kill -9 of the scheduler, started again; workers that gave up are started again as a restart
    policy would: the service reconnects, registers its plugin and resumes the run."""
    def cause(outcome: Outcome) -> None:
        sessions = [pid for worker in cluster.workers for pid in octaves(worker.pid)]
        _snapshot(service, outcome)
        cluster.kill_scheduler()
        deadline = time.monotonic() + 60
        while any(worker.poll() is None for worker in cluster.workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        outcome.orphans = wait_gone(sessions, timeout=10)
        _post_during_fault(service, outcome)
        cluster.start_scheduler()
        cluster.restart_exited_workers()
    return _around(service, "scheduler killed (kill -9) and started", cause, levels=3)


def store_locked(service: Service, seconds: float = 3) -> Outcome:
    """Another process holds an exclusive lock on the store for ``seconds``."""
    def cause(outcome: Outcome) -> None:
        _snapshot(service, outcome)
        with closing(sqlite3.connect(service.database, isolation_level=None)) as holder:
            holder.execute("BEGIN EXCLUSIVE")
            try:
                _post_during_fault(service, outcome)
                time.sleep(seconds)  # the run's writes fail meanwhile
            finally:
                holder.execute("ROLLBACK")
    return _around(service, "store locked by another process", cause)


@dataclass
class Disk:
    """A small ext4 file system of our own (a loop-mounted image) that can fill up and turn read-only."""

    image: Path
    mountpoint: Path
    size_mb: int = 24

    def create(self) -> "Disk":
        self.mountpoint.mkdir(exist_ok=True)
        with open(self.image, "wb") as f:
            f.truncate(self.size_mb << 20)
        subprocess.run(["mkfs.ext4", "-q", "-F", str(self.image)], check=True)
        self.mount()
        return self

    def mount(self) -> None:
        subprocess.run(["mount", "-o", "loop,errors=remount-ro", str(self.image), str(self.mountpoint)], check=True)

    def unmount(self, lazy: bool = False) -> None:
        subprocess.run(["umount", *(["-l"] if lazy else []), str(self.mountpoint)], check=not lazy)

    def device(self) -> str:
        for line in Path("/proc/mounts").read_text().splitlines():
            fields = line.split()
            if fields[1] == str(self.mountpoint):
                return fields[0].rsplit("/", 1)[-1]
        raise AssertionError(f"{self.mountpoint} is not mounted")

    def fill(self) -> Path:
        """Take every free block (as root, the reserved ones too)."""
        filler = self.mountpoint / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            for chunk in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
                try:
                    while os.write(fd, b"\0" * chunk):
                        pass
                except OSError:
                    pass
            os.fsync(fd)
        finally:
            os.close(fd)
        return filler

    def break_to_read_only(self) -> None:
        """An ext4 error on a file system mounted errors=remount-ro: the kernel makes it read-only."""
        Path(f"/sys/fs/ext4/{self.device()}/trigger_fs_error").write_text("benchop store fault\n")

    def repair(self) -> None:
        self.unmount()
        subprocess.run(["e2fsck", "-fy", str(self.image)], capture_output=True)  # exit 1: errors corrected
        self.mount()


def disk_filled(service: Service, disk: Disk, seconds: float = 2) -> Outcome:
    """The store's disk full for ``seconds``, then room again."""
    def cause(outcome: Outcome) -> None:
        _snapshot(service, outcome)
        with closing(sqlite3.connect(service.database, isolation_level=None)) as db:  # no spare room in the log
            while db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
                time.sleep(0.05)
        filler = disk.fill()
        try:
            _post_during_fault(service, outcome)
            time.sleep(seconds)
        finally:
            filler.unlink()
    return _around(service, "store's disk full", cause)


def store_read_only(service: Service, disk: Disk) -> Outcome:
    """The store's file system turns read-only (an ext4 error); the operator stops the service, repairs
    the file system and starts the service again, which resumes the run."""
    def cause(outcome: Outcome) -> None:
        _snapshot(service, outcome)
        disk.break_to_read_only()
        _post_during_fault(service, outcome)
        service.stop()
        disk.repair()
        service.start()
    return _around(service, "store's file system read-only", cause)


def no_workers(service: Service) -> Outcome:
    """A cluster without workers: the run fails after benchop.worker-wait, with that reason."""
    outcome = Outcome("no workers", run_id=service.submit({"problems": ["1a-I"], "methods": ["COS"]}))
    outcome.runs.append(service.wait_for(outcome.run_id, timeout=120))
    outcome.after = stored_levels(service.database, outcome.run_id)
    return outcome


def assert_recovered(service: Service, outcome: Outcome) -> None:
    """The run the fault hit completed with every pair ok; nothing lost, doubled or left running."""
    assert outcome.completed == len(outcome.runs) == 1, [run.get("error") for run in outcome.runs]
    assert outcome.before, "the fault came before the run had stored anything"
    assert (outcome.lost, outcome.duplicated, outcome.orphans) == (0, 0, [])
    for run in outcome.runs:
        assert_complete(service, run)
