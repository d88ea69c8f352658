"""The Ansible side is lint-clean and every playbook parses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLAYBOOKS = sorted((REPO / "playbooks").glob("*.yml"))
ENV = {**os.environ, "ANSIBLE_CONFIG": str(REPO / "ansible.cfg"), "PATH": f"{BIN}:{os.environ.get('PATH', '')}",
       "ANSIBLE_NOCOLOR": "1"}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=REPO, env=ENV, capture_output=True, text=True, timeout=600)


def test_the_playbooks_exist():
    assert {p.name for p in PLAYBOOKS} >= {"provision.yml", "deploy.yml", "site.yml", "scale.yml", "teardown.yml"}


def test_yamllint_is_clean():
    proc = _run(str(BIN / "yamllint"), "--strict", "playbooks", "roles", "inventory", ".yamllint", ".ansible-lint")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ansible_lint_production_profile_is_clean():
    proc = _run(str(BIN / "ansible-lint"), "--offline", "--profile", "production", "playbooks", "roles", "inventory")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda p: p.name)
def test_syntax_check(playbook):
    proc = _run(str(BIN / "ansible-playbook"), "--syntax-check", "-i", "inventory/static.example.yml", str(playbook))
    assert proc.returncode == 0, proc.stdout + proc.stderr
