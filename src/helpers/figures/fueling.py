"""Figures for fueling the marathon: carbohydrate bands, race-day plans, meals of a loading day."""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figures._render import (
    PALETTE,
    _floats,
    _legend_above,
    describe,
)


def fuel_range_bars(
    table, title: str = "Carbohydrate per day", unit: str = "g/day", x_max: float | None = None
):
    """Floating horizontal bars, one per row of ``table`` (columns ``low``, ``high``), labelled by
    the index: e.g. daily carbohydrate bands from :func:`helpers.fueling.daily_carbs` [``unit``]."""
    labels = [str(label).replace("_", " ") for label in table.index]
    low = _floats(table["low"])
    high = _floats(table["high"])
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=[h - lo for lo, h in zip(low, high, strict=True)],
            base=low,
            orientation="h",
            marker_color=PALETTE[0],
            showlegend=False,
            cliponaxis=False,
            text=[f"{lo:.0f}–{h:.0f}" for lo, h in zip(low, high, strict=True)],
            textposition="outside",
            hovertemplate="%{y}: %{base:.0f}–%{x:.0f} more<extra></extra>",
        )
    )
    fig.update_layout(
        title=title,
        xaxis_title=f"carbohydrate [{unit}]",
        height=120 + 50 * len(labels),
        xaxis_range=[0, x_max or max(high) * 1.2],
        yaxis=dict(autorange="reversed", automargin=True),
        margin=dict(l=150),
    )
    return describe(
        fig, f"Horizontal range bars of carbohydrate in {unit} for {len(labels)} cases."
    )


def fuel_race_carb_bands(
    duration_h,
    g_per_h,
    marks=None,
    title: str = "Carbohydrate during a race, by its duration",
    practised_g_per_h=None,
):
    """Line of the upper limit of carbohydrate intake [g/h] against race duration [h]
    (:func:`helpers.fueling.race_carbs_per_hour`: continuous, straight between Jeukendrup's
    anchors); ``practised_g_per_h``, if given, a dashed line for a gut practised on glucose +
    fructose; ``marks`` is a DataFrame with columns ``hours`` and ``g_per_h`` indexed by a label
    (e.g. runners' predicted finish times)."""
    fig = go.Figure()
    if practised_g_per_h is not None:
        fig.add_trace(
            go.Scatter(
                x=_floats(duration_h),
                y=_floats(practised_g_per_h),
                mode="lines",
                line=dict(dash="dash", color=PALETTE[2]),
                name="only if practised (glucose + fructose)",
                hovertemplate="%{x:.2f} h: up to %{y:.0f} g/h if practised<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=_floats(duration_h),
            y=_floats(g_per_h),
            mode="lines",
            line=dict(color=PALETTE[0]),
            name="everyday upper limit",
            hovertemplate="%{x:.2f} h: up to %{y:.0f} g/h<extra></extra>",
        )
    )
    if marks is not None:
        fig.add_trace(
            go.Scatter(
                x=_floats(marks["hours"]),
                y=_floats(marks["g_per_h"]),
                mode="markers+text",
                text=[str(i) for i in marks.index],
                textposition="top left",
                marker=dict(size=11, color=PALETTE[5]),
                name="predicted finish",
                hovertemplate="%{text}: %{x:.2f} h, %{y:.0f} g/h<extra></extra>",
            )
        )
    fig.update_layout(
        title=title,
        xaxis_title="race duration [h]",
        yaxis_title="carbohydrate [g/h]",
        yaxis_range=[-5, 110],
        height=420,
        legend=_legend_above(),
    )
    return describe(
        fig,
        "Line chart of the upper limit of carbohydrate per hour: none to swallow up to one "
        "hour, rising to 30 grams per hour at one and a half hours and 60 at two and a half "
        "hours, then flat at 60"
        + (
            ", with a dashed line rising to 90 from three hours for a practised gut"
            if practised_g_per_h is not None
            else ""
        )
        + "; runners' predicted finish times marked.",
    )


def fuel_race_dashboard(
    plans,
    mass_change,
    title: str,
    carbs_max: float = 500,
    change_range=(-8.0, 6.0),
    limit_pct: float = 2.0,
):
    """Left: carbohydrate eaten so far [g] against race minute, one staircase per plan in
    ``plans`` (label → :func:`helpers.fueling.race_fueling_plan` table). Right: body-mass change
    [%] over the race, one line per column of ``mass_change`` (indexed by hours), with lines at
    −``limit_pct`` % (Sawka 2007) and 0 %. Fixed axes so it can be explored with
    :mod:`helpers.explore`."""
    from plotly.subplots import make_subplots

    fig = make_subplots(
        rows=1,
        cols=2,
        horizontal_spacing=0.14,
        subplot_titles=("Carbohydrate eaten so far [g]", "Body-mass change [%]"),
    )
    for axis in ("xaxis", "xaxis2"):  # stored pages show 0.57, not 0.5700000000000001
        fig.layout[axis].domain = [round(edge, 3) for edge in fig.layout[axis].domain]
    for i, (label, plan) in enumerate(plans.items()):
        fig.add_trace(
            go.Scatter(
                x=[0.0] + _floats(plan["minute"]),
                y=[0.0] + _floats(plan["cumulative_g"]),
                mode="lines+markers",
                line_shape="hv",
                name=str(label),
                line=dict(color=PALETTE[[1, 3][i % 2]], width=3),
                legendgroup="carbs",
                hovertemplate="%{fullData.name}: %{y:.0f} g by minute %{x:.0f}<extra></extra>",
            ),
            row=1,
            col=1,
        )
    hours = _floats(mass_change.index)
    for i, column in enumerate(mass_change.columns):
        fig.add_trace(
            go.Scatter(
                x=hours,
                y=_floats(mass_change[column]),
                mode="lines",
                name=str(column),
                line=dict(color=PALETTE[[0, 2, 5, 3][i % 4]], width=3),
                legendgroup="fluid",
                hovertemplate="%{fullData.name}: %{y:.1f} % at %{x:.1f} h<extra></extra>",
            ),
            row=1,
            col=2,
        )
    fig.add_hline(y=-limit_pct, line_dash="dash", line_color="#444", row=1, col=2)
    fig.add_hline(y=0, line_color="#999", row=1, col=2)
    fig.update_xaxes(title_text="minute of the race [min]", range=[0, 300], row=1, col=1)
    fig.update_yaxes(range=[0, carbs_max], title_text="carbohydrate [g]", row=1, col=1)
    fig.update_xaxes(title_text="hours into the race [h]", range=[0, 5], row=1, col=2)
    fig.update_yaxes(
        range=list(change_range),
        title_text=f"body mass [%] (dashed: −{limit_pct:g} %)",
        row=1,
        col=2,
    )
    fig.update_layout(
        title=dict(text=title, font=dict(size=15)),
        height=600,
        margin=dict(t=90, b=150),
        legend=dict(orientation="v", x=0.01, xanchor="left", y=0.99, yanchor="top"),
    )
    return describe(
        fig,
        "Left: staircases of carbohydrate eaten during the race at two intake rates. Right: "
        "lines of body-mass change during the race for different drinking strategies, with a "
        f"dashed line at minus {limit_pct:g} percent.",
    )


def fuel_carb_day(day, title: str = "A carbohydrate-loading day", x_max: float | None = None):
    """Grouped horizontal bars of carbohydrate and protein per meal [g] of a
    :func:`helpers.meals.plan_carb_day` table (the ``total`` row is left out)."""
    meals_only = day[day["meal"] != "total"]
    # two short lines a label, so the bars keep their room on a phone
    labels = [
        f"{m}: {s:g} ×<br>{r if len(r) <= 24 else r[:23] + '…'}"
        for m, r, s in zip(
            meals_only["meal"], meals_only["recipe"], meals_only["servings"], strict=True
        )
    ]
    fig = go.Figure(
        [
            go.Bar(
                y=labels,
                x=_floats(meals_only[col]),
                orientation="h",
                name=name,
                marker_color=color,
                text=[f"{v:.0f} g" for v in meals_only[col]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"%{{y}}: %{{x:.0f}} g {name}<extra></extra>",
            )
            for col, name, color in (
                ("carbs_g", "carbohydrate", PALETTE[1]),
                ("protein_g", "protein", PALETTE[0]),
            )
        ]
    )
    fig.update_layout(
        title=title,
        barmode="group",
        xaxis_title="per meal [g]",
        height=140 + 70 * len(labels),
        xaxis_range=[0, x_max or float(meals_only["carbs_g"].max()) * 1.25],
        yaxis=dict(autorange="reversed", automargin=True),
        margin=dict(l=190),
        legend=dict(orientation="h", x=1.0, xanchor="right", y=1.0, yanchor="bottom"),
    )
    return describe(
        fig,
        f"Grouped bars of carbohydrate and protein in grams for each of {len(labels)} meals.",
    )
