"""The course's plotly renderer, figure template and palette, and the helpers every figure uses.

Importing :mod:`helpers.figures` (which imports this module) registers the plotly renderer
``"stronger_miles"`` and makes it the default, together with the course's figure template
(Okabe–Ito colour-blind-safe palette). The renderer returns two representations of each figure:

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
from plotly.io.base_renderers import MimetypeRenderer

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


# --- helpers shared by the topic modules -------------------------------------------------------


def _floats(values) -> list[float]:
    """Values as plain Python floats, so a stored figure holds plain JSON numbers."""
    return [float(v) for v in values]


def _days(index) -> list[str]:
    """A date index as ISO days (``2026-03-02``)."""
    return [f"{d:%Y-%m-%d}" for d in index]


def _values(series) -> list[float | None]:
    """Values rounded to 3 decimals, with NaN as a gap (``None``)."""
    return [None if v != v else round(float(v), 3) for v in series]


def _legend_above(**extra) -> dict:
    """The course's usual legend: one horizontal row above the plot, left-aligned.

    It is set per figure rather than in the template: the template travels inside every stored
    figure, and figures that place their legend elsewhere must not inherit it.
    """
    return dict(orientation="h", x=0, y=1.0, yanchor="bottom", **extra)


def _bars_with_line(bars, line, yaxis2: dict | None = None) -> go.Figure:
    """A figure of ``bars`` (left axis) with one ``line`` over them.

    With ``yaxis2`` (layout of the right-hand axis: ``title``, ``range`` ...), the line is drawn
    on its own axis on the right, without grid lines.
    """
    if yaxis2 is not None:
        line.update(yaxis="y2")
    fig = go.Figure([*bars, line])
    if yaxis2 is not None:
        fig.update_layout(yaxis2=dict(overlaying="y", side="right", showgrid=False, **yaxis2))
    return fig
