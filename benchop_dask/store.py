"""The results store: SQLite, written as results arrive, so a restart loses nothing.

Tables: ``runs`` (the request, who sent it, status, progress, environment,
final result), ``run_problems`` (per run and problem: the reference used),
``levels`` (every scored resolution level, keyed by run, problem, method and
level, so a resumed run never stores one twice), ``level_totals`` (running
totals of the levels, so metrics never re-read them) and ``refs`` (references
computed for custom parameters, shared by all runs). Companion tables of the
same database (method_store.py) go through :meth:`Store.transaction` and
:meth:`Store.read`, under the same rules.

Every write is one transaction: it is committed whole or rolled back whole.
When SQLite cannot take it (the file locked by another process past the busy
timeout, a read-only file system, a full disk) the write raises
:class:`StoreUnavailable` with the reason, and the store stays usable for when
the fault clears. Reads use one connection per thread, so a GET never waits
behind a write. One service at a time: the store holds an exclusive lock on
``DATABASE.lock`` while open, and a second opener gets :class:`StoreInUse`.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import sqlite3
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .references import Reference, catalogue_reference, reference_key
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
    error TEXT,
    client TEXT,
    idempotency_key TEXT
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
CREATE TABLE IF NOT EXISTS level_totals (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    stored INTEGER NOT NULL,
    timed INTEGER NOT NULL,
    seconds REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS refs (
    key TEXT PRIMARY KEY,
    problem TEXT NOT NULL,
    params TEXT NOT NULL,
    reference TEXT NOT NULL,
    created REAL NOT NULL
);
"""

# Columns added since the first release: an older store gets them on open.
_ADDED_RUN_COLUMNS = {"client": "TEXT", "idempotency_key": "TEXT"}
_INDEXES = """
CREATE INDEX IF NOT EXISTS runs_by_status ON runs (status, client);
CREATE UNIQUE INDEX IF NOT EXISTS runs_by_idempotency_key ON runs (client, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
"""
# A store from before level_totals: count what it holds, once.
_INIT_TOTALS = """
INSERT OR IGNORE INTO level_totals (id, stored, timed, seconds)
SELECT 1, COUNT(*), COUNT(json_extract(result, '$.time')), COALESCE(SUM(json_extract(result, '$.time')), 0)
FROM levels
"""

UNFINISHED = ("queued", "running")


class StoreUnavailable(RuntimeError):
    """The store cannot do this now (busy, read-only, full, failing); nothing was changed."""


class StoreInUse(RuntimeError):
    """Another process (a second service) has the database open."""


class QueueFull(RuntimeError):
    """Too many unfinished runs, in all or from this client; nothing was stored."""


class IdempotencyConflict(ValueError):
    """An Idempotency-Key already names a different request of this client."""


@dataclass(frozen=True)
class QueueLimits:
    """How many runs may wait or execute at once: in all, and per client."""

    total: int
    per_client: int


@dataclass(frozen=True)
class RunListing:
    """A run as the history lists it: no environment, no results."""

    id: str
    created: float
    finished: float | None
    status: str
    request: dict[str, Any]
    done: int
    total: int


@dataclass(frozen=True)
class RunRecord(RunListing):
    """A whole run: what it ran on, and its result once it has ended."""

    environment: dict[str, Any]
    result: dict[str, Any] | None
    error: str | None


def _disk_fault(directory: Path) -> str | None:
    """What a small write next to the database meets: "read-only", "full", another error, or None."""
    try:
        with tempfile.TemporaryFile(dir=directory) as probe:
            probe.write(b"\0" * 4096)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as exc:
        return {errno.EROFS: "read-only", errno.ENOSPC: "full", errno.EDQUOT: "full"}.get(exc.errno, exc.strerror)
    return None


def unavailable(exc: sqlite3.Error, path: Path) -> StoreUnavailable:
    """SQLite's error as the reason a user can act on.

    SQLite reports a read-only or full file system as a plain I/O error, so the
    disk itself is asked.
    """
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreUnavailable("the results store is busy: another process holds a lock on it")
    fault = "read-only" if "readonly" in text else "full" if "full" in text else _disk_fault(path.parent)
    if fault == "read-only":
        return StoreUnavailable("the results store is read-only: its file system takes no writes")
    if fault == "full":
        return StoreUnavailable("the results store's disk is full")
    return StoreUnavailable(f"the results store cannot be written: {exc}" + (f" ({fault})" if fault else ""))


def _transient(exc: BaseException) -> bool:
    """An error of the database file or its disk, not of the statement."""
    return type(exc) in (sqlite3.OperationalError, sqlite3.DatabaseError)


class _InstanceLock:
    """An exclusive lock on DATABASE.lock, held while the store is open."""

    def __init__(self, database: Path):
        self.path = database.with_name(database.name + ".lock")
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the store's lock file {self.path}: {exc.strerror}") from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(self.fd, 32, 0).decode(errors="replace").strip() or "unknown"
            os.close(self.fd)
            raise StoreInUse(f"the results store {database} is in use by another benchop service (process "
                             f"{holder}); give each service its own --database") from None
        try:
            os.ftruncate(self.fd, 0)
            os.pwrite(self.fd, str(os.getpid()).encode(), 0)
        except OSError:  # the pid only improves the message of a second opener
            pass

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing the descriptor drops the lock
            self.fd = -1


class Store:
    """One SQLite database; safe to share between the service's threads."""

    def __init__(self, path: str | Path, busy_timeout: float = 5.0):
        self.path = Path(path).expanduser()
        self.busy_timeout = busy_timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"cannot create the store's folder {self.path.parent}: {exc.strerror}") from None
        self._instance = _InstanceLock(self.path)
        self._write_lock = threading.Lock()
        self._readers = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        try:
            self._writer = self._connect()
            self._writer.execute("PRAGMA journal_mode=WAL")
            self._writer.executescript(SCHEMA)
            columns = {row["name"] for row in self._writer.execute("PRAGMA table_info(runs)")}
            for name, kind in _ADDED_RUN_COLUMNS.items():
                if name not in columns:
                    self._writer.execute(f"ALTER TABLE runs ADD COLUMN {name} {kind}")
            self._writer.executescript(_INDEXES)
            self._writer.execute(_INIT_TOTALS)
        except sqlite3.Error as exc:
            self.close()
            raise unavailable(exc, self.path) from None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.busy_timeout, check_same_thread=False, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA synchronous=FULL")  # a commit is on the disk before the API answers
        db.execute("PRAGMA foreign_keys=ON")
        with self._connections_lock:
            self._connections.append(db)
        return db

    def close(self) -> None:
        with self._write_lock, self._connections_lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._instance.release()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back and reported."""
        with self._write_lock:
            db = self._writer
            try:
                db.execute("BEGIN IMMEDIATE")
                yield db
                db.execute("COMMIT")
            except BaseException as exc:
                if db.in_transaction:
                    try:
                        db.execute("ROLLBACK")
                    except sqlite3.Error:  # SQLite may have rolled back already
                        pass
                if _transient(exc):
                    raise unavailable(exc, self.path) from None  # type: ignore[arg-type]
                raise

    def _write(self, sql: str, args: tuple = ()) -> int:
        with self.transaction() as db:
            return db.execute(sql, args).rowcount

    def read(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        """The rows of one query, on this thread's own connection (a read never waits behind a write)."""
        db = getattr(self._readers, "db", None)
        try:
            if db is None:
                db = self._readers.db = self._connect()
            return db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            if _transient(exc):
                raise unavailable(exc, self.path) from None
            raise

    def check_writable(self) -> None:
        """Raise StoreUnavailable unless a write would go through now (nothing is changed)."""
        with self.transaction() as db:
            db.execute("UPDATE level_totals SET stored = stored WHERE id = 1")

    # -- runs -------------------------------------------------------------
    def create_run(self, run_id: str, request: dict[str, Any], problems: list[str], *, client: str = "",
                   idempotency_key: str | None = None, limits: QueueLimits | None = None) -> tuple[str, bool]:
        """Store a new queued run, or find the one this client's idempotency key already made.

        Returns (run id, whether it was created). Raises QueueFull when ``limits``
        are reached and IdempotencyConflict when the key names another request;
        in every case either the whole run is stored or nothing.
        """
        text = json.dumps(request, sort_keys=True)
        with self.transaction() as db:
            if idempotency_key is not None:
                found = db.execute("SELECT id, request FROM runs WHERE client = ? AND idempotency_key = ?",
                                   (client, idempotency_key)).fetchone()
                if found is not None:
                    if json.loads(found["request"]) != json.loads(text):
                        raise IdempotencyConflict("this Idempotency-Key was already used for a different request")
                    return found["id"], False
            if limits is not None:
                _admit(db, client, limits)
            db.execute("INSERT INTO runs (id, created, status, request, client, idempotency_key) "
                       "VALUES (?, ?, 'queued', ?, ?, ?)", (run_id, time.time(), text, client, idempotency_key))
            db.executemany("INSERT INTO run_problems (run_id, problem) VALUES (?, ?)", [(run_id, p) for p in problems])
        return run_id, True

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
        rows = self.read("SELECT * FROM runs WHERE id = ?", (run_id,))
        return self._record(rows[0]) if rows else None

    def list_runs(self, problem: str | None = None, limit: int = 50, offset: int = 0) -> list[RunListing]:
        columns = "runs.id, runs.created, runs.finished, runs.status, runs.request, runs.done, runs.total"
        if problem:
            rows = self.read(
                f"SELECT {columns} FROM runs JOIN run_problems ON run_problems.run_id = runs.id "
                "WHERE run_problems.problem = ? ORDER BY runs.created DESC, runs.id LIMIT ? OFFSET ?",
                (problem, limit, offset))
        else:
            rows = self.read(f"SELECT {columns} FROM runs ORDER BY created DESC, id LIMIT ? OFFSET ?",
                              (limit, offset))
        return [RunListing(id=r["id"], created=r["created"], finished=r["finished"], status=r["status"],
                           request=json.loads(r["request"]), done=r["done"], total=r["total"]) for r in rows]

    def unfinished_runs(self) -> list[RunRecord]:
        rows = self.read("SELECT * FROM runs WHERE status IN ('queued', 'running') ORDER BY created")
        return [self._record(r) for r in rows]

    def count_runs(self) -> dict[str, int]:
        return {r["status"]: r["n"] for r in self.read("SELECT status, COUNT(*) AS n FROM runs GROUP BY status")}

    # -- per problem and level --------------------------------------------------
    def set_reference(self, run_id: str, problem: str, reference: Reference | None, error: str | None) -> None:
        self._write("UPDATE run_problems SET reference = ?, source = ?, error = ? WHERE run_id = ? AND problem = ?",
                    (json.dumps(list(reference.values)) if reference else None,
                     reference.source if reference else None, error, run_id, problem))

    def run_references(self, run_id: str) -> dict[str, tuple[Reference | None, str | None]]:
        out: dict[str, tuple[Reference | None, str | None]] = {}
        for row in self.read("SELECT * FROM run_problems WHERE run_id = ?", (run_id,)):
            ref = Reference(tuple(json.loads(row["reference"])), row["source"]) if row["reference"] else None
            out[row["problem"]] = (ref, row["error"])
        return out

    def add_level(self, run_id: str, problem: str, method: str, level: LevelResult) -> bool:
        """Store one scored level; False when the run already has it (nothing is stored twice).

        A level timed over repeats replaces the same level's single call, once.
        """
        with self.transaction() as db:
            result = json.dumps(level.to_json())
            added = db.execute(
                "INSERT OR IGNORE INTO levels (run_id, problem, method, level, result) VALUES (?, ?, ?, ?, ?)",
                (run_id, problem, method, level.level, result)).rowcount == 1
            timed = level.time is not None
            if added:
                db.execute("UPDATE level_totals SET stored = stored + 1, timed = timed + ?, seconds = seconds + ? "
                           "WHERE id = 1", (int(timed), level.time if timed else 0.0))
                return True
            if level.timing != "repeated":
                return False
            key = (run_id, problem, method, level.level)
            rows = db.execute("SELECT result FROM levels WHERE run_id = ? AND problem = ? AND method = ? AND level = ?",
                              key).fetchall()
            single = LevelResult.from_json(json.loads(rows[0][0]))
            if single.timing == "repeated":
                return False
            db.execute("UPDATE levels SET result = ? WHERE run_id = ? AND problem = ? AND method = ? AND level = ?",
                       (result, *key))
            db.execute("UPDATE level_totals SET timed = timed + ?, seconds = seconds + ? WHERE id = 1",
                       (int(timed) - int(single.time is not None), (level.time or 0.0) - (single.time or 0.0)))
        return True

    def run_levels(self, run_id: str) -> dict[tuple[str, str], list[LevelResult]]:
        out: dict[tuple[str, str], list[LevelResult]] = {}
        rows = self.read("SELECT problem, method, result FROM levels WHERE run_id = ? ORDER BY level", (run_id,))
        for row in rows:
            out.setdefault((row["problem"], row["method"]), []).append(LevelResult.from_json(json.loads(row["result"])))
        return out

    def level_totals(self) -> tuple[int, int, float]:
        """Scored levels stored, how many of them have a time, and the sum of their median times (seconds)."""
        row = self.read("SELECT stored, timed, seconds FROM level_totals WHERE id = 1")[0]
        return row["stored"], row["timed"], row["seconds"]

    # -- references for custom parameters -------------------------------------
    def get_reference(self, key: str) -> tuple[str, Any, tuple[float, ...]] | None:
        rows = self.read("SELECT problem, params, reference FROM refs WHERE key = ?", (key,))
        if not rows:
            return None
        return rows[0]["problem"], json.loads(rows[0]["params"]), tuple(json.loads(rows[0]["reference"]))

    def put_reference(self, key: str, problem: str, params: Any, values: tuple[float, ...]) -> None:
        self._write("INSERT OR REPLACE INTO refs (key, problem, params, reference, created) VALUES (?, ?, ?, ?, ?)",
                    (key, problem, json.dumps(params), json.dumps(list(values)), time.time()))


def _admit(db: sqlite3.Connection, client: str, limits: QueueLimits) -> None:
    """Raise QueueFull when one more unfinished run would pass ``limits``."""
    row = db.execute("SELECT COUNT(*) AS total, COALESCE(SUM(client = ?), 0) AS mine FROM runs "
                     "WHERE status IN ('queued', 'running')", (client,)).fetchone()
    if row["mine"] >= limits.per_client:
        raise QueueFull(f"you have {row['mine']} unfinished runs, the most one client may have "
                        f"(benchop.service.max-pending-runs-per-client); wait for one to finish")
    if row["total"] >= limits.total:
        raise QueueFull(f"the service has {row['total']} unfinished runs, the most it takes "
                        f"(benchop.service.max-pending-runs); try again later")


class StoreReferenceCache:
    """References for custom parameters, kept in the store (the runner's ReferenceStore)."""

    def __init__(self, store: Store):
        self.store = store

    def lookup(self, instance: ProblemInstance) -> Reference | None:
        known = catalogue_reference(instance)
        if known is not None:
            return known
        found = self.store.get_reference(reference_key(instance))
        if found is not None and found[0] == instance.id and found[1] == instance.params:
            return Reference(found[2], "cached")
        return None

    def put(self, instance: ProblemInstance, values: tuple[float, ...]) -> None:
        self.store.put_reference(reference_key(instance), instance.id, instance.params, values)
