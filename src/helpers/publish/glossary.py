"""The course's glossary: ``data/glossary.csv``, its page, and the first use of each term on a
lesson page linked to it.

One row per term (columns in :data:`COLUMNS`, documented in ``data/README.md``): the term, other
spellings separated by ``|``, a one-sentence definition, and the lesson (its two-digit number)
and section (its heading) that teach it. On every lesson page the first use of each term becomes
a link to ``glossary.html#<slug>`` that carries the definition, which the course stylesheet shows
on hover or keyboard focus where the screen has a pointer that hovers; on a touch screen it is a
plain link.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from helpers import DATA_DIR
from helpers._table import fail, read_rows
from helpers.publish.pagetext import Run

#: The columns of ``data/glossary.csv``, in file order.
COLUMNS = ("term", "aliases", "definition", "lesson", "section")
GLOSSARY_PATH = DATA_DIR / "glossary.csv"
PAGE = "glossary.html"


@dataclass(frozen=True)
class Term:
    """One glossary entry; ``names`` are the term and its aliases as they appear in the text."""

    term: str
    names: tuple[str, ...]
    definition: str
    lesson: str
    section: str

    @property
    def slug(self) -> str:
        """The entry's anchor on the glossary page.

        >>> Term("Session RPE", (), "", "04", "").slug
        'session-rpe'
        """
        return slug(self.term)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _parse_cell(column: str, value: str):
    if column == "aliases":
        names = tuple(a.strip() for a in value.split("|")) if value else ()
        if any(not a for a in names):
            raise ValueError(f"aliases are separated by '|', got an empty one in {value!r}")
        return names
    if not value:
        raise ValueError("required value is empty")
    if column == "lesson" and not re.fullmatch(r"\d\d", value):
        raise ValueError(f"lesson must be a two-digit lesson number like '03', got {value!r}")
    return value


def load_glossary(path: Path | None = None) -> list[Term]:
    """Load and check the glossary, sorted by term (case ignored).

    Raises
    ------
    ValueError
        Naming the file, the line and the column: a wrong header, an empty required value, a
        lesson that is not two digits, a term or alias that another row already uses.

    Examples
    --------
    >>> terms = load_glossary()
    >>> [t for t in terms if t.term == "RPE"][0].lesson
    '03'
    """
    path = Path(path) if path is not None else GLOSSARY_PATH
    rows = read_rows(path, COLUMNS, _parse_cell, "glossary terms")
    seen: dict[str, int] = {}
    terms = []
    for line, r in rows:
        names = (r["term"], *r["aliases"])
        for name in names:
            key = name.casefold()
            if key in seen:
                fail(path, line, "term", f"{name!r} is already used on line {seen[key]}")
            seen[key] = line
        terms.append(Term(r["term"], names, r["definition"], r["lesson"], r["section"]))
    return sorted(terms, key=lambda t: t.term.casefold())


def _name_pattern(name: str) -> str:
    """A name as a regular expression: the first letter in either case; the rest exactly when
    the name has capitals or digits after its first letter (RPE, e1RM), else in any case."""
    first, rest = re.escape(name[0]), re.escape(name[1:])
    exact = any(c.isupper() or c.isdigit() for c in name[1:])
    head = f"(?i:{first})" if name[0].isalpha() else first
    return head + (rest if exact else f"(?i:{rest})")


def term_pattern(terms: list[Term]) -> re.Pattern:
    """One pattern for every name of every term, longest first, each a whole word.

    >>> terms = [Term("RPE", ("RPE",), "", "03", ""),
    ...          Term("Session RPE", ("session-RPE",), "", "04", "")]
    >>> [m.group(0) for m in term_pattern(terms).finditer("RPE-based session-RPE; sRPE, rpe")]
    ['RPE', 'session-RPE']
    """
    names = sorted({n for t in terms for n in t.names}, key=lambda n: (-len(n), n))
    alternatives = "|".join(_name_pattern(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w)")


def term_links(runs: list[Run], terms: list[Term]) -> list[tuple[int, int, str]]:
    """Edits (for :func:`helpers.publish.pagetext.splice`) that link the first use of each term
    in a page's prose to its glossary entry.

    ``runs`` are the page's prose (:func:`helpers.publish.pagetext.walk`); a lesson's
    References section is left alone.
    """
    if not terms:
        return []
    by_name = {n.casefold(): t for t in terms for n in t.names}
    pattern = term_pattern(terms)
    done: set[str] = set()
    edits = []
    for run in runs:
        if run.section == "References":
            continue
        for m in pattern.finditer(run.text):
            term = by_name[m.group(0).casefold()]
            if term.slug in done:
                continue
            done.add(term.slug)
            tip = html.escape(term.definition, quote=True)
            link = f'<a class="sm-term" href="{PAGE}#{term.slug}" data-def="{tip}">{m.group(0)}</a>'
            edits.append((run.start + m.start(), run.start + m.end(), link))
    return edits


def glossary_body(terms: list[Term], where: dict[str, tuple[str, str, str]]) -> str:
    """The glossary page's content: a definition list, each entry with the lesson section that
    teaches it. ``where`` maps a term to (page href with anchor, lesson number, section)."""
    out = ['<dl class="sm-glossary">']
    for t in terms:
        href, number, section = where[t.term]
        also = t.names[1:]
        aka = (
            f' <span class="sm-aka">(also {", ".join(map(html.escape, also))})</span>'
            if also
            else ""
        )
        out.append(
            f'<dt id="{t.slug}">{html.escape(t.term)}{aka}</dt>\n<dd>{html.escape(t.definition)} '
            f'Taught in <a href="{html.escape(href)}">lesson {number}: {html.escape(section)}</a>.'
            "</dd>"
        )
    out.append("</dl>")
    return "\n".join(out)


_LINK = re.compile(rf'href="{re.escape(PAGE)}#([^"]+)"')


def usage_problems(lesson_pages: dict[str, str], terms: list[Term]) -> list[str]:
    """What is wrong between the lesson pages and the glossary: a term no lesson page uses (so
    none links it), a link to an entry the glossary does not have.

    >>> terms = [Term("RPE", ("RPE",), "Effort.", "03", "RPE")]
    >>> for problem in usage_problems({"a.html": '<a href="glossary.html#rir">RIR</a>'}, terms):
    ...     print(problem)
    a.html links glossary.html#rir, which the glossary does not define
    'RPE' is used by no lesson
    """
    slugs = {t.slug for t in terms}
    used: set[str] = set()
    problems = []
    for name, page in sorted(lesson_pages.items()):
        for found in _LINK.findall(page):
            used.add(found)
            if found not in slugs:
                problems.append(f"{name} links {PAGE}#{found}, which the glossary does not define")
    problems += [f"{t.term!r} is used by no lesson" for t in terms if t.slug not in used]
    return problems
