"""The results store under faults caused for real: locked by another process, disk full, file system
read-only, and a second service on the same file.

The store lives on a small ext4 file system of the test's own (a loop-mounted
image), so the disk can really fill up and really turn read-only (ext4's
error handling, triggered through its sysfs test hook). Each fault answers a
clear 503 with Retry-After, stores nothing half, and the run in progress
waits it out and completes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from faults import Disk, assert_recovered, disk_filled, store_locked, store_read_only
from service_process import Service, free_port

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(os.geteuid() != 0 or shutil.which("mkfs.ext4") is None,
                                 reason="mounts a file system of its own (root, e2fsprogs)")]

RETRY_AFTER = "2"


@pytest.fixture(scope="module")
def disk(tmp_path_factory):
    root = tmp_path_factory.mktemp("store-disk")
    disk = Disk(root / "disk.img", root / "mnt").create()
    yield disk
    disk.unmount(lazy=True)


@pytest.fixture(scope="module")
def service(disk, tmp_path_factory):
    log = tmp_path_factory.mktemp("store-service") / "service.log"  # off the faulty disk
    service = Service(disk.mountpoint / "benchop.sqlite3", log,
                      env={"DASK_BENCHOP__SERVICE__STORE_BUSY_TIMEOUT": "0.5",
                           "DASK_BENCHOP__SERVICE__RETRY_AFTER": RETRY_AFTER}).start()
    yield service
    service.stop()


def assert_refused(outcome, reason: str) -> None:
    """What was submitted during the fault got 503 with the reason and Retry-After, and was not stored."""
    ((status, answer, headers),) = outcome.refused
    assert status == 503, answer
    message = answer["detail"][0]["msg"]
    assert reason in message and "nothing was changed" in message
    assert headers["Retry-After"] == RETRY_AFTER


def history(service: Service) -> list[dict]:
    status, answer = service.get("/runs?limit=500")
    assert status == 200
    return answer["runs"]


def test_a_locked_store_answers_503_and_the_run_in_progress_waits_it_out(service):
    before = len(history(service))
    outcome = store_locked(service)
    assert_refused(outcome, "busy: another process holds a lock on it")
    assert_recovered(service, outcome)
    assert len(history(service)) == before + 1  # the run, not the refused request
    assert service.get("/health")[1]["status"] == "ok"


def test_a_full_disk_answers_503_and_the_run_in_progress_waits_it_out(service, disk):
    outcome = disk_filled(service, disk)
    assert_refused(outcome, "disk is full")
    assert_recovered(service, outcome)
    assert service.wait_for(service.submit({"problems": ["1a-I"], "methods": ["COS"]}))["status"] == "done"


def test_a_second_service_on_the_same_store_is_refused_at_start(service):
    started = time.monotonic()
    second = subprocess.run([str(Path(service.proc.args[0])), "serve", "--port", str(free_port()), "--workers", "1",
                             "--database", str(service.database)], capture_output=True, text=True, timeout=60)
    assert second.returncode == 1
    assert f"is in use by another benchop service (process {service.pid})" in second.stderr
    assert "Traceback" not in second.stderr
    assert time.monotonic() - started < 30  # refused before any cluster starts
    assert service.get("/health")[1]["status"] == "ok"


def test_a_read_only_store_answers_503_and_the_run_resumes_once_repaired(service, disk):
    outcome = store_read_only(service, disk)
    assert_refused(outcome, "read-only")
    assert_recovered(service, outcome)
