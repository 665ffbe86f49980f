"""The course's reference list: load ``data/references.csv``, find what a lesson cites, and
write a lesson's References section from the file.

One row per paper cited anywhere in the course (columns in :data:`COLUMNS`, documented in
``data/README.md``). :func:`load_references` refuses a file with a bad row and names the file, the
line and the column; :func:`dois_in_text` finds the DOIs a lesson cites, so a test can check
that every one of them is in the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote

import pandas as pd

from helpers import DATA_DIR
from helpers._table import fail, read_rows

#: The columns of ``data/references.csv``, in file order.
COLUMNS = ("key", "authors", "year", "title", "journal", "doi", "url", "note")
#: Columns that may be left empty.
OPTIONAL = ("doi", "url", "note")
#: Where the course's reference list lives.
REFERENCES_PATH = DATA_DIR / "references.csv"

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
#: An older journal DOI in SICI form, ``10.1519/1533-4287(1997)011<0211:TAOPEF>2.3.CO;2``:
#: ISSN, (year), volume, <first page:title code>, version, ``CO;2``. It holds the brackets and
#: semicolon that end a DOI of the usual form, so it is matched first, as a whole.
_SICI = r"10\.\d{4,9}/\d{4}-\d{3}[\dX]\(\d{4}\)\d+<[^<>\s]+>\d\.\d\.CO;\d"
_DOI_CELL = re.compile(rf"^(?:{_SICI}|10\.\d{{4,9}}/[^\s,;()<>\[\]\"'`]+)$", re.IGNORECASE)
#: A DOI inside running text or a link: ``10.`` prefix, registrant, suffix up to a delimiter.
DOI_PATTERN = re.compile(rf"{_SICI}|10\.\d{{4,9}}/[^\s()<>\[\]\"'`,;]+", re.IGNORECASE)


def _parse_cell(column: str, value: str):
    if not value:
        if column not in OPTIONAL:
            raise ValueError("required value is empty")
        return ""
    if column == "key" and not _KEY.match(value):
        raise ValueError(f"key must be lower-case snake_case like 'lauersen2014', got {value!r}")
    if column == "year":
        if not value.isdigit() or not 1900 <= int(value) <= 2100:
            raise ValueError(f"year must be a whole number in [1900, 2100], got {value!r}")
        return int(value)
    if column == "doi" and not _DOI_CELL.match(value):
        raise ValueError(f"doi must look like 10.xxxx/..., without https://doi.org/, got {value!r}")
    if column == "url" and not value.startswith("https://"):
        raise ValueError(f"url must start with https://, got {value!r}")
    return value


def _check_row(record: dict):
    if not record["doi"] and not record["url"]:
        return "url", "a reference without a DOI needs a url"
    return None


def load_references(path=None) -> pd.DataFrame:
    """Load and check the course's reference list.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns in :data:`COLUMNS`; default ``data/references.csv``.

    Returns
    -------
    DataFrame
        One row per reference, indexed by ``key``; ``year`` is int, empty optional cells are ``""``.

    Raises
    ------
    ValueError
        Naming the file, the line and the column: wrong header, an empty required value, a key
        that is not snake_case or appears twice, a DOI not of the form ``10.xxxx/...`` or
        appearing twice (DOIs compare case-insensitively), a url not starting with https://, a
        row with neither DOI nor url.

    Examples
    --------
    >>> refs = load_references()
    >>> refs.loc["toresdahl2020", "doi"]
    '10.1177/1941738119877180'
    """
    path = Path(path) if path is not None else REFERENCES_PATH
    if not path.is_file():
        raise ValueError(f"path {str(path)!r} is not a file")
    rows = read_rows(path, COLUMNS, _parse_cell, "references", _check_row)
    keys: dict[str, int] = {}
    dois: dict[str, int] = {}
    for line, record in rows:
        if record["key"] in keys:
            fail(path, line, "key", f"key {record['key']!r} repeats line {keys[record['key']]}")
        keys[record["key"]] = line
        doi = record["doi"].lower()
        if doi and doi in dois:
            fail(path, line, "doi", f"doi {record['doi']!r} repeats line {dois[doi]}")
        if doi:
            dois[doi] = line
    table = pd.DataFrame.from_records([r for _, r in rows], columns=list(COLUMNS))
    return table.set_index("key", drop=False)


def dois_in_text(text: str) -> list[str]:
    """The DOIs cited in a text (sorted, unique, lower case), e.g. a notebook cell's source.

    A trailing full stop is not part of a DOI. Lower case because DOIs are case-insensitive.
    Percent-escapes (as in a link's address) are decoded first, so a link and its text agree.

    >>> dois_in_text("see [doi:10.1177/1941738119877180](https://doi.org/10.1177/1941738119877180).")
    ['10.1177/1941738119877180']
    """
    return sorted({match.rstrip(".").lower() for match in DOI_PATTERN.findall(unquote(text))})


def cite(keys, table: pd.DataFrame | None = None) -> str:
    """A lesson's References section as Markdown, one bullet per key, in the order given.

    Each entry reads ``Authors (year). Title. *Journal*. [doi:…](https://doi.org/…)``.

    Raises
    ------
    ValueError
        If a key is not in the reference list (the message names it).
    """
    table = load_references() if table is None else table
    missing = [k for k in keys if k not in table.index]
    if missing:
        raise ValueError(f"keys {missing} are not in {REFERENCES_PATH.name}")
    lines = []
    for key in keys:
        r = table.loc[key]
        address = f"https://doi.org/{quote(r['doi'], safe='/:;()')}"
        link = f"[doi:{r['doi']}]({address})" if r["doi"] else f"<{r['url']}>"
        lines.append(f"- {r['authors']} ({r['year']}). {r['title']}. *{r['journal']}*. {link}")
    return "\n".join(lines)
