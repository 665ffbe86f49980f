"""Training-log schema shared by every reader: columns, sports, ImportResult, row helpers."""

from __future__ import annotations

import csv
import io
import math
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

LOG_COLUMNS = (
    "start",
    "date",
    "sport",
    "name",
    "duration_min",
    "distance_km",
    "rpe",
    "avg_hr",
    "load",
    "load_estimated",
    "source",
)
SET_COLUMNS = (
    "start",
    "date",
    "workout",
    "exercise",
    "set",
    "set_type",
    "reps",
    "weight_kg",
    "weight_unit",
    "rpe",
    "notes",
    "source",
)
SKIPPED_COLUMNS = ("file", "line", "reason")
FILE_COLUMNS = ("line", "filename", "status", "reason")
SPORTS = ("run", "strength", "cross", "other")

#: CR-10 RPE assumed when a session has no rating (course assumption; see module docstring).
DEFAULT_RPE = {"run": 5.0, "strength": 6.0, "cross": 4.0, "other": 4.0}

#: Strava's English activity types → sport, for reference; the readers use the tables of
#: :mod:`helpers.logs.activity_types` (every language), which a test keeps in agreement.
STRAVA_SPORTS = {
    "Run": "run",
    "Trail Run": "run",
    "Virtual Run": "run",
    "Weight Training": "strength",
    "Crossfit": "strength",
    "Walk": "cross",
    "Hike": "cross",
    "Ride": "cross",
    "Virtual Ride": "cross",
    "E-Bike Ride": "cross",
    "Swim": "cross",
    "Rowing": "cross",
    "Elliptical": "cross",
    "Stair-Stepper": "cross",
    "Nordic Ski": "cross",
    "Yoga": "other",
    "Workout": "other",
}

#: FIT/GPX/TCX sport names (lower case) → sport. Others map to ``other``.
FIT_SPORTS = {
    "running": "run",
    "run": "run",
    "trail_running": "run",
    "training": "strength",
    "strength_training": "strength",
    "fitness_equipment": "cross",
    "cycling": "cross",
    "biking": "cross",
    "swimming": "cross",
    "walking": "cross",
    "hiking": "cross",
    "rowing": "cross",
    "cross_country_skiing": "cross",
}

#: Largest size a zip member may decompress to [bytes].
#: Largest size a zip member may decompress to [bytes].
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


class RowError(Exception):
    """A row that cannot be read; its message becomes the ``reason`` in ``skipped``."""


@dataclass
class ImportResult:
    """What every reader returns: the session log, the per-set table, the skipped rows.

    Attributes
    ----------
    log : DataFrame
        One row per session (columns :data:`LOG_COLUMNS`).
    sets : DataFrame
        One row per set for strength files (columns :data:`SET_COLUMNS`), else empty.
    skipped : DataFrame
        Rows not imported: ``file``, ``line``, ``reason``.
    rows_read : int
        Data rows (or session messages, tracks, activities) found in the file.
    kept : int or None
        Rows read that were imported, when that is not simply ``len(sets)`` (set-per-row
        files) or ``len(log)``: a multisport FIT file folds transitions into legs, a bulk
        export counts its CSV rows.
    notes : DataFrame
        How a reader decided something not written in the file (``file``, ``line``,
        ``reason``): the sport inferred for an untyped GPX track, for example.
    files : DataFrame
        Bulk exports only: each CSV row's ``line``, ``filename``, ``status`` (``matched``,
        ``csv only``, ``skipped``) and ``reason``.
    """

    log: pd.DataFrame
    sets: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SET_COLUMNS))
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))
    rows_read: int = 0
    kept: int | None = None
    notes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))
    files: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=FILE_COLUMNS))

    def reconciles(self) -> bool:
        """True when every row read is imported (log or set table) or in ``skipped``."""
        if self.kept is not None:
            kept = self.kept
        else:
            kept = len(self.sets) if len(self.sets) else len(self.log)
        return self.rows_read == kept + len(self.skipped)

    def __iter__(self):
        # Allows ``log, sets, skipped = read_...(path)``.
        return iter((self.log, self.sets, self.skipped))


# ---------------------------------------------------------------- shared helpers


def _tzinfo(tz):
    if tz is None or tz == "UTC":
        return UTC
    if not isinstance(tz, str):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"tz must be an IANA timezone name such as 'Europe/Paris', got {tz!r}"
        ) from None


def _aware(moment: datetime, tz) -> datetime:
    """A naive datetime is read in ``tz``; an aware one is kept."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=tz)
    return moment


def _number(value: str, what: str, *, allow_empty: bool = True) -> float:
    text = (value or "").strip().replace(",", "")
    if not text:
        if allow_empty:
            return math.nan
        raise RowError(f"{what} is empty")
    try:
        number = float(text)
    except ValueError:
        raise RowError(f"{what} {value!r} is not a number") from None
    if not math.isfinite(number):
        raise RowError(f"{what} {value!r} is not finite")
    return number


def _non_negative(value: str, what: str, *, allow_empty: bool = True) -> float:
    number = _number(value, what, allow_empty=allow_empty)
    if number < 0:
        raise RowError(f"{what} {value!r} is negative")
    return number


def _rpe(value: str) -> float:
    rpe = _number(value, "RPE")
    if not math.isnan(rpe) and not 0 <= rpe <= 10:
        raise RowError(f"RPE {value!r} is outside 0–10")
    return rpe


def _session(start, sport, name, minutes, km, rpe, hr, source) -> dict:
    estimated = math.isnan(rpe)
    load = minutes * (DEFAULT_RPE[sport] if estimated else rpe)
    return {
        "start": start,
        "date": start.date(),
        "sport": sport,
        "name": name,
        "duration_min": minutes,
        "distance_km": math.nan if sport == "strength" else km,
        "rpe": rpe,
        "avg_hr": hr,
        "load": load,
        "load_estimated": estimated,
        "source": source,
    }


def _log_frame(rows: list[dict]) -> pd.DataFrame:
    log = pd.DataFrame(rows, columns=LOG_COLUMNS)
    for column in ("duration_min", "distance_km", "rpe", "avg_hr", "load"):
        log[column] = log[column].astype(float)
    log["load_estimated"] = log["load_estimated"].astype(bool)
    log["start"] = pd.to_datetime(log["start"], utc=True) if len(log) else log["start"]
    log = log.sort_values("start", kind="stable").reset_index(drop=True)
    return log


def _skipped_frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=SKIPPED_COLUMNS)


def gunzip(data: bytes, name: str) -> bytes:
    """The bytes inside a gzip file (Strava ships ``activities/*.fit.gz``, ``*.gpx.gz``), or the
    bytes as given when they are not gzipped. Refuses more than :data:`MAX_UNZIPPED_BYTES`."""
    if data[:2] != b"\x1f\x8b":
        return data
    limit = MAX_UNZIPPED_BYTES
    unpacker = zlib.decompressobj(wbits=31)
    try:
        inner = unpacker.decompress(data, limit + 1)
    except zlib.error as err:
        raise ValueError(f"{name}: not a readable gzip file ({err})") from None
    if len(inner) > limit:
        raise ValueError(f"{name}: decompresses beyond the size limit of {limit:,} bytes")
    if not unpacker.eof:
        raise ValueError(f"{name}: not a readable gzip file (truncated)")
    return inner


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    return path.read_bytes()


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise ValueError(f"{name}: the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"{name}: not UTF-8 text ({err.reason} at byte {err.start})") from None


def _csv_records(text: str, name: str):
    """The header and ``(line number, fields)`` for each record after it.

    The delimiter is ``;`` when the first line has more semicolons than commas (Strong's
    Android export), else ``,``.
    """
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header:
            raise ValueError(f"{name}: the file has no header row")
        records = []
        line = reader.line_num
        for fields in reader:
            if fields and any(f.strip() for f in fields):
                records.append((line + 1, fields))
            line = reader.line_num
    except csv.Error as err:
        raise ValueError(f"{name}: not a readable CSV file ({err})") from None
    return [h.strip() for h in header], records
