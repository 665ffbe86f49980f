"""Import training logs: Strava bulk export, FIT, GPX, TCX, Strong and Hevy CSV files.

Every reader returns an :class:`ImportResult` with three tables:

``log``
    The **training-log schema**, one row per session:

    ==================  =======================================================================
    ``start``           session start, timezone-aware ``datetime`` (a naive time in the file is
                        taken as UTC unless the reader's ``tz=`` names another zone)
    ``date``            calendar date of ``start`` in its own timezone (``datetime.date``)
    ``sport``           ``run``, ``strength``, ``cross`` or ``other`` (see :data:`STRAVA_SPORTS`
                        and :data:`FIT_SPORTS`)
    ``name``            the session's title as plain text (never interpreted as HTML)
    ``duration_min``    duration [min]
    ``distance_km``     distance [km]; NaN for strength sessions and when the file has none
    ``rpe``             session RPE on the CR-10 scale (0–10), NaN when the file has none
    ``avg_hr``          average heart rate [bpm], NaN when the file has none
    ``load``            session load [AU]: RPE × minutes (Foster 2001) when ``rpe`` is known,
                        otherwise the **estimate** minutes × :data:`DEFAULT_RPE` of the sport
    ``load_estimated``  True where ``load`` is that estimate
    ``source``          ``"<file>:<line>"`` (FIT: ``"<file>:session <n>"``; GPX: track number)
    ==================  =======================================================================

``sets``
    Strength imports only (Strong, Hevy), one row per set: ``start``, ``date``, ``workout``,
    ``exercise``, ``set``, ``set_type``, ``reps``, ``weight_kg``, ``rpe``, ``notes``, ``source``.
    Other readers return it empty with the same columns.

``skipped``
    Rows that could not be read: ``file``, ``line``, ``reason``. Nothing is dropped silently:
    ``rows_read == len(log) + len(skipped)`` for session files and
    ``rows_read == len(sets) + len(skipped)`` for set-per-row files (Strong, Hevy); see
    :meth:`ImportResult.reconciles`.

A file that cannot be read at all (empty, truncated, not UTF-8, wrong format or header) raises
``ValueError`` naming the file and the problem.

The estimated load is a course assumption, not a published constant: without a rating we take a
moderate effort (CR-10 RPE 5 for running, 6 for lifting, 4 for cross-training and other). It keeps
a session's minutes in the daily load instead of counting it as rest; the ``load_estimated``
column lets a lesson show or drop those rows.

References
----------
Foster C, Florhaug JA, Franklin J, et al. (2001). A new approach to monitoring exercise training.
J Strength Cond Res 15:109–115.
"""

from __future__ import annotations

import csv
import functools
import io
import math
import re
import struct
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from helpers._checks import check_choice, check_range
from helpers.load import combined_load, daily_series

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
    "rpe",
    "notes",
    "source",
)
SKIPPED_COLUMNS = ("file", "line", "reason")
SPORTS = ("run", "strength", "cross", "other")

#: CR-10 RPE assumed when a session has no rating (course assumption; see module docstring).
DEFAULT_RPE = {"run": 5.0, "strength": 6.0, "cross": 4.0, "other": 4.0}

#: Strava activity type → sport. Types not listed map to ``other``.
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
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
KM_PER_MILE = 1.609344
KG_PER_LB = 0.45359237

STRAVA_REQUIRED = ("Activity Date", "Activity Name", "Activity Type", "Elapsed Time", "Distance")
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
).split(",")
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
    "set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
).split(",")
TCX_NS = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}


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
    """

    log: pd.DataFrame
    sets: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SET_COLUMNS))
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))
    rows_read: int = 0

    def reconciles(self) -> bool:
        """True when every row read is in the log (or set table) or in ``skipped``."""
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
    """(line number, fields) for each record after the header, and the header itself."""
    reader = csv.reader(io.StringIO(text, newline=""))
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


# ---------------------------------------------------------------- Strava


def _strava_text(path: Path) -> tuple[str, str]:
    """The text of activities.csv from the file, the folder or the export zip."""
    if path.is_dir():
        path = path / "activities.csv"
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [i for i in archive.infolist() if i.filename.endswith("activities.csv")]
            if not members:
                raise ValueError(f"{path}: the zip has no activities.csv")
            info = min(members, key=lambda i: len(i.filename))
            if info.file_size > MAX_UNZIPPED_BYTES:
                raise ValueError(
                    f"{path}: {info.filename} would decompress to {info.file_size:,} bytes, "
                    f"more than the limit of {MAX_UNZIPPED_BYTES:,}"
                )
            with archive.open(info) as member:
                data = member.read(MAX_UNZIPPED_BYTES + 1)
            if len(data) > MAX_UNZIPPED_BYTES:
                raise ValueError(f"{path}: {info.filename} decompresses beyond the size limit")
        name = f"{path.name}/{info.filename}"
        return _decode(data, name), name
    return _decode(_read_bytes(path), path.name), path.name


def _strava_date(text: str, tz) -> datetime:
    text = text.strip()
    for pattern in ("%b %d, %Y, %I:%M:%S %p", "%b %d, %Y %I:%M:%S %p"):
        try:
            return _aware(datetime.strptime(text, pattern), tz)
        except ValueError:
            pass
    try:
        return _aware(datetime.fromisoformat(text), tz)
    except ValueError:
        raise RowError(f"date {text!r} is not like 'Mar 5, 2024, 6:12:00 AM'") from None


def _distance_scale(header, records, first, metres, distance_unit) -> float:
    """km per unit of the first Distance column (auto: from its ratio to the metres column)."""
    if distance_unit == "km":
        return 1.0
    if distance_unit == "mi":
        return KM_PER_MILE
    ratios = []
    if metres is not None:
        for _, fields in records:
            try:
                shown, m = float(fields[first]), float(fields[metres])
            except (ValueError, IndexError):
                continue
            if shown > 0 and m > 0:
                ratios.append(m / 1000 / shown)
    if ratios and abs(np.median(ratios) - KM_PER_MILE) < 0.15:
        return KM_PER_MILE
    return 1.0


def read_strava_export(path, distance_unit: str = "auto", tz="UTC") -> ImportResult:
    """Read a Strava bulk export: ``activities.csv``, the export zip, or its unpacked folder.

    The file repeats some column names (Elapsed Time, Distance, Max Heart Rate, Relative
    Effort); it is read with :mod:`csv` so both copies survive. Distance: the second
    ``Distance`` column is in metres and is preferred; the first is in the athlete's display
    unit (km or miles), used when the metres cell is empty (0 there means "no distance" and
    gives NaN). Duration is the first
    ``Elapsed Time`` [s]; RPE is ``Perceived Exertion`` (1–10) when filled in; average heart
    rate is ``Average Heart Rate``. Activity types map to sports by :data:`STRAVA_SPORTS`.

    Parameters
    ----------
    path : str or Path
        ``activities.csv``, the export ``.zip`` (a member larger than 200 MB unpacked is
        refused) or the export folder.
    distance_unit : {"auto", "km", "mi"}
        Unit of the first Distance column; ``auto`` compares it with the metres column
        (km when there is nothing to compare).
    tz : str
        Timezone of the dates; Strava writes them in UTC, so keep the default.

    Returns
    -------
    ImportResult
        ``log`` (training-log schema), empty ``sets``, ``skipped`` rows with reasons.

    Examples
    --------
    >>> result = read_strava_export("data/samples/strava_export")  # doctest: +SKIP
    >>> result.log[["date", "sport", "distance_km", "load"]].head()  # doctest: +SKIP
    """
    check_choice("distance_unit", distance_unit, ("auto", "km", "mi"))
    tzinfo = _tzinfo(tz)
    text, name = _strava_text(Path(path))
    header, records = _csv_records(text, name)
    missing = [c for c in STRAVA_REQUIRED if c not in header]
    if missing:
        raise ValueError(
            f"{name}: not a Strava activities.csv (missing columns {', '.join(missing)})"
        )

    def first(column):
        return header.index(column) if column in header else None

    def second(column):
        hits = [i for i, h in enumerate(header) if h == column]
        return hits[1] if len(hits) > 1 else None

    date_i, name_i, type_i = first("Activity Date"), first("Activity Name"), first("Activity Type")
    time_i, km_i, m_i = first("Elapsed Time"), first("Distance"), second("Distance")
    rpe_i, hr_i = first("Perceived Exertion"), first("Average Heart Rate")
    scale = _distance_scale(header, records, km_i, m_i, distance_unit)

    def cell(fields, index):
        return fields[index] if index is not None and index < len(fields) else ""

    rows, skipped = [], []
    for line, fields in records:
        try:
            if len(fields) < len(header):
                raise RowError(f"row has {len(fields)} fields, the header has {len(header)}")
            start = _strava_date(cell(fields, date_i), tzinfo)
            seconds = _non_negative(cell(fields, time_i), "Elapsed Time", allow_empty=False)
            metres = _non_negative(cell(fields, m_i), "Distance (m)")
            if math.isnan(metres):
                km = _non_negative(cell(fields, km_i), "Distance") * scale
                km = math.nan if km == 0 else km  # Strava writes 0.00 for "no distance"
            else:
                km = metres / 1000
            sport = STRAVA_SPORTS.get(cell(fields, type_i).strip(), "other")
            rpe = _rpe(cell(fields, rpe_i))
            hr = _non_negative(cell(fields, hr_i), "Average Heart Rate")
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        rows.append(
            _session(
                start,
                sport,
                cell(fields, name_i),
                seconds / 60,
                km,
                rpe,
                hr,
                f"{name}:{line}",
            )
        )
    return ImportResult(_log_frame(rows), skipped=_skipped_frame(skipped), rows_read=len(records))


# ---------------------------------------------------------------- FIT, GPX, TCX


def _sport(value) -> str:
    return FIT_SPORTS.get(str(value or "").strip().lower(), "other")


def read_fit(path, tz="UTC") -> ImportResult:
    """Read the sessions of a Garmin/Wahoo/Coros ``.fit`` activity file (with fitdecode).

    Each ``session`` message becomes one row: ``start_time``, ``sport`` (mapped by
    :data:`FIT_SPORTS`; ``sub_sport`` ``strength_training`` counts as strength),
    ``total_timer_time`` [s], ``total_distance`` [m] and ``avg_heart_rate`` [bpm]. FIT files
    carry no session RPE, so the load is the estimate (see the module docstring).

    Parameters
    ----------
    path : str or Path
        The ``.fit`` file.
    tz : str
        Timezone for naive timestamps (FIT timestamps are UTC).

    Returns
    -------
    ImportResult

    Raises
    ------
    ValueError
        The file is empty, truncated, corrupt or not a FIT file (message names the file).
    """
    import fitdecode

    path = Path(path)
    tzinfo = _tzinfo(tz)
    data = _read_bytes(path)
    if not data:
        raise ValueError(f"{path.name}: the file is empty")
    sessions = []
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as fit:
            for frame in fit:
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                    values = {f.name: f.value for f in frame.fields}
                    sessions.append(values)
    except (fitdecode.FitError, EOFError, struct.error, UnicodeDecodeError) as err:
        raise ValueError(f"{path.name}: not a readable FIT file ({err})") from None
    rows, skipped = [], []
    for n, values in enumerate(sessions, start=1):
        source = f"{path.name}:session {n}"
        try:
            start = values.get("start_time")
            if not isinstance(start, datetime):
                raise RowError("session has no start_time")
            seconds = values.get("total_timer_time") or values.get("total_elapsed_time")
            if seconds is None or not seconds >= 0:
                raise RowError(f"total_timer_time {seconds!r} is missing or negative")
            metres = values.get("total_distance")
            hr = values.get("avg_heart_rate")
            sport = _sport(values.get("sport"))
            if str(values.get("sub_sport")) == "strength_training":
                sport = "strength"
        except RowError as err:
            skipped.append((path.name, f"session {n}", str(err)))
            continue
        rows.append(
            _session(
                _aware(start, tzinfo),
                sport,
                str(values.get("sport") or ""),
                float(seconds) / 60,
                math.nan if metres is None else float(metres) / 1000,
                math.nan,
                math.nan if hr is None else float(hr),
                source,
            )
        )
    return ImportResult(_log_frame(rows), skipped=_skipped_frame(skipped), rows_read=len(sessions))


def read_gpx(path, tz="UTC") -> ImportResult:
    """Read the tracks of a ``.gpx`` file (with gpxpy); one row per track.

    Start is the first point's time, duration the span to the last point, distance the 2-D
    track length; the sport comes from the track's ``<type>`` (mapped by :data:`FIT_SPORTS`,
    default ``run``, as most GPX exports are runs). A track without timestamps is skipped.

    Parameters
    ----------
    path : str or Path
    tz : str
        Timezone for point times written without one.

    Returns
    -------
    ImportResult
    """
    import gpxpy
    import gpxpy.gpx

    path = Path(path)
    tzinfo = _tzinfo(tz)
    text = _decode(_read_bytes(path), path.name)
    try:
        gpx = gpxpy.parse(text)
    except gpxpy.gpx.GPXException as err:
        raise ValueError(f"{path.name}: not a readable GPX file ({err})") from None
    rows, skipped = [], []
    for n, track in enumerate(gpx.tracks, start=1):
        bounds = track.get_time_bounds()
        if bounds.start_time is None or bounds.end_time is None:
            skipped.append((path.name, f"track {n}", "track has no timestamps"))
            continue
        start, end = _aware(bounds.start_time, tzinfo), _aware(bounds.end_time, tzinfo)
        sport = _sport(track.type) if track.type else "run"
        rows.append(
            _session(
                start,
                sport,
                track.name or "",
                (end - start).total_seconds() / 60,
                track.length_2d() / 1000,
                math.nan,
                math.nan,
                f"{path.name}:track {n}",
            )
        )
    return ImportResult(
        _log_frame(rows), skipped=_skipped_frame(skipped), rows_read=len(gpx.tracks)
    )


def read_tcx(path, tz="UTC") -> ImportResult:
    """Read the activities of a Garmin ``.tcx`` file (Training Center XML, v2 namespace).

    One row per ``Activity``: start from ``Id``, duration and distance summed over its laps
    (``TotalTimeSeconds``, ``DistanceMeters``), average heart rate weighted by lap time,
    sport from the ``Sport`` attribute (Running → run, Biking → cross, Other → other).

    Parameters
    ----------
    path : str or Path
    tz : str
        Timezone for times written without one.

    Returns
    -------
    ImportResult
    """
    import xml.etree.ElementTree as ET

    path = Path(path)
    tzinfo = _tzinfo(tz)
    data = _read_bytes(path)
    _decode(data, path.name)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise ValueError(f"{path.name}: not a readable TCX file ({err})") from None
    if not root.tag.endswith("TrainingCenterDatabase"):
        raise ValueError(f"{path.name}: not a TCX file (root element {root.tag!r})")
    activities = root.findall("t:Activities/t:Activity", TCX_NS)
    rows, skipped = [], []
    for n, activity in enumerate(activities, start=1):
        try:
            ident = activity.findtext("t:Id", "", TCX_NS).strip()
            try:
                start = _aware(datetime.fromisoformat(ident.replace("Z", "+00:00")), tzinfo)
            except ValueError:
                raise RowError(f"Id {ident!r} is not an ISO date") from None
            seconds = metres = hr_seconds = 0.0
            for lap in activity.findall("t:Lap", TCX_NS):
                lap_s = _non_negative(
                    lap.findtext("t:TotalTimeSeconds", "", TCX_NS), "TotalTimeSeconds"
                )
                lap_s = 0.0 if math.isnan(lap_s) else lap_s
                lap_m = _non_negative(lap.findtext("t:DistanceMeters", "", TCX_NS), "Distance")
                lap_hr = _non_negative(
                    lap.findtext("t:AverageHeartRateBpm/t:Value", "", TCX_NS), "heart rate"
                )
                seconds += lap_s
                metres += 0.0 if math.isnan(lap_m) else lap_m
                hr_seconds += math.nan if math.isnan(lap_hr) else lap_hr * lap_s
        except RowError as err:
            skipped.append((path.name, f"activity {n}", str(err)))
            continue
        hr = hr_seconds / seconds if seconds > 0 else math.nan
        rows.append(
            _session(
                start,
                _sport(activity.get("Sport")),
                activity.get("Sport", ""),
                seconds / 60,
                metres / 1000,
                math.nan,
                hr,
                f"{path.name}:activity {n}",
            )
        )
    return ImportResult(
        _log_frame(rows), skipped=_skipped_frame(skipped), rows_read=len(activities)
    )


# ---------------------------------------------------------------- Strong, Hevy


_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$")


def _strong_duration(text: str) -> float:
    """``'1h 5m'`` → 65.0 minutes (also ``'45m'``, ``'1h'``, ``'30s'``, plain minutes)."""
    text = (text or "").strip()
    match = _DURATION.match(text)
    if text and match and any(match.groups()):
        h, m, s = (int(g) if g else 0 for g in match.groups())
        return h * 60 + m + s / 60
    try:
        minutes = float(text)
    except ValueError:
        raise RowError(f"Duration {text!r} is not like '1h 5m'") from None
    if not minutes >= 0:
        raise RowError(f"Duration {text!r} is negative")
    return minutes


def _iso_date(text: str, tz, what: str) -> datetime:
    text = text.strip()
    for pattern in ("%d %b %Y, %H:%M", "%d %b %Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return _aware(datetime.strptime(text, pattern), tz)
        except ValueError:
            pass
    try:
        return _aware(datetime.fromisoformat(text.replace("Z", "+00:00")), tz)
    except ValueError:
        raise RowError(f"{what} {text!r} is not a date") from None


def _app_csv(path, required, app: str):
    """(file name, column → index, records) of an app's CSV export, its header checked.

    A repeated column name maps to its first position.
    """
    name = Path(path).name
    header, records = _csv_records(_decode(_read_bytes(Path(path)), name), name)
    _check_header(header, required, name, app)
    return name, {h: i for i, h in reversed(list(enumerate(header)))}, records


def _field(col: dict, fields: list, column: str) -> str:
    """The text of ``column`` in a record, "" when the column or the value is missing."""
    i = col.get(column)
    return fields[i] if i is not None and i < len(fields) else ""


def _check_header(header, expected, name, app):
    missing = [c for c in expected if c not in header]
    if missing:
        raise ValueError(f"{name}: not a {app} CSV export (missing columns {', '.join(missing)})")


def _sessions_from_sets(sets: list[dict], durations: dict, name: str) -> list[dict]:
    """One strength session per (start, workout) key, in order of first appearance."""
    first_line: dict = {}
    for s in sets:
        first_line.setdefault((s["start"], s["workout"]), s["source"])
    return [
        _session(
            start,
            "strength",
            workout,
            durations[(start, workout)],
            math.nan,
            math.nan,
            math.nan,
            source,
        )
        for (start, workout), source in first_line.items()
    ]


def _strength_result(sets, durations, skipped, name, rows_read) -> ImportResult:
    log = _log_frame(_sessions_from_sets(sets, durations, name))
    table = pd.DataFrame(sets, columns=SET_COLUMNS)
    for column in ("reps", "weight_kg", "rpe"):
        table[column] = table[column].astype(float)
    if len(table):
        table["start"] = pd.to_datetime(table["start"], utc=True)
    return ImportResult(log, table, _skipped_frame(skipped), rows_read)


def read_strong_csv(path, weight_unit: str = "kg", tz="UTC") -> ImportResult:
    """Read a Strong app CSV export: one row per set, grouped into workouts.

    Header ``Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,
    Notes,Workout Notes,RPE``; ``Duration`` is written like ``1h 5m``. A workout is the rows
    sharing ``Date`` and ``Workout Name``. The set RPE is kept in ``sets``; the session's
    ``rpe`` stays NaN (a set's RPE is not a session rating), so its load is the estimate.

    Parameters
    ----------
    path : str or Path
    weight_unit : {"kg", "lb"}
        Unit of the ``Weight`` column (the app's setting); pounds are converted to kg
        (1 lb = 0.45359237 kg).
    tz : str
        Timezone of the dates (Strong writes local time without an offset).

    Returns
    -------
    ImportResult
        ``log`` one row per workout, ``sets`` one row per set, ``skipped``.
    """
    check_choice("weight_unit", weight_unit, ("kg", "lb"))
    factor = KG_PER_LB if weight_unit == "lb" else 1.0
    tzinfo = _tzinfo(tz)
    name, col, records = _app_csv(
        path, ("Date", "Workout Name", "Duration", "Exercise Name", "Weight", "Reps"), "Strong"
    )
    sets, durations, skipped = [], {}, []
    for line, fields in records:
        get = functools.partial(_field, col, fields)

        try:
            start = _iso_date(get("Date"), tzinfo, "Date")
            workout = get("Workout Name")
            minutes = _strong_duration(get("Duration"))
            weight = _non_negative(get("Weight"), "Weight") * factor
            reps = _non_negative(get("Reps"), "Reps")
            rpe = _rpe(get("RPE"))
            order = get("Set Order").strip()
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        durations.setdefault((start, workout), minutes)
        sets.append(
            {
                "start": start,
                "date": start.date(),
                "workout": workout,
                "exercise": get("Exercise Name"),
                "set": order,
                "set_type": "warmup" if order.upper() == "W" else "normal",
                "reps": reps,
                "weight_kg": weight,
                "rpe": rpe,
                "notes": get("Notes"),
                "source": f"{name}:{line}",
            }
        )
    return _strength_result(sets, durations, skipped, name, len(records))


def read_hevy_csv(path, tz="UTC") -> ImportResult:
    """Read a Hevy app CSV export: one row per set, grouped into workouts.

    Header ``title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
    set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe``. Dates are written
    like ``25 Nov 2026, 07:30`` (ISO 8601 is accepted too). Duration is end − start. Set RPE
    is kept in ``sets``; the session load is the estimate (see the module docstring).

    Parameters
    ----------
    path : str or Path
    tz : str
        Timezone of the dates (Hevy writes local time without an offset).

    Returns
    -------
    ImportResult
        ``log`` one row per workout, ``sets`` one row per set, ``skipped``.
    """
    tzinfo = _tzinfo(tz)
    name, col, records = _app_csv(
        path, ("title", "start_time", "end_time", "exercise_title", "weight_kg", "reps"), "Hevy"
    )
    sets, durations, skipped = [], {}, []
    for line, fields in records:
        get = functools.partial(_field, col, fields)

        try:
            start = _iso_date(get("start_time"), tzinfo, "start_time")
            end = _iso_date(get("end_time"), tzinfo, "end_time")
            minutes = (end - start) / timedelta(minutes=1)
            if minutes < 0:
                raise RowError(f"end_time {get('end_time')!r} is before start_time")
            weight = _non_negative(get("weight_kg"), "weight_kg")
            reps = _non_negative(get("reps"), "reps")
            rpe = _rpe(get("rpe"))
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        workout = get("title")
        durations.setdefault((start, workout), minutes)
        sets.append(
            {
                "start": start,
                "date": start.date(),
                "workout": workout,
                "exercise": get("exercise_title"),
                "set": get("set_index").strip(),
                "set_type": get("set_type").strip() or "normal",
                "reps": reps,
                "weight_kg": weight,
                "rpe": rpe,
                "notes": get("exercise_notes"),
                "source": f"{name}:{line}",
            }
        )
    return _strength_result(sets, durations, skipped, name, len(records))


# ---------------------------------------------------------------- combining


def _as_log(item) -> pd.DataFrame:
    if isinstance(item, ImportResult):
        return item.log
    if isinstance(item, pd.DataFrame):
        missing = [
            c for c in ("start", "sport", "duration_min", "load", "source") if c not in item.columns
        ]
        if missing:
            raise ValueError(f"logs must be training logs, missing columns {missing}")
        return item
    raise ValueError(f"logs must be ImportResult or DataFrame, got {type(item).__name__}")


def _richness(row) -> int:
    return int(sum(pd.notna(row[c]) for c in ("distance_km", "rpe", "avg_hr")))


def combine_logs(*logs, start_tolerance_min: float = 2.0, duration_tolerance: float = 0.10):
    """One training log from several sources, each session counted once.

    Two rows are the same session when they have the same sport, starts within
    ``start_tolerance_min`` minutes and durations within ``duration_tolerance`` (fraction of
    the longer one). The merged row is the richer one (more of distance, RPE, heart rate
    filled in; the first given wins a tie), its empty fields filled from the other, its load
    recomputed, and ``source`` lists both (``"a.csv:12; run.fit:session 1"``).

    Parameters
    ----------
    *logs : ImportResult or DataFrame
        Training logs (training-log schema).
    start_tolerance_min : float
        Largest start difference of duplicates [min].
    duration_tolerance : float
        Largest relative duration difference of duplicates (0.10 = 10 %).

    Returns
    -------
    DataFrame
        The combined log, sorted by start.
    """
    check_range("start_tolerance_min", start_tolerance_min, 0, 60)
    check_range("duration_tolerance", duration_tolerance, 0, 1)
    frames = [_as_log(item) for item in logs]
    if not frames:
        raise ValueError("logs must name at least one log")
    frames = [f for f in frames if len(f)]
    if not frames:
        return _log_frame([])
    both = pd.concat(frames, ignore_index=True)
    both["start"] = pd.to_datetime(both["start"], utc=True)
    both = both.sort_values("start", kind="stable").reset_index(drop=True)
    window = pd.Timedelta(minutes=start_tolerance_min)
    kept: list[dict] = []
    open_by_sport: dict[str, list[int]] = {}
    for row in both.to_dict("records"):
        candidates = open_by_sport.setdefault(row["sport"], [])
        candidates[:] = [i for i in candidates if row["start"] - kept[i]["start"] <= window]
        match = None
        for i in candidates:
            other = kept[i]
            longer = max(other["duration_min"], row["duration_min"])
            if abs(other["duration_min"] - row["duration_min"]) <= duration_tolerance * longer:
                match = i
                break
        if match is None:
            candidates.append(len(kept))
            kept.append(row)
            continue
        kept[match] = _merge(kept[match], row)
    return _log_frame(kept)


def _merge(first: dict, second: dict) -> dict:
    rich, poor = (second, first) if _richness(second) > _richness(first) else (first, second)
    merged = dict(rich)
    for column in ("distance_km", "rpe", "avg_hr"):
        if pd.isna(merged[column]) and pd.notna(poor[column]):
            merged[column] = poor[column]
    if not merged.get("name") and poor.get("name"):
        merged["name"] = poor["name"]
    estimated = pd.isna(merged["rpe"])
    rpe = DEFAULT_RPE.get(merged["sport"], 4.0) if estimated else merged["rpe"]
    merged["load"] = merged["duration_min"] * rpe
    merged["load_estimated"] = estimated
    merged["source"] = f"{first['source']}; {second['source']}"
    return merged


def daily_load(log, strength_weight: float = 1.0) -> pd.Series:
    """Daily load [AU] of a training log: runs and lifts combined, missing days 0.

    .. math:: L_d = \\sum_{\\text{not strength}} load + w \\sum_{\\text{strength}} load

    via :func:`helpers.load.combined_load`; running, cross-training and other sessions make the
    endurance part.

    Parameters
    ----------
    log : ImportResult or DataFrame
        A training log.
    strength_weight : float
        Weight *w* of strength load, 0–2.

    Returns
    -------
    Series
        Daily load [AU] indexed by date, from the first to the last session day.
    """
    check_range("strength_weight", strength_weight, 0, 2)
    log = _as_log(log)
    if not len(log):
        raise ValueError("log must not be empty")
    days = pd.to_datetime(log["date"])
    lifting = (log["sport"] == "strength").to_numpy()
    full = pd.date_range(days.min(), days.max(), freq="D", name="date")

    def part(mask):
        if not mask.any():
            return pd.Series(0.0, index=full, name="load")
        return daily_series(days[mask], log["load"][mask]).reindex(full, fill_value=0.0)

    return combined_load(part(~lifting), part(lifting), strength_weight=strength_weight)


def weekly_summary(log) -> pd.DataFrame:
    """One row per training week (Monday to Sunday): running km and load by sport.

    Weeks without a session are kept (zeros), so the table lines up with a plan's weeks.

    Parameters
    ----------
    log : ImportResult or DataFrame
        A training log.

    Returns
    -------
    DataFrame
        Indexed by the week's Monday (``week_start``): ``run_km`` [km], ``sessions``, and
        ``load_<sport>`` [AU] for each of run, strength, cross, other, and ``load`` (their sum).
    """
    log = _as_log(log)
    if not len(log):
        raise ValueError("log must not be empty")
    days = pd.to_datetime(log["date"])
    monday = (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).rename("week_start")
    km = log["distance_km"].where(log["sport"] == "run", 0.0).fillna(0.0)
    loads = (
        log.assign(week_start=monday)
        .pivot_table(index="week_start", columns="sport", values="load", aggfunc="sum")
        .reindex(columns=list(SPORTS), fill_value=0.0)
        .fillna(0.0)
        .add_prefix("load_")
    )
    table = pd.DataFrame(
        {
            "run_km": km.groupby(monday).sum(),
            "sessions": log.groupby(monday).size().astype(float),
        }
    ).join(loads)
    weeks = pd.date_range(table.index.min(), table.index.max(), freq="7D", name="week_start")
    table = table.reindex(weeks, fill_value=0.0)
    table["load"] = table[[f"load_{s}" for s in SPORTS]].sum(axis=1)
    table["sessions"] = table["sessions"].astype(int)
    return table
