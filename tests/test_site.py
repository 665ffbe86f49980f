"""The published site: built, offline, small, deterministic, with links that resolve."""

from __future__ import annotations

import re
import statistics
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT
from helpers import publish
from helpers.publish import readers

pytestmark = pytest.mark.site

LOADING_ATTRS = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
}
# A stylesheet reaching the network: url(http…), url(//…) or @import "http…" (local imports are fine).
REMOTE_CSS = re.compile(r"""(?:url\(|@import\s+)\s*["']?(?:https?:|//)[^)"';]*""")


@pytest.fixture(scope="session")
def site() -> Path:
    """The full site, built as `make site` does (lessons come from the execution cache when unchanged)."""
    return publish.build()


class LoadedURLs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attr = LOADING_ATTRS.get(tag)
        for name, value in attrs:
            if name == attr and value:
                self.urls.append((tag, value))


def test_no_page_loads_anything_from_the_network(site):
    for page in site.rglob("*.html"):
        parser = LoadedURLs()
        parser.feed(page.read_text())
        remote = [(t, u) for t, u in parser.urls if u.startswith(("http:", "https:", "//"))]
        assert not remote, f"{page.name} loads {remote}"
    for sheet in site.rglob("*.css"):
        remote = REMOTE_CSS.findall(sheet.read_text())
        assert not remote, f"{sheet.name} loads {remote}"


def test_exactly_one_shared_plotly(site):
    copies = list(site.rglob("plotly*.js"))
    assert [p.name for p in copies] == ["plotly.min.js"]
    for page in publish.lesson_pages(site):
        text = page.read_text()
        assert '<script src="_static/plotly.min.js"></script>' in text
        assert "plotly.js v" not in text, f"{page.name} inlines plotly.js"


def test_lesson_pages_are_light(site):
    sizes = {p.name: p.stat().st_size for p in publish.lesson_pages(site)}
    assert sizes["00-start-here.html"] < 300_000, sizes
    assert statistics.median(sizes.values()) < 150_000, sizes


def test_every_lesson_has_a_page_a_notebook_and_a_card(site):
    index = (site / "index.html").read_text()
    for nb in publish.find_lessons():
        assert (site / f"{nb.stem}.html").exists()
        assert nbformat.read(site / f"{nb.stem}.ipynb", as_version=4).cells
        assert f'href="{nb.stem}.html"' in index


def test_links_and_anchors_resolve(site):
    assert publish.broken_links(site) == []


def test_link_check_finds_a_broken_link(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#missing">x</a><a href="c.html">y</a><p id="here"></p>'
    )
    (tmp_path / "b.html").write_text('<h2 id="there"></h2>')
    problems = publish.broken_links(tmp_path)
    assert problems == ["a.html: b.html#missing (no such anchor)", "a.html: c.html (no such file)"]


def test_external_scan_finds_a_cdn_script(tmp_path):
    (tmp_path / "x.html").write_text(
        '<script src="https://cdn.example.org/require.js"></script><a href="https://doi.org/1">ok</a>'
    )
    assert len(publish.external_loads(tmp_path)) == 1


def test_a_fresh_execution_renders_the_same_bytes(site, tmp_path):
    """Without any cache: execute the first lesson again and render it; the page must not change."""
    lesson = publish.read_lesson(NOTEBOOKS / "00-start-here.ipynb")
    nb = publish.execute(lesson)
    built = (site / "00-start-here.html").read_bytes()
    executed_copy = (site / "00-start-here.ipynb").read_bytes()
    assert nbformat.writes(nb).encode() + b"\n" == executed_copy
    items = publish.lesson_items([publish.read_lesson(p) for p in publish.find_lessons()])
    page = publish.page_context(items, 0, student=False)
    html = readers.lesson_page(publish.render(publish.make_exporter(False), nb, page))
    assert html.encode() == built


def test_solutions_are_folded_and_left_out_of_the_student_edition(site, tmp_path):
    full = (site / "00-start-here.html").read_text()
    assert '<details class="sm-solution">' in full
    student = publish.build(tmp_path / "student", student=True)
    text = (student / "00-start-here.html").read_text()
    assert "sm-solution" not in text
    assert "np.log(2) / np.log(1.05)" not in text  # the solution code of exercise 2
    nb = nbformat.read(student / "00-start-here.ipynb", as_version=4)
    assert not [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]


def test_math_is_mathml_not_tex(site):
    text = (site / "00-start-here.html").read_text()
    assert "<math" in text and "$$" not in text


def test_a_failing_lesson_names_the_notebook_and_cell(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = tmp_path / "99-broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(
        publish.LessonError, match=r"99-broken.ipynb: cell 2 of 2 failed: ZeroDivisionError"
    ):
        publish.execute(publish.read_lesson(path))


def test_printed_lines_are_one_output_per_stream_and_no_tcp_warning(tmp_path, capfd):
    """The kernel flushes print() in chunks that vary from run to run; the stored lesson must
    not (one stdout output per cell). Kernels use IPC, so none warns about plain TCP."""
    nb = nbformat.v4.new_notebook()
    code = 'import sys, time\nprint("first", flush=True)\ntime.sleep(0.3)\nprint("second")'
    nb.cells = [nbformat.v4.new_code_cell(code)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = tmp_path / "98-prints.ipynb"
    nbformat.write(nb, path)
    outputs = publish.execute(publish.read_lesson(path)).cells[0].outputs
    assert "without encryption" not in capfd.readouterr().err
    assert [(o.output_type, o.name, o.text) for o in outputs] == [
        ("stream", "stdout", "first\nsecond\n")
    ]


def test_a_misnamed_lesson_is_refused(tmp_path):
    (tmp_path / "Lesson One.ipynb").write_text("{}")
    with pytest.raises(publish.LessonError, match="NN-kebab-title"):
        publish.find_lessons(tmp_path)


def test_cache_key_follows_the_helpers_a_lesson_imports():
    lesson = publish.read_lesson(NOTEBOOKS / "00-start-here.ipynb")
    used = {str(p.relative_to(ROOT / "src/helpers")) for p in publish.helper_closure({"explore"})}
    assert {"explore.py", "figures/__init__.py", "figures/_render.py", "__init__.py"} <= used
    assert "figures/plans.py" in used  # every topic module of a subpackage counts
    assert not any(name.startswith("publish") for name in used)
    assert publish.execution_key(lesson) == publish.execution_key(lesson)
    assert ROOT.joinpath("src/helpers/explore.py") in publish.helper_closure({"explore"})
