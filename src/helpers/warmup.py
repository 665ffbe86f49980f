"""The warm-up before lifting, and which library exercises a planned strength session holds.

The warm-up follows the RAMP structure (Jeffreys 2007): **r**aise heart rate and muscle
temperature, **a**ctivate and **m**obilise the muscles and joints the session will use, then
**p**otentiate with a few fast, light efforts and ramp-up sets of the first lift. The steps live
in ``data/warmup.csv`` (columns in ``data/README.md``); each names the drawing
(``data/poses.csv``) that shows it.

:func:`session_exercise_ids` reads a strength session of a plan (:func:`helpers.plans.build_plan`)
as library ids, for the gym sheet.

References
----------
.. [1] Jeffreys I (2007). Warm-up revisited: the ramp method of optimizing warm-ups.
   Professional Strength and Conditioning 6:12–18 (UKSCA; no DOI).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import DATA_DIR
from helpers._table import check_unique, read_rows

COLUMNS = ("step", "part", "name", "drawing", "dose", "minutes", "why")
#: The parts of RAMP, in order (activate and mobilise are one letter pair, two kinds of step).
PARTS = ("raise", "activate", "mobilise", "potentiate")
#: A plan line that announces the warm-up rather than an exercise.
WARMUP_LINE = "RAMP warm-up"


def _parse_cell(column: str, value: str):
    if column in ("step", "minutes"):
        if not value.isdigit() or int(value) < 1:
            raise ValueError(f"{column} must be a whole number ≥ 1, got {value!r}")
        return int(value)
    if column == "part" and value not in PARTS:
        raise ValueError(f"part must be one of {list(PARTS)}, got {value!r}")
    if not value and column != "drawing":
        raise ValueError("required value is empty")
    return value


def load_warmup(path=None) -> pd.DataFrame:
    """The warm-up steps, in order.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns :data:`COLUMNS`. Default: ``data/warmup.csv``.

    Returns
    -------
    DataFrame
        One row per step: ``step`` and ``minutes`` as int, ``drawing`` a pose id or ``""``.

    Raises
    ------
    ValueError
        Naming the file, line and column: an unknown part, a step or minutes that is not a
        whole number, a repeated step, steps out of order, parts out of the RAMP order.

    Examples
    --------
    >>> warmup = load_warmup()
    >>> int(warmup["minutes"].sum())  # the plans' "about 8–10 min"
    10
    """
    path = Path(DATA_DIR / "warmup.csv" if path is None else path)
    if not path.is_file():
        raise ValueError(f"path {str(path)!r} is not a file")
    rows = read_rows(path, COLUMNS, _parse_cell, "warm-up steps")
    check_unique(path, rows, "step")
    order = [PARTS.index(record["part"]) for _, record in rows]
    steps = [record["step"] for _, record in rows]
    if steps != sorted(steps) or order != sorted(order):
        raise ValueError(f"{path}: steps must be in order and follow {' → '.join(PARTS)}")
    return pd.DataFrame.from_records([r for _, r in rows], columns=list(COLUMNS))


def session_exercise_ids(session, exercises: pd.DataFrame) -> list[str]:
    """The library ids of one planned strength session, in the plan's order.

    Uses the session's ``exercise_ids`` when the plan has that column; otherwise matches each
    line of ``exercises`` (``"Glute bridge 3×12 @ RPE 7"``) to the library name it starts with
    (the longest such name). A line announcing the warm-up (:data:`WARMUP_LINE`) is skipped.

    Parameters
    ----------
    session : Series or dict
        A row of ``plan.sessions`` with ``kind == "strength"``.
    exercises : DataFrame
        The library (:func:`helpers.exercises.load_exercises`).

    Returns
    -------
    list of str

    Raises
    ------
    ValueError
        If the session is not a strength session or a line names no library exercise.
    """
    kind = session.get("kind") if hasattr(session, "get") else None
    if kind != "strength":
        raise ValueError(f"session must be a strength session, got kind {kind!r}")
    ids = session.get("exercise_ids")
    if isinstance(ids, list | tuple) and len(ids):
        unknown = [i for i in ids if i not in set(exercises["id"])]
        if unknown:
            raise ValueError(f"session exercise_ids {unknown} are not in the library")
        return list(ids)
    names = sorted(zip(exercises["name"], exercises["id"], strict=True), key=lambda x: -len(x[0]))
    found = []
    for line in session["exercises"]:
        if line.startswith(WARMUP_LINE):
            continue
        match = next((i for name, i in names if line.lower().startswith(name.lower())), None)
        if match is None:
            raise ValueError(f"session line {line!r} starts with no exercise name of the library")
        found.append(match)
    return found


def session_doses(session) -> list[str]:
    """The dose part of each exercise line (``"3×12 @ RPE 7"``), the warm-up line left out."""
    return [line for line in session["exercises"] if not line.startswith(WARMUP_LINE)]
