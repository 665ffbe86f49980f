"""Activity types in a runner's own language, from one table per language.

Apps write the type in the app's language: Strava's ``Hardloopsessie`` or ``Nuotata``, Garmin
Connect's ``Corrida em esteira``, Runkeeper's ``Running``. The course reads them through data
files: ``data/activity_types/strava.csv`` is Strava's own list of sport types (the API's
``SportType``) with the course's sport for each (run, strength, cross or other), and one file
per language (``en.csv``, ``nl.csv``, ``de.csv``, ``fr.csv``, ``es.csv``, ``pt.csv``,
``it.csv``) maps the names apps write to one of those Strava types. A new language is one more
file; a test checks that every name points at a type in Strava's list.

Matching ignores case and accents. A name no table lists is looked up as a Strava type itself
(``TrailRun``, ``Trail Run``), then by the longest run of its words that a table lists
(``Corrida de rua`` reads as ``Corrida``, ``Virtuele fietsrit`` as ``Fietsrit``); anything else
is ``other``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from helpers.logs._locale import plain

LANGUAGES = ("en", "nl", "de", "fr", "es", "pt", "it")


def _folder() -> Path:
    from helpers import DATA_DIR

    return Path(DATA_DIR) / "activity_types"


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", plain(text).replace("_", " "))


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", plain(text))


@functools.cache
def strava_types() -> dict[str, str]:
    """Strava's sport types → the course's sport, from ``data/activity_types/strava.csv``."""
    from helpers._table import read_rows

    def cell(column, text):
        if column == "sport" and text not in ("run", "strength", "cross", "other"):
            raise ValueError(f"sport must be run, strength, cross or other, got {text!r}")
        if not text:
            raise ValueError("must not be empty")
        return text

    path = _folder() / "strava.csv"
    rows = read_rows(path, ("strava_type", "sport"), cell, "sport types")
    return {record["strava_type"]: record["sport"] for _, record in rows}


@functools.cache
def language_table(language: str) -> dict[str, str]:
    """One language's names (plain text) → Strava type; ValueError for a type not in Strava's
    list, naming the file and line."""
    from helpers._table import fail, read_rows

    known = strava_types()
    path = _folder() / f"{language}.csv"
    rows = read_rows(path, ("name", "strava_type"), lambda column, text: text, "names")
    table = {}
    for line, record in rows:
        if record["strava_type"] not in known:
            fail(path, line, "strava_type", f"{record['strava_type']!r} is not a Strava type")
        table[_key(record["name"])] = record["strava_type"]
    return table


@functools.cache
def _all_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in LANGUAGES:
        for name, strava_type in language_table(language).items():
            names.setdefault(name, strava_type)
    for strava_type in strava_types():
        names.setdefault(_compact(strava_type), strava_type)
    return names


def strava_type(activity_type: str) -> str | None:
    """The Strava sport type an app's activity type means, or None when no table knows it.

    >>> strava_type("Nuotata"), strava_type("Corrida em esteira"), strava_type("Trail Run")
    ('Swim', 'Run', 'TrailRun')
    """
    names = _all_names()
    key = _key(activity_type or "")
    if not key:
        return None
    found = names.get(key) or names.get(_compact(key))
    if found:
        return found
    words = key.split(" ")
    for n in range(len(words) - 1, 0, -1):  # the longest listed run of words, leftmost first
        for first in range(len(words) - n + 1):
            found = names.get(" ".join(words[first : first + n]))
            if found:
                return found
    return None


def activity_sport(activity_type: str) -> str:
    """The course's sport (run, strength, cross, other) of an activity type in any language.

    >>> activity_sport("Sci nordico"), activity_sport("Krafttraining"), activity_sport("Yoga")
    ('cross', 'strength', 'other')
    """
    found = strava_type(activity_type)
    return strava_types()[found] if found else "other"
