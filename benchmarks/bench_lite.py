"""The browser edition: its size, the time to a ready kernel and to run lesson 05.

- size of ``_build/lite/html`` (MB and files) and of its Pyodide part;
- time from opening a lesson to an idle kernel, cold (a fresh browser profile: every file comes
  from the local server) and warm (the same profile again: the browser's cache);
- lesson 05 run whole in the browser (numpy 2.0.2 on Pyodide) beside the same lesson executed
  in CPython with a Jupyter kernel in the same run, as the site executes it (the baseline; ratio
  = CPython / browser). The CPython run also precomputes every slider state for the static page
  (nbclient does not keep live widget outputs), so it does somewhat more work than the browser.

Headless Chromium, network cut to 127.0.0.1. No rows (and a message) when the edition cannot be
built or there is no Chromium.
"""

from __future__ import annotations

import os
import shutil
import time

from helpers import publish
from helpers.publish import lite

LESSON = "05-load-fatigue-and-form"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def _row(name, ours, baseline, unit, target, met) -> dict:
    ratio = None if baseline is None else baseline / ours
    if unit == "s":
        return dict(
            name=name, ours_s=ours, baseline_s=baseline, ratio=ratio, target=target, met=met
        )
    return dict(
        name=name, ours=ours, baseline=baseline, unit=unit, ratio=ratio, target=target, met=met
    )


def _files(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


def _chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def _offline_context(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith((url, "data:", "blob:"))
            else route.abort()
        ),
    )
    return context


def run() -> list[dict]:
    try:
        site = lite.build()
    except (lite.LiteBuildError, OSError) as exc:
        print(f"bench_lite: the browser edition cannot be built here, skipped: {exc}")
        return []
    path = _chromium()
    if path is None:
        print("bench_lite: no Chromium, skipped (apt-get install chromium)")
        return []

    files = _files(site)
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    pyodide_mb = sum(p.stat().st_size for p in _files(site / "static" / "pyodide")) / 1e6
    rows = [
        _row("lite: site size", size_mb, None, "MB", "< 100 MB", size_mb < 100),
        _row("lite: site files", float(len(files)), None, "n", "< 1000 files", len(files) < 1000),
        _row("lite: Pyodide part", pyodide_mb, None, "MB", "< 60 MB", pyodide_mb < 60),
    ]

    start = time.perf_counter()
    publish.execute(publish.read_lesson(publish.NOTEBOOKS / f"{LESSON}.ipynb"))
    cpython_s = time.perf_counter() - start

    from playwright.sync_api import sync_playwright

    with lite.serve(site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=FLAGS)
        context = _offline_context(browser, url)
        page = context.new_page()
        cold_s = lite.open_lesson(page, url, LESSON)
        page.close()
        page = context.new_page()
        warm_s = lite.open_lesson(page, url, LESSON)
        run_s = lite.run_all(page)
        errors = page.evaluate(
            f"""() => {{
                const cells = {lite.NOTEBOOK_JS}.content.model.cells;
                let n = 0;
                for (let i = 0; i < cells.length; i++)
                    if (cells.get(i).type === 'code')
                        n += cells.get(i).outputs.toJSON().filter(
                            o => o.output_type === 'error').length;
                return n;
            }}"""
        )
        context.close()
        browser.close()

    rows += [
        _row("lite: kernel ready, cold", cold_s, None, "s", "< 120 s", cold_s < 120),
        _row("lite: kernel ready, warm", warm_s, None, "s", "< 60 s", warm_s < 60),
        _row(
            f"lite: lesson {LESSON[:2]} run whole (vs CPython)",
            run_s,
            cpython_s,
            "s",
            "< 120 s in the browser, no error",
            run_s < 120 and errors == 0,
        ),
    ]
    return rows
