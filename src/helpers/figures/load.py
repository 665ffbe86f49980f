"""Figures of training load: weekly volume, daily load, ACWR, fitness–fatigue–form, the log."""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figures._render import (
    PALETTE,
    _bars_with_line,
    _days,
    _floats,
    _legend_above,
    _values,
    describe,
)

#: The often-quoted ACWR "sweet spot" and the ratio above which risk was said to rise
#: (Gabbett 2016, doi:10.1136/bjsports-2015-095788); later analyses contest both.
ACWR_BAND = (0.8, 1.3)
ACWR_HIGH = 1.5


def _acwr_band(fig, **where) -> None:
    """Shade the ACWR band and dot the high line; ``where``: ``yref`` or ``row``/``col``."""
    fig.add_hrect(
        y0=ACWR_BAND[0], y1=ACWR_BAND[1], fillcolor=PALETTE[2], opacity=0.12, line_width=0, **where
    )
    fig.add_hline(y=ACWR_HIGH, line=dict(color=PALETTE[7], dash="dot", width=1), **where)


def _zero_line(fig, **where) -> None:
    """A thin black line at 0 (form above it: fresher than fit; below: more tired)."""
    fig.add_hline(y=0, line=dict(color=PALETTE[7], width=1), **where)


def _volume_sets_trace(sets_per_muscle):
    """One horizontal bar per muscle (first muscle on top), labelled with its sets."""
    labels = [muscle.replace("_", " ") for muscle in sets_per_muscle.index][::-1]
    values = _floats(sets_per_muscle.to_numpy())[::-1]
    return go.Bar(
        y=labels,
        x=values,
        orientation="h",
        name="hard sets",
        marker_color=PALETTE[0],
        text=[f"{v:g}" for v in values],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}: %{x} sets<extra></extra>",
        showlegend=False,
    )


def volume_sets_bars(
    sets_per_muscle,
    target=(10, 12),
    title: str = "Hard sets per muscle in the week",
    sets_max: float | None = None,
):
    """Bars of weekly sets per muscle (a Series muscle → sets, e.g. one row of
    :func:`helpers.strength.weekly_sets`), with the shaded ``target`` band [sets/week]."""
    fig = go.Figure(_volume_sets_trace(sets_per_muscle))
    if target:
        fig.add_vrect(x0=target[0], x1=target[1], fillcolor=PALETTE[2], opacity=0.15, line_width=0)
    fig.update_layout(
        title=title,
        xaxis_title="hard sets per week [sets]",
        xaxis_range=[
            0,
            sets_max
            or round(max(float(sets_per_muscle.max()) * 1.15, (target or (0, 1))[1] + 2), 2),
        ],
        height=520,
        margin=dict(l=110),
    )
    return describe(
        fig,
        "Bar chart of hard sets per week for each muscle; a shaded band marks "
        f"{target[0]}–{target[1]} sets."
        if target
        else "Bar chart of hard sets per week for each muscle.",
    )


def _volume_load_traces(daily):
    """Stacked bars of a daily table with columns ``run`` and ``strength`` [AU]."""
    days = [f"{d:%a} {d.day}" for d in daily.index]
    return [
        go.Bar(
            x=days,
            y=_floats(daily["run"]),
            name="running",
            marker_color=PALETTE[0],
            hovertemplate="%{x}: running %{y:.0f} AU<extra></extra>",
        ),
        go.Bar(
            x=days,
            y=_floats(daily["strength"]),
            name="strength",
            marker_color=PALETTE[1],
            hovertemplate="%{x}: strength %{y:.0f} AU<extra></extra>",
        ),
    ]


def volume_daily_load(daily, title: str = "Daily session-RPE load", load_max: float | None = None):
    """Stacked daily bars of running and strength load [AU] (columns ``run``, ``strength``)."""
    fig = go.Figure(_volume_load_traces(daily))
    fig.update_layout(
        barmode="stack",
        title=title,
        yaxis_title="session-RPE load [AU]",
        yaxis_range=[
            0,
            load_max or round(float((daily["run"] + daily["strength"]).max()) * 1.1, 2),
        ],
        height=420,
        legend=_legend_above(traceorder="normal"),
    )
    return describe(fig, "Stacked bars of running and strength load for each day of the week.")


def volume_dashboard(
    sets_per_muscle,
    daily,
    title: str,
    target=(10, 12),
    sets_max: float = 30,
    load_max: float = 1000,
):
    """Weekly sets per muscle (left) next to the week's daily running + strength load (right).

    Fixed axes (``sets_max`` [sets], ``load_max`` [AU]) so it can be explored with
    :mod:`helpers.explore`; ``daily`` has columns ``run`` and ``strength`` [AU].
    """
    from plotly.subplots import make_subplots

    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.42, 0.58],
        horizontal_spacing=0.16,
        subplot_titles=("Hard sets per muscle [sets/week]", "Daily load [AU]"),
    )
    for axis in ("xaxis", "xaxis2"):  # stored pages show 0.3528, not 0.35279999999999995
        fig.layout[axis].domain = [round(edge, 4) for edge in fig.layout[axis].domain]
    for note in fig.layout.annotations:  # the subplot titles sit over the rounded domains
        note.x = round(note.x, 4)
    fig.add_trace(_volume_sets_trace(sets_per_muscle), row=1, col=1)
    for trace in _volume_load_traces(daily):
        fig.add_trace(trace, row=1, col=2)
    if target:
        fig.add_vrect(
            x0=target[0],
            x1=target[1],
            fillcolor=PALETTE[2],
            opacity=0.15,
            line_width=0,
            row=1,
            col=1,
        )
    fig.update_layout(
        title=title,
        barmode="stack",
        height=560,
        margin=dict(l=110, t=110),
        legend=dict(x=1.0, xanchor="right", y=1.0, yanchor="top", traceorder="normal"),
    )
    fig.update_xaxes(range=[0, sets_max], title_text="sets", row=1, col=1)
    fig.update_yaxes(range=[0, load_max], title_text="session-RPE load [AU]", row=1, col=2)
    return describe(
        fig,
        "Left: bars of weekly hard sets for each muscle. Right: stacked bars of running and "
        "strength load for each day of the week.",
    )


_LOG_SPORT_LABELS = {
    "run": "running",
    "strength": "strength",
    "cross": "cross-training",
    "other": "other (yoga, ...)",
}


def log_weekly_load(weekly, title: str = "Weekly session-RPE load by sport"):
    """Stacked weekly bars of load by sport [AU] from ``helpers.logs.weekly_summary``."""
    weeks = [f"{d:%d %b}" for d in weekly.index]
    fig = go.Figure()
    for i, (sport, label) in enumerate(_LOG_SPORT_LABELS.items()):
        fig.add_trace(
            go.Bar(
                x=weeks,
                y=_floats(weekly[f"load_{sport}"]),
                name=label,
                marker_color=PALETTE[i],
                hovertemplate=f"week of %{{x}}: {label} %{{y:.0f}} AU<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        title=title,
        height=430,
        xaxis_title="week starting",
        yaxis_title="session-RPE load [AU]",
        margin=dict(t=100),
        legend=_legend_above(traceorder="normal"),
    )
    return describe(
        fig,
        "Stacked bars of each week's training load split into running, "
        "strength, cross-training and other sessions.",
    )


def log_km_vs_plan(comparison, title: str = "Logged running volume against the plan"):
    """Logged weekly running km (bars) against a plan's weekly km (line), week by week.

    ``comparison``: ``helpers.logs.compare_to_plan`` output, indexed by the plan week's start,
    with ``run_km`` and ``planned_km`` [km]: both series come from the same dated weeks.
    """
    weeks = [f"{d:%d %b}" for d in comparison.index]
    fig = _bars_with_line(
        [
            go.Bar(
                x=weeks,
                y=_floats(comparison["run_km"]),
                name="logged",
                marker_color=PALETTE[0],
                hovertemplate="week of %{x}: %{y:.1f} km<extra></extra>",
            )
        ],
        go.Scatter(
            x=weeks,
            y=_floats(comparison["planned_km"]),
            name="plan",
            mode="lines+markers",
            line=dict(color=PALETTE[1], width=3),
            hovertemplate="week of %{x}: plan %{y:.1f} km<extra></extra>",
        ),
    )
    fig.update_layout(
        title=title,
        height=430,
        xaxis_title="week starting",
        xaxis_tickangle=-45,
        yaxis_title="running volume [km]",
        margin=dict(t=100, b=110),
        legend=_legend_above(),
    )
    return describe(
        fig,
        "Bars of the running kilometres logged each week with a line of the "
        "kilometres the plan asked for.",
    )


def log_load_acwr(daily, ratio, title: str, load_max: float = 1000, ratio_max: float = 2.0):
    """Daily load [AU] (bars, left axis) under the acute:chronic workload ratio (line, right).

    Always two traces and fixed axes, so it can be explored with :mod:`helpers.explore`. The
    shaded band marks the often-quoted 0.8–1.3 range and the dotted line 1.5 (Gabbett 2016;
    thresholds contested).
    """
    days = _days(daily.index)
    fig = _bars_with_line(
        [
            go.Bar(
                x=days,
                y=_floats(daily),
                name="daily load",
                marker_color=PALETTE[4],
                hovertemplate="%{x}: %{y:.0f} AU<extra></extra>",
            )
        ],
        go.Scatter(
            x=days,
            y=_values(ratio),
            name="ACWR",
            mode="lines",
            line=dict(color=PALETTE[5], width=3),
            hovertemplate="%{x}: ACWR %{y:.2f}<extra></extra>",
        ),
        yaxis2=dict(title="ACWR [ratio]", range=[0, ratio_max], dtick=0.5),
    )
    _acwr_band(fig, yref="y2")
    fig.update_layout(
        title=title,
        height=470,
        margin=dict(t=100, r=70),
        xaxis=dict(title="date", type="date"),
        yaxis=dict(title="daily load [AU]", range=[0, load_max]),
        legend=_legend_above(),
    )
    return describe(
        fig,
        "Bars of daily training load with a line of the acute:chronic workload "
        "ratio on a second axis, a shaded band from 0.8 to 1.3 and a dotted "
        "line at 1.5.",
    )


def form_acwr_lines(ratios, title: str = "Acute:chronic workload ratio", ratio_max: float = 2.0):
    """One line per ACWR variant (``ratios``: dict label -> date-indexed Series), with the
    often-quoted 0.8–1.3 band and a dotted line at 1.5 (Gabbett 2016; thresholds contested)."""
    fig = go.Figure()
    for label, ratio in ratios.items():
        fig.add_trace(
            go.Scatter(
                x=_days(ratio.index),
                y=_values(ratio),
                name=label,
                mode="lines",
                hovertemplate="%{x}: %{y:.2f}<extra></extra>",
            )
        )
    _acwr_band(fig)
    fig.update_layout(
        title=title,
        height=430,
        xaxis=dict(title="date", type="date"),
        yaxis=dict(title="ACWR [ratio]", range=[0, ratio_max]),
        legend=_legend_above(),
        margin=dict(t=100),
    )
    return describe(
        fig,
        "Lines of the acute:chronic workload ratio computed in several ways over "
        "the same block, with a shaded band from 0.8 to 1.3 and a dotted line "
        "at 1.5.",
    )


def form_fitness_fatigue(tables, title: str = "Fitness, fatigue and form", x_title: str = "date"):
    """Fitness, fatigue and form [AU] for one or more tables (``tables``: dict label ->
    DataFrame with those columns, from ``helpers.load.fitness_fatigue`` or ``Plan.weeks``
    indexed by week); solid lines for the first, dashed after. The index is the x axis."""
    fig = go.Figure()
    dashes = ("solid", "dash", "dot")
    dated = False
    for i, (label, table) in enumerate(tables.items()):
        dated = hasattr(table.index[0], "strftime")
        x = _days(table.index) if dated else [int(v) for v in table.index]
        for j, column in enumerate(("fitness", "fatigue", "form")):
            fig.add_trace(
                go.Scatter(
                    x=x,
                    y=_values(table[column]),
                    mode="lines" if dated else "lines+markers",
                    name=f"{column} ({label})" if len(tables) > 1 else column,
                    line=dict(color=PALETTE[j], dash=dashes[i % 3]),
                    hovertemplate=f"%{{x}}: {column} %{{y:.0f}} AU<extra></extra>",
                )
            )
    _zero_line(fig)
    fig.update_layout(
        title=title,
        height=470,
        xaxis=dict(title=x_title, type="date") if dated else dict(title=x_title, dtick=1),
        yaxis=dict(title="load per day [AU]"),
        legend=_legend_above(),
        margin=dict(t=110),
    )
    return describe(
        fig,
        "Lines of fitness, fatigue and form (fitness minus fatigue) over the "
        + ("block." if len(tables) == 1 else "block for each smoothing convention."),
    )


def form_banister(table, title: str = "Banister model: performance over the block"):
    """Banister fitness and fatigue (left axis) and modelled performance [AU] over the block
    (``table`` from ``helpers.load.banister``)."""
    days = _days(table.index)
    lines = (
        ("fitness", "fitness (unweighted sum)", dict(color=PALETTE[0])),
        ("fatigue", "fatigue (unweighted sum)", dict(color=PALETTE[1])),
        ("performance", "performance", dict(color=PALETTE[7], width=3)),
    )
    fig = go.Figure(
        [
            go.Scatter(x=days, y=_values(table[column]), name=name, mode="lines", line=line)
            for column, name, line in lines
        ]
    )
    fig.update_layout(
        title=title,
        height=450,
        xaxis=dict(title="date", type="date"),
        yaxis=dict(title="model units [AU]"),
        legend=_legend_above(),
        margin=dict(t=100),
    )
    return describe(
        fig, "Lines of Banister fitness, fatigue and the performance they predict over the block."
    )


def form_load_panels(
    daily,
    ratio,
    forms,
    title: str = "Daily load, ACWR and form",
    load_max: float | None = None,
    ratio_max: float = 2.0,
    form_range=None,
):
    """Three stacked panels over one block: daily load [AU] (bars), the acute:chronic workload
    ratio (line, 0.8–1.3 band, 1.5 dotted; Gabbett 2016, thresholds contested) and form [AU]
    for each convention in ``forms`` (dict label -> date-indexed Series).

    Always 2 + len(forms) traces, so :mod:`helpers.explore` can swap the data; ``load_max``
    [AU], ``ratio_max`` [ratio] and ``form_range`` ([low, high] in AU) fix the axes so every
    state shares one frame (``load_max`` or ``form_range`` ``None``: fit the data).
    """
    from plotly.subplots import make_subplots

    fig = make_subplots(
        rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06, row_heights=[0.3, 0.3, 0.4]
    )
    for axis in ("yaxis", "yaxis2", "yaxis3"):  # stored pages show 0.736, not 0.7360000000000001
        fig.layout[axis].domain = [round(edge, 3) for edge in fig.layout[axis].domain]
    days = _days(daily.index)
    fig.add_trace(
        go.Bar(
            x=days,
            y=_floats(daily),
            name="daily load",
            marker_color=PALETTE[4],
            hovertemplate="%{x}: %{y:.0f} AU<extra></extra>",
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Scatter(
            x=days,
            y=_values(ratio),
            name="ACWR",
            mode="lines",
            line=dict(color=PALETTE[5], width=2),
            hovertemplate="%{x}: %{y:.2f}<extra></extra>",
        ),
        row=2,
        col=1,
    )
    for i, (label, form) in enumerate(forms.items()):
        fig.add_trace(
            go.Scatter(
                x=days,
                y=_values(form),
                name=f"form ({label})",
                mode="lines",
                line=dict(color=PALETTE[i], dash=("solid", "dash")[i % 2]),
                hovertemplate="%{x}: %{y:.0f} AU<extra></extra>",
            ),
            row=3,
            col=1,
        )
    _acwr_band(fig, row=2, col=1)
    _zero_line(fig, row=3, col=1)
    fig.update_layout(
        title=title,
        height=640,
        margin=dict(t=150),  # room for the title and a dropdown above the plot
        legend=dict(orientation="h", x=0.32, y=1.0, yanchor="bottom"),
    )
    fig.update_yaxes(
        title_text="load [AU]", range=None if load_max is None else [0, load_max], row=1, col=1
    )
    fig.update_yaxes(title_text="ACWR [ratio]", range=[0, ratio_max], row=2, col=1)
    fig.update_yaxes(
        title_text="form [AU]",
        range=None if form_range is None else list(form_range),
        row=3,
        col=1,
    )
    fig.update_xaxes(title_text="date", type="date", row=3, col=1)
    return describe(
        fig,
        "Three panels over the block: daily load bars, the acute:chronic "
        "workload ratio with a 0.8 to 1.3 band, and form under each smoothing "
        "convention.",
    )


def load_form_compare(forms, title: str = "Form under two smoothing conventions"):
    """Form [AU] for each convention in ``forms`` (dict label -> date-indexed Series from
    ``helpers.load.fitness_fatigue(...)["form"]``) and, dotted, the first minus the second."""
    fig = go.Figure()
    labels = list(forms)
    for i, label in enumerate(labels):
        fig.add_trace(
            go.Scatter(
                x=_days(forms[label].index),
                y=_values(forms[label]),
                name=f"form ({label})",
                mode="lines",
                line=dict(color=PALETTE[i], dash=("solid", "dash")[i % 2]),
                hovertemplate="%{x}: %{y:.0f} AU<extra></extra>",
            )
        )
    if len(labels) >= 2:
        gap = forms[labels[0]] - forms[labels[1]]
        fig.add_trace(
            go.Scatter(
                x=_days(gap.index),
                y=_values(gap.round(1)),
                name=f"difference ({labels[0]} minus {labels[1]})",
                mode="lines",
                line=dict(color=PALETTE[7], dash="dot", width=2),
                hovertemplate="%{x}: %{y:.1f} AU<extra></extra>",
            )
        )
    _zero_line(fig)
    fig.update_layout(
        title=title,
        height=450,
        xaxis=dict(title="date", type="date"),
        yaxis=dict(title="form [AU]"),
        legend=_legend_above(),
        margin=dict(t=100),
    )
    return describe(
        fig,
        "Lines of form over the block under each smoothing convention, and a "
        "dotted line of their difference.",
    )
