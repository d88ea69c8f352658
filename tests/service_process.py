"""Start `benchop serve` as a real process for the API, restart and browser tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
from contextlib import closing
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
TOKEN = "test-token-not-a-secret"


# A run that keeps both workers busy for about five seconds: grids climbing to 1e-6, with custom
# parameters (computed references).
BUSY_RUN = {"problems": ["1a-I", "1b-I", "1c-I"], "methods": ["FD", "FD-NU", "COS"], "params": {"K": 105},
            "tol": 1e-6, "repeat": 3}


def stored_levels(database: Path, run_id: str | None = None) -> dict[tuple[str, str, int], str]:
    """The levels in the store (of one run, or all): (problem, method, level) -> the stored result."""
    with closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT problem, method, level, result FROM levels WHERE ? IS NULL OR run_id = ?",
                          (run_id, run_id)).fetchall()
    return {(p, m, lv): result for p, m, lv, result in rows}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Service:
    database: Path
    log: Path
    port: int = field(default_factory=free_port)
    token: str | None = TOKEN
    scheduler: str | None = None  # an external scheduler; None: a local cluster of 2 workers
    env: dict[str, str] = field(default_factory=dict)  # settings, e.g. DASK_BENCHOP__SERVICE__...
    workers: int = 2  # workers /health must count before the service is up
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self, timeout: float = 120) -> "Service":
        env = {**os.environ, "DASK_BENCHOP__LOCAL_CLUSTER__DASHBOARD_ADDRESS": "127.0.0.1:0",
               "DASK_BENCHOP__SERVICE__MAX_CONCURRENT_RUNS": "2", **self.env}
        if self.token:
            env["BENCHOP_SERVICE_TOKEN"] = self.token
        cluster = ["--scheduler", self.scheduler] if self.scheduler else ["--workers", "2"]
        self.proc = subprocess.Popen(
            [str(BIN / "benchop"), "serve", "--port", str(self.port), *cluster, "--database", str(self.database)],
            env=env, stdout=open(self.log, "a"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"benchop serve exited: {self.log.read_text()[-3000:]}")
            try:
                if self.get("/health")[1]["workers"] == self.workers:
                    return self
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"benchop serve did not come up: {self.log.read_text()[-3000:]}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> None:
        """Stop the service (SIGTERM: as an operator would), then anything it left behind."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.proc = None

    def request(self, method: str, path: str, body: Any = None, token: str | None | bool = True,
                headers: dict[str, str] | None = None, with_headers: bool = False) -> tuple[int, Any]:
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json", **(headers or {})})
        bearer = self.token if token is True else token
        if bearer:
            request.add_header("Authorization", f"Bearer {bearer}")
        try:
            with urllib.request.urlopen(request, timeout=30) as reply:
                status, text, got = reply.status, reply.read().decode(), reply.headers
        except urllib.error.HTTPError as exc:
            status, text, got = exc.code, exc.read().decode(), exc.headers
        try:
            answer = json.loads(text)
        except ValueError:
            answer = text
        return (status, answer, got) if with_headers else (status, answer)  # type: ignore[return-value]

    def get(self, path: str) -> tuple[int, Any]:
        return self.request("GET", path, token=False)

    def submit(self, body: dict[str, Any]) -> str:
        status, created = self.request("POST", "/runs", body)
        assert status == 202, (status, created)
        return created["id"]

    def wait_for(self, run_id: str, statuses=("done", "cancelled", "failed"), timeout: float = 600) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, run = self.get(f"/runs/{run_id}")
            if status == 200 and run["status"] in statuses:
                return run
            time.sleep(0.5)
        raise TimeoutError(f"run {run_id} did not reach {statuses}")


def assert_complete(service: Service, run: dict) -> None:
    """Done, every pair ok, no failed level, and the store holds each shown level exactly once."""
    assert run["status"] == "done", run.get("error")
    for result in run["results"]:
        assert result["status"] == "ok", result
        assert all(lv["status"] in ("ok", "inaccurate") for lv in result["levels"]), result["levels"]
        levels = [lv["level"] for lv in result["levels"]]
        assert len(levels) == len(set(levels)), levels
    stored = stored_levels(service.database, run["id"])
    shown = {(r["problem"], r["method"], lv["level"]) for r in run["results"] for lv in r["levels"]}
    assert set(stored) == shown


def wait_for_levels(service: Service, run_id: str, count: int, timeout: float = 120) -> None:
    """Wait until the store holds ``count`` levels of the run: it is well under way."""
    deadline = time.monotonic() + timeout
    while len(stored_levels(service.database, run_id)) < count:
        assert time.monotonic() < deadline, f"run {run_id} made no progress"
        time.sleep(0.1)
