"""Uploaded methods that try what the sandbox forbids, each on a real worker of a real cluster.

Each case is a method folder written here, run as the service runs an
uploaded method: a task of the local cluster's workers, an Octave process of
its own inside the sandbox. Every case asserts the verdict and a marker that
proves the forbidden action did not happen; then the same workers go on
pricing, built-in and uploaded methods alike.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import psutil
import pytest

from benchop_dask.catalogue import load_catalogue
from benchop_dask.method_code import MethodCode
from benchop_dask.tasks import MethodTestTask, SolveTask, run_method_tests, run_solve
from benchop_dask.validation import RunRequest, validate

pytestmark = pytest.mark.integration

TESTS = Path(__file__).resolve().parent
CRR = TESTS / "uploaded_methods" / "CRR-TREE"
REFERENCE_1A_I = load_catalogue().problems["1a-I"].reference
SECRET = "not-for-uploaded-code-4711"


def folder_code(directory: Path) -> MethodCode:
    return MethodCode(tuple((p.name, p.read_bytes()) for p in directory.iterdir()))


def abusive(body: str) -> MethodCode:
    """A method ABUSE whose solver runs ``body`` (Octave), then answers the strike at every point."""
    spec = {"name": "ABUSE", "family": "other", "solver": "abuse_solve", "problems": ["1a-I"],
            "levels": {"default": 1, "max": 1}}
    solver = f"function [U, info] = abuse_solve (p, level)\n{body}\n  U = p.K + 0 * p.S;\n  info = struct ();\nendfunction\n"
    return MethodCode((("method.json", json.dumps(spec).encode()), ("abuse_solve.m", solver.encode())))


def solve(client, code: MethodCode, name: str = "ABUSE", level: int = 1, timeout: float = 60):
    problem = validate(RunRequest(["1a-I"], ["COS"]), load_catalogue()).instances[0].octave_struct()
    task = SolveTask("1a-I", name, level, problem, 0, timeout, code=code)
    return client.submit(run_solve, task, pure=False).result()


def sandboxes_left() -> list[psutil.Process]:
    """Processes of a sandbox still alive (the Octave of a call, or what it forked)."""
    left = []
    for process in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(process.info["cmdline"] or ())
        if "benchop_sandbox_" in cmdline:
            left.append(process)
    return left


@pytest.fixture
def open_dir(tmp_path):
    """A folder anyone may read and write: only the sandbox stands between it and uploaded code."""
    tmp_path.chmod(0o777)
    return tmp_path


def test_uploaded_method_prices_in_the_sandbox(client):
    outcome = solve(client, folder_code(CRR), "CRR-TREE", level=6)
    assert outcome.status == "done", outcome.error
    assert max(abs(p - r) / r for p, r in zip(outcome.prices, REFERENCE_1A_I)) < 1e-4
    assert outcome.info["N"] == 512


def test_uploaded_method_tests_run_in_the_sandbox(client):
    outcome = client.submit(run_method_tests, MethodTestTask("CRR-TREE", folder_code(CRR), 60), pure=False).result()
    assert outcome.error is None
    assert sorted(outcome.files) == [("crr_tree_bs", 2, 2), ("crr_tree_price", 1, 1), ("crr_tree_solve", 2, 2)]


@pytest.mark.parametrize("call", ['system ("touch {marker}")', 'unix ("touch {marker}")'])
def test_no_shell(client, open_dir, call):
    marker = open_dir / "escaped"
    outcome = solve(client, abusive(f'  [status, out] = {call.format(marker=marker)};\n'
                                    '  if (status != 0) error ("no shell: status %d", status); endif'))
    assert (outcome.status, outcome.error) == ("error", "no shell: status 127")
    assert not marker.exists()


def test_no_popen(client, open_dir):
    marker = open_dir / "escaped"
    outcome = solve(client, abusive(f'  fid = popen ("touch {marker}", "r");\n'
                                    '  if (fid < 0) error ("popen failed"); endif\n  pclose (fid);'))
    assert (outcome.status, outcome.error) == ("error", "popen failed")
    assert not marker.exists()


def test_system_id_runs_nothing(client):
    """The one the issue names: system ("id") has no shell to run it, so no identity to print."""
    outcome = solve(client, abusive('  [status, out] = system ("id");\n'
                                    '  if (status != 0) error ("id: status %d, said %s", status, out); endif\n'
                                    '  error ("ESCAPED: %s", out);'))
    assert outcome.status == "error"
    assert outcome.error.startswith("id: status 127")


@pytest.mark.parametrize("what", ["shadow", "store", "token"])
def test_no_reading_secrets(client, open_dir, what):
    """/etc/shadow, and a store and a token file that anyone may read: the sandbox does not show them."""
    path = Path("/etc/shadow")
    if what != "shadow":
        path = open_dir / ("benchop.sqlite3" if what == "store" else "token")
        path.write_text(SECRET)
        path.chmod(0o644)
    outcome = solve(client, abusive(f'  fid = fopen ("{path}", "r");\n'
                                    '  if (fid < 0) error ("cannot open it"); endif\n'
                                    '  error ("READ: %s", fread (fid, Inf, "*char").\');'))
    assert (outcome.status, outcome.error) == ("error", "cannot open it")


def test_no_token_in_the_environment(client):
    client.run(os.environ.__setitem__, "BENCHOP_SERVICE_TOKEN", SECRET)
    try:
        outcome = solve(client, abusive('  env = getenv ("BENCHOP_SERVICE_TOKEN");\n'
                                        '  if (! isempty (env)) error ("LEAKED: %s", env); endif\n'
                                        '  error ("HOME is %s", getenv ("HOME"));'))
    finally:
        client.run(os.environ.pop, "BENCHOP_SERVICE_TOKEN", None)
    assert (outcome.status, outcome.error) == ("error", "HOME is /scratch")


def test_no_writing_outside_scratch(client, open_dir):
    target = open_dir / "written"
    outcome = solve(client, abusive(f'  fid = fopen ("{target}", "w");\n'
                                    '  if (fid < 0) error ("cannot write there"); endif\n'
                                    '  fputs (fid, "x"); fclose (fid);'))
    assert (outcome.status, outcome.error) == ("error", "cannot write there")
    assert not target.exists()


def test_scratch_is_writable_and_bounded(client):
    """A file of the scratch folder stops at the file-size limit (16 MiB): writes past it fail."""
    outcome = solve(client, abusive('  fid = fopen ("/scratch/big", "w");\n'
                                    '  n = 0;\n'
                                    '  for i = 1:64; n += fwrite (fid, zeros (1, 2^20, "uint8")); endfor\n'
                                    '  fclose (fid);\n'
                                    '  error ("wrote %d MiB", floor (n / 2^20));'))
    assert outcome.status == "error"
    written = int(outcome.error.split()[1]) if outcome.error.startswith("wrote ") else None
    assert outcome.error.startswith("file size limit") or (written is not None and written <= 16), outcome.error


def test_no_socket_to_the_service(client):
    """A listener on the worker's loopback (where a service would be) counts the connections it gets: none."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    accepted = []

    def accept() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            accepted.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    try:
        outcome = solve(client, abusive(f'  text = urlread ("http://127.0.0.1:{port}/health");'))
        assert outcome.status == "error"
        assert "Couldn't connect" in outcome.error
        assert accepted == []
    finally:
        listener.close()


def test_fork_bomb_is_bounded(client):
    outcome = solve(client, abusive('  for i = 1:10000\n'
                                    '    pid = fork ();\n'
                                    '    if (pid == 0) pause (60); exit (0); endif\n'
                                    '    if (pid < 0) error ("fork failed after %d", i); endif\n'
                                    '  endfor'))
    assert outcome.status == "error"
    assert outcome.error.startswith("fork failed after ")
    assert int(outcome.error.split()[-1]) <= 64
    deadline = time.monotonic() + 5
    while sandboxes_left() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert sandboxes_left() == []


def test_memory_past_the_limit(client):
    outcome = solve(client, abusive('  x = ones (1e5);'))
    assert outcome.status == "error"
    assert outcome.error.startswith("memory limit: allocated past")


def test_printing_gigabytes_is_stopped(client):
    start = time.monotonic()
    outcome = solve(client, abusive('  while true; printf ("%s\\n", repmat ("x", 1, 65536)); endwhile'))
    assert outcome.status == "error"
    assert outcome.error.startswith("output limit: printed more than 1048576 bytes")
    assert time.monotonic() - start < 30


def test_sleeping_forever_is_stopped(client):
    start = time.monotonic()
    outcome = solve(client, abusive('  pause (100000);'), timeout=3)
    assert outcome.status == "timeout"
    assert outcome.error == "time limit: ran longer than 3 s and was stopped"
    assert time.monotonic() - start < 30
    assert sandboxes_left() == []


def test_workers_go_on_serving(client):
    """After every abuse, both workers still price a built-in method and an uploaded one."""
    problem = validate(RunRequest(["1a-I"], ["COS"]), load_catalogue()).instances[0].octave_struct()
    for worker in client.scheduler_info()["workers"]:
        builtin = client.submit(run_solve, SolveTask("1a-I", "COS", 6, problem, 0, 60), pure=False,
                                workers=[worker]).result()
        uploaded = client.submit(run_solve, SolveTask("1a-I", "CRR-TREE", 6, problem, 0, 60, code=folder_code(CRR)),
                                 pure=False, workers=[worker]).result()
        for outcome in (builtin, uploaded):
            assert outcome.status == "done", outcome.error
            assert max(abs(p - r) / r for p, r in zip(outcome.prices, REFERENCE_1A_I)) < 1e-4
