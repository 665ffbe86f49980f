"""The browser edition's build checks, and the course data travelling inside the helpers wheel."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import helpers
from conftest import ROOT
from helpers.publish import lite_sources


def test_a_changed_file_stops_the_build_naming_both_hashes(tmp_path):
    good = b"the published file"
    pin = lite_sources.Pinned(
        "pypi",
        "demo",
        "1.0",
        "demo-1.0-py3-none-any.whl",
        "sha256:" + hashlib.sha256(good).hexdigest(),
    )
    cached = tmp_path / "downloads" / pin.filename
    cached.parent.mkdir()
    cached.write_bytes(b"a file someone changed")
    with pytest.raises(lite_sources.LiteBuildError) as err:
        lite_sources.fetch(pin, tmp_path)
    message = str(err.value)
    assert pin.filename in message
    assert pin.digest in message
    assert "sha256:" + hashlib.sha256(b"a file someone changed").hexdigest() in message
    cached.write_bytes(good)
    assert lite_sources.fetch(pin, tmp_path) == cached


def test_npm_integrity_is_sha512_base64():
    # the npm registry's notation: "sha512-" and the base64 of the raw digest
    import base64

    data = b"pyodide"
    expected = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    lite_sources.check_hash("x.tgz", data, expected, "test")
    with pytest.raises(lite_sources.LiteBuildError, match="x.tgz"):
        lite_sources.check_hash("x.tgz", data + b"!", expected, "test")


def test_lock_closure_and_missing_dependency():
    lock = {
        "info": {"version": "0.27.7"},
        "packages": {
            "a": {"depends": ["b_c"], "file_name": "a.whl"},
            "b-c": {"depends": [], "file_name": "b.whl"},
            "d": {"depends": [], "file_name": "d.whl"},
        },
    }
    assert lite_sources.official_closure(lock, roots=("a",)) == ["a", "b-c"]
    with pytest.raises(lite_sources.LiteBuildError, match="needs zzz"):
        lite_sources.site_lock(
            lock,
            {"a.whl": b"", "b.whl": b""},
            [lite_sources.lock_entry("e", "1", "e.whl", b"", ["zzz"], [])],
        )


def test_stand_in_nbformat_wheel_carries_only_a_version():
    name, data = lite_sources.nbformat_stand_in()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as whl:
        assert "nbformat/__init__.py" in whl.namelist()
        assert '__version__ = "4.2.0"' in whl.read("nbformat/__init__.py").decode()
    assert name == "nbformat-4.2.0-py3-none-any.whl"


def test_data_dir_from_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(helpers.DATA_ENV, str(tmp_path))
    with pytest.raises(FileNotFoundError, match="STRONGER_MILES_DATA"):
        helpers.data_dir()
    (tmp_path / "exercises.csv").write_text("x\n")
    assert helpers.data_dir() == tmp_path
    monkeypatch.delenv(helpers.DATA_ENV)
    assert helpers.data_dir() == ROOT / "data"  # editable install: the checkout's data/


@pytest.mark.slow
def test_a_wheel_built_from_the_repo_reads_the_exercise_library(tmp_path):
    wheel = lite_sources.helpers_wheel(tmp_path / "wheel")
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
    assert "helpers/data/exercises.csv" in names
    assert "helpers/data/samples/strong.csv" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target, wheel],
        check=True,
    )
    # -S: no .pth files, so the editable checkout is not on the path; numpy and pandas from
    # this environment, helpers only from the installed wheel.
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]]),
    }
    env.pop(helpers.DATA_ENV, None)
    code = (
        "import helpers; from helpers import exercises\n"
        "print(helpers.__file__); print(helpers.DATA_DIR); print(len(exercises.load_exercises()))"
    )
    out = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert Path(out[0]).is_relative_to(target)
    assert Path(out[1]) == target / "helpers" / "data"
    from helpers import exercises

    assert int(out[2]) == len(exercises.load_exercises())


def test_lesson_page_links_the_browser_edition_only_when_built(tmp_path):
    from helpers import publish

    lessons = [publish.read_lesson(p) for p in publish.find_lessons()[:2]]
    items = publish.lesson_items(lessons)
    exporter = publish.make_exporter()
    stem = items[0]["stem"]
    with_lite = publish.render(exporter, lessons[0].nb, publish.page_context(items, 0, False, True))
    without = publish.render(exporter, lessons[0].nb, publish.page_context(items, 0, False))
    href = f"lite/notebooks/index.html?path={stem}.ipynb"
    assert "Run this lesson in your browser" in with_lite
    assert f'href="{href}"' in with_lite.replace("&amp;", "&")
    assert "Run this lesson in your browser" not in without

    # the site's link check follows the link to the edition's page (the query is not a file)
    (tmp_path / "page.html").write_text(f'<a href="{href}">run</a>')
    assert publish.broken_links(tmp_path) == [f"page.html: {href} (no such file)"]
    (tmp_path / "lite" / "notebooks").mkdir(parents=True)
    (tmp_path / "lite" / "notebooks" / "index.html").write_text('<script src="https://x/y.js">')
    assert publish.broken_links(tmp_path) == []
    assert publish.external_loads(tmp_path) == []  # lite/ has its own check (helpers.publish.lite)
