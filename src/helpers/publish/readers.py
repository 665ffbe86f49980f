"""What readers look things up with: glossary links, citation links and an "On this page" list
on every lesson page; the glossary, references, search and print pages; the handouts.

Two calls from the build (:mod:`helpers.publish.build`): :func:`lesson_page` finishes each
rendered lesson page, and :func:`write_pages` writes the site's reading pages from the finished
lesson pages once they are all written. Everything works from ``file://``.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

from helpers.publish import citations, glossary, handouts, search
from helpers.publish.catalog import ROOT, LessonError, log, write_if_changed
from helpers.publish.pagetext import Section, splice, walk
from helpers.publish.render import SITE_TITLE, TEMPLATES
from helpers.references import REFERENCES_PATH, load_references

#: Where the lesson template leaves room for the "On this page" list.
OUTLINE_SLOT = "<!--sm-outline-->"
CITATION_CFF = ROOT / "CITATION.cff"


@functools.cache
def _cached(kind: str, stamp: tuple) -> object:
    if kind == "terms":
        return glossary.load_glossary()
    return citations.author_index(load_references())


def _stamp(path: Path) -> tuple:
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size)


def _terms() -> list[glossary.Term]:
    """The glossary, read again only when its file changed (a build renders many pages)."""
    return _cached("terms", _stamp(glossary.GLOSSARY_PATH))


def _reference_index() -> dict:
    return _cached("references", _stamp(REFERENCES_PATH))


def outline(sections: list[Section]) -> str:
    """The "On this page" list of a lesson: its ``##`` sections as in-page links, folded in a
    ``<details>`` (course.js opens it beside the text on a wide screen)."""
    items = "\n".join(
        f'<li><a href="#{html.escape(s.anchor)}">{html.escape(s.heading)}</a></li>'
        for s in sections
        if s.level == 2
    )
    return (
        '<nav class="sm-toc" aria-labelledby="sm-toc-title">\n<details>\n'
        '<summary id="sm-toc-title">On this page</summary>\n'
        f"<ol>\n{items}\n</ol>\n</details>\n</nav>"
    )


def lesson_page(page: str) -> str:
    """A rendered lesson page with its glossary and citation links and its outline."""
    sections, runs = walk(page)
    cites = citations.citation_links(runs, _reference_index())
    taken = [(start, end) for start, end, _ in cites]
    terms = [
        edit
        for edit in glossary.term_links(runs, _terms())
        if not any(s < edit[1] and edit[0] < e for s, e in taken)
    ]
    page = splice(page, cites + terms)
    page = TASK_ITEM.sub(_label_task_item, page)
    return page.replace(OUTLINE_SLOT, outline(sections), 1)


#: A Markdown checklist item ("- [ ] ...") as nbconvert renders it: a disabled checkbox, then text.
TASK_ITEM = re.compile(r'(<input class="task-list-item-checkbox"[^>]*?)(/?>)([^\n]*?)(?=</li>|\n)')


def _label_task_item(match: re.Match) -> str:
    """The checkbox named by its item's text, so a screen reader says what is to be checked."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match.group(3))).split())[:80]
    name = html.escape(text or "checklist item")
    return f'{match.group(1)} aria-label="{name}"{match.group(2)}{match.group(3)}'


@functools.cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )


def site_page(
    title: str,
    body: str,
    items: list[dict],
    student: bool,
    root: str = "",
    description: str = "",
    body_class: str = "",
) -> str:
    """A top-level page in the course's frame (header, lesson menu, search box, footer)."""
    return (
        _environment()
        .get_template("site_page.html.j2")
        .render(
            title=title,
            body=body,
            lessons=items,
            student=student,
            root=root,
            site_title=SITE_TITLE,
            description=description or f"{title}: {SITE_TITLE}, strength training for runners.",
            body_class=body_class,
        )
    )


def write_pages(out: Path, items: list[dict], student: bool) -> list[Path]:
    """Write the glossary, references, search, print and handout pages and the search index
    from the lesson pages in ``out``; return the files written."""
    pages = {i["stem"]: (out / i["href"]).read_text() for i in items if (out / i["href"]).exists()}
    walked = {stem: walk(page)[0] for stem, page in pages.items()}
    files: dict[str, str] = {}

    terms = glossary.load_glossary()
    where = {}
    for term in terms:
        item = next((i for i in items if i["number"] == term.lesson), None)
        if item is None:
            raise LessonError(
                f"{glossary.GLOSSARY_PATH.name}: {term.term!r} names lesson "
                f"{term.lesson}, which does not exist"
            )
        found = [s for s in walked.get(item["stem"], []) if s.heading == term.section]
        anchor = f"#{found[0].anchor}" if found else ""
        if item["stem"] in walked and not found:
            raise LessonError(
                f"{glossary.GLOSSARY_PATH.name}: {term.term!r} is taught in lesson "
                f"{term.lesson}, section {term.section!r}, but that lesson has no such heading"
            )
        where[term.term] = (item["href"] + anchor, term.lesson, term.section)
    intro = (
        "<h1>Glossary</h1>\n<p>The course's words, each with the lesson section that teaches "
        "it. In a lesson, the first use of each is a link here.</p>"
    )
    files[glossary.PAGE] = site_page(
        "Glossary", intro + "\n" + glossary.glossary_body(terms, where), items, student
    )

    refs = load_references()
    body = (
        "<h1>References</h1>\n<p>Every paper the lessons cite. In a lesson, a citation such as "
        "“Ratamess et al. 2009” links to its entry here.</p>\n"
        f"{citations.references_body(refs)}\n{citations.how_to_cite(CITATION_CFF)}"
    )
    files[citations.PAGE] = site_page("References", body, items, student)

    records = []
    for item in items:
        if item["stem"] in walked:
            records += search.entries(item["title"], item["href"], walked[item["stem"]])
    records += [[glossary.PAGE, t.slug, f"Glossary · {t.term}", t.definition] for t in terms]
    files[search.INDEX] = search.index_script(records)
    files[search.PAGE] = site_page("Search", search.SEARCH_BODY, items, student)

    ordered = [(i["stem"], pages[i["stem"]]) for i in items if i["stem"] in pages]
    files[handouts.PRINT_PAGE] = site_page(
        "The whole course", handouts.print_body(ordered), items, True, body_class="sm-print"
    ).replace("</head>", '<script src="_static/plotly.min.js"></script>\n</head>', 1)
    lacking: dict[str, list[str]] = {}
    for item in items:
        if item["stem"] not in pages:
            continue
        page, title, number = pages[item["stem"]], item["title"], item["number"]
        body, missing = handouts.handout_body(page, title, number, "../" + item["href"])
        for part in missing:
            lacking.setdefault(part, []).append(item["number"])
        files[f"{handouts.FOLDER}/{item['href']}"] = site_page(
            f"Handout {item['number']}", body, items, student, root="../", body_class="sm-handout"
        )

    for part, numbers in sorted(lacking.items()):
        log(f"  handouts: lessons {', '.join(numbers)} have no {part} of their own")
    written = []
    for name, text in files.items():
        write_if_changed(out / name, text.encode())
        written.append(out / name)
    return written
