"""A Dask WorkerPlugin that gives each worker process one Octave session."""

from __future__ import annotations

from typing import Any, Sequence

from distributed import WorkerPlugin

from .engine import OctaveEngine

PLUGIN_NAME = "benchop-octave"


class OctavePlugin(WorkerPlugin):
    """Start one Octave session when the worker starts; close it on teardown.

    Workers run one thread each, so the session is never used by two tasks at
    once and no task pays Octave's start-up. What the worker runs on (host,
    CPU, versions) is read here, once, so that nobody needs the session for it.
    """

    name = PLUGIN_NAME

    def __init__(self, method_dirs: Sequence[str] = (), executable: str | None = None):
        self.method_dirs = tuple(method_dirs)
        self.executable = executable
        self.engine: OctaveEngine | None = None
        self.environment: dict[str, Any] = {}

    def setup(self, worker) -> None:
        from .environment import host_environment

        self.engine = OctaveEngine(self.method_dirs, self.executable)
        self.engine.start()
        self.environment = host_environment(self.engine.octave_version)

    def teardown(self, worker) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None
