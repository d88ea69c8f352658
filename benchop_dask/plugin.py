"""A Dask WorkerPlugin that gives each worker process one Octave session."""

from __future__ import annotations

from typing import Sequence

from distributed import WorkerPlugin

from .engine import OctaveEngine

PLUGIN_NAME = "benchop-octave"


class OctavePlugin(WorkerPlugin):
    """Start one Octave session when the worker starts; close it on teardown.

    Workers run one thread each, so the session is never used by two tasks at
    once and no task pays Octave's start-up.
    """

    name = PLUGIN_NAME

    def __init__(self, method_dirs: Sequence[str] = (), executable: str | None = None):
        self.method_dirs = tuple(method_dirs)
        self.executable = executable
        self.engine: OctaveEngine | None = None

    def setup(self, worker) -> None:
        self.engine = OctaveEngine(self.method_dirs, self.executable)
        self.engine.start()

    def teardown(self, worker) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None
