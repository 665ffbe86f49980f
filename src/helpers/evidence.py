"""Study results shown in the lessons: load ``data/evidence/<name>.csv`` and check every number.

Each file holds one row per study or pooled estimate (columns in :data:`COLUMNS`, documented in
``data/README.md``). :func:`load_evidence` refuses a file whose rows break the rules and names the
file, the line and the column, so a typo in an effect size cannot reach a forest plot unnoticed.

Sign conventions: for running economy a negative change or effect size means a lower oxygen
cost (better economy); a relative risk (RR) below 1 means fewer injuries than in the controls.
Every interval the papers publish is carried (column ``interval`` says which kind it is), and
:func:`clear_effect` says whether an interval excludes "no effect", so that a lesson never
calls an estimate whose interval crosses the line an improvement.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from helpers import DATA_DIR
from helpers._table import read_rows

#: The columns of every evidence file, in file order.
COLUMNS = (
    "study",
    "year",
    "outcome",
    "comparison",
    "measure",
    "estimate",
    "ci_low",
    "ci_high",
    "interval",
    "n",
    "population",
    "doi",
    "note",
)
#: Effect measures: standardised mean difference, Hedges' g, a pre–post effect size,
#: a percentage (change vs control, or a share of a group), a relative risk, an odds ratio,
#: a risk difference in percentage points.
MEASURES = ("SMD", "g", "ES", "%", "RR", "OR", "RD")
#: Measures on a ratio scale (positive, no effect at 1, drawn on a log axis).
RATIO_MEASURES = ("RR", "OR")
#: Kinds of interval: a 95 % confidence interval as published; one published as
#: estimate ± 95 % confidence limits (stored as the two ends); the range of results across
#: studies (not a confidence interval, no pooled estimate); none published.
INTERVALS = ("ci95", "ci95_pm", "range", "none")
#: Columns that may be left empty.
OPTIONAL = ("estimate", "ci_low", "ci_high", "n", "note")
#: Where the course's evidence files live.
EVIDENCE_DIR = DATA_DIR / "evidence"

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def available() -> list[str]:
    """Names of the evidence files shipped with the course (``data/evidence/*.csv``), sorted."""
    return sorted(path.stem for path in EVIDENCE_DIR.glob("*.csv"))


def _number(value: str) -> float:
    """A finite float from a cell; raises ValueError saying what is wrong."""
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"must be finite, got {value!r}")
    return number


def _parse_cell(column: str, value: str):
    """One cell as its Python value (NaN/None for an empty optional cell)."""
    if not value:
        if column not in OPTIONAL:
            raise ValueError("required value is empty")
        return "" if column == "note" else math.nan
    if column == "year":
        if not value.isdigit() or not 1900 <= int(value) <= 2100:
            raise ValueError(f"year must be a whole number in [1900, 2100], got {value!r}")
        return int(value)
    if column == "interval" and value not in INTERVALS:
        raise ValueError(f"unknown interval {value!r} (allowed: {', '.join(INTERVALS)})")
    if column == "measure" and value not in MEASURES:
        raise ValueError(f"unknown measure {value!r} (allowed: {', '.join(MEASURES)})")
    if column in ("estimate", "ci_low", "ci_high"):
        return _number(value)
    if column == "n":
        if not value.isdigit() or int(value) < 1:
            raise ValueError(f"n must be a whole number >= 1 or empty, got {value!r}")
        return float(value)
    if column == "doi" and not _DOI.match(value):
        raise ValueError(f"doi must look like 10.xxxx/..., without https://doi.org/, got {value!r}")
    return value


def _check_row(record: dict) -> tuple[str, str] | None:
    """The (column, problem) of a row whose numbers do not fit together, else None."""
    low, high, estimate = record["ci_low"], record["ci_high"], record["estimate"]
    if math.isnan(low) != math.isnan(high):
        column = "ci_high" if math.isnan(high) else "ci_low"
        return column, "give both ci_low and ci_high, or neither"
    if math.isnan(estimate) and math.isnan(low):
        return "estimate", "an empty estimate needs a range in ci_low and ci_high"
    kind = record["interval"]
    if (kind == "none") != math.isnan(low):
        wanted = "empty ci_low and ci_high" if kind == "none" else "ci_low and ci_high"
        return "interval", f"interval {kind!r} needs {wanted}"
    if (kind == "range") != math.isnan(estimate):
        if kind == "range":
            return "estimate", "a 'range' row has no pooled estimate: leave estimate empty"
        return "estimate", f"an empty estimate needs interval 'range', got {kind!r}"
    if not math.isnan(low) and low > high:
        return "ci_low", f"ci_low {low:g} is above ci_high {high:g}"
    if not math.isnan(low) and not math.isnan(estimate) and not low <= estimate <= high:
        return "estimate", f"estimate {estimate:g} lies outside [{low:g}, {high:g}]"
    if record["measure"] in RATIO_MEASURES:
        for column in ("estimate", "ci_low", "ci_high"):
            if record[column] <= 0:  # NaN compares False: empty cells pass
                return column, f"a {record['measure']} must be > 0, got {record[column]:g}"
    return None


def load_evidence(name) -> pd.DataFrame:
    """Load and check one evidence file.

    Parameters
    ----------
    name : str or Path
        The name of a course file (``"running_economy"`` → ``data/evidence/running_economy.csv``;
        see :func:`available`) or the path of any CSV file with the columns in :data:`COLUMNS`.

    Returns
    -------
    DataFrame
        One row per study or estimate, columns as in the file. ``year`` is int; ``estimate``,
        ``ci_low``, ``ci_high`` and ``n`` are floats with NaN where the file leaves them empty
        (``n`` holds whole numbers; ``.astype("Int64")`` shows them without decimals); an empty
        ``note`` is ``""``.

    Raises
    ------
    ValueError
        If ``name`` names no file, or a row breaks the rules in ``data/README.md``: wrong header,
        wrong number of values, an empty required value, an unknown measure, a number that is not
        finite, only one CI bound, a CI with ci_low > ci_high or not containing the estimate, a
        ratio (RR, OR) <= 0, an ``interval`` kind that does not fit the row (``none`` with bounds,
        bounds without a kind, ``range`` with an estimate), a DOI not of the form ``10.xxxx/...``. The message names the file,
        the line and the column.

    Examples
    --------
    >>> injury = load_evidence("injury")
    >>> float(injury.loc[0, "estimate"])
    0.315

    References
    ----------
    Lauersen JB, Bertelsen DM, Andersen LB (2014). Br J Sports Med 48:871–7.
    doi:10.1136/bjsports-2013-092538
    """
    if isinstance(name, str) and _NAME.match(name):
        path = EVIDENCE_DIR / f"{name}.csv"
        if not path.is_file():
            raise ValueError(f"name must be one of {available()} or a CSV path, got {name!r}")
    else:
        path = Path(name)
        if not path.is_file():
            raise ValueError(f"name {str(name)!r} is not a file")

    rows = read_rows(path, COLUMNS, _parse_cell, "rows", _check_row)
    records = [record for _, record in rows]
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def no_effect(measure: str) -> float:
    """The value of "no effect" for a measure: 1 for ratios (RR, OR), 0 for the others."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, got {measure!r}")
    return 1.0 if measure in RATIO_MEASURES else 0.0


def clear_effect(table: pd.DataFrame) -> pd.Series:
    """Whether each row's confidence interval excludes "no effect" (boolean, NA without a CI).

    A row is clear when both ends of its 95 % CI lie strictly on the same side of the
    no-effect value (:func:`no_effect`): ``ci_high < 0`` or ``ci_low > 0`` for differences,
    the same around 1 for ratios. An interval that touches or crosses the line is not clear:
    the data are compatible with no effect, and the lesson must not call it an improvement.
    Rows with ``interval`` ``none`` or ``range`` (no CI) give ``<NA>``.

    Examples
    --------
    >>> economy = load_evidence("running_economy")
    >>> clear_effect(economy).tolist()[1:5]
    [True, True, True, False]
    """
    missing = [c for c in ("measure", "ci_low", "ci_high", "interval") if c not in table]
    if missing:
        raise ValueError(f"table must be from load_evidence; missing columns {missing}")
    null = table["measure"].map(no_effect)
    clear = (table["ci_high"] < null) | (table["ci_low"] > null)
    has_ci = table["interval"].isin(("ci95", "ci95_pm"))
    return clear.astype("boolean").where(has_ci, pd.NA)


def doi_url(doi: str) -> str:
    """The resolver link of a DOI: ``https://doi.org/<doi>``."""
    if not isinstance(doi, str) or not _DOI.match(doi):
        raise ValueError(f"doi must look like 10.xxxx/..., got {doi!r}")
    return f"https://doi.org/{doi}"


def label(table: pd.DataFrame) -> pd.Series:
    """One short row label per study for a forest plot: ``"Author year: comparison"``."""
    missing = [c for c in ("study", "year", "comparison") if c not in getattr(table, "columns", ())]
    if missing:
        raise ValueError(f"table must be from load_evidence; missing columns {missing}")
    return table["study"] + " " + table["year"].astype(str) + ": " + table["comparison"]
