"""Every Ansible role is self-contained (static checks: no Ansible run, no network).

A role reads only its own variables (declared in its defaults/main.yml or vars/main.yml and named
after the role), the variables it sets itself (register, set_fact, task vars, loop variables), and
Ansible's facts and magic variables. Its defaults never read the inventory (the playbooks pass the
inventory's settings in), its README documents every default, and a container name is written in
one place only.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import jinja2.meta
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
ROLES = sorted(p for p in (REPO / "roles").iterdir() if (p / "tasks" / "main.yml").is_file())

# Set by Ansible itself: facts, magic and connection variables.
MAGIC = {
    "ansible_facts", "ansible_local", "hostvars", "groups", "group_names", "inventory_hostname",
    "inventory_hostname_short", "inventory_dir", "inventory_file", "playbook_dir", "role_path", "role_name",
    "role_names", "ansible_role_name", "ansible_play_hosts", "ansible_play_hosts_all", "ansible_play_batch",
    "ansible_check_mode", "ansible_diff_mode", "ansible_version", "ansible_verbosity", "ansible_loop",
    "ansible_index_var", "ansible_loop_var", "omit", "item",
    "ansible_host", "ansible_port", "ansible_user", "ansible_connection",
}
# Functions in Ansible's templates (Jinja's globals and Ansible's), not variables.
GLOBALS = {"range", "lookup", "query", "q", "dict", "lipsum", "cycler", "joiner", "namespace", "now", "undef"}
CONDITIONALS = {"when", "changed_when", "failed_when", "until"}
SET_FACT = {"ansible.builtin.set_fact", "set_fact"}
ASSERT = {"ansible.builtin.assert", "assert"}
INCLUDES = {"ansible.builtin.include_role", "ansible.builtin.import_role", "include_role", "import_role"}
CONTAINER_MODULES = {"community.docker.docker_container": "name", "community.docker.docker_container_exec": "container"}



class _Anything(dict):
    """Every filter and test name is known: only variables matter here (Ansible's plugins are not loaded)."""

    def __contains__(self, name) -> bool:
        return True

    def get(self, name, default=None):
        return super().get(name) or (lambda *args, **kwargs: None)


JINJA = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
JINJA.filters = _Anything(JINJA.filters)
JINJA.tests = _Anything(JINJA.tests)


class _Loader(yaml.SafeLoader):
    """YAML with Ansible's tags (!unsafe, !vault) read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node)
                              if isinstance(node, yaml.ScalarNode) else None)


def _load(path: Path):
    return yaml.load(path.read_text(), Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def _template_names(text: str) -> set[str]:
    """The variables a template reads (names it assigns itself, such as loop targets, excluded)."""
    return set(jinja2.meta.find_undeclared_variables(JINJA.parse(text))) - GLOBALS


def _expression_names(expr) -> set[str]:
    """The variables a bare expression (when:, that:, ...) reads."""
    if isinstance(expr, list):
        return set().union(*(_expression_names(e) for e in expr)) if expr else set()
    if not isinstance(expr, str):
        return set()
    return _template_names("{{ " + expr + " }}")


def _value_names(value) -> set[str]:
    """The variables read by the templates anywhere in a value (strings, lists, dicts)."""
    if isinstance(value, str):
        return _template_names(value) if ("{{" in value or "{%" in value) else set()
    if isinstance(value, dict):
        return set().union(set(), *(_value_names(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(set(), *(_value_names(v) for v in value))
    return set()


class RoleVars:
    """What one role declares and what it reads."""

    def __init__(self, role: Path):
        self.role = role
        self.name = role.name
        self.defaults = self._keys(role / "defaults" / "main.yml")
        self.vars = self._keys(role / "vars" / "main.yml")
        self.registered: set[str] = set()
        self.facts: set[str] = set()
        self.local: set[str] = set()   # task and block vars, loop variables
        self.reads: dict[str, set[str]] = {}  # file -> names
        for sub in ("defaults", "vars"):
            path = role / sub / "main.yml"
            if path.is_file():
                self.reads[str(path.relative_to(REPO))] = _value_names(_load(path) or {})
        for sub in ("tasks", "handlers"):
            for path in sorted((role / sub).glob("*.yml")) if (role / sub).is_dir() else []:
                names: set[str] = set()
                self._tasks(_load(path) or [], names)
                self.reads[str(path.relative_to(REPO))] = names
        meta = role / "meta" / "main.yml"
        if meta.is_file():
            self.reads[str(meta.relative_to(REPO))] = _value_names(_load(meta) or {})
        for path in sorted((role / "templates").rglob("*")) if (role / "templates").is_dir() else []:
            if path.is_file():
                self.reads[str(path.relative_to(REPO))] = _template_names(path.read_text())

    @staticmethod
    def _keys(path: Path) -> dict:
        return (_load(path) or {}) if path.is_file() else {}

    def _tasks(self, tasks: list, names: set[str]) -> None:
        for task in tasks:
            for key, value in task.items():
                if key in ("block", "rescue", "always"):
                    self._tasks(value or [], names)
                elif key in CONDITIONALS:
                    names |= _expression_names(value)
                elif key == "register":
                    self.registered.add(value)
                elif key == "vars":
                    self.local |= set(value)
                    names |= _value_names(value)
                elif key == "loop_control":
                    self.local.add(value.get("loop_var", "item"))
                    names |= _value_names(value)
                elif key in SET_FACT:
                    self.facts |= {k for k in value if k != "cacheable"}
                    names |= _value_names(value)
                elif key in ASSERT:
                    names |= _expression_names(value.get("that", []))
                    names |= _value_names({k: v for k, v in value.items() if k != "that"})
                elif key in INCLUDES and isinstance(value, dict):
                    self.local |= set(value.get("vars", {}) or {})
                    names |= _value_names(value)
                else:
                    names |= _value_names(value)

    @property
    def declared(self) -> set[str]:
        return set(self.defaults) | set(self.vars)

    @property
    def known(self) -> set[str]:
        return self.declared | self.registered | self.facts | self.local | MAGIC


def _inventory_vars() -> set[str]:
    """Every variable the inventory sets (group_vars, the static example's vars, the plugin's compose)."""
    names: set[str] = set()
    for path in sorted((REPO / "inventory" / "group_vars").rglob("*.yml")):
        names |= set(_load(path) or {})
    for path in sorted((REPO / "inventory").glob("*.yml")):
        data = _load(path) or {}
        names |= set((data.get("all") or {}).get("vars") or {})
        names |= set(data.get("compose") or {})
    return names


ROLE_VARS = {role.name: RoleVars(role) for role in ROLES}


def test_the_roles_are_found():
    assert set(ROLE_VARS) >= {"docker_host", "benchop_image", "dask_tls", "dask_scheduler", "dask_worker",
                              "benchop_service", "openstack_cluster"}


@pytest.mark.parametrize("role", ROLE_VARS, ids=str)
def test_every_variable_a_role_reads_is_its_own_a_fact_or_magic(role):
    rv = ROLE_VARS[role]
    unknown = {f: sorted(names - rv.known) for f, names in rv.reads.items() if names - rv.known}
    assert not unknown, f"{role} reads variables it does not declare in its defaults: {unknown}"


@pytest.mark.parametrize("role", ROLE_VARS, ids=str)
def test_a_roles_variables_carry_its_name(role):
    rv = ROLE_VARS[role]
    unprefixed = sorted(n for n in rv.declared | rv.registered | rv.facts if not n.startswith(role + "_"))
    assert not unprefixed, f"{role} declares, registers or sets variables without its prefix: {unprefixed}"


@pytest.mark.parametrize("role", ROLE_VARS, ids=str)
def test_a_roles_defaults_do_not_read_the_inventory(role):
    rv = ROLE_VARS[role]
    inventory = _inventory_vars()
    read = set().union(*(names for f, names in rv.reads.items() if "/defaults/" in f or "/vars/" in f))
    own = rv.declared | rv.facts | rv.registered
    foreign = sorted(n for n in read if (n.startswith("benchop_") or n in inventory) and not
                     (n.startswith(role + "_") and n in own))
    assert not foreign, f"{role}'s defaults read inventory variables: {foreign}"


@pytest.mark.parametrize("role", ROLE_VARS, ids=str)
def test_a_roles_readme_documents_every_default(role):
    readme = ROLE_VARS[role].role / "README.md"
    assert readme.is_file(), f"{role} has no README.md"
    text = readme.read_text()
    table = {m[1] for m in re.finditer(r"^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|", text, re.M)}
    declared = ROLE_VARS[role].declared
    assert not sorted(declared - table), f"{role}'s README table lacks {sorted(declared - table)}"
    assert not sorted(table - declared), f"{role}'s README table lists undeclared {sorted(table - declared)}"
    assert "```yaml" in text and re.search(rf"(role|name): {role}\b", text), f"{role}'s README has no example playbook"


def _playbook_role_vars() -> dict[str, set[str]]:
    """The variables the playbooks set (play vars, vars files, role and include_role vars), per file."""
    found: dict[str, set[str]] = {}

    def tasks(items, names):
        for task in items or []:
            names |= set(task.get("vars") or {})
            for key in ("block", "rescue", "always"):
                tasks(task.get(key), names)
            for module in INCLUDES:
                if isinstance(task.get(module), dict):
                    names |= set(task[module].get("vars") or {})

    for path in sorted((REPO / "playbooks").rglob("*.yml")):
        data = _load(path) or []
        names: set[str] = set()
        if isinstance(data, dict):  # a vars file
            names |= set(data)
        for play in data if isinstance(data, list) else []:
            names |= set(play.get("vars") or {})
            for role in play.get("roles") or []:
                if isinstance(role, dict):
                    names |= set(role.get("vars") or {})
            for key in ("pre_tasks", "tasks", "post_tasks", "handlers"):
                tasks(play.get(key), names)
        found[str(path.relative_to(REPO))] = names
    return found


def test_the_playbooks_set_only_variables_the_roles_declare():
    """A typo in the wiring (a role variable that does not exist) would otherwise pass silently."""
    wrong = {}
    for path, names in _playbook_role_vars().items():
        for name in names:
            owner = max((r for r in ROLE_VARS if name.startswith(r + "_")), key=len, default=None)
            if owner and name not in ROLE_VARS[owner].declared:
                wrong.setdefault(path, []).append(name)
    assert not wrong, wrong


def _tasks_everywhere():
    files = [p for r in ROLES for sub in ("tasks", "handlers") for p in sorted((r / sub).glob("*.yml"))]
    for path in files:
        yield path, _load(path) or []
    for path in sorted((REPO / "playbooks").glob("*.yml")):
        for play in _load(path) or []:
            for key in ("pre_tasks", "tasks", "post_tasks", "handlers"):
                yield path, play.get(key) or []


def _flatten(tasks):
    for task in tasks:
        yield task
        for key in ("block", "rescue", "always"):
            yield from _flatten(task.get(key) or [])


def test_tasks_name_containers_through_variables():
    literal = []
    for path, tasks in _tasks_everywhere():
        for task in _flatten(tasks):
            for module, arg in CONTAINER_MODULES.items():
                value = (task.get(module) or {}).get(arg)
                if value is not None and "{{" not in str(value):
                    literal.append(f"{path.relative_to(REPO)}: {task.get('name')}: {value}")
    assert not literal, literal


def test_each_container_name_is_written_in_one_place():
    sources = [p for p in (REPO / "roles").rglob("*") if p.is_file() and p.suffix in (".yml", ".j2")]
    sources += [p for p in (REPO / "playbooks").rglob("*.yml")] + [p for p in (REPO / "inventory").rglob("*.yml")]
    settings = [d for r in ROLE_VARS.values() for d in (r.defaults, r.vars)]
    settings += [_load(p) or {} for p in (REPO / "inventory" / "group_vars").rglob("*.yml")]
    names = {v for d in settings for k, v in d.items() if k.endswith(("_container", "_volume")) and isinstance(v, str)}
    assert names, "no container names found"
    repeated = {}
    for name in sorted(names):
        word = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
        where = [str(p.relative_to(REPO)) for p in sources if word.search(p.read_text())]
        if len(where) != 1:
            repeated[name] = where
    assert not repeated, repeated
