"""The generated documentation is current: the README's lesson table and docs/package-map.md.

Both are rewritten by ``make docs``; these tests fail when a lesson's facts, a module's docstring
or a lesson's use of ``helpers`` changed without it.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT
from helpers.publish import catalog, docs


@pytest.mark.parametrize("name", ["README.md", "docs/package-map.md"])
def test_generated_docs_are_current(name):
    path = ROOT / name
    expected = docs.expected()[path]
    assert path.read_text(encoding="utf-8") == expected, f"{name} is stale: run `make docs`"


def test_readme_table_has_one_row_per_lesson_with_its_facts():
    table = docs.readme_table(catalog.lessons())
    rows = [r for r in table.splitlines() if re.match(r"^\| \d\d \|", r)]
    assert [r[2:4] for r in rows] == [p.name[:2] for p in sorted(NOTEBOOKS.glob("*.ipynb"))]
    lesson = catalog.read_lesson(NOTEBOOKS / "03-progressive-overload.ipynb")
    facts = lesson.facts()
    row = rows[3]
    assert lesson.title in row and f"| {facts['minutes']} |" in row and facts["learn"] in row


def test_a_changed_fact_makes_the_readme_stale(tmp_path):
    lessons = catalog.lessons()
    lessons[2].nb.metadata["stronger_miles"]["minutes"] = 55
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert docs.readme_with_table(text, docs.readme_table(lessons)) != text


def test_package_map_lists_every_module_and_the_lessons_that_call_it():
    text = (ROOT / "docs" / "package-map.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `helpers(?:\.([\w.]+))?` \|", text, re.MULTILINE)
    files = sorted(
        p.relative_to(ROOT / "src" / "helpers") for p in (ROOT / "src" / "helpers").rglob("*.py")
    )
    assert len(listed) == len(files)
    # lesson 06 draws its block with figures.plan_block, defined in helpers/figures/plans.py
    row = re.search(r"^\| `helpers\.figures\.plans` \|.*\| (.*) \|$", text, re.MULTILINE)
    assert "06" in row.group(1).split(", ")


def test_lesson_modules_resolves_figure_calls_to_their_topic_module(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from helpers import figures as f, units\nfrom helpers.load import acwr"
        ),
        nbformat.v4.new_code_cell("f.strength_block(t, one_rm, 'x')"),
    ]
    lesson = catalog.Lesson(tmp_path / "42-x.ipynb", nb)
    assert docs.lesson_modules(lesson) == {"figures", "units", "load", "figures.strength"}


def test_lesson_modules_resolves_names_taken_from_a_subpackage(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from helpers.figures import plan_block\nplan_block(w)")]
    lesson = catalog.Lesson(tmp_path / "42-x.ipynb", nb)
    assert docs.lesson_modules(lesson) == {"figures", "figures.plans"}
