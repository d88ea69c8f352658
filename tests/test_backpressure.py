"""Overload is refused explicitly: 429 with Retry-After past the queue bounds (in all and per client),
413 for a body over the limit before it is read, 422 for a run asking more work than the cap; and a
retried POST with the same Idempotency-Key makes one run, not two."""

from __future__ import annotations

import http.client
import json

import pytest
from service_process import Service

from benchop_dask.catalogue import configured_catalogue

pytestmark = pytest.mark.integration

LONG = {"problems": ["1b-I", "3-I"], "methods": ["MC-S", "QMC-S"], "tol": 1e-9, "repeat": 3}
SHORT = {"problems": ["1a-I"], "methods": ["COS"], "repeat": 1}
SETTINGS = {"MAX_PENDING_RUNS": "3", "MAX_PENDING_RUNS_PER_CLIENT": "2", "MAX_REQUEST_BYTES": "4096",
            "MAX_RUN_WORK": "2000", "RETRY_AFTER": "7"}


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """No token, on loopback: clients are told apart by their address (127.0.0.1 and 127.0.0.2)."""
    root = tmp_path_factory.mktemp("backpressure")
    service = Service(root / "benchop.sqlite3", root / "service.log", token=None,
                      env={f"DASK_BENCHOP__SERVICE__{k}": v for k, v in SETTINGS.items()}).start()
    yield service
    service.stop()


def post(service: Service, body, source: str = "127.0.0.1", headers: dict | None = None,
         chunked: bool = False) -> tuple[int, dict, http.client.HTTPMessage]:
    connection = http.client.HTTPConnection("127.0.0.1", service.port, timeout=30, source_address=(source, 0))
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    try:
        connection.request("POST", "/runs", body=iter([data]) if chunked else data,
                           headers={"Content-Type": "application/json", **(headers or {})}, encode_chunked=chunked)
        reply = connection.getresponse()
        return reply.status, json.loads(reply.read() or b"null"), reply.headers
    finally:
        connection.close()


def runs(service: Service) -> int:
    return len(service.get("/runs?limit=500")[1]["runs"])


def cancel_all(service: Service) -> None:
    for run in service.get("/runs?limit=500")[1]["runs"]:
        if run["status"] in ("queued", "running"):
            service.request("DELETE", f"/runs/{run['id']}")


def test_past_the_queue_bounds_a_post_answers_429_with_retry_after(service):
    try:
        first = post(service, LONG)
        assert first[0] == 202 and post(service, LONG)[0] == 202
        status, answer, headers = post(service, LONG)
        assert status == 429 and headers["Retry-After"] == "7"
        assert "max-pending-runs-per-client" in answer["detail"][0]["msg"]
        # Another client still gets in, up to the bound of the whole service.
        assert post(service, LONG, source="127.0.0.2")[0] == 202
        status, answer, headers = post(service, LONG, source="127.0.0.2")
        assert status == 429 and "the service has 3 unfinished runs" in answer["detail"][0]["msg"]
        assert runs(service) == 3
        _, metrics = service.get("/metrics")
        assert "benchop_runs_refused_total 2.0" in metrics
        # A finished (here: cancelled) run makes room again.
        assert service.request("DELETE", f"/runs/{first[1]['id']}")[0] == 200
        assert post(service, LONG)[0] == 202
    finally:
        cancel_all(service)


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_body_over_the_limit_answers_413_and_submits_nothing(service, chunked):
    before = runs(service)
    big = {"problems": ["1a-I"], "methods": ["COS"], "params": {"S": [100.0 + i / 1000 for i in range(100)]},
           "tol": 1e-4, "repeat": 1, "pad": "x" * 5000}
    status, answer, _ = post(service, big, chunked=chunked)
    assert status == 413
    assert "larger than 4096 bytes" in answer["detail"][0]["msg"]
    assert runs(service) == before


def test_a_run_asking_more_work_than_the_cap_answers_422_naming_it(service):
    before = runs(service)
    status, answer, _ = post(service, {"problems": ["1a-I", "1b-I", "4"], "repeat": 20})
    assert status == 422
    message = answer["detail"][0]["msg"]
    assert "benchop.service.max-run-work" in message and "more than the 2000 one run may have" in message
    assert runs(service) == before
    # The same request planned: the work it would take, nothing submitted.
    status, plan = service.request("POST", "/plan", {"problems": ["1a-I", "4"], "methods": ["COS"], "repeat": 2})
    top = configured_catalogue().methods["COS"].max_level
    assert status == 200 and plan["max_tasks"] == 2 * top and plan["work"] == 2 * plan["max_tasks"]
    assert runs(service) == before


def test_a_retried_post_with_the_same_idempotency_key_makes_one_run(service):
    before = runs(service)
    key = {"Idempotency-Key": "retry-of-the-same-request"}
    status, first, _ = post(service, SHORT, headers=key)
    assert status == 202
    status, again, headers = post(service, SHORT, headers=key)
    assert status == 202 and again["id"] == first["id"] and headers["Idempotent-Replayed"] == "true"
    status, answer, _ = post(service, {**SHORT, "repeat": 2}, headers=key)
    assert status == 422 and "already used for a different request" in answer["detail"][0]["msg"]
    # The key belongs to its client: another one's same key is another run.
    status, other, _ = post(service, SHORT, source="127.0.0.2", headers=key)
    assert status == 202 and other["id"] != first["id"]
    assert runs(service) == before + 2
