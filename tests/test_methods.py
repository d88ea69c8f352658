"""Every (problem, method) pair against the reference, at the defaults and away from them.

Runs through the whole service on the test cluster: the climb over
resolution levels, the references for custom parameters, the scoring.
Deterministic methods must reach 1e-4; Monte Carlo methods 1e-3.
"""

from __future__ import annotations

import dask.config
import pytest

from benchop_dask.catalogue import load_catalogue
from benchop_dask.client import plan_run, run_plan
from benchop_dask.validation import RunRequest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CATALOGUE = load_catalogue()
MONTE_CARLO = {m.name for m in CATALOGUE.methods.values() if m.family == "monte-carlo"}
DETERMINISTIC = {m.name for m in CATALOGUE.methods.values() if m.family not in ("monte-carlo", "test")}
PROBLEMS = [p for p in CATALOGUE.problems if CATALOGUE.methods_for(p)]

# One parameter set per problem away from the defaults, inside the ranges the
# methods promise (sigma 0.1-0.4, T 0.25-2, r 0-0.08, K 80-120, model
# parameters moved by up to 30 %, other evaluation points).
SET_I = {"S": [85, 100, 115], "K": 95, "T": 0.5, "r": 0.05, "sigma": 0.25}
SET_II = {"S": [96, 98, 101], "K": 100, "T": 0.3, "r": 0.08, "sigma": 0.1}
CUSTOM = {
    **{p: SET_I for p in ("1a-I", "1a-I-delta", "1a-I-gamma", "1a-I-vega")},
    **{p: SET_II for p in ("1a-II", "1a-II-delta", "1a-II-gamma", "1a-II-vega")},
    "1b-I": {"S": [90, 105, 120], "K": 110, "T": 2, "r": 0.06, "sigma": 0.3},
    "1b-II": {"S": [95, 100, 105], "K": 100, "T": 0.25, "r": 0.08, "sigma": 0.1},
    "1c-I": {"S": [90, 100, 110], "K": 100, "T": 0.5, "r": 0.05, "sigma": 0.2, "B": 140},
    "1c-II": {"S": [97, 98, 99], "K": 100, "T": 0.25, "r": 0.08, "sigma": 0.1, "B": 120},
    "2-eu": {"S": [95, 105, 115], "K": 105, "T": 1, "r": 0.05, "sigma": 0.25, "D": 0.05, "alpha": 0.5},
    "2-am": {"S": [95, 105, 115], "K": 105, "T": 1, "r": 0.05, "sigma": 0.25, "D": 0.05, "alpha": 0.5},
    "3-I": {"S": [95, 110, 125], "K": 110, "T": 0.5, "r": 0.05},
    "3-II": {"S": [85, 95, 105], "K": 95, "T": 0.75, "r": 0.05},
    "4": {"S": [95, 105, 115], "K": 105, "T": 0.5, "r": 0.04, "V0": 0.03, "kappa": 1.5, "theta": 0.028,
          "sigma_v": 0.3, "rho": -0.6},
    "5": {"S": [90, 100, 110], "K": 95, "T": 0.5, "r": 0.04, "sigma": 0.2, "lambda": 0.5, "gamma": -0.4,
          "delta": 0.3},
    "6": {"S": [[100, 95], [95, 100], [105, 100]], "T": 0.5, "r": 0.04, "sigma1": 0.2, "sigma2": 0.25,
          "rho": 0.3},
}


def problem_defaults(problem_id):
    return CATALOGUE.problems[problem_id].reference


def _check(result, methods, tol, custom):
    failures = []
    for r in result.results:
        if r.method in methods and not (r.status == "ok" and r.relerr <= tol):
            failures.append(f"{r.problem} {r.method}: {r.status} relerr={r.relerr} level={r.level} {r.error or ''}")
    (problem,) = result.problems
    if custom:  # scored against a reference for these parameters, never the default one
        assert problem.reference_source in ("computed", "cached")
        assert problem.reference != problem_defaults(problem.id)
    assert not failures, "\n".join(failures)


# Known shortfalls, kept visible: strict, so a fix shows up as an unexpected pass.
MONTE_CARLO_SHORTFALLS: dict[tuple[str, bool], str] = {}


def _run_family(client, problem, custom, methods, tol):
    methods = sorted({m.name for m in CATALOGUE.methods_for(problem)} & methods)
    if not methods:
        pytest.skip(f"no such method supports {problem}")
    params = CUSTOM[problem] if custom else {}
    with dask.config.set({"benchop.method-budget": 30}):
        plan = plan_run(RunRequest([problem], methods, params, tol=tol, repeats=1))
        _check(run_plan(client, plan), methods, tol, custom)


@pytest.mark.parametrize("custom", [False, True], ids=["defaults", "custom"])
@pytest.mark.parametrize("problem", PROBLEMS)
def test_deterministic_methods_reach_1e_4(client, problem, custom):
    _run_family(client, problem, custom, DETERMINISTIC, 1e-4)


def _monte_carlo_cases():
    for problem in PROBLEMS:
        for custom in (False, True):
            reason = MONTE_CARLO_SHORTFALLS.get((problem, custom))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(problem, custom, marks=marks, id=f"{problem}-{'custom' if custom else 'defaults'}")


@pytest.mark.parametrize("problem, custom", list(_monte_carlo_cases()))
def test_monte_carlo_methods_reach_1e_3(client, problem, custom):
    _run_family(client, problem, custom, MONTE_CARLO, 1e-3)


@pytest.mark.parametrize("problem", PROBLEMS)
def test_every_problem_has_methods_from_two_families(problem):
    families = {m.family for m in CATALOGUE.methods_for(problem)} - {"test"}
    assert len(families) >= 2, families
    # deterministic methods, each held to 1e-4 by the tests above
    assert len([m for m in CATALOGUE.methods_for(problem) if m.name in DETERMINISTIC]) >= 3
