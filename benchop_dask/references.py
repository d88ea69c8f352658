"""Reference values for a problem instance: published, or computed and cached.

A run is always scored against the reference for ITS parameters: the
catalogue's values for the default parameters, otherwise the Octave reference
library (closed forms, or converged high-accuracy computations), computed once
per parameter set and kept on disk.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .validation import ProblemInstance


@dataclass(frozen=True)
class Reference:
    values: tuple[float, ...]
    source: str  # "published", "closed-form", "converged", "computed" or "cached"


def catalogue_reference(instance: ProblemInstance) -> Reference | None:
    """The catalogue's reference, valid only for the default parameters."""
    if instance.is_default:
        return Reference(instance.problem.reference, instance.problem.reference_kind)
    return None


def reference_key(instance: ProblemInstance) -> str:
    """The key a computed reference is kept under, in files and in the service's store alike.

    The package version is part of it: a new release may compute better references.
    """
    return f"{instance.id}-{instance.key}-{__version__}"


class ReferenceCache:
    """References computed for custom parameters, one small JSON file each."""

    def __init__(self, directory: str | os.PathLike | None):
        self.directory = Path(directory).expanduser() if directory else None

    def _path(self, instance: ProblemInstance) -> Path | None:
        if self.directory is None:
            return None
        return self.directory / f"{reference_key(instance)}.json"

    def get(self, instance: ProblemInstance) -> Reference | None:
        path = self._path(instance)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            return None
        if data.get("id") != instance.id or data.get("params") != instance.params:
            return None
        return Reference(tuple(float(v) for v in data["values"]), "cached")

    def put(self, instance: ProblemInstance, values: tuple[float, ...]) -> None:
        path = self._path(instance)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            record = {"id": instance.id, "params": instance.params, "values": list(values)}
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w") as f:
                json.dump(record, f)
            os.replace(tmp, path)  # atomic: readers never see half a file
        except OSError:
            pass  # a cache that cannot be written only costs a recomputation

    def lookup(self, instance: ProblemInstance) -> Reference | None:
        return catalogue_reference(instance) or self.get(instance)
