"""The schedule simulation behind bench/scaling, on traces whose answer is known by hand."""

from __future__ import annotations

import pytest

from benchop_dask.runner import TaskRecord
from benchop_dask.simulation import critical_path, simulate


def solve(problem, method, level, round_, seconds, kind="solve"):
    return TaskRecord(problem, method, kind, level, round_, seconds)


# Two pairs on one problem with a computed reference:
#   A: levels 1-2 at once (1 s, 2 s), then level 4 (4 s), then its timing (1 s)
#   B: levels 1-3 at once (1 s each)
#   the reference: 3 s
TRACE = [
    solve("p", "A", 1, 0, 1.0), solve("p", "A", 2, 0, 2.0), solve("p", "A", 4, 1, 4.0),
    solve("p", "A", 4, 2, 1.0, kind="timing"),
    solve("p", "B", 1, 0, 1.0), solve("p", "B", 2, 0, 1.0), solve("p", "B", 3, 0, 1.0),
    TaskRecord("p", "", "reference", 0, 0, 3.0),
]


def test_one_worker_does_all_the_work_in_a_row():
    p = simulate(TRACE, 1, per_host=2)
    assert p.wall == pytest.approx(14.0)
    assert p.efficiency == pytest.approx(1.0)
    assert simulate(TRACE, 1, overhead=0.5, per_host=2).wall == pytest.approx(18.0)


def test_later_rounds_wait_for_their_round_and_the_reference():
    # Two workers: round 0 by priority (level 3, 2, 2, 1, 1, then the reference), so the
    # reference ends at 6 s, later than A's round 0 (3 s); then A's level 4 and its timing.
    p = simulate(TRACE, 2, per_host=2)
    assert p.wall == pytest.approx(11.0)
    # Enough workers: the longest chain, the reference (3 s) then 4 s and 1 s.
    assert simulate(TRACE, 64, per_host=2).wall == pytest.approx(8.0)
    assert critical_path(TRACE) == (pytest.approx(8.0), ("p", "A"))


def test_a_pair_without_a_reference_task_climbs_as_soon_as_its_round_ends():
    trace = [t for t in TRACE if t.kind != "reference"]
    assert simulate(trace, 64, per_host=2).wall == pytest.approx(7.0)
    assert critical_path(trace, overhead=1.0)[0] == pytest.approx(10.0)


def test_more_workers_never_take_longer_here():
    walls = [simulate(TRACE, w, per_host=2).wall for w in (1, 2, 3, 4, 8)]
    assert walls == sorted(walls, reverse=True)
    with pytest.raises(ValueError):
        simulate(TRACE, 0, per_host=2)


def test_timings_run_last_and_alone_on_their_machine():
    # Two pairs each timed for 2 s after a 1 s level: the timings wait for every level, then run one
    # machine at a time: in a row on one machine of two workers, together on two machines.
    trace = [solve("p", m, 1, 0, 1.0) for m in "AB"] + [solve("p", m, 1, 1, 2.0, kind="timing") for m in "AB"]
    assert simulate(trace, 2, per_host=2).wall == pytest.approx(1.0 + 4.0)
    assert simulate(trace, 2, per_host=2).efficiency == pytest.approx(6.0 / 10.0)
    assert simulate(trace, 4, per_host=2).wall == pytest.approx(1.0 + 2.0)
    assert critical_path(trace) == (pytest.approx(3.0), ("p", "A"))
