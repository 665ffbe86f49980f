"""Site builds and page weight, against a plain nbconvert export measured in the same run.

- cold build: every lesson executed and rendered with an empty cache;
- warm `make site` with nothing changed (target < 3 s), as a person types it;
- median lesson page without the shared assets (target < 150 KB);
- the search index, its own file loaded on the first search (target < 2 median lesson pages);
- whole site against `nbconvert --to html` of the same lessons executed with plotly's
  ``notebook`` renderer (plotly.js inlined in every page): the anchor the site must beat;
- a slider redraw measured in the page, in headless Chromium (target < 100 ms).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers import publish

ROOT = publish.ROOT


def _row(name, ours, baseline, unit, target, met) -> dict:
    """A result row; the ratio is baseline / ours (how many times better than the baseline)."""
    ratio = None if baseline is None else baseline / ours
    if unit == "s":
        return dict(
            name=name, ours_s=ours, baseline_s=baseline, ratio=ratio, target=target, met=met
        )
    return dict(
        name=name, ours=ours, baseline=baseline, unit=unit, ratio=ratio, target=target, met=met
    )


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def plain_nbconvert(out: Path) -> float:
    """Execute each lesson with plotly's `notebook` renderer and export with stock nbconvert."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter()
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for path in publish.find_lessons():
        nb = publish.execute(publish.read_lesson(path), renderer="notebook")
        body, _ = exporter.from_notebook_node(nb)
        (out / f"{path.stem}.html").write_text(body)
    return time.perf_counter() - start


def slider_redraw_ms(site: Path) -> float:
    """Median of five slider moves on lesson 00, timed by the page itself (course.js)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM_FLAGS, chromium_path

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto((site / "00-start-here.html").as_uri())
        fig = page.locator(".sm-figure").filter(has=page.locator(".slider-container")).first
        fig_id = fig.get_attribute("id")
        page.wait_for_function(
            "id => document.getElementById(id).dataset.drawn === '1'", arg=fig_id
        )
        rail = fig.locator(".slider-rail-touch-rect").first
        rail.scroll_into_view_if_needed()
        box = rail.bounding_box()
        for i, where in enumerate((0.97, 0.03, 0.5, 0.75, 0.25)):
            page.mouse.click(box["x"] + box["width"] * where, box["y"] + box["height"] / 2)
            page.wait_for_function(
                "([id, n]) => Number(document.getElementById(id).dataset.redraws) >= n",
                arg=[fig_id, i + 1],
            )
            times.append(float(fig.get_attribute("data-redraw-ms")))
        browser.close()
    return statistics.median(times)


def run() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cold_cmd = [
            sys.executable,
            "-m",
            "helpers.publish",
            "--out",
            str(tmp / "site"),
            "--cache",
            str(tmp / "cache"),
        ]
        cold = _time(cold_cmd)
        warm_same = _time(cold_cmd)
        _time(["make", "site"])  # bring the default build up to date
        warm_make = _time(["make", "site"])
        baseline = plain_nbconvert(tmp / "plain")
        site, plain = tmp / "site", tmp / "plain"
        pages = {
            p.name: p.stat().st_size for p in publish.lesson_pages(site) if ".slides." not in p.name
        }
        median_kb = statistics.median(pages.values()) / 1000
        plain_pages = [p.stat().st_size for p in plain.glob("*.html")]
        index_kb = (site / "_static" / "search-index.js").stat().st_size / 1000
        redraw = slider_redraw_ms(site)
        site_mb, plain_mb = _size(site) / 1e6, _size(plain) / 1e6
    n = len(pages)
    plain_kb = statistics.median(plain_pages) / 1000
    rows += [
        _row(
            f"site: cold build, {n} lessons (vs nbconvert execute+export)",
            cold,
            baseline,
            "s",
            "faster than plain nbconvert",
            cold < baseline,
        ),
        _row("site: warm rebuild, same command", warm_same, cold, "s", "< 3 s", warm_same < 3),
        _row(
            "site: warm `make site`, nothing changed", warm_make, cold, "s", "< 3 s", warm_make < 3
        ),
        _row(
            "page: median lesson page (vs plain nbconvert page)",
            median_kb,
            plain_kb,
            "KB",
            "< 150 KB",
            median_kb < 150,
        ),
        _row(
            "page: search index, loaded on the first search (vs median lesson page)",
            index_kb,
            median_kb,
            "KB",
            "< 2 median lesson pages",
            index_kb < 2 * median_kb,
        ),
        _row(
            "site: whole site incl. shared assets (vs plain)",
            site_mb,
            plain_mb,
            "MB",
            "smaller than plain nbconvert",
            site_mb < plain_mb,
        ),
        _row(
            "page: slider redraw in Chromium (median of 5)",
            redraw,
            None,
            "ms",
            "< 100 ms",
            redraw < 100,
        ),
    ]
    return rows
