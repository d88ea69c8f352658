"""One call of an uploaded method: an Octave process of its own inside an OS sandbox.

Uploaded code is untrusted, and so is the Octave interpreter that runs it:
``system``, ``unix``, ``popen``, ``fork``, ``exec``, the file and the socket
functions reach the machine from any Octave code. The limits are therefore
the operating system's, never a list of forbidden Octave names.

bubblewrap starts the process in namespaces of its own (no network, its own
process ids, host name and IPC) on a file system of only what it needs, read
only: Octave's files (/usr, where /usr/bin holds octave-cli and prlimit alone,
so that there is no shell and no other program to start), the benchop library
and the call's job folder (the method's files and the job). A private tmpfs
of bounded size is its home, working and temporary directory. Its
environment is empty but PATH and HOME: nothing of the worker's (tokens,
TLS files, the store) is visible. prlimit sets the rlimits from inside the
new user namespace, where the process limit counts the sandbox's own
processes: CPU seconds, address space, processes, open files and file size.
The caller bounds the wall time and the output. Started by root (who is
exempt from the process limit), the sandbox first takes an unprivileged uid
of its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import selectors
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import dask.config

from .engine import ALLOCATOR_VARIABLES, octave_executable
from .method_code import MethodCode
from .octave_tree import octave_tree

# The line an entry point prints its answer on, after this marker and a space.
ANSWER_MARKER = "BENCHOP-SANDBOX-ANSWER"
# Octave's own message when an allocation fails (the address-space limit).
_OUT_OF_MEMORY = "out of memory"
# Unprivileged uids a sandbox started by root takes one of, at random: a uid of
# its own, so that the process limit counts no one else's processes.
_UID_RANGE = (200_000, 265_535)
# What a sandbox sees of the host, read-only; /usr/bin and the rest are masked.
_MASKED = ("/usr/bin", "/usr/sbin", "/usr/libexec", "/usr/local", "/usr/games")
_ETC = ("/etc/alternatives", "/etc/ld.so.cache")  # how Debian finds BLAS, LAPACK and the libraries

Entry = Literal["benchop_sandbox_solve", "benchop_sandbox_test"]
Verdict = Literal["answered", "time limit", "cpu limit", "memory limit", "output limit", "file size limit",
                  "runtime error", "no answer"]


class SandboxUnavailable(RuntimeError):
    """This host cannot run a sandbox (no bubblewrap, no prlimit, or no user namespaces)."""


@dataclass(frozen=True)
class SandboxLimits:
    """What one sandboxed call may use (the ``benchop.sandbox`` settings: :meth:`from_config`)."""

    memory_bytes: int
    processes: int
    open_files: int
    file_bytes: int
    scratch_bytes: int
    output_bytes: int

    @classmethod
    def from_config(cls) -> SandboxLimits:
        def setting(name: str) -> int:
            return int(dask.config.get(f"benchop.sandbox.{name}"))

        return cls(memory_bytes=setting("memory-bytes"), processes=setting("processes"),
                   open_files=setting("open-files"), file_bytes=setting("file-bytes"),
                   scratch_bytes=setting("scratch-bytes"), output_bytes=setting("output-bytes"))


@dataclass(frozen=True)
class SandboxRun:
    """How a sandboxed call ended: its verdict, its answer and what it printed.

    ``verdict`` "answered" carries the entry point's ``answer``; any other
    verdict a ``message`` saying what happened, in a user's words.
    """

    verdict: Verdict
    answer: dict[str, Any] | None
    message: str
    output: str  # the end of what the process printed (stdout and stderr)
    seconds: float  # wall time, start-up included


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SandboxUnavailable(f"{name} is not installed: uploaded methods need bubblewrap and util-linux "
                                 "(apt-get install bubblewrap)")
    return os.path.realpath(path)


def _reachable(path: Path) -> bool:
    """Whether any user may reach ``path``: every folder on the way lets others through."""
    return all(os.stat(folder).st_mode & stat.S_IXOTH for folder in (path, *path.parents))


@cache
def _tree_for_sandbox() -> Path:
    """The benchop tree as a sandbox of another uid can bind it.

    Started by root, the sandbox takes an unprivileged uid before bubblewrap
    binds its folders: a tree installed below a private folder (a virtual
    environment in a home or a mode-700 checkout) is out of its reach. That
    tree is then copied, once per host and content, to a shared temporary
    folder anyone may read and only its owner write.
    """
    tree = octave_tree()
    if os.geteuid() != 0 or _reachable(tree):
        return tree
    files = sorted(path for path in tree.rglob("*") if path.is_file())
    digest = hashlib.sha256("\n".join(f"{p.relative_to(tree)} {p.stat().st_size} {p.stat().st_mtime_ns}"
                                       for p in files).encode()).hexdigest()[:16]
    copy = Path(tempfile.gettempdir()) / f"benchop-sandbox-tree-{digest}"
    if not copy.is_dir():
        staging = Path(tempfile.mkdtemp(prefix=f"{copy.name}-", dir=copy.parent))
        shutil.copytree(tree, staging / "tree")
        for folder, _, names in os.walk(staging):
            os.chmod(folder, 0o755)
            for name in names:
                os.chmod(os.path.join(folder, name), 0o644)
        try:
            (staging / "tree").rename(copy)  # atomic: a worker beside this one may have won the race
        except OSError:
            pass
        shutil.rmtree(staging, ignore_errors=True)
    return copy


def sandbox_command(job_dir: Path, entry: Entry, *, timeout: float, limits: SandboxLimits,
                    executable: str | None = None) -> list[str]:
    """The command line that runs ``entry`` on ``job_dir``/job.json in a fresh sandbox.

    The CPU limit is the wall-time limit: a call cannot use more CPU
    seconds than it may last.
    """
    octave = os.path.realpath(octave_executable(executable))
    prlimit = _tool("prlimit")
    command: list[str] = []
    if os.geteuid() == 0:
        uid = str(secrets.randbelow(_UID_RANGE[1] - _UID_RANGE[0]) + _UID_RANGE[0])
        command += [_tool("setpriv"), "--reuid", uid, "--regid", uid, "--clear-groups", "--"]
    command += [_tool("bwrap"), "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
                "--setenv", "PATH", "/usr/bin", "--setenv", "HOME", "/scratch", "--setenv", "TMPDIR", "/tmp",
                "--hostname", "sandbox", "--ro-bind", "/usr", "/usr"]
    for masked in _MASKED:
        if os.path.isdir(masked):
            command += ["--tmpfs", masked]
    for tool in {octave, prlimit}:
        command += ["--ro-bind", tool, tool]
    for link, target in (("/bin", "usr/bin"), ("/sbin", "usr/sbin"), ("/lib", "usr/lib"), ("/lib64", "usr/lib64")):
        if os.path.islink(link):
            command += ["--symlink", target, link]
    for etc in _ETC:
        if os.path.exists(etc):
            command += ["--ro-bind", etc, etc]
    # No /proc: a container's masked /proc cannot be mounted anew, and the host's would show the
    # worker's processes (their environment, to a sandbox of the same uid).
    command += ["--dev", "/dev",
                "--ro-bind", str(_tree_for_sandbox()), "/benchop", "--ro-bind", str(job_dir), "/job"]
    for scratch in ("/scratch", "/tmp"):
        command += ["--size", str(limits.scratch_bytes), "--perms", "1777", "--tmpfs", scratch]
    command += ["--chdir", "/scratch", "--",
                prlimit, f"--cpu={max(1, round(timeout))}", f"--as={limits.memory_bytes}",
                f"--nproc={limits.processes}", f"--nofile={limits.open_files}", f"--fsize={limits.file_bytes}",
                "--core=0", "--",
                octave, "--norc", "--no-history", "--no-window-system", "--eval",
                f'addpath (genpath ("/benchop")); {entry} ("/job/job.json");']
    return command


def run_sandboxed(code: MethodCode, method: str, entry: Entry, job: dict[str, Any], *, timeout: float,
                  limits: SandboxLimits | None = None, executable: str | None = None) -> SandboxRun:
    """Run ``entry`` for uploaded method ``method`` (its files ``code``) on ``job``, in a sandbox.

    ``job`` holds the entry point's own fields; the method's folder, its
    name and the answer's marker are added here.
    """
    limits = limits or SandboxLimits.from_config()
    job_dir = Path(tempfile.mkdtemp(prefix="benchop-sandbox-"))
    try:
        # Readable by the sandbox's own uid; nothing in it is secret.
        job_dir.chmod(0o755)
        code.write_to(job_dir / "methods" / method)
        (job_dir / "methods").chmod(0o755)
        job_file = job_dir / "job.json"
        job_file.write_text(json.dumps({**job, "methods_dir": "/job/methods", "method": method,
                                        "marker": ANSWER_MARKER}))
        job_file.chmod(0o644)
        command = sandbox_command(job_dir, entry, timeout=timeout, limits=limits, executable=executable)
        return _supervise(command, timeout=timeout, limits=limits)
    finally:
        shutil.rmtree(job_dir, ignore_errors=True)


def _environment() -> dict[str, str]:
    """bubblewrap's own environment: the worker's, without what changes Octave's allocator (engine.py)."""
    return {k: v for k, v in os.environ.items() if k not in ALLOCATOR_VARIABLES}


def _supervise(command: list[str], *, timeout: float, limits: SandboxLimits) -> SandboxRun:
    """Run ``command``, reading at most ``output_bytes`` of its output and killing it past ``timeout`` s."""
    start = time.monotonic()
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, env=_environment(), start_new_session=True)
    except OSError as exc:
        raise SandboxUnavailable(f"the sandbox did not start: {exc}") from None
    assert process.stdout is not None
    chunks: list[bytes] = []
    size = 0
    stopped: Verdict | None = None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while True:
            left = start + timeout - time.monotonic()
            if left <= 0:
                stopped = "time limit"
                break
            if not selector.select(left):
                continue
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            size += len(chunk)
            if size > limits.output_bytes:
                stopped = "output limit"
                break
            chunks.append(chunk)
    if stopped is None:
        try:  # its output closed: it should end now, but may not (it is not trusted)
            process.wait(max(0.0, start + timeout - time.monotonic()))
        except subprocess.TimeoutExpired:
            stopped = "time limit"
    if stopped is not None:
        _kill(process)
    process.stdout.close()
    status = process.wait()
    seconds = time.monotonic() - start
    output = b"".join(chunks).decode(errors="replace")
    return _judge(status, output, stopped, seconds=seconds, timeout=timeout, limits=limits)


def _kill(process: subprocess.Popen) -> None:
    """End the sandbox: its processes die with bubblewrap (--die-with-parent, its own pid namespace)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _tail(text: str, lines: int = 20) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def _judge(status: int, output: str, stopped: Verdict | None, *, seconds: float, timeout: float,
           limits: SandboxLimits) -> SandboxRun:
    """The verdict on a finished sandbox, from how it ended and what it printed."""
    def ended(verdict: Verdict, message: str) -> SandboxRun:
        return SandboxRun(verdict, None, message, _tail(output), seconds)

    if stopped == "time limit":
        return ended(stopped, f"time limit: ran longer than {timeout:g} s and was stopped")
    if stopped == "output limit":
        return ended(stopped, f"output limit: printed more than {limits.output_bytes} bytes and was stopped")
    answer = None
    for line in reversed(output.splitlines()):
        if line.startswith(ANSWER_MARKER + " "):
            try:
                answer = json.loads(line[len(ANSWER_MARKER) + 1:])
            except ValueError:
                pass
            break
    if status == 0 and isinstance(answer, dict):
        # What the method printed, without the answer.
        printed = output[:output.rfind(ANSWER_MARKER)]
        return SandboxRun("answered", answer, "", _tail(printed), seconds)
    # bubblewrap exits 128 + N for a process ended by signal N.
    signum = status - 128 if status > 128 else -status if status < 0 else 0
    if signum in (signal.SIGXCPU, signal.SIGKILL) and seconds < timeout:
        return ended("cpu limit", f"CPU time limit: used more than {max(1, round(timeout))} CPU seconds")
    if signum == signal.SIGXFSZ:
        return ended("file size limit", f"file size limit: wrote a file past {limits.file_bytes} bytes")
    errors = [ln[len("error: "):] for ln in output.splitlines() if ln.startswith("error: ")]
    if any(_OUT_OF_MEMORY in e for e in errors) or (signum == signal.SIGABRT and _OUT_OF_MEMORY in output):
        return ended("memory limit", f"memory limit: allocated past {limits.memory_bytes} bytes")
    if errors:
        return ended("runtime error", errors[0])
    if signum:
        return ended("runtime error", f"Octave was ended by signal {signal.Signals(signum).name}")
    return ended("no answer", f"Octave exited (status {status}) without an answer")
