"""Start `benchop serve` as a real process for the API, restart and browser tests."""

from __future__ import annotations

import json
import os
import signal
import socket
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
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> "Service":
        env = {**os.environ, "DASK_BENCHOP__LOCAL_CLUSTER__DASHBOARD_ADDRESS": "127.0.0.1:0",
               "DASK_BENCHOP__SERVICE__MAX_CONCURRENT_RUNS": "2"}
        if self.token:
            env["BENCHOP_SERVICE_TOKEN"] = self.token
        self.proc = subprocess.Popen(
            [str(BIN / "benchop"), "serve", "--port", str(self.port), "--workers", "2", "--database", str(self.database)],
            env=env, stdout=open(self.log, "a"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"benchop serve exited: {self.log.read_text()[-3000:]}")
            try:
                if self.get("/health")[1]["workers"] == 2:
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
                headers: dict[str, str] | None = None) -> tuple[int, Any]:
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json", **(headers or {})})
        bearer = self.token if token is True else token
        if bearer:
            request.add_header("Authorization", f"Bearer {bearer}")
        try:
            with urllib.request.urlopen(request, timeout=30) as reply:
                status, text = reply.status, reply.read().decode()
        except urllib.error.HTTPError as exc:
            status, text = exc.code, exc.read().decode()
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def get(self, path: str) -> tuple[int, Any]:
        return self.request("GET", path, token=False)

    def wait_for(self, run_id: str, statuses=("done", "cancelled", "failed"), timeout: float = 600) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, run = self.get(f"/runs/{run_id}")
            if status == 200 and run["status"] in statuses:
                return run
            time.sleep(0.5)
        raise TimeoutError(f"run {run_id} did not reach {statuses}")
