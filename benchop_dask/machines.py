"""Machine kinds: the label a worker carries, and one request run on every kind at once.

Does the ranking stay the same on other machines? A worker carries the label
of its machine kind as a Dask resource, ``machine:LABEL`` = 1: the playbooks
give each worker its OpenStack flavor (roles/dask_worker), a local cluster
the CPU model of its machine (``benchop.local-cluster.machine`` names it
otherwise). A run for one kind (``RunRequest.machine``) sends every task to
workers of that kind alone: each task asks for the resource.
:func:`run_on_each_machine` runs the same request on every kind at once and
sets the rankings side by side, with their rank correlation per problem.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import dask.config

from .compare import spearman
from .environment import cpu_model
from .validation import BadRequest, RunRequest

if TYPE_CHECKING:
    from distributed import Client

    from .catalogue import Catalogue
    from .results import RunResult

RESOURCE_PREFIX = "machine:"
# A label, as OpenStack flavor names are written (m1.small, c2-standard-8).
LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
# RunRequest.machine for a run on every machine kind of the cluster at once.
EACH = "each"


def machine_label(text: str) -> str:
    """A label for free text, such as a CPU model: "Intel(R) Xeon(R) CPU @ 2.20GHz" -> "intel-r-xeon-r-cpu-2.20ghz"."""
    slug = re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-.")[:64].rstrip("-.")
    return slug or "unknown"


def local_machine() -> str:
    """The label of this machine's workers: ``benchop.local-cluster.machine``, else its CPU model's."""
    return dask.config.get("benchop.local-cluster.machine") or machine_label(cpu_model())


def resource(label: str) -> str:
    """The worker resource of machine kind ``label``."""
    return RESOURCE_PREFIX + label


def check_label(label: str) -> str:
    """``label``, or BadRequest when it cannot name a machine kind."""
    if not isinstance(label, str) or not LABEL.fullmatch(label):
        raise BadRequest(f"machine must be a machine kind's label (letters, digits, '.', '_', '-'; at most 64) "
                         f"or {EACH!r}, got {label!r}")
    return label


def worker_machines(client: Client) -> dict[str, list[str]]:
    """The cluster's machine kinds: label -> the addresses of its workers (unlabelled workers left out)."""
    kinds: dict[str, list[str]] = {}
    for address, worker in client.scheduler_info()["workers"].items():
        for name in worker.get("resources") or {}:
            if name.startswith(RESOURCE_PREFIX):
                kinds.setdefault(name[len(RESOURCE_PREFIX):], []).append(address)
    return {label: sorted(addresses) for label, addresses in sorted(kinds.items())}


@dataclass(frozen=True)
class MachineComparison:
    """The same request's runs on each machine kind, their rankings side by side and how far they agree.

    ``correlation``: per problem, Spearman's rank correlation of the
    machines' rankings (with more than two kinds, the lowest of every pair:
    the worst disagreement); None where fewer than two methods are ranked
    on both. ``workers``: the addresses of the workers each kind's tasks ran on.
    """

    machines: tuple[str, ...]
    runs: dict[str, RunResult]
    rankings: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    correlation: dict[str, float | None] = field(default_factory=dict)
    workers: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, runs: dict[str, RunResult]) -> MachineComparison:
        machines = tuple(sorted(runs))
        problems = list(dict.fromkeys(p for run in runs.values() for p in run.ranking))
        rankings = {p: {m: list(runs[m].ranking.get(p, [])) for m in machines} for p in problems}
        correlation: dict[str, float | None] = {}
        for problem, by_machine in rankings.items():
            pairs = [spearman(by_machine[a], by_machine[b]) for a, b in itertools.combinations(machines, 2)]
            known = [rho for rho in pairs if rho is not None]
            correlation[problem] = min(known) if known else None
        workers = {m: {lv.address for r in runs[m].results for lv in r.levels if lv.address} for m in machines}
        return cls(machines, dict(runs), rankings, correlation, workers)


def run_on_each_machine(client: Client, request: RunRequest, catalogue: Catalogue | None = None) -> MachineComparison:
    """Run ``request`` on every machine kind of the cluster at once; BadRequest without labelled workers."""
    from .client import plan_run, run_plan

    kinds = worker_machines(client)
    if not kinds:
        raise BadRequest("no worker of this cluster carries a machine label: start workers with "
                         f"--resources={RESOURCE_PREFIX}LABEL=1 (the playbooks and the local cluster do)")
    plans = {label: plan_run(replace(request, machine=label), catalogue) for label in kinds}
    with concurrent.futures.ThreadPoolExecutor(len(plans), thread_name_prefix="benchop-machine") as pool:
        futures = {label: pool.submit(run_plan, client, plan) for label, plan in plans.items()}
        return MachineComparison.of({label: future.result() for label, future in futures.items()})
