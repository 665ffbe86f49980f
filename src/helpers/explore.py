"""One parameter space, two front ends: a model declared once, explored in JupyterLab and on the page.

A lesson declares an :class:`Explorer`: the function that draws the model's figure (calling the
science layer) and the parameters it takes, each with the values a learner may pick. Then

- :func:`widgets` gives ipywidgets controls that redraw the figure live in JupyterLab;
- :func:`static_figure` precomputes the figure for every combination of values and returns one
  plotly figure with sliders (numbers) and dropdowns (choices) that works in a static page;
- :func:`show` displays the first in a live kernel and the second when the course is being
  published (environment variable ``STRONGER_MILES_STATIC=1``, set by :mod:`helpers.publish`).

With one parameter the static controls are plain plotly ``update`` steps (they work anywhere
plotly.js runs). With several, each control's step is ``skip`` and the precomputed states are
stored in ``layout.meta.explore``; the course page script combines the controls and restyles.

Example
-------
>>> import numpy as np
>>> import plotly.graph_objects as go
>>> def draw(slope=1.0):
...     x = np.arange(5)
...     return go.Figure(go.Scatter(x=x, y=slope * x))
>>> model = Explorer("line", draw, [Param("slope", "Slope", (0.5, 1.0, 2.0), 1.0)])
>>> fig = static_figure(model)
>>> len(fig.layout.sliders[0].steps)
3
"""

from __future__ import annotations

import itertools
import numbers
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import plotly.graph_objects as go

from helpers import figures  # noqa: F401  (registers the course renderer)

STATIC_ENV = "STRONGER_MILES_STATIC"
#: Trace attributes a parameter change may alter; the rest must stay the same for every state.
TRACE_KEYS = (
    "x",
    "y",
    "z",
    "text",
    "hovertext",
    "name",
    "base",
    "width",
    "error_x",
    "error_y",
    "customdata",
    "marker",
    "line",
    "visible",
    "mode",
)
#: Pixels from the bottom of the plot area to the first slider (room for the x axis), and
#: between sliders.
SLIDER_FIRST_PX = 70
SLIDER_STEP_PX = 90
#: Layout attributes (relayout paths) a parameter change may alter.
LAYOUT_KEYS = (
    "title.text",
    "xaxis.title.text",
    "yaxis.title.text",
    "xaxis.range",
    "yaxis.range",
    "annotations",
)


@dataclass(frozen=True)
class Param:
    """One input of a model: its keyword, label, the values a learner may pick, and a default.

    Numeric values become a slider, other values (text) a dropdown.
    """

    name: str
    label: str
    values: tuple
    default: object
    unit: str = ""

    def __post_init__(self):
        values = tuple(self.values)
        object.__setattr__(self, "values", values)
        if not values:
            raise ValueError(f"Param {self.name!r}: values must not be empty")
        if self.default not in values:
            raise ValueError(
                f"Param {self.name!r}: default {self.default!r} must be one of values {list(values)}"
            )

    @property
    def numeric(self) -> bool:
        return all(isinstance(v, numbers.Number) and not isinstance(v, bool) for v in self.values)

    def text(self, value) -> str:
        """How a value is labelled on a control, with the unit."""
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return f"{shown} {self.unit}".strip()


@dataclass(frozen=True)
class Explorer:
    """A model to explore: ``draw(**params) -> go.Figure`` and its parameters."""

    name: str
    draw: Callable[..., go.Figure]
    params: Sequence[Param] = field(default_factory=tuple)

    def __post_init__(self):
        object.__setattr__(self, "params", tuple(self.params))
        names = [p.name for p in self.params]
        if len(set(names)) != len(names):
            raise ValueError(f"Explorer {self.name!r}: parameter names repeat: {names}")

    @property
    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def figure(self, **values) -> go.Figure:
        """The figure for the given values (defaults for the rest)."""
        return self.draw(**{**self.defaults, **values})


def _plain(value):
    """JSON-ready plain lists (plotly.js restyle arguments must not be typed-array specs)."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _trace_state(fig: go.Figure) -> list[dict]:
    """The attributes of each trace that may vary between states, as plain values."""
    state = []
    for trace in fig.data:
        plotly_json = trace.to_plotly_json()
        state.append({k: _plain(plotly_json[k]) for k in TRACE_KEYS if k in plotly_json})
    return state


def _layout_state(fig: go.Figure) -> dict:
    """The layout attributes a parameter change may alter, as relayout paths → plain values."""
    layout = fig.layout
    state = {}
    for path in LAYOUT_KEYS:
        node = layout
        for part in path.split("."):
            node = node[part] if node is not None else None
        if path == "annotations":
            node = [a.to_plotly_json() for a in node]
        state[path] = _plain(node)
    return state


def _fixed_parts(fig: go.Figure) -> dict:
    """What must be the same in every state: trace attributes outside TRACE_KEYS, and the layout
    outside LAYOUT_KEYS (the page changes only those)."""
    traces = [
        {k: v for k, v in t.to_plotly_json().items() if k not in TRACE_KEYS} for t in fig.data
    ]
    layout = fig.layout.to_plotly_json()
    layout.pop("annotations", None)
    layout.pop("meta", None)  # the description may name the state; the page keeps the default's
    for path in LAYOUT_KEYS:
        *parents, leaf = path.split(".")
        node = layout
        for part in parents:
            node = node.get(part, {}) if isinstance(node, dict) else {}
        if isinstance(node, dict):
            node.pop(leaf, None)
    return {"traces": _plain(traces), "layout": _plain(layout)}


def _check_fixed(model: Explorer, figs: dict) -> None:
    """Raise when a state changes something the static page cannot change."""
    (first_combo, first), *others = ((c, _fixed_parts(f)) for c, f in figs.items())
    for combo, parts in others:
        if parts == first:
            continue
        where = "layout" if parts["layout"] != first["layout"] else "traces"
        a, b = first[where], parts[where]
        if where == "layout":
            keys = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        else:
            keys = sorted(
                {
                    k
                    for x, y in zip(a, b, strict=True)
                    for k in x.keys() | y.keys()
                    if x.get(k) != y.get(k)
                }
            )
        raise ValueError(
            f"Explorer {model.name!r}: state {combo} changes {where} {keys} compared with "
            f"{first_combo}; only layout {list(LAYOUT_KEYS)} and trace {list(TRACE_KEYS)} may "
            "change (keep the rest of the layout the same in draw)"
        )


def _varying(states: list[list[dict]]) -> list[str]:
    """Trace attributes that differ between at least two states."""
    keys = set()
    first = states[0]
    for state in states[1:]:
        for a, b in zip(first, state, strict=True):
            keys |= {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    return [k for k in TRACE_KEYS if k in keys]


def static_figure(model: Explorer) -> go.Figure:
    """Precompute ``model`` over every combination of parameter values; controls on one figure.

    The figure starts at the defaults. Every state must draw the same number of traces; a state
    may change the trace attributes in ``TRACE_KEYS`` and the layout attributes in
    ``LAYOUT_KEYS`` (title, axis titles and ranges, annotations), and nothing else: anything
    else raises, because the page could not show it.
    """
    fig = model.figure()
    if not model.params:
        return fig
    grids = [p.values for p in model.params]
    combos = list(itertools.product(*grids))
    figs = {
        c: model.figure(**dict(zip([p.name for p in model.params], c, strict=True))) for c in combos
    }
    states = {c: _trace_state(f) for c, f in figs.items()}
    counts = {len(s) for s in states.values()}
    if len(counts) != 1:
        raise ValueError(
            f"Explorer {model.name!r}: every state must draw the same number of traces, got {sorted(counts)}"
        )
    _check_fixed(model, figs)
    keys = _varying(list(states.values()))
    layouts = {c: _layout_state(f) for c, f in figs.items()}
    layout_keys = [
        k
        for k in LAYOUT_KEYS
        if k == "title.text" or len({repr(v[k]) for v in layouts.values()}) > 1
    ]

    def restyle(c):
        return {k: [s.get(k) for s in states[c]] for k in keys}

    def relayout(c):
        return {k: layouts[c][k] if layouts[c][k] is not None else "" for k in layout_keys}

    sliders, menus = [], []
    if len(model.params) == 1:
        (param,) = model.params
        steps = [
            dict(
                method="update",
                label=param.text(v),
                args=[restyle((v,)), relayout((v,))],
            )
            for v in param.values
        ]
        if param.numeric:
            sliders.append(_slider(param, steps, 0.0))
        else:
            menus.append(_menu(param, steps, 0))
    else:
        for param in model.params:
            steps = [dict(method="skip", label=param.text(v), args=[]) for v in param.values]
            if param.numeric:
                sliders.append(_slider(param, steps, 0.0))
            else:
                menus.append(_menu(param, steps, len(menus)))
        fig.update_layout(
            meta={
                **(fig.layout.meta if isinstance(fig.layout.meta, dict) else {}),
                "explore": {
                    "params": [p.name for p in model.params],
                    "kinds": ["slider" if p.numeric else "menu" for p in model.params],
                    "keys": keys,
                    "states": {
                        "|".join(
                            str(grid.index(v)) for grid, v in zip(grids, c, strict=True)
                        ): restyle(c)
                        for c in combos
                    },
                    "layouts": {
                        "|".join(
                            str(grid.index(v)) for grid, v in zip(grids, c, strict=True)
                        ): relayout(c)
                        for c in combos
                    },
                },
            }
        )
    # Sliders stack under the plot at fixed pixel offsets, whatever the figure's height:
    # plotly places them in fractions of the plot area, so convert.
    top, bottom = 70 + 50 * bool(menus), SLIDER_FIRST_PX + 20 + SLIDER_STEP_PX * len(sliders)
    height = (fig.layout.height or 450) + SLIDER_STEP_PX * len(sliders)
    plot_px = max(150, height - top - bottom)
    for i, slider in enumerate(sliders):
        slider["y"] = round(-(SLIDER_FIRST_PX + SLIDER_STEP_PX * i) / plot_px, 4)
    fig.update_layout(
        sliders=sliders, updatemenus=menus, margin=dict(b=bottom, t=top), height=height
    )
    return fig


def _slider(param: Param, steps: list[dict], y: float) -> dict:
    return dict(
        name=param.name,
        active=param.values.index(param.default),
        currentvalue=dict(prefix=f"{param.label}: ", font=dict(size=14)),
        steps=steps,
        x=0.05,
        len=0.9,
        y=y,
        yanchor="top",
        pad=dict(t=40),
    )


def _menu(param: Param, steps: list[dict], position: int) -> dict:
    return dict(
        name=param.name,
        type="dropdown",
        active=param.values.index(param.default),
        # the label names the parameter: a closed dropdown shows only the chosen button
        buttons=[{**step, "label": f"{param.label}: {step['label']}"} for step in steps],
        x=0.0 + 0.25 * position,
        xanchor="left",
        y=1.0,
        yanchor="bottom",
        pad=dict(b=6),
        showactive=True,
    )


def widgets(model: Explorer):
    """ipywidgets controls that redraw the model's figure in a live kernel (JupyterLab)."""
    import ipywidgets as w
    from IPython.display import display

    controls = {}
    for p in model.params:
        options = [(p.text(v), v) for v in p.values]
        if p.numeric:
            controls[p.name] = w.SelectionSlider(
                options=options,
                value=p.default,
                description=p.label,
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="60%"),
            )
        else:
            controls[p.name] = w.Dropdown(
                options=options,
                value=p.default,
                description=p.label,
                style={"description_width": "initial"},
            )
    out = w.Output()

    def redraw(**values):
        with out:
            out.clear_output(wait=True)
            display(model.figure(**values))

    w.interactive_output(redraw, controls)
    return w.VBox([*controls.values(), out])


def is_static() -> bool:
    """True while the course is executed for the static site (see :mod:`helpers.publish`)."""
    return os.environ.get(STATIC_ENV) == "1"


def show(model: Explorer):
    """Display the model: live widgets in a kernel, precomputed controls when publishing."""
    from IPython.display import display

    display(static_figure(model) if is_static() else widgets(model))
