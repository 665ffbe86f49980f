"""The browser edition: every lesson runnable in the browser (JupyterLite on Pyodide), offline.

``python -m helpers.publish.lite`` (``make lite``) builds ``_build/lite/html`` (``--student``:
``_build/lite/html-student``), which ``make site LITE=1`` copies into the site as ``lite/``:

- the lessons as notebooks, outputs cleared, set to the in-browser Python kernel;
- the ``helpers`` package as a wheel built from ``src/`` (with the course data inside it);
- the Pyodide interpreter and every package the lessons import, served from the site folder:
  ``pyodideUrl`` and the package lock point at local files, the PyPI fallback is off, and the
  packages the helpers import are loaded when the kernel starts.

Where its files come from, and how each is checked: :mod:`helpers.publish.lite_sources`.

A missing or mismatched file stops the build with :class:`LiteBuildError` naming the file, the
expected and the actual hash; nothing is written into the site then. Downloads are cached in
``$STRONGER_MILES_CACHE`` (default ``~/.cache/stronger-miles``), so the registries are needed once.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

import helpers
from helpers import publish
from helpers.publish.checks import lesson_href
from helpers.publish.lite_sources import (
    BUILD,
    KERNEL_NAME,
    KERNEL_PLUGIN,
    PRELOAD,
    PYODIDE_CORE,
    PYODIDE_VERSION,
    PYPI_DEPENDS,
    PYPI_IMPORTS,
    PYPI_WHEELS,
    ROOT,
    LiteBuildError,
    _rel,
    cache_dir,
    fetch,
    helpers_wheel,
    lock_entry,
    log,
    nbformat_stand_in,
    official_packages,
    pyodide_core,
    site_lock,
)


def lite_config() -> dict:
    """``jupyter-lite.json``: local Pyodide, no PyPI fallback, the course's packages preloaded."""
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Stronger Miles (in your browser)",
            "exposeAppInBrowser": True,
            "litePluginSettings": {
                KERNEL_PLUGIN: {
                    "pyodideUrl": "./static/pyodide/pyodide.js",
                    "disablePyPIFallback": True,
                    "loadPyodideOptions": {
                        "packages": list(PRELOAD),
                        "lockFileURL": "./static/pyodide/pyodide-lock.json",
                    },
                }
            },
        },
    }


def lite_notebook(path: Path, student: bool) -> str:
    """A lesson for the browser: outputs cleared, the Pyodide kernel, solutions out if student."""
    nb = nbformat.read(path, as_version=4)
    if student:
        nb = publish.strip_hidden(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata["kernelspec"] = {
        "name": KERNEL_NAME,
        "display_name": "Python (Pyodide)",
        "language": "python",
    }
    return nbformat.writes(nb) + "\n"


# --------------------------------------------------------------------------- build


def _inputs_digest(student: bool) -> str:
    """What the built edition depends on: lessons, helpers, data, pins, this module, tools."""
    paths = [
        *publish.find_lessons(publish.NOTEBOOKS),
        *sorted((ROOT / "src" / "helpers").rglob("*.py")),
        *sorted(p for p in (ROOT / "data").rglob("*") if p.is_file()),
        ROOT / "pyproject.toml",
        ROOT / "setup.py",
        ROOT / "requirements" / "lite.txt",
    ]
    digest = hashlib.sha256(f"student={student}".encode())
    for path in paths:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def check_output(out: Path, lock: dict) -> None:
    """The built edition loads nothing from outside: local Pyodide, every locked file present."""
    problems = []
    config = json.loads((out / "jupyter-lite.json").read_text())
    settings = config["jupyter-config-data"]["litePluginSettings"][KERNEL_PLUGIN]
    if settings.get("pyodideUrl") != "./static/pyodide/pyodide.js":
        problems.append(f"pyodideUrl is {settings.get('pyodideUrl')!r}")
    if not settings.get("disablePyPIFallback"):
        problems.append("the PyPI fallback is on")
    for path in sorted(out.rglob("jupyter-lite.json")):
        if re.search(r"https?://", path.read_text()):
            problems.append(f"{path.relative_to(out)} names a URL")
    pyodide = out / "static" / "pyodide"
    for entry in lock["packages"].values():
        if not (pyodide / entry["file_name"]).is_file():
            problems.append(f"{entry['file_name']} is in the lock but not in the site")
    for name in PYODIDE_CORE:
        if not (pyodide / name).is_file():
            problems.append(f"static/pyodide/{name} is missing")
    if problems:
        raise LiteBuildError("the browser edition has problems:\n  " + "\n  ".join(problems))


def build(out: Path | None = None, student: bool = False, cache: Path | None = None) -> Path:
    """Build the browser edition into ``out``; reuse it when nothing it depends on changed."""
    started = time.perf_counter()
    out = out or BUILD / ("html-student" if student else "html")
    cache = cache or cache_dir()
    stamp = out / ".stronger-miles-lite"
    digest = _inputs_digest(student)
    if stamp.exists() and stamp.read_text().strip() == digest:
        log(f"Browser edition unchanged: {_rel(out)}")
        return out
    log(f"Building the browser edition into {_rel(out)} (Pyodide {PYODIDE_VERSION})")

    core = pyodide_core(cache)
    official = json.loads(core["pyodide-lock.json"])
    files = official_packages(official, cache)
    added = []
    for name, pin in PYPI_WHEELS.items():
        data = fetch(pin, cache).read_bytes()
        files[pin.filename] = data
        imports = PYPI_IMPORTS.get(name, [name])
        added.append(lock_entry(name, pin.version, pin.filename, data, PYPI_DEPENDS[name], imports))
    filename, data = nbformat_stand_in()
    files[filename] = data
    added.append(lock_entry("nbformat", "4.2.0", filename, data, [], ["nbformat"]))

    out.parent.mkdir(parents=True, exist_ok=True)
    # work beside the output, so the finished edition is moved into place in one rename
    with tempfile.TemporaryDirectory(prefix=".work-", dir=out.parent) as tmp:
        tmp = Path(tmp)
        wheel = helpers_wheel(tmp / "wheel")
        files[wheel.name] = wheel.read_bytes()
        depends = [
            *("numpy", "pandas", "plotly", "ipywidgets", "tzdata", "nbformat", "icalendar"),
            *("fitdecode", "defusedxml"),
        ]
        added.append(
            lock_entry(
                "stronger-miles",
                helpers.__version__,
                wheel.name,
                files[wheel.name],
                depends,
                ["helpers"],
            )
        )
        lock = site_lock(official, files, added)

        lite_dir = tmp / "lite"
        pyodide = lite_dir / "static" / "pyodide"
        pyodide.mkdir(parents=True)
        for name, data in core.items():
            if name != "pyodide-lock.json":
                (pyodide / name).write_bytes(data)
        (pyodide / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True))
        for name, data in sorted(files.items()):
            (pyodide / name).write_bytes(data)
        (lite_dir / "jupyter-lite.json").write_text(json.dumps(lite_config(), indent=2))
        contents = lite_dir / "files"
        contents.mkdir()
        for path in publish.find_lessons(publish.NOTEBOOKS):
            (contents / path.name).write_text(lite_notebook(path, student))

        staged = tmp / "out"
        command = [
            sys.executable,
            "-m",
            "jupyterlite_core",  # the `jupyter lite` command, run with this Python
            "build",
            "--lite-dir",
            str(lite_dir),
            "--output-dir",
            str(staged),
            "--contents",
            str(contents),
            "--apps",
            "lab",
            "--apps",
            "notebooks",
            "--apps",
            "tree",  # File > Open in a lesson: the file list, with its Upload button
            "--no-sourcemaps",
            "--no-unused-shared-packages",
        ]
        log("  jupyter lite build")
        result = subprocess.run(command, cwd=lite_dir, capture_output=True, text=True)
        if result.returncode:
            raise LiteBuildError(
                "jupyter lite build failed (is requirements/lite.txt installed? `make lite` "
                f"installs it):\n{(result.stdout + result.stderr)[-4000:]}"
            )
        check_output(staged, lock)
        (staged / stamp.name).write_text(digest + "\n")
        old = tmp / "old"
        if out.exists():
            out.replace(old)
        out.parent.mkdir(parents=True, exist_ok=True)
        staged.replace(out)

    files_n = sum(1 for p in out.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    log(
        f"Done in {time.perf_counter() - started:.0f} s: {size / 1e6:.1f} MB in {files_n} files.\n"
        "Serve it over HTTP (`make serve`); it needs no network once built."
    )
    return out


# --------------------------------------------------------------------------- in a browser
# Used by tests/test_lite.py and benchmarks/bench_lite.py (Playwright pages; the edition's
# jupyter-lite.json exposes the app as ``window.jupyterapp``).

NOTEBOOK_JS = "window.jupyterapp.shell.currentWidget"


@contextlib.contextmanager
def serve(folder: Path):
    """Serve ``folder`` over HTTP on 127.0.0.1 (a free port) in a thread; yield its URL."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # a browser closing a connection early is not an error here

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def open_lesson(page, lite_url: str, stem: str, kernel_s: float = 300) -> float:
    """Open a lesson in the browser edition; wait for its kernel; return seconds to ready."""
    start = time.perf_counter()
    page.goto(f"{lite_url}{lesson_href(stem)}")
    page.wait_for_function(
        f"() => window.jupyterapp && {NOTEBOOK_JS} && {NOTEBOOK_JS}.sessionContext",
        timeout=120_000,
    )
    page.wait_for_function(
        f"""() => {{
            const s = {NOTEBOOK_JS}.sessionContext.session;
            return s && s.kernel && s.kernel.status === 'idle';
        }}""",
        timeout=kernel_s * 1000,
        polling=500,
    )
    return time.perf_counter() - start


def run_all(page, run_s: float = 600) -> float:
    """Run every cell of the open notebook; wait until each has run and the kernel is idle."""
    start = time.perf_counter()
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        f"""() => {{
            const w = {NOTEBOOK_JS}, cells = w.content.model.cells;
            if (w.sessionContext.session.kernel.status !== 'idle') return false;
            let pending = false;
            for (let i = 0; i < cells.length; i++) {{
                const c = cells.get(i);
                if (c.type !== 'code') continue;
                // an error stops "run all": the cells after it never run
                if (c.outputs.toJSON().some(o => o.output_type === 'error')) return true;
                if (!c.executionCount) pending = true;
            }}
            return !pending;
        }}""",
        timeout=run_s * 1000,
        polling=1000,
    )
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.publish.lite",
        description="Build the browser edition of the course.",
    )
    parser.add_argument("--student", action="store_true", help="student notebooks (no solutions)")
    parser.add_argument("--out", type=Path, help="output folder (default _build/lite/html)")
    parser.add_argument(
        "--cache", type=Path, help="download cache (default ~/.cache/stronger-miles)"
    )
    args = parser.parse_args(argv)
    try:
        build(args.out, student=args.student, cache=args.cache and args.cache / "lite")
    except LiteBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
