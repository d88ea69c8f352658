"""The results store on its own: whole transactions, queue bounds, idempotency keys, one opener, and a
store written by the previous release opened by this one."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing

import pytest

from benchop_dask.results import LevelResult
from benchop_dask.store import (IdempotencyConflict, QueueFull, QueueLimits, Store, StoreInUse,
                                StoreUnavailable)

REQUEST = {"problems": ["1a-I"], "methods": ["COS"], "params": {}, "tol": 1e-4, "repeat": 3}


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "benchop.sqlite3", busy_timeout=0.2)
    yield store
    store.close()


def test_the_queue_bounds_refuse_whole_requests(store):
    limits = QueueLimits(total=3, per_client=2)
    for n in range(2):
        assert store.create_run(f"a{n}", REQUEST, ["1a-I"], client="a", limits=limits) == (f"a{n}", True)
    with pytest.raises(QueueFull, match="max-pending-runs-per-client"):
        store.create_run("a2", REQUEST, ["1a-I"], client="a", limits=limits)
    store.create_run("b0", REQUEST, ["1a-I"], client="b", limits=limits)
    with pytest.raises(QueueFull, match="the service has 3 unfinished runs"):
        store.create_run("b1", REQUEST, ["1a-I"], client="b", limits=limits)
    assert sorted(r.id for r in store.list_runs()) == ["a0", "a1", "b0"]
    assert store.run_references("a2") == {} and store.run_references("b1") == {}  # nothing half-stored
    store.finish("a0", "done", {"results": []})
    assert store.create_run("a2", REQUEST, ["1a-I"], client="a", limits=limits) == ("a2", True)


def test_an_idempotency_key_finds_its_run_and_refuses_another_request(store):
    assert store.create_run("x", REQUEST, ["1a-I"], client="a", idempotency_key="k") == ("x", True)
    assert store.create_run("y", REQUEST, ["1a-I"], client="a", idempotency_key="k") == ("x", False)
    with pytest.raises(IdempotencyConflict):
        store.create_run("z", {**REQUEST, "repeat": 1}, ["1a-I"], client="a", idempotency_key="k")
    assert store.create_run("w", REQUEST, ["1a-I"], client="b", idempotency_key="k") == ("w", True)
    assert sorted(r.id for r in store.list_runs()) == ["w", "x"]


def test_a_level_is_stored_once_and_counted_once(store):
    store.create_run("r", REQUEST, ["1a-I"])
    level = LevelResult(3, "ok", prices=(1.0,), relerr=1e-6, time=0.25, times=(0.25,))
    assert store.add_level("r", "1a-I", "COS", level) is True
    assert store.add_level("r", "1a-I", "COS", level) is False
    store.add_level("r", "1a-I", "COS", LevelResult(4, "error", error="boom"))
    assert store.level_totals() == (2, 1, 0.25)
    assert [lv.level for lv in store.run_levels("r")[("1a-I", "COS")]] == [3, 4]


def test_the_deciding_levels_timing_replaces_its_single_call_once(store):
    store.create_run("r", REQUEST, ["1a-I"])
    single = LevelResult(3, "ok", prices=(1.0,), relerr=1e-6, time=0.25, times=(0.25,))
    timed = LevelResult(3, "ok", prices=(1.0,), relerr=1e-6, time=0.2, times=(0.2, 0.19, 0.21), timing="repeated")
    assert store.add_level("r", "1a-I", "COS", single) is True
    assert store.add_level("r", "1a-I", "COS", timed) is True
    assert store.run_levels("r")[("1a-I", "COS")] == [timed]
    assert store.level_totals() == (1, 1, pytest.approx(0.2))
    # Neither a second timing nor the single call comes back over it.
    assert store.add_level("r", "1a-I", "COS", LevelResult(3, "ok", time=9.0, times=(9.0,), timing="repeated")) is False
    assert store.add_level("r", "1a-I", "COS", single) is False
    assert store.run_levels("r")[("1a-I", "COS")] == [timed]


def test_a_second_opener_is_refused_and_a_locked_store_answers_busy(store):
    with pytest.raises(StoreInUse, match=f"in use by another benchop service \\(process {os.getpid()}\\)"):
        Store(store.path)
    with closing(sqlite3.connect(store.path, isolation_level=None)) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreUnavailable, match="busy: another process holds a lock"):
            store.create_run("r", REQUEST, ["1a-I"])
        assert store.list_runs() == []  # reads go on
        holder.execute("ROLLBACK")
    store.create_run("r", REQUEST, ["1a-I"])
    store.check_writable()
    assert [r.id for r in store.list_runs()] == ["r"]


def test_a_store_of_the_previous_release_opens_with_its_runs_and_levels(tmp_path):
    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path)) as db:  # the schema before client, idempotency keys and totals
        db.executescript("""
            CREATE TABLE runs (id TEXT PRIMARY KEY, created REAL NOT NULL, finished REAL, status TEXT NOT NULL,
                request TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL DEFAULT 0,
                environment TEXT, result TEXT, error TEXT);
            CREATE TABLE levels (run_id TEXT NOT NULL, problem TEXT NOT NULL, method TEXT NOT NULL,
                level INTEGER NOT NULL, result TEXT NOT NULL, PRIMARY KEY (run_id, problem, method, level));
        """)
        db.execute("INSERT INTO runs (id, created, status, request) VALUES ('old', 1, 'running', ?)",
                   (json.dumps(REQUEST),))
        for level, seconds in ((1, 0.5), (2, None)):
            db.execute("INSERT INTO levels VALUES ('old', '1a-I', 'COS', ?, ?)",
                       (level, json.dumps({"level": level, "status": "ok", "time": seconds})))
        db.commit()
    store = Store(path)
    try:
        assert [r.id for r in store.unfinished_runs()] == ["old"]
        assert store.level_totals() == (2, 1, 0.5)
        assert [lv.level for lv in store.run_levels("old")[("1a-I", "COS")]] == [1, 2]
        # its levels were all timed over repeats
        assert {lv.timing for lv in store.run_levels("old")[("1a-I", "COS")]} == {"repeated"}
        assert store.create_run("new", REQUEST, ["1a-I"], client="a", idempotency_key="k") == ("new", True)
    finally:
        store.close()
