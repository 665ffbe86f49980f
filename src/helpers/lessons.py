"""The course's lessons as data: which notebooks are lessons, their titles and their facts.

A lesson is a notebook ``notebooks/NN-kebab-title.ipynb``; its title is the first ``# ``
heading and its other facts live in the notebook metadata ``stronger_miles`` (see
:data:`FACTS`)::

    "stronger_miles": {
        "minutes": 30,                     # the author's estimate of the time to learn [min]
        "level": "beginner",               # one of LEVELS
        "summary": "One or two sentences for the site's lesson card.",
        "learn": "what you learn, a short line for the README table",
        "in_workshop": true,               # false: the workshop does not lay this lesson out
        "workshop_focus": ["strength"]     # workshop focuses that put this lesson first
    }

This module reads notebooks as plain JSON (no Jupyter packages), so the workshop planner
(:mod:`helpers.workshop`) works in a kernel of the browser edition too; the site build
(:mod:`helpers.publish.catalog`) reads the same lessons with nbformat and the same facts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import helpers

LESSON_PATTERN = re.compile(r"^(\d\d)-[a-z0-9-]+\.ipynb$")
LEVELS = ("everyone", "beginner", "intermediate", "advanced", "coach")
WORKSHOP_FOCUSES = ("strength", "load", "race")
#: The facts each lesson's metadata ``stronger_miles`` holds: key → (check, what is expected).
FACTS = {
    "minutes": (lambda v: type(v) is int and 5 <= v <= 240, "whole minutes, 5–240"),
    "level": (lambda v: v in LEVELS, f"one of {', '.join(LEVELS)}"),
    "summary": (lambda v: isinstance(v, str) and v.strip() != "", "a sentence for the lesson card"),
    "learn": (lambda v: isinstance(v, str) and v.strip() != "", "a short line for the README"),
    "in_workshop": (lambda v: isinstance(v, bool), "true or false"),
    "workshop_focus": (
        lambda v: isinstance(v, list) and set(v) <= set(WORKSHOP_FOCUSES),
        f"a list drawn from {', '.join(WORKSHOP_FOCUSES)}",
    ),
}


class LessonError(RuntimeError):
    """A lesson cannot be read or built; the message names the notebook (and the cell)."""


def _rel(path: Path) -> str:
    """A path as the user typed it: relative to the course root when inside it."""
    try:
        return str(path.resolve().relative_to(helpers.ROOT))
    except ValueError:
        return str(path)


def notebooks_folder() -> Path:
    """The course's ``notebooks/`` in a checkout; in the browser edition, where there is no
    checkout, the folder of the open lesson (the lessons sit side by side there)."""
    folder = helpers.ROOT / "notebooks"
    return folder if folder.is_dir() else Path.cwd()


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else source


@dataclass
class Lesson:
    """One lesson: its path and its notebook (nbformat's node or the plain JSON mapping)."""

    path: Path
    nb: Mapping

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def number(self) -> str:
        return self.stem[:2]

    @property
    def title(self) -> str:
        for cell in self.nb["cells"]:
            if cell["cell_type"] == "markdown":
                for line in _text(cell["source"]).splitlines():
                    if line.startswith("# "):
                        return line[2:].strip()
        return self.stem

    @property
    def meta(self) -> dict:
        return dict(self.nb["metadata"].get("stronger_miles", {}))

    def facts(self) -> dict:
        """The lesson's facts (:data:`FACTS`), checked; a missing or bad one is a LessonError."""
        meta = self.meta
        for key, (ok, expected) in FACTS.items():
            if key not in meta:
                raise LessonError(
                    f"{_rel(self.path)}: notebook metadata stronger_miles has no {key!r} "
                    f"(expected {expected})"
                )
            if not ok(meta[key]):
                raise LessonError(
                    f"{_rel(self.path)}: notebook metadata stronger_miles.{key} is "
                    f"{meta[key]!r}; expected {expected}"
                )
        return {key: meta[key] for key in FACTS}


def find_lessons(folder: Path | None = None) -> list[Path]:
    """Lesson notebooks in teaching order; a misnamed notebook is an error, not skipped."""
    folder = folder or notebooks_folder()
    paths = []
    for path in sorted(folder.glob("*.ipynb")):
        if not LESSON_PATTERN.match(path.name):
            raise LessonError(f"{_rel(path)}: lesson file names look like NN-kebab-title.ipynb")
        paths.append(path)
    return paths


def read_lesson(path: Path) -> Lesson:
    """A lesson read as plain JSON."""
    try:
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(nb, dict) or "cells" not in nb:
            raise ValueError("no cells")
    except (OSError, ValueError) as exc:
        raise LessonError(f"{path}: not a readable notebook ({exc})") from None
    nb.setdefault("metadata", {})
    return Lesson(Path(path), nb)


def lessons(folder: Path | None = None) -> list[Lesson]:
    """Every lesson of ``folder`` (the course's ``notebooks/`` by default), in teaching order."""
    return [read_lesson(p) for p in find_lessons(folder)]
