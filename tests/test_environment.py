"""The conda environment file and pyproject.toml pin the same packages at the same versions."""

import re
import tomllib

from conftest import ROOT


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_pins() -> dict[str, str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
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
