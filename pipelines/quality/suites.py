"""The gate's expectation suites: ONE entry per published table, defined in code.

A table that does not exist yet (entities, date mentions) is skipped with a visible reason; a mart
without an entry still gets the contract expectations (its documented columns, exactly).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from babel.localedata import locale_identifiers

from schemas.contract import EARLIEST_PUBLISHED_AT, FUTURE_DAYS_ALLOWED

# Detected languages are a small set, but declared ones (a page's <html lang>, a record's
# `language` field) can be any ISO 639-1 code: the two-letter languages CLDR knows.
LANGUAGE_CODES = (*sorted({name.split("_")[0] for name in locale_identifiers()} - {"root"}), "und")
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "MISC")  # pipelines/enrich/entities/extract.py
CLUSTER_METHODS = ("singleton", "exact", "url", "near")
REJECT_STAGES = ("ingest", "validate", "clean")
# Publication-date bounds: declared once in schemas/contract.py, read by validation too.
EARLIEST_DATE: date = EARLIEST_PUBLISHED_AT
__all__ = ["EARLIEST_DATE", "FUTURE_DAYS_ALLOWED", "SUITES", "TableSuite", "suites_for"]
# A published table may not shrink by more than this fraction from the previous snapshot.
VOLUME_DROP_TOLERANCE = 0.5
IDENTIFIER = re.compile(r"\A[a-z_][a-z0-9_]*\Z")


@dataclass(frozen=True)
class TableSuite:
    """What must hold for one table before it is published."""

    table: str
    keys: tuple[str, ...] = ()
    not_null: tuple[str, ...] = ()
    value_sets: dict[str, tuple[object, ...]] = field(default_factory=dict)
    dates: tuple[str, ...] = ()
    # column -> "schema.table.column" it must reference (NULLs allowed).
    references: dict[str, str] = field(default_factory=dict)
    may_be_empty: bool = False
    # Select every column (marts: small, and their documented columns are checked exactly).
    all_columns: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns the suite reads, in a stable order."""
        named = (*self.keys, *self.not_null, *self.value_sets, *self.dates, *self.references)
        return tuple(dict.fromkeys(named))

    def validate_names(self) -> None:
        """Every identifier is plain lower_snake_case: they are interpolated into SQL."""
        names = [*self.table.split("."), *self.columns]
        for ref in self.references.values():
            names += ref.split(".")
        bad = [n for n in names if not IDENTIFIER.match(n)]
        if bad or self.table.count(".") != 1:
            raise ValueError(f"suite {self.table}: not plain identifiers: {bad or self.table}")


SUITES: tuple[TableSuite, ...] = (
    TableSuite(
        "core.articles",
        keys=("article_id",),
        not_null=("content_hash", "cluster_id", "first_seen_at", "source_id"),
        value_sets={"language": LANGUAGE_CODES},
        dates=("published_at",),
        references={
            "cluster_id": "core.clusters.cluster_id",
            "source_id": "core.sources.source_id",
        },
    ),
    TableSuite("core.sources", keys=("source_id",), not_null=("name", "count_articles")),
    TableSuite(
        "core.article_sightings",
        keys=("dump_file", "record_index"),
        references={"article_id": "core.articles.article_id"},
    ),
    TableSuite(
        "quarantine.rejected_records",
        keys=("dump_file", "record_index"),
        value_sets={"stage": REJECT_STAGES},
        may_be_empty=True,
    ),
    TableSuite(
        "core.article_clusters",
        keys=("article_id",),
        not_null=("cluster_id",),
        value_sets={"method": CLUSTER_METHODS},
        references={
            "article_id": "core.articles.article_id",
            "cluster_id": "core.clusters.cluster_id",
        },
    ),
    TableSuite(
        "core.clusters",
        keys=("cluster_id",),
        not_null=("count_articles", "count_sources"),
        dates=("first_published_at",),
        references={"canonical_article_id": "core.articles.article_id"},
    ),
    TableSuite(
        "core.entities",
        keys=("entity_id",),
        value_sets={"entity_type": ENTITY_TYPES},
        may_be_empty=True,  # until the entities stage lands: then tighten
    ),
    TableSuite(
        "core.entity_mentions",
        not_null=("article_id", "entity_id"),
        references={
            "article_id": "core.articles.article_id",
            "entity_id": "core.entities.entity_id",
        },
        may_be_empty=True,  # until the entities stage lands: then tighten
    ),
    TableSuite(
        "core.dropped_entity_mentions",
        not_null=("article_id", "drop_reason"),
        references={"article_id": "core.articles.article_id"},
        may_be_empty=True,  # a text whose spans all stand
    ),
    TableSuite(
        "core.date_mentions",
        keys=("article_id", "mention_index"),
        not_null=("surface_text",),
        references={"article_id": "core.articles.article_id"},
        may_be_empty=True,  # until the dates stage fills it on every refresh: then tighten
    ),
    TableSuite(
        "marts.articles_daily",
        keys=("article_date", "source_id", "language"),
        value_sets={"language": LANGUAGE_CODES},
        dates=("article_date",),
        all_columns=True,
    ),
    TableSuite(
        "marts.stories",
        keys=("cluster_id",),
        not_null=("canonical_article_id", "count_articles", "count_sources"),
        value_sets={"language": LANGUAGE_CODES},
        dates=("first_published_at",),
        references={"canonical_article_id": "core.articles.article_id"},
        all_columns=True,
    ),
    TableSuite(
        "marts.dump_reconciliation",
        keys=("dump_file",),
        value_sets={"is_reconciled": (True,)},
        all_columns=True,
    ),
    TableSuite(
        "marts.entity_cooccurrence",
        keys=("week_date", "entity_id_a", "entity_id_b"),
        not_null=("count_articles",),
        may_be_empty=True,  # a small warehouse may name no pair in two articles of one week
        all_columns=True,
    ),
    TableSuite(
        "marts.quarantine_reasons",
        keys=("dump_file", "stage", "reject_reason"),
        value_sets={"stage": REJECT_STAGES},
        may_be_empty=True,
        all_columns=True,
    ),
)


def suites_for(marts: list[str]) -> list[TableSuite]:
    """Every suite: the entries above, plus a contract-only suite for marts without an entry."""
    listed = {suite.table for suite in SUITES}
    extra = [
        TableSuite(f"marts.{m}", all_columns=True) for m in marts if f"marts.{m}" not in listed
    ]
    suites = [*SUITES, *extra]
    for suite in suites:
        suite.validate_names()
    return suites
