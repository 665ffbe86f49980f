"""The course renderer and the one-declaration, two-front-ends explorer."""

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from helpers import explore, figures


def draw_line(slope=1.0, shape="line"):
    x = np.arange(4)
    mode = "lines" if shape == "line" else "markers"
    fig = go.Figure(go.Scatter(x=x, y=slope * x, mode=mode))
    return fig.update_layout(title=f"slope {slope:g}")


def test_renderer_gives_lab_mimetype_and_offline_html():
    fig = figures.describe(go.Figure(go.Bar(x=["a"], y=[1])), "One bar.")
    bundle = fig._repr_mimebundle_()
    assert set(bundle) == {"application/vnd.plotly.v1+json", "text/html"}
    page = bundle["text/html"]
    assert "cdn" not in page.lower() and "https://" not in page
    assert 'aria-label="One bar."' in page
    assert "window.smPlot" in page


def test_figure_ids_are_stable_and_distinct():
    renderer = figures.CourseRenderer()
    a = renderer.to_mimebundle(go.Figure(go.Scatter(y=[1, 2])).to_dict())["text/html"]
    b = figures.CourseRenderer().to_mimebundle(go.Figure(go.Scatter(y=[1, 2])).to_dict())[
        "text/html"
    ]
    c = renderer.to_mimebundle(go.Figure(go.Scatter(y=[1, 3])).to_dict())["text/html"]
    again = renderer.to_mimebundle(go.Figure(go.Scatter(y=[1, 2])).to_dict())["text/html"]
    assert a == b  # same figure, fresh kernel: same bytes
    assert a.split('"')[1] != c.split('"')[1]
    assert again.split('"')[1] == a.split('"')[1] + "-1"  # shown twice: a second stable id


def test_figure_json_cannot_close_its_script_tag():
    fig = go.Figure(go.Scatter(y=[1], name="</script><script>alert(1)</script>"))
    page = figures.CourseRenderer().to_mimebundle(fig.to_dict())["text/html"]
    assert "</script><script>alert" not in page
    data = page.split('-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["data"][0]["name"].startswith("</script>")


def test_single_parameter_uses_plain_plotly_update_steps():
    model = explore.Explorer(
        "line", draw_line, [explore.Param("slope", "Slope", (0.5, 1.0, 2.0), 1.0)]
    )
    fig = explore.static_figure(model)
    (slider,) = fig.layout.sliders
    assert slider.active == 1
    assert [s.method for s in slider.steps] == ["update"] * 3
    # the step for slope 2 carries the model's y for slope 2, computed by the model itself
    assert slider.steps[2].args[0]["y"] == [[0.0, 2.0, 4.0, 6.0]]
    assert slider.steps[2].args[1]["title.text"] == "slope 2"


def test_several_parameters_store_every_combination():
    model = explore.Explorer(
        "line",
        draw_line,
        [
            explore.Param("slope", "Slope", (1.0, 2.0), 1.0),
            explore.Param("shape", "Shape", ("line", "dots"), "line"),
        ],
    )
    fig = explore.static_figure(model)
    ex = fig.layout.meta["explore"]
    assert ex["params"] == ["slope", "shape"]
    assert ex["kinds"] == ["slider", "menu"]
    assert sorted(ex["states"]) == ["0|0", "0|1", "1|0", "1|1"]
    assert ex["states"]["1|1"]["y"] == [[0.0, 2.0, 4.0, 6.0]]
    assert len(fig.layout.updatemenus) == 1 and len(fig.layout.sliders) == 1


def test_bad_declarations_say_what_is_wrong():
    with pytest.raises(ValueError, match="default 3 must be one of values"):
        explore.Param("slope", "Slope", (1, 2), 3)
    with pytest.raises(ValueError, match="values must not be empty"):
        explore.Param("slope", "Slope", (), 1)
    with pytest.raises(ValueError, match="parameter names repeat"):
        p = explore.Param("slope", "Slope", (1,), 1)
        explore.Explorer("x", draw_line, [p, p])

    def uneven(n=1):
        return go.Figure([go.Scatter(y=[i]) for i in range(n)])

    model = explore.Explorer("uneven", uneven, [explore.Param("n", "n", (1, 2), 1)])
    with pytest.raises(ValueError, match="same number of traces"):
        explore.static_figure(model)


def test_show_switches_on_the_publish_environment(monkeypatch):
    model = explore.Explorer("line", draw_line, [explore.Param("slope", "Slope", (1.0, 2.0), 1.0)])
    monkeypatch.setenv(explore.STATIC_ENV, "1")
    assert explore.is_static()
    monkeypatch.setenv(explore.STATIC_ENV, "0")
    assert not explore.is_static()
    box = explore.widgets(model)
    slider = box.children[0]
    assert slider.options == (("1", 1.0), ("2", 2.0))


def test_axis_titles_follow_the_state():
    def draw(unit="kg"):
        fig = go.Figure(go.Scatter(x=[0, 1], y=[1, 2] if unit == "kg" else [2.2, 4.4]))
        return fig.update_layout(title=f"in {unit}", yaxis_title=f"Load [{unit}]")

    one = explore.Explorer("u", draw, [explore.Param("unit", "Unit", ("kg", "lb"), "kg")])
    steps = explore.static_figure(one).layout.updatemenus[0].buttons
    assert steps[1].args[1] == {"title.text": "in lb", "yaxis.title.text": "Load [lb]"}

    def draw2(unit="kg", k=1.0):
        return draw(unit).update_traces(y=[k, 2 * k])

    two = explore.Explorer(
        "u2",
        draw2,
        [
            explore.Param("unit", "Unit", ("kg", "lb"), "kg"),
            explore.Param("k", "k", (1.0, 2.0), 1.0),
        ],
    )
    layouts = explore.static_figure(two).layout.meta["explore"]["layouts"]
    assert layouts["1|0"]["yaxis.title.text"] == "Load [lb]"


def test_a_state_that_changes_other_layout_is_refused():
    def draw(n=1):
        return go.Figure(go.Scatter(y=[n])).update_layout(height=300 + 100 * n)

    model = explore.Explorer("tall", draw, [explore.Param("n", "n", (1, 2), 1)])
    with pytest.raises(ValueError, match=r"'tall'.*changes layout \['height'\]"):
        explore.static_figure(model)
