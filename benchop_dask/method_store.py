"""Uploaded methods in the results store: every version, its owner, its files and its evaluation.

A version is never changed but for its evaluation, and never removed: the
history of a method is the list of its versions. The same files uploaded
again by their owner are the version they already are. A method's name
belongs to the owner of its first version.
"""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass, field
from typing import Any

from .catalogue import Method, Upload, method_from_json
from .method_code import MethodCode
from .store import Store
from .validation import BadRequest

SCHEMA = """
CREATE TABLE IF NOT EXISTS methods (
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    owner TEXT NOT NULL,
    created REAL NOT NULL,
    digest TEXT NOT NULL,
    spec TEXT NOT NULL,
    files TEXT NOT NULL,
    status TEXT NOT NULL,
    evaluation TEXT NOT NULL,
    PRIMARY KEY (name, version)
)
"""

EVALUATING, EVALUATED, FAILED = "evaluating", "evaluated", "failed"


class NotOwner(BadRequest):
    """An upload under a name that another owner holds."""


@dataclass(frozen=True)
class MethodVersion:
    """One uploaded version of a method."""

    name: str
    version: int
    owner: str
    created: float
    digest: str
    spec: dict[str, Any]
    code: MethodCode
    status: str  # EVALUATING, EVALUATED or FAILED
    evaluation: dict[str, Any] = field(default_factory=dict)

    def method(self) -> Method:
        """The catalogue's record of this version."""
        return method_from_json(self.spec, upload=Upload(self.code, self.owner, self.version))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "owner": self.owner, "created": self.created,
                "digest": self.digest, "spec": self.spec, "files": list(self.code.names), "status": self.status,
                "evaluation": self.evaluation}


def _files_json(code: MethodCode) -> str:
    return json.dumps({name: base64.b64encode(data).decode() for name, data in code.files})


def _code(text: str) -> MethodCode:
    return MethodCode(tuple(sorted((name, base64.b64decode(data)) for name, data in json.loads(text).items())))


class MethodStore:
    """The ``methods`` table of a :class:`~benchop_dask.store.Store`."""

    def __init__(self, store: Store):
        self.store = store
        with store.transaction() as db:
            db.execute(SCHEMA)

    def _version(self, row: Any) -> MethodVersion:
        return MethodVersion(name=row["name"], version=row["version"], owner=row["owner"], created=row["created"],
                             digest=row["digest"], spec=json.loads(row["spec"]), code=_code(row["files"]),
                             status=row["status"], evaluation=json.loads(row["evaluation"]))

    def add(self, spec: dict[str, Any], code: MethodCode, owner: str) -> tuple[MethodVersion, bool]:
        """Store a new version (status EVALUATING); returns it and whether it is new.

        Raises NotOwner when another owner holds the name.
        """
        name, digest = spec["name"], code.digest()
        with self.store.transaction() as db:
            latest = db.execute("SELECT * FROM methods WHERE name = ? ORDER BY version DESC LIMIT 1",
                                (name,)).fetchone()
            if latest is not None and latest["owner"] != owner:
                first = db.execute("SELECT owner FROM methods WHERE name = ? AND version = 1", (name,)).fetchone()
                raise NotOwner(f"method {name} belongs to {first['owner']}: choose another name")
            if latest is not None and latest["digest"] == digest and json.loads(latest["spec"]) == spec:
                return self._version(latest), False
            version = 1 if latest is None else latest["version"] + 1
            db.execute("INSERT INTO methods (name, version, owner, created, digest, spec, files, status, evaluation) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')",
                       (name, version, owner, time.time(), digest, json.dumps(spec), _files_json(code), EVALUATING))
        found = self.get(name, version)
        assert found is not None
        return found, True

    def get(self, name: str, version: int | None = None) -> MethodVersion | None:
        """A version of a method, by default its latest."""
        if version is None:
            rows = self.store.read("SELECT * FROM methods WHERE name = ? ORDER BY version DESC LIMIT 1", (name,))
        else:
            rows = self.store.read("SELECT * FROM methods WHERE name = ? AND version = ?", (name, version))
        return self._version(rows[0]) if rows else None

    def versions(self, name: str) -> list[MethodVersion]:
        """Every version of a method, the newest first."""
        return [self._version(r) for r in self.store.read(
            "SELECT * FROM methods WHERE name = ? ORDER BY version DESC", (name,))]

    def latest(self) -> list[MethodVersion]:
        """The latest version of every uploaded method, by name."""
        return [self._version(r) for r in self.store.read(
            "SELECT * FROM methods AS m WHERE version = (SELECT MAX(version) FROM methods WHERE name = m.name) "
            "ORDER BY name")]

    def evaluating(self) -> list[MethodVersion]:
        """The versions whose evaluation has not ended, the oldest first."""
        return [self._version(r) for r in self.store.read(
            "SELECT * FROM methods WHERE status = ? ORDER BY created", (EVALUATING,))]

    def set_evaluation(self, name: str, version: int, evaluation: dict[str, Any], status: str = EVALUATING) -> None:
        with self.store.transaction() as db:
            db.execute("UPDATE methods SET evaluation = ?, status = ? WHERE name = ? AND version = ?",
                       (json.dumps(evaluation), status, name, version))
