"""The method.json of an uploaded method: its keys, its names and the function files it may hold.

Checked like a built-in method's (benchop/METHODS.md), more strictly: every
function file carries the method's prefix (MY-COS: my_cos_*.m) and takes no
name that benchop already uses, so that an uploaded file cannot stand in for
another function, the timing harness's included (the sandbox refuses one
that would shadow Octave's own: benchop_sandbox_register).
"""

from __future__ import annotations

import json
import re
from typing import Any, Collection

from .octave_tree import octave_tree
from .validation import BadRequest, shown

SPEC_FILE = "method.json"
README_FILE = "README.md"
# An Octave function name, and the file that defines it; Octave's names have
# at most namelengthmax () = 63 characters.
FUNCTION_NAME = re.compile(r"[a-z][a-z0-9_]*")
FUNCTION_FILE = re.compile(FUNCTION_NAME.pattern + r"\.m")
MAX_FUNCTION_CHARS = 63
# A method's name: upper-case words joined by "-", as the built-in ones (MC-S).
METHOD_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
MAX_NAME_CHARS = 24
MAX_TITLE_CHARS = 200
MAX_LEVEL = 20
FAMILIES = ("fourier", "pde", "monte-carlo", "rbf", "other")
REQUIRED_KEYS = ("name", "family", "solver", "problems", "levels")
# "domain" is not here: a depth is measured for the built-in methods, never declared by an upload.
OPTIONAL_KEYS = ("title", "check", "price")
FUNCTION_ROLES = ("solver", "check", "price")


class BadSpec(BadRequest):
    """A method.json, or the files it names, that is refused; one message per fault."""


def function_prefix(method_name: str) -> str:
    """What every function file of a method starts with: MY-COS -> my_cos_."""
    return method_name.lower().replace("-", "_") + "_"


def tree_functions() -> frozenset[str]:
    """The name of every function file of the installed Octave tree: names an upload may not take."""
    return frozenset(path.stem for path in octave_tree().rglob("*.m"))


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, value in pairs:
        if key in record:
            raise _DuplicateKey(key)
        record[key] = value
    return record


def _parse_spec(files: dict[str, bytes]) -> dict[str, Any]:
    if SPEC_FILE not in files:
        raise BadSpec(f"{SPEC_FILE} is missing")
    try:
        text = files[SPEC_FILE].decode("utf-8")
    except UnicodeDecodeError:
        raise BadSpec(f"{SPEC_FILE} is not UTF-8 text") from None
    try:
        record = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as exc:
        raise BadSpec(f"{SPEC_FILE}: key {shown(exc.args[0])} appears twice") from None
    except json.JSONDecodeError as exc:
        raise BadSpec(f"{SPEC_FILE} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise BadSpec(f"{SPEC_FILE} is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer too long to convert
        raise BadSpec(f"{SPEC_FILE} is not valid JSON: {' '.join(str(exc).split())[:200]}") from None
    if not isinstance(record, dict):
        raise BadSpec(f"{SPEC_FILE} must hold a JSON object, got {shown(record)}")
    return record


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_spec(files: dict[str, bytes], builtin_methods: Collection[str], problems: Collection[str],
                reserved_functions: Collection[str]) -> dict[str, Any]:
    """The normalised method.json, or BadSpec with every fault of it and of the files it names."""
    record = _parse_spec(files)
    faults: list[str] = []

    def fault(message: str) -> None:
        faults.append(f"{SPEC_FILE}: {message}")

    allowed = REQUIRED_KEYS + OPTIONAL_KEYS
    for key in record:
        if key not in allowed:
            fault(f"unknown key {shown(key)} (allowed: {', '.join(allowed)})")
    for key in REQUIRED_KEYS:
        if key not in record:
            fault(f"{key} is missing")

    name = record.get("name")
    prefix = None
    if "name" in record:
        if isinstance(name, str) and METHOD_NAME.fullmatch(name) and len(name) <= MAX_NAME_CHARS:
            prefix = function_prefix(name)
            for builtin in builtin_methods:
                if builtin.casefold() == name.casefold():
                    fault(f"name {name} clashes with the built-in method {builtin}")
        else:
            fault(f"name must be upper-case letters and digits in groups joined by '-', starting with a letter, "
                  f"at most {MAX_NAME_CHARS} characters (e.g. MY-COS), got {shown(name)}")

    family = record.get("family")
    if "family" in record and not (isinstance(family, str) and family in FAMILIES):
        fault(f"family must be one of {', '.join(FAMILIES)}, got {shown(family)}")

    title = record.get("title", name)
    if "title" in record and not (isinstance(title, str) and title.strip() and title.isprintable()
                                  and len(title) <= MAX_TITLE_CHARS):
        fault(f"title must be one line of text of at most {MAX_TITLE_CHARS} characters, got {shown(title)}")

    functions: dict[str, str] = {}
    for role in FUNCTION_ROLES:
        value = record.get(role)
        if role not in record:
            continue
        if isinstance(value, str) and FUNCTION_NAME.fullmatch(value) and len(value) <= MAX_FUNCTION_CHARS:
            functions[role] = value
        else:
            fault(f"{role} must be a function name (lower-case letters, digits and _, starting with a letter, "
                  f"at most {MAX_FUNCTION_CHARS} characters), got {shown(value)}")
    if ("check" in record) != ("price" in record):
        fault("check and price go together: give both or neither")
    for role, function in functions.items():
        if f"{function}.m" not in files:
            fault(f"{role} {function} has no file {function}.m")

    listed: list[str] = []
    if "problems" in record:
        value = record["problems"]
        if not isinstance(value, list) or not value:
            fault(f"problems must be a non-empty list of problem ids, got {shown(value)}")
        else:
            for problem in value:
                if not isinstance(problem, str) or problem not in problems:
                    fault(f"unknown problem {shown(problem)} (valid: {', '.join(problems)})")
                elif problem in listed:
                    fault(f"problem {problem} is listed twice")
                else:
                    listed.append(problem)

    levels = record.get("levels")
    if "levels" in record and not (
            isinstance(levels, dict) and set(levels) == {"default", "max"}
            and _is_int(levels["default"]) and _is_int(levels["max"])
            and 1 <= levels["default"] <= levels["max"] <= MAX_LEVEL):
        fault(f'levels must be {{"default": D, "max": M}} with integers 1 <= D <= M <= {MAX_LEVEL}, '
              f"got {shown(levels)}")

    for file_name in files:
        if not file_name.endswith(".m"):
            continue
        if prefix is not None and not file_name.startswith(prefix):
            faults.append(f"function files must be named {prefix}*.m: {file_name}")
        elif file_name[:-2] in reserved_functions:
            faults.append(f"function name already used by Octave or benchop: {file_name}")

    if faults:
        raise BadSpec(faults)
    spec: dict[str, Any] = {"name": name, "family": family, "title": title, "solver": functions["solver"]}
    if "check" in functions:
        spec["check"], spec["price"] = functions["check"], functions["price"]
    spec["problems"] = listed
    spec["levels"] = {"default": levels["default"], "max": levels["max"]}
    return spec
