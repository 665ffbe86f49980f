"""Reading the course's own CSV files: a fixed header, one parser per cell, and an error that
names the file, the line and the column whenever anything is wrong.

The loaders of :mod:`helpers.exercises`, :mod:`helpers.evidence`, :mod:`helpers.mobility` and
:mod:`helpers.meals` share this; each adds the checks that are its own (ids, cross-row rules).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn


def fail(path: Path, line: int, column: str, problem: str) -> NoReturn:
    """Raise the course's data error: ``"<file>, line <n>, column '<name>': <problem>"``."""
    raise ValueError(f"{path}, line {line}, column {column!r}: {problem}")


def read_rows(
    path: Path,
    columns: Sequence[str],
    parse_cell: Callable[[str, str], object],
    what: str = "rows",
    check_row: Callable[[dict], tuple[str, str] | None] | None = None,
) -> list[tuple[int, dict]]:
    """The data rows of a CSV file as ``(line number, record)``; blank lines are skipped.

    Parameters
    ----------
    path : Path
        The file (UTF-8, comma-separated, values with commas quoted).
    columns : sequence of str
        The exact header, in order.
    parse_cell : callable
        ``parse_cell(column, text)`` returns the value or raises ValueError with the problem.
    what : str
        What a row is, for the message when the file has a header but no rows.
    check_row : callable, optional
        ``check_row(record)`` returns ``(column, problem)`` for a bad row, or None.

    Raises
    ------
    ValueError
        Naming the file, the line and the column: empty file, header different from
        ``columns``, wrong number of values, a cell the parser refuses, a row ``check_row``
        refuses, unparseable CSV, or no data rows.
    """
    rows = []
    with Path(path).open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
            if header is None:
                fail(path, 1, columns[0], "the file is empty; expected a header row")
            header = [name.strip() for name in header]
            for position, expected in enumerate(columns):
                found = header[position] if position < len(header) else "<missing>"
                if found != expected:
                    fail(path, 1, expected, f"header has {found!r} where {expected!r} was expected")
            if len(header) > len(columns):
                fail(path, 1, header[len(columns)], "unexpected extra column in the header")
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue  # blank line
                if len(row) != len(columns):
                    fail(
                        path,
                        line,
                        columns[min(len(row), len(columns) - 1)],
                        f"expected {len(columns)} values, found {len(row)} "
                        "(quote any value that contains a comma)",
                    )
                record = {}
                for column, cell in zip(columns, row, strict=True):
                    try:
                        record[column] = parse_cell(column, cell.strip())
                    except ValueError as err:
                        fail(path, line, column, str(err))
                problem = check_row(record) if check_row else None
                if problem:
                    fail(path, line, *problem)
                rows.append((line, record))
        except csv.Error as err:
            fail(path, reader.line_num, columns[0], f"cannot parse the CSV ({err})")
        except UnicodeDecodeError as err:
            fail(path, 1, columns[0], f"the file is not UTF-8 text ({err.reason})")
    if not rows:
        fail(path, 2, columns[0], f"the file has a header but no {what}")
    return rows


def check_unique(path: Path, rows: list[tuple[int, dict]], column: str = "id") -> dict[str, int]:
    """Raise on a repeated value in ``column``; return each value's line."""
    first = {}
    for line, record in rows:
        value = record[column]
        if value in first:
            fail(path, line, column, f"duplicate {column} {value!r} (first on line {first[value]})")
        first[value] = line
    return first


def parse_list(column: str, value: str, allowed) -> tuple[str, ...]:
    """Split a ``;``-separated cell into a tuple, each item one of ``allowed``, none repeated.

    An empty cell is an empty tuple. A ValueError names the column, the item and what is allowed
    (the caller adds the file, the line and the column, see :func:`fail`).
    """
    if not value:
        return ()
    items = tuple(item.strip() for item in value.split(";"))
    for item in items:
        if item not in allowed:
            raise ValueError(f"unknown {column} item {item!r} (allowed: {', '.join(allowed)})")
    if len(set(items)) != len(items):
        raise ValueError(f"repeated item in {value!r}")
    return items
