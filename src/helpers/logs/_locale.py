"""Numbers and dates as apps write them in a runner's own language.

Exports follow the app's language setting: ``4,73`` or ``1.234,5`` for a decimal comma,
``23 jun. 2017 15:52:12`` (Dutch), ``22 May 2024, 08:19:26`` (English UK),
``Oct 6, 2022, 11:19:20 PM`` (English US), ``6 de out. de 2022, 11:19:20 p. m.``. The readers
decide the decimal separator once per column (:func:`decimal_comma`) and parse each date by its
tokens: a month word in any of the languages below (full or abbreviated), the numbers around
it, a clock time and an optional a.m./p.m. marker.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import datetime

from helpers.logs._schema import RowError

#: Month names (accents removed, lower case) in English, Dutch, German, French, Spanish,
#: Portuguese, Italian and the Scandinavian languages; abbreviations match by prefix.
_MONTHS = (
    ("january", "januari", "januar", "janvier", "enero", "janeiro", "gennaio", "jänner"),
    ("february", "februari", "februar", "fevrier", "febrero", "fevereiro", "febbraio"),
    ("march", "maart", "mrt", "marz", "maerz", "mars", "marzo", "marco"),
    ("april", "avril", "abril", "aprile"),
    ("may", "mei", "mai", "mayo", "maio", "maggio", "maj"),
    ("june", "juni", "juin", "junio", "junho", "giugno"),
    ("july", "juli", "juillet", "julio", "julho", "luglio"),
    ("august", "augustus", "aout", "agosto"),
    ("september", "septembre", "septiembre", "setembro", "settembre"),
    ("october", "oktober", "octobre", "octubre", "outubro", "ottobre"),
    ("november", "novembre", "noviembre", "novembro"),
    ("december", "dezember", "decembre", "diciembre", "dezembro", "dicembre"),
)
_TOKEN = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def plain(text: str) -> str:
    """Lower case without accents or HTML tags: ``'Activiteits-ID'`` → ``'activiteits-id'``."""
    text = re.sub(r"<[^>]*>", "", text or "")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).strip().lower()


@functools.lru_cache(maxsize=1024)
def _month(word: str) -> int | None:
    """Month number of a month name or abbreviation (≥ 3 letters) in any listed language."""
    word = plain(word).replace("ä", "a")
    if len(word) < 3:
        return None
    hits = {
        number
        for number, names in enumerate(_MONTHS, start=1)
        if any(name == word or (name.startswith(word)) for name in names)
    }
    return hits.pop() if len(hits) == 1 else None


def parse_date(text: str, *, day_first: bool | None = None) -> datetime:
    """A naive datetime from a date written in any of the supported languages and orders.

    ISO 8601 (``2014-09-12 16:54:28``, ``2024-05-22T08:19:26Z``) is tried first. Otherwise the
    date is the month word with the day next to it and the 4-digit year; the clock time is
    ``h:mm[:ss]``, 12-hour when an ``AM``/``PM`` marker follows (``a.m.``, ``p. m.`` too).
    All-number dates (``06/10/2022``) need ``day_first``: True for day/month/year.

    Raises
    ------
    RowError
        The text is not a date (message quotes it).
    """
    raw = (text or "").strip()
    if not raw:
        raise RowError("date is empty")
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        pass
    clock = _CLOCK.search(raw)
    date_part = raw[: clock.start()] if clock else raw
    hour = minute = second = 0
    if clock:
        hour, minute, second = (int(g) if g else 0 for g in clock.groups())
        marker = re.sub(r"[\s.]", "", raw[clock.end() :]).lower()
        if marker.startswith("pm") and hour < 12:
            hour += 12
        elif marker.startswith("am") and hour == 12:
            hour = 0
    tokens = _TOKEN.findall(date_part)
    numbers = [(i, int(t)) for i, t in enumerate(tokens) if t.isdecimal()]
    months = [(i, _month(t)) for i, t in enumerate(tokens) if not t.isdecimal()]
    months = [(i, m) for i, m in months if m]
    years = [n for _, n in numbers if n >= 1000]
    try:
        if months and len(years) == 1:
            where, month = months[0]
            days = [(i, n) for i, n in numbers if n < 1000]
            if not days:
                raise ValueError
            # the day is the number nearest the month word (before it: "23 jun.", after: "Oct 6")
            day = min(days, key=lambda d: abs(d[0] - where))[1]
            return datetime(years[0], month, day, hour, minute, second)
        values = [n for _, n in numbers]
        words = [t for t in tokens if not t.isdecimal()]
        if len(values) == 3 and not words:  # all-number dates carry no words at all
            if values[0] >= 1000:
                year, month, day = values
            else:
                first, second_, year = values
                if year < 100:
                    year += 2000
                if day_first is None:  # d.m.y is the dotted order; else a day above 12
                    day_first = first > 12 or "." in date_part
                month, day = (second_, first) if day_first else (first, second_)
            return datetime(year, month, day, hour, minute, second)
    except ValueError:
        pass
    raise RowError(f"date {raw!r} is not a date in a known language and order")


def decimal_comma(values, *, default: bool) -> bool:
    """Whether a column writes decimals with a comma, decided from all its values.

    A value with both separators has its decimal mark last (``1.234,5``, ``1,234.5``); a
    separator followed by other than 3 digits is a decimal mark (``4,73``, ``4.7``). When every
    value is ambiguous (``1,234``) ``default`` decides (the export's language).
    """
    for value in values:
        text = value.strip()
        if "," in text and "." in text:
            return text.rfind(",") > text.rfind(".")
        for mark in ",.":
            if text.count(mark) == 1 and len(text.rpartition(mark)[2]) != 3:
                return mark == ","
    return default


def to_float(text: str, comma: bool) -> float:
    """``'1.234,5'`` → 1234.5 when ``comma`` (decimal comma), ``'1,234.5'`` → 1234.5 otherwise.

    Raises ValueError when the text is not a number.
    """
    text = text.strip().replace("\u00a0", "").replace(" ", "").replace("'", "")
    if comma:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    return float(text)
