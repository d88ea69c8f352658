"""One long-lived GNU Octave session, with a hard time limit per call."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from .octave_tree import octave_tree

logger = logging.getLogger(__name__)


class OctaveError(RuntimeError):
    """Octave raised an error; the message is Octave's own."""


class OctaveTimeout(RuntimeError):
    """A call ran past its time limit and the session was replaced."""


def octave_executable(configured: str | None = None) -> str:
    """The Octave interpreter: configured, $OCTAVE_EXECUTABLE, or octave-cli on PATH."""
    candidate = configured or os.environ.get("OCTAVE_EXECUTABLE") or shutil.which("octave-cli")
    if not candidate:
        raise FileNotFoundError("GNU Octave not found: install octave-cli or set OCTAVE_EXECUTABLE")
    return candidate


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

    Not thread-safe: each worker process has one thread and one engine.
    """

    def __init__(self, method_dirs: Sequence[str] = (), executable: str | None = None):
        self.method_dirs = tuple(method_dirs)
        self.executable = octave_executable(executable)
        self._session: Any = None

    @property
    def pid(self) -> int | None:
        if self._session is None:
            return None
        return self._session._engine.repl.child.pid

    def start(self) -> None:
        with _filtered_stderr():
            self._start()

    def _start(self) -> None:
        os.environ["OCTAVE_EXECUTABLE"] = self.executable
        import oct2py

        # Importing oct2py starts a default session; one Octave per worker is enough.
        default = getattr(oct2py, "octave", None)
        if default is not None and getattr(default, "_engine", None) is not None:
            default.exit()
        self._session = oct2py.Oct2Py(executable=self.executable)
        _skip_repeated_plot_settings(self._session)
        self._session.feval("addpath", self._session.feval("genpath", str(octave_tree())), nout=0)
        for directory in self.method_dirs:
            self._session.feval("benchop_methods", "add", str(Path(directory).resolve()), nout=0)

    def close(self) -> None:
        if self._session is not None:
            try:
                with _filtered_stderr():
                    self._session.exit()
            except Exception:  # a dead session has nothing left to close
                logger.debug("closing a dead Octave session", exc_info=True)
            self._session = None

    def restart(self) -> None:
        self._kill()
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
        """Call Octave function ``func``; kill and replace the session past ``timeout`` s."""
        if self._session is None:
            self.start()
        timer = None
        fired = threading.Event()
        if timeout is not None:

            def expire() -> None:
                fired.set()
                self._kill()

            timer = threading.Timer(timeout, expire)
            timer.daemon = True
            timer.start()
        try:
            return self._session.feval(func, *args, nout=nout)
        except Exception as exc:
            if fired.is_set():
                self.close()
                self.start()
                raise OctaveTimeout(f"{func} ran longer than {timeout:g} s and was stopped") from None
            from oct2py import Oct2PyError

            if isinstance(exc, Oct2PyError) and self._alive():
                raise OctaveError(_clean_message(str(exc))) from None
            # The session died (crash, killed from outside): replace it.
            self.close()
            self.start()
            raise OctaveError(f"the Octave session died during {func}: {_clean_message(str(exc))}") from None
        finally:
            if timer is not None:
                timer.cancel()

    def _alive(self) -> bool:
        try:
            return bool(self._session._engine.repl.child.isalive())
        except Exception:
            return False
