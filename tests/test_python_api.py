"""The Python face: benchop_dask.run / submit on a real local cluster, ServiceClient on a real `benchop serve`."""

from __future__ import annotations

import asyncio
import math
import time

import pandas as pd
import pytest

import benchop_dask as bd
from benchop_dask.catalogue import configured_catalogue
from benchop_dask.runs import FRAME_COLUMNS

pytestmark = pytest.mark.integration

TOLS = [1e-2, 1e-4]


def bs_call(S, K, T, r, sigma):
    """Black-Scholes call, written here independently of the Octave library."""
    N = lambda x: 0.5 * math.erfc(-x / math.sqrt(2))  # noqa: E731
    d1 = (math.log(S / K) + (r + sigma**2 / 2) * T) / (sigma * math.sqrt(T))
    return S * N(d1) - K * math.exp(-r * T) * N(d1 - sigma * math.sqrt(T))


def assert_prices_meet(run: bd.Run, tol: float, references: dict[str, list[float]]) -> None:
    for r in run.results_at(tol):
        if r.status != "ok":
            continue
        for u, ref in zip(r.prices, references[r.problem], strict=True):
            assert abs(u - ref) <= tol * abs(ref), (r.problem, r.method, tol, r.prices)


@pytest.fixture(scope="module")
def two_tolerance_run(client):
    """One run of two problems (one at custom parameters) at two tolerances, on the shared cluster."""
    return bd.run(["1a-I", "1c-II"], ["COS", "FD"], params={"sigma": 0.2}, tol=TOLS, client=client, progress=False)


def test_run_ranks_at_each_tolerance_from_one_climb(client, two_tolerance_run):
    run = two_tolerance_run
    assert run.status == "done" and run.tols == (1e-2, 1e-4) and run.tol == 1e-4
    references = {p.id: list(p.reference) for p in run.result.problems}
    assert references["1a-I"] == pytest.approx([bs_call(S, 100, 1, 0.03, 0.2) for S in (90, 100, 110)],
                                               rel=1e-12)
    for tol in TOLS:
        assert set(run.rankings[tol]) == {"1a-I", "1c-II"}
        assert all(set(methods) == {"COS", "FD"} for methods in run.rankings[tol].values()), run.rankings
        assert_prices_meet(run, tol, references)
    assert run.ranking == run.rankings[1e-4]
    # The looser tolerance decides at a level no higher, timed over repeats like the other.
    for loose, tight in zip(run.results_at(1e-2), run.results_at(1e-4)):
        assert (loose.problem, loose.method) == (tight.problem, tight.method)
        assert loose.level <= tight.level
        decided = {lv.level: lv for lv in tight.levels}[loose.level]
        assert decided.timing == "repeated" and decided.relerr <= 1e-2
    # The same levels as a run at the looser tolerance alone would decide on (deterministic ladders).
    alone = bd.run(["1a-I", "1c-II"], ["COS", "FD"], params={"sigma": 0.2}, tol=1e-2, client=client, progress=False)
    assert {(r.problem, r.method): r.level for r in alone.results} == \
        {(r.problem, r.method): r.level for r in run.results_at(1e-2)}


def test_a_run_exports_one_typed_row_per_level(two_tolerance_run, tmp_path):
    run = two_tolerance_run
    frame = run.to_pandas()
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert {c: str(t) for c, t in frame.dtypes.items()} == FRAME_COLUMNS
    assert len(frame) == sum(len(r.levels) for r in run.results)
    assert set(zip(frame.problem, frame.method)) == {(r.problem, r.method) for r in run.results}
    deciding = frame[frame.deciding]
    assert len(deciding) == 4 and (deciding.status == "ok").all() and (deciding.timing == "repeated").all()
    for r in run.results:
        row = deciding[(deciding.problem == r.problem) & (deciding.method == r.method)].iloc[0]
        assert row.level == r.level and row.time == r.time and row.relerr == r.relerr
        assert row["rank"] == run.ranking[r.problem].index(r.method) + 1
    path = tmp_path / "run.parquet"
    run.to_parquet(path)
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, frame)
    csv = run.to_csv()
    assert csv.splitlines()[0] == ",".join(FRAME_COLUMNS) and len(csv.splitlines()) == len(frame) + 1


def test_a_run_shows_itself_and_its_plots(two_tolerance_run):
    run = two_tolerance_run
    text = repr(run)
    assert "tol 0.01, 0.0001" in text and "at tol 0.01:" in text
    first = run.ranking["1a-I"][0]
    assert f"1a-I: {first} " in text
    html = run._repr_html_()
    assert html.count("<table>") == 2 and "<td>1c-II</td>" in html
    layout = run.plot()
    titles = [child.title.text for child in layout.children]
    assert titles[0].startswith("Time to reach the tolerance") and titles[1].startswith("Work-precision")


def test_a_run_reads_back_from_its_json(two_tolerance_run):
    run = two_tolerance_run
    again = bd.Run.from_json(run.to_json())
    assert again.rankings == run.rankings
    assert again.results == run.results
    pd.testing.assert_frame_equal(again.to_pandas(), run.to_pandas())


def test_submit_returns_at_once_and_is_awaitable(client):
    future = bd.submit("1a-I", ["COS", "FD"], client=client)
    assert isinstance(future, bd.RunFuture)

    async def wait():
        return await future

    run = asyncio.run(wait())
    assert future.done() and run.status == "done"
    done, total = future.progress
    assert done == total == run.result.tasks > 0
    published = configured_catalogue().problems["1a-I"].reference
    assert_prices_meet(run, 1e-4, {"1a-I": list(published)})
    assert run.ranking["1a-I"][0] == "COS"


LONG_RUN = ["1b-I", "3-II", "4"]  # every method: a minute or more of climbing on two workers


def test_a_cancelled_submission_keeps_what_it_had(client):
    future = bd.submit(LONG_RUN, client=client)
    while future.progress[0] < 3:
        assert not future.done()
        time.sleep(0.1)
    future.cancel()
    run = future.result(timeout=60)
    assert run.status == "cancelled"
    assert {r.problem for r in run.results} == set(LONG_RUN)
    assert 3 <= run.result.tasks < 100


def test_bad_input_raises_before_anything_runs(client):
    with pytest.raises(bd.BadRequest, match="unknown problem"):
        bd.submit("9-Z", client=client)
    with pytest.raises(bd.BadRequest, match="tol=2 is out of range"):
        bd.run("1a-I", tol=[1e-3, 2], client=client)
    with pytest.raises(bd.BadRequest, match="repeats must be an integer"):
        bd.run("1a-I", repeat=0, client=client)


def test_run_without_a_client_starts_and_closes_its_own_cluster(test_config):
    run = bd.run("1c-II", "COS", progress=False)
    assert run.status == "done" and run.ranking == {"1c-II": ["COS"]}
    assert run.dashboard and run.dashboard.startswith("http://127.0.0.1:")
    published = configured_catalogue().problems["1c-II"].reference
    assert_prices_meet(run, 1e-4, {"1c-II": list(published)})


# -- the service's client -------------------------------------------------------------------
def test_service_client_runs_and_reads_back_the_same_run(service):
    from service_process import TOKEN

    api = bd.ServiceClient(service.url, token=TOKEN)
    run = api.run(["1a-I"], ["COS", "FD"], params={"K": 105}, tol=TOLS, poll=0.3, progress=False)
    assert run.status == "done" and run.id and run.tols == (1e-2, 1e-4)
    expected = [bs_call(S, 105, 1, 0.03, 0.15) for S in (90, 100, 110)]
    assert run.result.problems[0].reference == pytest.approx(expected, rel=1e-12)
    for tol in TOLS:
        assert set(run.rankings[tol]["1a-I"]) == {"COS", "FD"}
        assert_prices_meet(run, tol, {"1a-I": expected})
    got = api.get(run.id)
    assert got.rankings == run.rankings and got.results == run.results
    assert len(got.to_pandas()) == sum(len(r.levels) for r in run.results)
    assert run.id in [h["id"] for h in api.history(problem="1a-I")]

    second = api.submit("1a-I", ["COS", "FD"], params={"K": 105}, tol=1e-4)
    other = second.result(timeout=300, poll=0.3)
    comparison = api.compare(run.id, second.id)
    assert comparison["problems"][0]["problem"] == "1a-I"
    assert other.ranking["1a-I"][0] == run.ranking["1a-I"][0] == "COS"


def test_service_client_cancels_and_says_what_went_wrong(service):
    from service_process import TOKEN

    api = bd.ServiceClient(service.url, token=TOKEN)
    future = api.submit(LONG_RUN)
    assert api.cancel(future.id) == "cancelled"
    assert future.result(timeout=60, poll=0.3).status == "cancelled"
    with pytest.raises(bd.BadRequest, match="unknown method"):
        api.submit("1a-I", ["NOPE"])
    with pytest.raises(PermissionError):
        bd.ServiceClient(service.url, token="wrong").submit("1a-I")
    with pytest.raises(LookupError):
        api.get("no-such-run")
    with pytest.raises(ConnectionError):
        bd.ServiceClient("http://127.0.0.1:9", timeout=2).history()
