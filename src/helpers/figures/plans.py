"""Figures of a marathon block: volume, strength work, variants side by side."""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figures._render import (
    PALETTE,
    _bars_with_line,
    _floats,
    _legend_above,
    describe,
)
from helpers.units import MARATHON_KM

_PLAN_PHASES = ("base", "build", "peak", "taper")


def plan_block(
    weeks,
    title: str = "Running volume across the block",
    unit: str = "km",
    weeks_max: int | None = None,
    volume_max: float | None = None,
    legend_x: float = 0.0,
):
    """Weekly running volume [unit] as bars coloured by phase, recovery weeks hatched.

    ``weeks``: ``Plan.weeks`` (columns ``week``, ``phase``, ``recovery``, ``run_km``,
    ``long_run_km``). The long run is drawn as a line over the bars. Always five traces (one
    per phase, empty if the block has none, and the long run), so :mod:`helpers.explore` can
    swap the data; ``weeks_max`` [weeks] and ``volume_max`` [unit] fix the x and y axes so
    blocks of different lengths and peaks share one frame (``None``: fit the data).
    ``legend_x`` [fraction of the plot width] is where the legend row starts; an explorer
    with a dropdown above the plot moves it right of the dropdown.
    """
    fig = go.Figure()
    for i, phase in enumerate(_PLAN_PHASES):
        part = weeks[weeks["phase"] == phase]
        fig.add_trace(
            go.Bar(
                x=[int(w) for w in part["week"]],
                y=_floats(part["run_km"]),
                name=phase,
                marker=dict(
                    color=PALETTE[i], pattern_shape=["/" if r else "" for r in part["recovery"]]
                ),
                hovertemplate=f"week %{{x}} ({phase}): %{{y:.1f}} {unit}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[int(w) for w in weeks["week"]],
            y=_floats(weeks["long_run_km"]),
            name="long run (race in the last week)",
            mode="lines+markers",
            line=dict(color=PALETTE[7], width=2),
            hovertemplate=f"week %{{x}}: long run %{{y:.1f}} {unit}<extra></extra>",
        )
    )
    fig.update_layout(
        title=title,
        height=430,
        margin=dict(t=100),
        bargap=0.15,
        xaxis=dict(
            title="week of the block",
            dtick=1,
            range=None if weeks_max is None else [0.5, weeks_max + 0.5],
        ),
        yaxis=dict(
            title=f"running per week [{unit}]",
            range=None if volume_max is None else [0, volume_max],
        ),
        legend={**_legend_above(), "x": legend_x},
    )
    return describe(
        fig,
        "Bars of weekly running volume coloured by phase (base, build, peak, "
        "taper), hatched in recovery weeks, with a line for the long run.",
    )


def plan_strength(weeks, title: str = "Strength work across the block"):
    """Strength sessions per week (stacked: heavy and other) with relative volume load (line).

    ``weeks``: ``Plan.weeks`` (``week``, ``strength_sessions``, ``heavy_sessions``,
    ``volume_load_rel``).
    """
    x = [int(w) for w in weeks["week"]]
    heavy = [int(v) for v in weeks["heavy_sessions"]]
    other = [int(s) - h for s, h in zip(weeks["strength_sessions"], heavy, strict=True)]
    fig = _bars_with_line(
        [
            go.Bar(
                x=x,
                y=other,
                name="general or light sessions",
                marker_color=PALETTE[4],
                hovertemplate="week %{x}: %{y} general/light<extra></extra>",
            ),
            go.Bar(
                x=x,
                y=heavy,
                name="heavy and explosive sessions",
                marker_color=PALETTE[5],
                hovertemplate="week %{x}: %{y} heavy<extra></extra>",
            ),
        ],
        go.Scatter(
            x=x,
            y=_floats(weeks["volume_load_rel"]),
            name="volume load (sets × reps × fraction of 1RM)",
            mode="lines+markers",
            line=dict(color=PALETTE[7], width=2),
            hovertemplate="week %{x}: %{y:.0f}<extra></extra>",
        ),
        yaxis2=dict(title="relative volume load [reps × 1RM]", rangemode="tozero", tickmode="auto"),
    )
    fig.update_layout(
        barmode="stack",
        title=title,
        height=430,
        margin=dict(t=100, r=70),
        xaxis=dict(title="week of the block", dtick=1),
        yaxis=dict(title="strength sessions per week", dtick=1),
        legend=_legend_above(traceorder="normal"),
    )
    return describe(
        fig,
        "Stacked bars of strength sessions per week split into heavy and "
        "general or light sessions, with a line of the relative volume load.",
    )


def plan_compare(
    table, column: str, title: str, yaxis_title: str, x_max: int | None = None, y_range=None
):
    """One line per ``variant`` of ``compare_plans`` output: ``column`` against weeks to race.

    The x axis runs from the longest block down to race week (0), so blocks of different
    lengths line up on race day.
    """
    fig = go.Figure()
    for i, (name, part) in enumerate(table.groupby("variant", sort=False)):
        fig.add_trace(
            go.Scatter(
                x=[int(v) for v in part["weeks_to_race"]],
                y=_floats(part[column]),
                name=str(name),
                mode="lines+markers",
                line=dict(
                    color=PALETTE[i % len(PALETTE)],
                    width=2.5,
                    dash=("solid", "dash", "dot", "dashdot")[i % 4],
                ),
                hovertemplate=f"{name}: %{{x}} weeks out, %{{y:.1f}}<extra></extra>",
            )
        )
    longest = x_max if x_max is not None else int(table["weeks_to_race"].max())
    fig.update_layout(
        title=title,
        height=450,
        margin=dict(t=110),
        xaxis=dict(title="weeks to race (0 = race week)", range=[longest + 0.5, -0.5], dtick=2),
        yaxis=dict(title=yaxis_title, range=y_range),
        legend=_legend_above(),
    )
    return describe(
        fig,
        f"One line per plan variant showing {column.replace('_', ' ')} week by "
        "week, aligned on race day.",
    )


def plan_long_runs(table, race_km: float = MARATHON_KM, warn_share: float = 0.6, title: str = ""):
    """The long run of each week, one line per ``variant`` of ``compare_plans`` output, against
    weeks to race, with the race distance and ``warn_share`` of it as dotted lines.

    Race week (where ``long_run_km`` is the race) is left out, so each line ends on the last
    long run before race day and the gap to the race line is the gap a runner has to close.
    """
    fig = go.Figure()
    for i, (name, part) in enumerate(table.groupby("variant", sort=False)):
        part = part[part["weeks_to_race"] > 0]
        fig.add_trace(
            go.Scatter(
                x=[int(v) for v in part["weeks_to_race"]],
                y=_floats(part["long_run_km"]),
                name=str(name),
                mode="lines+markers",
                line=dict(
                    color=PALETTE[i % len(PALETTE)], width=2.5, dash=("solid", "dash")[i % 2]
                ),
                hovertemplate=f"{name}: %{{x}} weeks out, long run %{{y:.1f}} km<extra></extra>",
            )
        )
    for y, text in (
        (race_km, "race distance"),
        (warn_share * race_km, f"{warn_share:.0%} of the race"),
    ):
        fig.add_hline(
            y=round(y, 2),
            line=dict(color=PALETTE[7], dash="dot", width=1.5),
            annotation_text=f"{text} ({y:.1f} km)",
            annotation_position="top right",
        )
    longest = int(table["weeks_to_race"].max())
    fig.update_layout(
        title=title or "The long run week by week",
        height=450,
        margin=dict(t=110),
        xaxis=dict(title="weeks to race", range=[longest + 0.5, 0.5], dtick=2),
        yaxis=dict(title="long run [km]", range=[0, round(race_km * 1.1)]),
        legend=_legend_above(),
    )
    return describe(
        fig,
        f"One line per plan variant showing the long run week by week up to race week, with "
        f"dotted lines at the race distance and at {warn_share:.0%} of it.",
    )
