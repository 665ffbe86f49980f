"""The exercise library: load ``data/exercises.csv``, check it, filter it, count muscle coverage.

Every row of the library is one exercise written in the course's own words (how to do it, common
faults, an easier and a harder option, why it matters for running). The file's columns and their
allowed values are documented in ``data/README.md``; :func:`load_exercises` enforces them and
reports a bad row with the file, the line number and the column.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from helpers import DATA_DIR
from helpers._checks import check_choice, check_integer
from helpers._table import check_unique, fail, parse_list, read_rows

#: The library's columns, in file order.
COLUMNS = (
    "id",
    "name",
    "group",
    "kind",
    "primary_muscles",
    "secondary_muscles",
    "equipment",
    "pattern",
    "unilateral",
    "level",
    "cues",
    "faults",
    "regression",
    "progression",
    "running_benefit",
)
#: Columns that may be left empty.
OPTIONAL = ("secondary_muscles", "regression", "progression")

GROUPS = ("core", "glutes", "legs", "upper")
KINDS = ("strength", "power", "isometric")
#: Levels from easiest to hardest (``select_exercises(level=...)`` keeps this level and below).
LEVELS = ("beginner", "intermediate", "advanced")
MUSCLES = (
    "quadriceps",
    "hamstrings",
    "glutes",
    "hip_abductors",
    "adductors",
    "hip_flexors",
    "calves",
    "tibialis",
    "core",
    "obliques",
    "lower_back",
    "upper_back",
    "chest",
    "shoulders",
    "arms",
)
EQUIPMENT = (
    "none",
    "dumbbell",
    "kettlebell",
    "barbell",
    "machine",
    "band",
    "box",
    "bench",
    "cable",
    "pullup_bar",
)
PATTERNS = (
    "squat",
    "hinge",
    "lunge",
    "bridge",
    "step",
    "calf_raise",
    "soleus_raise",
    "tibialis",
    "knee_flexion",
    "knee_extension",
    "hip_abduction",
    "anti_extension",
    "anti_rotation",
    "rotation",
    "carry",
    "jump",
    "hop",
    "push",
    "pull",
)
#: Named sets of available equipment for :func:`select_exercises`.
EQUIPMENT_PRESETS = {
    "home": frozenset({"none", "band", "dumbbell"}),
    "gym": frozenset(EQUIPMENT),
}

_CHOICES = {"group": GROUPS, "kind": KINDS, "level": LEVELS, "pattern": PATTERNS}
_LISTS = {"primary_muscles": MUSCLES, "secondary_muscles": MUSCLES, "equipment": EQUIPMENT}
_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
_BOOLS = {"true": True, "false": False}


def _parse_list(value: str, column: str, allowed) -> tuple[str, ...]:
    """A ';'-separated cell as a tuple (:func:`helpers._table.parse_list`); 'none' stands alone."""
    items = parse_list(column, value, allowed)
    if column == "equipment" and "none" in items and len(items) > 1:
        raise ValueError(f"'none' must stand alone, got {value!r}")
    return items


def _parse_cell(column: str, value: str):
    """One cell of the file as its Python value; raises ValueError saying what is wrong."""
    if not value and column not in OPTIONAL:
        raise ValueError("required value is empty")
    if column == "id" and not _ID.match(value):
        raise ValueError(f"id must be snake_case (a-z, 0-9, _), got {value!r}")
    if column in _CHOICES and value not in _CHOICES[column]:
        raise ValueError(f"unknown {column} {value!r} (allowed: {', '.join(_CHOICES[column])})")
    if column in _LISTS:
        return _parse_list(value, column, _LISTS[column])
    if column == "unilateral":
        if value.lower() not in _BOOLS:
            raise ValueError(f"unilateral must be true or false, got {value!r}")
        return _BOOLS[value.lower()]
    return value


def load_exercises(path=None) -> pd.DataFrame:
    """Load and check the exercise library.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the library's columns (:data:`COLUMNS`). Default: ``data/exercises.csv``.

    Returns
    -------
    DataFrame
        One row per exercise, columns as in the file; ``primary_muscles``,
        ``secondary_muscles`` and ``equipment`` are tuples of strings, ``unilateral`` is bool,
        empty ``regression``/``progression`` are ``""``.

    Raises
    ------
    ValueError
        If the file is missing or any row breaks the rules in ``data/README.md`` (wrong number
        of values, unknown group/kind/level/pattern/muscle/equipment, duplicate id, empty required
        value, a regression or progression that looks like an id but names no exercise). The
        message names the file, the line number and the column.

    Examples
    --------
    >>> library = load_exercises()
    >>> library.set_index("id").loc["plank", "group"]
    'core'
    """
    path = Path(DATA_DIR / "exercises.csv" if path is None else path)
    if not path.is_file():
        raise ValueError(f"path {str(path)!r} is not a file")

    rows = read_rows(path, COLUMNS, _parse_cell, "exercises")
    ids = check_unique(path, rows)
    for line, record in rows:
        for column in ("regression", "progression"):
            value = record[column]
            if _ID.match(value) and value not in ids:
                fail(path, line, column, f"{value!r} looks like an id but no exercise has it")
    records = [record for _, record in rows]
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def _as_choices(name: str, value, choices) -> set[str]:
    """A single choice or a collection of choices, each checked, as a set."""
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, Iterable) or not (values := list(values)):
        raise ValueError(
            f"{name} must be one of {list(choices)} or a non-empty list, got {value!r}"
        )
    for item in values:
        check_choice(name, item, choices)
    return set(values)


def _check_library(exercises) -> None:
    """Raise ValueError unless ``exercises`` is a library table."""
    if not isinstance(exercises, pd.DataFrame):
        raise ValueError(
            f"exercises must be a DataFrame from load_exercises, got {type(exercises)}"
        )
    missing = [column for column in COLUMNS if column not in exercises.columns]
    if missing:
        raise ValueError(f"exercises is missing columns {missing}")


def select_exercises(
    exercises: pd.DataFrame, group=None, equipment=None, level=None, kind=None
) -> pd.DataFrame:
    """The exercises that match a group, the equipment at hand, a maximum level and a kind.

    Parameters
    ----------
    exercises : DataFrame
        The library, as returned by :func:`load_exercises`.
    group : str or list of str, optional
        Keep these groups (:data:`GROUPS`). Default: all.
    equipment : set of str or str, optional
        The equipment available (items of :data:`EQUIPMENT`) or a preset name from
        :data:`EQUIPMENT_PRESETS` (``"home"``, ``"gym"``). An exercise is kept when every item it
        needs is available; ``"none"`` (bodyweight) is always available, so an empty set keeps
        the bodyweight exercises. Default: everything.
    level : str, optional
        The hardest level to keep (:data:`LEVELS`): ``"intermediate"`` keeps beginner and
        intermediate exercises. Default: all.
    kind : str or list of str, optional
        Keep these kinds (:data:`KINDS`). Default: all.

    Returns
    -------
    DataFrame
        The matching rows, in library order, with their original index.

    Examples
    --------
    >>> library = load_exercises()
    >>> home = select_exercises(library, group="legs", equipment="home", level="beginner")
    >>> "calf_raise" in set(home["id"])
    True
    """
    _check_library(exercises)
    keep = pd.Series(True, index=exercises.index)
    if group is not None:
        keep &= exercises["group"].isin(_as_choices("group", group, GROUPS))
    if kind is not None:
        keep &= exercises["kind"].isin(_as_choices("kind", kind, KINDS))
    if level is not None:
        check_choice("level", level, LEVELS)
        keep &= exercises["level"].map(LEVELS.index) <= LEVELS.index(level)
    if equipment is not None:
        if isinstance(equipment, str):
            check_choice("equipment", equipment, EQUIPMENT_PRESETS)
            available = set(EQUIPMENT_PRESETS[equipment])
        else:
            if not isinstance(equipment, Iterable):
                raise ValueError(f"equipment must be a set of items or a preset, got {equipment!r}")
            available = {check_choice("equipment", item, EQUIPMENT) for item in equipment}
            available.add("none")
        keep &= exercises["equipment"].map(lambda items: set(items) <= available)
    return exercises[keep]


def muscle_coverage(exercises: pd.DataFrame) -> pd.DataFrame:
    """How many exercises train each muscle, as a primary mover and as a synergist.

    Parameters
    ----------
    exercises : DataFrame
        The library or a selection of it (:func:`select_exercises`).

    Returns
    -------
    DataFrame
        Index: every muscle of :data:`MUSCLES` (in that order, zero when untrained); columns
        ``primary`` and ``secondary``: number of exercises listing the muscle there.

    Examples
    --------
    >>> coverage = muscle_coverage(load_exercises())
    >>> int(coverage.loc["tibialis", "primary"])
    1
    """
    _check_library(exercises)
    table = pd.DataFrame(
        0, index=pd.Index(MUSCLES, name="muscle"), columns=["primary", "secondary"]
    )
    for role in ("primary", "secondary"):
        for muscles in exercises[f"{role}_muscles"]:
            for muscle in muscles:
                table.loc[muscle, role] += 1
    return table


def _exercise_row(exercises: pd.DataFrame, exercise_id: str) -> pd.Series:
    """The library row of ``exercise_id``; raises ValueError naming it when unknown."""
    _check_library(exercises)
    rows = exercises[exercises["id"] == exercise_id]
    if rows.empty:
        raise ValueError(f"exercise_id {exercise_id!r} is not in the library")
    return rows.iloc[0]


def progression_chain(exercises: pd.DataFrame, exercise_id: str, direction: str = "progression"):
    """The ladder of easier or harder exercises that starts at ``exercise_id``.

    Follows the ``progression`` (or ``regression``) column from id to id until it meets plain
    words or an empty value, and stops before an id it has already visited.

    Parameters
    ----------
    exercises : DataFrame
        The library, as returned by :func:`load_exercises`.
    exercise_id : str
        Where the ladder starts.
    direction : {"progression", "regression"}
        Harder (default) or easier.

    Returns
    -------
    list of str
        Ids from ``exercise_id`` onward, then the final plain-words step if there is one.

    Examples
    --------
    >>> progression_chain(load_exercises(), "calf_raise")
    ['calf_raise', 'single_leg_calf_raise', 'weighted_single_leg_calf_raise', 'Heavier dumbbell']
    """
    check_choice("direction", direction, ("progression", "regression"))
    chain = [exercise_id]
    step = _exercise_row(exercises, exercise_id)[direction]
    while step and step not in chain:
        chain.append(step)
        if not _ID.match(step):
            break
        step = _exercise_row(exercises, step)[direction]
    return chain


def exercise_card(exercises: pd.DataFrame, exercise_id: str, width: int = 90) -> str:
    """A plain-text card for one exercise: muscles, how to do it, faults, easier, harder, why.

    :func:`helpers.figures.cards.exercise_card` shows the same card with the drawing of the
    start and end positions beside it.

    Parameters
    ----------
    exercises : DataFrame
        The library, as returned by :func:`load_exercises`.
    exercise_id : str
        The exercise to show.
    width : int
        Wrap lines at this many characters (40–200).

    Returns
    -------
    str

    Examples
    --------
    >>> print(exercise_card(load_exercises(), "plank").splitlines()[0])
    Front plank (core, isometric, beginner, bodyweight)
    """
    row = _exercise_row(exercises, exercise_id)
    check_integer("width", width, 40, 200)
    names = exercises.set_index("id")["name"]

    def option(value: str) -> str:
        return names[value] if value in names.index else value or "-"

    equipment = "bodyweight" if row["equipment"] == ("none",) else " + ".join(row["equipment"])
    side = ", one side at a time" if row["unilateral"] else ""
    muscles = ", ".join(row["primary_muscles"])
    if row["secondary_muscles"]:
        muscles += f" (also {', '.join(row['secondary_muscles'])})"
    fields = [
        ("Muscles", muscles.replace("_", " ")),
        ("How", row["cues"]),
        ("Faults", row["faults"]),
        ("Easier", option(row["regression"])),
        ("Harder", option(row["progression"])),
        ("Why", row["running_benefit"]),
    ]
    lines = [f"{row['name']} ({row['group']}, {row['kind']}, {row['level']}, {equipment}{side})"]
    for label, text in fields:
        lines += textwrap.wrap(
            text, width, initial_indent=f"  {label + ':':<9}", subsequent_indent=" " * 11
        )
    return "\n".join(lines)


def display_table(exercises: pd.DataFrame, columns=("name", "group", "level", "equipment")):
    """A readable view of library rows: indexed by id, lists joined with ", ", for showing.

    Parameters
    ----------
    exercises : DataFrame
        The library or a selection of it.
    columns : sequence of str
        Library columns to show (any of :data:`COLUMNS` except ``id``).

    Returns
    -------
    DataFrame
        Index ``id``; list columns as text such as ``"barbell, bench"``.

    Examples
    --------
    >>> display_table(load_exercises(), ["equipment"]).loc["hip_thrust", "equipment"]
    'barbell, bench'
    """
    _check_library(exercises)
    columns = list(columns)
    for column in columns:
        check_choice("columns", column, COLUMNS[1:])
    table = exercises.set_index("id")[columns].copy()
    for column in set(columns) & set(_LISTS):
        table[column] = table[column].map(", ".join)
    return table
