"""The lesson catalogue: which lessons there are, what each one is, and the cache key.

One catalogue serves the site build, the stored outputs and the README's lesson table; what a
lesson is and the facts it carries live in :mod:`helpers.lessons`, which the workshop planner
(:mod:`helpers.workshop`) reads too.

The execution cache key of a lesson hashes what can change its outputs: its cells, the
``helpers`` modules it imports (and the modules those import), ``data/`` and the pinned packages.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import threading
from pathlib import Path

import nbformat

import helpers
from helpers import lessons as lessons_data
from helpers.lessons import (  # noqa: F401 (the catalogue's public names)
    FACTS,
    LESSON_PATTERN,
    LEVELS,
    WORKSHOP_FOCUSES,
    Lesson,
    LessonError,
    _rel,
)

ROOT = helpers.ROOT
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "_build"
#: The ``helpers`` package folder (the cache key hashes its modules).
PACKAGE = Path(helpers.__file__).resolve().parent


def log(message: str) -> None:
    print(message, flush=True)


def find_lessons(folder: Path | None = None) -> list[Path]:
    """Lesson notebooks in teaching order (the course's ``notebooks/`` by default)."""
    return lessons_data.find_lessons(folder or NOTEBOOKS)


def read_lesson(path: Path) -> Lesson:
    """A lesson read with nbformat (as the build executes and renders it)."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as exc:  # nbformat raises several types for a broken file
        raise LessonError(f"{path}: not a readable notebook ({exc})") from None
    return Lesson(path, nb)


def lessons(folder: Path | None = None) -> list[Lesson]:
    """Every lesson of ``folder`` (the course's ``notebooks/`` by default), in teaching order."""
    return [read_lesson(p) for p in find_lessons(folder)]


def lesson_items(lessons: list[Lesson]) -> list[dict]:
    """What the index card and the navigation show of each lesson (facts not checked here: a
    page can be rendered for any notebook; :func:`helpers.publish.build` checks the course's)."""
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


# --------------------------------------------------------------------------- cache key


def _cells_digest(nb) -> str:
    """Hash of what a lesson executes and shows: cell types, sources, tags (not outputs), and
    the notebook metadata (the lesson's facts travel with the executed copy)."""
    parts = [
        [c.cell_type, c.source, sorted(c.get("metadata", {}).get("tags", []))] for c in nb.cells
    ]
    parts.append(json.dumps(nb.metadata, sort_keys=True))
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


def _module_files(name: str) -> list[Path]:
    """Source files of the ``helpers`` module ``name``: one file, or every file of a subpackage."""
    folder = PACKAGE / name
    if folder.is_dir():
        return sorted(folder.glob("*.py"))
    path = PACKAGE / f"{name}.py"
    return [path] if path.exists() else []


def helper_closure(modules: set[str]) -> list[Path]:
    """Source files of ``modules`` and every ``helpers`` module they import, sorted."""
    seen: set[str] = set()
    files: set[Path] = set()
    todo = set(modules) | {"__init__", "_checks"}
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for path in _module_files(name):
            files.add(path)
            todo |= _helper_imports(path.read_text()) - seen
    return sorted(files)


def _files_digest(paths) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _strip_magics(code: str) -> str:
    return "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))


def execution_key(lesson: Lesson) -> str:
    """Cache key: lesson cells + the helpers modules it uses + data/ + pinned packages, and
    the code that executes and normalises it (``publish/execute.py``)."""
    code = "\n".join(c.source for c in lesson.nb.cells if c.cell_type == "code")
    modules = helper_closure(_helper_imports(_strip_magics(code)))
    # A lesson that reads the catalogue (the workshop guide) shows every lesson's facts.
    reads_catalogue = any((PACKAGE / "publish") in p.parents for p in modules)
    modules.append(PACKAGE / "publish" / "execute.py")
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
    if reads_catalogue:
        h.update(_catalogue_digest().encode())
    h.update(sys.version.encode())
    return h.hexdigest()[:24]


def _catalogue_digest() -> str:
    """Hash of every lesson's file name, title and metadata facts."""
    facts = [[x.path.name, x.title, x.meta] for x in lessons()]
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()


# --------------------------------------------------------------------------- files


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
