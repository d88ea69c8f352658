"""The time-limit watchdog: one thread, an action once a deadline passes, nothing after disarm."""

from __future__ import annotations

import threading
import time

from benchop_dask.watchdog import Watchdog


def test_an_armed_action_runs_once_after_its_deadline():
    watchdog = Watchdog()
    fired: list[float] = []
    done = threading.Event()
    start = time.monotonic()
    watchdog.arm(0.05, lambda: (fired.append(time.monotonic() - start), done.set()))
    assert done.wait(5)
    time.sleep(0.1)
    watchdog.close()
    assert len(fired) == 1 and 0.05 <= fired[0] < 2


def test_a_disarmed_action_never_runs_and_calls_start_no_thread():
    watchdog = Watchdog()
    fired = threading.Event()
    threads = threading.active_count()
    for _ in range(200):
        watchdog.arm(0.05, fired.set)
        watchdog.disarm()
    assert threading.active_count() <= threads + 1  # the one watching thread
    assert not fired.wait(0.3)
    watchdog.close()


def test_an_earlier_deadline_wakes_a_thread_sleeping_towards_a_later_one():
    watchdog = Watchdog()
    watchdog.arm(3600, lambda: None)
    time.sleep(0.05)  # the thread now sleeps towards the hour
    watchdog.disarm()
    fired = threading.Event()
    start = time.monotonic()
    watchdog.arm(0.05, fired.set)
    assert fired.wait(5) and time.monotonic() - start < 2
    watchdog.close()


def test_a_closed_watchdog_runs_nothing_and_refuses_to_arm():
    watchdog = Watchdog()
    fired = threading.Event()
    watchdog.arm(0.05, fired.set)
    watchdog.close()
    assert not fired.wait(0.2)
    try:
        watchdog.arm(1, fired.set)
    except RuntimeError as exc:
        assert "closed" in str(exc)
    else:
        raise AssertionError("a closed watchdog armed")
