"""benchop_dask: BENCHOP option-pricing methods benchmarked on a Dask cluster."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from . import config  # noqa: F401  (registers the benchop section of dask.config)

try:
    __version__ = version("benchop-dask")
except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"
