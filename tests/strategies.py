"""Hypothesis strategies for run requests, drawn from the catalogue: mostly near-valid, with numeric edges.

Used by the fuzz tests (a sample) and by bench/fuzz (tens of thousands).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from benchop_dask.catalogue import configured_catalogue

CATALOGUE = configured_catalogue()
PROBLEMS = list(CATALOGUE.problems)
METHODS = [m.name for m in CATALOGUE.methods.values() if m.family != "test"]
PARAMETERS = list(CATALOGUE.parameters)

# Values that have broken validation arithmetic somewhere: zero and signed zero, subnormals, the
# edges of double precision, integers past it, and ordinary option parameters to combine them with.
EDGES = [0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-200, 1e-13, 1e-12, 1e12, 1e13, 1e200,
         1.7976931348623157e308, 2**53 + 1, 2**63, 2**64, 10**18, 10**400, -(10**400), 0.15, 0.03, 0.5, 1, 100,
         125, 0.999999, 1.0000001, -1, -0.2, 3, 30]

# Half the numbers are plausible option parameters, so that many requests get past the first check
# and reach the arithmetic of the later ones.
plausible = st.one_of(st.floats(min_value=0.005, max_value=2.5), st.floats(min_value=40, max_value=200),
                      st.sampled_from([0.15, 0.03, 0.5, 1, 2, 90, 100, 110, 125]))
extreme = st.one_of(
    st.sampled_from(EDGES),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.integers().map(lambda k: 10**min(abs(k), 500)),
)
numbers = st.one_of(plausible, extreme)
junk = st.one_of(st.text(max_size=12), st.booleans(), st.none(), st.just({}), st.lists(st.integers(), max_size=2))
names = st.one_of(st.sampled_from(PARAMETERS), st.sampled_from(PARAMETERS), st.text(max_size=8))


def mostly(common: st.SearchStrategy, rare: st.SearchStrategy) -> st.SearchStrategy:
    """``common`` nine times in ten, else ``rare``."""
    return st.sampled_from(range(10)).flatmap(lambda k: rare if k == 9 else common)


known_problems = mostly(st.sampled_from(PROBLEMS), st.text(max_size=6))
known_methods = mostly(st.sampled_from(METHODS), st.text(max_size=6))


def _param_value(name: str) -> st.SearchStrategy:
    if name == "S":
        point = st.one_of(numbers, numbers, numbers, st.lists(numbers, min_size=2, max_size=2),
                          st.lists(numbers, max_size=3), junk)
        return st.one_of(st.lists(point, min_size=1, max_size=5), st.lists(st.lists(numbers, min_size=2,
                         max_size=2), min_size=1, max_size=5), st.just([]), numbers, junk)
    return st.one_of(numbers, numbers, numbers, st.lists(numbers, max_size=2), junk)


def _params_for(problems: list[str]) -> st.SearchStrategy:
    """Parameters, mostly ones the chosen problems take."""
    taken = sorted({name for p in problems if p in CATALOGUE.problems for name in CATALOGUE.problems[p].defaults})
    chosen = mostly(st.sampled_from(taken), names) if taken else names
    return st.lists(chosen.flatmap(lambda name: st.tuples(st.just(name), _param_value(name))), max_size=4).map(dict)


@st.composite
def request_bodies(draw) -> dict[str, Any]:
    """A POST /runs body: known problems and methods mostly, any parameters, edge tolerances and repeats."""
    body: dict[str, Any] = {
        "problems": draw(st.lists(known_problems, min_size=0, max_size=3)),
    }
    if draw(st.booleans()):
        body["methods"] = draw(st.lists(known_methods, max_size=3))
    if draw(st.booleans()):
        body["params"] = draw(_params_for(body["problems"]))
    if draw(st.booleans()):
        body["tol"] = draw(st.one_of(st.floats(min_value=1e-8, max_value=0.1), numbers, junk))
    if draw(st.booleans()):
        body["repeat"] = draw(st.one_of(st.integers(1, 5), numbers, junk))
    body.update(draw(mostly(st.just({}), st.dictionaries(st.text(max_size=6), junk, max_size=1))))
    return body


def json_text(body: Any) -> bytes:
    """JSON as a careless client sends it: NaN and Infinity as bare words, integers of any length."""
    return json.dumps(body, allow_nan=True).encode()


def _argument(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(":".join(map(str, v)) if isinstance(v, list) else str(v) for v in value)
    return str(value)


texts = st.one_of(numbers.map(_argument), st.text(max_size=16),
                  st.sampled_from(["nan", "inf", "-inf", "1e999", "-1e999", "1e-400", "0x10", "1_000", "", " ",
                                   "90,,110", "100:", ":", "1:2:3", "9" * 400, "--", "-1"]))


@st.composite
def cli_arguments(draw) -> list[str]:
    """`benchop run ... --dry-run` arguments: problems, --param, --method, --tol, --repeat, anything."""
    problems = draw(mostly(st.lists(known_problems, min_size=1, max_size=3), st.just([])))
    argv = ["run", *problems]
    for name, value in draw(_params_for(problems)).items():
        value = draw(mostly(st.just(_argument(value)), texts))
        argv += ["--param", draw(mostly(st.just(f"{name}={value}"), st.just(value)))]
    for method in draw(st.lists(known_methods, max_size=2)):
        argv += ["--method", method]
    if draw(st.booleans()):
        argv += ["--tol", draw(mostly(st.floats(min_value=1e-8, max_value=0.1).map(str), texts))]
    if draw(st.booleans()):
        argv += ["--repeat", draw(mostly(st.integers(1, 20).map(str), texts))]
    argv += draw(mostly(st.just([]), st.tuples(st.sampled_from(["--workers", "--scheduler", "--bogus", "--json"]),
                                                texts).map(list)))
    return [*argv, "--dry-run"]
