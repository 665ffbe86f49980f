"""Render executed lessons into pages and reveal.js slides with the course's nbconvert
templates (``helpers/templates/``), with LaTeX turned into MathML at build time; copy the shared
static files; render the site index.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import TagRemovePreprocessor

from helpers.publish.catalog import (
    BUILD,
    PACKAGE,
    LessonError,
    _files_digest,
    _rel,
    write_atomic,
    write_if_changed,
)
from helpers.publish.checks import LITE_DIR, lesson_href

TEMPLATES = PACKAGE / "templates"
STATIC = PACKAGE / "static"
SITE_TITLE = "Stronger Miles"
CALLOUTS = {
    "## questions": "questions",
    "## objectives": "objectives",
    "## prerequisites": "prerequisites",
    "## key points": "keypoints",
    "## safety first": "safety",
}
HIDDEN_TAGS = {"solution", "instructor"}
REVEAL_FILES = (
    "dist/reveal.js",
    "dist/reveal.css",
    "dist/theme/white.css",
    "dist/theme/fonts/source-sans-pro/*.css",
    "dist/theme/fonts/source-sans-pro/*.woff",
    "dist/theme/fonts/source-sans-pro/LICENSE",
    "plugin/notes/notes.js",
)

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
    """The student edition: cells tagged solution or instructor are left out (nbconvert's
    ``TagRemovePreprocessor``, on a copy)."""
    hide = TagRemovePreprocessor(remove_cell_tags=HIDDEN_TAGS)
    return hide.preprocess(copy.deepcopy(nb), {})[0]


#: The lab template's empty collapser boxes (course.css hides them): about 7 KB a lesson page.
EMPTY_COLLAPSER = re.compile(r'<div class="jp-Collapser[^"]*">\s*</div>\n?')


def render(exporter, nb, page: dict) -> str:
    body, _ = exporter.from_notebook_node(nb, resources={"course": page})
    # nbconvert leaves trailing spaces on many lines; strip them for smaller, stable pages.
    return EMPTY_COLLAPSER.sub("", re.sub(r"[ \t]+\n", "\n", body))


def _lab_css() -> str:
    """JupyterLab's notebook stylesheet and the code highlighting, shared by every page."""
    from pygments.formatters import HtmlFormatter

    lab = Path(sys.prefix) / "share" / "jupyter" / "nbconvert" / "templates" / "lab" / "static"
    parts = [(lab / "index.css").read_text(), (lab / "theme-light.css").read_text()]
    parts.append(HtmlFormatter(style="default").get_style_defs(".highlight"))
    return "\n".join(parts)


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


def _reveal_dir() -> Path:
    """reveal.js, vendored in ``helpers/static/reveal/`` (MIT; see its README and LICENSE)."""
    folder = STATIC / "reveal"
    if not (folder / "dist" / "reveal.js").is_file():
        raise LessonError(f"reveal.js not found in {folder}: the package is incomplete")
    return folder


def _package_versions() -> str:
    from importlib.metadata import version

    names = ("nbconvert", "plotly", "pygments", "jupyterlab", "latex2mathml")
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


class CachedRenderer:
    """Render lesson pages and slides, reusing a rendering whose inputs have not changed."""

    def __init__(self, folder: Path, student: bool):
        self.folder = folder
        self.edition = "s" if student else "f"
        self.student = student
        self.exporters: dict[bool, object] = {}
        # the templates and this module: a change to either renders every page again
        self.salt = _files_digest(
            [Path(__file__), *sorted(p for p in TEMPLATES.rglob("*") if p.is_file())]
        )
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


def page_context(items: list[dict], i: int, student: bool, lite: bool = False) -> dict:
    """The template context of lesson ``i``: its card, the lesson list, prev/next, and with
    ``lite`` the link to the same lesson in the browser edition."""
    return {
        "lite": f"{LITE_DIR}/{lesson_href(items[i]['stem'])}" if lite else None,
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
