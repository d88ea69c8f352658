"""The results store: SQLite, written as results arrive, so a restart loses nothing.

Tables: ``runs`` (the request, status, progress, environment, final result),
``run_problems`` (per run and problem: the reference used), ``levels`` (every
scored resolution level, keyed by run, problem, method and level, so a resumed
run never stores one twice) and ``refs`` (references computed for custom
parameters, shared by all runs).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .references import Reference, catalogue_reference
from .results import LevelResult
from .validation import ProblemInstance

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    created REAL NOT NULL,
    finished REAL,
    status TEXT NOT NULL,
    request TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    environment TEXT,
    result TEXT,
    error TEXT
);
CREATE INDEX IF NOT EXISTS runs_by_created ON runs (created DESC);
CREATE TABLE IF NOT EXISTS run_problems (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    problem TEXT NOT NULL,
    reference TEXT,
    source TEXT,
    error TEXT,
    PRIMARY KEY (run_id, problem)
);
CREATE INDEX IF NOT EXISTS run_problems_by_problem ON run_problems (problem);
CREATE TABLE IF NOT EXISTS levels (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    problem TEXT NOT NULL,
    method TEXT NOT NULL,
    level INTEGER NOT NULL,
    result TEXT NOT NULL,
    PRIMARY KEY (run_id, problem, method, level)
);
CREATE TABLE IF NOT EXISTS refs (
    key TEXT PRIMARY KEY,
    problem TEXT NOT NULL,
    params TEXT NOT NULL,
    reference TEXT NOT NULL,
    created REAL NOT NULL
);
"""

UNFINISHED = ("queued", "running")


@dataclass(frozen=True)
class RunRecord:
    id: str
    created: float
    finished: float | None
    status: str
    request: dict[str, Any]
    done: int
    total: int
    environment: dict[str, Any]
    result: dict[str, Any] | None
    error: str | None


def _level_from_json(data: dict[str, Any]) -> LevelResult:
    return LevelResult(**{**data, "prices": tuple(data.get("prices") or ()), "times": tuple(data.get("times") or ())})


class Store:
    """One SQLite database; safe to share between the service's threads."""

    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _write(self, sql: str, args: tuple = ()) -> int:
        with self._lock:
            return self._db.execute(sql, args).rowcount

    def _read(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # -- runs -------------------------------------------------------------
    def create_run(self, run_id: str, request: dict[str, Any], problems: list[str]) -> None:
        with self._lock:
            self._db.execute("BEGIN")
            self._db.execute("INSERT INTO runs (id, created, status, request) VALUES (?, ?, 'queued', ?)",
                             (run_id, time.time(), json.dumps(request)))
            self._db.executemany("INSERT INTO run_problems (run_id, problem) VALUES (?, ?)",
                                 [(run_id, p) for p in problems])
            self._db.execute("COMMIT")

    def set_status(self, run_id: str, status: str, error: str | None = None) -> None:
        finished = None if status in UNFINISHED else time.time()
        self._write("UPDATE runs SET status = ?, error = COALESCE(?, error), finished = ? WHERE id = ?",
                    (status, error, finished, run_id))

    def set_progress(self, run_id: str, done: int, total: int) -> None:
        self._write("UPDATE runs SET done = ?, total = ? WHERE id = ?", (done, total, run_id))

    def set_environment(self, run_id: str, environment: dict[str, Any]) -> None:
        self._write("UPDATE runs SET environment = ? WHERE id = ?", (json.dumps(environment), run_id))

    def finish(self, run_id: str, status: str, result: dict[str, Any] | None, error: str | None = None) -> None:
        self._write("UPDATE runs SET status = ?, result = ?, error = ?, finished = ? WHERE id = ?",
                    (status, json.dumps(result) if result is not None else None, error, time.time(), run_id))

    def _record(self, row: sqlite3.Row) -> RunRecord:
        return RunRecord(
            id=row["id"], created=row["created"], finished=row["finished"], status=row["status"],
            request=json.loads(row["request"]), done=row["done"], total=row["total"],
            environment=json.loads(row["environment"]) if row["environment"] else {},
            result=json.loads(row["result"]) if row["result"] else None, error=row["error"],
        )

    def get_run(self, run_id: str) -> RunRecord | None:
        rows = self._read("SELECT * FROM runs WHERE id = ?", (run_id,))
        return self._record(rows[0]) if rows else None

    def list_runs(self, problem: str | None = None, limit: int = 50, offset: int = 0) -> list[RunRecord]:
        if problem:
            rows = self._read(
                "SELECT runs.* FROM runs JOIN run_problems ON run_problems.run_id = runs.id "
                "WHERE run_problems.problem = ? ORDER BY runs.created DESC, runs.id LIMIT ? OFFSET ?",
                (problem, limit, offset))
        else:
            rows = self._read("SELECT * FROM runs ORDER BY created DESC, id LIMIT ? OFFSET ?", (limit, offset))
        return [self._record(r) for r in rows]

    def unfinished_runs(self) -> list[RunRecord]:
        rows = self._read("SELECT * FROM runs WHERE status IN ('queued', 'running') ORDER BY created")
        return [self._record(r) for r in rows]

    def count_runs(self) -> dict[str, int]:
        return {r["status"]: r["n"] for r in self._read("SELECT status, COUNT(*) AS n FROM runs GROUP BY status")}

    # -- per problem and level --------------------------------------------------
    def set_reference(self, run_id: str, problem: str, reference: Reference | None, error: str | None) -> None:
        self._write("UPDATE run_problems SET reference = ?, source = ?, error = ? WHERE run_id = ? AND problem = ?",
                    (json.dumps(list(reference.values)) if reference else None,
                     reference.source if reference else None, error, run_id, problem))

    def run_references(self, run_id: str) -> dict[str, tuple[Reference | None, str | None]]:
        out: dict[str, tuple[Reference | None, str | None]] = {}
        for row in self._read("SELECT * FROM run_problems WHERE run_id = ?", (run_id,)):
            ref = Reference(tuple(json.loads(row["reference"])), row["source"]) if row["reference"] else None
            out[row["problem"]] = (ref, row["error"])
        return out

    def add_level(self, run_id: str, problem: str, method: str, level: LevelResult) -> bool:
        """Store one scored level; False when the run already has it (nothing is stored twice)."""
        return self._write(
            "INSERT OR IGNORE INTO levels (run_id, problem, method, level, result) VALUES (?, ?, ?, ?, ?)",
            (run_id, problem, method, level.level, json.dumps(asdict(level)))) == 1

    def run_levels(self, run_id: str) -> dict[tuple[str, str], list[LevelResult]]:
        out: dict[tuple[str, str], list[LevelResult]] = {}
        rows = self._read("SELECT problem, method, result FROM levels WHERE run_id = ? ORDER BY level", (run_id,))
        for row in rows:
            out.setdefault((row["problem"], row["method"]), []).append(_level_from_json(json.loads(row["result"])))
        return out

    def count_levels(self) -> int:
        return self._read("SELECT COUNT(*) AS n FROM levels")[0]["n"]

    def level_time_totals(self) -> tuple[int, float]:
        """How many scored levels have a time, and the sum of their median times (seconds)."""
        row = self._read("SELECT COUNT(json_extract(result, '$.time')) AS n, "
                         "COALESCE(SUM(json_extract(result, '$.time')), 0) AS total FROM levels")[0]
        return row["n"], row["total"]

    # -- references for custom parameters -------------------------------------
    def get_reference(self, key: str) -> tuple[str, Any, tuple[float, ...]] | None:
        rows = self._read("SELECT problem, params, reference FROM refs WHERE key = ?", (key,))
        if not rows:
            return None
        return rows[0]["problem"], json.loads(rows[0]["params"]), tuple(json.loads(rows[0]["reference"]))

    def put_reference(self, key: str, problem: str, params: Any, values: tuple[float, ...]) -> None:
        self._write("INSERT OR REPLACE INTO refs (key, problem, params, reference, created) VALUES (?, ?, ?, ?, ?)",
                    (key, problem, json.dumps(params), json.dumps(list(values)), time.time()))


class StoreReferenceCache:
    """References for custom parameters, kept in the store (the runner's ReferenceStore)."""

    def __init__(self, store: Store):
        self.store = store

    def lookup(self, instance: ProblemInstance) -> Reference | None:
        known = catalogue_reference(instance)
        if known is not None:
            return known
        found = self.store.get_reference(instance.key)
        if found is not None and found[0] == instance.id and found[1] == instance.params:
            return Reference(found[2], "cached")
        return None

    def put(self, instance: ProblemInstance, values: tuple[float, ...]) -> None:
        self.store.put_reference(instance.key, instance.id, instance.params, values)

