"""Random parameter sets inside the ranges the methods promise: bench/sweep's and bench/domain's, and
the sets an uploaded method is evaluated on.

sigma 0.1-0.4, T 0.25-2, r 0-0.08, K 80-120, model parameters moved by up to
30 %, evaluation points from 0.8 K to 1.2 K (below a barrier).
"""

from __future__ import annotations

import random
from typing import Any, Mapping

import dask.config

MOVE = 0.3  # model parameters move by up to 30 %


def _moved(rng: random.Random, problem, name: str, digits: int, specs: Mapping[str, Any] | None) -> float:
    """The default of ``name`` moved by up to MOVE, redrawn while the parameter's range refuses it
    (alpha, a fraction of T, must stay below 1)."""
    spec = problem.parameter_spec(specs[name]) if specs and name in specs else None
    while True:
        value = round(problem.defaults[name] * rng.uniform(1 - MOVE, 1 + MOVE), digits)
        if spec is None or spec.admits(value):
            return value


def _spots(rng: random.Random, strike: float, high: float | None = None) -> list[float]:
    top = 1.2 * strike if high is None else min(1.2 * strike, high)
    return sorted(round(rng.uniform(0.8 * strike, top), 2) for _ in range(3))


def draw(problem, rng: random.Random, specs: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One parameter set for ``problem``, inside the promised ranges (and the catalogue's
    parameter ranges ``specs``, when given)."""
    defaults = problem.defaults
    params: dict[str, Any] = {}
    if "K" in defaults:
        params["K"] = round(rng.uniform(80, 120), 2)
    params["T"] = round(rng.uniform(0.25, min(2.0, problem.ranges.get("T", {}).get("max", 2.0))), 3)
    params["r"] = round(rng.uniform(0, 0.08), 4)
    if "sigma" in defaults:
        params["sigma"] = round(rng.uniform(0.1, 0.4), 3)
    for name in ("D", "alpha", "V0", "kappa", "theta", "sigma_v", "lambda", "gamma", "delta"):
        if name in defaults:
            params[name] = _moved(rng, problem, name, 4, specs)
    if "rho" in defaults:
        params["rho"] = _moved(rng, problem, "rho", 3, specs)
    for name in ("sigma1", "sigma2"):
        if name in defaults:
            params[name] = round(rng.uniform(0.1, 0.4), 3)
    if problem.point_dim == 2:
        params["S"] = [[round(rng.uniform(80, 120), 2), round(rng.uniform(80, 120), 2)] for _ in range(3)]
    elif "B" in defaults:
        params["B"] = round(params["K"] * rng.uniform(1.05, 1.5), 2)
        params["S"] = _spots(rng, params["K"], 0.99 * params["B"])
    else:
        params["S"] = _spots(rng, params["K"])
    return params


def sweep_sets(catalogue, count: int | None = None, seed: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """bench/sweep's parameter sets: ``count`` per problem from one stream seeded ``seed``, drawn
    over every problem that has methods in the catalogue's order (the ``benchop.evaluation``
    settings by default), so that a problem's sets are the same whichever problems are run."""
    count = int(dask.config.get("benchop.evaluation.random-sets")) if count is None else count
    seed = int(dask.config.get("benchop.evaluation.seed")) if seed is None else seed
    rng = random.Random(seed)
    return {problem_id: [draw(problem, rng, catalogue.parameters) for _ in range(count)]
            for problem_id, problem in catalogue.problems.items() if catalogue.methods_for(problem_id)}
