"""The installed package carries the Octave tree and both sides share one catalogue."""

from __future__ import annotations

import json
from importlib.metadata import distribution
from pathlib import Path

import benchop_dask
from benchop_dask.catalogue import load_catalogue
from benchop_dask.octave_tree import octave_tree

TEST_METHODS = Path(__file__).resolve().parent / "octave_methods"

SPEC_IDS = [
    "1a-I", "1a-II", "1a-I-delta", "1a-I-gamma", "1a-I-vega", "1a-II-delta", "1a-II-gamma", "1a-II-vega",
    "1b-I", "1b-II", "1c-I", "1c-II", "2-eu", "2-am", "3-I", "3-II", "4", "5", "6",
]


def _editable_install() -> bool:
    direct_url = distribution("benchop-dask").read_text("direct_url.json")
    return bool(direct_url) and json.loads(direct_url).get("dir_info", {}).get("editable", False)


def test_tree_ships_inside_the_installed_package():
    package_dir = Path(benchop_dask.__file__).resolve().parent
    tree = octave_tree()
    if not _editable_install():  # as scripts/setup installs it, and as on a worker
        assert "site-packages" in str(package_dir)
        assert tree == package_dir / "octave"
    assert (tree / "benchop_solve.m").is_file()
    assert (tree / "catalogue.json").is_file()


def test_catalogue_has_every_problem_with_its_reference():
    cat = load_catalogue()
    assert sorted(cat.problems) == sorted(SPEC_IDS)
    for problem in cat.problems.values():
        assert len(problem.reference) == len(problem.defaults["S"])
        assert set(problem.defaults) <= set(cat.parameters)
    assert cat.problems["1a-I"].reference == (2.758443856146076, 7.485087593912603, 14.702019669720769)
    assert cat.problems["6"].point_dim == 2
    assert cat.problems["1c-I"].defaults["B"] == 125


def test_problem_one_has_cos_fd_and_mcs():
    cat = load_catalogue()
    problem_one = [i for i in SPEC_IDS if i.startswith("1")]
    for name in ("COS", "FD", "MC-S"):
        assert set(problem_one) <= set(cat.methods[name].problems), name


def test_octave_and_python_agree_on_the_registry(octave):
    cat = load_catalogue((str(TEST_METHODS),))
    registry = octave.call("benchop_methods")
    names = registry["name"]
    names = [names] if isinstance(names, str) else list(names.ravel()) if hasattr(names, "ravel") else list(names)
    assert sorted(str(n) for n in names) == sorted(cat.methods)
    problem = octave.call("benchop_problem", "1c-II")
    assert float(problem["B"]) == 125.0
    assert problem["barrier"] == "up-and-out"
