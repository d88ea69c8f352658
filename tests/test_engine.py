"""The surroundings of a worker's Octave session: what could change its answers or its times."""

from __future__ import annotations

import os

import pytest

from benchop_dask.catalogue import configured_catalogue
from benchop_dask.validation import RunRequest, validate

pytestmark = pytest.mark.integration


def test_octave_in_a_worker_prices_with_the_default_allocator(client):
    """Dask's nanny sets MALLOC_TRIM_THRESHOLD_ for its workers, which makes
    glibc map and unmap every large array afresh: Octave's Monte Carlo
    pricing ran five times slower in a worker than in a plain session. The
    worker keeps the setting; its Octave does not."""
    from benchop_dask.engine import ALLOCATOR_VARIABLES

    def environments(dask_worker):
        import os

        from benchop_dask.plugin import PLUGIN_NAME

        engine = dask_worker.plugins[PLUGIN_NAME].engine
        return {name: (os.environ.get(name), engine.call("getenv", name)) for name in ALLOCATOR_VARIABLES}

    for worker, seen in client.run(environments).items():
        assert seen["MALLOC_TRIM_THRESHOLD_"] == ("65536", ""), worker  # the worker's, Octave's
        assert all(octave == "" for _, octave in seen.values()), (worker, seen)


def test_no_file_where_the_engine_was_started_shadows_a_function(tmp_path, monkeypatch):
    """Octave looks in its working directory before its path: the session works in an empty
    private one, whatever directory the worker (or the CLI) was started from."""
    from benchop_dask.engine import OctaveEngine

    (tmp_path / "bs_european.m").write_text("function U = bs_european (varargin)\n  U = 42;\nendfunction\n")
    monkeypatch.chdir(tmp_path)
    engine = OctaveEngine()
    engine.start()
    try:
        workdir = engine.call("pwd")
        assert workdir != str(tmp_path) and str(engine.call("ls")).split() == ["functions"]
        assert engine.call("bs_european", "call", "price", 100.0, 100.0, 1.0, 0.03, 0.15) == \
            pytest.approx(7.4851, abs=1e-4)
        plan = validate(RunRequest(["1a-I"], ["COS"]), configured_catalogue())
        prices, _, _ = engine.call("benchop_solve", "COS", plan.instances[0].octave_struct(), 4, 0, nout=3)
        assert prices.ravel()[1] == pytest.approx(7.4851, abs=1e-3)
    finally:
        engine.close()
    assert not os.path.exists(workdir)  # removed with the session
