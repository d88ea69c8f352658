"""A method's validated domain: depth out of the money, and pairs outside it planned as "unsupported"."""

from __future__ import annotations

import dataclasses
import json
import math
from statistics import NormalDist

import pytest

from benchop_dask.catalogue import load_catalogue
from benchop_dask.domain import Domain, depth_scale, depth_scales, depths, has_depth
from benchop_dask.report import format_methods
from benchop_dask.validation import BadRequest, RunRequest, validate

CAT = load_catalogue()


def with_domain(method: str, domain: Domain):
    """The catalogue with ``domain`` for ``method`` and none for the others."""
    methods = {n: dataclasses.replace(m, domain=domain if n == method else Domain()) for n, m in CAT.methods.items()}
    return dataclasses.replace(CAT, methods=methods)


def test_depth_is_counted_on_the_out_of_the_money_side():
    call = CAT.problems["1a-I"]
    params = {"S": [80.0, 100.0, 125.0], "K": 100.0, "T": 0.25, "r": 0.03, "sigma": 0.1}
    assert depth_scale(call, params) == pytest.approx(0.05)
    # Counted from the forward S exp(rT).
    log_forward = [math.log(s / 100) + 0.03 * 0.25 for s in (80, 100, 125)]
    assert depths(call, params) == pytest.approx([-x / 0.05 for x in log_forward])
    put = dataclasses.replace(CAT.problems["1b-I"], exercise="european")
    assert depths(put, params) == pytest.approx([x / 0.05 for x in log_forward])
    # Gamma and vega are tiny on both sides.
    assert depths(CAT.problems["1a-I-gamma"], params) == pytest.approx([abs(x) / 0.05 for x in log_forward])
    # A proportional dividend lowers the forward.
    dividend = CAT.problems["2-eu"]
    with_d = {**params, "D": 0.03, "alpha": 0.8}
    assert depths(dividend, with_d)[1] == pytest.approx(-(math.log(0.97) + 0.0075) / 0.05)
    # Problem 1a-II's defaults: S = 97 is 6 deviations below K = 100, but its forward only 1.2.
    defaults = CAT.problems["1a-II"].defaults
    assert depths(CAT.problems["1a-II"], defaults)[0] == pytest.approx(-(math.log(0.97) + 0.025) / 0.005)


def _knock_out_paying_probability_by_simulation(spot, params, paths=200_000, steps=64, seed=5):
    """P(K < S_T, no touch of B) by paths of ln S with the Brownian-bridge chance of a touch within each step."""
    import numpy as np

    rng = np.random.default_rng(seed)
    h = params["T"] / steps
    sigma, drift = params["sigma"], params["r"] - params["sigma"] ** 2 / 2
    barrier = math.log(params["B"] / spot)
    x = np.zeros(paths)
    alive = np.ones(paths)
    for _ in range(steps):
        nxt = x + drift * h + sigma * math.sqrt(h) * rng.standard_normal(paths)
        below = (x < barrier) & (nxt < barrier)
        touch = np.exp(-2 * (barrier - x) * (barrier - nxt) / (sigma**2 * h))
        alive *= np.where(below, 1 - touch, 0.0)
        x = nxt
    pays = alive * (x > math.log(params["K"] / spot))
    return pays.mean(), pays.std() / math.sqrt(paths)


def test_a_barrier_close_above_the_spot_makes_an_up_and_out_call_deep():
    problem = CAT.problems["1c-I"]
    vanilla = CAT.problems["1a-I"]
    params = dict(problem.defaults)
    far = {**params, "B": 1e6}
    # Out of reach, the barrier changes nothing: the depth of the call without it.
    assert depths(problem, far) == pytest.approx(depths(vanilla, {k: v for k, v in far.items() if k != "B"}))
    # The depth is that of a call paying with the same probability: -Phi^-1(P) - sqrt(w T) / 2.
    scale = depth_scale(problem, params)
    for spot, depth in zip(params["S"], depths(problem, params)):
        simulated, error = _knock_out_paying_probability_by_simulation(spot, params)
        implied = NormalDist().cdf(-depth - scale / 2)
        assert abs(implied - simulated) < 4 * error + 1e-3, (spot, implied, simulated)
    # Nearer the barrier, deeper: a spot just below it, in the money, is as deep as a strike 2.5 deviations off.
    near = depths(problem, {**params, "S": [110.0, 120.0, 124.9]})
    assert near[0] < near[1] < near[2] and near[2] > 2.5
    assert depths(vanilla, {**params, "S": [124.9]})[0] < -1.5
    # Set II's tiny volatility: no overflow where exp(2 b drift / w T) is far beyond a double.
    set_ii = CAT.problems["1c-II"]
    assert depths(set_ii, {**set_ii.defaults, "B": 1e6}) == pytest.approx(
        depths(CAT.problems["1a-II"], set_ii.defaults), abs=1e-9)
    assert 2 < depths(set_ii, {**set_ii.defaults, "S": [99.5], "B": 101.0})[0] < 3


def test_depth_uses_each_models_variance_rate():
    heston = CAT.problems["4"]
    params = dict(heston.defaults)
    assert depth_scale(heston, params) == pytest.approx(0.15)  # V0 = theta: the mean variance is V0
    params.update(V0=0.04, theta=0.0225, kappa=2.0, T=1.0)
    mean = 0.0225 + (0.04 - 0.0225) * (1 - math.exp(-2.0)) / 2.0
    assert depth_scale(heston, params) == pytest.approx(math.sqrt(mean))
    merton = CAT.problems["5"]
    assert depth_scale(merton, merton.defaults) == pytest.approx(math.sqrt(0.15**2 + 0.4 * (0.25 + 0.16)))
    assert not has_depth(CAT.problems["6"])  # an exchange option has no strike
    # 3-II: the implied variance at the strike, each spot through its own forward.
    surface = CAT.problems["3-II"]
    scales = depth_scales(surface, surface.defaults)
    assert len(set(scales)) == 3 and all(0.1 < s < 0.2 for s in scales)
    with pytest.raises(ValueError, match="per evaluation point"):
        depth_scale(surface, surface.defaults)
    with pytest.raises(ValueError, match="not defined for problem 6"):
        depth_scale(CAT.problems["6"], CAT.problems["6"].defaults)


def test_domain_applies_at_its_tolerance_and_below_only():
    domain = Domain(tol=1e-4, max_depth={"1a-I": 2.0})
    problem = CAT.problems["1a-I"]
    params = {"S": [80.0, 100.0], "K": 100.0, "T": 0.25, "r": 0.03, "sigma": 0.1}
    why = domain.outside("RBF", problem, params, 1e-4)
    assert why == ("outside RBF's domain: S=80 is 4.31 standard deviations out of the money, and RBF is "
                   "validated to 2 on problem 1a-I at tolerances <= 0.0001")
    assert domain.outside("RBF", problem, params, 1e-5) == why
    assert domain.outside("RBF", problem, params, 1e-3) is None
    assert domain.outside("RBF", problem, {**params, "S": [95.0, 100.0, 130.0]}, 1e-4) is None
    assert domain.outside("RBF", CAT.problems["1b-I"], params, 1e-4) is None  # no limit declared there
    assert Domain.from_json(domain.to_json()) == domain
    assert Domain.from_json(None) == Domain() and Domain().to_json() is None


def test_pairs_outside_a_domain_are_planned_unsupported_with_the_reason():
    cat = with_domain("RBF", Domain(tol=1e-4, max_depth={"1a-I": 2.0}))
    deep = {"S": [80.0, 100.0], "T": 0.25, "sigma": 0.1}
    plan = validate(RunRequest(["1a-I"], (), deep), cat)
    assert "RBF" not in {m.name for _, m in plan.pairs}
    assert {m.name for _, m in plan.pairs} == {m.name for m in cat.methods_for("1a-I")} - {"RBF"}
    [skipped] = plan.unsupported
    assert (skipped.method, skipped.instance.id) == ("RBF", "1a-I")
    assert "4.31 standard deviations out of the money" in skipped.reason
    # Inside the domain, or at a looser tolerance, RBF runs.
    assert "RBF" in {m.name for _, m in validate(RunRequest(["1a-I"], (), {**deep, "S": [95.0]}), cat).pairs}
    assert "RBF" in {m.name for _, m in validate(RunRequest(["1a-I"], (), deep, 1e-3), cat).pairs}


def test_asking_only_for_methods_outside_their_domain_is_a_clear_error():
    cat = with_domain("RBF", Domain(tol=1e-4, max_depth={"1a-I": 2.0}))
    with pytest.raises(BadRequest, match="outside RBF's domain: S=80 is 4.31 standard deviations"):
        validate(RunRequest(["1a-I"], ["RBF"], {"S": [80.0], "T": 0.25, "sigma": 0.1}), cat)


def test_declared_domains_are_checked_when_the_catalogue_loads(tmp_path):
    folder = tmp_path / "BAD"
    folder.mkdir()
    spec = {"name": "BAD", "family": "test", "solver": "x", "problems": ["6"], "levels": {"default": 1, "max": 1},
            "domain": {"tol": 1e-4, "max_sd_out_of_the_money": {"6": 2}}}
    (folder / "method.json").write_text(json.dumps(spec))
    load_catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match="BAD declares a domain for problem 6"):
            load_catalogue((str(tmp_path),))
    finally:
        load_catalogue.cache_clear()


def test_the_method_listing_shows_declared_domains():
    cat = with_domain("RBF", Domain(tol=1e-4, max_depth={"1a-I": 2.0, "4": 2.5}))
    assert "  RBF     tol <= 0.0001: 1a-I 2, 4 2.5" in format_methods(cat).splitlines()


def test_an_american_option_is_never_deeper_than_its_exercise_value_allows():
    put = CAT.problems["1b-II"]
    params = dict(put.defaults)  # S = 97, 98, 99 below K = 100, sigma = 0.01, r = 0.1
    # The European put's forward is 3 deviations out of the money at S = 99, but exercise pays 1.
    assert depths(put, params) == pytest.approx([math.log(s / 100) / 0.005 for s in (97, 98, 99)])
    assert max(depths(put, {**params, "S": [101.0]})) == pytest.approx(math.log(1.01) / 0.005)


def test_every_method_runs_at_every_problems_defaults():
    for problem_id in CAT.problems:
        plan = validate(RunRequest([problem_id]), CAT)
        assert not plan.unsupported, [u.reason for u in plan.unsupported]


@pytest.mark.slow
def test_the_surface_of_3_II_is_the_octave_one(octave):
    """domain.py's copy of the implied-variance surface agrees with benchop's Octave function."""
    surface = CAT.problems["3-II"]
    for params in (surface.defaults, {"S": [75.0, 101.0, 130.0], "K": 95.0, "T": 1.1, "r": 0.07}):
        spots = params["S"]
        forward_log = [math.log(params["K"] / s) - params["r"] * params["T"] for s in spots]
        v = octave.call("implied_variance_surface", params["T"], forward_log)
        expected = [math.sqrt(x * params["T"]) for x in list(v.ravel())]
        assert depth_scales(surface, params) == pytest.approx(expected, rel=1e-12)
