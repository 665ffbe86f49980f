"""Citations that lead somewhere: in-text "Author year" linked to ``references.html``, the page
itself from ``data/references.csv``, and how to cite the course from ``CITATION.cff``.

A citation is a first author's surname, optionally followed by "et al.", "and Other" or
"& Other", then a year (in brackets or not, with a letter when one author has two papers that
year): ``Ratamess et al. 2009``, ``Windt & Gabbett (2019)``, ``Llanos-Lagos et al. 2024a``. It is
linked when the surname and year match a row of the reference list (the surname taken from the
row's first author). :func:`unresolved` lists the citations that look like one, with "et al." or a
second author, but match no row: a book a lesson lists in its own References, or a mistake.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote

from helpers.publish.pagetext import Run

PAGE = "references.html"
_NAME = r"(?:(?:van|von|de|der|den|du|le|la) )*[A-Z][\w'’-]*\w"
CITATION = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME})(?:['’]s)?"
    rf"(?P<more>,? et al\.|,? (?:and|&) {_NAME})?,? "
    r"(?:\((?P<y1>(?:19|20)\d\d[a-z]?)\)|(?P<y2>(?:19|20)\d\d[a-z]?))(?![\w–-])"
)


def fold(name: str) -> str:
    """A surname for matching: accents, spaces, hyphens and case dropped.

    >>> fold("Küster"), fold("van Wijck"), fold("Hew-Butler")
    ('kuster', 'vanwijck', 'hewbutler')
    """
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if c.isalpha() and c.isascii()).lower()


def author_index(refs) -> dict[tuple[str, str], str]:
    """(folded first-author surname, year with the key's letter) → reference key.

    The surname is the first author's name without its initials: ``"Hew-Butler T, …"``.
    """
    index = {}
    for key, authors, year in zip(refs["key"], refs["authors"], refs["year"], strict=True):
        first = authors.split(",")[0].strip()
        words = first.split()
        while len(words) > 1 and words[-1].isupper():
            words.pop()  # the initials
        letter = key[-1] if key[-1].isalpha() and key[-2].isdigit() else ""
        index[(fold(" ".join(words)), f"{year}{letter}")] = key
    return index


def _year(m: re.Match) -> str:
    return m.group("y1") or m.group("y2")


def citation_links(runs: list[Run], index: dict) -> list[tuple[int, int, str]]:
    """Edits (for :func:`helpers.publish.pagetext.splice`) that link every in-text citation
    matching a reference to its entry (the lesson's own References section is left alone)."""
    edits = []
    for run in runs:
        if run.section == "References":
            continue
        for m in CITATION.finditer(run.text):
            key = index.get((fold(m.group("name")), _year(m)))
            if key:
                start, end = run.start + m.start(), run.start + m.end()
                link = f'<a class="sm-cite" href="{PAGE}#{key}">{m.group(0)}</a>'
                edits.append((start, end, link))
    return edits


def unresolved(runs: list[Run], index: dict) -> list[str]:
    """Citations with "et al." or a second author whose surname and year match no reference.

    >>> index = {("ratamess", "2009"): "ratamess2009"}
    >>> runs = [Run(0, "(Ratamess et al. 2009; Ratamess et al. 2010; in April 2027)", "x")]
    >>> unresolved(runs, index)
    ['Ratamess et al. 2010']
    """
    found = []
    for run in runs:
        if run.section == "References":
            continue
        for m in CITATION.finditer(run.text):
            if m.group("more") and (fold(m.group("name")), _year(m)) not in index:
                found.append(m.group(0))
    return found


def references_body(refs) -> str:
    """Every reference, sorted by key, each with its anchor and a DOI (or web) link."""
    out = ['<ol class="sm-references">']
    for key, r in refs.sort_index().iterrows():
        if r["doi"]:
            address = "https://doi.org/" + quote(r["doi"], safe="/:;()")  # as lessons cite it
            link = f'<a href="{html.escape(address)}">doi:{html.escape(r["doi"])}</a>'
        else:
            link = f'<a href="{html.escape(r["url"])}">{html.escape(r["url"])}</a>'
        note = f' <span class="sm-note">{html.escape(r["note"])}</span>' if r["note"] else ""
        out.append(
            f'<li id="{key}">{html.escape(r["authors"])} ({r["year"]}). {html.escape(r["title"])}. '
            f"<i>{html.escape(r['journal'])}</i>. {link}{note}</li>"
        )
    out.append("</ol>")
    return "\n".join(out)


def how_to_cite(citation_cff: Path) -> str:
    """A "How to cite the course" block from ``CITATION.cff`` (its title, authors, version and
    licence), with the file's own text to copy."""
    text = citation_cff.read_text(encoding="utf-8")
    fields = dict(re.findall(r'^([a-z-]+):\s*"?([^"\n>]+?)"?\s*$', text, re.MULTILINE))
    authors = re.findall(r'^\s+- name:\s*"?([^"\n]+?)"?\s*$', text, re.MULTILINE)
    block = re.search(r"^license:(.*\n(?:\s+- .*\n)*)", text, re.MULTILINE)
    licences = re.findall(r"[\w.+-]+", block.group(1)) if block else []
    for name in ("title", "version"):
        if name not in fields:
            raise ValueError(f"{citation_cff}: no '{name}:' line (the citation needs it)")
    line = (
        f"{', '.join(authors) or 'The course authors'}. <i>{html.escape(fields['title'])}</i>, "
        f"version {html.escape(fields['version'])}."
    )
    if licences:
        line += f" Licences: {html.escape(', '.join(licences))}."
    return (
        '<section class="sm-cite-course" aria-labelledby="how-to-cite">\n'
        '<h2 id="how-to-cite">How to cite the course</h2>\n'
        f"<p>{html.escape(fields.get('message', ''))}</p>\n<p>{line}</p>\n"
        "<details><summary>CITATION.cff</summary>\n"
        f"<pre>{html.escape(text)}</pre>\n</details>\n</section>"
    )


def unlisted(sections, runs: list[Run], index: dict) -> list[str]:
    """Citations of a lesson page that match no reference and that the lesson's own References
    section does not list either (by the first author's surname): a citation that leads nowhere.
    """
    own = " ".join(" ".join(s.text) for s in sections if s.anchor == "References")
    return [
        cited
        for cited in unresolved(runs, index)
        if CITATION.match(cited).group("name").split()[-1] not in own
    ]
