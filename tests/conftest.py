"""Shared fixtures: a real Octave session and a real local Dask cluster."""

from __future__ import annotations

from pathlib import Path

import dask.config
import pytest

TESTS = Path(__file__).resolve().parent
TEST_METHODS = TESTS / "octave_methods"


@pytest.fixture(scope="session")
def octave():
    """One Octave session with the installed benchop tree and the test methods, able to run the test blocks."""
    from benchop_dask.engine import OctaveEngine

    engine = OctaveEngine(method_dirs=[str(TEST_METHODS)], tests=True)
    engine.start()
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def test_config(tmp_path_factory):
    """Configuration for the whole session: test methods, a private reference cache."""
    cache = tmp_path_factory.mktemp("reference-cache")
    with dask.config.set({
        "benchop.method-dirs": [str(TEST_METHODS)],
        "benchop.reference-cache": str(cache),
        "benchop.local-cluster.dashboard-address": "127.0.0.1:0",
    }):
        yield cache


@pytest.fixture(scope="session")
def client(test_config):
    """A real LocalCluster: two single-threaded worker processes, each with Octave."""
    from benchop_dask.client import open_cluster

    with open_cluster(n_workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """A real `benchop serve` (its own local cluster and SQLite store), one per test module."""
    from service_process import Service

    root = tmp_path_factory.mktemp("service")
    service = Service(root / "benchop.sqlite3", root / "service.log").start()
    yield service
    service.stop()
