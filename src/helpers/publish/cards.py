"""The printable exercise cards: ``exercise-cards.html`` in the built site.

One card per exercise of ``data/exercises.csv`` (an ``<article data-exercise="<id>">`` with the
start and end drawing, the cues, faults, easier and harder options), grouped by body area, then
the RAMP warm-up. The page uses the site's stylesheet and header, needs no script and no
network (it opens from ``file://``), and prints on A4 or Letter with several cards a page and
no card split across two pages (``break-inside: avoid``).

:func:`write_cards_page` is called once by the site build (:func:`helpers.publish.build.build`).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from helpers.exercises import GROUPS, load_exercises
from helpers.figures.cards import card_html, warmup_html
from helpers.poses import load_poses

PAGE = "exercise-cards.html"
#: Body-area headings, in library order.
GROUP_TITLES = {"core": "Core", "glutes": "Glutes", "legs": "Legs", "upper": "Upper body"}

_PRINT_CSS = """
.sm-cards-page { max-width: 1100px; margin: 0 auto; padding: 0 1rem 2rem; }
.sm-cards-page a { text-decoration: underline; }
.sm-card-grid { display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr));
  gap: .8rem; }
.sm-card-grid .sm-exercise-card h3 { font-size: 1.1rem; }
.sm-card-grid dl { font-size: .92rem; }
@page { margin: 12mm; }
@media print {
  .sm-top, .sm-footer, .sm-noprint { display: none; }
  body { font-size: 9.5pt; }
  .sm-cards-page { max-width: none; padding: 0; }
  .sm-card-grid { display: block; columns: 2; column-gap: 6mm; }
  .sm-exercise-card { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm !important;
    padding: 2mm 3mm !important; display: block; }
  .sm-exercise-card dl { font-size: 8pt; }
  .sm-exercise-card svg { max-height: 38mm; width: auto; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .sm-group { break-before: page; }
  .sm-group:first-of-type { break-before: auto; }
  .sm-warmup { break-inside: avoid; }
}
"""


def cards_page(exercises=None, poses=None) -> str:
    """The whole page as HTML text (deterministic: the same data give the same bytes)."""
    exercises = load_exercises() if exercises is None else exercises
    poses = load_poses() if poses is None else poses
    sections = []
    for group in GROUPS:
        chosen = exercises[exercises["group"] == group]
        if chosen.empty:
            continue
        cards = "\n".join(card_html(exercises, i, poses, heading="h3") for i in chosen["id"])
        sections.append(
            f'<section class="sm-group" aria-labelledby="group-{group}">'
            f'<h2 id="group-{group}">{GROUP_TITLES[group]}</h2>'
            f'<div class="sm-card-grid">\n{cards}\n</div></section>'
        )
    toc = " · ".join(
        f'<a href="#group-{g}">{GROUP_TITLES[g]}</a>'
        for g in GROUPS
        if g in set(exercises["group"])
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Exercise cards: Stronger Miles</title>
<link rel="stylesheet" href="_static/course.css">
<style>{_PRINT_CSS}</style>
</head>
<body class="sm-lesson">
<header class="sm-top"><a class="sm-brand" href="index.html">Stronger Miles</a></header>
<main id="content" class="sm-cards-page">
<h1>Exercise cards</h1>
<p>Every exercise of the course's library: a drawing of the start and end position (the orange
arrow shows the movement; the far arm and leg are drawn lighter), how to do it, the common
faults, and an easier and a harder option. Print this page (A4 or Letter, portrait): several
cards fit a page and no card is split. Learn every movement light and without pain first.</p>
<p class="sm-noprint">Jump to: {toc} · <a href="#warm-up">RAMP warm-up</a></p>
{"".join(sections)}
<section class="sm-group" aria-labelledby="warm-up">
<h2 id="warm-up">RAMP warm-up before lifting</h2>
{warmup_html(poses=poses)}
</section>
</main>
<footer class="sm-footer"><p>{escape("Drawings made by the course's own code from data/poses.csv.")}
Lesson text CC BY 4.0, code MIT.</p></footer>
</body>
</html>
"""


def write_cards_page(out: Path) -> Path:
    """Write :data:`PAGE` into the site folder ``out`` (only when its bytes change)."""
    from helpers.publish.catalog import write_if_changed

    path = Path(out) / PAGE
    write_if_changed(path, cards_page().encode())
    return path
