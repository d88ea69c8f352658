"""Stop the service in the middle of a run, start it again: the run completes, nothing lost or doubled."""

from __future__ import annotations

import sqlite3
import time

import pytest
from service_process import Service

pytestmark = pytest.mark.integration


def stored_levels(database) -> dict[tuple[str, str, int], str]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT problem, method, level, result FROM levels").fetchall()
    return {(p, m, lv): result for p, m, lv, result in rows}


def test_a_restart_resumes_the_run_and_keeps_every_result(tmp_path):
    service = Service(tmp_path / "benchop.sqlite3", tmp_path / "service.log").start()
    try:
        status, created = service.request("POST", "/runs", {
            "problems": ["1a-I", "1b-I", "3-I"], "methods": ["FD", "FD-NU", "MC-S"],
            "params": {"K": 105}, "repeat": 3})
        assert status == 202
        run_id = created["id"]
        deadline = time.monotonic() + 300
        while len(stored_levels(service.database)) < 8:  # well into the run, not finished
            assert time.monotonic() < deadline, "the run made no progress"
            time.sleep(0.2)
        _, run = service.get(f"/runs/{run_id}")
        assert run["status"] == "running"
    finally:
        service.stop()

    before = stored_levels(service.database)
    with sqlite3.connect(service.database) as db:
        (status,) = db.execute("SELECT status FROM runs WHERE id = ?", (run_id,)).fetchone()
    assert status == "running" and before

    restarted = Service(service.database, service.log, port=service.port).start()
    try:
        run = restarted.wait_for(run_id, timeout=900)
    finally:
        restarted.stop()
    assert run["status"] == "done"
    after = stored_levels(service.database)
    # Nothing lost: every level stored before the stop is still there, unchanged.
    assert all(after.get(key) == value for key, value in before.items())
    # Nothing doubled: one row per (problem, method, level), and the results use them.
    with sqlite3.connect(service.database) as db:
        (rows,) = db.execute("SELECT COUNT(*) FROM levels WHERE run_id = ?", (run_id,)).fetchone()
    assert rows == len(after)
    for result in run["results"]:
        levels = [lv["level"] for lv in result["levels"]]
        assert len(levels) == len(set(levels))
        assert result["status"] in ("ok", "inaccurate"), result
    assert len(run["results"]) == 9
    ok = [r for r in run["results"] if r["method"] in ("FD", "FD-NU")]
    assert all(r["status"] == "ok" and r["relerr"] <= 1e-4 for r in ok), ok
