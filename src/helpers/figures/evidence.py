"""Figures of the evidence tables: forest plots, shares per group, mobility holding times."""

from __future__ import annotations

import plotly.graph_objects as go

from helpers.evidence import RATIO_MEASURES, clear_effect
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

    kinds = {
        "ci95": "95 % CI",
        "ci95_pm": "95 % CI (published as ± limits)",
        "range": "range across studies",
        "none": "no usable interval published",
    }
    parts = [
        f"{row['study']} {row['year']}: {row['comparison']}",
        f"{row['measure']} {num(row['estimate'])} [{num(row['ci_low'])}, {num(row['ci_high'])}]"
        f" ({kinds.get(row.get('interval'), 'interval')})",
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

    Always five traces, so it can be explored with :mod:`helpers.explore`: estimates whose
    95 % CI lies clear of no effect (filled squares); estimates whose CI touches or crosses it
    (open squares: not a demonstrated effect, see :func:`helpers.evidence.clear_effect`);
    estimates without a usable interval (open diamonds, point only); ranges with no pooled
    estimate (a thick bar); and the no-effect line (0, or 1 on a log axis for ratio
    measures such as RR and OR). Row labels are annotations; ``rows`` fixes the frame height.
    ``favours`` labels the side left of the no-effect line, e.g. ``"better economy"``.
    """
    import numpy as np

    ratio = set(table["measure"]) <= set(RATIO_MEASURES) and len(table) > 0
    null = 1.0 if ratio else 0.0
    y = -np.arange(len(table), dtype=float)
    est, lo, hi = (table[c].to_numpy(dtype=float) for c in ("estimate", "ci_low", "ci_high"))
    with_ci = ~np.isnan(est) & ~np.isnan(lo)
    verdict = clear_effect(table).fillna(False).to_numpy(dtype=bool)
    clear = with_ci & verdict
    crossing = with_ci & ~verdict
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

    def whiskers(mask, color, symbol, name):
        return go.Scatter(
            x=pick(mask, est),
            y=pick(mask, y),
            hovertext=pick(mask, hover),
            mode="markers",
            name=name,
            marker=dict(color=color, size=11, symbol=symbol, line=dict(width=2, color=color)),
            error_x=dict(
                type="data",
                symmetric=False,
                color=color,
                thickness=2,
                width=6,
                array=pick(mask, np.round(hi - est, 6)),
                arrayminus=pick(mask, np.round(est - lo, 6)),
            ),
        )

    traces = [
        whiskers(clear, PALETTE[0], "square", "estimate, 95 % CI clear of no effect"),
        whiskers(crossing, PALETTE[4], "square-open", "estimate, 95 % CI crosses no effect"),
        go.Scatter(
            x=pick(point, est),
            y=pick(point, y),
            hovertext=pick(point, hover),
            mode="markers",
            name="estimate, no usable interval",
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
    for trace in traces[:4]:
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
                    x=float(np.log10(null))
                    if ratio
                    else null,  # log axes place annotations by log10
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
        f"and a dashed line at {null:g} where there is no effect; {int(crossing.sum())} of "
        "the intervals touch or cross that line (open squares).",
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
