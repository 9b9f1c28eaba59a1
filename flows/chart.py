"""A small self-contained SVG timeline of one project's figures (no plotting dependency)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from flows.alert_text import format_figure

WIDTH, ROW_HEIGHT, MARGIN = 760, 90, 150


def write_history_svg(rows: list[dict[str, Any]], path: Path) -> None:
    """One lane per metric (and kind/unit; and project when ``rows`` hold several); each
    report is a dot labelled with its value. Raises ``OSError`` when ``path`` cannot be
    written."""
    lanes: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
    several = len({r.get("project_id") for r in rows}) > 1
    for r in rows:
        when = r.get("published_at")
        if isinstance(when, str):
            when = datetime.fromisoformat(when)
        if not isinstance(when, datetime):
            continue
        lane = " ".join(str(x) for x in (r["metric"], r.get("kind"), r.get("unit")) if x)
        if several:
            lane = f"{r.get('project') or r.get('project_id')}: {lane}"
        value = r.get("value") if r.get("value_text") is None else r.get("value_text")
        label = format_figure(value, r.get("unit"), r.get("qualifier"), r["metric"])
        lanes[lane].append((when, label))
    times = [t for points in lanes.values() for t, _ in points]
    height = ROW_HEIGHT * max(len(lanes), 1) + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             'font-family="sans-serif" font-size="11">']
    if times:
        t0, t1 = min(times), max(times)
        span = (t1 - t0).total_seconds() or 1.0

        def x(t: datetime) -> float:
            return MARGIN + (WIDTH - MARGIN - 60) * (t - t0).total_seconds() / span

        for i, (lane, points) in enumerate(sorted(lanes.items())):
            y = 40 + i * ROW_HEIGHT
            parts.append(f'<text x="5" y="{y + 4}">{escape(lane)}</text>')
            parts.append(f'<line x1="{MARGIN}" y1="{y}" x2="{WIDTH - 40}" y2="{y}" '
                         'stroke="#ccc"/>')
            for t, label in sorted(points):
                parts.append(f'<circle cx="{x(t):.1f}" cy="{y}" r="4" fill="#1f77b4"/>')
                parts.append(f'<text x="{x(t):.1f}" y="{y - 8}" text-anchor="middle">'
                             f'{escape(label)}</text>')
                parts.append(f'<text x="{x(t):.1f}" y="{y + 18}" text-anchor="middle" '
                             f'fill="#666">{t:%Y-%m-%d}</text>')
    parts.append("</svg>")
    path.write_text("\n".join(parts), encoding="utf-8")
