"""Sources as entities: every spelling of an outlet resolves to one source_id."""

from __future__ import annotations

import json
import zipfile

import pytest

from pipelines.sources import (
    UNKNOWN,
    fold_name,
    host_of,
    load_registry,
    parse_registry,
    registrable_domain,
    source_id,
)


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        # The bundled samples' spellings collapse to their outlets.
        ("gulf-daily", "https://gulf-daily.example/a", "gulf-daily.example"),
        ("Gulf Daily", None, "gulf-daily.example"),
        ("gulf-daily.example", None, "gulf-daily.example"),
        ("الوطن", "https://alwatan-example.sa/local/x", "alwatan-example.sa"),
        ("alwatan", "https://www.alwatan-example.sa/x", "alwatan-example.sa"),
        ("Le Quotidien", "http://le-quotidien.example.fr/x", "le-quotidien.example.fr"),
        # Real outlets: the dump's source field alone, or the URL alone.
        ("alwatan", None, "alwatan.com.sa"),
        ("الوطن", None, "alwatan.com.sa"),
        ("ALWATAN", None, "alwatan.com.sa"),
        (None, "http://www.aleqt.com/2015/07/21/article_1.html", "aleqt.com"),
        ("aleqtisadiya", "http://www.aleqt.com/2015/07/21/article_1.html", "aleqt.com"),
        # The URL's registered site wins over a declared wire agency.
        ("Reuters", "https://m.okaz.com.sa/news/1", "okaz.com.sa"),
        # Unregistered: the registrable domain, else a slug of the name.
        (None, "https://news.bbc.co.uk/world/1", "bbc.co.uk"),
        ("www.Example-News.com.", None, "example-news.com"),
        ("Some  Paper_Daily", None, "some-paper-daily"),
        (None, None, UNKNOWN),
        ("   ", "not a url", UNKNOWN),
    ],
)
def test_source_id(source: str | None, url: str | None, expected: str) -> None:
    assert source_id(source, url) == expected


def test_folding_and_hosts() -> None:
    assert fold_name("Gulf  Daily") == fold_name("gulf_daily") == "gulf-daily"
    assert fold_name("الوطـــن") == fold_name("الوطن")  # tatweel
    assert host_of("HTTPS://user@WWW.Alwatan.com.sa:8080/x?y#z") == "alwatan.com.sa"
    assert host_of("alwatan.com.sa/x") is None
    assert registrable_domain("a.b.alwatan.com.sa") == "alwatan.com.sa"
    assert registrable_domain("gulf-daily.example") == "gulf-daily.example"


def test_registry_is_consistent() -> None:
    registry = load_registry()
    assert len(registry.outlets) >= 14
    for outlet in registry.outlets.values():
        assert outlet.source_id in outlet.domains and outlet.name


def test_registry_refuses_an_alias_of_two_outlets() -> None:
    text = "a.com\tA\t\tnews\tar\tSA\nb.com\tB\t\tNews\ten\t\n"
    with pytest.raises(ValueError, match=r"belongs to a\.com"):
        parse_registry(text)


def test_saudinewsnet_outlets_resolve_to_one_registered_id_each() -> None:
    """The real dumps' source field and URL agree on 14 registered outlets."""
    from tests.conftest import shared_dataset

    pairs: set[tuple[str, str]] = set()
    for archive in sorted(shared_dataset("saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():
                pairs |= {(r["source"], r["url"]) for r in json.loads(zf.read(member))}
    ids: dict[str, set[str]] = {}
    for source, url in pairs:
        ids.setdefault(source, set()).add(source_id(source, url))
        ids[source].add(source_id(source, None))
    assert len(ids) == 14
    assert all(len(found) == 1 for found in ids.values()), ids
    assert {i for found in ids.values() for i in found} <= set(load_registry().outlets)
