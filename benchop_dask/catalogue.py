"""The problem and method catalogue, read from the Octave tree's data files.

Problems come from ``catalogue.json`` and methods from every
``methods/NAME/method.json``: the same files the Octave side reads, so the two
sides cannot disagree about ids, defaults or which method supports what.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from .domain import Domain, has_depth
from .method_code import MethodCode
from .octave_tree import octave_tree

ParamValue = float | list[float] | list[list[float]]


@dataclass(frozen=True)
class ParameterSpec:
    """Schema of one parameter: its kind and allowed range."""

    name: str
    kind: str  # "number" or "points"
    description: str
    min: float | None = None
    max: float | None = None
    min_inclusive: bool = True
    max_inclusive: bool = True
    max_count: int | None = None

    def range_text(self) -> str:
        parts = []
        if self.min is not None:
            parts.append(f"{'>=' if self.min_inclusive else '>'} {self.min:g}")
        if self.max is not None:
            parts.append(f"{'<=' if self.max_inclusive else '<'} {self.max:g}")
        return " and ".join(parts) if parts else "any value"

    def admits(self, value: float) -> bool:
        if self.min is not None:
            if value < self.min or (value == self.min and not self.min_inclusive):
                return False
        if self.max is not None:
            if value > self.max or (value == self.max and not self.max_inclusive):
                return False
        return True


@dataclass(frozen=True)
class Problem:
    """A BENCHOP problem: what is priced, its default parameters and reference."""

    id: str
    title: str
    model: str
    payoff: str
    exercise: str
    barrier: str
    output: str
    defaults: dict[str, ParamValue]
    reference: tuple[float, ...]
    reference_kind: str
    reference_note: str = ""
    constraints: tuple[str, ...] = ()
    ranges: dict[str, dict[str, Any]] = field(default_factory=dict)  # narrower, per problem

    def parameter_spec(self, spec: ParameterSpec) -> ParameterSpec:
        """The parameter's schema for this problem: the global one, maybe narrowed."""
        narrower = self.ranges.get(spec.name)
        if not narrower:
            return spec
        fields = {k: v for k, v in narrower.items() if k in ("min", "max", "min_inclusive", "max_inclusive")}
        return replace(spec, **fields)

    @property
    def parameter_names(self) -> tuple[str, ...]:
        return tuple(self.defaults)

    @property
    def point_dim(self) -> int:
        """1 for spot prices, 2 for [S1, S2] pairs."""
        first = self.defaults["S"][0]  # type: ignore[index]
        return len(first) if isinstance(first, list) else 1

    def descriptors(self) -> dict[str, str]:
        return {
            "id": self.id,
            "model": self.model,
            "payoff": self.payoff,
            "exercise": self.exercise,
            "barrier": self.barrier,
            "output": self.output,
        }


@dataclass(frozen=True)
class Method:
    """A pricing method of the Octave tree and the problems it supports."""

    name: str
    family: str
    title: str
    solver: str
    problems: tuple[str, ...]
    default_level: int
    max_level: int
    directory: Path | None  # None for an uploaded method: its files travel with its tasks
    domain: Domain = field(default_factory=Domain)
    upload: Upload | None = None  # an uploaded method's files and who uploaded which version

    def supports(self, problem_id: str) -> bool:
        return problem_id in self.problems

    @property
    def code(self) -> MethodCode | None:
        """An uploaded method's files, which run only in a sandbox; None for a built-in method."""
        return self.upload.code if self.upload is not None else None


@dataclass(frozen=True)
class Upload:
    """Where an uploaded method came from."""

    code: MethodCode
    owner: str
    version: int


@dataclass(frozen=True)
class Catalogue:
    parameters: dict[str, ParameterSpec]
    problems: dict[str, Problem]
    methods: dict[str, Method]
    method_dirs: tuple[str, ...] = field(default=())

    def methods_for(self, problem_id: str) -> list[Method]:
        return [m for m in self.methods.values() if m.supports(problem_id)]

    def with_uploads(self, uploads: Iterable[Method]) -> Catalogue:
        """This catalogue and uploaded methods (whose names the upload checks kept apart from these)."""
        methods = dict(self.methods)
        for method in uploads:
            if method.name in methods:
                raise ValueError(f"method {method.name} is defined twice")
            methods[method.name] = method
        return replace(self, methods=methods)


def method_from_json(rec: dict[str, Any], directory: Path | None = None, upload: Upload | None = None) -> Method:
    """The catalogue's record of a method from its method.json: a built-in one's ``directory``, or an ``upload``."""
    return Method(name=rec["name"], family=rec["family"], title=rec.get("title", rec["name"]),
                  solver=rec["solver"], problems=tuple(rec["problems"]),
                  default_level=int(rec["levels"]["default"]), max_level=int(rec["levels"]["max"]),
                  directory=directory, domain=Domain.from_json(rec.get("domain")), upload=upload)


def _read_json(path: Path) -> Any:
    with open(path) as f:
        return json.load(f)


def _parameter(name: str, rec: dict[str, Any]) -> ParameterSpec:
    return ParameterSpec(
        name=name,
        kind=rec["kind"],
        description=rec.get("description", ""),
        min=rec.get("min"),
        max=rec.get("max"),
        min_inclusive=rec.get("min_inclusive", True),
        max_inclusive=rec.get("max_inclusive", True),
        max_count=rec.get("max_count"),
    )


def _problem(rec: dict[str, Any]) -> Problem:
    return Problem(
        id=rec["id"],
        title=rec["title"],
        model=rec["model"],
        payoff=rec["payoff"],
        exercise=rec["exercise"],
        barrier=rec["barrier"],
        output=rec["output"],
        defaults=dict(rec["params"]),
        reference=tuple(float(v) for v in rec["reference"]),
        reference_kind=rec["reference_kind"],
        reference_note=rec.get("reference_note", ""),
        constraints=tuple(rec.get("constraints", ())),
        ranges=dict(rec.get("ranges", {})),
    )


def _methods_in(directory: Path) -> Iterable[Method]:
    for spec in sorted(directory.glob("*/method.json")):
        yield method_from_json(_read_json(spec), spec.parent)


@cache
def load_catalogue(method_dirs: tuple[str, ...] = ()) -> Catalogue:
    """Read the catalogue; ``method_dirs`` adds folders of extra methods."""
    tree = octave_tree()
    data = _read_json(tree / "catalogue.json")
    parameters = {n: _parameter(n, r) for n, r in data["parameters"].items()}
    problems = {p["id"]: _problem(p) for p in data["problems"]}
    methods: dict[str, Method] = {}
    for directory in (tree / "methods", *map(Path, method_dirs)):
        for method in _methods_in(directory):
            if method.name in methods:
                raise ValueError(f"method {method.name} is defined twice")
            unknown = set(method.problems) - set(problems)
            if unknown:
                raise ValueError(f"method {method.name} names unknown problems {sorted(unknown)}")
            for problem_id in method.domain.max_depth:
                if problem_id not in problems or not method.supports(problem_id) or not has_depth(problems[problem_id]):
                    raise ValueError(f"method {method.name} declares a domain for problem {problem_id}, "
                                     "which it does not support or which has no depth out of the money")
            methods[method.name] = method
    return Catalogue(parameters, problems, methods, tuple(method_dirs))


def configured_catalogue() -> Catalogue:
    """The catalogue with the extra method folders of ``benchop.method-dirs``."""
    import dask.config

    dirs = tuple(str(Path(d).expanduser()) for d in dask.config.get("benchop.method-dirs") or ())
    return load_catalogue(dirs)
