"""One long-lived GNU Octave session, with a hard time limit per call."""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import signal
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from .octave_path import lean_path, library_closure, own_functions, place_functions
from .octave_tree import octave_tree
from .watchdog import Watchdog

logger = logging.getLogger(__name__)


class OctaveError(RuntimeError):
    """Octave raised an error; the message is Octave's own."""


class OctaveCrash(OctaveError):
    """The Octave process died during a call (killed from outside, crashed); the session was replaced."""


class OctaveTimeout(RuntimeError):
    """A call ran past its time limit and the session was replaced."""


def octave_executable(configured: str | None = None) -> str:
    """The Octave interpreter: configured, $OCTAVE_EXECUTABLE, or octave-cli on PATH."""
    candidate = configured or os.environ.get("OCTAVE_EXECUTABLE") or shutil.which("octave-cli")
    if not candidate:
        raise FileNotFoundError("GNU Octave not found: install octave-cli or set OCTAVE_EXECUTABLE")
    return candidate


# glibc's allocator settings. Dask's nanny gives its workers
# MALLOC_TRIM_THRESHOLD_ (distributed.nanny.pre-spawn-environ), and any of
# these turns off glibc's adaptive mmap threshold: every array over 128 KiB is
# then mapped and unmapped afresh, its pages faulted in on every operation,
# which makes Octave's large-array pricing (Monte Carlo paths, fine grids)
# about five times slower inside a worker than in a plain session.
ALLOCATOR_VARIABLES = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TOP_PAD_",
                       "MALLOC_MMAP_MAX_", "GLIBC_TUNABLES")


def octave_command(executable: str) -> str:
    """The command line that starts ``executable`` for an engine.

    Octave runs with glibc's default allocator, whatever its parent process
    set (``ALLOCATOR_VARIABLES``), so that it prices as fast in a Dask worker
    as in a plain session. It is killed when the thread that started it
    dies: a worker process killed with SIGKILL cannot close its Octave
    session; the kernel's parent-death signal (set by util-linux's setpriv,
    then kept across the exec) ends that Octave at once instead of leaving it
    orphaned. Without setpriv, Octave still ends on the hang-up of its
    terminal, once the call it is busy with returns.
    """
    command = ["env"] + [arg for name in ALLOCATOR_VARIABLES for arg in ("-u", name)]
    setpriv = shutil.which("setpriv")
    if setpriv is not None:
        command += [setpriv, "--pdeathsig", "KILL", "--"]
    return shlex.join(command + [executable])


def _clean_message(text: str) -> str:
    """Octave's own error line, without oct2py's wrapping."""
    lines = [ln.strip() for ln in str(text).splitlines() if ln.strip()]
    errors = [ln[len("error: "):] for ln in lines if ln.startswith("error: ")]
    if errors:
        return errors[0]
    lines = [ln for ln in lines if not ln.startswith("Octave evaluation error")]
    return lines[0] if lines else str(text)


# Every octave-cli exit prints this line (Octave 7); it means nothing.
_HARMLESS = "ignoring const execution_exception& while preparing to exit"


@contextmanager
def _filtered_stderr() -> Iterator[None]:
    """Drop Octave's harmless exit line from what its processes write to stderr.

    oct2py starts helper octave-cli processes that inherit file descriptor 2,
    so the filter works at the descriptor level; other lines are passed on.
    """
    try:
        saved = os.dup(2)
    except OSError:  # no stderr to protect
        yield
        return
    with tempfile.TemporaryFile() as capture:
        sys.stderr.flush()
        os.dup2(capture.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            text = capture.read().decode(errors="replace")
            kept = [ln for ln in text.splitlines() if _HARMLESS not in ln]
            if kept:
                print("\n".join(kept), file=sys.stderr)


def _skip_repeated_plot_settings(session: Any) -> None:
    """Send oct2py's plot settings to Octave once, not before every call.

    oct2py re-applies its (unchanged) plot settings before each call, an extra
    round trip to Octave of about 2 ms; benchop never plots. Should oct2py's
    internals differ, the session is left as it is.
    """
    engine = getattr(session, "_engine", None)
    base = type(engine)
    prop = getattr(base, "plot_settings", None)
    if not isinstance(prop, property) or prop.fset is None:
        return

    class _SettingsOnce(base):  # type: ignore[misc, valid-type]
        @property
        def plot_settings(self):
            return prop.fget(self)

        @plot_settings.setter
        def plot_settings(self, settings):
            if settings is not None and settings == getattr(self, "_benchop_plot_settings", None):
                return
            self._benchop_plot_settings = dict(settings) if settings is not None else None
            prop.fset(self, settings)

    engine.__class__ = _SettingsOnce


class OctaveEngine:
    """An Octave session with the benchop tree on its path.

    One call at a time, whoever asks: an Octave session answers calls in
    order over one terminal, so two interleaved calls would swap answers.
    Calls from other threads wait for the current one; only tasks call Octave
    (a worker's event loop never does: it would wait behind a task).
    """

    def __init__(self, method_dirs: Sequence[str] = (), executable: str | None = None, *, tests: bool = False):
        """``tests``: the session can also run the test blocks of the Octave files (``test NAME``)."""
        self.method_dirs = tuple(method_dirs)
        self.tests = tests
        self.executable = octave_executable(executable)
        self.octave_version: str | None = None
        self._session: Any = None
        self._workdir: str | None = None  # Octave's working directory, private and empty
        self._functions: dict[str, Path] | None = None  # the function files each session copies
        # Re-entrant: a call that finds the session dead starts a new one.
        self._lock = threading.RLock()
        self._watchdog = Watchdog("benchop-octave-time-limit")  # kills a call past its time limit

    @property
    def pid(self) -> int | None:
        if self._session is None:
            return None
        return self._session._engine.repl.child.pid

    def start(self) -> None:
        with self._lock, _filtered_stderr():
            self._start()

    def _start(self) -> None:
        os.environ["OCTAVE_EXECUTABLE"] = self.executable
        import oct2py

        # Importing oct2py starts a default session; one Octave per worker is enough.
        default = getattr(oct2py, "octave", None)
        if default is not None and getattr(default, "_engine", None) is not None:
            default.exit()
        self._session = oct2py.Oct2Py(executable=octave_command(self.executable))
        _skip_repeated_plot_settings(self._session)
        # Octave looks in its working directory first, and reads it again before every call: a
        # private empty one, so that no file where the worker was started shadows a function.
        self._workdir = tempfile.mkdtemp(prefix="benchop-octave-")
        self._session.feval("cd", self._workdir, nout=0)
        self._session.feval("addpath", self._session.feval("genpath", str(octave_tree())), nout=0)
        for directory in self.method_dirs:
            self._session.feval("benchop_methods", "add", str(Path(directory).resolve()), nout=0)
        # Octave reads every directory of its load path again before every call: one directory of
        # the functions the session can call (octave_path).
        library = str(self._session.feval("__octave_config_info__", "fcnfiledir"))
        path = str(self._session.feval("path")).split(os.pathsep)
        if self._functions is None:  # the same for every session of this engine
            code = [octave_tree(), *self.method_dirs, Path(oct2py.__file__).parent]  # oct2py: _pyeval
            self._functions = own_functions(path, library) | library_closure(path, library, code, tests=self.tests)
        functions = Path(self._workdir) / "functions"
        place_functions(self._functions, functions)
        self._session.feval("path", lean_path(path, functions), nout=0)
        # The registry of methods lives in benchop_methods, now read from its copy: register again.
        for directory in self.method_dirs:
            self._session.feval("benchop_methods", "add", str(Path(directory).resolve()), nout=0)
        self.octave_version = str(self._session.feval("version"))

    def close(self) -> None:
        """End the session and make sure its process is gone (a stuck Octave is killed)."""
        with self._lock:
            if self._session is None:
                return
            pid = self.pid
            try:
                with _filtered_stderr():
                    self._session.exit()
            except Exception:  # a dead session has nothing left to close
                logger.debug("closing a dead Octave session", exc_info=True)
            self._session = None
            _kill_and_reap(pid)
            if self._workdir is not None:
                shutil.rmtree(self._workdir, ignore_errors=True)
                self._workdir = None

    def _replace_session(self) -> None:
        self.close()
        self.start()

    def _kill(self) -> None:
        pid = self.pid
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def call(self, func: str, *args: Any, nout: int = 1, timeout: float | None = None) -> Any:
        """Call Octave function ``func``; kill and replace the session past ``timeout`` s.

        Raises OctaveError for an Octave error (the session goes on),
        OctaveTimeout past the limit and OctaveCrash when the process died
        (in both cases a fresh session has replaced it).
        """
        with self._lock:
            return self._call(func, args, nout, timeout)

    def _call(self, func: str, args: tuple, nout: int, timeout: float | None) -> Any:
        if self._session is None:
            self._replace_session()
        fired = threading.Event()
        if timeout is not None:

            def expire() -> None:
                fired.set()
                self._kill()

            self._watchdog.arm(timeout, expire)
        pid = self.pid
        try:
            return self._session.feval(func, *args, nout=nout)
        except Exception as exc:
            if fired.is_set():
                self._replace_session()
                raise OctaveTimeout(f"{func} ran longer than {timeout:g} s and was stopped") from None
            from oct2py import Oct2PyError

            # oct2py answers a dead process by starting a bare one of its own (a new pid,
            # without benchop's path): that is a crash too.
            if isinstance(exc, Oct2PyError) and self._alive() and self.pid == pid:
                raise OctaveError(_clean_message(str(exc))) from None
            self._replace_session()
            raise OctaveCrash(f"the Octave process died during {func} ({_clean_message(str(exc))})") from None
        finally:
            if timeout is not None:
                self._watchdog.disarm()

    def _alive(self) -> bool:
        try:
            return bool(self._session._engine.repl.child.isalive())
        except Exception:
            return False


def _kill_and_reap(pid: int | None) -> None:
    """Kill our child ``pid`` if it still runs, and collect its exit status.

    waitpid acts only on this process's own children, so a pid that was
    already collected (and may now belong to someone else) is left alone.
    """
    if pid is None:
        return
    try:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            return  # it had exited; now collected
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ChildProcessError, ProcessLookupError):  # already collected, or not ours
        pass
