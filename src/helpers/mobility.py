"""The yoga and mobility library for runners: load ``data/mobility.csv``, check it, filter it.

One row per pose or drill, written in the course's own words. The columns and their allowed
values are documented in ``data/README.md``; :func:`load_mobility` enforces them and reports a
bad row with the file, the line number and the column.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers import DATA_DIR
from helpers._checks import check_choice
from helpers._table import check_unique, parse_list, read_rows

#: The library's columns, in file order.
COLUMNS = ("id", "name", "target", "hold_s", "reps_or_sides", "cues", "caution", "when")
#: Body areas a pose may target.
TARGETS = (
    "hip_flexors",
    "quadriceps",
    "hamstrings",
    "glutes",
    "hip_rotators",
    "adductors",
    "hips",
    "calves",
    "ankles",
    "feet",
    "lower_back",
    "upper_back",
    "shoulders",
    "chest",
)
#: When a pose fits: static holds after a run or on a rest day, moving drills before a run.
WHEN = ("post_run", "rest_day", "pre_run_dynamic")
#: Longest hold or set the library allows [s].
MAX_HOLD_S = 300

_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def _parse_cell(column: str, value: str):
    """One cell as its Python value; raises ValueError saying what is wrong."""
    if not value:
        raise ValueError("required value is empty")
    if column == "id" and not _ID.match(value):
        raise ValueError(f"id must be snake_case (a-z, 0-9, _), got {value!r}")
    if column == "target":
        return parse_list(column, value, TARGETS)
    if column == "when":
        return parse_list(column, value, WHEN)
    if column == "hold_s":
        if not value.isdigit() or not 1 <= int(value) <= MAX_HOLD_S:
            raise ValueError(
                f"hold_s must be a whole number of seconds in [1, {MAX_HOLD_S}], got {value!r}"
            )
        return int(value)
    return value


def load_mobility(path=None) -> pd.DataFrame:
    """Load and check the mobility library.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns in :data:`COLUMNS`. Default: ``data/mobility.csv``.

    Returns
    -------
    DataFrame
        One row per pose; ``target`` and ``when`` are tuples of strings, ``hold_s`` is int [s].

    Raises
    ------
    ValueError
        If the file is missing or a row breaks the rules in ``data/README.md`` (wrong header or
        number of values, empty value, unknown target or ``when``, a hold outside 1–300 s, a
        duplicate id). The message names the file, the line and the column.

    Examples
    --------
    >>> poses = load_mobility()
    >>> int(poses.set_index("id").loc["low_lunge", "hold_s"])
    30
    """
    path = Path(DATA_DIR / "mobility.csv" if path is None else path)
    if not path.is_file():
        raise ValueError(f"path {str(path)!r} is not a file")

    rows = read_rows(path, COLUMNS, _parse_cell, "poses")
    check_unique(path, rows)
    records = [record for _, record in rows]
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def select_mobility(poses: pd.DataFrame, when=None, target=None) -> pd.DataFrame:
    """The poses that fit a moment (``when``) and/or train a body area (``target``).

    Parameters
    ----------
    poses : DataFrame
        From :func:`load_mobility`.
    when : str, optional
        One of :data:`WHEN`; ``None`` keeps every moment.
    target : str, optional
        One of :data:`TARGETS`; ``None`` keeps every area.

    Returns
    -------
    DataFrame
        The matching rows, in file order.

    Examples
    --------
    >>> len(select_mobility(load_mobility(), when="pre_run_dynamic")) > 0
    True
    """
    if not isinstance(poses, pd.DataFrame) or set(COLUMNS) - set(poses.columns):
        raise ValueError("poses must be a DataFrame from load_mobility")
    keep = pd.Series(True, index=poses.index)
    if when is not None:
        check_choice("when", when, WHEN)
        keep &= poses["when"].map(lambda moments: when in moments)
    if target is not None:
        check_choice("target", target, TARGETS)
        keep &= poses["target"].map(lambda areas: target in areas)
    return poses[keep]


def hold_by_target(poses: pd.DataFrame) -> pd.Series:
    """Total hold time per round [s] for each target area (a pose counts for each of its areas).

    Examples
    --------
    >>> hold_by_target(load_mobility()).index[0] in TARGETS
    True
    """
    if not isinstance(poses, pd.DataFrame) or set(COLUMNS) - set(poses.columns):
        raise ValueError("poses must be a DataFrame from load_mobility")
    exploded = poses[["target", "hold_s"]].explode("target")
    totals = exploded.groupby("target")["hold_s"].sum()
    return totals.reindex([t for t in TARGETS if t in totals.index]).rename("hold_s")
