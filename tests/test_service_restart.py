"""Stop the service in the middle of a run (SIGTERM, or SIGKILL: no chance to clean up), start it again:
the run completes, nothing lost or doubled, and no Octave of the stopped service lives on."""

from __future__ import annotations

import signal

import pytest
from faults import assert_recovered, service_killed
from service_process import Service

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_restart_resumes_the_run_and_keeps_every_result(tmp_path, sig):
    service = Service(tmp_path / "benchop.sqlite3", tmp_path / "service.log").start()
    try:
        outcome = service_killed(service, sig)
        assert_recovered(service, outcome)
    finally:
        service.stop()
    assert len(outcome.runs[0]["results"]) == 9
