"""Garmin Connect's activity list, ``Activities.csv``, in the app's language and unit.

Garmin Connect writes one row per activity, the header in the account's language
(``Activity Type,Date,Favorite,Title,Distance,Calories,Time,...``; Portuguese ``Tipo de
atividade,Data,Favorito,Título,Distância,Calorias,Tempo,...``; German ``Aktivitätstyp,Datum,
Favorit,Titel,Distanz,Kalorien,Zeit,...``). The first seven columns keep that order in every
version we have seen, so the reader finds them by position, whatever the language; the
Favourite column (``true``/``false``) recognises the file. Distances are in the account's unit,
which the file never names: :func:`decide_unit` decides it from the data.
"""

from __future__ import annotations

import math
from pathlib import Path
from statistics import median

from helpers._checks import check_choice
from helpers.logs._locale import decimal_comma, parse_date, plain, to_float
from helpers.logs._schema import (
    ImportResult,
    RowError,
    _aware,
    _csv_records,
    _decode,
    _log_frame,
    _read_bytes,
    _session,
    _skipped_frame,
    _tzinfo,
)
from helpers.logs.activity_types import activity_sport, strava_type
from helpers.logs.strava import _day_first
from helpers.units import KM_PER_MI

TYPE, DATE, FAVOURITE, TITLE, DISTANCE, CALORIES, TIME, AVG_HR = range(8)
#: Words that name the average heart rate column (8th) in the languages seen.
HR_WORDS = ("hr", "fc", "hf", "heart", "herz", "hartslag", "frequenza")
EMPTY = ("", "--")
RIDES = ("Ride", "VirtualRide", "MountainBikeRide", "GravelRide", "EBikeRide")

#: Thresholds of :func:`decide_unit` (min per unit, unit per hour, km).
KM_IF_RUN_PACE_BELOW = 6.0  # 6:00 per unit: in miles the median run would be 3:44/km
MI_IF_RUN_PACE_ABOVE = 8.75  # 8:45 per unit: in km the median run would be at walking speed
KM_IF_RIDE_SPEED_ABOVE = 25.0  # per hour: in mph the median ride would be 40 km/h
MARATHON_KM = 42.195
MIN_ROWS = 3


def is_garmin_csv(sample) -> bool:
    """Garmin's layout: the third column says ``true``/``false`` (Favourite), the second is a
    date, on the first rows."""
    rows = sample.records[:20]
    if len(sample.header) < 7 or not rows:
        return False
    favourites = {plain(f[FAVOURITE]) if len(f) > FAVOURITE else "" for _, f in rows}
    return favourites <= {"true", "false"} and any(_is_date(f[DATE]) for _, f in rows)


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except RowError:
        return False
    return True


def _names_hr(text: str) -> bool:
    words = plain(text).replace(".", " ").split()
    return any(w in words or plain(text).startswith(w) for w in HR_WORDS)


def _clock_s(text: str) -> float:
    """``01:00:08``, ``45:14``, ``00:05:35.4`` (or ``35,4``) → seconds."""
    from helpers.units import parse_duration

    try:
        return parse_duration(text.strip().replace(",", "."))
    except ValueError:
        raise RowError(f"Time {text!r} is not like 01:02:03") from None


def decide_unit(rows, name: str) -> tuple[float, str]:
    """km per unit of the Distance column, and the reason in words.

    ``rows`` are ``(Strava type, distance in the file's unit, seconds)``. The rule, each part
    using rows of at least 1 unit:

    - runs: a median pace below 6:00 per unit means km (in miles the median of all runs, easy
      ones included, would be below 3:44 per km: the everyday running of a marathoner under
      about 2:20); above 8:45 per unit means miles (in km the median run would be slower than
      8:45 per km, 6.9 km/h, about walking speed);
    - a run of 42.2–43.5 units is a marathon in km (in miles it would be a 68 km ultra): km;
    - rides: a median speed above 25 per hour means km (in mph it would be 40 km/h, a
      professional's racing speed, as a median).

    Each part needs 3 rows; the parts that speak must agree. Between 6:00 and 8:45 per unit
    both units are everyday paces, so runs alone cannot tell. A file without any distance
    (lifting, yoga) needs no unit.

    Raises
    ------
    ValueError
        No part speaks, or they disagree: the message names the file and the figures and asks
        for ``distance_unit='km'`` or ``'mi'``.
    """
    runs = [(d, s) for t, d, s in rows if activity_sport(t or "") == "run" and d >= 1 and s > 0]
    rides = [(d, s) for t, d, s in rows if t in RIDES and d >= 1 and s > 0]
    if not any(d > 0 for _, d, _ in rows):
        return 1.0, "no distances in the file: no unit needed"
    votes, reasons = set(), []
    if len(runs) >= MIN_ROWS:
        pace = median(s / 60 / d for d, s in runs)
        text = f"median run pace {int(pace)}:{round(pace % 1 * 60):02d} per unit"
        if pace < KM_IF_RUN_PACE_BELOW:
            votes.add("km")
            reasons.append(f"{text} (in miles: {_pace_km(pace / KM_PER_MI)}, elite pace)")
        elif pace > MI_IF_RUN_PACE_ABOVE:
            votes.add("mi")
            reasons.append(f"{text} (in km: walking speed)")
        marathons = sum(MARATHON_KM <= d <= 43.5 for d, _ in runs)
        if marathons:
            votes.add("km")
            reasons.append(f"{marathons} run(s) of 42.2–43.5 units (marathons in km)")
    if len(rides) >= MIN_ROWS:
        speed = median(d / (s / 3600) for d, s in rides)
        if speed > KM_IF_RIDE_SPEED_ABOVE:
            votes.add("km")
            reasons.append(
                f"median ride speed {speed:.1f} per hour (in mph: {speed * 1.609:.0f}"
                " km/h, racing speed)"
            )
    if len(votes) != 1:
        what = "the paces and speeds disagree" if votes else "no run or ride pace is telling"
        raise ValueError(
            f"{name}: cannot tell whether distances are km or miles ({what}; "
            f"{len(runs)} runs, {len(rides)} rides of 1 unit or more"
            f"{': ' + '; '.join(reasons) if reasons else ''}); "
            "pass distance_unit='km' or distance_unit='mi'"
        )
    unit = votes.pop()
    return (1.0 if unit == "km" else KM_PER_MI), f"distances read as {unit}: " + "; ".join(reasons)


def _pace_km(minutes: float) -> str:
    return f"{int(minutes)}:{round(minutes % 1 * 60):02d}/km"


def read_garmin_csv(path, distance_unit: str = "auto", tz="UTC") -> ImportResult:
    """Read Garmin Connect's ``Activities.csv``: one session per row.

    Columns by position (any language): activity type, date (``2021-10-05 10:04:44``, or the
    older ``7/4/2020 15:36``: month first unless a first number above 12 shows the file writes
    the day first), title, distance, time (``01:00:08``, ``45:14``, with tenths
    ``00:05:35.4``) and, where the 8th column names it, the average heart rate. ``--`` is
    Garmin's empty cell. Distances use a decimal point or comma, decided per file, with
    thousands separators (``1,214``). Swims are written in metres (in a km account) or yards
    (in a miles account). A distance of 0 or ``--`` gives NaN. Types come from the tables of
    :mod:`helpers.logs.activity_types` (``Corrida em esteira`` → run).

    Parameters
    ----------
    path : str or Path
    distance_unit : {"auto", "km", "mi"}
        The account's unit; ``auto`` decides it with :func:`decide_unit` and says how in
        ``notes``.
    tz : str
        Timezone of the dates (Garmin writes the activity's local time).

    Returns
    -------
    ImportResult

    Raises
    ------
    ValueError
        Not Garmin's layout, or ``auto`` cannot tell the unit (names the file).
    """
    check_choice("distance_unit", distance_unit, ("auto", "km", "mi"))
    tzinfo = _tzinfo(tz)
    path = Path(path)
    name = path.name
    header, records = _csv_records(_decode(_read_bytes(path), name), name)
    if len(header) < 7:
        raise ValueError(f"{name}: not a Garmin Activities.csv (columns: {', '.join(header)})")
    hr = AVG_HR if len(header) > AVG_HR and _names_hr(header[AVG_HR]) else None
    values = (f[DISTANCE] for _, f in records if len(f) > DISTANCE and f[DISTANCE] not in EMPTY)
    comma = decimal_comma(values, default=False)
    day_first = _day_first((f[DATE] for _, f in records if len(f) > DATE), english=True)
    parsed, skipped = [], []
    for line, fields in records:
        try:
            if len(fields) <= TIME:
                raise RowError(f"row has {len(fields)} fields, the header has {len(header)}")
            start = _aware(parse_date(fields[DATE], day_first=day_first), tzinfo)
            seconds = _clock_s(fields[TIME])
            value = _number(fields[DISTANCE], "Distance", comma)
            beats = _number(fields[hr], "Avg HR", False) if hr is not None else math.nan
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        parsed.append((line, fields, strava_type(fields[TYPE]), start, seconds, value, beats))
    notes = []
    if distance_unit == "auto":
        not_swims = [(t, v, s) for _, _, t, _, s, v, _ in parsed if t != "Swim" and v == v]
        scale, why = decide_unit(not_swims, name)
        notes.append((name, "all rows", why))
    else:
        scale = 1.0 if distance_unit == "km" else KM_PER_MI
    swim_scale = 0.001 if scale == 1.0 else 0.0009144  # metres, or yards
    rows = []
    for line, fields, kind, start, seconds, value, beats in parsed:
        km = value * (swim_scale if kind == "Swim" else scale)
        rows.append(
            _session(
                start,
                activity_sport(fields[TYPE]),
                fields[TITLE] if len(fields) > TITLE else "",
                seconds / 60,
                math.nan if km == 0 else km,
                math.nan,
                beats,
                f"{name}:{line}",
            )
        )
    return ImportResult(
        _log_frame(rows),
        skipped=_skipped_frame(skipped),
        rows_read=len(records),
        notes=_skipped_frame(notes),
    )


def _number(text: str, what: str, comma: bool) -> float:
    text = (text or "").strip()
    if text in EMPTY:
        return math.nan
    try:
        value = to_float(text, comma)
    except ValueError:
        raise RowError(f"{what} {text!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise RowError(f"{what} {text!r} is negative or not finite")
    return value
