"""The printable exercise cards: ``exercise-cards.html`` in the built site.

One card per exercise of ``data/exercises.csv`` (an ``<article data-exercise="<id>">`` with the
start and end drawing, the cues, faults, easier and harder options), grouped by body area, then
the RAMP warm-up. The page uses the site's stylesheet and header, needs no script and no
network (it opens from ``file://``), and prints on A4 or Letter with several cards a page and
no card split across two pages (``break-inside: avoid``).

:func:`write_cards_page` is called once by the site build (:func:`helpers.publish.build.build`).
"""

from __future__ import annotations

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
    """The page's content as HTML text (deterministic: the same data give the same bytes)."""
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
    return f"""<div class="sm-cards-page">
<h1>Exercise cards</h1>
<p>Every exercise of the course's library: a drawing of the start and end position (the orange
arrow shows the movement; the far arm and leg are drawn lighter), how to do it, the common
faults, and an easier and a harder option. Print this page (A4 or Letter, portrait): several
cards fit a page and no card is split. Learn every movement light and without pain first.
Drawings made by the course's own code from <code>data/poses.csv</code>.</p>
<p class="sm-noprint">Jump to: {toc} · <a href="#warm-up">RAMP warm-up</a></p>
{"".join(sections)}
<section class="sm-group" aria-labelledby="warm-up">
<h2 id="warm-up">RAMP warm-up before lifting</h2>
{warmup_html(poses=poses)}
</section>
</div>
"""


def write_cards_page(out: Path, items=(), student: bool = False) -> Path:
    """Write :data:`PAGE` into the site folder ``out`` (only when its bytes change), in the
    course's frame (header, lesson menu of ``items``, search box, footer) with its print rules."""
    from helpers.publish.catalog import write_if_changed
    from helpers.publish.readers import site_page

    page = site_page("Exercise cards", cards_page(), list(items), student, body_class="sm-cardpage")
    page = page.replace("</head>", f"<style>{_PRINT_CSS}</style>\n</head>", 1)
    path = Path(out) / PAGE
    write_if_changed(path, page.encode())
    return path
