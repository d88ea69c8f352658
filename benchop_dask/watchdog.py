"""One thread that runs an action when a call outlives its deadline.

A call's time limit could start a ``threading.Timer`` per call, but starting
a thread waits for it to run: half a millisecond or more on a busy 2-core
host, paid by every task. A :class:`Watchdog` keeps one thread for its
owner's life; arming it for the next call sets a deadline and, only when
that deadline is earlier than the one the thread sleeps towards, wakes it.
Disarming never wakes it: the thread finds the deadline gone when it wakes
and sleeps until the next.
"""

from __future__ import annotations

import math
import threading
import time
from typing import Callable


class Watchdog:
    """Runs ``action`` once, in its own thread, if the armed call is still armed ``seconds`` later."""

    def __init__(self, name: str = "benchop-watchdog") -> None:
        self._name = name
        self._wake = threading.Condition()
        self._deadline: float | None = None
        self._action: Callable[[], None] | None = None
        self._sleeping_until = math.inf
        self._thread: threading.Thread | None = None
        self._closed = False

    def arm(self, seconds: float, action: Callable[[], None]) -> None:
        """Run ``action`` after ``seconds`` unless :meth:`disarm` comes first."""
        with self._wake:
            if self._closed:
                raise RuntimeError("the watchdog is closed")
            self._deadline = time.monotonic() + seconds
            self._action = action
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name=self._name, daemon=True)
                self._thread.start()
            elif self._deadline < self._sleeping_until:
                self._wake.notify()

    def disarm(self) -> None:
        with self._wake:
            self._deadline = None
            self._action = None

    def close(self) -> None:
        """End the thread (an armed action does not run)."""
        with self._wake:
            self._closed = True
            self._deadline = self._action = None
            self._wake.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _watch(self) -> None:
        with self._wake:
            while not self._closed:
                if self._deadline is None:
                    self._sleeping_until = math.inf
                    self._wake.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._sleeping_until = self._deadline
                    self._wake.wait(left)
                    continue
                action, self._deadline, self._action = self._action, None, None
                self._sleeping_until = math.inf
                self._wake.release()
                try:
                    action()  # type: ignore[misc]
                finally:
                    self._wake.acquire()
