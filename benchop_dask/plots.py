"""Bokeh plots of a run: figures for Python (``Run.plot``), ``json_item`` documents for the web page.

Both functions take the run as the JSON dict the service stores and serves
(``GET /runs/{id}``), so they draw a run in progress, a finished run and a run
read back from the store alike. The page draws the result with
``Bokeh.embed.embed_item(item, "div-id")``.
"""

from __future__ import annotations

import math
from typing import Any, Iterable

from bokeh.embed import json_item
from bokeh.models import ColumnDataSource, FactorRange, HoverTool, Legend, LogScale, Range1d, Span
from bokeh.palettes import Category20
from bokeh.plotting import figure

from .formatting import format_seconds
from .results import problem_order

# Category20 in pairs of a strong and a pale shade: the strong ones first, so
# up to ten methods get clearly different colours.
_PALETTE: tuple[str, ...] = tuple(Category20[20][0::2]) + tuple(Category20[20][1::2])
_MARKERS = ("circle", "square", "triangle", "diamond", "inverted_triangle", "hex", "star", "plus")
_ANSWERED = ("ok", "inaccurate")
_ERROR_FLOOR = 1e-16  # a relative error of 0 cannot sit on a log axis; drawn here instead
_BAR_HEIGHT_PX = 26


def _format_error(relerr: float | None) -> str:
    return "-" if relerr is None else f"{relerr:.2e}"


def _method_colors(run: dict[str, Any]) -> dict[str, str]:
    """One colour per method, the same in both plots (sorted names, so stable across runs)."""
    methods = sorted({r.get("method", "") for r in run.get("results") or []})
    return {m: _PALETTE[i % len(_PALETTE)] for i, m in enumerate(methods)}


def _tolerance(run: dict[str, Any]) -> float | None:
    for tol in (run.get("tol"), (run.get("request") or {}).get("tol")):  # the run's tightest; else as asked
        if isinstance(tol, list) and tol:
            tol = min(tol)
        if isinstance(tol, (int, float)) and tol > 0 and math.isfinite(tol):
            return float(tol)
    return None


def _is_positive(x: Any) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x) and x > 0


def _empty(fig: Any, title: str) -> Any:
    """An empty figure that says why it is empty.

    Fixed ranges: BokehJS cannot derive a log axis range from no data.
    """
    fig.title.text = f"{title}: no results yet"
    fig.x_range = Range1d(1e-4, 10)
    fig.y_range = Range1d(1e-10, 1) if isinstance(fig.y_scale, LogScale) else Range1d(0, 1)
    fig.scatter(x=[], y=[])  # an empty renderer: empty on purpose, not a plot missing its data
    return fig


def _passing_bars(run: dict[str, Any]) -> list[dict[str, Any]]:
    """Per problem (run order), the methods that met the tolerance, fastest first."""
    by_problem: dict[str, list[dict[str, Any]]] = {}
    for result in run.get("results") or []:
        if result.get("status") == "ok" and _is_positive(result.get("time")):
            by_problem.setdefault(result["problem"], []).append(result)
    bars: list[dict[str, Any]] = []
    for problem in problem_order(run):
        bars += sorted(by_problem.get(problem, []), key=lambda r: (r["time"], r["method"]))
    return bars


def time_to_tolerance(run: dict[str, Any]) -> dict[str, Any]:
    """:func:`time_to_tolerance_figure` as a ``json_item`` document."""
    return json_item(time_to_tolerance_figure(run))


def work_precision(run: dict[str, Any]) -> dict[str, Any]:
    """:func:`work_precision_figure` as a ``json_item`` document."""
    return json_item(work_precision_figure(run))


def time_to_tolerance_figure(run: dict[str, Any]) -> Any:
    """Horizontal bars: per problem, the time each method needs to reach the tolerance.

    Only the methods that met the tolerance, fastest on top of each problem's
    group, on a log time axis (the methods differ by orders of magnitude). A
    thin line across each bar shows the spread of the timed repeats.
    """
    tol = _tolerance(run)
    title = "Time to reach the tolerance" + (f" (relative error ≤ {tol:g})" if tol else "")
    bars = _passing_bars(run)
    if not bars:
        return _empty(figure(title=title, height=200, sizing_mode="stretch_width", x_axis_type="log",
                             x_axis_label="time (s)", toolbar_location=None), title)

    colors = _method_colors(run)
    factors = [(r["problem"], r["method"]) for r in bars]
    times = [float(r["time"]) for r in bars]
    low = [float(r["time_min"]) if _is_positive(r.get("time_min")) else t for r, t in zip(bars, times)]
    high = [float(r["time_max"]) if _is_positive(r.get("time_max")) else t for r, t in zip(bars, times)]
    left = 10 ** math.floor(math.log10(min(low)))  # bars on a log axis need a positive base
    right = max(high) * 1.6
    source = ColumnDataSource(data={
        "factor": factors,
        "problem": [r["problem"] for r in bars],
        "method": [r["method"] for r in bars],
        "time": times,
        "time_text": [format_seconds(t) for t in times],
        "time_min": low,
        "time_max": high,
        "left": [left] * len(bars),
        "level": [r.get("level") for r in bars],
        "relerr": [_format_error(r.get("relerr")) for r in bars],
        "digits": [r.get("digits") for r in bars],
        "color": [colors[r["method"]] for r in bars],
    })
    # A categorical y axis lists its factors from the bottom up: reverse them so
    # the first problem and its fastest method come first, on top.
    fig = figure(
        title=title, y_range=FactorRange(*reversed(factors), group_padding=1.2),
        x_axis_type="log", x_range=(left, right), x_axis_label="time (s)",
        height=_BAR_HEIGHT_PX * len(bars) + 40 * len({f[0] for f in factors}) + 90,
        sizing_mode="stretch_width", toolbar_location="above", tools="pan,wheel_zoom,reset,save",
    )
    fig.hbar(y="factor", left="left", right="time", height=0.7, color="color", source=source)
    fig.segment(x0="time_min", x1="time_max", y0="factor", y1="factor", color="black",
                line_width=1.5, source=source)
    fig.add_tools(HoverTool(tooltips=[
        ("problem", "@problem"), ("method", "@method"), ("level", "@level"),
        ("time", "@time_text"), ("relative error", "@relerr"), ("digits", "@digits"),
    ]))
    fig.ygrid.grid_line_color = None
    fig.yaxis.group_label_orientation = "horizontal"
    return fig


def _level_points(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The answered levels of one (problem, method) with a time to draw, lowest level first."""
    levels = [lv for lv in result.get("levels") or []
              if lv.get("status") in _ANSWERED and _is_positive(lv.get("time"))
              and isinstance(lv.get("relerr"), (int, float)) and math.isfinite(lv["relerr"])]
    return sorted(levels, key=lambda lv: lv.get("level", 0))


def _timed_text(level: dict[str, Any]) -> str:
    """How a level's time was taken: the deciding level over repeats, any other in one call."""
    if level.get("timing") == "repeated":
        return f"median of {len(level.get('times') or ())} calls"
    return "one call"


def _curves(run: dict[str, Any]) -> Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]:
    order = {p: i for i, p in enumerate(problem_order(run))}
    results = sorted(run.get("results") or [],
                     key=lambda r: (order.get(r.get("problem"), len(order)), r.get("method", "")))
    for result in results:
        points = _level_points(result)
        if points:
            yield result, points


def work_precision_figure(run: dict[str, Any]) -> Any:
    """Relative error against time, log-log: one line with markers per (problem, method).

    Each point is one resolution level the method answered (met the tolerance
    or not), so the curve shows how fast a method buys accuracy; its time is
    one call's, but for the level that decides the rank, timed over repeats
    (the hover says which); a dashed
    horizontal line marks the run's tolerance.
    """
    tol = _tolerance(run)
    title = "Work-precision: relative error against time"
    fig = figure(
        title=title, x_axis_type="log", y_axis_type="log", x_axis_label="time (s)",
        y_axis_label="relative error (max over the points)", height=480,
        sizing_mode="stretch_width", toolbar_location="above", tools="pan,wheel_zoom,box_zoom,reset,save",
    )
    if tol:
        fig.add_layout(Span(location=tol, dimension="width", line_color="#c0392b",
                            line_dash="dashed", line_width=1.5, name="tolerance"))
    curves = list(_curves(run))
    if not curves:
        return _empty(fig, title)

    colors = _method_colors(run)
    problems = problem_order(run)
    several = len({r["problem"] for r, _ in curves}) > 1
    items = []
    for result, points in curves:
        problem, method = result["problem"], result["method"]
        marker = _MARKERS[problems.index(problem) % len(_MARKERS)] if problem in problems else "circle"
        relerr = [float(lv["relerr"]) for lv in points]
        source = ColumnDataSource(data={
            "time": [float(lv["time"]) for lv in points],
            "relerr": relerr,
            "relerr_plot": [max(e, _ERROR_FLOOR) for e in relerr],
            "relerr_text": [_format_error(e) for e in relerr],
            "time_text": [format_seconds(float(lv["time"])) for lv in points],
            "level": [lv.get("level") for lv in points],
            "timed": [_timed_text(lv) for lv in points],
            "status": [lv.get("status") for lv in points],
            "method": [method] * len(points),
            "problem": [problem] * len(points),
        }, name=f"{problem}/{method}")
        color = colors.get(method, _PALETTE[0])
        line = fig.line("time", "relerr_plot", source=source, color=color, line_width=2)
        dots = fig.scatter("time", "relerr_plot", source=source, color=color, marker=marker, size=8)
        items.append((f"{method} ({problem})" if several else method, [line, dots]))
    fig.add_tools(HoverTool(tooltips=[
        ("problem", "@problem"), ("method", "@method"), ("level", "@level"), ("status", "@status"),
        ("time", "@time_text (@timed)"), ("relative error", "@relerr_text"),
    ]))
    legend = Legend(items=items, click_policy="hide", label_text_font_size="9pt", spacing=1)
    fig.add_layout(legend, "right")
    return fig
