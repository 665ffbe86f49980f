"""The layers of ``helpers`` never import upward (read from the source with ``ast``).

science (strength, load, running, fueling, units, body, and the private modules they use)
    → data (exercises, logs, plans, evidence, mobility, meals, references, lessons, workshop,
      poses, warmup)
    → view (figures, explore)
    → publish

A model that imports plotly or a notebook tool cannot be used from a plain script, and a science
module that imports a data module drags the CSV files along; both are refused here. A module can
be a file (``load.py``) or a package (``figures/``); a package's submodules take its layer.
"""

from __future__ import annotations

import ast
import io
import sys
import tokenize
from pathlib import Path

import pytest

from conftest import ROOT

HELPERS = ROOT / "src" / "helpers"
LAYERS = {
    "science": {
        "strength",
        "load",
        "running",
        "fueling",
        "units",
        "banister_fit",
        "race_carbs",
        "body",
    },
    "data": {
        "exercises",
        "logs",
        "plans",
        "evidence",
        "mobility",
        "meals",
        "references",
        "lessons",
        "workshop",
        "poses",
        "warmup",
    },
    "view": {"figures", "explore"},
    "publish": {"publish"},
}
ORDER = ["science", "data", "view", "publish"]
# Science computes with numpy and pandas only (and the standard library).
SCIENCE_MAY_IMPORT = {"numpy", "pandas"} | set(sys.stdlib_module_names)
NEVER_IN_SCIENCE = {"plotly", "ipywidgets", "nbconvert", "nbclient", "nbformat", "IPython"}


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name: helpers.load, helpers.figures.lines, ..."""
    found = {}
    for path in sorted(HELPERS.rglob("*.py")):
        parts = path.relative_to(HELPERS.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = modules()


def top(name: str) -> str:
    """``helpers.figures.lines`` → ``figures``; ``helpers`` → ``""``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer(name: str) -> str | None:
    return next((lay for lay, tops in LAYERS.items() if top(name) in tops), None)


def imports(name: str) -> tuple[set[str], set[str]]:
    """(helpers modules, outside top-level packages) that a module imports, anywhere in it."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    inside, outside = set(), set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from helpers import figures` imports a module; `from helpers import ROOT` does not
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            ]
        else:
            continue
        for target in targets:
            if target.split(".")[0] == "helpers":
                while target not in MODULES:  # helpers.load.acwr → helpers.load
                    target = target.rpartition(".")[0]
                inside.add(target)
            else:
                outside.add(target.split(".")[0])
    return inside, outside


def science_closure() -> set[str]:
    """Science modules and every private helpers module they reach."""
    todo = [m for m in MODULES if layer(m) == "science"]
    seen = set(todo)
    while todo:
        for target in imports(todo.pop())[0]:
            if target not in seen and top(target).startswith("_"):
                seen.add(target)
                todo.append(target)
    return seen


def test_every_public_module_has_a_layer():
    public = {top(m) for m in MODULES if top(m) and not top(m).startswith("_")}
    unplaced = public - set().union(*LAYERS.values())
    assert not unplaced, f"place these modules in a layer in tests/test_layers.py: {unplaced}"
    assert {"load", "strength", "figures", "publish"} <= public


@pytest.mark.parametrize("name", sorted(science_closure()))
def test_science_imports_only_numpy_pandas_and_science(name):
    inside, outside = imports(name)
    upward = {m for m in inside if layer(m) not in ("science", None)}
    assert not upward, f"{name} (science) imports {sorted(upward)} from a higher layer"
    assert not outside & NEVER_IN_SCIENCE, f"{name} imports {sorted(outside & NEVER_IN_SCIENCE)}"
    extra = outside - SCIENCE_MAY_IMPORT
    assert not extra, f"{name} (science) imports {sorted(extra)}; science uses numpy/pandas only"


@pytest.mark.parametrize("name", sorted(m for m in MODULES if layer(m) in ("data", "view")))
def test_data_and_view_never_import_upward(name):
    inside, _ = imports(name)
    mine = ORDER.index(layer(name))
    upward = {m for m in inside if layer(m) and ORDER.index(layer(m)) > mine}
    assert not upward, f"{name} ({layer(name)}) imports {sorted(upward)} from a higher layer"


def test_the_walk_sees_imports_inside_functions_and_from_packages():
    # a check on the checker: lazy imports count, and `from helpers import x` resolves to modules
    inside, outside = imports("helpers.explore")
    assert "ipywidgets" in outside  # imported inside a function
    assert any(top(m) == "figures" for m in inside)
    inside, _ = imports("helpers.plans.lifts")
    assert "helpers.strength" in {m for m in inside if layer(m) == "science"}
    inside, _ = imports("helpers.logs.combine")
    assert "helpers.load" in {m for m in inside if layer(m) == "science"}


#: Most lines of code a module holds: over that it holds more than one topic, so it becomes a
#: package (figures/, logs/). Docstrings, comments and blank lines do not count: references and
#: units in docstrings are what the course asks for, and the cap must not push them out.
MAX_CODE_LINES = 500
#: Longest line, in characters (the ruff line length).
MAX_LINE_CHARS = 100


def code_lines(source: str) -> int:
    """Lines holding code: not blank, not only a comment, not part of a docstring."""
    prose = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = body[0] if body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                if isinstance(first.value.value, str):
                    prose.update(range(first.lineno, first.end_lineno + 1))
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    skip |= {tokenize.ENCODING, tokenize.ENDMARKER}
    code = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in skip:
            code.update(range(token.start[0], token.end[0] + 1))
    return len(code - prose)


def test_code_lines_count_code_only():
    # a check on the counter: 3 lines of code among a docstring, comments and blank lines
    source = '''"""Module docstring,
on two lines."""

import os  # a comment after code counts as code


def f(x):
    """One line of prose."""
    # a comment alone
    text = """not a docstring:
    two lines of code"""
    return x
'''
    assert code_lines(source) == 5  # import, def, the two-line string, return


def test_no_module_is_a_big_room():
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := code_lines(path.read_text())) > MAX_CODE_LINES
    }
    assert not long, f"modules over {MAX_CODE_LINES} lines of code: {long}"


#: Lines over 100 characters that modules held when the rule came in, by module: their owners
#: wrap them as they next edit the module (plans/build.py's warning texts go with the plans'
#: warnings table). The counts only go down: a new wide line anywhere fails.
WIDE_TODAY = {
    "helpers.evidence": 1,
    "helpers.explore": 3,
    "helpers.figures.evidence": 1,
    "helpers.figures.library": 2,
    "helpers.logs.apps": 1,
    "helpers.logs.gpx": 1,
    "helpers.meals": 2,
    "helpers.plans.build": 9,
    "helpers.plans.runs": 1,
    "helpers.publish.build": 1,
    "helpers.publish.checks": 2,
    "helpers.publish.lite_sources": 1,
    "helpers.references": 1,
    "helpers.workshop": 1,
}


def test_no_line_is_over_100_characters():
    wide = {}
    for name, path in MODULES.items():
        lines = path.read_text().splitlines()
        numbers = [n for n, line in enumerate(lines, start=1) if len(line) > MAX_LINE_CHARS]
        if len(numbers) > WIDE_TODAY.get(name, 0):
            wide[name] = numbers
    assert not wide, f"lines over {MAX_LINE_CHARS} characters (module: line numbers): {wide}"
