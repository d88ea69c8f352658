"""What a run ran on: host, CPU model, Python, Octave and package versions.

A worker's facts are read once, when its Octave plugin starts, and kept:
asking for them later never touches the Octave session (which may be busy
with a task) and costs the worker's event loop nothing.
"""

from __future__ import annotations

import os
import platform
import socket
from typing import Any

from . import __version__
from .plugin import PLUGIN_NAME


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what the platform says."""
    fallback = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            return next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), fallback)
    except OSError:
        return fallback


def host_environment(octave: str | None = None) -> dict[str, Any]:
    """This process's host, CPU, Python and package versions (and Octave's, when known)."""
    import dask
    import distributed

    return {"host": socket.gethostname(), "cpu": cpu_model(), "cpus": os.cpu_count(),
            "python": platform.python_version(), "octave": octave, "benchop": __version__,
            "dask": dask.__version__, "distributed": distributed.__version__}


def worker_environment(dask_worker=None) -> dict[str, Any]:
    """For ``client.run``: the facts the worker's plugin recorded when it started."""
    plugin = dask_worker.plugins.get(PLUGIN_NAME) if dask_worker is not None else None
    recorded = getattr(plugin, "environment", None)
    return dict(recorded) if recorded else host_environment()
