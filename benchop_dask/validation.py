"""Check a run request against the catalogue and turn it into a run plan.

Everything a user can type is checked here, before anything is submitted:
problem ids and method names against the catalogue (a whitelist: no user
string ever reaches Octave as code), parameter names, types and ranges, and
the constraints between parameters.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import dask.config
import numpy as np

from .catalogue import Catalogue, Method, ParameterSpec, ParamValue, Problem


class BadRequest(ValueError):
    """A request that cannot be run; ``messages`` holds one line per fault."""

    def __init__(self, messages: str | Sequence[str]):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


@dataclass(frozen=True)
class RunRequest:
    """What a user asks for. ``tol``: one relative error to reach, or several
    (the run climbs to the smallest and ranks at each); ``tol`` and ``repeats``
    left None take the ``benchop.tolerance`` and ``benchop.repeats`` settings."""

    problems: Sequence[str]
    methods: Sequence[str] = ()
    params: Mapping[str, Any] = field(default_factory=dict)
    tol: float | Sequence[float] | None = None
    repeats: int | None = None
    machine: str | None = None  # run only on workers of this machine kind (machines.py); None: on any


@dataclass(frozen=True)
class ProblemInstance:
    """A catalogue problem with the parameters of this run filled in."""

    problem: Problem
    params: dict[str, ParamValue]

    @property
    def id(self) -> str:
        return self.problem.id

    @property
    def is_default(self) -> bool:
        return self.params == _as_floats(self.problem.defaults)

    @property
    def key(self) -> str:
        """A stable digest of (problem, parameters), for caching references."""
        text = json.dumps({"id": self.id, "params": self.params}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def octave_struct(self) -> dict[str, Any]:
        """The problem struct the Octave solvers receive."""
        struct: dict[str, Any] = self.problem.descriptors()
        for name, value in self.params.items():
            if name == "S":
                points = np.asarray(value, dtype=float)
                struct[name] = points.reshape(1, -1) if points.ndim == 1 else points
            else:
                struct[name] = float(value)  # type: ignore[arg-type]
        return struct


@dataclass(frozen=True)
class Unsupported:
    """A requested (problem, method) pair that will not run, and why."""

    instance: ProblemInstance
    method: str
    reason: str


@dataclass(frozen=True)
class RunPlan:
    instances: tuple[ProblemInstance, ...]
    pairs: tuple[tuple[ProblemInstance, Method], ...]
    unsupported: tuple[Unsupported, ...]
    tol: float  # the tightest tolerance: the one the levels climb to
    repeats: int
    tols: tuple[float, ...] = ()  # every tolerance ranked at, loosest first; () means (tol,)
    machine: str | None = None  # the machine kind whose workers run the tasks; None: any worker

    def __post_init__(self) -> None:
        if not self.tols:
            object.__setattr__(self, "tols", (self.tol,))

    @property
    def max_tasks(self) -> int:
        """The most pricing tasks the run can submit: every pair climbing to its method's top level."""
        return sum(method.max_level for _, method in self.pairs)

    @property
    def work(self) -> int:
        """The most timed calls the run can make (tasks x repeats): what a service caps."""
        return self.max_tasks * self.repeats


def _add_pair(pairs: list[tuple[ProblemInstance, Method]], unsupported: list[Unsupported],
              instance: ProblemInstance, method: Method, tol: float) -> None:
    """Plan ``method`` on ``instance``, unless the parameters lie outside its validated domain."""
    why = method.domain.outside(method.name, instance.problem, instance.params, tol)
    if why:
        unsupported.append(Unsupported(instance, method.name, why))
    else:
        pairs.append((instance, method))


def _as_floats(params: Mapping[str, Any]) -> dict[str, ParamValue]:
    out: dict[str, ParamValue] = {}
    for name, value in params.items():
        if isinstance(value, list):
            out[name] = [[float(x) for x in v] if isinstance(v, list) else float(v) for v in value]
        else:
            out[name] = float(value)
    return out


# Timed calls of a deciding level a request may ask for, and the most
# tolerances one run ranks at (each may time one more level per pair).
REPEATS_RANGE = (1, 100)
MAX_TOLERANCES = 5
# A tolerance lies strictly between these (a relative error).
TOL_RANGE = (0.0, 1.0)

# Every number a request gives is 0 or lies between these magnitudes. Inside
# them, the parameters' ranges and the arithmetic done on them here (logs,
# squares, products and quotients of a few of them) stay far from overflow,
# underflow and subnormals; no option parameter needs more.
SMALLEST_MAGNITUDE = 1e-12
LARGEST_MAGNITUDE = 1e12


def shown(value: Any, width: int = 40) -> str:
    """A user's value in a message: short, and safe for integers of any length."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    try:
        text = repr(value)
    except ValueError:  # an integer too long for Python to print
        return "a value too long to show"
    return text if len(text) <= width else text[: width - 3] + "..."


def _number(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadRequest(f"parameter {name} must be a number, got {shown(value)}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise BadRequest(f"parameter {name} must be a finite number, got {shown(value)}")
    if number != 0 and not SMALLEST_MAGNITUDE <= abs(number) <= LARGEST_MAGNITUDE:
        raise BadRequest(f"parameter {name}={number:g} is out of range: numbers must be 0 or between "
                         f"{SMALLEST_MAGNITUDE:g} and {LARGEST_MAGNITUDE:g} in size")
    return number


def _check_range(spec: ParameterSpec, value: float, label: str) -> None:
    if not spec.admits(value):
        raise BadRequest(f"{label}={value:g} is out of range: it must be {spec.range_text()}")


def _points(spec: ParameterSpec, value: Any, dim: int, problem_id: str) -> list:
    if not isinstance(value, (list, tuple)) or not value:
        raise BadRequest(f"parameter S must be a non-empty list of evaluation points, got {shown(value)}")
    if spec.max_count is not None and len(value) > spec.max_count:
        raise BadRequest(f"parameter S has {len(value)} points; at most {spec.max_count} are allowed")
    points: list = []
    for item in value:
        if dim == 1:
            if isinstance(item, (list, tuple)):
                raise BadRequest(f"problem {problem_id} takes single spot prices in S, not pairs")
            x = _number("S", item)
            _check_range(spec, x, "S")
            points.append(x)
        else:
            if not isinstance(item, (list, tuple)) or len(item) != dim:
                raise BadRequest(
                    f"problem {problem_id} takes S as a list of [S1, S2] pairs "
                    f"(on the command line: S=100:90,100:110), got {shown(item)}"
                )
            pair = [_number("S", x) for x in item]
            for x in pair:
                _check_range(spec, x, "S")
            points.append(pair)
    return points


def _check_constraints(instance: ProblemInstance) -> None:
    p = instance.params
    for constraint in instance.problem.constraints:
        if constraint == "barrier-above-strike" and not p["B"] > p["K"]:
            raise BadRequest(
                f"problem {instance.id}: the barrier B={p['B']:g} must lie above the strike K={p['K']:g}"
            )
        if constraint == "points-below-barrier":
            above = [s for s in p["S"] if s >= p["B"]]  # type: ignore[union-attr, operator]
            if above:
                raise BadRequest(
                    f"problem {instance.id}: evaluation points {above} are at or above the barrier B={p['B']:g}"
                )


def _tolerances(value: Any) -> tuple[float, ...]:
    """One tolerance or several, checked, distinct and loosest first (None: ``benchop.tolerance``)."""
    if value is None:
        value = dask.config.get("benchop.tolerance")
    values = list(value) if isinstance(value, (list, tuple)) else [value]
    if not values:
        raise BadRequest("tol must be a number or a non-empty list of numbers")
    if len(values) > MAX_TOLERANCES:
        raise BadRequest(f"tol lists {len(values)} tolerances; at most {MAX_TOLERANCES} are allowed")
    tols = set()
    for item in values:
        tol = _number("tol", item)
        low, high = TOL_RANGE
        if not low < tol < high:
            raise BadRequest(f"tol={tol:g} is out of range: it must be > {low:g} and < {high:g}")
        tols.add(tol)
    return tuple(sorted(tols, reverse=True))


def _pick(known: Mapping[str, Any], names: Sequence[str], what: str) -> list[str]:
    picked: list[str] = []
    for name in names:
        if not isinstance(name, str) or name not in known:
            raise BadRequest(f"unknown {what} {shown(name)} (valid: {', '.join(known)})")
        if name not in picked:
            picked.append(name)
    return picked


def validate(request: RunRequest, catalogue: Catalogue) -> RunPlan:
    """Check ``request``; return the plan or raise :class:`BadRequest`."""
    from .machines import check_label

    if not request.problems:
        raise BadRequest(f"name at least one problem (valid: {', '.join(catalogue.problems)})")
    machine = None if request.machine is None else check_label(request.machine)
    problem_ids = _pick(catalogue.problems, request.problems, "problem")
    method_names = _pick(catalogue.methods, request.methods, "method")

    tols = _tolerances(request.tol)
    tol = tols[-1]
    repeats = dask.config.get("benchop.repeats") if request.repeats is None else request.repeats
    low, high = REPEATS_RANGE
    if isinstance(repeats, bool) or not isinstance(repeats, int) or not low <= repeats <= high:
        raise BadRequest(f"repeats must be an integer from {low} to {high}, got {shown(repeats)}")

    problems = [catalogue.problems[i] for i in problem_ids]
    for name, value in request.params.items():
        if name not in catalogue.parameters:
            raise BadRequest(f"unknown parameter {shown(name)} (valid: {', '.join(catalogue.parameters)})")
        takers = [p for p in problems if name in p.defaults]
        if not takers:
            raise BadRequest(
                f"parameter {name!r} is not taken by "
                + "; ".join(f"problem {p.id} (it takes {', '.join(p.parameter_names)})" for p in problems)
            )
        if name == "S" and len({p.point_dim for p in takers}) > 1:
            raise BadRequest("S means spot prices for some of these problems and [S1, S2] pairs for others: "
                             "set S in separate runs")

    instances = []
    for problem in problems:
        params = _as_floats(problem.defaults)
        for name, value in request.params.items():
            if name not in problem.defaults:
                continue
            spec = problem.parameter_spec(catalogue.parameters[name])
            if spec.kind == "points":
                params[name] = _points(spec, value, problem.point_dim, problem.id)
            else:
                number = _number(name, value)
                if not spec.admits(number) and spec is not catalogue.parameters[name]:
                    why = problem.ranges[name].get("why", "")
                    raise BadRequest(f"problem {problem.id}: {name}={number:g} is out of range: it must be "
                                     f"{spec.range_text()}" + (f" ({why})" if why else ""))
                _check_range(spec, number, name)
                params[name] = number
        instance = ProblemInstance(problem, params)
        _check_constraints(instance)
        instances.append(instance)

    pairs: list[tuple[ProblemInstance, Method]] = []
    unsupported: list[Unsupported] = []
    for instance in instances:
        if method_names:
            for name in method_names:
                method = catalogue.methods[name]
                if not method.supports(instance.id):
                    unsupported.append(Unsupported(instance, name, f"{name} does not support problem {instance.id}"))
                    continue
                _add_pair(pairs, unsupported, instance, method, tol)
        else:
            # Every built-in method; an uploaded one runs only when named, so that a run's content and
            # its duration never depend on what others uploaded.
            supporting = [m for m in catalogue.methods_for(instance.id) if m.upload is None]
            if not supporting:
                raise BadRequest(f"no available method supports problem {instance.id} yet")
            for method in supporting:
                _add_pair(pairs, unsupported, instance, method, tol)
    if not pairs and any(catalogue.methods[u.method].supports(u.instance.id) for u in unsupported):
        # Some asked-for methods support the problems but not these parameters: say why, pair by pair.
        raise BadRequest([u.reason for u in unsupported])
    if not pairs:
        raise BadRequest(
            f"none of the methods {', '.join(method_names)} supports "
            f"{'problem' if len(instances) == 1 else 'problems'} {', '.join(problem_ids)}"
        )
    return RunPlan(tuple(instances), tuple(pairs), tuple(unsupported), tol, repeats, tols, machine)
