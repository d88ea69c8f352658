"""Real Octave on a real LocalCluster: prices against references, failures, time-outs."""

from __future__ import annotations

import math
import os
import statistics

import dask.config
import pytest

from benchop_dask.catalogue import configured_catalogue
from benchop_dask.client import plan_run, run_plan
from benchop_dask.runner import FIRST_LEVELS
from benchop_dask.validation import RunRequest

pytestmark = pytest.mark.integration

PROBLEM_ONE = ["1a-I", "1a-I-delta", "1a-I-gamma", "1a-I-vega", "1a-II", "1a-II-delta", "1a-II-gamma",
               "1a-II-vega", "1b-I", "1b-II", "1c-I", "1c-II"]


def bs_call(S, K, T, r, sigma):
    """Black-Scholes call, written here independently of the Octave library."""
    N = lambda x: 0.5 * math.erfc(-x / math.sqrt(2))  # noqa: E731
    d1 = (math.log(S / K) + (r + sigma**2 / 2) * T) / (sigma * math.sqrt(T))
    return S * N(d1) - K * math.exp(-r * T) * N(d1 - sigma * math.sqrt(T))


def run(client, problems, methods=(), params=None, tol=1e-4, repeats=1):
    plan = plan_run(RunRequest(problems, methods, params or {}, tol, repeats))
    return run_plan(client, plan)


def by_pair(result):
    return {(r.problem, r.method): r for r in result.results}


def test_every_problem_one_id_with_cos_fd_and_mcs(client):
    result = run(client, PROBLEM_ONE, ["COS", "FD", "MC-S"])
    pairs = by_pair(result)
    catalogue = configured_catalogue()
    assert len(pairs) == 3 * len(PROBLEM_ONE)
    for problem in PROBLEM_ONE:
        published = catalogue.problems[problem].reference
        for method in ("COS", "FD"):
            r = pairs[(problem, method)]
            assert r.status == "ok", (problem, method, r)
            assert r.reference == published
            for u, ref in zip(r.prices, published):
                assert abs(u - ref) <= 1e-4 * abs(ref), (problem, method, r.prices)
            assert r.time is not None and r.time > 0
        mc = pairs[(problem, "MC-S")]
        assert mc.status in ("ok", "inaccurate"), (problem, mc)
        worst = max(abs(u - ref) / abs(ref) for u, ref in zip(mc.prices, published))
        assert mc.relerr == pytest.approx(worst, rel=1e-9)
        assert (mc.status == "ok") == (worst <= 1e-4)
        # every level is kept: the work-precision points of the method
        assert [lv.level for lv in mc.levels] == sorted(lv.level for lv in mc.levels)
    for problem in PROBLEM_ONE:
        assert result.ranking[problem][:1] != [], problem
        assert set(result.ranking[problem]) >= {"COS", "FD"}


def test_custom_parameters_are_scored_against_their_own_reference(client):
    result = run(client, ["1a-I"], ["COS", "FD"], {"sigma": 0.3, "K": 105})
    expected = [bs_call(S, 105, 1, 0.03, 0.3) for S in (90, 100, 110)]
    (problem,) = result.problems
    assert problem.reference_source == "computed"
    assert problem.reference == pytest.approx(expected, rel=1e-12)
    for r in result.results:
        assert r.status == "ok", r
        assert r.reference == pytest.approx(expected, rel=1e-12)
        for u, ref in zip(r.prices, expected):
            assert abs(u - ref) <= 1e-4 * ref
    # a second run finds the reference in the cache
    again = run(client, ["1a-I"], ["COS"], {"sigma": 0.3, "K": 105})
    assert again.problems[0].reference_source == "cached"
    assert again.problems[0].reference == problem.reference


def _worker_pids(client):
    """Worker address -> process id: the same processes before and after a failure."""
    return client.run(os.getpid)


def test_error_first_only_the_deciding_level_is_timed_over_repeats(client):
    with dask.config.set({"benchop.timing.min-total": 0.02}):
        result = run(client, ["1a-I", "1c-II"], ["COS", "FD"], repeats=3)
    levels = 0
    for r in result.results:
        assert r.status == "ok", r
        (timed,) = [lv for lv in r.levels if lv.timing == "repeated"]
        # the lowest level that met the tolerance, timed after a warm-up over 3 calls or more,
        # more only while they added up to less than min-total
        assert timed.level == r.level == min(lv.level for lv in r.levels if lv.status == "ok")
        assert len(timed.times) >= 3
        assert len(timed.times) == 3 or sum(timed.times[:-1]) < 0.02 <= sum(timed.times)
        # the median less the timer's own overhead, which Octave measured with the calls
        assert 0 < timed.info["timer_overhead"] < 20e-6
        assert r.time == pytest.approx(statistics.median(timed.times) - timed.info["timer_overhead"], abs=1e-12)
        assert all(len(lv.times) == 1 for lv in r.levels if lv.timing == "single")
        levels += len(r.levels)
    # one task per level, one per pair's timing, and at most one per problem's reference
    assert levels + 4 <= result.tasks <= levels + 4 + 2
    assert result.worker_seconds > 0


def test_a_climb_jumps_to_the_level_its_convergence_predicts(client):
    # FD's error on 1c-I falls about fourfold per level: from its first levels, 1e-8 lies
    # levels away, and the climb goes there in steps of two instead of one level at a time.
    (r,) = run(client, ["1c-I"], ["FD"], tol=1e-8).results
    levels = {lv.level: lv for lv in r.levels}
    answered = sorted(levels)
    assert answered[:FIRST_LEVELS] == list(range(1, FIRST_LEVELS + 1))
    assert any(b - a == 2 for a, b in zip(answered, answered[1:])), answered
    assert len(answered) < max(answered)  # levels skipped on the way
    assert (r.status, r.relerr <= 1e-8) == ("ok", True)
    # The lowest level meeting 1e-8 decides: the one below it was called and missed.
    assert levels[r.level - 1].status == "inaccurate"
    assert all(lv.status == "ok" for n, lv in levels.items() if n >= r.level)


def test_a_climb_stops_early_saying_what_the_tolerance_needs(client):
    # Monte Carlo: the convergence says the top level cannot reach 1e-4 on the American put.
    (mc,) = run(client, ["1b-I"], ["MC-S"]).results
    assert mc.status == "inaccurate"
    assert mc.error.startswith("needs about ") and "above its top level 14" in mc.error, mc.error
    assert max(lv.level for lv in mc.levels) < 14
    # Any method: the next level predicted does not fit the budget.
    with dask.config.set({"benchop.method-budget": 0.001}):
        (fd,) = run(client, ["1a-I"], ["FD"], tol=1e-10).results
    assert fd.status == "inaccurate"
    assert "more than its time budget (benchop.method-budget)" in fd.error, fd.error
    assert max(lv.level for lv in fd.levels) == FIRST_LEVELS


def test_octave_error_is_reported_and_the_worker_goes_on(client):
    before = _worker_pids(client)
    result = run(client, ["1a-I"], ["TEST-ERROR", "COS"])
    pairs = by_pair(result)
    failed = pairs[("1a-I", "TEST-ERROR")]
    assert failed.status == "error"
    assert "deliberate failure for problem 1a-I" in failed.error
    assert pairs[("1a-I", "COS")].status == "ok"
    assert result.ranking["1a-I"] == ["COS"]
    after = run(client, ["1a-I"], ["COS", "FD"])
    assert all(r.status == "ok" for r in after.results)
    assert _worker_pids(client) == before


def test_hanging_task_times_out_and_the_worker_goes_on(client):
    before = _worker_pids(client)
    with dask.config.set({"benchop.task-timeout": 3}):
        result = run(client, ["1a-I"], ["TEST-HANG"])
    (hung,) = result.results
    assert hung.status == "timeout"
    assert "longer than 3 s" in hung.error
    # each worker still prices (the killed Octave was replaced, the worker process kept)
    after = run(client, ["1a-I", "1a-II"], ["COS", "FD"])
    assert all(r.status == "ok" for r in after.results)
    assert _worker_pids(client) == before


def test_a_point_beyond_a_methods_domain_makes_the_pair_unsupported(client):
    catalogue = configured_catalogue()
    limited = sorted(m.name for m in catalogue.methods_for("4") if "4" in m.domain.max_depth)
    assert limited, "the PDE methods declare how deep out of the money they meet 1e-4 on Heston"
    method = catalogue.methods[limited[0]]
    depth = method.domain.max_depth["4"] + 0.5
    # V0 = theta: the mean variance over [0, T] is V0; depth counts from the forward S exp(rT), r = 0.03.
    deep_spot = round(100 * math.exp(-depth * math.sqrt(0.0158 * 0.25) - 0.03 * 0.25), 4)
    params = {"T": 0.25, "V0": 0.0158, "theta": 0.0158, "S": [deep_spot, 100]}
    result = by_pair(run(client, ["4"], [method.name, "COS"], params))
    skipped = result[("4", method.name)]
    assert skipped.status == "unsupported" and not skipped.levels
    assert f"outside {method.name}'s domain" in skipped.error
    assert f"{depth:.2f} standard deviations out of the money" in skipped.error
    cos = result[("4", "COS")]
    assert cos.status == "ok"
    assert all(abs(u - ref) <= 1e-4 * ref for u, ref in zip(cos.prices, cos.reference))
    assert skipped.reference == cos.reference
    # At a looser tolerance the method runs.
    loose = by_pair(run(client, ["4"], [method.name], params, tol=1e-2))
    assert loose[("4", method.name)].status == "ok"


def test_a_crashed_octave_is_replaced_and_tried_once_more_then_reported(client):
    """TEST-CRASH kills its own Octave on every call: tried on a fresh session, then "error" with the reason."""
    before = _worker_pids(client)
    result = by_pair(run(client, ["1a-I"], ["TEST-CRASH", "COS"]))
    crashed = result[("1a-I", "TEST-CRASH")]
    assert crashed.status == "error"
    assert "Octave crashed twice" in crashed.error and "benchop_solve" in crashed.error
    assert result[("1a-I", "COS")].status == "ok"
    # The workers go on serving, with fresh sessions and the same processes.
    after = by_pair(run(client, ["1a-I"], ["COS", "FD"]))
    assert all(r.status == "ok" for r in after.values())
    assert _worker_pids(client) == before
