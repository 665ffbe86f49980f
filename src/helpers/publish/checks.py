"""Checks of an executed lesson and of a built site: offline figures, no network loads, no
broken relative links or anchors."""

from __future__ import annotations

import html
import re
from pathlib import Path

from helpers.publish.catalog import Lesson, LessonError, _rel

# A reference to the network inside a tag that loads something (not a plain <a href> link).
EXTERNAL_LOAD = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)
_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


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
        text = path.read_text(errors="replace")
        for m in EXTERNAL_LOAD.finditer(text):
            found.append(f"{path.relative_to(folder)}: {m.group(0)[:120]}")
    return found


def broken_links(folder: Path) -> list[str]:
    """Relative links (and their #anchors) in the site's pages that do not resolve."""
    ids: dict[Path, set[str]] = {}
    pages = sorted(folder.rglob("*.html"))
    for page in pages:
        ids[page.resolve()] = set(_ID.findall(page.read_text()))
    broken = []
    for page in pages:
        for href in _HREF.findall(page.read_text()):
            href = html.unescape(href)
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
                continue  # http(s), mailto: outside the site
            target, _, anchor = href.partition("#")
            dest = (page.parent / target).resolve() if target else page.resolve()
            if not dest.exists():
                broken.append(f"{page.relative_to(folder)}: {href} (no such file)")
            elif anchor and dest.suffix == ".html" and anchor not in ids.get(dest, set()):
                broken.append(f"{page.relative_to(folder)}: {href} (no such anchor)")
    return broken
