"""Plotly figures for the lessons, and the renderer that makes them work everywhere.

Importing this module registers the plotly renderer ``"stronger_miles"`` and makes it the
default, together with the course's figure template (Okabe–Ito colour-blind-safe palette).
The renderer returns two representations of each figure:

- ``application/vnd.plotly.v1+json`` for JupyterLab (drawn by its plotly extension);
- ``text/html``: an empty ``<div>`` with a stable id, the figure as JSON, and a one-line call
  to ``smPlot`` defined by the course site's script, which draws it with the one shared local
  ``plotly.min.js``. No CDN, no 4.8 MB of plotly.js inlined per page.

The div id is a hash of the figure itself, so the same sources give the same page bytes.
Figures never compute a model: they call the science layer and only draw.
"""

from __future__ import annotations

import hashlib
import html
import json
import os

import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

RENDERER = "stronger_miles"
TEMPLATE = "stronger_miles"

#: Okabe & Ito (2008) colour-blind-safe palette, in the order lines are coloured.
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)

_CONFIG = {"displaylogo": False, "responsive": True}


def describe(fig: go.Figure, text: str) -> go.Figure:
    """Attach a one-sentence description for screen readers (``aria-label`` on the page)."""
    meta = dict(fig.layout.meta) if isinstance(fig.layout.meta, dict) else {}
    meta["alt"] = text
    fig.update_layout(meta=meta)
    return fig


def figure_html(fig_dict: dict, div_id: str) -> str:
    """The static-page HTML for one figure: a div, its JSON, and the call that draws it."""
    payload = json.dumps(fig_dict, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")
    meta = fig_dict.get("layout", {}).get("meta")
    alt = meta.get("alt", "") if isinstance(meta, dict) else ""
    label = html.escape(alt or "interactive figure", quote=True)
    return (
        f'<div id="{div_id}" class="sm-figure" role="img" aria-label="{label}"></div>\n'
        f'<script type="application/json" id="{div_id}-data">{payload}</script>\n'
        f'<script>window.smPlot && window.smPlot("{div_id}");</script>'
        + (f'\n<p class="sm-alt">{html.escape(alt)}</p>' if alt else "")
    )


class CourseRenderer(MimetypeRenderer):
    """Plotly renderer for the course: JupyterLab's mimetype plus offline-ready HTML."""

    def __init__(self):
        self._seen: dict[str, int] = {}

    def to_mimebundle(self, fig_dict):
        fig_dict = json.loads(pio.to_json(fig_dict, validate=False, remove_uids=True))
        fig_dict["config"] = {**_CONFIG, **fig_dict.get("config", {})}
        digest = hashlib.sha1(
            json.dumps(fig_dict, sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()[:12]
        # The same figure shown twice in one kernel gets a second, still stable, id.
        count = self._seen.get(digest, 0)
        self._seen[digest] = count + 1
        div_id = f"fig-{digest}" + (f"-{count}" if count else "")
        return {
            "application/vnd.plotly.v1+json": fig_dict,
            "text/html": figure_html(fig_dict, div_id),
        }


def _register() -> None:
    pio.templates[TEMPLATE] = go.layout.Template(
        layout=dict(
            colorway=list(PALETTE),
            font=dict(family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size=14),
            paper_bgcolor="white",
            plot_bgcolor="white",
            margin=dict(l=60, r=20, t=60, b=50),
            xaxis=dict(showgrid=True, gridcolor="#e5e5e5", zeroline=False, linecolor="#444"),
            yaxis=dict(showgrid=True, gridcolor="#e5e5e5", zeroline=False, linecolor="#444"),
            legend=dict(bgcolor="rgba(255,255,255,0.8)"),
            hoverlabel=dict(namelength=-1),
        )
    )
    pio.templates.default = TEMPLATE
    pio.renderers[RENDERER] = CourseRenderer()
    # PLOTLY_RENDERER, when set, still wins (the publish step clears it for the site).
    pio.renderers.default = os.environ.get("PLOTLY_RENDERER") or RENDERER


_register()

# ---------------------------------------------------------------------------------------------
# Figures for the lessons. Each function takes model results (from the science layer) or
# calls it, and returns a go.Figure with a title, axis titles with units and a description.
# ---------------------------------------------------------------------------------------------


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
        xaxis_range=[0, int(timed["end_min"].max()) * 1.12],
    )
    return fig


# --- Lesson 02: the exercise library (library_*) ---------------------------------------------


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
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", traceorder="normal"),
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


# --- Lesson 04: weekly training volume (volume_*) --------------------------------------------


def _volume_sets_trace(sets_per_muscle):
    """One horizontal bar per muscle (first muscle on top), labelled with its sets."""
    labels = [muscle.replace("_", " ") for muscle in sets_per_muscle.index][::-1]
    values = [float(v) for v in sets_per_muscle.to_numpy()][::-1]
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
    :func:`helpers.load.weekly_sets`), with the shaded ``target`` band [sets/week]."""
    fig = go.Figure(_volume_sets_trace(sets_per_muscle))
    if target:
        fig.add_vrect(x0=target[0], x1=target[1], fillcolor=PALETTE[2], opacity=0.15, line_width=0)
    fig.update_layout(
        title=title,
        xaxis_title="hard sets per week [sets]",
        xaxis_range=[
            0,
            sets_max or max(float(sets_per_muscle.max()) * 1.15, (target or (0, 1))[1] + 2),
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
            y=[float(v) for v in daily["run"]],
            name="running",
            marker_color=PALETTE[0],
            hovertemplate="%{x}: running %{y:.0f} AU<extra></extra>",
        ),
        go.Bar(
            x=days,
            y=[float(v) for v in daily["strength"]],
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
        yaxis_range=[0, load_max or float((daily["run"] + daily["strength"]).max()) * 1.1],
        height=420,
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", traceorder="normal"),
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


# --- evidence_ / recovery_ figures (lessons 01 and 09) ----------------------------------------


def _evidence_label(row) -> str:
    """Two-line row label of a forest plot: 'Author year' over the comparison."""
    author = row["study"].replace(" et al.", "")
    return f"<b>{author} {row['year']}</b><br>{row['comparison']}"


def _evidence_hover(row) -> str:
    """Hover text of one study row: estimate, interval, n, population, DOI and caveats."""

    def num(x):
        return "–" if x != x else f"{x:g}"

    parts = [
        f"{row['study']} {row['year']}: {row['comparison']}",
        f"{row['measure']} {num(row['estimate'])} [{num(row['ci_low'])}, {num(row['ci_high'])}]",
        f"n = {num(row['n'])}; {row['population']}",
        f"doi:{row['doi']}",
    ]
    if row["note"]:
        parts.append(row["note"])
    return "<br>".join(parts)


def evidence_forest(
    table,
    title: str = "Forest plot",
    xaxis_title: str | None = None,
    rows: int = 5,
    x_range=None,
    height: int = 440,
    favours: str | None = None,
):
    """Forest plot of an evidence table (from ``helpers.evidence.load_evidence``), one row per study.

    Always four traces, so it can be explored with :mod:`helpers.explore`: estimates with a
    95 % CI; estimates whose CI our source does not give (open markers, point only); ranges
    with no pooled estimate (a thick bar); and the no-effect line (0, or 1 on a log axis for
    ratio measures such as RR). Row labels are annotations; ``rows`` fixes the frame height.
    ``favours`` labels the side left of the no-effect line, e.g. ``"better economy"``.
    """
    import numpy as np

    ratio = set(table["measure"]) <= {"RR"} and len(table) > 0
    null = 1.0 if ratio else 0.0
    y = -np.arange(len(table), dtype=float)
    est, lo, hi = (table[c].to_numpy(dtype=float) for c in ("estimate", "ci_low", "ci_high"))
    with_ci = ~np.isnan(est) & ~np.isnan(lo)
    point = ~np.isnan(est) & np.isnan(lo)
    band = np.isnan(est) & ~np.isnan(lo)
    hover = [_evidence_hover(r) for _, r in table.iterrows()]

    def pick(mask, values):
        return [v for v, keep in zip(values, mask, strict=True) if keep]

    band_x, band_y, band_text = [], [], []
    for low, high, yy, text in zip(
        pick(band, lo), pick(band, hi), pick(band, y), pick(band, hover), strict=True
    ):
        band_x += [low, high, None]
        band_y += [yy, yy, None]
        band_text += [text, text, None]
    traces = [
        go.Scatter(
            x=pick(with_ci, est),
            y=pick(with_ci, y),
            hovertext=pick(with_ci, hover),
            mode="markers",
            name="estimate with 95 % CI",
            marker=dict(color=PALETTE[0], size=11, symbol="square"),
            error_x=dict(
                type="data",
                symmetric=False,
                color=PALETTE[0],
                thickness=2,
                width=6,
                array=pick(with_ci, hi - est),
                arrayminus=pick(with_ci, est - lo),
            ),
        ),
        go.Scatter(
            x=pick(point, est),
            y=pick(point, y),
            hovertext=pick(point, hover),
            mode="markers",
            name="estimate, CI not reported here",
            marker=dict(color=PALETTE[1], size=12, symbol="diamond-open", line=dict(width=3)),
        ),
        go.Scatter(
            x=band_x,
            y=band_y,
            hovertext=band_text,
            mode="lines",
            name="range across studies (no pooled value)",
            line=dict(color=PALETTE[2], width=8),
        ),
        go.Scatter(
            x=[null, null],
            y=[0.5, -rows + 0.5],
            mode="lines",
            hoverinfo="skip",
            name=f"no effect ({null:g})",
            line=dict(color="#555", dash="dash", width=1.5),
        ),
    ]
    for trace in traces[:3]:
        trace.hoverinfo = "text"
    fig = go.Figure(traces)
    fig.update_layout(
        title=title,
        height=height,
        xaxis_title=xaxis_title or ("relative risk [ratio, log scale]" if ratio else "effect"),
        yaxis=dict(range=[-rows + 0.5, 0.5], visible=False),
        margin=dict(l=290, r=20, t=80, b=130),
        legend=dict(orientation="h", x=0, y=-0.3, yanchor="top"),
        annotations=[
            dict(
                x=0,
                xref="paper",
                xanchor="right",
                xshift=-8,
                y=yy,
                yref="y",
                text=_evidence_label(r),
                showarrow=False,
                align="right",
                font=dict(size=12),
            )
            for yy, (_, r) in zip(y, table.iterrows(), strict=True)
        ]
        + (
            [
                dict(
                    x=null,
                    xanchor="right",
                    y=1.0,
                    yref="paper",
                    yanchor="bottom",
                    showarrow=False,
                    text=f"← {favours}",
                    font=dict(size=12, color="#555"),
                )
            ]
            if favours
            else []
        ),
    )
    if ratio:
        fig.update_xaxes(type="log")
    if x_range is not None:
        fig.update_xaxes(range=list(x_range))
    return describe(
        fig,
        f"Forest plot: {len(table)} study estimates as markers with their intervals, "
        f"and a dashed line at {null:g} where there is no effect.",
    )


def evidence_group_bars(table, title: str = "Share of each group", yaxis_title: str = "share [%]"):
    """Bar chart of a percentage per group (an evidence table with ``measure == '%'``)."""
    labels = [
        f"{r['study'].replace(' et al.', '')} {r['year']}<br>{r['comparison']}"
        for _, r in table.iterrows()
    ]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=list(table["estimate"]),
            text=[f"{v:g} %" for v in table["estimate"]],
            textposition="outside",
            hovertext=[_evidence_hover(r) for _, r in table.iterrows()],
            hoverinfo="text",
            marker_color=[PALETTE[5], PALETTE[0]] * (len(table) // 2 + 1),
        )
    )
    fig.update_layout(
        title=title,
        yaxis_title=yaxis_title,
        xaxis_title=None,
        height=420,
        yaxis_range=[0, max(table["estimate"]) * 1.2],
    )
    return describe(fig, f"Bar chart of the share in percent for {len(table)} groups.")


def recovery_hold_by_target(
    totals, targets, title: str = "Holding time by body area", x_max: float = 400, height: int = 460
):
    """Horizontal bars of holding time per body area [s] (e.g. ``mobility.hold_by_target``).

    ``targets`` fixes the rows (areas missing from ``totals`` show 0), so every selection has
    the same single trace and can be explored with :mod:`helpers.explore`.
    """
    values = [float(totals.get(t, 0)) for t in targets]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=[t.replace("_", " ") for t in targets],
            orientation="h",
            text=[f"{v:g} s" if v else "" for v in values],
            textposition="outside",
            marker_color=PALETTE[2],
            hovertemplate="%{y}: %{x} s<extra></extra>",
        )
    )
    fig.update_layout(
        title=title,
        height=height,
        xaxis_title="time in poses for this area, one hold each [s]",
        xaxis_range=[0, x_max],
        yaxis=dict(autorange="reversed"),
        margin=dict(l=110),
    )
    return describe(fig, "Horizontal bar chart of how many seconds of holding each body area gets.")


# --- Lesson 08: fueling the marathon (fuel_*) --------------------------------------------------


def fuel_range_bars(
    table, title: str = "Carbohydrate per day", unit: str = "g/day", x_max: float | None = None
):
    """Floating horizontal bars, one per row of ``table`` (columns ``low``, ``high``), labelled by
    the index: e.g. daily carbohydrate bands from :func:`helpers.fueling.daily_carbs` [``unit``]."""
    labels = [str(label).replace("_", " ") for label in table.index]
    low = [float(v) for v in table["low"]]
    high = [float(v) for v in table["high"]]
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
    duration_h, g_per_h, marks=None, title: str = "Carbohydrate during a race, by its duration"
):
    """Step line of the intake limit [g/h] against race duration [h]
    (:func:`helpers.fueling.race_carbs_per_hour`); ``marks`` is a DataFrame with columns
    ``hours`` and ``g_per_h`` indexed by a label (e.g. runners' predicted finish times)."""
    fig = go.Figure(
        go.Scatter(
            x=[float(v) for v in duration_h],
            y=[float(v) for v in g_per_h],
            mode="lines",
            line_shape="hv",
            name="upper limit",
            hovertemplate="%{x:.2f} h: up to %{y} g/h<extra></extra>",
        )
    )
    if marks is not None:
        fig.add_trace(
            go.Scatter(
                x=[float(v) for v in marks["hours"]],
                y=[float(v) for v in marks["g_per_h"]],
                mode="markers+text",
                text=[str(i) for i in marks.index],
                textposition="top left",
                marker=dict(size=11, color=PALETTE[5]),
                name="predicted finish",
                hovertemplate="%{text}: %{x:.2f} h<extra></extra>",
            )
        )
    fig.update_layout(
        title=title,
        xaxis_title="race duration [h]",
        yaxis_title="carbohydrate, up to [g/h]",
        yaxis_range=[-5, 110],
        height=420,
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
    )
    return describe(
        fig,
        "Step chart: no carbohydrate needed under half an hour, then up to 30, 60 and 90 grams "
        "per hour as races get longer, with runners' predicted finish times marked.",
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
    for i, (label, plan) in enumerate(plans.items()):
        fig.add_trace(
            go.Scatter(
                x=[0.0] + [float(m) for m in plan["minute"]],
                y=[0.0] + [float(g) for g in plan["cumulative_g"]],
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
    hours = [float(h) for h in mass_change.index]
    for i, column in enumerate(mass_change.columns):
        fig.add_trace(
            go.Scatter(
                x=hours,
                y=[float(v) for v in mass_change[column]],
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
    labels = [
        f"{m}: {r} × {s:g}"
        for m, r, s in zip(
            meals_only["meal"], meals_only["recipe"], meals_only["servings"], strict=True
        )
    ]
    fig = go.Figure(
        [
            go.Bar(
                y=labels,
                x=[float(v) for v in meals_only[col]],
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
        margin=dict(l=330),
        legend=dict(orientation="h", x=1.0, xanchor="right", y=1.0, yanchor="bottom"),
    )
    return describe(
        fig,
        f"Grouped bars of carbohydrate and protein in grams for each of {len(labels)} meals.",
    )


# --- strength_ figures (lesson 03, progressive overload) ----------------------------------------


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
                y=[float(v) for v in estimates[name]],
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
    loads = [float(v) for v in table["load"]]
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
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
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
                y=[float(v) for v in weekly],
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
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
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
            y=[float(v) for v in one_rm],
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


# --- log_ figures (lesson 07: your own training log) ------------------------------------------

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
                y=[float(v) for v in weekly[f"load_{sport}"]],
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
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", traceorder="normal"),
    )
    return describe(
        fig,
        "Stacked bars of each week's training load split into running, "
        "strength, cross-training and other sessions.",
    )


def log_km_vs_plan(weekly, planned_km, title: str = "Logged running volume against the plan"):
    """Logged weekly running km (bars) against a plan's weekly km (line), week by week.

    ``weekly``: ``helpers.logs.weekly_summary`` output; ``planned_km``: Series indexed by the
    week's Monday (the plan's ``start``) [km].
    """
    weeks = [f"{d:%d %b}" for d in weekly.index]
    planned = [f"{d:%d %b}" for d in planned_km.index]
    fig = go.Figure(
        [
            go.Bar(
                x=weeks,
                y=[float(v) for v in weekly["run_km"]],
                name="logged",
                marker_color=PALETTE[0],
                hovertemplate="week of %{x}: %{y:.1f} km<extra></extra>",
            ),
            go.Scatter(
                x=planned,
                y=[float(v) for v in planned_km],
                name="plan",
                mode="lines+markers",
                line=dict(color=PALETTE[1], width=3),
                hovertemplate="week of %{x}: plan %{y:.1f} km<extra></extra>",
            ),
        ]
    )
    fig.update_layout(
        title=title,
        height=430,
        xaxis_title="week starting",
        xaxis_tickangle=-45,
        yaxis_title="running volume [km]",
        margin=dict(t=100, b=110),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
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
    days = [f"{d:%Y-%m-%d}" for d in daily.index]
    values = [None if v != v else round(float(v), 3) for v in ratio]
    fig = go.Figure(
        [
            go.Bar(
                x=days,
                y=[float(v) for v in daily],
                name="daily load",
                marker_color=PALETTE[4],
                hovertemplate="%{x}: %{y:.0f} AU<extra></extra>",
            ),
            go.Scatter(
                x=days,
                y=values,
                name="ACWR",
                mode="lines",
                yaxis="y2",
                line=dict(color=PALETTE[5], width=3),
                hovertemplate="%{x}: ACWR %{y:.2f}<extra></extra>",
            ),
        ]
    )
    fig.add_hrect(y0=0.8, y1=1.3, yref="y2", fillcolor=PALETTE[2], opacity=0.12, line_width=0)
    fig.add_hline(y=1.5, yref="y2", line=dict(color=PALETTE[7], dash="dot", width=1))
    fig.update_layout(
        title=title,
        height=470,
        margin=dict(t=100, r=70),
        xaxis=dict(title="date", type="date"),
        yaxis=dict(title="daily load [AU]", range=[0, load_max]),
        yaxis2=dict(
            title="ACWR",
            range=[0, ratio_max],
            dtick=0.5,
            overlaying="y",
            side="right",
            showgrid=False,
        ),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
    )
    return describe(
        fig,
        "Bars of daily training load with a line of the acute:chronic workload "
        "ratio on a second axis, a shaded band from 0.8 to 1.3 and a dotted "
        "line at 1.5.",
    )


def log_fitness_fatigue(table, title: str = "Fitness, fatigue and form from your log"):
    """Lines of ``fitness``, ``fatigue`` and ``form`` [AU] (``helpers.load.fitness_fatigue``)."""
    return form_fitness_fatigue({"log": table}, title=title)


# --- plan_ figures (lesson 06: building your marathon block) ---------------------------------

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
                y=[float(v) for v in part["run_km"]],
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
            y=[float(v) for v in weeks["long_run_km"]],
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
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
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
    fig = go.Figure(
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
            go.Scatter(
                x=x,
                y=[float(v) for v in weeks["volume_load_rel"]],
                yaxis="y2",
                name="volume load (sets × reps × fraction of 1RM)",
                mode="lines+markers",
                line=dict(color=PALETTE[7], width=2),
                hovertemplate="week %{x}: %{y:.0f}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(
        barmode="stack",
        title=title,
        height=430,
        margin=dict(t=100, r=70),
        xaxis=dict(title="week of the block", dtick=1),
        yaxis=dict(title="strength sessions per week", dtick=1),
        yaxis2=dict(
            title="relative volume load [reps × 1RM]",
            overlaying="y",
            side="right",
            showgrid=False,
            rangemode="tozero",
            tickmode="auto",
        ),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", traceorder="normal"),
    )
    return describe(
        fig,
        "Stacked bars of strength sessions per week split into heavy and "
        "general or light sessions, with a line of the relative volume load.",
    )


def plan_form(weeks, title: str = "Fitness, fatigue and form at the end of each week"):
    """Lines of ``fitness``, ``fatigue`` and ``form`` [AU] from ``Plan.weeks`` by week."""
    table = weeks.set_index("week")[["fitness", "fatigue", "form"]]
    return form_fitness_fatigue({"plan": table}, title=title, x_title="week of the block")


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
                y=[float(v) for v in part[column]],
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
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
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
    fig = go.Figure(
        [
            go.Bar(
                x=x,
                y=[float(v) for v in weeks["run_km"]],
                name="running [km]",
                marker_color=PALETTE[0],
                hovertemplate="%{x} weeks out: %{y:.1f} km<extra></extra>",
            ),
            go.Scatter(
                x=x,
                y=[float(v) for v in weeks["load"]],
                name="weekly load [AU]",
                yaxis="y2",
                mode="lines+markers",
                line=dict(color=PALETTE[5], width=2.5),
                hovertemplate="%{x} weeks out: %{y:.0f} AU<extra></extra>",
            ),
        ]
    )
    fig.update_layout(
        title=title,
        height=480,
        margin=dict(t=100, r=70, b=110),
        xaxis=dict(title="weeks to race (0 = race week)", range=[x_max + 0.5, -0.5], dtick=2),
        yaxis=dict(title="running per week [km]", range=[0, km_max]),
        yaxis2=dict(
            title="session-RPE load per week [AU]",
            range=[0, load_max],
            overlaying="y",
            side="right",
            showgrid=False,
        ),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
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


# ---- lesson 05: load, fatigue and form (prefix form_) ----


def _form_days(index):
    return [f"{d:%Y-%m-%d}" for d in index]


def _form_values(series):
    return [None if v != v else round(float(v), 3) for v in series]


def form_acwr_lines(ratios, title: str = "Acute:chronic workload ratio", ratio_max: float = 2.0):
    """One line per ACWR variant (``ratios``: dict label -> date-indexed Series), with the
    often-quoted 0.8–1.3 band and a dotted line at 1.5 (Gabbett 2016; thresholds contested)."""
    fig = go.Figure()
    for label, ratio in ratios.items():
        fig.add_trace(
            go.Scatter(
                x=_form_days(ratio.index),
                y=_form_values(ratio),
                name=label,
                mode="lines",
                hovertemplate="%{x}: %{y:.2f}<extra></extra>",
            )
        )
    fig.add_hrect(y0=0.8, y1=1.3, fillcolor=PALETTE[2], opacity=0.12, line_width=0)
    fig.add_hline(y=1.5, line=dict(color=PALETTE[7], dash="dot", width=1))
    fig.update_layout(
        title=title,
        height=430,
        xaxis=dict(title="date", type="date"),
        yaxis=dict(title="ACWR [ratio]", range=[0, ratio_max]),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
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
        x = _form_days(table.index) if dated else [int(v) for v in table.index]
        for j, column in enumerate(("fitness", "fatigue", "form")):
            fig.add_trace(
                go.Scatter(
                    x=x,
                    y=_form_values(table[column]),
                    mode="lines" if dated else "lines+markers",
                    name=f"{column} ({label})" if len(tables) > 1 else column,
                    line=dict(color=PALETTE[j], dash=dashes[i % 3]),
                    hovertemplate=f"%{{x}}: {column} %{{y:.0f}} AU<extra></extra>",
                )
            )
    fig.add_hline(y=0, line=dict(color=PALETTE[7], width=1))
    fig.update_layout(
        title=title,
        height=470,
        xaxis=dict(title=x_title, type="date") if dated else dict(title=x_title, dtick=1),
        yaxis=dict(title="load per day [AU]"),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
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
    days = _form_days(table.index)
    fig = go.Figure(
        [
            go.Scatter(
                x=days,
                y=_form_values(table["fitness"]),
                name="fitness (unweighted sum)",
                mode="lines",
                line=dict(color=PALETTE[0]),
            ),
            go.Scatter(
                x=days,
                y=_form_values(table["fatigue"]),
                name="fatigue (unweighted sum)",
                mode="lines",
                line=dict(color=PALETTE[1]),
            ),
            go.Scatter(
                x=days,
                y=_form_values(table["performance"]),
                name="performance",
                mode="lines",
                line=dict(color=PALETTE[7], width=3),
            ),
        ]
    )
    fig.update_layout(
        title=title,
        height=450,
        xaxis=dict(title="date", type="date"),
        yaxis=dict(title="model units [AU]"),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
        margin=dict(t=100),
    )
    return describe(
        fig, "Lines of Banister fitness, fatigue and the performance they predict over the block."
    )


def form_explorer(
    daily, ratio, forms, title: str, load_max: float, ratio_max: float = 2.0, form_range=(-400, 200)
):
    """Three stacked panels with fixed axes for :mod:`helpers.explore`: daily load [AU] (bars),
    the ACWR (line, 0.8–1.3 band, 1.5 dotted) and form [AU] for each convention in ``forms``
    (dict label -> Series). Always 2 + len(forms) traces."""
    from plotly.subplots import make_subplots

    fig = make_subplots(
        rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06, row_heights=[0.3, 0.3, 0.4]
    )
    days = _form_days(daily.index)
    fig.add_trace(
        go.Bar(
            x=days,
            y=[float(v) for v in daily],
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
            y=_form_values(ratio),
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
                y=_form_values(form),
                name=f"form ({label})",
                mode="lines",
                line=dict(color=PALETTE[i], dash=("solid", "dash")[i % 2]),
                hovertemplate="%{x}: %{y:.0f} AU<extra></extra>",
            ),
            row=3,
            col=1,
        )
    fig.add_hrect(y0=0.8, y1=1.3, fillcolor=PALETTE[2], opacity=0.12, line_width=0, row=2, col=1)
    fig.add_hline(y=1.5, line=dict(color=PALETTE[7], dash="dot", width=1), row=2, col=1)
    fig.add_hline(y=0, line=dict(color=PALETTE[7], width=1), row=3, col=1)
    fig.update_layout(
        title=title,
        height=640,
        margin=dict(t=150),  # room for the title and a dropdown above the plot
        legend=dict(orientation="h", x=0.32, y=1.0, yanchor="bottom"),
    )
    fig.update_yaxes(title_text="load [AU]", range=[0, load_max], row=1, col=1)
    fig.update_yaxes(title_text="ACWR [ratio]", range=[0, ratio_max], row=2, col=1)
    fig.update_yaxes(title_text="form [AU]", range=list(form_range), row=3, col=1)
    fig.update_xaxes(title_text="date", type="date", row=3, col=1)
    return describe(
        fig,
        "Three panels over the block: daily load bars, the acute:chronic "
        "workload ratio with a 0.8 to 1.3 band, and form under each smoothing "
        "convention.",
    )


# ---- lesson 05: form under two smoothing conventions (prefix load_) ----


def load_form_compare(forms, title: str = "Form under two smoothing conventions"):
    """Form [AU] for each convention in ``forms`` (dict label -> date-indexed Series from
    ``helpers.load.fitness_fatigue(...)["form"]``) and, dotted, the first minus the second."""
    fig = go.Figure()
    labels = list(forms)
    for i, label in enumerate(labels):
        fig.add_trace(
            go.Scatter(
                x=_form_days(forms[label].index),
                y=_form_values(forms[label]),
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
                x=_form_days(gap.index),
                y=_form_values(gap.round(1)),
                name=f"difference ({labels[0]} minus {labels[1]})",
                mode="lines",
                line=dict(color=PALETTE[7], dash="dot", width=2),
                hovertemplate="%{x}: %{y:.1f} AU<extra></extra>",
            )
        )
    fig.add_hline(y=0, line=dict(color=PALETTE[7], width=1))
    fig.update_layout(
        title=title,
        height=450,
        xaxis=dict(title="date", type="date"),
        yaxis=dict(title="form [AU]"),
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom"),
        margin=dict(t=100),
    )
    return describe(
        fig,
        "Lines of form over the block under each smoothing convention, and a "
        "dotted line of their difference.",
    )
