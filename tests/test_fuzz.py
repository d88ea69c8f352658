"""Bad input, generated: the CLI exits 0 or 2 with a message and the API answers 2xx or 4xx, never a
traceback or a 5xx. A sample here; bench/fuzz runs tens of thousands of the same inputs."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import cli_arguments, json_text, request_bodies

from benchop_dask.cli import main

SAMPLE = settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@SAMPLE
@given(argv=cli_arguments())
def test_the_cli_answers_any_run_request_with_a_plan_or_a_message(argv):
    code, out, err = run_cli(argv)
    assert code in (0, 2), (argv, code, err)
    if code == 0:
        assert out.startswith("tolerance ") and "at most" in out
    else:
        assert "benchop: error: " in err and out == ""


@pytest.mark.parametrize(("argv", "message"), [
    (["--param", "sigma=1e-200"], "sigma=1e-200 is out of range: numbers must be 0 or between 1e-12 and 1e+12"),
    (["--param", "K=" + "9" * 400], "parameter K must be a finite number"),
    (["--param", "S=90,4.9e-324"], "S=4.94066e-324 is out of range"),
    (["--param", "S=90,1e400"], "parameter S must be a finite number, got inf"),
    (["--tol", "1e-400"], "tol=0 is out of range"),
    (["--tol", "nan"], "parameter tol must be a finite number, got nan"),
    (["--repeat", "9" * 5000], "argument --repeat: invalid int value"),
    (["--param", "T=1e-13"], "T=1e-13 is out of range"),
])
def test_numeric_edges_exit_2_with_a_message(argv, message):
    code, out, err = run_cli(["run", "1a-I", *argv, "--dry-run"])
    assert code == 2 and out == ""
    assert message in err


def test_a_dry_run_shows_the_plan_and_submits_nothing():
    code, out, err = run_cli(["run", "1a-I", "4", "--method", "COS", "--param", "K=105", "--dry-run"])
    assert code == 0, err
    assert "1a-I: " in out and "4: " in out and "K=105" in out and "COS" in out


@pytest.mark.integration
def test_the_api_answers_any_run_request_with_2xx_or_4xx(service):
    failures: list[str] = []

    @SAMPLE
    @given(body=request_bodies(), path=st.sampled_from(["/plan", "/plan", "/plan", "/runs"]))
    def answers(body, path):
        if path == "/runs":  # submit only what cannot run: nothing may reach the cluster
            body = {**body, "problems": ["no-such-problem"]}
        status, answer = service.request("POST", path, json_text(body))
        if status >= 500 or status not in (200, 202, 400, 413, 422, 429):
            failures.append(f"{path} {body!r:.300}: {status} {answer!r:.300}")
        if status == 422:
            assert answer["detail"] and all(d["msg"] for d in answer["detail"])

    answers()
    assert not failures, failures


@pytest.mark.integration
@pytest.mark.parametrize(("params", "message"), [
    ({"sigma": 1e-200}, "sigma=1e-200 is out of range"),
    ({"K": 10**400}, "parameter K must be a finite number, got an integer of about 401 digits"),
    ({"S": [90, 5e-324]}, "S=4.94066e-324 is out of range"),
    ({"S": [[100, 90]]}, "problem 1a-I takes single spot prices in S, not pairs"),
    ({"T": float("inf")}, "parameter T must be a finite number"),
    ({"r": float("nan")}, "parameter r must be a finite number"),
])
def test_numeric_edges_answer_422_with_a_message_and_submit_nothing(service, params, message):
    before = len(service.get("/runs?limit=500")[1]["runs"])
    for path in ("/plan", "/runs"):
        status, answer = service.request("POST", path, json_text({"problems": ["1a-I"], "params": params}))
        assert status == 422, answer
        assert message in " ".join(d["msg"] for d in answer["detail"])
    assert len(service.get("/runs?limit=500")[1]["runs"]) == before
