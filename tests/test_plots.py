"""The Bokeh plots of a run carry the run's numbers: bar lengths, level points, the tolerance."""

from __future__ import annotations

import json
from typing import Any, Iterator

from benchop_dask.formatting import format_seconds
from benchop_dask.plots import time_to_tolerance, work_precision


def _level(level: int, status: str, relerr: float | None, time: float | None) -> dict[str, Any]:
    return {"level": level, "status": status, "prices": [1.0], "relerr": relerr, "time": time,
            "times": [time] if time else [], "info": {}, "error": None, "worker": "node-1"}


def _pair(problem: str, method: str, status: str, time: float | None, levels: list[dict]) -> dict[str, Any]:
    chosen = levels[-1] if levels else {}
    return {"problem": problem, "method": method, "status": status, "prices": [1.0], "reference": [1.0],
            "relerr": chosen.get("relerr"), "time": time, "level": chosen.get("level"), "error": None,
            "digits": 5, "time_min": time, "time_max": time, "levels": levels}


def _run() -> dict[str, Any]:
    results = [
        _pair("1a-I", "FD", "ok", 0.040, [_level(3, "inaccurate", 2e-3, 0.01), _level(4, "ok", 5e-5, 0.04)]),
        _pair("1a-I", "COS", "ok", 0.002, [_level(1, "inaccurate", 1e-2, 0.001), _level(2, "inaccurate", 1e-3, 0.0015),
                                            {**_level(3, "ok", 1e-7, 0.002), "timing": "repeated",
                                             "times": [0.002] * 25}]),
        _pair("1a-I", "MC-S", "inaccurate", 1.5, [_level(4, "inaccurate", 3e-3, 1.5), _level(5, "timeout", None, None)]),
        _pair("4", "FD", "ok", 0.3, [_level(4, "ok", 8e-5, 0.3)]),
        _pair("4", "RBF", "error", None, [_level(4, "error", None, None)]),
    ]
    return {"id": "run-1", "status": "done", "request": {"problems": ["1a-I", "4"], "tol": 1e-4, "repeat": 3},
            "problems": [{"id": "1a-I", "title": "European call", "params": {}},
                         {"id": "4", "title": "Heston", "params": {}}],
            "results": results, "ranking": {"1a-I": ["COS", "FD"], "4": ["FD"]}}


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every serialised Bokeh model in a json_item document."""
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for item in node:
            yield from _objects(item)


def _sources(item: dict[str, Any]) -> list[dict[str, list]]:
    """The data of every ColumnDataSource, as plain dicts of columns."""
    return [dict(obj["attributes"]["data"]["entries"]) for obj in _objects(item)
            if obj["name"] == "ColumnDataSource" and obj.get("attributes", {}).get("data")]


def _figure(item: dict[str, Any]) -> dict[str, Any]:
    (root,) = item["doc"]["roots"]
    assert root["name"] == "Figure"
    return root


def _title(item: dict[str, Any]) -> str:
    return _figure(item)["attributes"]["title"]["attributes"]["text"]


def test_time_bars_are_the_passing_methods_fastest_first():
    item = time_to_tolerance(_run())
    json.dumps(item)  # the API sends it as it is
    assert item["root_id"] == _figure(item)["id"]
    (bars,) = [s for s in _sources(item) if "factor" in s]
    assert bars["factor"] == [["1a-I", "COS"], ["1a-I", "FD"], ["4", "FD"]]
    assert bars["time"] == [0.002, 0.040, 0.3]
    assert all(left < t for left, t in zip(bars["left"], bars["time"]))
    assert "MC-S" not in bars["method"] and "RBF" not in bars["method"]


def test_time_axis_is_log_and_lists_every_bar_top_down():
    item = time_to_tolerance(_run())
    attrs = _figure(item)["attributes"]
    assert attrs["x_scale"]["name"] == "LogScale"
    assert attrs["sizing_mode"] == "stretch_width"
    assert attrs["y_range"]["attributes"]["factors"] == [["4", "FD"], ["1a-I", "FD"], ["1a-I", "COS"]]
    hover = [o for o in _objects(item) if o["name"] == "HoverTool"]
    assert hover and "@method" in json.dumps(hover[0])


def test_work_precision_has_one_point_per_answered_level():
    item = work_precision(_run())
    json.dumps(item)
    curves = {(s["problem"][0], s["method"][0]): s for s in _sources(item) if "relerr" in s}
    assert set(curves) == {("1a-I", "FD"), ("1a-I", "COS"), ("1a-I", "MC-S"), ("4", "FD")}
    cos = curves[("1a-I", "COS")]
    assert cos["level"] == [1, 2, 3]
    assert cos["time"] == [0.001, 0.0015, 0.002]
    assert cos["relerr"] == [1e-2, 1e-3, 1e-7]
    assert cos["timed"] == ["one call", "one call", "median of 25 calls"]
    assert curves[("1a-I", "MC-S")]["level"] == [4]  # the time-out has no point
    attrs = _figure(item)["attributes"]
    assert attrs["x_scale"]["name"] == "LogScale" and attrs["y_scale"]["name"] == "LogScale"


def test_work_precision_marks_the_tolerance():
    item = work_precision(_run())
    (span,) = [o for o in _objects(item) if o["name"] == "Span"]
    assert span["attributes"]["location"] == 1e-4
    assert span["attributes"].get("dimension", "width") == "width"  # the default is left out


def test_a_run_without_results_gives_an_empty_figure():
    run = {"id": "run-2", "status": "queued", "request": {"problems": ["1a-I"], "tol": 1e-4},
           "problems": [], "results": [], "ranking": {}}
    for draw in (time_to_tolerance, work_precision):
        item = draw(run)
        json.dumps(item)
        assert "no results yet" in _title(item)
        assert not [s for s in _sources(item) if any(s.values())]


def test_a_run_with_only_failures_has_no_bars():
    run = _run()
    run["results"] = [r for r in run["results"] if r["status"] != "ok"]
    assert "no results yet" in _title(time_to_tolerance(run))
    assert "no results yet" not in _title(work_precision(run))  # the inaccurate levels still count


def test_format_seconds():
    assert format_seconds(1.5) == "1.5 s"
    assert format_seconds(0.0123) == "12.3 ms"
    assert format_seconds(8.5e-5) == "85 µs"
    assert format_seconds(None) == "-"
