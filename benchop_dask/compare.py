"""Compare the rankings of two runs: does the order change with these parameters, or on these workers?

:func:`compare_runs` takes two runs as the JSON dicts the service stores
(``GET /runs/{id}``) and answers, per problem present in both, how far the two
rankings agree (Spearman's rank correlation over the methods ranked in both),
which methods moved, and what differs between the runs that could explain it:
the problem's parameters, the tolerance and repeats, and the workers (hosts,
CPU) they ran on. Pure Python: no scipy for one formula.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from .formatting import format_seconds
from .results import problem_order

# Keys under which a run's environment (or a worker record in it) names a host or a CPU.
_HOST_KEYS = ("host", "hostname", "node", "worker_host")
_CPU_KEYS = ("cpu", "cpu_model", "processor")


def spearman(order_a: Sequence[str], order_b: Sequence[str]) -> float | None:
    """Spearman's rank correlation of the items ranked in both orders, ``None`` below two.

    Both orders are restricted to their common items and re-ranked 1..n, so a
    method ranked in only one run does not shift the others. Rankings have no
    ties, hence ``1 - 6 Σd² / (n (n² - 1))``.
    """
    common_b = set(order_b)
    a = [m for m in order_a if m in common_b]
    common = set(a)
    b = [m for m in order_b if m in common]
    n = len(a)
    if n < 2:
        return None
    rank_b = {m: i for i, m in enumerate(b)}
    d2 = sum((i - rank_b[m]) ** 2 for i, m in enumerate(a))
    return 1.0 - 6.0 * d2 / (n * (n * n - 1))


def _value_text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ",".join(":".join(_value_text(x) for x in v) if isinstance(v, (list, tuple)) else _value_text(v)
                        for v in value)
    return str(value)


def _differences(a: dict[str, Any], b: dict[str, Any]) -> list[dict[str, Any]]:
    """``[{"name", "a", "b"}]`` for every key whose value differs (missing counts as ``None``)."""
    return [{"name": k, "a": a.get(k), "b": b.get(k)}
            for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def _problem_params(run: dict[str, Any], problem: str) -> dict[str, Any]:
    """The parameters a problem actually ran with: the run's record, else the request's."""
    for record in run.get("problems") or []:
        if record.get("id") == problem and isinstance(record.get("params"), dict):
            return record["params"]
    return dict((run.get("request") or {}).get("params") or {})


def _request_settings(run: dict[str, Any]) -> dict[str, Any]:
    request = run.get("request") or {}
    return {"tol": request.get("tol", run.get("tol")), "repeat": request.get("repeat", run.get("repeats"))}


def _collect(node: Any, keys: tuple[str, ...], found: set[str]) -> None:
    """Every scalar value found under one of ``keys`` anywhere inside ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and not isinstance(value, (dict, list)):
                found.add(str(value))
            else:
                _collect(value, keys, found)
    elif isinstance(node, list):
        for item in node:
            _collect(item, keys, found)


def _scalars(env: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """The environment's scalar settings (versions, counts), by dotted path; lists as sorted JSON."""
    out: dict[str, Any] = {}
    for key, value in env.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            if key != "workers":  # workers are summarised as hosts and CPUs
                out.update(_scalars(value, path + "."))
        elif isinstance(value, list):
            if all(not isinstance(v, (dict, list)) for v in value):
                out[path] = json.dumps(sorted(map(str, value)))
        elif key not in _HOST_KEYS and key not in _CPU_KEYS:
            out[path] = value
    return out


def environment_facts(run: dict[str, Any]) -> dict[str, Any]:
    """What a run ran on: worker hosts, CPUs, worker count and other environment settings.

    Hosts come from the environment record and from the ``worker`` every
    level result names, so a run stored without an environment still tells.
    """
    env = run.get("environment") or {}
    hosts: set[str] = set()
    _collect(env, _HOST_KEYS, hosts)
    for result in run.get("results") or []:
        for level in result.get("levels") or []:
            if level.get("worker"):
                hosts.add(str(level["worker"]))
    cpus: set[str] = set()
    _collect(env, _CPU_KEYS, cpus)
    workers = env.get("workers")
    facts: dict[str, Any] = {"hosts": sorted(hosts), "cpu": sorted(cpus)}
    facts["workers"] = len(workers) if isinstance(workers, (list, dict)) else workers
    facts.update(_scalars(env))
    return facts


def _environment_differences(fa: dict[str, Any], fb: dict[str, Any]) -> list[dict[str, Any]]:
    """Differences, ignoring what one side does not record (nothing to compare there)."""
    return [d for d in _differences(fa, fb) if d["a"] not in (None, []) and d["b"] not in (None, [])]


def _times(run: dict[str, Any], problem: str) -> dict[str, float | None]:
    return {r.get("method"): r.get("time") for r in run.get("results") or [] if r.get("problem") == problem}


def _moved(order_a: list[str], order_b: list[str], times_a: dict, times_b: dict) -> list[dict[str, Any]]:
    """Methods whose place among the methods ranked in both runs changed, in a's order."""
    common = [m for m in order_a if m in set(order_b)]
    common_b = [m for m in order_b if m in set(common)]
    return [
        {"method": m, "rank_a": order_a.index(m) + 1, "rank_b": order_b.index(m) + 1,
         "time_a": times_a.get(m), "time_b": times_b.get(m),
         "time_a_text": format_seconds(times_a.get(m)), "time_b_text": format_seconds(times_b.get(m))}
        for i, m in enumerate(common) if common_b.index(m) != i
    ]


def _causes(params: list[dict], settings: list[dict], env: list[dict]) -> str:
    parts = [f"{d['name']} {_value_text(d['a'])} → {_value_text(d['b'])}" for d in params + settings]
    text = f"with {', '.join(parts)}" if parts else "with the same parameters"
    if env:
        text += "; on different workers (" + ", ".join(
            f"{d['name']} {_value_text(d['a'])} → {_value_text(d['b'])}" for d in env) + ")"
    else:
        text += " on the same workers"
    return text


def _summary(rho: float | None, n_common: int, moved: list[dict], causes: str, same_setup: bool) -> str:
    """One line answering: does the ranking change, and with what?"""
    if rho is None:
        return f"Too few methods ranked in both runs ({n_common}) to compare the order, {causes}."
    if not moved:
        return f"Same order of the {n_common} methods ranked in both (Spearman 1.00), {causes}."
    moves = ", ".join(f"{m['method']} {m['rank_a']}→{m['rank_b']}" for m in moved)
    verdict = "The order changes slightly" if rho >= 0.8 else "The order changes"
    tail = " (so timing noise alone moved them)" if same_setup else ""
    return f"{verdict} (Spearman {rho:.2f}; {moves}) {causes}{tail}."


def _compare_problem(a: dict[str, Any], b: dict[str, Any], problem: str,
                     settings: list[dict], env: list[dict]) -> dict[str, Any]:
    order_a = list((a.get("ranking") or {}).get(problem) or [])
    order_b = list((b.get("ranking") or {}).get(problem) or [])
    rho = spearman(order_a, order_b)
    moved = _moved(order_a, order_b, _times(a, problem), _times(b, problem))
    params = _differences(_problem_params(a, problem), _problem_params(b, problem))
    n_common = len(set(order_a) & set(order_b))
    same_setup = not (params or settings or env)
    return {
        "problem": problem,
        "spearman": rho,
        "common": n_common,
        "moved": moved,
        "only_a": [m for m in order_a if m not in order_b],
        "only_b": [m for m in order_b if m not in order_a],
        "params": params,
        "summary": _summary(rho, n_common, moved, _causes(params, settings, env), same_setup),
    }


def _run_label(run: dict[str, Any]) -> dict[str, Any]:
    return {k: run.get(k) for k in ("id", "status", "created", "finished")}


def compare_runs(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Per problem in both runs: rank correlation, moved methods, and what differs between the runs.

    Returns ``{"a", "b", "problems": [...], "only_in_a", "only_in_b",
    "settings", "environment"}``; each problem entry has ``spearman`` (``None``
    with fewer than two methods ranked in both), ``moved`` (``method``,
    ``rank_a``, ``rank_b`` as places in each full ranking, and the times),
    ``only_a`` / ``only_b`` (methods ranked in one run only), ``params`` (the
    problem's parameter differences) and a one-line ``summary``.
    """
    settings = _differences(_request_settings(a), _request_settings(b))
    env = _environment_differences(environment_facts(a), environment_facts(b))
    problems_a, problems_b = problem_order(a), problem_order(b)
    return {
        "a": _run_label(a),
        "b": _run_label(b),
        "problems": [_compare_problem(a, b, p, settings, env) for p in problems_a if p in problems_b],
        "only_in_a": [p for p in problems_a if p not in problems_b],
        "only_in_b": [p for p in problems_b if p not in problems_a],
        "settings": settings,
        "environment": env,
    }
