"""A timing runs alone on its host: processes of one machine taking their turns (benchop_dask.quiet_host)."""

from __future__ import annotations

import multiprocessing
import time

from benchop_dask.quiet_host import host_turn

_fork = multiprocessing.get_context("fork")


def _hold(directory, alone: bool, seconds: float, events, name: str) -> None:
    with host_turn(alone, directory):
        events.put((name, "in", time.monotonic()))
        time.sleep(seconds)
        events.put((name, "out", time.monotonic()))


def _run(directory, plan) -> dict[tuple[str, str], float]:
    """Start (delay, name, alone, seconds) processes; the times each got in and out."""
    events = _fork.Queue()
    procs, start = [], time.monotonic()
    for delay, name, alone, seconds in plan:
        time.sleep(max(0.0, start + delay - time.monotonic()))
        proc = _fork.Process(target=_hold, args=(directory, alone, seconds, events, name))
        proc.start()
        procs.append(proc)
    for proc in procs:
        proc.join(timeout=30)
        assert proc.exitcode == 0
    seen = {}
    while len(seen) < 2 * len(plan):
        name, what, at = events.get(timeout=5)
        seen[(name, what)] = at
    return seen


def test_tasks_share_the_host_and_a_timing_waits_for_them_and_goes_before_later_ones(tmp_path):
    seen = _run(tmp_path, [(0.0, "level", False, 1.5), (0.1, "neighbour", False, 1.5),
                           (0.4, "timing", True, 0.5), (0.8, "later level", False, 0.1)])
    # Ordinary tasks run side by side.
    assert seen[("neighbour", "in")] < seen[("level", "out")]
    # The timing waits for both, then runs alone: the level that came after it waits for it.
    assert seen[("timing", "in")] >= max(seen[("level", "out")], seen[("neighbour", "out")])
    assert seen[("later level", "in")] >= seen[("timing", "out")]


def test_the_lock_of_a_killed_task_is_released(tmp_path):
    proc = _fork.Process(target=_hold, args=(tmp_path, False, 60.0, _fork.Queue(), "killed"))
    proc.start()
    time.sleep(0.5)
    proc.kill()  # kill -9 while it holds the host
    proc.join()
    start = time.monotonic()
    with host_turn(True, tmp_path) as waited:
        assert waited < 2 and time.monotonic() - start < 2
