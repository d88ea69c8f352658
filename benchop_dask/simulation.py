"""Predict a run's wall time on any number of workers from the tasks of a real run.

The runner records every task it completed (:class:`~benchop_dask.runner.TaskRecord`):
its pair, kind, level, round and worker seconds. Replaying those tasks on W
simulated single-threaded workers, with the runner's own rules, predicts the
wall time. First the levels: a pair's round 0 is ready at the start; its round
r + 1 once its round r has finished and its problem's reference is known; a
free worker takes the ready task of highest priority (the runner's: a
predicted cost in seconds for a climb, level / 1000 for a first round, 0 for
a reference), the earliest ready first among equals. Then the timings, once
every level has answered: each runs alone on its host (benchop_dask.quiet_host),
so the W workers, ``per_host`` to a machine, time one level per machine at a
time, longest first. Each task holds its worker for its seconds plus a fixed
per-task overhead (Dask's hand-over, which the task's own measure leaves out).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from .runner import TaskRecord

Chain = tuple[str, str]  # (problem, method); method "" for a problem's reference


@dataclass(frozen=True)
class Prediction:
    workers: int
    wall: float  # seconds
    busy: float  # worker seconds, overheads included

    @property
    def efficiency(self) -> float:
        return self.busy / (self.workers * self.wall) if self.wall else 1.0


def _priority(task: TaskRecord) -> float:
    if task.kind == "reference":
        return 0.0
    if task.round == 0:
        return task.level / 1000
    return task.seconds


def _rounds(trace: Iterable[TaskRecord]) -> dict[Chain, list[list[TaskRecord]]]:
    chains: dict[Chain, dict[int, list[TaskRecord]]] = defaultdict(lambda: defaultdict(list))
    for task in trace:
        chains[(task.problem, task.method)][task.round].append(task)
    return {chain: [rounds[r] for r in sorted(rounds)] for chain, rounds in chains.items()}


def simulate(trace: Sequence[TaskRecord], workers: int, overhead: float = 0.0, *, per_host: int) -> Prediction:
    """The predicted wall time of the traced run on ``workers`` workers, ``per_host`` to a machine."""
    if workers < 1 or per_host < 1:
        raise ValueError("workers and per_host must be at least 1")
    levels = _levels_phase([t for t in trace if t.kind != "timing"], workers, overhead)
    hosts = math.ceil(workers / per_host)
    timings = sorted((t.seconds + overhead for t in trace if t.kind == "timing"), reverse=True)
    ends = [0.0] * hosts
    for cost in timings:  # longest first, each on the machine free first
        heapq.heapreplace(ends, ends[0] + cost)
    return Prediction(workers, levels.wall + max(ends), levels.busy + sum(timings))


def _levels_phase(trace: Sequence[TaskRecord], workers: int, overhead: float) -> Prediction:
    """Every task but the timings, by rounds, on ``workers`` workers."""
    chains = _rounds(trace)
    references = {problem for problem, method in chains if method == ""}
    next_round = {chain: 0 for chain in chains}
    open_tasks = {chain: 0 for chain in chains}
    known: set[str] = set()  # problems whose reference finished (or that had none)
    waiting: set[Chain] = set()  # pairs whose next round waits for the reference
    ready: list[tuple[float, float, int, TaskRecord, Chain]] = []
    order = itertools.count()
    running: list[tuple[float, int, Chain]] = []  # (end time, tie-break, chain)
    now, busy = 0.0, 0.0

    def release(chain: Chain, at: float) -> None:
        r = next_round[chain]
        if r >= len(chains[chain]):
            return
        if r > 0 and chain[1] and chain[0] in references and chain[0] not in known:
            waiting.add(chain)
            return
        next_round[chain] += 1
        open_tasks[chain] = len(chains[chain][r])
        for task in chains[chain][r]:
            heapq.heappush(ready, (-_priority(task), at, next(order), task, chain))

    for chain in chains:
        release(chain, 0.0)
    free = workers
    while ready or running:
        while free and ready:
            _, _, _, task, chain = heapq.heappop(ready)
            cost = task.seconds + overhead
            busy += cost
            heapq.heappush(running, (now + cost, next(order), chain))
            free -= 1
        now, _, chain = heapq.heappop(running)
        free += 1
        open_tasks[chain] -= 1
        if open_tasks[chain]:
            continue
        if chain[1] == "":
            known.add(chain[0])
            for pair in [c for c in waiting if c[0] == chain[0]]:
                waiting.discard(pair)
                release(pair, now)
        release(chain, now)
    return Prediction(workers, now, busy)


def critical_path(trace: Sequence[TaskRecord], overhead: float = 0.0) -> tuple[float, Chain | None]:
    """The longest chain of levels plus the longest timing (no run is shorter on any number of
    workers), and the chain's pair."""
    chains = _rounds([t for t in trace if t.kind != "timing"])
    reference = {problem: sum(t.seconds + overhead for t in rounds[0])
                 for (problem, method), rounds in chains.items() if method == ""}
    longest, which = 0.0, None
    for chain, rounds in chains.items():
        spans = [max(t.seconds for t in tasks) + overhead for tasks in rounds]
        length = spans[0] + sum(spans[1:])
        if chain[1] and len(spans) > 1:
            length = max(spans[0], reference.get(chain[0], 0.0)) + sum(spans[1:])
        if length > longest:
            longest, which = length, chain
    timing = max((t.seconds + overhead for t in trace if t.kind == "timing"), default=0.0)
    return longest + timing, which
