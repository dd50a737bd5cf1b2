"""map_fields on each scraper schema: exact results, nothing thrown away."""

from __future__ import annotations

import json
from typing import Any

from pipelines.ingest import map_fields


def test_news_please() -> None:
    obj = {
        "title": "Headline",
        "maintext": "Main text.",
        "description": "Teaser",
        "date_publish": "2020-01-02 10:00:00",
        "date_modify": None,
        "date_download": "2020-01-03 00:00:00",
        "url": "https://example.com/a",
        "language": "en",
        "authors": ["Ann Smith", "Bob Jones"],
        "source_domain": "example.com",
        "image_url": "https://example.com/a.jpg",
        "localpath": None,
        "text": "old body field",
    }
    assert map_fields(obj) == {
        "title": "Headline",
        "body": "Main text.",
        "url": "https://example.com/a",
        "published_at_raw": "2020-01-02 10:00:00",
        "language": "en",
        "authors": "Ann Smith; Bob Jones",
        "source": "example.com",
        "extra": json.dumps(
            {
                "date_download": "2020-01-03 00:00:00",
                "date_modify": None,
                "description": "Teaser",
                "image_url": "https://example.com/a.jpg",
                "localpath": None,
                "text": "old body field",
            },
            ensure_ascii=False,
            sort_keys=True,
        ),
    }


def test_saudinewsnet_crawl_date_is_a_fallback() -> None:
    obj = {
        "source": "aawsat",
        "url": "http://aawsat.com/home/article/411641",
        "date_extracted": "2015-07-22 00:05:53",
        "title": "الفقر أحد أسباب تأخر النمو",
        "author": "القاهرة: «الشرق الأوسط أونلاين»",
        "content": "توصلت دراسة جديدة",
    }
    assert map_fields(obj) == {
        "title": "الفقر أحد أسباب تأخر النمو",
        "body": "توصلت دراسة جديدة",
        "url": "http://aawsat.com/home/article/411641",
        "published_at_raw": "2015-07-22 00:05:53",
        "language": None,
        "authors": "القاهرة: «الشرق الأوسط أونلاين»",
        "source": "aawsat",
        "extra": "{}",
        "published_at_source": "crawl",
    }
    with_date = map_fields({**obj, "author": "", "published": "2015-07-21"})
    assert with_date["published_at_raw"] == "2015-07-21"
    assert "published_at_source" not in with_date
    assert with_date["authors"] is None
    assert json.loads(with_date["extra"] or "") == {"date_extracted": "2015-07-22 00:05:53"}


def test_newspaper() -> None:
    obj = {
        "title": "T",
        "text": "Body",
        "publish_date": "2019-05-06T07:08:09+00:00",
        "authors": [],
        "url": "u",
        "top_image": "i.png",
        "keywords": ["a", "b"],
    }
    assert map_fields(obj) == {
        "title": "T",
        "body": "Body",
        "url": "u",
        "published_at_raw": "2019-05-06T07:08:09+00:00",
        "language": None,
        "authors": None,
        "source": None,
        "extra": '{"keywords": ["a", "b"], "top_image": "i.png"}',
    }


def test_generic_names_case_insensitive() -> None:
    obj = {
        "Headline": "H",
        "Article": "A",
        "Published At": "yesterday",
        "LINK": "l",
        "Lang": "ar",
        "Byline": "By X",
        "Outlet": "O",
        "Section": "World",
    }
    assert map_fields(obj) == {
        "title": "H",
        "body": "A",
        "url": "l",
        "published_at_raw": "yesterday",
        "language": "ar",
        "authors": "By X",
        "source": "O",
        "extra": '{"Section": "World"}',
    }


def test_body_priority_and_leftovers_in_extra() -> None:
    obj = {"body": "b", "text": "t", "content": "c", "maintext": "m", "article": "a"}
    fields = map_fields(obj)
    assert fields["body"] == "m"
    assert json.loads(fields["extra"] or "") == {
        "body": "b",
        "text": "t",
        "content": "c",
        "article": "a",
    }
    assert map_fields({"text": "t", "body": "b"})["body"] == "t"
    assert map_fields({"href": "h", "url": "u"})["url"] == "u"


def test_empty_values_fall_through_to_the_next_alias() -> None:
    fields = map_fields({"maintext": "", "content": "  ", "text": "real", "title": None})
    assert fields["body"] == "real"
    assert fields["title"] is None
    assert fields["extra"] == "{}"


def test_scalars_and_nested_values() -> None:
    obj: dict[str, Any] = {
        "title": 42,
        "body": {"paragraphs": ["p1", "p2"]},
        "date": 1437523553,
        "authors": ["A", 7, None, ""],
        "source": True,
        "score": 1.5,
    }
    fields = map_fields(obj)
    assert fields["title"] == "42"
    assert fields["body"] is None
    assert fields["published_at_raw"] == "1437523553"
    assert fields["authors"] == "A; 7"
    assert fields["source"] == "True"
    assert json.loads(fields["extra"] or "") == {
        "body": {"paragraphs": ["p1", "p2"]},
        "score": 1.5,
    }


def test_list_body_falls_back_to_a_string_alias() -> None:
    fields = map_fields({"content": ["p1", "p2"], "text": "flat"})
    assert fields["body"] == "flat"
    assert json.loads(fields["extra"] or "") == {"content": ["p1", "p2"]}


def test_extra_is_sorted_non_ascii_json() -> None:
    fields = map_fields({"z": "ي", "a": 1})
    assert fields["extra"] == '{"a": 1, "z": "ي"}'
    assert list(fields) == [
        "title",
        "body",
        "url",
        "published_at_raw",
        "language",
        "authors",
        "source",
        "extra",
    ]
