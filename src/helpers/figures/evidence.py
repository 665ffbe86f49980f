"""Figures of the evidence tables (lessons 01 and 09): forest plots, shares, mobility holds.

Each function takes model results (from the science layer) and returns a ``go.Figure`` with a
title, axis titles with units and a screen-reader description (:func:`describe`).
"""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.figures._render import (
    PALETTE,
    describe,
)


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
