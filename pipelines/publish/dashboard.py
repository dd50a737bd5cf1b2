"""The static dashboard: a self-contained page (plotly.js inlined) built from the snapshot."""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from pipelines.publish.permissions import restrict
from pipelines.warehouse import connect, fetch_frame, fetch_rows

DASHBOARD_DIR = "dashboard"
TOP_N = 10


@dataclass(frozen=True)
class Chart:
    """One panel: the tables it needs, its query and how to draw the result."""

    key: str
    title: str
    requires: tuple[str, ...]
    sql: str
    draw: Callable[[pd.DataFrame], go.Figure]


def _stacked(x: str, y: str, color: str, title: str) -> Callable[[pd.DataFrame], go.Figure]:
    def draw(frame: pd.DataFrame) -> go.Figure:
        grouped = frame.groupby([x, color], as_index=False)[y].sum()
        figure = px.bar(grouped, x=x, y=y, color=color, title=title)
        return figure.update_layout(legend={"orientation": "h", "y": -0.2}, height=460)

    return draw


def _stories(frame: pd.DataFrame) -> go.Figure:
    frame = frame.assign(label=frame["title"].fillna("").str.slice(0, 60))
    figure = px.bar(
        frame.iloc[::-1],
        x="sources",
        y="label",
        orientation="h",
        hover_data=["articles", "first_published", "cluster_id"],
        title="Largest stories: clusters carried by the most sources",
    )
    return figure.update_layout(yaxis_title=None, height=140 + 32 * len(frame))


def _entities(frame: pd.DataFrame) -> go.Figure:
    return px.line(
        frame,
        x="day",
        y="mentions",
        color="entity",
        markers=True,
        title="Top entities this week: daily mentions over four weeks",
    )


def _timeline(frame: pd.DataFrame) -> go.Figure:
    return px.bar(frame, x="day", y="mentions", title="Days mentioned in article text")


CHARTS = (
    Chart(
        "articles_by_source",
        "Articles per day by source",
        ("core.articles",),
        "dashboard/select_articles_per_day",
        _stacked("day", "articles", "source", "Articles per day by source"),
    ),
    Chart(
        "articles_by_language",
        "Articles per day by language",
        ("core.articles",),
        "dashboard/select_articles_per_day",
        _stacked("day", "articles", "language", "Articles per day by language"),
    ),
    Chart(
        "top_entities",
        "Top entities this week",
        ("core.entities", "core.entity_mentions", "core.articles"),
        "dashboard/select_top_entities_weekly",
        _entities,
    ),
    Chart(
        "largest_stories",
        "Largest stories",
        ("core.clusters", "core.articles"),
        "dashboard/select_largest_stories",
        _stories,
    ),
    Chart(
        "date_mentions",
        "Date mentions timeline",
        ("core.date_mentions",),
        "dashboard/select_date_mentions_timeline",
        _timeline,
    ),
    Chart(
        "quarantine",
        "Quarantine reasons over time",
        ("marts.quarantine_reasons", "marts.dump_reconciliation"),
        "dashboard/select_quarantine_over_time",
        _stacked("day", "records", "reason", "Quarantined records by reason (day first processed)"),
    ),
)


def render_dashboard(snapshot: Path, out_dir: Path) -> Path:
    """Write `out_dir/index.html` from the published snapshot (opened read-only)."""
    con = connect(snapshot, read_only=True)
    try:
        present = {row[0] for row in fetch_rows(con, "dashboard/select_published_tables")}
        panels = [_panel(con, chart, present) for chart in CHARTS]
        freshness = fetch_frame(con, "dashboard/select_freshness")
    finally:
        con.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    page = _page(panels, freshness)
    building = out_dir / "index.html.building"
    building.write_text(page, encoding="utf-8")
    restrict(out_dir)
    restrict(building)
    os.replace(building, out_dir / "index.html")
    return out_dir / "index.html"


def _panel(con: object, chart: Chart, present: set[str]) -> str:
    missing = [t for t in chart.requires if t not in present]
    if missing:
        reason = f"not available yet: the snapshot has no {', '.join(missing)}"
        return _unavailable(chart, reason)
    frame = fetch_frame(con, chart.sql, {"limit": TOP_N})  # type: ignore[arg-type]
    if frame.empty:
        return _unavailable(chart, "no rows in this snapshot")
    figure = chart.draw(frame).update_layout(margin={"l": 40, "r": 20, "t": 50, "b": 40})
    body = figure.to_html(
        full_html=False,
        include_plotlyjs=False,
        div_id=f"chart-{chart.key}",
        default_width="100%",
        default_height=f"{figure.layout.height or 420}px",
        config={"responsive": True, "displaylogo": False},
    )
    return f'<section class="chart" data-chart="{chart.key}">{body}</section>'


def _unavailable(chart: Chart, reason: str) -> str:
    return (
        f'<section class="chart unavailable" data-chart="{chart.key}">'
        f"<h2>{html.escape(chart.title)}</h2><p>{html.escape(reason)}</p></section>"
    )


def _page(panels: list[str], freshness: pd.DataFrame) -> str:
    facts = freshness.iloc[0].to_dict() if not freshness.empty else {}
    rows = "".join(
        f"<tr><th>{html.escape(str(k).replace('_', ' '))}</th><td>{html.escape(str(v))}</td></tr>"
        for k, v in facts.items()
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>news-warehouse dashboard</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; background: #fafafa; color: #222; }}
main {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 1rem; }}
section {{ background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .5rem;
          min-width: 0; overflow: hidden; }}
.unavailable {{ color: #777; }} table {{ border-collapse: collapse; }}
th, td {{ text-align: left; padding: .15rem .8rem; border-bottom: 1px solid #eee; }}
</style>
<script type="text/javascript">{get_plotlyjs()}</script>
</head><body>
<h1>news-warehouse: published snapshot</h1>
<section class="freshness" data-chart="freshness"><h2>Data freshness</h2>
<table>{rows}</table></section>
<main>{"".join(panels)}</main>
<script>window.addEventListener("load", () =>
  document.querySelectorAll(".js-plotly-plot").forEach((p) => Plotly.Plots.resize(p)));</script>
</body></html>
"""
