"""Load the package's defaults into the ``benchop`` section of dask.config."""

from __future__ import annotations

import os

import dask.config
import yaml

_DEFAULTS_FILE = os.path.join(os.path.dirname(__file__), "benchop.yaml")

with open(_DEFAULTS_FILE) as f:
    defaults = yaml.safe_load(f)

dask.config.update_defaults(defaults)
