"""Publish the course: execute every lesson, render it with the course template, write the site.

``python -m helpers.publish`` (what ``make site`` runs) builds ``_build/html/``:

- each lesson ``notebooks/NN-title.ipynb`` is executed with ``STRONGER_MILES_STATIC=1`` (so
  :func:`helpers.explore.show` draws precomputed plotly controls), cached by a hash of the
  notebook's cells, the ``helpers`` modules it imports (and theirs), ``data/`` and the pinned
  packages: an unchanged lesson is not executed again;
- rendered with the nbconvert template ``stronger_miles`` (extends ``lab``): navigation,
  prev/next, callouts, solutions in ``<details>``, a download link for the ``.ipynb``;
  LaTeX in markdown becomes MathML at build time (no MathJax, no CDN);
- the shared assets go to ``_static/`` once: ``plotly.min.js`` copied from the installed
  plotly, the lab stylesheet, the course stylesheet and script;
- the built pages are checked: no external URL in a script, stylesheet, font or image, every
  figure has its offline HTML, every relative link and anchor resolves.

``--student`` leaves solutions and instructor notes out (into ``_build/html-student/``).
``--store-outputs [NB ...]`` executes lessons and stores their outputs in the notebooks
(after editing a lesson; nbval then compares against them). ``--docs`` regenerates the README's
lesson table and ``docs/package-map.md`` from the lessons and the package.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat

from helpers.publish import cards, readers
from helpers.publish.catalog import (
    BUILD,
    NOTEBOOKS,
    LessonError,
    _rel,
    find_lessons,
    lesson_items,
    log,
    read_lesson,
    write_if_changed,
)
from helpers.publish.checks import LITE_DIR, broken_links, external_loads
from helpers.publish.execute import executed, store_outputs
from helpers.publish.render import (
    CachedRenderer,
    copy_static,
    copy_tree,
    page_context,
    render_index,
    strip_hidden,
)


def build(
    out: Path | None = None,
    student: bool = False,
    jobs: int = 2,
    only: list[str] | None = None,
    cache: Path | None = None,
    lite: Path | None = None,
) -> Path:
    """Execute (or take from the cache) and render every lesson; write the site into ``out``.

    ``only``: lesson numbers or stems to build (a preview for authors; the others are listed
    in the navigation but not written, and the link check is skipped).
    ``lite``: a built browser edition (:mod:`helpers.publish.lite`) to copy in as ``lite/``;
    each lesson page then links to its notebook there.
    """
    started = time.perf_counter()
    out = out or BUILD / ("html-student" if student else "html")
    cache = cache or BUILD / "cache"
    paths = find_lessons(NOTEBOOKS)
    if not paths:
        raise LessonError(f"no lessons found in {NOTEBOOKS}")
    lessons = [read_lesson(p) for p in paths]
    for lesson in lessons:
        lesson.facts()  # every lesson carries its facts (minutes, level, ...), or the build stops
    chosen = [x for x in lessons if not only or x.number in only or x.stem in only]
    if only and not chosen:
        raise LessonError(f"no lesson matches {only}")
    edition = "student edition (no solutions)" if student else "full edition"
    log(f"Building {len(lessons)} lessons into {_rel(out)} ({edition})")

    results: dict[str, tuple] = {}

    def run(lesson):
        results[lesson.stem] = executed(lesson, cache / "executed")
        nb, _, seconds = results[lesson.stem]
        state = f"executed in {seconds:.1f} s" if seconds else "unchanged, from cache"
        log(f"  [{paths.index(lesson.path) + 1}/{len(paths)}] {lesson.stem}: {state}")

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for future in [pool.submit(run, lesson) for lesson in chosen]:
            future.result()

    items = lesson_items(lessons)
    written = set(copy_static(out))
    if lite is not None:
        written.update(copy_tree(lite, out / LITE_DIR))
    renderer = CachedRenderer(cache / "rendered", student)
    for i, lesson in enumerate(lessons):
        if lesson.stem not in results:
            continue
        nb, key, _ = results[lesson.stem]
        if student:
            nb = strip_hidden(nb)
        page = page_context(items, i, student, lite=lite is not None)
        outputs = {
            f"{lesson.stem}.html": readers.lesson_page(renderer.page(lesson.stem, key, nb, page)),
            f"{lesson.stem}.slides.html": renderer.slides(lesson.stem, key, nb, page),
            f"{lesson.stem}.ipynb": nbformat.writes(nb) + "\n",
        }
        for name, text in outputs.items():
            write_if_changed(out / name, text.encode())
            written.add(out / name)

    write_if_changed(out / "index.html", render_index(items, student).encode())
    written.add(out / "index.html")
    written.add(cards.write_cards_page(out, items, student))
    written.update(readers.write_pages(out, items, student))
    if not only:
        for path in sorted(out.rglob("*")):  # a lesson removed from notebooks/ leaves the site too
            if path.is_file() and path not in written:
                path.unlink()

    problems = [f"external load: {p}" for p in external_loads(out)]
    if not only:
        problems += [f"broken link: {p}" for p in broken_links(out)]
    if problems:
        raise LessonError("the built site has problems:\n  " + "\n  ".join(problems))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    log(
        f"Done in {time.perf_counter() - started:.1f} s: {len(lessons)} lessons, {size / 1e6:.1f} MB.\n"
        f"Open {_rel(out)}/index.html in a browser (works offline, no server needed)."
    )
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.publish", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--student", action="store_true", help="leave solutions and instructor notes out"
    )
    parser.add_argument(
        "--out", type=Path, help="output folder (default _build/html or _build/html-student)"
    )
    parser.add_argument(
        "--only", nargs="+", metavar="NN", help="build only these lessons (preview)"
    )
    parser.add_argument(
        "--cache", type=Path, help="execution and render cache (default _build/cache)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="lessons executed at once (default 2)")
    parser.add_argument(
        "--lite",
        action="store_true",
        help="copy in the browser edition (built by `python -m helpers.publish.lite`) as lite/",
    )
    parser.add_argument(
        "--store-outputs",
        nargs="*",
        metavar="NB",
        help="execute and store outputs in the notebooks",
    )
    parser.add_argument(
        "--docs",
        action="store_true",
        help="regenerate the README lesson table and docs/package-map.md",
    )
    args = parser.parse_args(argv)
    try:
        if args.docs:
            from helpers.publish import docs

            changed = docs.update()
            for path in changed:
                log(f"  {_rel(path)}: regenerated")
            if not changed:
                log("  README.md and docs/package-map.md are up to date")
        elif args.store_outputs is not None:
            store_outputs(args.store_outputs)
        else:
            lite = BUILD / "lite" / ("html-student" if args.student else "html")
            build(
                args.out,
                student=args.student,
                jobs=args.jobs,
                only=args.only,
                cache=args.cache,
                lite=lite if args.lite else None,
            )
    except LessonError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
