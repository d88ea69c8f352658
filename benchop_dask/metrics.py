"""Prometheus metrics of the service, read from the store and the run manager at scrape time.

A registry of its own per service (no global state): runs by status, scored
levels (tasks) and their Octave time, tasks waiting on the cluster, runs
submitted since start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from prometheus_client import CollectorRegistry, Counter, generate_latest
from prometheus_client.core import GaugeMetricFamily, SummaryMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from .service import RunManager

STATUSES = ("queued", "running", "done", "cancelled", "failed")


class _StoreCollector(Collector):
    def __init__(self, manager: "RunManager"):
        self.manager = manager

    def collect(self) -> Iterator[GaugeMetricFamily | SummaryMetricFamily]:
        counts = self.manager.store.count_runs()
        runs = GaugeMetricFamily("benchop_runs", "Runs in the store, by status", labels=["status"])
        for status in STATUSES:
            runs.add_metric([status], counts.get(status, 0))
        yield runs
        stored, count, total = self.manager.store.level_totals()
        yield GaugeMetricFamily("benchop_levels_stored", "Scored resolution levels (tasks) in the store",
                                value=stored)
        yield SummaryMetricFamily("benchop_task_octave_seconds", "Octave time of the scored levels (median of repeats)",
                                  count_value=count, sum_value=total)
        active = self.manager.active()
        yield GaugeMetricFamily("benchop_tasks_in_flight", "Tasks submitted to the cluster and not yet back",
                                value=sum(submitted - done for done, submitted in active.values()))
        yield GaugeMetricFamily("benchop_runs_active", "Runs executing now", value=len(active))
        yield GaugeMetricFamily("benchop_workers", "Workers of the cluster at the last look",
                                value=self.manager.connection.workers)


class ServiceMetrics:
    def __init__(self, manager: "RunManager"):
        self.registry = CollectorRegistry(auto_describe=True)
        self.submitted = Counter("benchop_runs_submitted", "Runs accepted since the service started",
                                 registry=self.registry)
        self.refused = Counter("benchop_runs_refused", "Run requests refused for load since the service started "
                               "(429: too many unfinished runs)", registry=self.registry)
        self.registry.register(_StoreCollector(manager))

    def render(self) -> tuple[bytes, str]:
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
