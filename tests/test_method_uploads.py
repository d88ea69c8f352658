"""Bring your own method, end to end: upload over the API, the CLI and Python; evaluation; ranking.

A real `benchop serve` (its own local cluster of two workers and store)
takes the test fixture tests/uploaded_methods/CRR-TREE, runs its tests in a
sandbox, ranks it on its problems beside every method and runs it on
random parameter sets (one per problem here, to keep the test short).
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from benchop_dask.catalogue import load_catalogue
from benchop_dask.service_client import ServiceClient
from benchop_dask.upload import UploadLimits, pack_method_folder
from benchop_dask.validation import BadRequest
from service_process import BIN, TOKEN, Service

pytestmark = pytest.mark.integration

CRR = Path(__file__).resolve().parent / "uploaded_methods" / "CRR-TREE"
CATALOGUE = load_catalogue()


@pytest.fixture(scope="module")
def uploads(tmp_path_factory):
    root = tmp_path_factory.mktemp("uploads")
    service = Service(root / "benchop.sqlite3", root / "service.log",
                      env={"DASK_BENCHOP__EVALUATION__RANDOM_SETS": "1"}).start()
    yield service
    service.stop()


def upload(service: Service, archive: bytes, owner: str = "alice") -> tuple[int, dict]:
    return service.request("POST", f"/methods?owner={owner}", archive, headers={"Content-Type": "application/gzip"})


def evaluated(service: Service, name: str, version: int, timeout: float = 600) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, record = service.get(f"/methods/{name}/versions/{version}")
        assert status == 200, record
        if record["status"] != "evaluating":
            return record
        time.sleep(1)
    raise TimeoutError(f"{name} v{version} was not evaluated in {timeout} s")


def relerr(prices, reference) -> float:
    return max(abs(p - r) / abs(r) for p, r in zip(prices, reference))


def test_an_uploaded_method_is_evaluated_and_ranked_over_the_api(uploads):
    status, created = upload(uploads, pack_method_folder(CRR, limits=UploadLimits.from_config()))
    assert status == 201, created
    assert (created["name"], created["version"], created["owner"], created["status"]) == \
        ("CRR-TREE", 1, "alice", "evaluating")
    record = evaluated(uploads, "CRR-TREE", 1)
    assert record["status"] == "evaluated", record["evaluation"]
    evaluation = record["evaluation"]
    assert (evaluation["tests"]["verdict"], evaluation["tests"]["passed"], evaluation["tests"]["total"]) == \
        ("passed", 5, 5)
    # Ranked beside every built-in method of each problem, in the run the evaluation made.
    assert sorted(evaluation["defaults_runs"]) == ["1a-I", "1b-I"]
    for problem in ("1a-I", "1b-I"):
        status, run = uploads.get(f"/runs/{evaluation['defaults_runs'][problem]}")
        assert status == 200 and run["status"] == "done"
        builtin = {m.name for m in CATALOGUE.methods_for(problem) if m.family != "test"}
        assert {r["method"] for r in run["results"]} == builtin | {"CRR-TREE"}
        place = evaluation["problems"][problem]
        assert place["status"] == "ok"
        mine = next(r for r in run["results"] if r["problem"] == problem and r["method"] == "CRR-TREE")
        assert relerr(mine["prices"], CATALOGUE.problems[problem].reference) <= 1e-4
        ranking = run["ranking"][problem]
        assert place["rank"] == ranking.index("CRR-TREE") + 1
        assert place["ranked"] == len(ranking)
        assert place["slower_than"] + ["CRR-TREE"] + place["faster_than"] == ranking
        assert place["random"] == {"met": 1, "of": 1, "misses": []}
        line = next(s for s in evaluation["summary"] if s.startswith(problem))
        assert f"rank {place['rank']} of {len(ranking)}" in line
    # The random sets: a run of the method alone, scored against the reference for those parameters.
    for entry in evaluation["random_runs"]:
        status, random_run = uploads.get(f"/runs/{entry['run']}")
        assert random_run["request"]["methods"] == ["CRR-TREE"]
        assert random_run["request"]["params"] == entry["params"] != CATALOGUE.problems[entry["problem"]].defaults
        result = random_run["results"][0]
        assert result["status"] == "ok" and result["relerr"] <= 1e-4
        assert relerr(result["prices"], result["reference"]) == pytest.approx(result["relerr"])
    # Listed with its owner and verdict; its problems name it.
    listed = {m["name"]: m for m in uploads.get("/methods")[1]}
    assert listed["CRR-TREE"]["uploaded"] and listed["CRR-TREE"]["owner"] == "alice"
    assert listed["CRR-TREE"]["summary"] == evaluation["summary"]
    assert not listed["COS"]["uploaded"]
    problems = {p["id"]: p for p in uploads.get("/problems")[1]}
    assert "CRR-TREE" in problems["1a-I"]["methods"] and "CRR-TREE" not in problems["2-eu"]["methods"]


def test_the_cli_uploads_waits_and_prints_the_verdict(uploads, tmp_path):
    """A README more is a new version, evaluated while the CLI waits; the same files again are that version."""
    folder = tmp_path / "CRR-TREE"
    shutil.copytree(CRR, folder)
    (folder / "README.md").write_text("A binomial tree, the test fixture of an uploaded method.\n")
    env = {"BENCHOP_SERVICE_TOKEN": TOKEN, "PATH": str(BIN)}
    command = [str(BIN / "benchop"), "upload", str(folder), "--service", uploads.url, "--owner", "alice"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "uploaded CRR-TREE version 2 (owner alice): evaluating"
    assert lines[1] == "CRR-TREE version 2 (owner alice): evaluated"
    assert lines[2] == "  tests: passed (5 of 5)"
    assert any(line.startswith("  1a-I: rank ") and "1 of 1 random sets met" in line for line in lines)
    assert any(line.startswith("  1b-I: rank ") for line in lines)
    again = subprocess.run(command + ["--json"], capture_output=True, text=True, env=env, timeout=60)
    assert again.returncode == 0 and again.stderr.startswith("uploaded CRR-TREE version 2 (owner alice): evaluated")
    record = json.loads(again.stdout)
    assert record["files"] == ["README.md", "crr_tree_bs.m", "crr_tree_price.m", "crr_tree_solve.m", "method.json"]
    assert record["evaluation"]["problems"]["1b-I"]["status"] == "ok"
    # Someone else may not take the name.
    taken = subprocess.run([str(BIN / "benchop"), "upload", str(CRR), "--service", uploads.url, "--owner", "bob"],
                           capture_output=True, text=True, env=env, timeout=60)
    assert taken.returncode == 1
    assert "method CRR-TREE belongs to alice: choose another name" in taken.stderr
    # A folder that breaks the rules is refused before anything is sent.
    refused = subprocess.run([str(BIN / "benchop"), "upload", str(CRR.parent), "--service", uploads.url],
                             capture_output=True, text=True, env=env, timeout=60)
    assert refused.returncode == 2
    assert refused.stderr.startswith("benchop: error: ")


def test_python_uploads_a_new_version_and_the_history_keeps_both(uploads, tmp_path):
    folder = tmp_path / "CRR-TREE"
    shutil.copytree(CRR, folder)
    spec = json.loads((folder / "method.json").read_text())
    (folder / "method.json").write_text(json.dumps({**spec, "problems": ["1a-I"]}))
    service = ServiceClient(uploads.url, token=TOKEN)
    created = service.upload(folder, owner="alice")
    assert (created["name"], created["version"]) == ("CRR-TREE", 3)
    record = service.evaluation("CRR-TREE", 3, timeout=600, poll=1)
    assert record["status"] == "evaluated"
    assert list(record["evaluation"]["problems"]) == ["1a-I"]
    assert record["evaluation"]["problems"]["1a-I"]["status"] == "ok"
    history = service.method("CRR-TREE")
    assert [v["version"] for v in history["versions"]] == [3, 2, 1]
    assert service.method("CRR-TREE", 1)["spec"]["problems"] == ["1a-I", "1b-I"]
    # The catalogue runs the latest version.
    run = service.run("1b-I", ["COS"], progress=False)
    assert [r.method for r in run.results] == ["COS"]
    with pytest.raises(BadRequest, match="none of the methods CRR-TREE supports problem 1b-I"):
        service.run("1b-I", ["CRR-TREE"], progress=False)


def _zip_bomb() -> bytes:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("method.json", json.dumps({"name": "BOMB", "family": "other", "solver": "bomb_solve",
                                                    "problems": ["1a-I"], "levels": {"default": 1, "max": 1}}))
        archive.writestr("bomb_solve.m", b"%" * (64 << 20))
    return raw.getvalue()


def _traversal() -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz") as archive:
        for name, data in (("method.json", b"{}"), ("../../escaped.m", b"x = 1;\n")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return raw.getvalue()


@pytest.mark.parametrize("archive, message", [
    (_zip_bomb(), "(benchop.uploads.max-file-bytes)"),
    (_traversal(), "path escapes the method folder: ../../escaped.m"),
    (b"#!/bin/sh\nid\n", "not a zip or tar archive"),
], ids=["zip bomb", "path traversal", "not an archive"])
def test_a_bad_archive_is_refused_and_nothing_is_stored(uploads, archive, message):
    before = uploads.get("/methods")[1]
    start = time.monotonic()
    status, answer = upload(uploads, archive, owner="mallory")
    assert time.monotonic() - start < 10
    assert status == 422
    assert any(message in d["msg"] for d in answer["detail"]), answer
    assert uploads.get("/methods")[1] == before
    assert uploads.get("/methods/BOMB")[0] == 404
    assert not (Path("/") / "escaped.m").exists()


def test_an_abusive_upload_gets_its_verdict_and_the_service_goes_on(uploads, tmp_path):
    """A method that tries a shell in every call: evaluated, its verdict an error, nothing ran."""
    marker = tmp_path / "escaped"
    tmp_path.chmod(0o777)
    folder = tmp_path / "SHELL-OUT"
    folder.mkdir()
    (folder / "method.json").write_text(json.dumps({"name": "SHELL-OUT", "family": "other",
                                                    "solver": "shell_out_solve", "problems": ["1a-I"],
                                                    "levels": {"default": 1, "max": 2}}))
    (folder / "shell_out_solve.m").write_text(
        "function [U, info] = shell_out_solve (p, level)\n"
        f'  [status, out] = system ("touch {marker}");\n'
        '  if (status != 0) error ("no shell: status %d", status); endif\n'
        "  U = p.S; info = struct ();\nendfunction\n"
        "%!assert (1, 1)\n")
    service = ServiceClient(uploads.url, token=TOKEN)
    created = service.upload(folder, owner="mallory")
    record = service.evaluation(created["name"], created["version"], timeout=600, poll=1)
    assert record["status"] == "evaluated"
    place = record["evaluation"]["problems"]["1a-I"]
    assert place["status"] == "error" and place["rank"] is None
    assert place["error"] == "no shell: status 127"
    assert place["random"]["met"] == 0
    assert not marker.exists()
    assert uploads.get("/health")[1]["status"] == "ok"
    run = service.run("1a-I", ["COS"], progress=False)
    assert run.results[0].status == "ok"


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs chromium (scripts/test installs it)")
def test_the_page_shows_the_uploaded_methods_with_owner_and_verdict(uploads):
    from playwright.sync_api import expect, sync_playwright

    from test_browser import FLAGS

    listed = [m for m in uploads.get("/methods")[1] if m["uploaded"]]
    assert {m["name"] for m in listed} == {"CRR-TREE", "SHELL-OUT"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(uploads.url + "/")
            rows = page.locator("#uploads-table tr.upload-row")
            expect(rows).to_have_count(2)
            for method in listed:
                row = page.locator(f'#uploads-table tr.upload-row[data-name="{method["name"]}"]')
                cells = row.locator("td")
                expect(cells.nth(1)).to_have_text(str(method["version"]))
                expect(cells.nth(2)).to_have_text(method["owner"])
                expect(cells.nth(3)).to_have_text("evaluated")
                expect(row.locator("ul.verdict li")).to_have_text(method["summary"])
            # An uploaded method can be picked for a run; it is not picked until then.
            page.locator('#problems input[value="1a-I"]').check()
            expect(page.locator('#methods input[value="CRR-TREE"]')).not_to_be_checked()
            expect(page.locator('#methods input[value="COS"]')).to_be_checked()
            assert errors == []
        finally:
            browser.close()
