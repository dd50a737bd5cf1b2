"""The mention asset checks: same verdicts as slicing the text in Python, linear in body size."""

from __future__ import annotations

import random
import time

import duckdb
import pyarrow as pa
import pytest

from pipelines.warehouse import sql_text

WORDS = ["روسيا", "بوتين", "Vladimir", "Putin", "الأمم", "news", "é\u0301t", "x", ""]


def tables() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA core")
    con.execute("CREATE TABLE core.article_sightings (article_id VARCHAR, dump_file VARCHAR)")
    con.execute("CREATE TABLE core.articles (article_id VARCHAR, title VARCHAR, body VARCHAR)")
    con.execute("CREATE TABLE core.entities (entity_id VARCHAR)")
    con.execute("INSERT INTO core.entities VALUES ('e1')")
    con.execute(
        "CREATE TABLE core.entity_mentions (article_id VARCHAR, entity_id VARCHAR, "
        "field VARCHAR, surface VARCHAR, start_char INT, end_char INT)"
    )
    con.execute(
        "CREATE TABLE core.date_mentions (article_id VARCHAR, surface_text VARCHAR, "
        "start_char INT, end_char INT, resolved_start DATE, resolved_end DATE)"
    )
    return con


def text_of(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) + rng.choice([" ", " ", "\n", "  "]) for _ in range(words))


def fill(con: duckdb.DuckDBPyConnection, rng: random.Random, words: int, aid: str) -> list[tuple]:
    """An article and mentions at every 37th offset, a tenth of them wrong; returns them."""
    body, title = text_of(rng, words), f"Title {aid}"
    con.execute("INSERT INTO core.articles VALUES (?, ?, ?)", [aid, title, body])
    con.execute("INSERT INTO core.article_sightings VALUES (?, 'd')", [aid])
    rows = [(aid, "e1", "title", title[:5], 0, 5), (aid, "e1", "body", "x", -1, 2)]
    rows.append((aid, "e1", "body", body[-3:], len(body) - 3, len(body)))
    rows.append((aid, "e1", "body", body[5:1500], 5, 1500))  # longer than a chunk window
    for start in range(0, max(0, len(body) - 30), 37):
        end = start + rng.randint(1, 25)
        surface = body[start:end] + ("z" if rng.random() < 0.1 else "")
        rows.append((aid, rng.choice(["e1", "e2"]), "body", surface, start, end))
    columns = list(zip(*rows, strict=True))
    names = ["a", "e", "f", "s", "st", "en"]
    con.register("mentions", pa.table(dict(zip(names, columns, strict=True))))
    con.execute("INSERT INTO core.entity_mentions SELECT * FROM mentions")
    con.execute(
        "INSERT INTO core.date_mentions SELECT a, s, st, en, NULL, NULL FROM mentions "
        "WHERE f = 'body'"
    )
    return rows


def expected(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> tuple[int, int]:
    texts = {
        (aid, field): text
        for aid, title, body in con.execute("SELECT * FROM core.articles").fetchall()
        for field, text in (("title", title), ("body", body))
    }
    missing = sum(entity != "e1" for _, entity, *_ in rows)
    bad = 0
    for aid, _, field, surface, start, end in rows:
        text = texts.get((aid, field))
        ok = text is not None and 0 <= start < end <= len(text) and text[start:end] == surface
        bad += not ok
    return missing, bad


def violations(con: duckdb.DuckDBPyConnection, name: str, part_count: int = 1) -> tuple:
    """A check's counts summed over its parts, as pipelines.checks.mention_check_results runs it."""
    sql = sql_text(f"checks/count_{name}_mention_violations")
    parts = [
        con.execute(sql, {"dump_files": ["d"], "part": part, "part_count": part_count}).fetchone()
        for part in range(part_count)
    ]
    return tuple(sum(counts) for counts in zip(*parts, strict=True))


@pytest.mark.parametrize("part_count", [1, 3])
def test_same_verdicts_as_python(part_count: int) -> None:
    con, rng = tables(), random.Random(19)
    rows = [row for i in range(20) for row in fill(con, rng, rng.randint(0, 3000), f"a{i}")]
    assert violations(con, "entity", part_count) == expected(con, rows)
    assert violations(con, "date", part_count) == con.execute(DIRECT_DATE_CHECK).fetchone()


# The former date check: substr() on the whole body, quadratic but plainly right.
DIRECT_DATE_CHECK = """
SELECT count(*) FILTER (WHERE a.article_id IS NULL),
    count(*) FILTER (WHERE substr(a.body, m.start_char + 1, m.end_char - m.start_char)
        <> m.surface_text),
    count(*) FILTER (WHERE m.resolved_start > m.resolved_end
        OR (m.resolved_start IS NULL) <> (m.resolved_end IS NULL))
FROM core.date_mentions AS m LEFT JOIN core.articles AS a USING (article_id)
"""


@pytest.mark.parametrize("name", ["entity", "date"])
def test_linear_in_body_size(name: str) -> None:
    """A 2.7-million-character body (500,000 words, ~75,000 mentions) in seconds: the old
    substring() check took 73 s on 1.1 million characters, and grew with the square."""
    con = tables()
    fill(con, random.Random(5), 500_000, "big")
    began = time.monotonic()
    violations(con, name)
    assert time.monotonic() - began < 20
