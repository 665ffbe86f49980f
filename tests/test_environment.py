"""The conda environment file and pyproject.toml pin the same packages at the same versions."""

import re
import tomllib

from conftest import ROOT


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins() -> dict[str, str]:
    """The runtime dependencies and the "dev" extra (conda installs both)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] + project["optional-dependencies"]["dev"]
    pins = {}
    for dep in deps:
        name, sep, version = dep.partition("==")
        assert sep, f"pyproject.toml: {dep!r} is not pinned with =="
        pins[_norm(name)] = version.strip()
    return pins


def environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s*-\s+([A-Za-z0-9_.\-]+)\s*==\s*([^\s#]+)", line)
        if m:
            pins[_norm(m.group(1))] = m.group(2)
    return pins


def test_environment_matches_pyproject():
    assert environment_pins() == pyproject_pins()


def test_constraints_agree_with_pins():
    """The transitive lock must not contradict a top-level pin."""
    lock = {}
    for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines():
        name, sep, version = line.partition("==")
        if sep:
            lock[_norm(name)] = version.strip()
    for name, version in pyproject_pins().items():
        assert lock.get(name) == version, (
            f"{name}: pyproject {version}, constraints {lock.get(name)}"
        )


def test_test_tools_are_not_runtime_dependencies():
    """A learner's install gets the course, not its test and lint tools (they are the dev extra)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_norm(d.partition("==")[0]) for d in project["dependencies"]}
    dev = {_norm(d.partition("==")[0]) for d in project["optional-dependencies"]["dev"]}
    tools = {"pytest", "pytest-xdist", "hypothesis", "playwright", "ruff", "nbval", "fit-tool"}
    assert tools <= dev and not tools & runtime
    assert "sphinx-revealjs" not in runtime | dev  # reveal.js is vendored in helpers/static/reveal


def test_pre_commit_runs_the_pinned_ruff_on_code_and_notebooks():
    text = (ROOT / ".pre-commit-config.yaml").read_text()
    pins = set(re.findall(r'"ruff==([^"]+)"', text))
    assert pins == {pyproject_pins()["ruff"]}
    assert "entry: ruff check" in text and "entry: ruff format" in text
    assert text.count("types_or: [python, pyi, jupyter]") == 2


def test_licences_are_declared_and_shipped():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT AND CC-BY-4.0"
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in (ROOT / "LICENSE-content").read_text()
    cff = (ROOT / "CITATION.cff").read_text()
    assert f"version: {project['version']}" in cff
