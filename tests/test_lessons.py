"""Every lesson follows the course skeleton and carries its facts; so does the lesson template.

The checks look at the structure (headings, the imports cell, tagged solutions, metadata), not
the text, so lessons can change freely inside the skeleton.
"""

from __future__ import annotations

import copy

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT
from helpers.publish import catalog, checks

TEMPLATE = ROOT / "docs" / "lesson-template.ipynb"
LESSONS = sorted(NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("path", [*LESSONS, TEMPLATE], ids=lambda p: p.stem)
def test_lesson_follows_the_skeleton(path):
    nb = nbformat.read(path, as_version=4)
    assert checks.skeleton_problems(nb) == [], f"{path.name} departs from CONTRIBUTING.md"


@pytest.mark.parametrize("path", [*LESSONS, TEMPLATE], ids=lambda p: p.stem)
def test_lesson_metadata_has_every_fact(path):
    facts = catalog.read_lesson(path).facts()
    assert set(facts) == set(catalog.FACTS)


def test_every_notebook_is_a_lesson_and_the_template_is_not_among_them():
    assert [p.name for p in catalog.find_lessons()] == [p.name for p in LESSONS]
    assert LESSONS and TEMPLATE.parent != NOTEBOOKS


def _template():
    return nbformat.read(TEMPLATE, as_version=4)


def _heading_cell(nb, name):
    return next(c for c in nb.cells if c.cell_type == "markdown" and f"## {name}" in c.source)


@pytest.mark.parametrize(
    "break_it, expected",
    [
        (lambda nb: nb.cells.pop(0), "'# ' title"),
        (lambda nb: _heading_cell(nb, "Objectives").update(source="Objectives"), "## Objectives"),
        (lambda nb: nb.cells.append(copy.deepcopy(_heading_cell(nb, "Questions"))), "2 times"),
        (
            lambda nb: nb.cells.insert(1, copy.deepcopy(_heading_cell(nb, "References"))),
            "References",
        ),
        (lambda nb: nb.cells.append(nbformat.v4.new_code_cell("import math")), "one imports cell"),
        (
            lambda nb: [c.metadata.pop("tags", None) for c in nb.cells],
            "no cell tagged 'solution'",
        ),
        (
            lambda nb: (
                nb.cells.insert(
                    nb.cells.index(_heading_cell(nb, "Exercises")) + 1,
                    nbformat.v4.new_code_cell("1", metadata={"tags": ["solution"]}),
                )
                or _heading_cell(nb, "Exercises").update(source="## Exercises")
            ),
            "no exercise prompt",
        ),
    ],
    ids=[
        "no-title",
        "missing-section",
        "twice",
        "out-of-order",
        "two-imports",
        "untagged",
        "no-prompt",
    ],
)
def test_the_skeleton_check_names_what_is_wrong(break_it, expected):
    nb = _template()
    break_it(nb)
    problems = checks.skeleton_problems(nb)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("minutes", "30", "whole minutes"),
        ("minutes", 1000, "whole minutes"),
        ("level", "expert", "one of everyone"),
        ("workshop_focus", ["speed"], "a list drawn from strength, load, race"),
        ("in_workshop", "yes", "true or false"),
    ],
)
def test_a_bad_fact_names_the_notebook_the_key_and_what_is_expected(tmp_path, key, value, expected):
    nb = _template()
    nb.metadata["stronger_miles"][key] = value
    path = tmp_path / "42-bad-facts.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(catalog.LessonError, match=rf"42-bad-facts.ipynb.*{key}.*{value!r}") as err:
        catalog.read_lesson(path).facts()
    assert expected in str(err.value)


def test_a_missing_fact_is_named(tmp_path):
    nb = _template()
    del nb.metadata["stronger_miles"]["learn"]
    path = tmp_path / "42-no-learn.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(catalog.LessonError, match="42-no-learn.ipynb.*no 'learn'"):
        catalog.read_lesson(path).facts()
