"""The web page in real headless Chromium: submit a run, watch the ranking and both plots fill in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from service_process import TOKEN

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = Path(__file__).resolve().parent / "output"
# Flags that let Chromium run here: root, no GPU, no network beyond loopback.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
CHOSEN = {"COS", "FD", "RBF-FD", "FGL"}



@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs chromium (scripts/test installs it)")
def test_the_page_runs_a_benchmark_and_draws_the_ranking_and_both_plots(service, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1360, "height": 1800})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(service.url + "/")
            _, settings = service.get("/settings")  # the form's defaults are the service's
            expect(page.locator("#tol")).to_have_value(str(settings["tol"]["default"]))
            expect(page.locator("#repeat")).to_have_value(str(settings["repeat"]["default"]))
            page.fill("#token", TOKEN)
            page.locator('#problems input[value="1a-I"]').check()
            page.locator('#problems input[value="4"]').check()
            expect(page.locator("#param-K")).to_be_visible()
            page.fill("#param-K", "105")
            # A few fast deterministic methods keep the run short; the count comes from the catalogue.
            page.click("#methods-none")
            for name in CHOSEN:
                page.locator(f'#methods input[value="{name}"]').check()
            _, problems = service.get("/problems")
            expected = sum(len(CHOSEN & set(p["methods"])) for p in problems if p["id"] in ("1a-I", "4"))
            assert expected >= 6
            page.click("#submit")

            expect(page.locator("#status")).to_contain_text("done", timeout=300_000)
            rows = page.locator("#ranking tr.result-row")
            expect(rows.first).to_be_visible()
            assert rows.count() == expected
            ranked = page.locator("#ranking tr.result-row", has_text="ok")
            assert ranked.count() == expected
            expect(page.locator("#plot-time .bk-Figure")).to_have_count(1, timeout=60_000)
            expect(page.locator("#plot-wp .bk-Figure")).to_have_count(1, timeout=60_000)
            assert page.locator("#dashboard-link").get_attribute("href").startswith("http://127.0.0.1:")
            expect(page.locator("#history tr.history-row")).to_have_count(1, timeout=30_000)
            page.wait_for_timeout(1500)  # let the canvas finish painting before the picture
            OUTPUT.mkdir(exist_ok=True)
            page.screenshot(path=str(OUTPUT / "page.png"), full_page=True)
            assert not errors, errors
        finally:
            browser.close()
