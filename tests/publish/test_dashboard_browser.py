"""The dashboard in a real headless Chromium: no console errors, every chart with data renders."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from pipelines.publish.dashboard import CHARTS

from .conftest import Published

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,2200",
]
# Charts the sample refresh always fills; any other panel renders or says why it has no data.
WITH_DATA = {"articles_by_source", "articles_by_language", "largest_stories", "quarantine"}
SECTIONS = """return Array.from(document.querySelectorAll('section.chart')).map(
  (s) => [s.dataset.chart, s.querySelectorAll('.main-svg .trace').length,
          s.classList.contains('unavailable')])"""


def test_dashboard_is_self_contained(published: Published) -> None:
    page = (published.publish / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert "<script src=" not in page and '<link rel="stylesheet" href="http' not in page


def test_dashboard_renders_in_headless_chromium(published: Published, tmp_path: Path) -> None:
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium/chromedriver not installed here (.ci/run installs them in CI)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        driver.get((published.publish / "dashboard" / "index.html").as_uri())
        # Plotly draws asynchronously: wait until every panel with data has drawn its traces.
        WebDriverWait(driver, 20).until(
            lambda d: all(empty or traces for _, traces, empty in d.execute_script(SECTIONS))
        )
        sections = {key: (traces, empty) for key, traces, empty in driver.execute_script(SECTIONS)}
        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
        driver.save_screenshot(str(tmp_path / "dashboard.png"))
    finally:
        driver.quit()
    assert errors == []
    assert set(sections) == {chart.key for chart in CHARTS}
    for key, (traces, empty) in sections.items():
        assert empty or traces > 0, f"chart {key} did not render"
        assert key not in WITH_DATA or not empty, f"chart {key} says it has no data"
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000
