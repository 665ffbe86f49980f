"""Runkeeper's ``cardioActivities.csv``, in its older and newer layouts, km or miles.

The older export: ``Date,Type,Route Name,Distance (mi),Duration,Average Pace,Average Speed
(mph),Calories Burned,Climb (ft),Average Heart Rate (bpm),Notes,GPX File``; the newer one starts
with ``Activity Id`` and adds ``Friend's Tagged``. The distance header names its unit
(``Distance (mi)`` or ``Distance (km)``), so nothing is guessed. Notes may hold line breaks
inside quotes (the csv module keeps them in their cell), and a distance may be empty (a gym
session): NaN.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from helpers.logs._locale import parse_date, plain
from helpers.logs._schema import (
    ImportResult,
    RowError,
    _aware,
    _csv_records,
    _decode,
    _log_frame,
    _non_negative,
    _read_bytes,
    _session,
    _skipped_frame,
    _tzinfo,
)
from helpers.logs.activity_types import activity_sport
from helpers.units import KM_PER_MI

_DISTANCE = re.compile(r"^distance \((km|mi)\)$")


def _columns(header) -> dict:
    keys = [plain(h) for h in header]
    found = {k: i for i, k in reversed(list(enumerate(keys)))}
    units = [(i, m.group(1)) for i, k in enumerate(keys) if (m := _DISTANCE.match(k))]
    return {
        "date": found.get("date"),
        "type": found.get("type"),
        "duration": found.get("duration"),
        "route": found.get("route name"),
        "hr": found.get("average heart rate (bpm)"),
        "distance": units[0][0] if units else None,
        "unit": units[0][1] if units else None,
    }


def is_runkeeper_csv(sample) -> bool:
    """Runkeeper's header: ``Date``, ``Type``, ``Duration`` and ``Distance (mi)`` or ``(km)``."""
    col = _columns(sample.header)
    return None not in (col["date"], col["type"], col["duration"], col["distance"])


def read_runkeeper_csv(path, tz="UTC") -> ImportResult:
    """Read Runkeeper's ``cardioActivities.csv``: one session per row.

    Date (``2013-12-29 11:36:13``, local time), type (``Running``, ``Cycling``, ``Walking``
    ... through :mod:`helpers.logs.activity_types`), distance in the header's unit (converted
    from miles: 1 mi = 1.609344 km; empty gives NaN), duration ``26:42`` or ``1:06:06``, average
    heart rate where given; the session is named after the route, else the type.

    Parameters
    ----------
    path : str or Path
    tz : str
        Timezone of the dates.

    Returns
    -------
    ImportResult

    Raises
    ------
    ValueError
        Not Runkeeper's header (names the file and the columns found).
    """
    from helpers.units import parse_duration

    tzinfo = _tzinfo(tz)
    path = Path(path)
    name = path.name
    header, records = _csv_records(_decode(_read_bytes(path), name), name)
    col = _columns(header)
    if None in (col["date"], col["type"], col["duration"], col["distance"]):
        raise ValueError(
            f"{name}: not a Runkeeper cardioActivities.csv (needs Date, Type, Duration and "
            f"Distance (km) or (mi); columns found: {', '.join(header[:14])})"
        )
    scale = KM_PER_MI if col["unit"] == "mi" else 1.0

    def cell(fields, key):
        i = col[key]
        return fields[i].strip() if i is not None and i < len(fields) else ""

    rows, skipped = [], []
    for line, fields in records:
        try:
            start = _aware(parse_date(cell(fields, "date")), tzinfo)
            try:
                seconds = parse_duration(cell(fields, "duration"))
            except ValueError:
                raise RowError(f"Duration {cell(fields, 'duration')!r} is not like 26:42") from None
            km = _non_negative(cell(fields, "distance"), "Distance") * scale
            hr = _non_negative(cell(fields, "hr"), "Average Heart Rate")
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        kind = cell(fields, "type")
        rows.append(
            _session(
                start,
                activity_sport(kind),
                cell(fields, "route") or kind,
                seconds / 60,
                math.nan if km == 0 else km,
                math.nan,
                hr,
                f"{name}:{line}",
            )
        )
    return ImportResult(_log_frame(rows), skipped=_skipped_frame(skipped), rows_read=len(records))
