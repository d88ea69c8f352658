"""Comparing two runs' rankings: Spearman's rho, the moved methods, and what differs."""

from __future__ import annotations

from typing import Any

import pytest

from benchop_dask.compare import compare_runs, environment_facts, spearman


def _run(run_id: str, ranking: dict[str, list[str]], params: dict[str, Any] | None = None,
         tol: float = 1e-4, hosts: tuple[str, ...] = ("node-1",)) -> dict[str, Any]:
    params = params or {"S": [90, 100, 110], "K": 100, "sigma": 0.15}
    results = [
        {"problem": p, "method": m, "status": "ok", "time": 0.001 * (i + 1), "relerr": 1e-5, "level": 3,
         "levels": [{"level": 3, "status": "ok", "time": 0.001 * (i + 1), "relerr": 1e-5, "worker": hosts[0]}]}
        for p, order in ranking.items() for i, m in enumerate(order)
    ]
    return {"id": run_id, "status": "done", "created": "2026-01-01T00:00:00Z",
            "request": {"problems": list(ranking), "tol": tol, "repeat": 3},
            "problems": [{"id": p, "title": p, "params": params} for p in ranking],
            "results": results, "ranking": ranking,
            "environment": {"workers": [{"host": h, "cpu": "Xeon"} for h in hosts], "python": "3.11"}}


METHODS = ["COS", "FD", "RBF", "MC-S"]


def test_spearman_identical_reversed_and_one_swap():
    assert spearman(METHODS, METHODS) == 1.0
    assert spearman(METHODS, METHODS[::-1]) == -1.0
    assert spearman(METHODS, ["COS", "RBF", "FD", "MC-S"]) == pytest.approx(0.8)


def test_spearman_uses_the_common_methods_only():
    assert spearman(["A", "X", "B", "C"], ["A", "B", "Y", "C"]) == 1.0
    assert spearman(["A", "B"], ["A", "C"]) is None
    assert spearman([], []) is None


def test_identical_runs_do_not_change():
    (problem,) = compare_runs(_run("a", {"1a-I": METHODS}), _run("b", {"1a-I": METHODS}))["problems"]
    assert problem["spearman"] == 1.0
    assert problem["moved"] == [] and problem["params"] == []
    assert "Same order" in problem["summary"] and "same parameters" in problem["summary"]


def test_one_swap_lists_the_moved_methods_and_the_parameter_change():
    a = _run("a", {"1a-I": METHODS})
    b = _run("b", {"1a-I": ["COS", "RBF", "FD", "MC-S"]}, params={"S": [90, 100, 110], "K": 100, "sigma": 0.3})
    report = compare_runs(a, b)
    (problem,) = report["problems"]
    assert problem["spearman"] == pytest.approx(0.8)
    assert [(m["method"], m["rank_a"], m["rank_b"]) for m in problem["moved"]] == [("FD", 2, 3), ("RBF", 3, 2)]
    assert problem["params"] == [{"name": "sigma", "a": 0.15, "b": 0.3}]
    assert "sigma 0.15 → 0.3" in problem["summary"]
    assert "FD 2→3" in problem["summary"]
    assert report["environment"] == []


def test_reversed_ranking_on_other_workers():
    a = _run("a", {"1a-I": METHODS})
    b = _run("b", {"1a-I": METHODS[::-1]}, hosts=("node-7",))
    (problem,) = compare_runs(a, b)["problems"]
    assert problem["spearman"] == -1.0
    assert len(problem["moved"]) == 4
    assert "different workers" in problem["summary"] and "node-7" in problem["summary"]


def test_methods_in_one_ranking_only_and_problems_in_one_run_only():
    a = _run("a", {"1a-I": ["COS", "FD", "MC-S"], "4": ["FD"]})
    b = _run("b", {"1a-I": ["FD", "COS", "RBF"], "5": ["COS"]}, tol=1e-3)
    report = compare_runs(a, b)
    assert report["only_in_a"] == ["4"] and report["only_in_b"] == ["5"]
    assert report["settings"] == [{"name": "tol", "a": 1e-4, "b": 1e-3}]
    (problem,) = report["problems"]
    assert problem["only_a"] == ["MC-S"] and problem["only_b"] == ["RBF"]
    assert problem["spearman"] == -1.0  # COS, FD swapped
    assert "tol 0.0001 → 0.001" in problem["summary"]


def test_fewer_than_two_common_methods_has_no_correlation():
    (problem,) = compare_runs(_run("a", {"4": ["FD", "COS"]}), _run("b", {"4": ["FD"]}))["problems"]
    assert problem["spearman"] is None
    assert problem["moved"] == []
    assert "Too few" in problem["summary"]


def test_environment_facts_gather_hosts_and_cpus():
    run = _run("a", {"1a-I": METHODS}, hosts=("node-1", "node-2"))
    facts = environment_facts(run)
    assert facts["hosts"] == ["node-1", "node-2"]
    assert facts["cpu"] == ["Xeon"]
    assert facts["workers"] == 2
    assert facts["python"] == "3.11"
    assert environment_facts({})["hosts"] == []
