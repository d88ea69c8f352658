"""Show a run's results: a readable table, or one JSON document."""

from __future__ import annotations

import json
from typing import Any, Iterable

from .catalogue import Catalogue
from .formatting import format_seconds
from .results import PairResult, RunResult
from .validation import RunPlan


def _fmt_params(params: dict[str, Any]) -> str:
    parts = []
    for name, value in params.items():
        if isinstance(value, list):
            items = [":".join(f"{x:g}" for x in v) if isinstance(v, list) else f"{v:g}" for v in value]
            parts.append(f"{name}={','.join(items)}")
        else:
            parts.append(f"{name}={value:g}")
    return " ".join(parts)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]


def _result_rows(results: Iterable[PairResult]) -> list[list[str]]:
    rows = [["rank", "method", "status", "time", "repeats min-max", "relerr", "digits", "level", "note"]]
    rank = 0
    for r in results:
        if r.status == "ok":
            rank += 1
        spread = f"{format_seconds(r.time_min)} - {format_seconds(r.time_max)}" if r.time_min is not None else "-"
        rows.append([
            str(rank) if r.status == "ok" else "-",
            r.method,
            r.status,
            format_seconds(r.time),
            spread,
            "-" if r.relerr is None else f"{r.relerr:.1e}",
            "-" if r.digits is None else str(r.digits),
            "-" if r.level is None else str(r.level),
            (r.error or "")[:60],
        ])
    return rows


def format_run(run: RunResult) -> str:
    tols = f"{run.tol:g}" if len(run.rankings) < 2 else \
        f"{', '.join(f'{t:g}' for t in run.rankings)} (the table at {run.tol:g})"
    lines = [f"tolerance {tols}, the max relative error over the points; the deciding level of each method "
             f"timed over at least {run.repeats} calls after a warm-up, every other level called once; "
             f"{run.tasks} tasks, {run.worker_seconds:.3g} worker seconds"]
    for problem in run.problems:
        lines.append("")
        lines.append(f"{problem.id}: {problem.title}")
        lines.append(f"  {_fmt_params(problem.params)}")
        if problem.reference_error:
            lines.append(f"  reference: {problem.reference_error}")
        else:
            ref = ", ".join(f"{v:.10g}" for v in problem.reference)
            lines.append(f"  reference ({problem.reference_source}): {ref}")
        results = [r for r in run.results if r.problem == problem.id]
        lines.extend("  " + line for line in _table(_result_rows(results)))
    if len(run.tolerances) > 1:
        lines += ["", "rankings at each tolerance of the run (from the same levels; fastest first):"]
        for verdict in run.tolerances:
            times = {(r.problem, r.method): r.time for r in verdict.results}
            for problem_id, methods in verdict.ranking.items():
                ranked = ", ".join(f"{m} {format_seconds(times[(problem_id, m)])}" for m in methods)
                lines.append(f"  tol {verdict.tol:<8g} {problem_id}: {ranked or 'none met it'}")
    return "\n".join(lines)


def format_json(run: RunResult) -> str:
    return json.dumps(run.to_json(), indent=2)


def plan_json(plan: RunPlan) -> dict[str, Any]:
    """What a run would do, before anything is submitted."""
    return {
        "problems": [{"id": inst.id, "params": inst.params} for inst in plan.instances],
        "pairs": [{"problem": inst.id, "method": m.name, "levels": {"default": m.default_level, "max": m.max_level}}
                  for inst, m in plan.pairs],
        "unsupported": [{"problem": u.instance.id, "method": u.method, "reason": u.reason} for u in plan.unsupported],
        "tol": plan.tol, "tols": list(plan.tols), "repeats": plan.repeats, "max_tasks": plan.max_tasks,
        "work": plan.work,
    }


def format_plan(plan: RunPlan) -> str:
    lines = [f"tolerance {', '.join(f'{t:g}' for t in plan.tols)}, {plan.repeats} timed repeats; at most {plan.max_tasks} tasks "
             f"({plan.work} timed calls) if every method climbs to its top level"]
    for inst in plan.instances:
        lines += ["", f"{inst.id}: {inst.problem.title}", f"  {_fmt_params(inst.params)}"]
        rows = [["method", "levels", "note"]]
        rows += [[m.name, f"1-{m.max_level} (from {m.default_level})", ""] for i, m in plan.pairs if i is inst]
        rows += [[u.method, "-", u.reason] for u in plan.unsupported if u.instance is inst]
        lines.extend("  " + line for line in _table(rows))
    return "\n".join(lines)


def format_problems(catalogue: Catalogue) -> str:
    rows = [["problem", "title", "default parameters", "methods"]]
    for problem in catalogue.problems.values():
        methods = ", ".join(m.name for m in catalogue.methods_for(problem.id)) or "(none yet)"
        rows.append([problem.id, problem.title, _fmt_params(problem.defaults), methods])
    lines = _table(rows)
    lines.append("")
    lines.append("parameters:")
    for spec in catalogue.parameters.values():
        lines.append(f"  {spec.name:8} {spec.description}; {spec.range_text()}")
    return "\n".join(lines)


def format_methods(catalogue: Catalogue) -> str:
    rows = [["method", "family", "levels", "problems"]]
    for m in catalogue.methods.values():
        rows.append([m.name, m.family, f"1-{m.max_level} (default {m.default_level})", ", ".join(m.problems)])
    lines = _table(rows)
    limited = [m for m in catalogue.methods.values() if m.domain.max_depth]
    if limited:
        lines += ["", "validated depth out of the money (standard deviations of ln S_T; deeper points are "
                      "'unsupported' at these tolerances):"]
        for m in limited:
            head = f"  {m.name:7} tol <= {m.domain.tol:g}: "
            line = head
            for problem_id, depth in m.domain.max_depth.items():
                item = f"{problem_id} {depth:g}"
                if len(line) + len(item) > 100 and line.strip():
                    lines.append(line.rstrip(", ") + ",")
                    line = " " * len(head)
                line += item + ", "
            lines.append(line.rstrip(", "))
    return "\n".join(lines)


def format_evaluation(record: dict[str, Any]) -> str:
    """An uploaded method's version and the verdict of its evaluation, as GET /methods/{name} gives them."""
    evaluation = record.get("evaluation") or {}
    lines = [f"{record['name']} version {record['version']} (owner {record['owner']}): {record['status']}"]
    lines += [f"  {line}" for line in evaluation.get("summary", [])]
    tests = evaluation.get("tests") or {}
    if tests.get("verdict") in ("failed", "error"):
        lines.append("  tests said: " + (tests.get("error") or "") + ("\n" + tests["output"] if tests.get("output") else ""))
    if evaluation.get("error"):
        lines.append(f"  the evaluation failed: {evaluation['error']}")
    return "\n".join(lines)


def format_machines(comparison: Any) -> str:
    """A :class:`~.machines.MachineComparison`: per problem, each kind's ranking side by side and their rank
    correlation; then each kind's run in full."""
    machines = list(comparison.machines)
    kinds = "machine kind" if len(machines) == 1 else "machine kinds"
    lines = [f"the same request on {len(machines)} {kinds}: {', '.join(machines)}"]
    for problem, by_machine in comparison.rankings.items():
        rho = comparison.correlation.get(problem)
        lines += ["", f"{problem}: rank correlation {'-' if rho is None else f'{rho:.2f}'}"]
        depth = max((len(order) for order in by_machine.values()), default=0)
        rows = [["rank", *machines]] + [[str(i + 1), *(by_machine[m][i] if i < len(by_machine[m]) else "-"
                                                       for m in machines)] for i in range(depth)]
        lines += ["  " + row for row in _table(rows)]
    for machine in machines:
        lines += ["", f"== on {machine} ==", format_run(comparison.runs[machine])]
    return "\n".join(lines)


def machines_json(comparison: Any) -> str:
    """A :class:`~.machines.MachineComparison` as one JSON document."""
    return json.dumps({"machines": list(comparison.machines), "rankings": comparison.rankings,
                       "correlation": comparison.correlation,
                       "runs": {m: run.to_json() for m, run in comparison.runs.items()}}, indent=2)
