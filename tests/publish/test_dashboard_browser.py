"""The dashboard in a real headless Chromium: no console errors, every chart renders with its
title visible."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

from pipelines.publish.dashboard import CHARTS

from .browser import chromium, console_errors
from .conftest import Published

# Charts the sample refresh always fills; any other panel renders or says why it has no data.
WITH_DATA = {
    "top_sources",
    "articles_by_language",
    "top_places",
    "largest_stories",
    "quarantine",
}
SECTIONS = """return Array.from(document.querySelectorAll('section.chart')).map(
  (s) => [s.dataset.chart, s.querySelectorAll('.main-svg .trace').length,
          s.classList.contains('unavailable')])"""
# Each panel's title as drawn (plotly's title, or the heading of a panel without data), and
# whether it is on screen: not empty, inside its panel, not hidden.
TITLES = """return Array.from(document.querySelectorAll('section.chart')).map((s) => {
  const title = s.querySelector('.gtitle') || s.querySelector('h2');
  if (!title) return [s.dataset.chart, null, false];
  const box = title.getBoundingClientRect(), panel = s.getBoundingClientRect();
  const style = getComputedStyle(title);
  const inside = box.width > 0 && box.height > 0 && box.left >= panel.left - 1
    && box.right <= panel.right + 1 && box.top >= panel.top - 1 && box.bottom <= panel.bottom + 1;
  return [s.dataset.chart, title.textContent,
          inside && style.visibility !== 'hidden' && style.opacity !== '0'];
})"""


def test_dashboard_is_self_contained(published: Published) -> None:
    page = (published.publish / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert "<script src=" not in page and '<link rel="stylesheet" href="http' not in page


def test_dashboard_renders_in_headless_chromium(published: Published, tmp_path: Path) -> None:
    with chromium(tmp_path) as driver:
        driver.get((published.publish / "dashboard" / "index.html").as_uri())
        # Plotly draws asynchronously: wait until every panel with data has drawn its traces.
        WebDriverWait(driver, 20).until(
            lambda d: all(empty or traces for _, traces, empty in d.execute_script(SECTIONS))
        )
        sections = {key: (traces, empty) for key, traces, empty in driver.execute_script(SECTIONS)}
        titles = {key: (text, shown) for key, text, shown in driver.execute_script(TITLES)}
        errors = console_errors(driver)
        driver.save_screenshot(str(tmp_path / "dashboard.png"))
    assert errors == []
    assert set(sections) == {chart.key for chart in CHARTS}
    for key, (traces, empty) in sections.items():
        assert empty or traces > 0, f"chart {key} did not render"
        assert key not in WITH_DATA or not empty, f"chart {key} says it has no data"
    assert titles == {chart.key: (chart.title, True) for chart in CHARTS}
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000
