"""Search that works from ``file://``: an index written at build time as a script.

Browsers refuse to ``fetch`` a file from a page opened from disk, so the index is JavaScript
that sets ``window.SM_SEARCH`` and the page loads it with a ``<script>`` element, the first time
a reader uses the search box (``static/course.js``). One entry per lesson section (``##`` and
``###``) and per glossary term: the page, the anchor, the heading and the section's prose.
"""

from __future__ import annotations

import json

from helpers.publish.pagetext import Section

#: The index, relative to the site's root.
INDEX = "_static/search-index.js"
PAGE = "search.html"


def entries(title: str, href: str, sections: list[Section]) -> list[list[str]]:
    """A lesson page's entries: ``[href, anchor, heading, text]``, the text in one line."""
    found = []
    for section in sections:
        if section.anchor == "References":
            continue
        text = " ".join("".join(section.text).split())
        found.append([href, section.anchor, f"{title} · {section.heading}", text])
    return found


def index_script(records: list[list[str]]) -> str:
    """The index as a classic script: ``window.SM_SEARCH = [[href, anchor, heading, text], …];``.

    >>> index_script([["a.html", "x", "A · X", "Text </script>"]])
    'window.SM_SEARCH = [["a.html","x","A · X","Text <\\\\/script>"]];\\n'
    """
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    return "window.SM_SEARCH = " + data.replace("</", "<\\/") + ";\n"


SEARCH_BODY = """<h1>Search the course</h1>
<p id="sm-search-status" role="status">Type a word in the search box above: RPE, taper, deload.
Search needs JavaScript; without it, use the <a href="index.html">lesson list</a> and the
<a href="glossary.html">glossary</a>.</p>
<ol id="sm-search-page" class="sm-hits"></ol>"""
