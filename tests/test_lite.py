"""The browser edition in a real browser: JupyterLite and Pyodide in headless Chromium, served on
127.0.0.1 with every other address cut off (a gym with no network).

The edition is built (or reused, when nothing it depends on changed) by :func:`helpers.publish.lite.build`.
Where it cannot be built (no JupyterLite tools, no registry for the first download) the tests
skip with the reason, except in CI, where they fail.
"""

from __future__ import annotations

import importlib.util
import math
import re
import time
from pathlib import Path

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT, _skip_or_fail
from helpers.publish import lite, lite_sources
from helpers.publish.lite import NOTEBOOK_JS as _NOTEBOOK
from helpers.publish.lite import open_lesson, run_all

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KERNEL_READY_S = 300  # a cold Pyodide start on a busy 2-core machine takes about a minute
RUN_ALL_S = 600

# Numbers each lesson's models give, computed in the browser (numpy 2.0.2 on Pyodide) and here
# (CPython, the course's pins) from the same call; they must agree to 6 significant digits.
PROBES = {
    "03-progressive-overload": "from helpers import strength\nstrength.e1rm_from_rpe(70, 5, 9)",
    "05-load-fatigue-and-form": (
        "import numpy as np, pandas as pd\nfrom helpers import load\n"
        "daily = pd.Series(np.tile([60.0, 0, 80, 40, 0, 120, 30], 20),\n"
        "                  index=pd.date_range('2027-01-01', periods=140, name='date'))\n"
        "float(load.banister(daily, k2=2)['performance'].iloc[-1])"
    ),
    "06-building-your-marathon-block": (
        "import datetime as dt\nfrom helpers import plans\n"
        "spec = plans.PlanSpec(race_date=dt.date(2027, 4, 18), weeks=16, current_weekly_km=40,\n"
        "                      peak_weekly_km=65, strength_sessions_per_week=2,\n"
        "                      level='intermediate', equipment='gym')\n"
        "float(plans.build_plan(spec).weeks['load'].sum())"
    ),
}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def lite_site() -> Path:
    if importlib.util.find_spec("jupyterlite_core") is None:
        _skip_or_fail(
            "JupyterLite is not installed: browser-edition tests skipped "
            "(`make test` installs requirements/lite.txt; or run `make lite-install`)"
        )
    try:
        return lite.build()
    except lite_sources.LiteBuildError as exc:
        _skip_or_fail(f"the browser edition cannot be built here: {exc}")


@pytest.fixture(scope="session")
def lite_url(lite_site):
    """The browser edition served over HTTP on 127.0.0.1 (as `make serve` does)."""
    with lite.serve(lite_site) as url:
        yield url


@pytest.fixture(scope="session")
def lite_browser(browser):
    """The session's headless Chromium (tests/conftest.py): one Playwright per test run, as
    Playwright's sync API allows only one at a time."""
    return browser


@pytest.fixture(scope="session")
def lite_context(lite_browser, lite_url):
    """One browser profile for the session (its HTTP cache makes later kernel starts warm);
    every request off 127.0.0.1 is aborted and recorded in ``context.blocked``."""
    context = lite_browser.new_context(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def offline(route):
        url = route.request.url
        if url.startswith((lite_url, "data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", offline)
    context.blocked = blocked
    yield context
    context.close()


@pytest.fixture(scope="session")
def ran_lessons(lite_context, lite_url):
    """Lessons opened and run whole once per session: stem -> (page, seconds to run all).
    The slider test reuses lesson 05's run (a lesson run takes minutes on a busy machine)."""
    ran: dict = {}

    def run(stem: str):
        if stem not in ran:
            page = lite_context.new_page()
            page.crashes = []
            page.on("pageerror", lambda exc: page.crashes.append(str(exc)))
            open_lesson(page, lite_url, stem)
            ran[stem] = (page, run_all(page))
        return ran[stem]

    yield run
    for page, _ in ran.values():
        page.close()
    assert lite_context.blocked == [], f"requests left 127.0.0.1: {lite_context.blocked}"


@pytest.fixture
def lite_page(lite_context):
    page = lite_context.new_page()
    page.crashes = []
    page.on("pageerror", lambda exc: page.crashes.append(str(exc)))
    yield page
    page.close()
    assert lite_context.blocked == [], f"requests left 127.0.0.1: {lite_context.blocked}"


# --------------------------------------------------------------------------- page helpers


def cell_outputs(page) -> dict[int, list[dict]]:
    """Outputs of every code cell of the open notebook, by cell index."""
    cells = page.evaluate(
        f"""() => {{
            const cells = {_NOTEBOOK}.content.model.cells, found = [];
            for (let i = 0; i < cells.length; i++) {{
                const c = cells.get(i);
                if (c.type === 'code') found.push([i, c.outputs.toJSON()]);
            }}
            return found;
        }}"""
    )
    return {i: outputs for i, outputs in cells}


def run_in_kernel(page, code: str) -> str:
    """Run code in the open notebook's kernel; return what it printed (raise on an error)."""
    result = page.evaluate(
        f"""async code => {{
            const kernel = {_NOTEBOOK}.sessionContext.session.kernel;
            const future = kernel.requestExecute({{code, store_history: false}});
            let text = '', error = null;
            future.onIOPub = msg => {{
                const t = msg.header.msg_type, c = msg.content;
                if (t === 'stream') text += c.text;
                else if (t === 'execute_result') text += c.data['text/plain'] || '';
                else if (t === 'error') error = c.ename + ': ' + c.evalue;
            }};
            await future.done;
            return {{text, error}};
        }}""",
        code,
    )
    if result["error"]:
        raise AssertionError(f"the browser kernel raised {result['error']} running:\n{code}")
    return result["text"]


_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?")


def printed_numbers(outputs: list[dict]) -> list[float]:
    """Numbers in the printed text of a cell's outputs (stream and plain-text results)."""
    text = ""
    for out in outputs:
        if out.get("output_type") == "stream":
            text += out["text"] if isinstance(out["text"], str) else "".join(out["text"])
        elif out.get("output_type") == "execute_result":
            plain = out.get("data", {}).get("text/plain", "")
            text += plain if isinstance(plain, str) else "".join(plain)
    return [float(m.replace(",", "")) for m in _NUMBER.findall(text)]


def same_6_digits(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=5e-6, abs_tol=1e-12)


# --------------------------------------------------------------------------- tests


def test_lite_site_is_local_and_complete(lite_site):
    import json

    config = json.loads((lite_site / "jupyter-lite.json").read_text())
    settings = config["jupyter-config-data"]["litePluginSettings"][
        "@jupyterlite/pyodide-kernel-extension:kernel"
    ]
    assert settings["pyodideUrl"] == "./static/pyodide/pyodide.js"
    assert settings["disablePyPIFallback"] is True
    lock = json.loads((lite_site / "static" / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"]["version"] == "0.27.7"
    for name in settings["loadPyodideOptions"]["packages"]:
        assert name in lock["packages"], f"{name} is preloaded but not in the site's lock"
    for entry in lock["packages"].values():
        assert (lite_site / "static" / "pyodide" / entry["file_name"]).is_file()
    lessons = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    assert sorted(p.name for p in (lite_site / "files").glob("*.ipynb")) == lessons
    nb = nbformat.read(lite_site / "files" / lessons[0], as_version=4)
    assert nb.metadata.kernelspec.name == "python"  # the Pyodide kernel: no "Select Kernel"
    assert not any(c.get("outputs") for c in nb.cells)


def test_kernel_starts_offline_and_imports_the_course(lite_page, lite_url):
    seconds = open_lesson(lite_page, lite_url, "00-start-here")
    text = run_in_kernel(
        lite_page,
        "import sys, numpy, pandas, plotly, helpers\n"
        "from helpers import exercises\n"
        "print(sys.platform, numpy.__version__, pandas.__version__, plotly.__version__)\n"
        "print(len(exercises.load_exercises()), helpers.DATA_DIR)",
    )
    platform, numpy_version, pandas_version, plotly_version, n_exercises, data_dir = text.split()
    assert platform == "emscripten"
    assert numpy_version == "2.0.2"
    assert pandas_version == "3.1.1"
    assert plotly_version == "7.1.0"
    # the exercise library read from the data packaged in the helpers wheel
    from helpers import exercises

    assert int(n_exercises) == len(exercises.load_exercises())
    assert "site-packages/helpers/data" in data_dir
    assert lite_page.crashes == []
    print(f"kernel ready in {seconds:.1f} s")


@pytest.mark.parametrize("stem", sorted(PROBES))
def test_lesson_runs_whole_in_the_browser(ran_lessons, lite_context, stem):
    lite_page, seconds = ran_lessons(stem)
    outputs = cell_outputs(lite_page)
    errors = [
        f"cell {i}: {o.get('ename')}: {o.get('evalue')}"
        for i, outs in outputs.items()
        for o in outs
        if o.get("output_type") == "error"
    ]
    assert errors == [], f"{stem} in the browser: {errors}"

    # What the lesson prints matches its CPython run (the outputs stored in the notebook).
    stored = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    compared = 0
    for i, cell in enumerate(stored.cells):
        if cell.cell_type != "code" or i not in outputs:
            continue
        expected = printed_numbers(cell.get("outputs", []))
        got = printed_numbers(outputs[i])
        if not expected:
            continue
        assert len(got) == len(expected), f"{stem} cell {i}: printed {got}, CPython {expected}"
        for a, b in zip(got, expected, strict=True):
            assert same_6_digits(a, b), f"{stem} cell {i}: browser {a}, CPython {b}"
        compared += len(expected)
    assert compared > 0, f"{stem}: no printed number to compare"

    # A model number at full precision: numpy 2.0.2 in the browser, the course's numpy here.
    namespace: dict = {}
    *body, last = PROBES[stem].splitlines()
    exec("\n".join(body), namespace)
    here = float(eval(last, namespace))
    # in a namespace of its own, so the lesson's variables (and its sliders) stay as they were
    probe = (
        f"_sm = {{}}\nexec({chr(10).join(body)!r}, _sm)\nprint(repr(eval({last!r}, _sm)))\ndel _sm"
    )
    there = float(run_in_kernel(lite_page, probe))
    assert same_6_digits(there, here), f"{stem}: browser {there!r}, CPython {here!r}"
    assert lite_page.crashes == []
    assert lite_context.blocked == [], f"requests left 127.0.0.1: {lite_context.blocked}"
    print(f"{stem}: all cells in {seconds:.1f} s, {compared} printed numbers match CPython")


def test_a_slider_redraws_the_figure(ran_lessons):
    lite_page, _ = ran_lessons("05-load-fatigue-and-form")
    lite_page.bring_to_front()  # a background tab does not redraw
    # the notebook draws only the cells near the view: bring the first widget cell there
    index = lite_page.evaluate(
        f"""async () => {{
            const nb = {_NOTEBOOK}.content, cells = nb.model.cells;
            for (let i = 0; i < cells.length; i++) {{
                const outs = cells.get(i).outputs ? cells.get(i).outputs.toJSON() : [];
                if (outs.some(o => o.data && o.data['application/vnd.jupyter.widget-view+json'])) {{
                    nb.activeCellIndex = i;
                    await nb.scrollToItem(i, 'center');
                    nb.widgets[i].node.id = 'sm-widget-cell';
                    return i;
                }}
            }}
            return -1;
        }}"""
    )
    assert index >= 0, "lesson 05 shows no widget"
    widget = lite_page.locator("#sm-widget-cell .widget-vbox").filter(
        has=lite_page.locator(".js-plotly-plot")
    )
    widget.first.wait_for(timeout=60_000)
    plot = widget.first.locator(".js-plotly-plot").first
    plot.scroll_into_view_if_needed()

    def plotted():
        return plot.evaluate("el => JSON.stringify(el.data.map(t => [t.x, t.y]))")

    before = plotted()
    handle = widget.first.locator(".noUi-handle").first
    handle.focus()
    handle.press("End")  # the slider's last value, as a keyboard user would
    # the output area redraws the figure (a new plot element): poll what is plotted
    deadline = time.monotonic() + 60
    after = before
    while time.monotonic() < deadline:
        plot = widget.first.locator(".js-plotly-plot").first
        if plot.count():
            after = plotted()
            if after != before:
                break
        time.sleep(0.5)
    assert after != before, "moving the slider did not change the figure"
    assert lite_page.crashes == []


def test_own_file_upload_is_read_by_the_helpers(lite_page, lite_url):
    sample = ROOT / "data" / "samples" / "strong.csv"
    lite_page.goto(f"{lite_url}lab/index.html")
    upload = lite_page.locator('.jp-FileBrowser-toolbar jp-button[title="Upload Files"]').first
    upload.wait_for(timeout=120_000)
    with lite_page.expect_file_chooser() as chooser:
        upload.click()
    chooser.value.set_files(str(sample))
    lite_page.locator(".jp-DirListing-item", has_text="strong.csv").wait_for(timeout=60_000)
    lite_page.evaluate(
        "async () => { await window.jupyterapp.commands.execute("
        "'notebook:create-new', {kernelName: 'python'}); return null; }"
    )
    lite_page.wait_for_function(
        f"""() => {{
            const w = {_NOTEBOOK};
            const s = w && w.sessionContext && w.sessionContext.session;
            return s && s.kernel && s.kernel.status === 'idle';
        }}""",
        timeout=KERNEL_READY_S * 1000,
        polling=500,
    )
    text = run_in_kernel(
        lite_page,
        "from helpers import logs\n"
        "result = logs.read_strong_csv('strong.csv')\n"
        "print(len(result.log), round(float(result.log['duration_min'].sum()), 1))",
    )
    from helpers import logs

    expected = logs.read_strong_csv(sample)
    n, minutes = text.split()
    assert int(n) == len(expected.log)
    assert float(minutes) == round(float(expected.log["duration_min"].sum()), 1)
    assert lite_page.crashes == []


def test_a_learner_edits_lesson_06_and_the_plan_and_figure_change(ran_lessons):
    page, _ = ran_lessons("06-building-your-marathon-block")
    page.bring_to_front()
    before = cell_outputs(page)
    last_count = page.evaluate(
        f"""() => {{
            const cells = {_NOTEBOOK}.content.model.cells;
            let n = 0;
            for (let i = 0; i < cells.length; i++) n = Math.max(n, cells.get(i).executionCount || 0);
            return n;
        }}"""
    )
    edited = page.evaluate(
        f"""() => {{
            const cells = {_NOTEBOOK}.content.model.cells;
            for (let i = 0; i < cells.length; i++) {{
                const m = cells.get(i).sharedModel, src = m.getSource();
                if (src.includes('peak_weekly_km=65')) {{
                    m.setSource(src.replace('peak_weekly_km=65', 'peak_weekly_km=70'));
                    return i;
                }}
            }}
            return -1;
        }}"""
    )
    assert edited >= 0, "lesson 06 no longer sets peak_weekly_km=65"
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        f"""last => {{
            const w = {_NOTEBOOK}, cells = w.content.model.cells;
            if (w.sessionContext.session.kernel.status !== 'idle') return false;
            let n = 0;
            for (let i = 0; i < cells.length; i++) {{
                const c = cells.get(i);
                if (c.type !== 'code') continue;
                if (c.outputs.toJSON().some(o => o.output_type === 'error')) return true;
                n = Math.max(n, c.executionCount || 0);
            }}
            const code = [];
            for (let i = 0; i < cells.length; i++)
                if (cells.get(i).type === 'code') code.push(cells.get(i).executionCount || 0);
            return code.every(c => c > last);
        }}""",
        arg=last_count,
        timeout=600_000,
        polling=1000,
    )
    after = cell_outputs(page)
    errors = [o for outs in after.values() for o in outs if o.get("output_type") == "error"]
    assert errors == []

    def weeks_table(outputs):
        """The first table after the edited cell that shows the plan's weekly running."""
        for i in sorted(outputs):
            for o in outputs[i] if i > edited else ():
                text = o.get("data", {}).get("text/plain", "")
                if "run_km" in text:
                    return text
        return ""

    # the peak week's running follows the edit: 65.0 km before, 70.0 km after
    assert "65.0" in weeks_table(before) and "70.0" not in weeks_table(before)
    assert "70.0" in weeks_table(after)

    def figures(outputs):
        return [
            o["data"]["application/vnd.plotly.v1+json"]["data"]
            for i in sorted(outputs)
            for o in outputs[i]
            if "application/vnd.plotly.v1+json" in o.get("data", {})
        ]

    assert len(figures(after)) == len(figures(before)) > 0
    assert figures(after) != figures(before), "the plan's figures did not change"
