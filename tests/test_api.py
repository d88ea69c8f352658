"""The HTTP API against a real `benchop serve`: a real LocalCluster, real Octave, a SQLite store."""

from __future__ import annotations

import math
import re
import time

import pytest


pytestmark = pytest.mark.integration


def bs_call(S, K, T, r, sigma):
    d1 = (math.log(S / K) + (r + sigma**2 / 2) * T) / (sigma * math.sqrt(T))
    d2 = d1 - sigma * math.sqrt(T)
    cdf = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))  # noqa: E731
    return S * cdf(d1) - K * math.exp(-r * T) * cdf(d2)



def test_a_run_answers_at_once_and_its_results_match_the_reference(service):
    started = time.monotonic()
    status, created = service.request("POST", "/runs", {"problems": ["1a-I"], "methods": ["COS", "FD"],
                                                         "params": {"K": 105, "sigma": 0.25}, "repeat": 2})
    assert status == 202 and created["status"] == "queued"
    assert time.monotonic() - started < 2  # the request does not wait for the work

    run = service.wait_for(created["id"])
    assert run["status"] == "done"
    assert run["progress"]["done"] == run["progress"]["total"] > 0
    (problem,) = run["problems"]
    expected = [bs_call(S, 105, 1, 0.03, 0.25) for S in (90, 100, 110)]
    assert problem["reference_source"] == "computed"
    assert problem["reference"] == pytest.approx(expected, rel=1e-10)
    assert {r["method"] for r in run["results"]} == {"COS", "FD"}
    for result in run["results"]:
        assert result["status"] == "ok" and result["relerr"] <= 1e-4
        assert result["prices"] == pytest.approx(expected, rel=1e-4)
        assert result["levels"] and all(lv["worker"] for lv in result["levels"])
    assert sorted(run["ranking"]["1a-I"]) == ["COS", "FD"]
    # What makes it reproducible: versions, hosts, CPUs, the ladders used.
    environment = run["environment"]
    assert environment["method_levels"]["COS"]["max"] >= environment["method_levels"]["COS"]["default"]
    workers = environment["workers"].values()
    assert len(workers) == 2 and all(w["octave"] and w["cpu"] and w["host"] for w in workers)


def test_history_is_newest_first_and_filters_by_problem(service):
    ids = []
    for problem in ("1a-II", "1c-I"):
        status, created = service.request("POST", "/runs", {"problems": [problem], "methods": ["COS"], "repeat": 1})
        assert status == 202
        ids.append(created["id"])
    for run_id in ids:
        service.wait_for(run_id)
    status, history = service.get("/runs")
    listed = [r["id"] for r in history["runs"]]
    assert status == 200 and listed.index(ids[1]) < listed.index(ids[0])
    status, only = service.get("/runs?problem=1c-I")
    assert status == 200 and ids[1] in [r["id"] for r in only["runs"]]
    assert all("1c-I" in r["problems"] for r in only["runs"])


def test_cancel_stops_the_run_on_the_cluster(service):
    status, created = service.request("POST", "/runs", {"problems": ["1b-I", "3-I"], "methods": ["MC-S", "QMC-S"],
                                                         "tol": 1e-9, "repeat": 3})
    assert status == 202
    service.wait_for(created["id"], statuses=("running",), timeout=60)
    status, cancelled = service.request("DELETE", f"/runs/{created['id']}")
    assert status == 200 and cancelled["status"] == "cancelled"
    run = service.wait_for(created["id"], statuses=("cancelled",), timeout=60)
    assert run["status"] == "cancelled"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        _, metrics = service.get("/metrics")
        if "benchop_tasks_in_flight 0.0" in metrics:
            break
        time.sleep(0.5)
    assert "benchop_tasks_in_flight 0.0" in metrics
    status, again = service.request("DELETE", f"/runs/{created['id']}")
    assert status == 409, again


@pytest.mark.parametrize(("body", "fault"), [
    ({"problems": ["9z"]}, "unknown problem"),
    ({"problems": ["1a-I"], "methods": ["NOPE"]}, "unknown method"),
    ({"problems": ["1a-I"], "params": {"foo": 1}}, "unknown parameter"),
    ({"problems": ["1a-I"], "params": {"sigma": -1}}, "out of range"),
    ({"problems": ["1a-I"], "params": {"S": []}}, "non-empty list"),
    ({"problems": ["1a-I"], "params": {"sigma": "system('id')"}}, "params"),
    ({"problems": ["1c-I"], "params": {"B": 90}}, "barrier"),
    ({"problems": ["1a-I"], "tol": 2}, "tol"),
    ({"problems": ["1a-I"], "repeat": 0}, "repeat"),
    ({"problems": []}, "problems"),
    ({}, "problems"),
    ({"problems": ["1a-I"], "colour": "red"}, "colour"),
])
def test_bad_input_gets_a_4xx_with_a_message_and_submits_nothing(service, body, fault):
    _, before = service.get("/runs?limit=500")
    status, reply = service.request("POST", "/runs", body)
    assert status == 422, reply
    messages = " ".join(f"{d['loc']} {d['msg']}" for d in reply["detail"])
    assert fault in messages
    _, after = service.get("/runs?limit=500")
    assert len(after["runs"]) == len(before["runs"])


def test_writes_need_the_token_and_reads_do_not(service):
    status, _ = service.request("POST", "/runs", {"problems": ["1a-I"]}, token=False)
    assert status == 401
    status, _ = service.request("POST", "/runs", {"problems": ["1a-I"]}, token="wrong")
    assert status == 401
    status, _ = service.request("DELETE", "/runs/whatever", token=False)
    assert status == 401
    assert service.get("/runs")[0] == 200
    assert service.get("/runs/no-such-run")[0] == 404
    assert service.get("/runs?limit=0")[0] == 422
    assert service.get("/runs?problem=9z")[0] == 422
    assert service.request("POST", "/runs", b"{not json")[0] == 422


def test_catalogue_health_metrics_and_docs(service):
    status, problems = service.get("/problems")
    by_id = {p["id"]: p for p in problems}
    assert status == 200 and len(by_id) == 19
    sigma = next(p for p in by_id["1a-I"]["parameters"] if p["name"] == "sigma")
    assert by_id["1a-I"]["params"]["sigma"] == 0.15 and sigma["min"] == 0 and sigma["max"] == 3
    assert "COS" in by_id["4"]["methods"]
    status, methods = service.get("/methods")
    assert status == 200 and {"COS", "FD", "MC-S"} <= {m["name"] for m in methods}
    status, health = service.get("/health")
    assert status == 200 and health["status"] == "ok" and health["workers"] == 2
    status, metrics = service.get("/metrics")
    assert status == 200 and 'benchop_runs{status="done"}' in metrics
    status, openapi = service.get("/openapi.json")
    assert status == 200 and {"/runs", "/runs/{run_id}", "/problems", "/methods", "/health"} <= set(openapi["paths"])
    status, docs = service.get("/docs")
    assert status == 200 and "/static/swagger/swagger-ui-bundle.js" in docs
    assert service.get("/static/swagger/swagger-ui-bundle.js")[0] == 200


def test_settings_are_the_configured_run_defaults_the_validated_limits_and_the_ranking_order(service):
    import dask.config

    from benchop_dask.catalogue import configured_catalogue
    from benchop_dask.results import STATUS_ORDER
    from benchop_dask.validation import MAX_TOLERANCES, BadRequest, RunRequest, validate

    status, settings = service.get("/settings")
    assert status == 200
    assert settings["tol"]["default"] == dask.config.get("benchop.tolerance")
    assert settings["repeat"]["default"] == dask.config.get("benchop.repeats")
    assert settings["status_order"] == list(STATUS_ORDER)
    assert settings["tol"]["max_count"] == MAX_TOLERANCES

    catalogue = configured_catalogue()

    def accepted(**kwargs) -> bool:
        try:
            validate(RunRequest(["1a-I"], ["COS"], **kwargs), catalogue)
        except BadRequest:
            return False
        return True

    # The limits stated are the ones validation applies, bound by bound.
    for name, field in (("tol", "tol"), ("repeat", "repeats")):
        spec = settings[name]
        assert accepted(**{field: spec["default"]})
        assert accepted(**{field: spec["min"]}) is spec["min_inclusive"]
        assert accepted(**{field: spec["max"]}) is spec["max_inclusive"]
    assert settings["repeat"]["kind"] == "integer"
    assert not accepted(repeats=settings["repeat"]["min"] - 1)
    assert not accepted(repeats=settings["repeat"]["max"] + 1)
    assert accepted(tol=[settings["tol"]["default"]] * MAX_TOLERANCES)  # equal tolerances count once
    assert not accepted(tol=[10.0 ** -(k + 1) for k in range(MAX_TOLERANCES + 1)])


def test_the_page_and_its_modules_are_served_as_html_and_javascript(service):
    status, page, headers = service.request("GET", "/", token=False, with_headers=True)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert '<script type="module" src="/static/main.js">' in page
    for field in ("tol", "repeat"):  # no default of the page's own: GET /settings has them
        assert "value=" not in re.search(f'<input id="{field}"[^>]*>', page).group()
    for module in ("main", "api", "dom", "format", "settings", "form", "params", "run", "plots", "history", "compare",
                   "health"):
        status, _, headers = service.request("GET", f"/static/{module}.js", token=False, with_headers=True)
        assert status == 200 and headers["Content-Type"].startswith("text/javascript"), module
