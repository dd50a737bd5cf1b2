"""Great Expectations Data Docs in a real headless Chromium: no console errors, icons drawn."""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

from .browser import chromium, console_errors
from .conftest import Published

LOADED = "return document.readyState === 'complete' && document.fonts.status === 'loaded'"
FACES = """return Array.from(document.fonts)
    .filter((f) => f.status === 'loaded').map((f) => f.family)"""


def test_data_docs_load_without_console_errors(published: Published, tmp_path: Path) -> None:
    docs = published.publish / "data_docs"
    pages = [
        docs / "index.html",
        next(iter(sorted(docs.glob("expectations/*/*.html")))),
        next(iter(sorted(docs.glob("validations/**/*.html")))),
    ]
    errors: dict[str, list[object]] = {}
    with chromium(tmp_path) as driver:
        for page in pages:
            driver.get(page.as_uri())
            WebDriverWait(driver, 20).until(lambda d: d.execute_script(LOADED))
            errors[page.relative_to(docs).as_posix()] = console_errors(driver)
        # The validation page's status icons are drawn with Font Awesome's solid face.
        faces = driver.execute_script(FACES)
        driver.save_screenshot(str(tmp_path / "validation.png"))
    assert errors == {name: [] for name in errors}
    assert "Font Awesome 6 Free" in faces
