"""Figures of a marathon block (lesson 06): volume, strength work, variants, explorer.

Each function takes model results (from the science layer) and returns a ``go.Figure`` with a
title, axis titles with units and a screen-reader description (:func:`describe`).
"""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figures._render import (
    PALETTE,
    _bars_with_line,
    _floats,
    _legend_above,
    describe,
)

_PLAN_PHASES = ("base", "build", "peak", "taper")


def plan_block(weeks, title: str = "Running volume across the block", unit: str = "km"):
    """Weekly running volume [unit] as bars coloured by phase, recovery weeks hatched.

    ``weeks``: ``Plan.weeks`` (columns ``week``, ``phase``, ``recovery``, ``run_km``,
    ``long_run_km``). The long run is drawn as a line over the bars.
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
        xaxis=dict(title="week of the block", dtick=1),
        yaxis_title=f"running per week [{unit}]",
        legend=_legend_above(),
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


def plan_explorer(
    weeks, title: str, x_max: int = 24, km_max: float = 90, load_max: float = 3500, note: str = ""
):
    """Weekly running volume (bars, left axis) and session-RPE load (line, right) by weeks to race.

    Always two traces with fixed axes, so :mod:`helpers.explore` can precompute every state;
    ``note`` is shown as an annotation (e.g. the plan's warnings).
    """
    x = [int(len(weeks) - w) for w in weeks["week"]]
    fig = _bars_with_line(
        [
            go.Bar(
                x=x,
                y=_floats(weeks["run_km"]),
                name="running [km]",
                marker_color=PALETTE[0],
                hovertemplate="%{x} weeks out: %{y:.1f} km<extra></extra>",
            )
        ],
        go.Scatter(
            x=x,
            y=_floats(weeks["load"]),
            name="weekly load [AU]",
            mode="lines+markers",
            line=dict(color=PALETTE[5], width=2.5),
            hovertemplate="%{x} weeks out: %{y:.0f} AU<extra></extra>",
        ),
        yaxis2=dict(title="session-RPE load per week [AU]", range=[0, load_max]),
    )
    fig.update_layout(
        title=title,
        height=480,
        margin=dict(t=100, r=70, b=110),
        xaxis=dict(title="weeks to race (0 = race week)", range=[x_max + 0.5, -0.5], dtick=2),
        yaxis=dict(title="running per week [km]", range=[0, km_max]),
        legend=_legend_above(),
        annotations=[
            dict(
                text=note,
                xref="paper",
                yref="paper",
                x=0,
                y=-0.25,
                xanchor="left",
                showarrow=False,
                align="left",
            )
        ],
    )
    return describe(
        fig,
        "Bars of weekly running kilometres and a line of weekly training load, "
        "counted in weeks to race, for the chosen block length, peak and "
        "strength sessions.",
    )
