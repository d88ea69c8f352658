"""The climb's prediction of the level that meets the tolerance, and which level decides (no cluster)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchop_dask.catalogue import Method
from benchop_dask.ranking import summarize_pair
from benchop_dask.results import LevelResult
from benchop_dask.runner import FIRST_LEVELS, climb_step, predict_level


def method(family: str, top: int = 14) -> Method:
    return Method("M", family, "", "m_solve", ("1a-I",), 4, top, Path("."))


def single(n: int, relerr: float, time: float) -> LevelResult:
    return LevelResult(n, "inaccurate", prices=(1.0,), relerr=relerr, time=time, times=(time,))


def answered(tol: float, *errors: tuple[int, float]) -> dict[int, LevelResult]:
    """Levels with these errors, each call taking 1 ms times two to the level."""
    return {n: LevelResult(n, "ok" if e <= tol else "inaccurate", prices=(1.0,), relerr=e, time=1e-3 * 2**n,
                           times=(1e-3 * 2**n,)) for n, e in errors}


def step(levels, family="pde", tol=1e-4, spent=0.0, budget=60.0, top=14):
    return climb_step(method(family, top), levels, tol, spent=spent, budget=budget)


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


# -- the climb's steps (method(): default level 4) ---------------------------------------------

def test_a_climb_starts_low_and_jumps_by_its_convergence():
    assert FIRST_LEVELS < method("pde").default_level
    # Errors falling fourfold per level: 1e-3 at level 3 needs two more levels.
    s = step(answered(1e-4, (1, 1.6e-2), (2, 4e-3), (3, 1e-3)))
    assert (s.action, s.levels) == ("call", (5,))
    assert s.cost == pytest.approx(1e-3 * 2**5, rel=0.05)


def test_the_levels_a_jump_skipped_are_called_before_a_level_decides():
    s = step(answered(1e-4, (1, 1.6e-2), (2, 4e-3), (3, 1e-3), (5, 6e-5)))
    assert s.action == "call" and s.levels[0] > 3


def test_within_the_default_levels_the_level_above_confirms_a_pass():
    s = step(answered(1e-4, (1, 1e-3), (2, 9e-5)))
    assert (s.action, s.levels) == ("call", (3,))
    # It passes too: level 2 decides.
    s = step(answered(1e-4, (1, 1e-3), (2, 9e-5), (3, 7e-5)))
    assert (s.action, s.levels) == ("decide", (2,))
    # It misses: level 2 met the tolerance by chance, the climb goes on above level 3.
    s = step(answered(1e-4, (1, 1e-3), (2, 9e-5), (3, 1.2e-4)))
    assert s.action == "call" and s.levels[0] > 3


def test_a_monte_carlo_pass_is_confirmed_by_every_level_up_to_the_default():
    s = step(answered(1e-4, (1, 1e-3), (2, 9e-5)), family="monte-carlo")
    assert (s.action, s.levels) == ("call", (3, 4))
    s = step(answered(1e-4, (1, 1e-3), (2, 9e-5), (3, 8e-5), (4, 2e-4)), family="monte-carlo")
    assert s.action == "call" and s.levels[0] > 4


def test_above_the_default_levels_the_first_pass_decides():
    levels = answered(1e-4, (1, 1e-2), (2, 5e-3), (3, 2e-3), (4, 1e-3), (6, 3e-4), (7, 9e-5))
    s = step(levels)
    assert (s.action, s.levels) == ("decide", (7,))


def test_a_climb_stops_at_an_error_at_its_top_level_or_past_its_budget():
    errored = answered(1e-4, (1, 1e-2)) | {2: LevelResult(2, "error", error="boom")}
    assert step(errored).action == "stop"
    assert step(answered(1e-4, (1, 1e-2), (2, 5e-3)), top=2).action == "stop"
    spent = step(answered(1e-4, (1, 1e-2), (2, 5e-3), (3, 2e-3)), spent=61.0)
    assert spent.action == "stop" and "more than its time budget" in spent.note
    long_call = step(answered(1e-4, (1, 1e-2), (2, 5e-3), (3, 2e-3)), budget=0.01)
    assert long_call.action == "stop" and long_call.note.startswith("needs about ")


def test_a_monte_carlo_climb_stops_when_even_its_fastest_convergence_would_not_do():
    # 2e-1 at level 8 needs a factor 2000 in error: 22 levels more at N^-1/2, and still 8 at three
    # times that, the fastest decay believed; the top is 14.
    s = step(answered(1e-4, (6, 4e-1), (7, 2.8e-1), (8, 2e-1)), family="monte-carlo")
    assert s.action == "stop" and s.note.endswith("above its top level 14")
    # MC-S on an American put (1b-I, a sweep's set): N^-1/2 from levels 9 to 13 predicts level 16
    # for 1e-3, but the exercise rule's bias falls faster: level 14 met it (2.9e-4). Within reach
    # of the fastest decay believed, the climb goes on.
    s = step(answered(1e-3, (9, 1.02e-2), (11, 4.69e-3), (13, 2.53e-3)), family="monte-carlo", tol=1e-3)
    assert (s.action, s.levels) == ("call", (14,))
    # Below the default level a bias may still rule the error: the climb goes on.
    s = step(answered(1e-4, (1, 4e-2), (2, 2.8e-2), (3, 2e-2)), family="monte-carlo")
    assert s.action == "call" and s.levels[0] > 3

