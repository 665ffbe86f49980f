"""Figures of the exercise library (lesson 02): coverage by muscle and the exercise board.

Each function takes model results (from the science layer) and returns a ``go.Figure`` with a
title, axis titles with units and a screen-reader description (:func:`describe`).
"""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figures._render import (
    PALETTE,
    _legend_above,
    describe,
)


def library_coverage_bars(coverage, title: str = "How many exercises train each muscle"):
    """Stacked horizontal bars of :func:`helpers.exercises.muscle_coverage` (prime mover, synergist)."""
    table = coverage.iloc[::-1]
    labels = [muscle.replace("_", " ") for muscle in table.index]
    fig = go.Figure(
        [
            go.Bar(y=labels, x=list(table["primary"]), name="prime mover", orientation="h"),
            go.Bar(
                y=labels,
                x=list(table["secondary"]),
                name="synergist",
                orientation="h",
                marker_color=PALETTE[4],
            ),
        ]
    )
    fig.update_layout(
        barmode="stack",
        title=title,
        xaxis_title="exercises [count]",
        height=520,
        margin=dict(l=110),
        legend=_legend_above(traceorder="normal"),
    )
    return describe(
        fig,
        "Bar chart: for each muscle, the number of library exercises that train it as a "
        "prime mover and as a synergist.",
    )


def library_coverage_heatmap(table, title: str = "Prime movers by muscle group of the session"):
    """Heatmap of a muscles × groups table of counts (e.g. ``muscle_coverage(...)["primary"]`` per group)."""
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy().tolist(),
            x=list(table.columns),
            y=[muscle.replace("_", " ") for muscle in table.index],
            colorscale="Blues",
            texttemplate="%{z}",
            colorbar=dict(title="exercises"),
            hovertemplate="%{y} in %{x} exercises: %{z}<extra></extra>",
        )
    )
    fig.update_layout(
        title=title,
        xaxis_title="exercise group",
        yaxis_title=None,
        yaxis_autorange="reversed",
        height=540,
        margin=dict(l=110),
    )
    return describe(
        fig,
        "Heatmap: rows are muscles, columns are exercise groups, each cell counts the "
        "exercises in that group that train the muscle as a prime mover.",
    )


def library_exercise_board(selection, title: str = "Exercises", rows: int = 28, height: int = 780):
    """A table-like figure of a library selection: one column per group, names coloured by level.

    ``selection`` is a slice of :func:`helpers.exercises.load_exercises` (for example from
    ``select_exercises``). Always three traces (beginner, intermediate, advanced) and a fixed
    frame of ``rows`` rows, so it can be explored with :mod:`helpers.explore`.
    """
    from helpers.exercises import GROUPS, LEVELS

    position = {group: i for i, group in enumerate(GROUPS)}
    rank = selection.groupby("group").cumcount()
    symbols = {"beginner": "circle", "intermediate": "diamond", "advanced": "triangle-up"}
    colours = {"beginner": PALETTE[2], "intermediate": PALETTE[1], "advanced": PALETTE[5]}
    traces = []
    for level in LEVELS:
        part = selection[selection["level"] == level]
        traces.append(
            go.Scatter(
                x=[position[g] for g in part["group"]],
                y=[-int(r) for r in rank[part.index]],
                text=list(part["name"]),
                hovertext=[
                    f"{name}: {' + '.join(kit)}"
                    for name, kit in zip(part["name"], part["equipment"], strict=True)
                ],
                hoverinfo="text",
                mode="markers+text",
                textposition="middle right",
                textfont=dict(size=12),
                marker=dict(color=colours[level], symbol=symbols[level], size=9),
                name=level,
            )
        )
    fig = go.Figure(traces)
    fig.update_layout(
        title=title,
        height=height,
        xaxis=dict(range=[-0.1, len(GROUPS)], visible=False),
        yaxis=dict(range=[-rows + 0.5, 1.6], visible=False),
        # column headers inside the frame (the explore controls sit above it)
        annotations=[
            dict(x=i - 0.05, y=1.1, text=f"<b>{group}</b>", showarrow=False, xanchor="left")
            for i, group in enumerate(GROUPS)
        ],
        legend=dict(orientation="h", x=1.0, xanchor="right", y=0.0, yanchor="bottom"),
        margin=dict(l=20, r=20),
    )
    return describe(
        fig, "Exercise names listed in four columns (core, glutes, legs, upper), marked by level."
    )
