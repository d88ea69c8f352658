"""benchop_dask: BENCHOP option-pricing methods benchmarked on a Dask cluster.

The Python face (:mod:`.runs`, :mod:`.service_client`)::

    import benchop_dask as bd
    run = bd.run(["1a-I"], tol=[1e-2, 1e-4])
    run.ranking, run.to_pandas(), run.plot()
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from . import config  # noqa: F401  (registers the benchop section of dask.config)

try:
    __version__ = version("benchop-dask")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"

# Loaded on first use: a worker importing the package for its tasks needs none of them.
_PUBLIC = {"run": "runs", "submit": "runs", "Run": "runs", "RunFuture": "runs",
           "ServiceClient": "service_client", "ServiceRunFuture": "service_client", "BadRequest": "validation",
           "run_on_each_machine": "machines", "MachineComparison": "machines"}
__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
