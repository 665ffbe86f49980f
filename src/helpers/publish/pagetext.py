"""Read and edit the text of a rendered lesson page without re-serialising it.

The readers' features (glossary links, citation links, the "On this page" list, the search
index) need the page's sections and the prose of its markdown cells. :func:`walk` finds them
with the standard library's HTML parser and returns where each piece of text sits in the page,
so :func:`splice` can wrap words in links and leave every other byte as nbconvert wrote it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements whose text is never prose to link: code, math, links, headings, controls.
NOT_PROSE = frozenset(
    "a abbr button code dfn h1 h2 h3 h4 h5 h6 kbd label math pre samp script select style "
    "summary svg textarea title".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_MARKDOWN = "jp-RenderedMarkdown"
_HIDDEN = frozenset("math script style svg".split())


@dataclass
class Section:
    """A ``##`` or ``###`` section of a lesson page: its anchor, heading and prose."""

    level: int
    anchor: str
    heading: str
    text: list[str] = field(default_factory=list)


@dataclass
class Run:
    """A piece of prose: where it starts in the page, its raw text and its section's anchor."""

    start: int
    text: str
    section: str


class _Walker(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=False)
        self.lines = [0] + [m.end() for m in re.finditer("\n", page)]
        self.stack: list[tuple[str, bool]] = []  # (tag, opens a markdown cell)
        self.markdown = 0  # markdown cells open
        self.skipped = 0  # NOT_PROSE elements open
        self.hidden = 0  # script, style, math, svg open (no text to search either)
        self.heading: Section | None = None
        self.in_anchor = False
        self.sections: list[Section] = []
        self.runs: list[Run] = []

    def _count(self, tag: str, opens: bool, step: int):
        self.markdown += step * opens
        self.skipped += step * (tag in NOT_PROSE)
        self.hidden += step * (tag in _HIDDEN)

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        attrs = dict(attrs)
        opens = _MARKDOWN in (attrs.get("class") or "").split()
        self.stack.append((tag, opens))
        self._count(tag, opens, 1)
        if tag in ("h2", "h3") and attrs.get("id"):
            self.heading = Section(int(tag[1]), attrs["id"], "")
            self.sections.append(self.heading)
        self.in_anchor |= tag == "a" and self.heading is not None

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for name, opens in self.stack[i:]:
                    self._count(name, opens, -1)
                del self.stack[i:]
                break
        if tag == "a":
            self.in_anchor = False
        if tag in ("h2", "h3") and self.heading is not None:
            self.heading.heading = " ".join(self.heading.heading.split())
            self.heading = None

    def _text(self, text: str, raw: bool):
        if self.heading is not None:
            if not self.in_anchor:  # not the heading's own "¶" link
                self.heading.heading += text
            return
        if not self.markdown or self.hidden:
            return
        section = self.sections[-1] if self.sections else None
        if section is not None:
            section.text.append(text)
        if raw and not self.skipped:
            line, column = self.getpos()
            start = self.lines[line - 1] + column
            self.runs.append(Run(start, text, section.anchor if section else ""))

    def handle_data(self, data):
        self._text(data, True)

    def handle_entityref(self, name):
        self._text(html.unescape(f"&{name};"), False)

    def handle_charref(self, name):
        self._text(html.unescape(f"&#{name};"), False)


def walk(page: str) -> tuple[list[Section], list[Run]]:
    """The ``h2``/``h3`` sections of ``page`` (with ids) and the prose runs of its markdown cells.

    A run is text outside :data:`NOT_PROSE` elements, given raw (entities stay in the page, out
    of the runs), with its offset in ``page`` so it can be edited in place.

    >>> page = '<div class="jp-RenderedMarkdown"><h2 id="Load">Load<a href="#Load">¶</a></h2>'
    >>> page += '<p>RPE <code>x</code> and sets</p></div>'
    >>> sections, runs = walk(page)
    >>> [(s.anchor, s.heading, "".join(s.text)) for s in sections]
    [('Load', 'Load', 'RPE x and sets')]
    >>> [(r.text, page[r.start:r.start + 3], r.section) for r in runs]
    [('RPE ', 'RPE', 'Load'), (' and sets', ' an', 'Load')]
    """
    walker = _Walker(page)
    walker.feed(page)
    walker.close()
    return walker.sections, walker.runs


def splice(page: str, edits: list[tuple[int, int, str]]) -> str:
    """``page`` with each ``(start, end, text)`` put in place of ``page[start:end]``.

    >>> splice("one two three", [(4, 7, "<b>two</b>")])
    'one <b>two</b> three'
    """
    out, last = [], 0
    for start, end, text in sorted(edits):
        if start < last:
            raise ValueError(f"overlapping edits at offset {start}")
        out += [page[last:start], text]
        last = end
    out.append(page[last:])
    return "".join(out)


def plain(fragment: str) -> str:
    """Text of an HTML fragment, tags dropped, entities resolved, spaces collapsed.

    >>> plain("<b>RPE</b> &amp; <i>RIR</i>")
    'RPE & RIR'
    """
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@dataclass
class Block:
    """A child of a page's ``<main>``: a cell, a folded solution, a callout; with its place in
    the page and the ``##`` and ``###`` headings it falls under."""

    start: int
    end: int
    classes: tuple[str, ...]
    h2: str = ""
    h3: str = ""


class _Blocks(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.lines = [0] + [m.end() for m in re.finditer("\n", page)]
        self.depth = 0
        self.main = -1  # depth of <main>, once inside it
        self.blocks: list[Block] = []
        self.heading = ""  # "h2" or "h3" while inside one
        self.h2 = self.h3 = ""

    def _at(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        self.depth += 1
        if tag == "main":
            self.main = self.depth
        elif self.main > 0 and self.depth == self.main + 1:
            classes = tuple((dict(attrs).get("class") or "").split())
            self.blocks.append(Block(self._at(), -1, (tag, *classes), self.h2, self.h3))
        if tag in ("h2", "h3") and self.main > 0:
            self.heading = tag
            if tag == "h2":
                self.h2 = self.h3 = ""
                if self.blocks:
                    self.blocks[-1].h3 = ""
            else:
                self.h3 = ""

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.main > 0 and self.depth == self.main + 1 and self.blocks:
            self.blocks[-1].end = self.page.index(">", self._at()) + 1
        if tag == "main":
            self.main = -1
        if tag == self.heading:
            self.heading = ""
        self.depth -= 1

    def handle_data(self, data):
        if self.heading and data.strip() != "¶":
            name = (getattr(self, self.heading) + data).replace("¶", "")
            setattr(self, self.heading, name)
            block = self.blocks[-1] if self.blocks else None
            if block is not None:
                setattr(block, self.heading, " ".join(name.split()))


def blocks(page: str) -> list[Block]:
    """The children of ``page``'s ``<main>``, each with the headings it sits under (a block
    that holds a heading counts as under it).

    >>> page = '<main><div class="c"><h2 id="a">Key points</h2></div><details>x</details></main>'
    >>> [(b.classes, b.h2, page[b.start:b.end][:9]) for b in blocks(page)]
    [(('div', 'c'), 'Key points', '<div clas'), (('details',), 'Key points', '<details>')]
    """
    parser = _Blocks(page)
    parser.feed(page)
    parser.close()
    return [b for b in parser.blocks if b.end > 0]
