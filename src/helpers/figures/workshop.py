"""Figures for coaches: the workshop timetable."""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figures._render import PALETTE, describe


def workshop_timeline(
    table, title: str = "Workshop timetable", height: int | None = None
) -> go.Figure:
    """Horizontal bars of a :func:`helpers.workshop.timetable`: one bar per block, in minutes.

    ``height`` [px] defaults to one that fits the blocks; fix it when the figure is explored.
    """
    timed = table[table["kind"] != "after"].iloc[::-1]
    labels = [b if len(b) <= 30 else b[:29] + "…" for b in timed["block"]]
    colours = {
        "opening": PALETTE[4],
        "lesson": PALETTE[0],
        "break": "#bbbbbb",
        "practice": PALETTE[2],
        "wrap-up": PALETTE[1],
    }
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=list((timed["end_min"] - timed["start_min"]).astype(int)),
            base=list(timed["start_min"].astype(int)),
            orientation="h",
            marker_color=[colours[k] for k in timed["kind"]],
            text=[
                f"{s}–{e} min" for s, e in zip(timed["start_min"], timed["end_min"], strict=True)
            ],
            textposition="auto",
            textangle=0,
            cliponaxis=False,
            customdata=list(timed["end_min"].astype(int)),
            hovertemplate="%{y}: %{base}–%{customdata} min<extra></extra>",
        )
    )
    fig.update_layout(
        title=title,
        xaxis_title="Time from the start [min]",
        yaxis_title=None,
        height=height or max(300, 40 * len(timed) + 120),
        margin=dict(l=230),
        yaxis_automargin=True,
        xaxis_range=[0, round(int(timed["end_min"].max()) * 1.12, 1)],
    )
    lessons = int((timed["kind"] == "lesson").sum())
    end_min = int(timed["end_min"].max())
    return describe(
        fig,
        f"Timeline of a {end_min}-minute workshop: {len(timed)} blocks, {lessons} of them lessons.",
    )
