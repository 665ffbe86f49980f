"""Publish the course: the lesson catalogue, execution, rendering, site checks and the CLI.

``python -m helpers.publish`` (what ``make site`` runs) builds ``_build/html/``; see
:mod:`helpers.publish.build` for the steps and options. The modules:

- :mod:`~helpers.publish.catalog`: the lessons, their titles and facts, the execution cache key;
- :mod:`~helpers.publish.execute`: run a lesson in a fresh kernel; store outputs in notebooks;
- :mod:`~helpers.publish.render`: pages, slides, MathML, static files, the site index;
- :mod:`~helpers.publish.checks`: offline figures, no network loads, no broken links;
- :mod:`~helpers.publish.build`: the site build and the command line;
- :mod:`~helpers.publish.readers`: what readers look things up with, from
  :mod:`~helpers.publish.search` (the index), :mod:`~helpers.publish.glossary`,
  :mod:`~helpers.publish.citations` (the references page) and :mod:`~helpers.publish.handouts`
  (handouts, the whole course to print), on :mod:`~helpers.publish.pagetext` (a page's text).
"""

import sys

# jsonschema (under nbformat) imports rfc3987_syntax when it is installed, which compiles ~40
# grammars at import (1–3 s, most of a warm build). Notebook schemas never use its IRI formats,
# so this process goes without it.
sys.modules.setdefault("rfc3987_syntax", None)

from helpers.publish.build import build, main  # noqa: E402
from helpers.publish.catalog import (  # noqa: E402
    BUILD,
    NOTEBOOKS,
    ROOT,
    Lesson,
    LessonError,
    execution_key,
    find_lessons,
    helper_closure,
    lesson_items,
    lessons,
    read_lesson,
)
from helpers.publish.checks import broken_links, external_loads, lesson_pages  # noqa: E402
from helpers.publish.execute import execute, store_outputs  # noqa: E402
from helpers.publish.render import (  # noqa: E402
    copy_static,
    make_exporter,
    math_to_mathml,
    page_context,
    render,
    slide_layout,
    strip_hidden,
)

__all__ = [
    "BUILD",
    "NOTEBOOKS",
    "ROOT",
    "Lesson",
    "LessonError",
    "broken_links",
    "build",
    "copy_static",
    "execute",
    "execution_key",
    "external_loads",
    "find_lessons",
    "helper_closure",
    "lesson_items",
    "lesson_pages",
    "lessons",
    "main",
    "make_exporter",
    "math_to_mathml",
    "page_context",
    "read_lesson",
    "render",
    "slide_layout",
    "store_outputs",
    "strip_hidden",
]
