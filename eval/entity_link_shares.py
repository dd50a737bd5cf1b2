"""Per language, the share of PER and ORG mentions whose entity has a cross-language id
(crosswalk or gazetteer), from a warehouse (`sql/report/select_linked_mention_shares.sql`).

    .venv/bin/python eval/entity_link_shares.py /tmp/w.duckdb
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.warehouse import connect, sql_text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path, help="a DuckDB warehouse file")
    args = parser.parse_args()
    with connect(args.warehouse, read_only=True) as connection:
        rows = connection.execute(sql_text("report/select_linked_mention_shares")).fetchall()
    print(f"{'language':<9}{'type':<5}{'mentions':>9}{'linked':>8}{'share':>7}")
    for language, kind, mentions, linked, share in rows:
        print(f"{language or '-':<9}{kind:<5}{mentions:>9,}{linked:>8,}{share:>7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
