"""What benchop times is the pricing alone: checking happens once, outside the timer, and the
dispatcher adds nothing but its timer to the timed calls."""

from __future__ import annotations

import statistics

import pytest

from benchop_dask.catalogue import configured_catalogue
from benchop_dask.validation import RunRequest, validate

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def problem():
    plan = validate(RunRequest(["1a-I"]), configured_catalogue())
    return plan.instances[0].octave_struct()


def test_a_known_amount_of_work_is_timed_within_its_margin_and_the_check_is_not(octave, problem):
    """TEST-WORK's check spins 50 ms; its pricing at level 3 spins 3 ms."""
    _, times, info = octave.call("benchop_solve", "TEST-WORK", problem, 3, 11, nout=3)
    times = list(times.ravel())
    assert max(times) < 0.02  # the 50 ms check is outside every timed call
    assert 3e-3 <= statistics.median(times) <= 3e-3 * 1.1  # the work, within 10 %
    assert 0 < info["timer_overhead"] < 20e-6


def test_the_dispatcher_adds_no_more_than_a_few_microseconds(octave, problem):
    """The same calls of a pricing that does nothing, timed by the dispatcher and bare.

    Calls this short come in modes some 12 us apart (allocation, caches), so
    the fastest of each kind is compared, over rounds interleaved so that a
    busy moment of the machine hits both.
    """
    dispatched, bare = [], []
    for _ in range(4):
        dispatched += list(octave.call("benchop_solve", "TEST-WORK", problem, 1, 31, nout=3)[1].ravel())
        bare += list(octave.call("test_work_bare", problem, 1, 31).ravel())
    assert min(dispatched) - min(bare) < 5e-6, (min(dispatched), min(bare))

