"""Print: a handout per lesson and the whole course on one page.

A handout (``handouts/<lesson>.html``, at most two A4 pages) holds what a coach hands out: the
lesson's key points, its coaching exercise (the exercise that opens with a bold "A coaching
decision."; a lesson without one gets all its exercise prompts, never the solutions) and its
safety notes (every ``##`` or ``###`` section whose heading speaks of safety or red flags; a
lesson without one gets the course's general safety line). The whole-course page
(``print.html``) is every lesson of the student edition one after the other: the folded
solutions and the instructor notes are left out, whichever edition is built. Both are cut from
the rendered lesson pages, so they show exactly what the lessons show.
"""

from __future__ import annotations

import functools
import html
import re

from helpers.publish.pagetext import Block, blocks

# a page is cut twice (its handout, the print page): parse it once
_blocks = functools.lru_cache(maxsize=64)(blocks)

FOLDER = "handouts"
PRINT_PAGE = "print.html"
#: Blocks a student never sees: folded solutions and instructor notes.
HIDDEN = {"sm-solution", "sm-instructor"}
SAFETY = re.compile(r"safety|red flag", re.IGNORECASE)
COACHING = re.compile(r"<strong>(?:A )?coaching decision\.?</strong>", re.IGNORECASE)
GENERAL_SAFETY = (
    "<p>Education, not medical advice. Stop a set or a run that hurts a joint or a tendon, and "
    "see a doctor or a sports-medicine professional about pain, injury or illness.</p>"
)


def _shown(block: Block) -> bool:
    return not HIDDEN & set(block.classes)


def _prose(block: Block) -> bool:
    """A markdown cell or a callout, not code or a figure."""
    return "jp-MarkdownCell" in block.classes or "sm-callout" in block.classes


def _demote(fragment: str) -> str:
    """A piece of a lesson for the handout: without the "¶" anchor links and the ids."""
    fragment = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", fragment)
    fragment = re.sub(r'\sid="[^"]*"', "", fragment)  # ids stay unique on the page
    # the handout sits in handouts/: a link to another page of the site goes one folder up
    return re.sub(r'\b(href|src)="(?![a-z][a-z0-9+.-]*:|#|/)', r'\1="../', fragment)


def _item(fragment: str, at: int) -> str:
    """The list item of ``fragment`` around offset ``at`` (nested lists counted), as a block."""
    start = fragment.rfind("<li", 0, at)
    depth, i = 0, start
    for m in re.finditer(r"<(/?)li\b[^>]*>", fragment[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            i = start + m.end()
            break
    inner = re.sub(r"^<li\b[^>]*>|</li>$", "", fragment[start:i])
    return f'<div class="sm-handout-exercise">{inner}</div>'


def coaching_exercise(prompts: list[str]) -> str | None:
    """The prompt that opens with a bold "A coaching decision." (just its list item), if any.

    >>> item = "<li><strong>A coaching decision.</strong> Two</li>"
    >>> coaching_exercise([f"<ol><li>One</li>{item}</ol>"])
    '<div class="sm-handout-exercise"><strong>A coaching decision.</strong> Two</div>'
    """
    for fragment in prompts:
        m = COACHING.search(fragment)
        if m:
            return _item(fragment, m.start()) if "<li" in fragment[: m.start()] else fragment
    return None


def handout_body(page: str, title: str, number: str, href: str) -> tuple[str, list[str]]:
    """A handout's content from a rendered lesson page, and what it lacks (for the report).

    The key points first, then the coaching exercise, then the safety notes.
    """
    parts = {"Key points": [], "Exercises": [], "Safety": []}
    for block in _blocks(page):
        if not _shown(block) or not _prose(block):
            continue
        if SAFETY.search(block.h2) or SAFETY.search(block.h3):
            parts["Safety"].append(_demote(page[block.start : block.end]))
        elif block.h2 in ("Key points", "Exercises"):
            parts[block.h2].append(_demote(page[block.start : block.end]))
    missing = [name for name, found in parts.items() if not found]
    coaching = coaching_exercise(parts["Exercises"])
    if coaching is None:
        missing.append("a coaching exercise")
    else:
        parts["Exercises"] = ["<h2>The coaching exercise</h2>\n" + coaching]
    if not parts["Safety"]:
        parts["Safety"] = ["<h2>Safety</h2>\n" + GENERAL_SAFETY]
    body = [
        f"<h1>{number} · {html.escape(title)}</h1>",
        '<p class="sm-handout-note">Handout: key points, the coaching exercise and safety. '
        f'<a href="{href}">The full lesson</a>, with its models and every exercise, is on the '
        "course site.</p>",
    ]
    for name in ("Key points", "Exercises", "Safety"):
        body.append(f'<section class="sm-handout-{name.split()[0].lower()}">')
        body += parts[name]
        body.append("</section>")
    return "\n".join(body), missing


def _prefix_ids(fragment: str, prefix: str) -> str:
    """Ids and in-page links made unique on the whole-course page (figures keep theirs: their
    drawing scripts name them, and they are unique across the course already)."""
    fragment = re.sub(r'\bid="(?!fig-)([^"]+)"', rf'id="{prefix}-\1"', fragment)
    return re.sub(r'\bhref="#(?!fig-)([^"]+)"', rf'href="#{prefix}-\1"', fragment)


def print_body(pages: list[tuple[str, str]]) -> str:
    """The whole course as one page: each lesson's content (stem, page) without what the
    student edition leaves out, one lesson per printed section."""
    out = []
    for stem, page in pages:
        kept = [page[b.start : b.end] for b in _blocks(page) if _shown(b)]
        body = _prefix_ids("\n".join(kept), stem[:2])
        out.append(f'<article class="sm-print-lesson" id="lesson-{stem[:2]}">\n{body}\n</article>')
    return "\n".join(out)
