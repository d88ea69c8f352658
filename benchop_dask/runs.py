"""The Python face of benchop: run a benchmark from a notebook or a script.

::

    import benchop_dask as bd

    run = bd.run(["1a-I", "1b-I"], tol=[1e-2, 1e-4])   # blocks; a local cluster
    run.ranking                       # {"1a-I": ["COS", "FFT", ...], ...} at 1e-4
    run.rankings[1e-2]                # the ranking at 1e-2, from the same climb
    run.to_pandas()                   # one row per problem, method and level
    run.plot()                        # the page's two Bokeh plots

    future = bd.submit("1a-I", client=client)   # at once: a handle on the run
    future.progress, future.done()
    run = future.result()             # or: run = await future

A :class:`Run` is the same type whichever face made it: :func:`run` and
:func:`submit` on a Dask cluster, or :class:`~.service_client.ServiceClient`
from a benchop service.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import html
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generator, Mapping, Sequence

from .formatting import format_seconds
from .results import PairResult, RunResult
from .validation import RunPlan, RunRequest

if TYPE_CHECKING:  # pandas and bokeh load only when a run is exported or drawn
    import pandas
    from distributed import Client


# The columns of Run.to_pandas(), in order, with their dtypes.
FRAME_COLUMNS: dict[str, str] = {
    "problem": "string",  # problem id
    "method": "string",
    "level": "Int64",  # resolution level; <NA> for a pair that answered at no level
    "status": "string",  # the level's: ok / inaccurate (against the run's tightest tolerance), error, timeout
    "relerr": "float64",  # max relative error over the points
    "time": "float64",  # seconds: one call's, or the median of the timed repeats
    "timing": "string",  # "single" (one call) or "repeated" (a deciding level, over repeats)
    "calls": "Int64",  # timed calls behind ``time``
    "worker": "string",
    "deciding": "boolean",  # this level decides the method's rank at the run's tightest tolerance
    "pair_status": "string",  # the (problem, method) verdict at that tolerance
    "rank": "Int64",  # the method's place on the problem at that tolerance; <NA> unranked
}


@dataclass(frozen=True)
class Run:
    """A benchmark run: its verdicts, rankings and every level's work-precision point.

    ``status``: "done", "cancelled", "failed", or (from a service) "queued"
    and "running" for a run not finished yet, whose results are those so far.
    """

    result: RunResult
    id: str | None = None
    status: str = "done"
    error: str | None = None

    # -- what it found ----------------------------------------------------------------
    @property
    def tol(self) -> float:
        """The tightest tolerance: the one the levels climbed to."""
        return self.result.tol

    @property
    def tols(self) -> tuple[float, ...]:
        """Every tolerance the run ranks at, loosest first."""
        return tuple(self.rankings)

    @property
    def ranking(self) -> dict[str, list[str]]:
        """Per problem, the methods that met the tightest tolerance, fastest first."""
        return self.result.ranking

    @property
    def rankings(self) -> dict[float, dict[str, list[str]]]:
        """The ranking at each tolerance, loosest first."""
        return self.result.rankings

    @property
    def results(self) -> tuple[PairResult, ...]:
        """One verdict per (problem, method) at the tightest tolerance, ranked ones first."""
        return self.result.results

    def results_at(self, tol: float) -> tuple[PairResult, ...]:
        """The verdicts at one of the run's tolerances."""
        for verdict in self.result.tolerances:
            if verdict.tol == tol:
                return verdict.results
        if tol == self.tol:
            return self.results
        raise KeyError(f"the run ranks at {', '.join(f'{t:g}' for t in self.tols)}, not at {tol:g}")

    @property
    def dashboard(self) -> str | None:
        return self.result.dashboard

    # -- export -----------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "error": self.error, **self.result.to_json()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Run:
        """A run from :meth:`to_json`, or from a service's ``GET /runs/{id}``."""
        return cls(RunResult.from_json(data), data.get("id"), str(data.get("status") or "done"), data.get("error"))

    def to_pandas(self) -> pandas.DataFrame:
        """One row per (problem, method, level), typed columns (:data:`FRAME_COLUMNS`).

        A (problem, method) with no level (unsupported, or no answer at all)
        has one row, its level <NA>.
        """
        import pandas as pd

        rows = []
        for problem, ranked in self.ranking.items():
            places = {method: i + 1 for i, method in enumerate(ranked)}
            for pair in (r for r in self.results if r.problem == problem):
                common = {"problem": pair.problem, "method": pair.method, "pair_status": pair.status,
                          "rank": places.get(pair.method)}
                if not pair.levels:
                    rows.append({**common, "level": None, "status": pair.status, "deciding": False})
                for lv in pair.levels:
                    rows.append({**common, "level": lv.level, "status": lv.status, "relerr": lv.relerr,
                                 "time": lv.time, "timing": lv.timing, "calls": len(lv.times) or None,
                                 "worker": lv.worker or None,
                                 "deciding": pair.status == "ok" and lv.level == pair.level})
        frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
        return frame.astype(FRAME_COLUMNS)

    def to_csv(self, path: Any = None, **kwargs: Any) -> str | None:
        """:meth:`to_pandas` as CSV: written to ``path``, or returned as text."""
        return self.to_pandas().to_csv(path, index=False, **kwargs)

    def to_parquet(self, path: Any, **kwargs: Any) -> None:
        """:meth:`to_pandas` as a Parquet file (pyarrow), dtypes kept."""
        self.to_pandas().to_parquet(path, index=False, **kwargs)

    def plot(self) -> Any:
        """The page's two plots, time to the tolerance and work-precision, as one Bokeh layout."""
        from bokeh.layouts import column

        from .plots import time_to_tolerance_figure, work_precision_figure

        data = self.result.to_json()
        return column(time_to_tolerance_figure(data), work_precision_figure(data), sizing_mode="stretch_width")

    # -- display ----------------------------------------------------------------------
    def _headline(self) -> str:
        problems, methods = len(self.result.problems), len({r.method for r in self.results})
        tols = ", ".join(f"{t:g}" for t in self.tols)
        head = f"Run {self.id[:8]} " if self.id else "Run "
        return (f"{head}{self.status}: {problems} problem{'s' * (problems != 1)}, {methods} method"
                f"{'s' * (methods != 1)}, tol {tols}, {self.result.tasks} tasks")

    def __repr__(self) -> str:
        lines = [self._headline()]
        for tol, ranking in self.rankings.items():
            if len(self.rankings) > 1:
                lines.append(f"at tol {tol:g}:")
            times = {(r.problem, r.method): r.time for r in self.results_at(tol)}
            for problem, methods in ranking.items():
                ranked = ", ".join(f"{m} {format_seconds(times.get((problem, m)))}" for m in methods)
                lines.append(f"  {problem}: {ranked or 'no method met the tolerance'}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = html.escape
        parts = [f"<div><strong>{esc(self._headline())}</strong>"]
        for tol in self.rankings:
            parts.append(f"<table><caption>relative error &le; {tol:g}</caption><thead><tr><th>problem</th>"
                         "<th>rank</th><th>method</th><th>status</th><th>time</th><th>relerr</th><th>level</th>"
                         "</tr></thead><tbody>")
            for r in self.results_at(tol):
                place = self.rankings[tol].get(r.problem, [])
                rank = str(place.index(r.method) + 1) if r.method in place else "-"
                relerr = "-" if r.relerr is None else f"{r.relerr:.1e}"
                parts.append(f"<tr><td>{esc(r.problem)}</td><td>{rank}</td><td>{esc(r.method)}</td>"
                             f"<td>{esc(r.status)}</td><td>{esc(format_seconds(r.time))}</td><td>{relerr}</td>"
                             f"<td>{'-' if r.level is None else r.level}</td></tr>")
            parts.append("</tbody></table>")
        parts.append("</div>")
        return "".join(parts)


class RunFuture:
    """A run going on in the background (:func:`submit`); its :meth:`result` is a :class:`Run`.

    Awaitable: ``run = await future`` in async code.
    """

    def __init__(self, plan: RunPlan, client: Client | None):
        from .client import dashboard_link, make_runner, start_local_cluster

        self.plan = plan
        self._done: concurrent.futures.Future[Run] = concurrent.futures.Future()
        self._progress = (0, 0)
        self._own: list[Any] = []  # the local cluster started for this run alone, closed when it ends
        if client is None:
            cluster, client = start_local_cluster()
            self._own = [client, cluster]
        try:
            self.dashboard_link: str | None = dashboard_link(client)
            self._runner = make_runner(client, plan, on_progress=self._on_progress)
        except BaseException:
            self._close_own()
            raise
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, name="benchop-run", daemon=True)
        self._thread.start()

    def _close_own(self) -> None:
        for closable in self._own:
            closable.close()
        self._own = []

    def _on_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)

    def _run(self) -> None:
        try:
            try:
                result = self._runner.run()
            finally:
                self._close_own()
            status = "cancelled" if self._cancelled else "done"
            self._done.set_result(Run(replace(result, dashboard=self.dashboard_link), status=status))
        except BaseException as exc:  # the caller of result() gets it
            self._done.set_exception(exc)

    @property
    def progress(self) -> tuple[int, int]:
        """Tasks (done, submitted so far): the number submitted grows as levels are climbed."""
        return self._progress

    def done(self) -> bool:
        return self._done.done()

    def result(self, timeout: float | None = None) -> Run:
        """The run, once it has ended (TimeoutError past ``timeout`` seconds)."""
        return self._done.result(timeout)

    def cancel(self) -> None:
        """Cancel the run's tasks on the cluster; :meth:`result` then holds what it had, status "cancelled"."""
        self._cancelled = True
        self._runner.cancel()

    def __await__(self) -> Generator[Any, None, Run]:
        return asyncio.wrap_future(self._done).__await__()

    def __repr__(self) -> str:
        done, total = self._progress
        state = "done" if self.done() else f"running, {done}/{total} tasks"
        return f"<RunFuture {', '.join(i.id for i in self.plan.instances)}: {state}>"


def make_request(problems: str | Sequence[str], methods: str | Sequence[str] | None,
                 params: Mapping[str, Any] | None, tol: float | Sequence[float] | None,
                 repeat: int | None, machine: str | None = None) -> RunRequest:
    """The request the arguments of :func:`submit` stand for (a single name may stand for a list)."""
    return RunRequest(problems=[problems] if isinstance(problems, str) else list(problems),
                      methods=[methods] if isinstance(methods, str) else list(methods or ()),
                      params=dict(params or {}), tol=tol, repeats=repeat, machine=machine)


def submit(problems: str | Sequence[str], methods: str | Sequence[str] | None = None,
           params: Mapping[str, Any] | None = None, tol: float | Sequence[float] | None = None,
           repeat: int | None = None, client: Client | None = None, machine: str | None = None) -> RunFuture:
    """Start a run and return at once with a :class:`RunFuture`.

    The request is checked first (:class:`~.validation.BadRequest`, nothing
    started). Without ``client`` the run gets an embedded local cluster of
    its own, closed when it ends. ``tol`` and ``repeat`` default to the
    ``benchop.tolerance`` and ``benchop.repeats`` settings; a list of
    tolerances is climbed to the smallest and ranked at each. ``machine``:
    only the workers of this machine kind (:mod:`.machines`) run it.
    """
    from .client import plan_run

    plan = plan_run(make_request(problems, methods, params, tol, repeat, machine))
    return RunFuture(plan, client)


def run(problems: str | Sequence[str], methods: str | Sequence[str] | None = None,
        params: Mapping[str, Any] | None = None, tol: float | Sequence[float] | None = None,
        repeat: int | None = None, client: Client | None = None, progress: bool | None = None,
        machine: str | None = None) -> Run:
    """Run a benchmark and return its :class:`Run` (arguments as :func:`submit`).

    Shows a text progress bar on stderr (``progress`` None: when stderr is
    a terminal or a notebook's; False: never). Interrupting it cancels the
    run's tasks.
    """
    from .progress import ProgressBar

    future = submit(problems, methods, params, tol, repeat, client, machine)
    shown = None
    with ProgressBar(enabled=progress) as bar:
        try:
            while True:
                try:
                    return future.result(timeout=0.2)
                except concurrent.futures.TimeoutError:
                    if future.progress != shown:
                        shown = future.progress
                        bar(*shown)
        except KeyboardInterrupt:
            future.cancel()
            raise
