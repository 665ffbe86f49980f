"""Figures of strength models (lesson 03): 1RM equations, RPE chart, progressions.

Each function takes model results (from the science layer) and returns a ``go.Figure`` with a
title, axis titles with units and a screen-reader description (:func:`describe`).
"""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figures._render import (
    PALETTE,
    _floats,
    _legend_above,
    describe,
)


def strength_formula_curves(
    estimates, weight: float, unit: str = "kg", title: str = "Seven 1RM equations, one set"
):
    """One line per 1RM equation: the estimate from ``weight`` lifted for 1–10 reps.

    ``estimates`` is a DataFrame indexed by reps with one column per formula [``unit``], e.g.
    built from :func:`helpers.strength.estimate_1rm`.
    """
    reps = [int(r) for r in estimates.index]
    fig = go.Figure(
        [
            go.Scatter(
                x=reps,
                y=_floats(estimates[name]),
                name=name,
                mode="lines+markers",
                hovertemplate=f"{name}: %{{x}} reps → %{{y:.1f}} {unit}<extra></extra>",
            )
            for name in estimates.columns
        ]
    )
    fig.update_layout(
        title=title,
        height=460,
        xaxis=dict(title=f"reps to failure with {weight:g} {unit}", dtick=1),
        yaxis_title=f"estimated 1RM [{unit}]",
        legend=dict(x=0.01, y=0.99),
    )
    return describe(
        fig,
        f"{len(estimates.columns)} lines of estimated one-repetition maximum against reps "
        f"done with {weight:g} {unit}; they agree at one rep and fan out as reps rise.",
    )


def strength_rpe_lines(
    chart, rpes=(10.0, 9.0, 8.0, 7.0), title: str = "How heavy a set is, by reps and RPE"
):
    """Lines of %1RM against reps for a few rows of :data:`helpers.strength.RPE_CHART`."""
    reps = [int(r) for r in chart.columns]
    fig = go.Figure(
        [
            go.Scatter(
                x=reps,
                y=[round(100 * float(v), 1) for v in chart.loc[rpe]],
                name=f"RPE {rpe:g}",
                mode="lines+markers",
                hovertemplate=f"RPE {rpe:g}, %{{x}} reps: %{{y:.1f}} % of 1RM<extra></extra>",
            )
            for rpe in rpes
        ]
    )
    fig.update_layout(
        title=title,
        height=440,
        xaxis=dict(title="reps in the set", dtick=1),
        yaxis_title="load [% of 1RM]",
        legend=dict(x=0.99, xanchor="right", y=0.99),
    )
    return describe(
        fig,
        "Lines of percent of one-repetition maximum against reps, one per RPE; every line "
        "falls as reps rise and higher RPE lines lie above lower ones.",
    )


def _strength_load_traces(table, name: str, color: str, unit: str = "kg"):
    """A scheme's load per session (line) and its deload sessions (open markers)."""
    deload = table["deload"].to_numpy(dtype=bool)
    sessions = [int(s) for s in table["session"]]
    loads = _floats(table["load"])
    return [
        go.Scatter(
            x=sessions,
            y=loads,
            name=name,
            mode="lines+markers",
            line=dict(color=color),
            marker=dict(size=6),
            legendgroup=name,
            hovertemplate=f"{name}, session %{{x}}: %{{y:g}} {unit}<extra></extra>",
        ),
        go.Scatter(
            x=[s for s, d in zip(sessions, deload, strict=True) if d],
            y=[v for v, d in zip(loads, deload, strict=True) if d],
            name=f"{name}: deload",
            mode="markers",
            legendgroup=name,
            showlegend=False,
            marker=dict(size=12, symbol="circle-open", color=color, line=dict(width=2)),
            hovertemplate=f"{name}, session %{{x}}: deload %{{y:g}} {unit}<extra></extra>",
        ),
    ]


def strength_progressions(tables, title: str = "Four progressions, one lifter", unit: str = "kg"):
    """Load per session of several schemes (``tables``: name → progression DataFrame from
    :mod:`helpers.strength`); deload sessions are circled."""
    fig = go.Figure()
    for k, (name, table) in enumerate(tables.items()):
        fig.add_traces(_strength_load_traces(table, name, PALETTE[k % len(PALETTE)], unit))
    fig.update_layout(
        title=title,
        height=480,
        xaxis_title="session",
        yaxis_title=f"working load [{unit}]",
        legend=_legend_above(),
        margin=dict(t=100),
    )
    return describe(
        fig,
        f"Lines of working load per session for {len(tables)} progression schemes; "
        "circles mark deload sessions.",
    )


def strength_weekly_volume(tables, title: str = "Weekly volume load", unit: str = "kg"):
    """Grouped bars of weekly volume load (sum of ``volume_load`` per ``week``) for several
    progression tables (name → DataFrame)."""
    fig = go.Figure()
    for name, table in tables.items():
        weekly = table.groupby("week")["volume_load"].sum()
        fig.add_trace(
            go.Bar(
                x=[int(w) for w in weekly.index],
                y=_floats(weekly),
                name=name,
                hovertemplate=f"{name}, week %{{x}}: %{{y:,.0f}} {unit}<extra></extra>",
            )
        )
    fig.update_layout(
        title=title,
        barmode="group",
        height=440,
        xaxis=dict(title="week", dtick=1),
        yaxis_title=f"volume load [{unit}]",
        legend=_legend_above(),
        margin=dict(t=100),
    )
    return describe(fig, f"Grouped bars of weekly volume load for {len(tables)} plans.")


def strength_block(
    table,
    one_rm,
    title: str,
    name: str = "working load",
    x_max: int = 32,
    y_max: float = 100,
    unit: str = "kg",
):
    """One block of a progression for exploring: load per session, deloads circled, and the
    lifter's modelled 1RM (``one_rm``: a Series indexed by session) as a dashed line.

    Always three traces and fixed axes, so it can be explored with :mod:`helpers.explore`.
    """
    fig = go.Figure(_strength_load_traces(table, name, PALETTE[0], unit))
    fig.add_trace(
        go.Scatter(
            x=[int(s) for s in one_rm.index],
            y=_floats(one_rm),
            name="lifter's 1RM (model)",
            mode="lines",
            line=dict(color=PALETTE[7], dash="dash"),
            hovertemplate=f"session %{{x}}: 1RM %{{y:.1f}} {unit}<extra></extra>",
        )
    )
    fig.update_layout(
        title=title,
        height=480,
        xaxis=dict(title="session", range=[0.5, x_max + 0.5]),
        yaxis=dict(title=f"load [{unit}]", range=[0, y_max]),
        legend=dict(orientation="h", x=0, y=0.02, yanchor="bottom"),
        margin=dict(t=90),
    )
    return describe(
        fig,
        "Line of working load per session over a training block with deload sessions "
        "circled, below a dashed line for the lifter's modelled one-repetition maximum.",
    )
