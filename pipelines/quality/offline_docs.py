"""Make Great Expectations Data Docs work offline: vendored CSS/JS instead of CDN links."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent / "vendor"
VENDOR_SUBDIR = Path("static") / "vendor"
# fontawesome.min.css loads `../webfonts/*` relative to itself: static/vendor/ -> static/webfonts/.
WEBFONTS_SUBDIR = Path("static") / "webfonts"
LOGO = Path("static") / "images" / "logo-long.png"
FAVICON = Path("static") / "images" / "favicon.ico"
# CDN file name -> vendored file; None: dropped (optional dark theme, Vega for chart renderers).
ASSETS: dict[str, str | None] = {
    "bootstrap.min.css": "bootstrap.min.css",
    "bootstrap.min.js": "bootstrap.min.js",
    "jquery-3.7.1.min.js": "jquery.min.js",
    "popper.min.js": "popper.min.js",
    "bootstrap-table.min.css": "bootstrap-table.min.css",
    "bootstrap-table.min.js": "bootstrap-table.min.js",
    "bootstrap-table-filter-control.css": "bootstrap-table-filter-control.min.css",
    "bootstrap-table-filter-control.min.css": "bootstrap-table-filter-control.min.css",
    "bootstrap-table-filter-control.min.js": "bootstrap-table-filter-control.min.js",
    "bootstrap-datepicker.min.css": "bootstrap-datepicker.min.css",
    "bootstrap-datepicker.min.js": "bootstrap-datepicker.min.js",
    "all.min.css": "fontawesome.min.css",
    "bootstrap-prefers-dark.css": None,
    "vega@5": None,
    "vega-lite@5": None,
    "vega-embed@6": None,
}
LINK = re.compile(r"<link\b[^>]*\bhref=\"(https?://[^\"]+)\"[^>]*>")
SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"(https?://[^\"]+)\"[^>]*>\s*</script>")
IMAGE_URL = re.compile(r"https?://great-expectations-web-assets\.[^\"')\s]+")
# GE 1.24 writes the favicon link of validation pages one directory short of the docs root.
FAVICON_LINK = re.compile(r"(<link\b[^>]*\bhref=\")(?:\.{1,2}/)*static/images/favicon\.ico(\")")


class UnknownAsset(ValueError):
    """A Data Docs page loads a remote file this module does not know how to replace."""


def make_offline(docs_dir: Path) -> int:
    """Copy the vendored assets into `docs_dir` and rewrite every page; the pages rewritten."""
    target = docs_dir / VENDOR_SUBDIR
    skipped = shutil.ignore_patterns("*.md", "webfonts")
    shutil.copytree(VENDOR_DIR, target, dirs_exist_ok=True, ignore=skipped)
    shutil.copytree(VENDOR_DIR / "webfonts", docs_dir / WEBFONTS_SUBDIR, dirs_exist_ok=True)
    pages = 0
    for page in docs_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        rewritten = rewrite_page(html, os.path.relpath(docs_dir, page.parent))
        if rewritten != html:
            page.write_text(rewritten, encoding="utf-8")
            pages += 1
    return pages


def rewrite_page(html: str, root: str) -> str:
    """The page with CDN stylesheets and scripts replaced by `root`-relative vendored copies."""
    base = Path(root)

    def local(url: str) -> str | None:
        name = url.rstrip("/").rsplit("/", 1)[-1]
        if name not in ASSETS:
            raise UnknownAsset(f"Data Docs load {url}: vendor it in pipelines/quality/vendor")
        vendored = ASSETS[name]
        return None if vendored is None else (base / VENDOR_SUBDIR / vendored).as_posix()

    def link(match: re.Match[str]) -> str:
        path = local(match.group(1))
        return "" if path is None else f'<link rel="stylesheet" href="{path}">'

    def script(match: re.Match[str]) -> str:
        path = local(match.group(1))
        return "" if path is None else f'<script src="{path}"></script>'

    html = LINK.sub(link, html)
    html = SCRIPT.sub(script, html)
    html = FAVICON_LINK.sub(lambda m: m.group(1) + (base / FAVICON).as_posix() + m.group(2), html)
    return IMAGE_URL.sub((base / LOGO).as_posix(), html)


def remote_loads(html: str) -> list[str]:
    """URLs a page would fetch while loading (stylesheets, scripts, images), not plain links."""
    found = [m.group(1) for m in LINK.finditer(html)] + [m.group(1) for m in SCRIPT.finditer(html)]
    found += re.findall(r"<img\b[^>]*\bsrc=\"(https?://[^\"]+)\"", html)
    return found + re.findall(r"url\(['\"]?(https?://[^'\")]+)", html)
