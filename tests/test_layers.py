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
import sys
from pathlib import Path

import pytest

from conftest import ROOT

HELPERS = ROOT / "src" / "helpers"
LAYERS = {
    "science": {"strength", "load", "running", "fueling", "units", "body"},
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
    assert {"helpers.load", "helpers.strength"} <= {m for m in inside if layer(m) == "science"}


def test_no_module_is_a_big_room():
    # a module over 600 lines holds more than one topic: split it into a package (figures/, logs/)
    long = {
        name: n for name, path in MODULES.items() if (n := len(path.read_text().splitlines())) > 600
    }
    assert not long, f"modules over 600 lines: {long}"
