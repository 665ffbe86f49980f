"""The printable exercise cards, printed by real Chromium to PDF and read back page by page.

Every card of the library must be in the PDF once, whole: its first cue and the end of its
"why" line on the same page. The gym sheet of a planned session must fit one A4 page.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import unicodedata

import pytest

from conftest import ROOT
from helpers.exercises import load_exercises
from helpers.figures.cards import session_gym_sheet
from helpers.publish.cards import PAGE, cards_page, write_cards_page

pytestmark = pytest.mark.browser

LIBRARY = load_exercises()


def words(text: str) -> str:
    """Whitespace collapsed and ligatures (ﬂ, ﬀ) undone, as a reader would copy the text."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)  # a word hyphenated at a line end


def pdf_pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [words(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def with_stylesheet(folder):
    """The site's stylesheet and script beside the page, where the built site has them."""
    static = folder / "_static"
    static.mkdir(exist_ok=True)
    for name in ("course.css", "course.js"):
        shutil.copy(ROOT / "src" / "helpers" / "static" / name, static / name)


@pytest.fixture(scope="module")
def cards_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cards")
    write_cards_page(folder)
    with_stylesheet(folder)
    return folder


def marks(row) -> tuple[str, str]:
    """Text from the top of a card (its first cue) and from its end (the last words of "why"),
    long enough that no other card says the same."""
    others = " | ".join(
        words(f"{r.cues} {r.faults} {r.running_benefit}")
        for r in LIBRARY.itertuples()
        if r.id != row.id
    )

    def unique(parts, take):
        for n in range(5, len(parts) + 1):
            text = " ".join(take(parts, n))
            if text not in others:
                return text
        raise AssertionError(f"{row.id}: no text of its own to find")

    first = unique(words(row.cues).split(), lambda p, n: p[:n])
    last = unique(words(row.running_benefit).split(), lambda p, n: p[-n:])
    return first, last


def missing_and_split(pages: list[str]):
    """Cards not found in the printed pages, and cards whose top and end are on different pages."""
    split, missing = [], []
    for row in LIBRARY.itertuples():
        first, last = marks(row)
        where_first = [i for i, text in enumerate(pages) if first in text]
        where_last = [i for i, text in enumerate(pages) if last in text]
        if not where_first or not where_last:
            missing.append(row.id)
        elif where_first != where_last:
            split.append((row.id, where_first, where_last))
    return missing, split


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_card_prints_whole_on_one_page(page, cards_folder, paper):
    page.goto((cards_folder / PAGE).as_uri())
    assert page.locator("[data-exercise]").count() >= len(LIBRARY)
    pages = pdf_pages(page.pdf(format=paper, print_background=True))
    assert not page.errors, page.errors
    missing, split = missing_and_split(pages)
    assert not missing, f"cards not found in the PDF: {missing}"
    assert not split, f"cards split across pages: {split}"
    # Several cards a page, not one: the library fits in fewer pages than half its cards.
    assert len(pages) < len(LIBRARY) / 2


def test_the_check_sees_split_cards_without_the_print_rules(page, tmp_path):
    # The same page with "break-inside: avoid" taken out: cards now run across page ends, and
    # the check above must see it (else it could never fail).
    write_cards_page(tmp_path)
    with_stylesheet(tmp_path)
    html = (tmp_path / PAGE).read_text()
    html = re.sub(r"(page-)?break-inside:\s*avoid", "break-inside:auto", html)
    (tmp_path / PAGE).write_text(html)
    page.goto((tmp_path / PAGE).as_uri())
    missing, split = missing_and_split(pdf_pages(page.pdf(format="A4", print_background=True)))
    assert split and not missing


def test_cards_page_has_headings_and_labelled_drawings(page, cards_folder):
    page.goto((cards_folder / PAGE).as_uri())
    assert page.locator("h1").count() == 1
    assert page.locator("article h3").count() == len(LIBRARY)
    unlabelled = page.locator("svg:not([aria-label])").count()
    assert unlabelled == 0
    ids = page.eval_on_selector_all(
        "article[data-exercise]", "els => els.map(e => e.dataset.exercise)"
    )
    assert sorted(ids) == sorted(LIBRARY["id"])


def test_cards_page_fits_a_phone(page, cards_folder):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto((cards_folder / PAGE).as_uri())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page is {overflow} px wider than a 390 px phone"


def test_gym_sheet_of_a_planned_session_prints_on_one_page(page, tmp_path):
    from helpers.plans import PlanSpec, build_plan

    spec = PlanSpec(
        race_date=dt.date(2027, 5, 2), today=dt.date(2027, 1, 4), equipment="home", level="beginner"
    )
    sessions = build_plan(spec).sessions
    strength = sessions[sessions["kind"] == "strength"]
    longest = max(strength.itertuples(), key=lambda s: len(s.exercises))._asdict()
    sheet = session_gym_sheet(longest, LIBRARY)
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Gym sheet</title>'
        '<link rel="stylesheet" href="_static/course.css"></head><body class="sm-lesson"><main>'
        f"{sheet._repr_html_()}</main></body></html>"
    )
    (tmp_path / "sheet.html").write_text(html)
    with_stylesheet(tmp_path)
    page.goto((tmp_path / "sheet.html").as_uri())
    pages = pdf_pages(page.pdf(format="A4", print_background=True))
    assert len(pages) == 1, f"the gym sheet takes {len(pages)} pages"
    for line in sheet.text.splitlines()[2:]:
        assert words(line.strip().split(":")[0]) in pages[0]
    assert "RAMP warm-up" in pages[0]


@pytest.mark.site
@pytest.mark.slow
def test_the_site_build_writes_the_cards_page():
    from helpers import publish

    site = publish.build()
    page = (site / PAGE).read_text(encoding="utf-8")
    assert page.count("data-exercise=") >= len(LIBRARY)
    assert '<link rel="stylesheet" href="_static/course.css">' in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")
    # the cards themselves need no script (the page's only script is the site's menu and search)
    assert "<script" not in cards_page()
