"""Publish the course: execute every lesson, render it with the course template, write the site.

``python -m helpers.publish`` (what ``make site`` runs) builds ``_build/html/``:

- each lesson ``notebooks/NN-title.ipynb`` is executed with ``STRONGER_MILES_STATIC=1`` (so
  :func:`helpers.explore.show` draws precomputed plotly controls), cached by a hash of the
  notebook's cells, the ``helpers`` modules it imports (and theirs), ``data/`` and the pinned
  packages: an unchanged lesson is not executed again;
- rendered with the nbconvert template ``stronger_miles`` (extends ``lab``): navigation,
  prev/next, callouts, solutions in ``<details>``, a download link for the ``.ipynb``;
  LaTeX in markdown becomes MathML at build time (no MathJax, no CDN);
- the shared assets go to ``_static/`` once: ``plotly.min.js`` copied from the installed
  plotly, the lab stylesheet, the course stylesheet and script;
- the built pages are checked: no external URL in a script, stylesheet, font or image, every
  figure has its offline HTML, every relative link and anchor resolves.

``--student`` leaves solutions and instructor notes out (into ``_build/html-student/``).
``--store-outputs [NB ...]`` executes lessons and stores their outputs in the notebooks
(after editing a lesson; nbval then compares against them).
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import html
import json
import os
import re
import shutil
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

# jsonschema (under nbformat) imports rfc3987_syntax when it is installed, which compiles ~40
# grammars at import (1–3 s, most of a warm build). Notebook schemas never use its IRI formats,
# so this process goes without it.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402

import helpers  # noqa: E402

ROOT = helpers.ROOT
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "_build"
PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
STATIC = PACKAGE / "static"
SITE_TITLE = "Stronger Miles"
LITE_DIR = "lite"  # the browser edition's folder inside the site
LESSON_PATTERN = re.compile(r"^(\d\d)-[a-z0-9-]+\.ipynb$")
CALLOUTS = {
    "## questions": "questions",
    "## objectives": "objectives",
    "## prerequisites": "prerequisites",
    "## key points": "keypoints",
    "## safety first": "safety",
}
HIDDEN_TAGS = {"solution", "instructor"}
EXECUTE_TIMEOUT_S = 300
# A reference to the network inside a tag that loads something (not a plain <a href> link).
EXTERNAL_LOAD = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class LessonError(RuntimeError):
    """A lesson failed to execute; the message names the notebook and the cell."""


def log(message: str) -> None:
    print(message, flush=True)


def _rel(path: Path) -> str:
    """A path as the user typed it: relative to the course root when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- lessons and hashes


@dataclass
class Lesson:
    path: Path
    nb: nbformat.NotebookNode

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def number(self) -> str:
        return self.stem[:2]

    @property
    def title(self) -> str:
        for cell in self.nb.cells:
            if cell.cell_type == "markdown":
                for line in cell.source.splitlines():
                    if line.startswith("# "):
                        return line[2:].strip()
        return self.stem

    @property
    def meta(self) -> dict:
        return dict(self.nb.metadata.get("stronger_miles", {}))


def find_lessons(folder: Path | None = None) -> list[Path]:
    """Lesson notebooks in teaching order; a misnamed notebook is an error, not skipped."""
    folder = folder or NOTEBOOKS
    paths = []
    for path in sorted(folder.glob("*.ipynb")):
        if not LESSON_PATTERN.match(path.name):
            raise LessonError(f"{_rel(path)}: lesson file names look like NN-kebab-title.ipynb")
        paths.append(path)
    return paths


def read_lesson(path: Path) -> Lesson:
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # nbformat raises several types for a broken file
        raise LessonError(f"{path}: not a readable notebook ({exc})") from None
    return Lesson(path, nb)


def _cells_digest(nb) -> str:
    """Hash of what a lesson executes and shows: cell types, sources, tags (not outputs)."""
    parts = [
        [c.cell_type, c.source, sorted(c.get("metadata", {}).get("tags", []))] for c in nb.cells
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


# CPython 3.11 before 3.11.8 keeps ast.parse's recursion counter in shared state: two threads
# parsing at once can fail with "SystemError: AST constructor recursion depth mismatch"
# (python/cpython#106905). Lessons are prepared in a thread pool, so parsing takes turns.
_AST_LOCK = threading.Lock()


def _helper_imports(source: str) -> set[str]:
    """``helpers`` submodules named by import statements in ``source``."""
    try:
        with _AST_LOCK:
            tree = ast.parse(source)
    except SyntaxError:
        return set()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("helpers.")}
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "helpers":
                found |= {a.name for a in node.names}
            elif node.module.startswith("helpers."):
                found.add(node.module.split(".")[1])
    return found


def helper_closure(modules: set[str]) -> list[Path]:
    """Source files of ``modules`` and every ``helpers`` module they import, sorted."""
    seen: set[str] = set()
    todo = set(modules) | {"__init__", "_checks"}
    while todo:
        name = todo.pop()
        path = PACKAGE / f"{name}.py"
        if name in seen or not path.exists():
            continue
        seen.add(name)
        todo |= _helper_imports(path.read_text()) - seen
    return sorted(PACKAGE / f"{n}.py" for n in seen)


def _files_digest(paths) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def execution_key(lesson: Lesson) -> str:
    """Cache key: lesson cells + the helpers modules it uses + data/ + pinned packages."""
    code = "\n".join(c.source for c in lesson.nb.cells if c.cell_type == "code")
    modules = helper_closure(_helper_imports(_strip_magics(code)))
    data = sorted(p for p in (ROOT / "data").rglob("*") if p.is_file())
    pins = [ROOT / "requirements" / "constraints.txt"]
    h = hashlib.sha256()
    for part in (
        _cells_digest(lesson.nb),
        _files_digest(modules),
        _files_digest(data),
        _files_digest(pins),
    ):
        h.update(part.encode())
    h.update(sys.version.encode())
    return h.hexdigest()[:24]


def _strip_magics(code: str) -> str:
    return "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))


# --------------------------------------------------------------------------- execution


def execute(
    lesson: Lesson, static: bool = True, renderer: str | None = None
) -> nbformat.NotebookNode:
    """Execute a copy of the lesson in a fresh kernel, in ``notebooks/``; return it.

    ``renderer`` names another plotly renderer (benchmarks compare with plotly's own).

    Raises LessonError naming the notebook, the cell number and the error.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    nb = copy.deepcopy(lesson.nb)
    # The kernel's own environment: lessons run in parallel threads, so this process's
    # os.environ is left alone.
    env = {**os.environ, "STRONGER_MILES_STATIC": "1" if static else "0", "PYTHONHASHSEED": "0"}
    env.pop("PLOTLY_RENDERER", None)  # the course renderer, whatever the shell says
    if renderer:
        env["PLOTLY_RENDERER"] = renderer
    client = NotebookClient(
        nb,
        timeout=EXECUTE_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(lesson.path.parent)}},
        record_timing=False,
        store_widget_state=False,
    )
    current = {"index": None}
    client.on_cell_start = lambda cell, cell_index: current.update(index=cell_index)
    try:
        client.execute(env=env)
    except (CellExecutionError, DeadKernelError) as exc:
        index = current["index"]
        cell = nb.cells[index] if index is not None else None
        where = f"cell {index + 1} of {len(nb.cells)}" if index is not None else "kernel start"
        excerpt = "\n".join(
            "    " + line for line in (cell.source if cell else "").splitlines()[:8]
        )
        text = _ANSI.sub("", str(exc)).strip()
        reason = text.splitlines()[-1] if text else type(exc).__name__
        raise LessonError(f"{_rel(lesson.path)}: {where} failed: {reason}\n{excerpt}") from None
    _normalise(nb)
    return nb


def _normalise(nb) -> None:
    """Drop what changes from run to run but teaches nothing (timings, widget state)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)


def check_figures(lesson: Lesson, nb) -> None:
    """Every plotly figure output must carry the offline HTML (helpers.figures imported)."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.plotly.v1+json" in data and "text/html" not in data:
                raise LessonError(
                    f"{_rel(lesson.path)}: cell {i + 1} shows a plotly figure without "
                    "the course renderer; import helpers.figures (or helpers.explore) in the imports cell"
                )


# --------------------------------------------------------------------------- rendering

_FENCE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.DOTALL)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$\w])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![\w$])")


def math_to_mathml(source: str) -> tuple[str, dict[str, str]]:
    """Replace ``$...$`` and ``$$...$$`` outside code with placeholders; return them as MathML."""
    from latex2mathml.converter import convert

    found: dict[str, str] = {}

    def keep(match, display):
        token = f"SMMATH{len(found)}X"
        try:
            found[token] = convert(match.group(1).strip(), display="block" if display else "inline")
        except Exception as exc:  # latex2mathml raises several types on bad TeX
            raise LessonError(f"cannot render the math {match.group(0)!r}: {exc}") from None
        return token

    pieces = _FENCE.split(source)
    for i in range(0, len(pieces), 2):  # even pieces are outside code
        text = _DISPLAY_MATH.sub(lambda m: keep(m, True), pieces[i])
        pieces[i] = _INLINE_MATH.sub(lambda m: keep(m, False), text)
    return "".join(pieces), found


def make_exporter(student: bool = False, slides: bool = False):
    """The course's HTML (or reveal.js slides) exporter, with math rendered to MathML."""
    from jinja2 import pass_context
    from nbconvert import HTMLExporter, SlidesExporter

    base = SlidesExporter if slides else HTMLExporter

    class CourseExporter(base):
        @pass_context
        def markdown2html(self, context, source):
            text, maths = math_to_mathml(source)
            rendered = super().markdown2html(context, text)
            for token, mathml in maths.items():
                rendered = rendered.replace(token, mathml)
            return rendered

    return CourseExporter(
        template_name="stronger_slides" if slides else "stronger_miles",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="¶",
    )


def slide_layout(nb) -> nbformat.NotebookNode:
    """Slide metadata for a lesson that has none: a slide per heading, coach notes as speaker notes.

    Solutions are skipped (a coach reveals them from the lesson page); cells that already carry
    ``slideshow`` metadata keep it.
    """
    nb = copy.deepcopy(nb)
    if any("slideshow" in c.get("metadata", {}) for c in nb.cells):
        return nb
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        first = cell.source.lstrip().split("\n", 1)[0]
        if "solution" in tags:
            kind = "skip"
        elif "instructor" in tags:
            kind = "notes"
        elif cell.cell_type == "markdown" and first.startswith(("# ", "## ")):
            kind = "slide"
        elif cell.cell_type == "markdown" and first.startswith("### "):
            kind = "subslide"
        else:
            kind = "-"
        cell.metadata["slideshow"] = {"slide_type": kind}
    return nb


def strip_hidden(nb) -> nbformat.NotebookNode:
    """The student edition: cells tagged solution or instructor are left out."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not HIDDEN_TAGS & set(c.get("metadata", {}).get("tags", []))]
    return nb


def render(exporter, nb, page: dict) -> str:
    body, _ = exporter.from_notebook_node(nb, resources={"course": page})
    # nbconvert leaves trailing spaces on many lines; strip them for smaller, stable pages.
    return re.sub(r"[ \t]+\n", "\n", body)


def _lab_css() -> str:
    """JupyterLab's notebook stylesheet and the code highlighting, shared by every page."""
    from pygments.formatters import HtmlFormatter

    lab = Path(sys.prefix) / "share" / "jupyter" / "nbconvert" / "templates" / "lab" / "static"
    parts = [(lab / "index.css").read_text(), (lab / "theme-light.css").read_text()]
    parts.append(HtmlFormatter(style="default").get_style_defs(".highlight"))
    return "\n".join(parts)


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` so that a reader sees the old file or the new one, never half of it
    (two builds, or a build and a test, may share the cache)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def copy_static(out: Path) -> list[Path]:
    import plotly

    static = out / "_static"
    written = []
    sources = {
        "plotly.min.js": Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
        "course.css": STATIC / "course.css",
        "course.js": STATIC / "course.js",
    }
    for name, src in sources.items():
        write_if_changed(static / name, src.read_bytes())
        written.append(static / name)
    reveal = _reveal_dir()
    for pattern in REVEAL_FILES:
        for src in sorted(reveal.glob(pattern)):
            dest = static / "reveal" / src.relative_to(reveal)
            write_if_changed(dest, src.read_bytes())
            written.append(dest)
    lab_css = BUILD / "cache" / f"lab-{_package_versions()}.css"  # built once per package set
    if not lab_css.exists():
        write_atomic(lab_css, _lab_css().encode())
    write_if_changed(static / "lab.css", lab_css.read_bytes())
    written.append(static / "lab.css")
    return written


def copy_tree(src: Path, dest: Path) -> list[Path]:
    """Copy a built folder (the browser edition) into the site, skipping unchanged files."""
    if not (src / "index.html").is_file():
        raise LessonError(f"{_rel(src)}: no built browser edition there (run `make lite`)")
    written = []
    for path in sorted(src.rglob("*")):
        if not path.is_file() or path.name.startswith(".stronger-miles"):
            continue
        target = dest / path.relative_to(src)
        stat = path.stat()
        if not target.exists() or (target.stat().st_size, int(target.stat().st_mtime)) != (
            stat.st_size,
            int(stat.st_mtime),
        ):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        written.append(target)
    return written


REVEAL_FILES = (
    "dist/reveal.js",
    "dist/reveal.css",
    "dist/theme/white.css",
    "dist/theme/fonts/source-sans-pro/*.css",
    "dist/theme/fonts/source-sans-pro/*.woff",
    "dist/theme/fonts/source-sans-pro/LICENSE",
    "plugin/notes/notes.js",
)


def _reveal_dir() -> Path:
    """reveal.js as vendored in the sphinx-revealjs wheel (a pinned PyPI package, no CDN)."""
    import importlib.util

    spec = importlib.util.find_spec("sphinx_revealjs")
    if spec is None or not spec.origin:
        raise LessonError("reveal.js not found: install the pinned packages (make install)")
    return Path(spec.origin).parent / "_static" / "revealjs"


def _package_versions() -> str:
    from importlib.metadata import version

    names = ("nbconvert", "plotly", "pygments", "jupyterlab", "sphinx-revealjs", "latex2mathml")
    text = "|".join(version(p) for p in names)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def render_index(lessons: list[dict], student: bool) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    return env.get_template("site_index.html.j2").render(
        lessons=lessons, site_title=SITE_TITLE, student=student
    )


# --------------------------------------------------------------------------- checks


def lesson_pages(folder: Path) -> list[Path]:
    """The lesson pages of a built site (``NN-title.html``), without their slide decks."""
    return sorted(
        p for p in folder.glob("[0-9][0-9]-*.html") if not p.name.endswith(".slides.html")
    )


def external_loads(folder: Path) -> list[str]:
    """Files (other than the vendored plotly.min.js) that would load something from the network."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in {".html", ".css", ".js"} or path.name == "plotly.min.js":
            continue
        if path.relative_to(folder).parts[0] == LITE_DIR:
            continue  # the browser edition: checked by helpers.lite (local Pyodide, no fallback)
        text = path.read_text(errors="replace")
        for m in EXTERNAL_LOAD.finditer(text):
            found.append(f"{path.relative_to(folder)}: {m.group(0)[:120]}")
    return found


_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


def broken_links(folder: Path) -> list[str]:
    """Relative links (and their #anchors) in the site's pages that do not resolve."""
    ids: dict[Path, set[str]] = {}
    pages = sorted(p for p in folder.rglob("*.html") if p.relative_to(folder).parts[0] != LITE_DIR)
    for page in pages:
        ids[page.resolve()] = set(_ID.findall(page.read_text()))
    broken = []
    for page in pages:
        for href in _HREF.findall(page.read_text()):
            href = html.unescape(href)
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
                continue  # http(s), mailto: outside the site
            target, _, anchor = href.partition("#")
            target = target.partition("?")[0]
            dest = (page.parent / target).resolve() if target else page.resolve()
            if not dest.exists():
                broken.append(f"{page.relative_to(folder)}: {href} (no such file)")
            elif anchor and dest.suffix == ".html" and anchor not in ids.get(dest, set()):
                broken.append(f"{page.relative_to(folder)}: {href} (no such anchor)")
    return broken


# --------------------------------------------------------------------------- build


class CachedRenderer:
    """Render lesson pages and slides, reusing a rendering whose inputs have not changed."""

    def __init__(self, folder: Path, student: bool):
        self.folder = folder
        self.edition = "s" if student else "f"
        self.student = student
        self.exporters: dict[bool, object] = {}
        self.salt = _files_digest(sorted(p for p in TEMPLATES.rglob("*") if p.is_file()))
        self.salt += _package_versions()

    def _render(self, kind: str, stem: str, key: str, nb, page: dict) -> str:
        digest = json.dumps([key, self.salt, kind, page], sort_keys=True).encode()
        name = f"{stem}-{kind}-{self.edition}-{hashlib.sha256(digest).hexdigest()[:24]}.html"
        cached = self.folder / name
        if cached.exists():
            return cached.read_text()
        slides = kind == "slides"
        if slides not in self.exporters:
            self.exporters[slides] = make_exporter(self.student, slides=slides)
        body = render(self.exporters[slides], slide_layout(nb) if slides else nb, page)
        for old in self.folder.glob(f"{stem}-{kind}-{self.edition}-*.html"):
            old.unlink(missing_ok=True)
        write_atomic(cached, body.encode())
        return body

    def page(self, stem, key, nb, page):
        return self._render("page", stem, key, nb, page)

    def slides(self, stem, key, nb, page):
        return self._render("slides", stem, key, nb, page)


def lesson_items(lessons: list[Lesson]) -> list[dict]:
    """What the index card and the navigation show of each lesson."""
    return [
        {
            "stem": lesson.stem,
            "number": lesson.number,
            "title": lesson.title,
            "href": f"{lesson.stem}.html",
            "summary": lesson.meta.get("summary", ""),
            "minutes": lesson.meta.get("minutes"),
            "level": lesson.meta.get("level", ""),
        }
        for lesson in lessons
    ]


def page_context(items: list[dict], i: int, student: bool, lite: bool = False) -> dict:
    """The template context of lesson ``i``: its card, the lesson list, prev/next."""
    return {
        # "Run this lesson in your browser": only when the browser edition is in the site
        "lite": f"{LITE_DIR}/notebooks/index.html?path={items[i]['stem']}.ipynb" if lite else None,
        **items[i],
        "site_title": SITE_TITLE,
        "lessons": items,
        "prev": items[i - 1] if i else None,
        "next": items[i + 1] if i + 1 < len(items) else None,
        "ipynb": f"{items[i]['stem']}.ipynb",
        "slides": f"{items[i]['stem']}.slides.html",
        "student": student,
        "callouts": CALLOUTS,
    }


def executed(lesson: Lesson, cache: Path) -> tuple[nbformat.NotebookNode, str, float]:
    """The executed lesson from the cache, or executed now; (notebook, key, seconds)."""
    key = execution_key(lesson)
    cached = cache / f"{lesson.stem}-{key}.ipynb"
    if cached.exists():
        return nbformat.read(cached, as_version=4), key, 0.0
    start = time.perf_counter()
    nb = execute(lesson)
    seconds = time.perf_counter() - start
    check_figures(lesson, nb)
    for old in cache.glob(f"{lesson.stem}-*.ipynb"):
        old.unlink(missing_ok=True)
    write_atomic(cached, nbformat.writes(nb).encode())
    return nb, key, seconds


def build(
    out: Path | None = None,
    student: bool = False,
    jobs: int = 2,
    only: list[str] | None = None,
    cache: Path | None = None,
    lite: Path | None = None,
) -> Path:
    """Execute (or take from the cache) and render every lesson; write the site into ``out``.

    ``only``: lesson numbers or stems to build (a preview for authors; the others are listed
    in the navigation but not written, and the link check is skipped).
    ``lite``: a built browser edition (:mod:`helpers.lite`) to copy in as ``lite/``; each
    lesson page then links to its notebook there.
    """
    started = time.perf_counter()
    out = out or BUILD / ("html-student" if student else "html")
    cache = cache or BUILD / "cache"
    paths = find_lessons(NOTEBOOKS)
    if not paths:
        raise LessonError(f"no lessons found in {NOTEBOOKS}")
    lessons = [read_lesson(p) for p in paths]
    chosen = [x for x in lessons if not only or x.number in only or x.stem in only]
    if only and not chosen:
        raise LessonError(f"no lesson matches {only}")
    edition = "student edition (no solutions)" if student else "full edition"
    log(f"Building {len(lessons)} lessons into {_rel(out)} ({edition})")

    results: dict[str, tuple] = {}

    def run(lesson):
        results[lesson.stem] = executed(lesson, cache / "executed")
        nb, _, seconds = results[lesson.stem]
        state = f"executed in {seconds:.1f} s" if seconds else "unchanged, from cache"
        log(f"  [{paths.index(lesson.path) + 1}/{len(paths)}] {lesson.stem}: {state}")

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for future in [pool.submit(run, lesson) for lesson in chosen]:
            future.result()

    items = lesson_items(lessons)
    written = set(copy_static(out))
    if lite is not None:
        written.update(copy_tree(lite, out / LITE_DIR))
    renderer = CachedRenderer(cache / "rendered", student)
    for i, lesson in enumerate(lessons):
        if lesson.stem not in results:
            continue
        nb, key, _ = results[lesson.stem]
        if student:
            nb = strip_hidden(nb)
        page = page_context(items, i, student, lite=lite is not None)
        outputs = {
            f"{lesson.stem}.html": renderer.page(lesson.stem, key, nb, page),
            f"{lesson.stem}.slides.html": renderer.slides(lesson.stem, key, nb, page),
            f"{lesson.stem}.ipynb": nbformat.writes(nb) + "\n",
        }
        for name, text in outputs.items():
            write_if_changed(out / name, text.encode())
            written.add(out / name)

    write_if_changed(out / "index.html", render_index(items, student).encode())
    written.add(out / "index.html")
    if not only:
        for path in sorted(out.rglob("*")):  # a lesson removed from notebooks/ leaves the site too
            if path.is_file() and path not in written:
                path.unlink()

    problems = [f"external load: {p}" for p in external_loads(out)]
    if not only:
        problems += [f"broken link: {p}" for p in broken_links(out)]
    if problems:
        raise LessonError("the built site has problems:\n  " + "\n  ".join(problems))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    log(
        f"Done in {time.perf_counter() - started:.1f} s: {len(lessons)} lessons, {size / 1e6:.1f} MB.\n"
        f"Open {_rel(out)}/index.html in a browser (works offline, no server needed)."
    )
    return out


def store_outputs(names: list[str]) -> None:
    """Execute lessons (all, or the named ones) and store their outputs in the notebooks."""
    paths = find_lessons()
    if names:
        # a path that exists is that notebook; anything else names a lesson of notebooks/
        chosen, by_stem = [], {p.stem: p for p in paths}
        for name in names:
            given = Path(name)
            if given.suffix == ".ipynb" and given.is_file():
                chosen.append(given.resolve())
            elif given.stem in by_stem:
                chosen.append(by_stem[given.stem])
            else:
                raise LessonError(f"no such lesson: {name}")
        paths = chosen
    for path in paths:
        lesson = read_lesson(path)
        start = time.perf_counter()
        nb = execute(lesson)
        check_figures(lesson, nb)
        nbformat.write(nb, path)
        log(f"  {path.name}: outputs stored ({time.perf_counter() - start:.1f} s)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.publish", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--student", action="store_true", help="leave solutions and instructor notes out"
    )
    parser.add_argument(
        "--out", type=Path, help="output folder (default _build/html or _build/html-student)"
    )
    parser.add_argument(
        "--only", nargs="+", metavar="NN", help="build only these lessons (preview)"
    )
    parser.add_argument(
        "--cache", type=Path, help="execution and render cache (default _build/cache)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="lessons executed at once (default 2)")
    parser.add_argument(
        "--lite",
        action="store_true",
        help="copy in the browser edition (built by `python -m helpers.lite`) as lite/",
    )
    parser.add_argument(
        "--store-outputs",
        nargs="*",
        metavar="NB",
        help="execute and store outputs in the notebooks",
    )
    args = parser.parse_args(argv)
    try:
        if args.store_outputs is not None:
            store_outputs(args.store_outputs)
        else:
            lite = BUILD / "lite" / ("html-student" if args.student else "html")
            build(
                args.out,
                student=args.student,
                jobs=args.jobs,
                only=args.only,
                cache=args.cache,
                lite=lite if args.lite else None,
            )
    except LessonError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
