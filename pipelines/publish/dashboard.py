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
RECENT_DAYS = 60
BAR_COLOUR = "#3b6ea8"
Draw = Callable[[pd.DataFrame, str], go.Figure]


@dataclass(frozen=True)
class Chart:
    """One panel: its title, the tables it needs, its query and parameters, how to draw it."""

    key: str
    title: str
    requires: tuple[str, ...]
    sql: str
    draw: Draw
    params: tuple[tuple[str, object], ...] = ()


def _ranked(label: str, value: str, hover: tuple[str, ...] = ()) -> Draw:
    """A horizontal bar per row, the largest on top, one colour: a ranking, not a legend."""

    def draw(frame: pd.DataFrame, title: str) -> go.Figure:
        frame = frame.assign(**{label: frame[label].fillna("").str.slice(0, 70)}).iloc[::-1]
        figure = px.bar(
            frame, x=value, y=label, orientation="h", hover_data=list(hover), title=title
        )
        figure.update_traces(marker_color=BAR_COLOUR)
        if frame[value].max() <= 10:  # small counts: whole-number ticks, not 0.2 steps
            figure.update_xaxes(dtick=1)
        return figure.update_layout(
            yaxis_title=None, yaxis={"automargin": True}, height=140 + 30 * len(frame)
        )

    return draw


def _by_language(frame: pd.DataFrame, title: str) -> go.Figure:
    figure = px.bar(frame, x="day", y="articles", color="language", title=title)
    figure.update_xaxes(tickformat="%d %b %Y")
    return figure.update_layout(legend={"orientation": "h", "y": -0.2}, height=420)


def _timeline(frame: pd.DataFrame, title: str) -> go.Figure:
    figure = px.bar(frame, x="month", y="mentions", color="kind", title=title)
    figure.update_traces(xperiod="M1", xperiodalignment="middle")
    figure.update_xaxes(dtick="M1" if frame["month"].nunique() <= 24 else "M12", tickformat="%b %Y")
    return figure.update_layout(legend={"orientation": "h", "y": -0.25}, height=420)


ENTITIES = ("core.entities", "core.entity_mentions", "core.articles")
RECENT = (("days", RECENT_DAYS),)


def _entity_chart(key: str, title: str, types: tuple[str, ...]) -> Chart:
    params = (*RECENT, ("entity_types", list(types)))
    draw = _ranked("entity", "stories", ("mentions",))
    return Chart(key, title, ENTITIES, "dashboard/select_top_entities", draw, params)


CHARTS = (
    Chart(
        "top_sources",
        "Top outlets by stories",
        ("core.articles", "core.sources"),
        "dashboard/select_top_sources",
        _ranked("outlet", "stories", ("articles",)),
    ),
    Chart(
        "articles_by_language",
        f"Articles per day by language (last {RECENT_DAYS} days)",
        ("core.articles",),
        "dashboard/select_articles_per_day",
        _by_language,
        RECENT,
    ),
    _entity_chart("top_people", f"Top people (last {RECENT_DAYS} days)", ("PER",)),
    _entity_chart("top_organisations", f"Top organisations (last {RECENT_DAYS} days)", ("ORG",)),
    _entity_chart("top_places", f"Top places (last {RECENT_DAYS} days)", ("GPE", "LOC")),
    Chart(
        "largest_stories",
        "Largest stories: carried by the most outlets",
        ("marts.stories",),
        "dashboard/select_largest_stories",
        _ranked("title", "outlets", ("articles", "sources", "first_published")),
    ),
    Chart(
        "date_mentions",
        "Dates mentioned in the text, by month",
        ("core.date_mentions",),
        "dashboard/select_date_mentions_timeline",
        _timeline,
    ),
    Chart(
        "quarantine",
        "Quarantined records by reason",
        ("marts.quarantine_reasons",),
        "dashboard/select_quarantine_reasons",
        _ranked("reason", "records", ("dumps",)),
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
    params = {"limit": TOP_N, **dict(chart.params)}
    frame = fetch_frame(con, chart.sql, params)  # type: ignore[arg-type]
    if frame.empty:
        return _unavailable(chart, "no rows in this snapshot")
    figure = chart.draw(frame, chart.title)
    figure.update_layout(margin={"l": 40, "r": 20, "t": 50, "b": 40})
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
