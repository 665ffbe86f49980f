"""What readers look things up with, from ``file://`` with the network cut: search, the glossary
and its hover, "On this page", citations, handouts and the whole-course print page, and an
accessibility audit (axe-core, installed from npm by `make test`) of every page of the site.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT, _skip_or_fail
from helpers import publish
from helpers.publish import citations, glossary, handouts, readers, search
from helpers.publish.pagetext import walk
from helpers.references import load_references

pytestmark = [pytest.mark.site]
browser_test = pytest.mark.browser

AXE = ROOT / "tools" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
STEMS = [p.stem for p in publish.find_lessons()]
#: Citations a lesson makes without listing the source (to be listed in the lesson, issue #22).
KNOWN_UNLISTED: dict[str, set[str]] = {}


@pytest.fixture(scope="session")
def site() -> Path:
    return publish.build()


def lesson_texts(site) -> dict[str, str]:
    return {p.name: p.read_text() for p in publish.lesson_pages(site)}


def open_page(page, path: Path):
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


def pdf_pages(data: bytes) -> int:
    """Pages of a PDF Chromium printed (its page objects are written uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


# --------------------------------------------------------------------------- built pages


def test_every_glossary_term_is_used_and_every_linked_term_exists(site):
    terms = glossary.load_glossary()
    assert len(terms) >= 20
    assert glossary.usage_problems(lesson_texts(site), terms) == []
    ids = set(re.findall(r'<dt id="([^"]+)"', (site / glossary.PAGE).read_text()))
    assert ids == {t.slug for t in terms}


def test_a_missing_or_unused_term_is_reported(site):
    pages = lesson_texts(site)
    name = next(iter(pages))
    pages[name] += '<a class="sm-term" href="glossary.html#squat-depth">depth</a>'
    extra = glossary.Term("Wall sit", ("Wall sit",), "A static squat.", "02", "x")
    problems = glossary.usage_problems(pages, [*glossary.load_glossary(), extra])
    assert problems == [
        f"{name} links glossary.html#squat-depth, which the glossary does not define",
        "'Wall sit' is used by no lesson",
    ]


def test_a_bad_glossary_row_names_the_file_line_and_column(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text(
        "term,aliases,definition,lesson,section\nRPE,,Effort.,3,RPE\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"glossary\.csv, line 2, column 'lesson'.*two-digit"):
        glossary.load_glossary(path)
    path.write_text(
        "term,aliases,definition,lesson,section\nRPE,,Effort.,03,A\nRIR,rpe,Reps.,03,A\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"line 3, column 'term'.*'rpe' is already used on line 2"):
        glossary.load_glossary(path)


def test_citations_link_to_the_references_page(site):
    text = (site / "03-progressive-overload.html").read_text()
    assert '<a class="sm-cite" href="references.html#ratamess2009">Ratamess et al. 2009</a>' in text
    references = (site / citations.PAGE).read_text()
    for key, doi in zip(load_references()["key"], load_references()["doi"], strict=True):
        assert f'<li id="{key}">' in references
        address = "https://doi.org/" + quote(doi, safe="/:;()")
        assert not doi or f'href="{address}"' in references, key
    assert "How to cite the course" in references and "Stronger Miles authors" in references


def test_every_citation_leads_somewhere(site):
    index = readers._reference_index()
    for name, page in lesson_texts(site).items():
        sections, runs = walk(page)
        left = set(citations.unlisted(sections, runs, index)) - KNOWN_UNLISTED.get(name, set())
        assert not left, f"{name} cites {left}: add them to data/references.csv or the lesson"


def test_a_broken_citation_link_fails(tmp_path, site):
    (tmp_path / "references.html").write_text((site / "references.html").read_text())
    (tmp_path / "lesson.html").write_text(
        '<p><a class="sm-cite" href="references.html#nobody2099">Nobody et al. 2099</a></p>'
    )
    broken = [p for p in publish.broken_links(tmp_path) if p.startswith("lesson.html")]
    assert broken == ["lesson.html: references.html#nobody2099 (no such anchor)"]


def test_handouts_hold_key_points_the_coaching_exercise_and_safety_but_no_solution(site):
    for stem in STEMS:
        text = (site / handouts.FOLDER / f"{stem}.html").read_text()
        assert "Key points" in text, stem
        assert "The coaching exercise" in text or "Exercises" in text, stem
        assert "sm-solution" not in text and "sm-instructor" not in text, stem
        assert re.search(r"<h[23]>(Safety|[^<]*[Ss]afety|Red flags)", text), stem


def test_the_print_page_is_the_student_edition_of_every_lesson(site):
    text = (site / handouts.PRINT_PAGE).read_text()
    assert text.count('<article class="sm-print-lesson"') == len(STEMS)
    assert "sm-solution" not in text and "sm-instructor" not in text
    assert "np.log(2) / np.log(1.05)" not in text  # a solution of lesson 00
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), "an id repeats on the print page"


def test_the_search_index_is_a_script_with_every_lesson(site):
    script = (site / search.INDEX).read_text()
    assert script.startswith("window.SM_SEARCH = [")
    for stem in STEMS:
        assert f'["{stem}.html",' in script, stem
    print(f"search index: {len(script.encode()) / 1000:.0f} kB")
    for page in [*site.glob("*.html"), *site.glob(f"{handouts.FOLDER}/*.html")]:
        if not page.name.endswith(".slides.html"):
            assert 'type="search"' in page.read_text(), f"{page.name} has no search box"


# --------------------------------------------------------------------------- in the browser


@browser_test
def test_search_from_disk_finds_a_section_and_nothing_for_a_word_not_in_the_course(page, site):
    open_page(page, site / "index.html")
    box = page.locator("#sm-q")
    box.fill("deload")
    first = page.locator("#sm-results .sm-hits a").first
    first.wait_for()
    assert page.locator("#sm-results .sm-hits a").count() > 1
    assert first.get_attribute("href").endswith("03-progressive-overload.html#Deloads")
    first.click()
    page.wait_for_url("**/03-progressive-overload.html#Deloads")
    box = page.locator("#sm-q")
    box.fill("xylophone")
    status = page.locator("#sm-results [role=status]")
    status.wait_for()
    assert "Nothing in the course matches" in status.inner_text()
    assert page.locator("#sm-results .sm-hits a").count() == 0
    box.fill("taper strength")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=taper+strength")
    page.locator("#sm-search-page a").first.wait_for()
    assert "match" in page.locator("#sm-search-status").inner_text()
    assert page.errors == [], page.errors


@browser_test
def test_a_term_shows_its_definition_on_hover_and_is_a_plain_link_on_touch(browser, page, site):
    open_page(page, site / "03-progressive-overload.html")
    term = page.locator("main a.sm-term").first
    tip = "el => getComputedStyle(el, '::after').content"
    assert term.evaluate(tip) in ("none", "normal")
    term.hover()
    shown = term.evaluate(tip)
    assert shown.strip('"') == term.get_attribute("data-def")
    slug = term.get_attribute("href").split("#")[1]
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        phone = context.new_page()
        open_page(phone, site / "03-progressive-overload.html")
        touch = phone.locator("main a.sm-term").first
        assert not phone.evaluate("matchMedia('(hover: hover)').matches")
        touch.hover()  # what a touch screen reports when a finger lands: no definition box
        assert touch.evaluate(tip) in ("none", "normal")
        touch.tap()
        phone.wait_for_url(f"**/glossary.html#{slug}")
        assert phone.locator(f'dt[id="{slug}"]').is_visible()
    finally:
        context.close()
    assert page.errors == []


@browser_test
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop-1280px", "phone-390px"])
def test_on_this_page_sits_beside_the_text_or_folds_on_a_phone(page, site, viewport):
    page.set_viewport_size(viewport)
    open_page(page, site / "05-load-fatigue-and-form.html")
    nav = page.locator("nav.sm-toc")
    links = nav.locator("a")
    assert links.count() >= 10
    main = page.locator("main").bounding_box()
    if viewport is DESKTOP:
        assert nav.locator("details").evaluate("d => d.open")
        assert nav.bounding_box()["x"] >= main["x"] + main["width"] - 1, "not beside the text"
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(300)
        box = nav.bounding_box()
        assert 0 <= box["y"] < viewport["height"], "it scrolled away"
        assert nav.locator("a[aria-current]").count() == 1, "no section marked as being read"
    else:
        assert not nav.locator("details").evaluate("d => d.open")
        assert not links.first.is_visible()
        nav.locator("summary").click()
        assert links.first.is_visible()
    target = links.nth(4)
    anchor = target.get_attribute("href")
    target.click()
    page.wait_for_url(f"**{anchor}")
    assert page.errors == []


@browser_test
@pytest.mark.parametrize("stem", STEMS)
def test_a_handout_prints_on_at_most_two_a4_pages(page, site, stem):
    open_page(page, site / handouts.FOLDER / f"{stem}.html")
    pages = pdf_pages(page.pdf(format="A4", print_background=True))
    assert 1 <= pages <= 2, f"{stem}: the handout prints on {pages} pages"


@browser_test
def test_the_whole_course_prints_each_lesson_from_a_new_page(page, site):
    open_page(page, site / handouts.PRINT_PAGE)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.sm-figure')].every(f => f.dataset.drawn === '1')",
        timeout=60_000,
    )
    pages = pdf_pages(page.pdf(format="A4"))
    print(f"print.html: {pages} A4 pages")
    assert pages >= 2 * len(STEMS)
    assert page.errors == []


def axe_pages(site) -> list[str]:
    """Every top-level page of the site and every handout (lessons included; slides are
    reveal.js decks, not pages to read)."""
    pages = [p for p in site.glob("*.html") if not p.name.endswith(".slides.html")]
    pages += site.glob(f"{handouts.FOLDER}/*.html")
    return sorted(str(p.relative_to(site)) for p in pages)


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        _skip_or_fail(
            f"axe-core is not installed ({AXE.relative_to(ROOT)}): run `make a11y-install` "
            "(npm ci in tools/a11y, checked against its package-lock.json)"
        )
    return AXE


def serious_violations(page, axe_script) -> list[str]:
    page.add_script_tag(path=str(axe_script))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'critical' || v.impact === 'serious')"
        ".map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '))"
    )
    return found


@browser_test
def test_axe_finds_no_serious_violation_on_every_page(page, site, axe_script):
    problems = {}
    for name in axe_pages(site):
        open_page(page, site / name)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.sm-figure')].every(f => f.dataset.drawn)",
            timeout=60_000,
        )
        found = serious_violations(page, axe_script)
        if found:
            problems[name] = found
    assert not problems, problems


@browser_test
def test_axe_catches_a_link_told_apart_by_colour_alone(page, tmp_path, axe_script):
    html = tmp_path / "colour.html"
    html.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><p>'
        'Some text with <a href="#x" style="text-decoration:none;color:#1d1d1f">a link</a> in '
        'it.</p><p id="x">x</p></main></body></html>'
    )
    open_page(page, html)
    assert any(v.startswith("link-in-text-block") for v in serious_violations(page, axe_script))


def _focus_ring(page) -> str:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? 'visible' : ''; }"
    )


@browser_test
def test_the_keyboard_reaches_search_menu_and_solutions_with_a_visible_focus(page, site):
    open_page(page, site / "00-start-here.html")
    reached = {}
    for _ in range(400):
        page.keyboard.press("Tab")
        what = page.evaluate(
            "() => { const e = document.activeElement;"
            " if (e.matches('#sm-q')) return 'search';"
            " if (e.matches('.sm-menu > summary')) return 'menu';"
            " if (e.matches('details.sm-solution > summary')) return 'solution';"
            " return ''; }"
        )
        if what and what not in reached:
            reached[what] = _focus_ring(page)
        if what == "solution":
            page.keyboard.press("Enter")
            assert page.locator("details.sm-solution").first.evaluate("d => d.open")
            break
    assert reached == {"menu": "visible", "search": "visible", "solution": "visible"}
    assert page.errors == []
