"""Generated documentation: the README's lesson table and the package map, from the sources.

``python -m helpers.publish --docs`` (``make docs``) rewrites both; the tests fail when either
is stale. The README table comes from the lessons' facts (:mod:`.catalog`); the package map
lists every module of ``helpers`` with the first line of its docstring and the lessons that
import it or call it (read from the lessons' code cells).
"""

from __future__ import annotations

import ast
from pathlib import Path

from helpers.publish.catalog import PACKAGE, ROOT, Lesson, _strip_magics, lessons

README = ROOT / "README.md"
PACKAGE_MAP = ROOT / "docs" / "package-map.md"
TABLE_START = "<!-- lesson table: generated from the notebooks' metadata by `make docs` -->"
TABLE_END = "<!-- end of lesson table -->"


def readme_table(course: list[Lesson]) -> str:
    """The README's lesson table (Markdown), one row per lesson, from the lessons' facts."""
    rows = ["| | lesson | minutes | level | what you learn |", "|---|---|---|---|---|"]
    for lesson in course:
        facts = lesson.facts()
        cells = [
            lesson.number,
            f"[{lesson.title}](notebooks/{lesson.path.name})",
            str(facts["minutes"]),
            facts["level"],
            facts["learn"],
        ]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def readme_with_table(text: str, table: str) -> str:
    """``text`` (the README) with the part between the table markers replaced by ``table``."""
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    if start < 0 or end < start:
        raise ValueError(
            f"README.md: the lesson table must sit between the lines {TABLE_START!r} and "
            f"{TABLE_END!r}"
        )
    return text[: start + len(TABLE_START)] + "\n\n" + table + "\n" + text[end:]


def modules() -> list[str]:
    """Every module of ``helpers`` as a dotted name relative to the package, sorted by layer
    folder: top-level modules, then ``figures.*``, then ``publish.*``."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        parts = [p for p in rel.parts if p != "__init__"]
        names.append(".".join(parts) if parts else "")
    return sorted(names, key=lambda n: (n.count("."), n.split(".")[0] if "." in n else "", n))


def _module_path(name: str) -> Path:
    if not name:
        return PACKAGE / "__init__.py"
    path = PACKAGE.joinpath(*name.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def summary(name: str) -> str:
    """The first paragraph of a module's docstring, on one line."""
    doc = ast.get_docstring(ast.parse(_module_path(name).read_text())) or ""
    return " ".join(doc.strip().split("\n\n")[0].split())


def _defined_in(package: str, name: str) -> str | None:
    """The submodule of the ``helpers`` subpackage ``package`` that defines ``name`` (relative
    to ``helpers``), or None when ``package`` is a plain module or ``name`` is not its own."""
    import importlib

    try:
        module = importlib.import_module(f"helpers.{package}")
    except ImportError:
        return None
    if not hasattr(module, "__path__"):
        return None
    where = getattr(getattr(module, name, None), "__module__", "") or ""
    return where.removeprefix("helpers.") if where.startswith(f"helpers.{package}.") else None


def lesson_modules(lesson: Lesson) -> set[str]:
    """The ``helpers`` modules a lesson imports or calls. A name taken from a subpackage counts
    for the submodule that defines it as well: ``figures.plan_block(...)`` for
    ``figures.plans``, ``from helpers.plans import build_plan`` for ``plans.build``."""
    code = "\n".join(c.source for c in lesson.nb.cells if c.cell_type == "code")
    try:
        tree = ast.parse(_strip_magics(code))
    except SyntaxError:
        return set()
    used: set[str] = set()
    aliases: dict[str, str] = {}  # local name -> module name relative to helpers
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("helpers"):
            base = node.module.removeprefix("helpers").lstrip(".")
            for a in node.names:
                if not base:  # from helpers import load
                    used.add(a.name)
                    aliases[a.asname or a.name] = a.name
                else:  # from helpers.plans import build_plan
                    used.add(base)
                    used.add(_defined_in(base, a.name) or base)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("helpers."):
                    base = a.name.removeprefix("helpers.")
                    used.add(base)
                    if a.asname:
                        aliases[a.asname] = base
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            where = _defined_in(aliases[node.value.id], node.attr)
            if where:
                used.add(where)
    return used


def package_map(course: list[Lesson]) -> str:
    """The package map (Markdown): module → what it holds → which lessons use it."""
    users: dict[str, list[str]] = {}
    for lesson in course:
        for name in lesson_modules(lesson):
            users.setdefault(name, []).append(lesson.number)
    lines = [
        "# Package map",
        "",
        "Generated by `make docs` from the module docstrings and the lessons' code; "
        "`tests/test_docs.py` fails when it is stale.",
        "Layers, imports going downward only: science (units, strength, load, running, fueling, "
        "body) → data (exercises, evidence, mobility, meals, references, lessons, workshop, logs, "
        "plans, poses, warmup) → "
        "view (figures, explore) → publish (with the browser edition).",
        "",
        "| module | what it holds | lessons |",
        "|---|---|---|",
    ]
    for name in modules():
        label = f"`helpers.{name}`" if name else "`helpers`"
        lessons_using = ", ".join(sorted(set(users.get(name, [])))) or "—"
        holds = summary(name).replace("|", "\\|")
        lines.append(f"| {label} | {holds} | {lessons_using} |")
    return "\n".join(lines) + "\n"


def expected() -> dict[Path, str]:
    """The generated files' expected contents: README.md and docs/package-map.md."""
    course = lessons()
    return {
        README: readme_with_table(README.read_text(encoding="utf-8"), readme_table(course)),
        PACKAGE_MAP: package_map(course),
    }


def update() -> list[Path]:
    """Rewrite the generated documentation; return the files that changed."""
    changed = []
    for path, text in expected().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
