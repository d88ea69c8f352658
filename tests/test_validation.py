"""Every kind of bad input is rejected with a message that names the fault."""

from __future__ import annotations

import pytest

from benchop_dask.catalogue import load_catalogue
from benchop_dask.cli import parse_param
from benchop_dask.validation import BadRequest, RunRequest, validate

CAT = load_catalogue()


def plan(problems, methods=(), params=None, tol=1e-4, repeats=3):
    return validate(RunRequest(problems, methods, params or {}, tol, repeats), CAT)


def rejects(match, *args, **kwargs):
    with pytest.raises(BadRequest, match=match):
        plan(*args, **kwargs)


def test_defaults_expand_to_every_supporting_method():
    p = plan(["1a-I", "1b-II"])
    assert [i.id for i in p.instances] == ["1a-I", "1b-II"]
    assert {(i.id, m.name) for i, m in p.pairs} >= {("1a-I", "COS"), ("1a-I", "FD"), ("1b-II", "MC-S")}
    assert all(i.is_default for i in p.instances)


def test_params_apply_to_every_problem_that_takes_them():
    p = plan(["1a-I", "1c-I"], ["COS"], {"sigma": 0.3, "B": 140, "S": [95, 105]})
    a, c = p.instances
    assert a.params["sigma"] == 0.3 and c.params["sigma"] == 0.3
    assert "B" not in a.params and c.params["B"] == 140
    assert a.params["S"] == [95.0, 105.0]
    assert not a.is_default
    struct = c.octave_struct()
    assert struct["S"].shape == (1, 2) and struct["barrier"] == "up-and-out"


def test_explicit_method_that_does_not_fit_a_problem_is_unsupported():
    from benchop_dask.catalogue import Method

    cat = load_catalogue()
    only_1a = Method("ONLY-1A", "test", "", "x", ("1a-I",), 1, 1, cat.methods["COS"].directory)
    custom = type(cat)(cat.parameters, cat.problems, {**cat.methods, "ONLY-1A": only_1a})
    p = validate(RunRequest(["1a-I", "1b-I"], ["ONLY-1A", "COS"]), custom)
    assert [(u.instance.id, u.method) for u in p.unsupported] == [("1b-I", "ONLY-1A")]


@pytest.mark.parametrize(
    "problems, methods, params, match",
    [
        (["9z"], [], {}, r"unknown problem '9z' \(valid: 1a-I, "),
        ([], [], {}, "name at least one problem"),
        (["1a-I"], ['system("id")'], {}, r"unknown method 'system\(\"id\"\)' \(valid: .*COS"),
        (["1a-I"], [], {"foo": 1}, r"unknown parameter 'foo' \(valid: S, K, T"),
        (["1a-I"], [], {"sigma": -1}, r"sigma=-1 is out of range: it must be > 0"),
        (["1a-I"], [], {"sigma": 0}, "sigma=0 is out of range"),
        (["1a-I"], [], {"T": 0}, "T=0 is out of range"),
        (["1a-I"], [], {"K": -5}, "K=-5 is out of range"),
        (["1a-I"], [], {"S": [90, -1]}, "S=-1 is out of range"),
        (["1a-I"], [], {"S": []}, "non-empty list"),
        (["1a-I"], [], {"S": [1.0] * 101}, "at most 100"),
        (["1a-I"], [], {"sigma": "0.2"}, "must be a number"),
        (["1a-I"], [], {"sigma": True}, "must be a number"),
        (["1a-I"], [], {"sigma": float("nan")}, "finite"),
        (["1a-I"], [], {"B": 130}, r"'B' is not taken by problem 1a-I \(it takes S, K, T, r, sigma\)"),
        (["4"], [], {"rho": 1}, "rho=1 is out of range"),
        (["6"], [], {"S": [100, 90]}, r"list of \[S1, S2\] pairs"),
        (["1a-I"], [], {"S": [[100, 90]]}, "single spot prices"),
        (["1a-I", "6"], [], {"S": [100]}, "separate runs"),
        (["1c-I"], [], {"B": 100}, r"problem 1c-I: the barrier B=100 must lie above the strike K=100"),
        (["1c-I"], [], {"B": 105}, r"evaluation points \[110.0\] are at or above the barrier"),
        (["1a-I"], [], {"r": 0.9}, "r=0.9 is out of range"),
        (["3-II"], [], {"T": 2.5}, r"problem 3-II: T=2.5 is out of range: it must be > 0 and <= 1.2 \(beyond T = 1.2"),
    ],
)
def test_bad_input(problems, methods, params, match):
    rejects(match, problems, methods, params)


def test_bad_tolerance_and_repeats():
    rejects("tol=0 is out of range", ["1a-I"], tol=0)
    rejects("tol=2 is out of range", ["1a-I"], tol=2)
    rejects("repeats must be an integer", ["1a-I"], repeats=0)
    rejects("repeats must be an integer", ["1a-I"], repeats=2.5)


def test_problem_without_methods_is_rejected():
    from dataclasses import replace

    only_1a = type(CAT)(CAT.parameters, CAT.problems, {"COS": replace(CAT.methods["COS"], problems=("1a-I",))})
    with pytest.raises(BadRequest, match="no available method supports problem 6 yet"):
        validate(RunRequest(["1a-I", "6"]), only_1a)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("sigma=0.3", ("sigma", 0.3)),
        ("S=90,100,110", ("S", [90.0, 100.0, 110.0])),
        ("S=100:90,100:110", ("S", [[100.0, 90.0], [100.0, 110.0]])),
        ("K=1e2", ("K", 100.0)),
    ],
)
def test_parse_param(text, expected):
    assert parse_param(text) == expected


@pytest.mark.parametrize("text", ["sigma", "sigma=", "=1", "sigma=abc", "K=1,2", "S=9x"])
def test_parse_param_rejects(text):
    with pytest.raises(BadRequest):
        parse_param(text)
