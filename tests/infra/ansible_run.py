"""Run the project's real playbooks from tests, and read their recap."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
RECAP = re.compile(r"^(?P<host>\S+)\s*:\s*ok=(?P<ok>\d+)\s+changed=(?P<changed>\d+)\s+unreachable=(?P<unreachable>\d+)"
                   r"\s+failed=(?P<failed>\d+)", re.M)


@dataclass
class PlaybookRun:
    returncode: int
    output: str

    @property
    def recap(self) -> dict[str, dict[str, int]]:
        tail = self.output.rsplit("PLAY RECAP", 1)[-1]
        return {m["host"]: {k: int(m[k]) for k in ("ok", "changed", "unreachable", "failed")}
                for m in RECAP.finditer(tail)}

    @property
    def changed(self) -> int:
        return sum(h["changed"] for h in self.recap.values())


def run_playbook(playbook: str, inventory: Path | str, extra_vars: dict, workdir: Path,
                 env: dict[str, str] | None = None, timeout: float = 1200, args: tuple[str, ...] = ()) -> PlaybookRun:
    """ansible-playbook from this virtual environment, with the repository's ansible.cfg.

    The output is also kept in ``workdir`` (PLAYBOOK.log) for reading after a failure.
    """
    vars_file = workdir / f"{Path(playbook).stem}.vars.json"
    vars_file.write_text(json.dumps(extra_vars))
    command = [str(BIN / "ansible-playbook"), "-i", str(inventory), "-e", f"@{vars_file}", *args,
               str(REPO / "playbooks" / playbook)]
    full_env = {**os.environ, "ANSIBLE_CONFIG": str(REPO / "ansible.cfg"), "ANSIBLE_FORCE_COLOR": "0",
                "ANSIBLE_NOCOLOR": "1", "PATH": f"{BIN}:{os.environ.get('PATH', '')}", **(env or {})}
    proc = subprocess.run(command, cwd=REPO, env=full_env, capture_output=True, text=True, timeout=timeout)
    run = PlaybookRun(proc.returncode, proc.stdout + proc.stderr)
    with open(workdir / f"{Path(playbook).stem}.log", "a") as log:
        log.write(run.output)
    return run
