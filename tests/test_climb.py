"""The climb's prediction of the level that meets the tolerance, and which level decides (no cluster)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchop_dask.catalogue import Method
from benchop_dask.ranking import summarize_pair
from benchop_dask.results import LevelResult
from benchop_dask.runner import predict_level


def method(family: str, top: int = 14) -> Method:
    return Method("M", family, "", "m_solve", ("1a-I",), 4, top, Path("."))


def single(n: int, relerr: float, time: float) -> LevelResult:
    return LevelResult(n, "inaccurate", prices=(1.0,), relerr=relerr, time=time, times=(time,))


def test_monte_carlo_extrapolates_half_an_order_per_doubling():
    # Errors halving every two levels (N^-1/2, paths doubling per level): 3.6e-4 at level 8
    # needs a factor 3.6, 3.7 levels more; the time doubles per level.
    levels = [single(6, 7.2e-4, 0.1), single(7, 5.09e-4, 0.2), single(8, 3.6e-4, 0.4)]
    p = predict_level(method("monte-carlo"), levels, 1e-4)
    assert p.level == 12
    assert p.seconds == pytest.approx(0.4 * 2**4, rel=0.05)


def test_monte_carlo_decay_is_kept_within_its_bounds():
    # Estimates falling a decade per level by chance: at most three times N^-1/2 is believed.
    levels = [single(6, 1e-2, 0.1), single(7, 1e-3, 0.2), single(8, 1e-4 * 1.01, 0.4)]
    assert predict_level(method("monte-carlo"), levels, 1e-5).level >= 8 + 3


def test_monte_carlo_estimates_not_yet_converging_climb_one_level():
    # MC-S on 1a-II-gamma: a bias holds the error near 2e-3, which later falls fast; no
    # extrapolation from a flat stretch.
    levels = [single(6, 1.77e-3, 0.016), single(7, 2.08e-3, 0.032), single(8, 2.19e-3, 0.061)]
    p = predict_level(method("monte-carlo"), levels, 1e-4)
    assert (p.level, p.extrapolated) == (9, False)


def test_an_american_monte_carlo_climb_jumps_by_its_observed_decay():
    # MC-S on 1b-I at the defaults: noisy errors falling faster than N^-1/2 while the fitted
    # exercise rule improves; at 1e-3 the top level (14) is in reach.
    levels = [single(6, 4.8e-2, 0.30), single(7, 8.7e-3, 0.32), single(8, 1.96e-2, 0.36)]
    p = predict_level(method("monte-carlo"), levels, 1e-3)
    assert 12 <= p.level <= 14
    assert p.seconds >= 0.36 * 2 ** (p.level - 8)  # the work doubles per level at least


def test_deterministic_methods_follow_their_observed_convergence():
    # Two orders of magnitude per level: 1e-3 at level 4 meets 1e-6 at level 6 (1e-7), 1e-5 at 5.
    levels = [single(2, 1e-1, 0.001), single(3, 1e-2, 0.002), single(4, 1e-3, 0.004)]
    assert predict_level(method("fourier"), levels, 1e-4).level == 5
    assert predict_level(method("fourier"), levels, 1e-6).level == 7


def test_a_stagnating_error_predicts_the_next_level():
    levels = [single(2, 1.1e-3, 0.001), single(3, 1.05e-3, 0.002), single(4, 1e-3, 0.004)]
    assert predict_level(method("pde"), levels, 1e-4).level == 5


def test_the_time_grows_as_observed_when_calls_are_long_enough():
    # Quadrupling per level between the two highest (each at least 10 ms).
    levels = [single(3, 1e-2, 0.02), single(4, 1e-3, 0.08)]
    p = predict_level(method("pde"), levels, 1e-4)
    assert (p.level, p.seconds) == (5, pytest.approx(0.32))
    assert p.seconds_at(4) == pytest.approx(0.08)
    # Fixed costs hide the growth of short calls: doubling, the most a level may cost, is assumed.
    levels = [single(3, 1e-2, 0.001), single(4, 1e-3, 0.001)]
    assert predict_level(method("pde"), levels, 1e-4).seconds == pytest.approx(0.002)
    # Nor is a flat stretch believed (fixed costs of a level): the work doubles at least.
    levels = [single(3, 1e-2, 0.1), single(4, 1e-3, 0.12)]
    assert predict_level(method("fourier"), levels, 1e-4).seconds == pytest.approx(0.24)


def test_a_prediction_may_lie_above_the_top_level():
    levels = [single(7, 2e-2, 0.3), single(8, 1.4e-2, 0.4)]
    p = predict_level(method("monte-carlo", top=14), levels, 1e-4)
    assert p.level > 14


def test_the_level_timed_over_repeats_decides_over_single_calls():
    ref = (1.0,)
    levels = [
        LevelResult(2, "ok", (1.0,), 5e-5, 0.0005, (0.0005,)),  # a cold single call
        LevelResult(3, "ok", (1.0,), 1e-6, 0.0001, (0.0001,)),
        LevelResult(2, "ok", (1.0,), 5e-5, 0.0002, (0.0002,) * 40, timing="repeated"),
    ]
    r = summarize_pair("1a-I", "COS", levels[1:], ref)
    assert (r.level, r.time, len(r.levels[0].times)) == (2, 0.0002, 40)
    # Before the timing: the lowest passing level, not the fastest single call.
    assert summarize_pair("1a-I", "COS", levels[:2], ref).level == 2
