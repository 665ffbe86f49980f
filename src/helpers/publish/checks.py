"""Checks of an executed lesson and of a built site: offline figures, no network loads, no
broken relative links or anchors."""

from __future__ import annotations

import ast
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
#: The browser edition's folder inside the site; :mod:`helpers.publish.lite` checks it itself
#: (local Pyodide, no PyPI fallback), since its JupyterLite pages are not ours to scan.
LITE_DIR = "lite"


def lesson_href(stem: str) -> str:
    """A lesson's page in the browser edition, relative to the edition's folder."""
    return f"notebooks/index.html?path={stem}.ipynb"


# A value in double quotes may hold an apostrophe (a heading's id: "What's-next").
_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(?:"([^"]+)"|'([^']+)')""", re.IGNORECASE)
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]+)"|'([^']+)')""")


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
        if path.relative_to(folder).parts[0] == LITE_DIR:
            continue
        text = path.read_text(errors="replace")
        for m in EXTERNAL_LOAD.finditer(text):
            found.append(f"{path.relative_to(folder)}: {m.group(0)[:120]}")
    return found


def broken_links(folder: Path) -> list[str]:
    """Relative links (and their #anchors) in the site's pages that do not resolve."""
    ids: dict[Path, set[str]] = {}
    pages = sorted(p for p in folder.rglob("*.html") if p.relative_to(folder).parts[0] != LITE_DIR)
    for page in pages:
        ids[page.resolve()] = {a or b for a, b in _ID.findall(page.read_text())}
    broken = []
    for page in pages:
        for pair in _HREF.findall(page.read_text()):
            href = html.unescape(pair[0] or pair[1])
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE):
                continue  # http(s), mailto: outside the site
            target, _, anchor = href.partition("#")
            target = target.partition("?")[0]  # lite/notebooks/index.html?path=...
            dest = (page.parent / target).resolve() if target else page.resolve()
            if not dest.exists():
                broken.append(f"{page.relative_to(folder)}: {href} (no such file)")
            elif anchor and dest.suffix == ".html" and anchor not in ids.get(dest, set()):
                broken.append(f"{page.relative_to(folder)}: {href} (no such anchor)")
    return broken


#: The ``## `` sections every lesson has, in this order (other sections go between them).
SKELETON = (
    "Questions",
    "Objectives",
    "Prerequisites",
    "Exercises",
    "Key points",
    "What's next",
    "References",
)


def _has_import(source: str) -> bool:
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return False
    return any(isinstance(node, (ast.Import, ast.ImportFrom)) for node in ast.walk(tree))


def skeleton_problems(nb) -> list[str]:
    """How a lesson departs from the course skeleton (CONTRIBUTING.md); empty when it follows it.

    A ``#`` title in the first cell; the :data:`SKELETON` sections once each and in order, with
    References last; one imports cell, the first code cell, after Prerequisites; in Exercises
    at least one cell tagged ``solution``, each after a prompt (a markdown cell not tagged
    ``solution``).
    """
    problems = []
    cells = nb.cells
    if not cells or cells[0].cell_type != "markdown" or not cells[0].source.startswith("# "):
        problems.append("the first cell is not a markdown cell starting with a '# ' title")
    where: dict[str, list[int]] = {}
    sections = []
    for i, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("## "):
                name = line[3:].strip()
                sections.append(name)
                where.setdefault(name, []).append(i)
    found = []
    for name in SKELETON:
        if name not in where:
            problems.append(f"no '## {name}' section")
        elif len(where[name]) > 1:
            problems.append(f"'## {name}' appears {len(where[name])} times")
        else:
            found.append((where[name][0], name))
    order = [name for _, name in sorted(found)]
    expected = [name for name in SKELETON if name in order]
    if order != expected:
        problems.append(f"sections out of order: {order}, expected {expected}")
    if sections and sections[-1] != "References" and "References" in where:
        problems.append(f"'## References' is not the last section (then '{sections[-1]}')")

    code = [i for i, c in enumerate(cells) if c.cell_type == "code"]
    imports = [i for i in code if _has_import(cells[i].source)]
    if len(imports) != 1:
        found_in = [f"cell {i + 1}" for i in imports]
        problems.append(f"expected one imports cell, found {len(imports)} ({', '.join(found_in)})")
    elif imports[0] != code[0]:
        problems.append(f"the imports cell (cell {imports[0] + 1}) is not the first code cell")
    elif "Prerequisites" in where and imports[0] < where["Prerequisites"][0]:
        problems.append("the imports cell comes before '## Prerequisites'")

    if "Exercises" in where and "Key points" in where:
        start, end = where["Exercises"][0], where["Key points"][0]
        # the heading cell is a prompt when it has text under the heading
        prompt_seen = len(cells[start].source.strip().splitlines()) > 1
        solutions = 0
        for i in range(start + 1, end):
            tags = cells[i].get("metadata", {}).get("tags", [])
            if "solution" in tags:
                solutions += 1
                if not prompt_seen:
                    problems.append(f"solution cell {i + 1} has no exercise prompt before it")
            elif cells[i].cell_type == "markdown":
                prompt_seen = True
        if not solutions:
            problems.append("no cell tagged 'solution' in '## Exercises'")
    return problems
