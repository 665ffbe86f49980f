"""Strength apps: Strong, Hevy and FitNotes CSV exports, one row per set, in every layout seen.

Strong has written: the classic export (``Date,Workout Name,Duration,Exercise Name,Set Order,
Weight,Reps,...``), the same in the app's language (German ``Datum,Workout-Name,Dauer,...``),
an early export without ``Duration``, the 2016 export whose weight and distance columns are
headed by their unit alone (``kg``, ``km``), the Android export (semicolons, ``Weight Unit`` and
``Distance Unit`` columns, a ``Workout Duration`` like ``1h 26m`` or none) and a ``"Workout #";
...;"Duration (sec)"`` (or ``"Workout Duration"``) ``;...;"Weight (kg)"`` export. Hevy writes
``weight_kg``/``distance_km`` or, set to imperial, ``weight_lbs``/``distance_miles``. Columns
are found by meaning; the classic Strong layout is also recognised by position (12 columns
ending in ``RPE``) whatever its language.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta
from pathlib import Path

import pandas as pd

from helpers._checks import check_choice
from helpers.logs._locale import parse_date, plain
from helpers.logs._schema import (
    SET_COLUMNS,
    ImportResult,
    RowError,
    _aware,
    _csv_records,
    _decode,
    _log_frame,
    _non_negative,
    _read_bytes,
    _rpe,
    _session,
    _skipped_frame,
    _tzinfo,
)
from helpers.strength import strength_minutes
from helpers.units import KG_PER_LB, KM_PER_MI

#: Strong header words (plain text) by meaning; ``unit`` says the unit a header carries.
STRONG_WORDS = {
    "date": ("date", "datum", "fecha", "data", "datum"),
    "workout": (
        "workout name",
        "workout-name",
        "nom de l'entrainement",
        "nombre del entrenamiento",
        "nome do treino",
        "trainingsnaam",
    ),
    "duration": ("duration", "workout duration", "dauer", "duree", "duracion", "duracao", "duur"),
    "duration_s": ("duration (sec)",),
    "exercise": (
        "exercise name",
        "name der ubung",
        "nom de l'exercice",
        "nombre del ejercicio",
        "nome do exercicio",
        "naam oefening",
    ),
    "order": ("set order", "reihenfolge festlegen", "ordre de la serie", "orden de la serie"),
    "weight": ("weight", "gewicht", "poids", "peso"),
    "weight_kg": ("weight (kg)", "kg"),  # "kg" alone: the 2016 layout
    "weight_lb": ("weight (lb)", "weight (lbs)", "lb", "lbs"),
    "weight_unit": ("weight unit",),
    "reps": ("reps", "wiederh.", "repetitions", "repeticiones", "repeticoes", "herh."),
    "rpe": ("rpe",),
    "notes": ("notes", "notizen", "notas", "notities"),
}
_CLASSIC = ("date", "workout", "duration", "exercise", "order", "weight", "reps")
#: Duration unit words (English, German, Dutch, French, Spanish) → minutes per unit.
_DURATION_UNITS = {
    **dict.fromkeys(("", "m", "min", "mins", "minute", "minutes", "minuten", "minutos"), 1.0),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden", "u"), 60.0),
    **dict.fromkeys(("uur", "heure", "heures", "hora", "horas"), 60.0),
    **dict.fromkeys(("s", "sec", "secs", "sek", "second", "seconds", "sekunden"), 1 / 60),
}
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\d\s]*)")


def _duration_min(text: str) -> float:
    """``'1h 5m'``, ``'38min'``, ``'1 Std. 5 Min.'``, ``'45'`` (minutes) → minutes."""
    text = (text or "").strip().lower()
    parts = _DURATION_PART.findall(text)
    if not text or not parts or _DURATION_PART.sub("", text).strip():
        raise RowError(f"Duration {text!r} is not like '1h 5m'")
    minutes = 0.0
    for number, unit in parts:
        value = float(number.replace(",", "."))
        factor = _DURATION_UNITS.get(unit.rstrip("."))
        if factor is None:
            raise RowError(f"Duration {text!r} has an unknown unit {unit!r}")
        minutes += value * factor
    return minutes


def _app_csv(path):
    """(file name, header, records) of an app's CSV export, read as UTF-8."""
    path = Path(path)
    return path.name, *_csv_records(_decode(_read_bytes(path), path.name), path.name)


def _find(header, words: dict) -> dict:
    keys = [plain(h) for h in header]
    found = {}
    for meaning, options in words.items():
        hits = [i for i, k in enumerate(keys) if k in options]
        if hits:
            found[meaning] = hits[0]
    return found


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except RowError:
        return False
    return True


def _strong_columns(header, records, name) -> dict:
    col = _find(header, STRONG_WORDS)
    classic = len(header) == 12 and plain(header[-1]) == "rpe"
    dated = bool(records) and _is_date(records[0][1][0])
    if classic and dated and not all(m in col for m in _CLASSIC):
        col.update({m: i for i, m in enumerate(_CLASSIC)})
    if "weight" not in col:
        for meaning in ("weight_kg", "weight_lb"):
            if meaning in col:
                col["weight"] = col[meaning]
    if "duration" not in col and "duration_s" in col:
        col["duration"] = col["duration_s"]
    missing = [m for m in ("date", "exercise", "weight", "reps") if m not in col]
    if missing:
        raise ValueError(
            f"{name}: not a Strong or Hevy CSV export (no column for {', '.join(missing)}; "
            f"columns found: {', '.join(header[:14])})"
        )
    return col


def _weight_unit_of(text: str, fallback: str) -> str:
    unit = plain(text)
    if not unit:
        return fallback
    if unit in ("kg", "kgs", "kilogram", "kilograms"):
        return "kg"
    if unit in ("lb", "lbs", "pound", "pounds"):
        return "lb"
    raise RowError(f"Weight Unit {text!r} is not kg or lbs")


def _set_type(order: str) -> str:
    mark = order.strip().upper()
    return {"W": "warmup", "D": "dropset", "F": "failure"}.get(mark, "normal")


def read_strong_csv(path, weight_unit: str = "kg", tz="UTC") -> ImportResult:
    """Read a Strong app CSV export (any of its layouts): one row per set, grouped by workout.

    A workout is the rows sharing date and workout name. Weight units come from the file where
    it says them (a ``Weight Unit`` column, ``kg``/``lbs`` per row; a ``Weight (kg)`` or
    ``Weight (lb)`` header) and from ``weight_unit`` only where it does not (the classic export
    writes the app's unit setting nowhere). Pounds are converted (1 lb = 0.45359237 kg).
    Duration: ``Duration`` or ``Workout Duration`` (``1h 5m``, ``33m``, ``38min``),
    ``Duration (sec)``, or, in exports without one, the course's estimate
    :func:`helpers.load.strength_minutes` from the number of sets (10 min + 2.5 min per set;
    flagged through ``load_estimated``). The set RPE is kept in ``sets``; the session's ``rpe``
    stays NaN.

    Parameters
    ----------
    path : str or Path
    weight_unit : {"kg", "lb"}
        Unit of a weight column that does not say its unit (the app's setting).
    tz : str
        Timezone of the dates (Strong writes local time without an offset).

    Returns
    -------
    ImportResult
        ``log`` one row per workout, ``sets`` one row per set, ``skipped``.

    Raises
    ------
    ValueError
        The file is not a Strong export (message names the file and the columns found).
    """
    check_choice("weight_unit", weight_unit, ("kg", "lb"))
    tzinfo = _tzinfo(tz)
    name, header, records = _app_csv(path)
    col = _strong_columns(header, records, name)
    file_unit = "kg" if "weight_kg" in col else ("lb" if "weight_lb" in col else None)
    seconds_column = "duration_s" in col and col["duration"] == col["duration_s"]

    def get(fields, meaning):
        i = col.get(meaning)
        return fields[i].strip() if i is not None and i < len(fields) else ""

    sets, durations, skipped = [], {}, []
    for line, fields in records:
        try:
            start = _aware(parse_date(get(fields, "date")), tzinfo)
            workout = get(fields, "workout")
            if "duration" in col:
                text = get(fields, "duration")
                minutes = _non_negative(text, "Duration (sec)") / 60 if seconds_column else None
                minutes = _duration_min(text) if minutes is None else minutes
            else:
                minutes = math.nan
            unit = file_unit or _weight_unit_of(get(fields, "weight_unit"), weight_unit)
            weight = _non_negative(get(fields, "weight").replace(",", "."), "Weight")
            reps = _non_negative(get(fields, "reps"), "Reps")
            rpe = _rpe(get(fields, "rpe").replace(",", "."))
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        durations.setdefault((start, workout), minutes)
        order = get(fields, "order")
        sets.append(
            {
                "start": start,
                "date": start.date(),
                "workout": workout,
                "exercise": get(fields, "exercise"),
                "set": order,
                "set_type": _set_type(order),
                "reps": reps,
                "weight_kg": weight * KG_PER_LB if unit == "lb" else weight,
                "weight_unit": unit,
                "rpe": rpe,
                "notes": get(fields, "notes"),
                "source": f"{name}:{line}",
            }
        )
    return _strength_result(sets, durations, skipped, len(records))


def _strength_result(sets, durations, skipped, rows_read, others=()) -> ImportResult:
    """One strength session per (start, workout), in order of first appearance; ``others`` are
    sessions read from rows that are not sets (FitNotes' cardio rows)."""
    first: dict = {}
    counts: dict = {}
    for s in sets:
        key = (s["start"], s["workout"])
        first.setdefault(key, s["source"])
        counts[key] = counts.get(key, 0) + 1
    rows = []
    for (start, workout), source in first.items():
        minutes = durations[(start, workout)]
        if math.isnan(minutes):  # no duration in the export: the course's session length model
            minutes = float(strength_minutes(counts[(start, workout)]))
        rows.append(
            _session(start, "strength", workout, minutes, math.nan, math.nan, math.nan, source)
        )
    table = pd.DataFrame(sets, columns=SET_COLUMNS)
    for column in ("reps", "weight_kg", "rpe"):
        table[column] = table[column].astype(float)
    if len(table):
        table["start"] = pd.to_datetime(table["start"], utc=True)
    kept = len(sets) + len(others) if others else None
    return ImportResult(
        _log_frame(rows + list(others)), table, _skipped_frame(skipped), rows_read, kept
    )


def is_hevy_csv(sample) -> bool:
    """Hevy's header names ``exercise_title`` and ``start_time``."""
    return {"exercise_title", "start_time"} <= sample.keys


HEVY_REQUIRED = ("title", "start_time", "end_time", "exercise_title", "reps")


def read_hevy_csv(path, tz="UTC") -> ImportResult:
    """Read a Hevy app CSV export: one row per set, grouped into workouts.

    Header ``title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
    set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe``; an imperial export
    writes ``weight_lbs`` and ``distance_miles`` instead, and its weights are converted
    (1 lb = 0.45359237 kg). Dates are written like ``25 Nov 2026, 07:30`` (other languages and
    ISO 8601 are accepted too). Duration is end − start. Set RPE is kept in ``sets``; the
    session load is the estimate (see :mod:`helpers.logs`).

    Parameters
    ----------
    path : str or Path
    tz : str
        Timezone of the dates (Hevy writes local time without an offset).

    Returns
    -------
    ImportResult
        ``log`` one row per workout, ``sets`` one row per set, ``skipped``.

    Raises
    ------
    ValueError
        The file is not a Hevy export (message names the file and the columns found).
    """
    tzinfo = _tzinfo(tz)
    name, header, records = _app_csv(path)
    col = {h: i for i, h in reversed(list(enumerate(header)))}
    weight_column = next((c for c in ("weight_kg", "weight_lbs") if c in col), None)
    missing = [c for c in HEVY_REQUIRED if c not in col] + ([] if weight_column else ["weight"])
    if missing:
        raise ValueError(
            f"{name}: not a Hevy CSV export (missing columns {', '.join(missing)}; "
            f"columns found: {', '.join(header[:14])})"
        )
    unit = "lb" if weight_column == "weight_lbs" else "kg"

    def get(fields, column):
        i = col.get(column)
        return fields[i] if i is not None and i < len(fields) else ""

    sets, durations, skipped = [], {}, []
    for line, fields in records:
        try:
            start = _aware(parse_date(get(fields, "start_time")), tzinfo)
            end = _aware(parse_date(get(fields, "end_time")), tzinfo)
            minutes = (end - start) / timedelta(minutes=1)
            if minutes < 0:
                raise RowError(f"end_time {get(fields, 'end_time')!r} is before start_time")
            weight = _non_negative(get(fields, weight_column), weight_column)
            reps = _non_negative(get(fields, "reps"), "reps")
            rpe = _rpe(get(fields, "rpe"))
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        workout = get(fields, "title")
        durations.setdefault((start, workout), minutes)
        sets.append(
            {
                "start": start,
                "date": start.date(),
                "workout": workout,
                "exercise": get(fields, "exercise_title"),
                "set": get(fields, "set_index").strip(),
                "set_type": get(fields, "set_type").strip() or "normal",
                "reps": reps,
                "weight_kg": weight * KG_PER_LB if unit == "lb" else weight,
                "weight_unit": unit,
                "rpe": rpe,
                "notes": get(fields, "exercise_notes"),
                "source": f"{name}:{line}",
            }
        )
    return _strength_result(sets, durations, skipped, len(records))


#: FitNotes' weight headers → unit; distance units → km per unit.
FITNOTES_WEIGHTS = {"weight (kg)": "kg", "weight (kgs)": "kg", "weight (lb)": "lb"}
FITNOTES_WEIGHTS["weight (lbs)"] = "lb"
FITNOTES_KM = {"km": 1.0, "m": 0.001, "mi": KM_PER_MI, "ft": KM_PER_MI / 5280}
FITNOTES_KM |= {"yd": FITNOTES_KM["ft"] * 3, "in": FITNOTES_KM["ft"] / 12, "cm": 1e-5}


def is_fitnotes_csv(sample) -> bool:
    """FitNotes' header: ``Date,Exercise,Category`` and a ``Weight (kgs)`` or ``(lbs)``."""
    keys = [plain(h) for h in sample.header[:4]]
    return keys[:3] == ["date", "exercise", "category"] and keys[3:4] in (
        [[w] for w in FITNOTES_WEIGHTS]
    )


def read_fitnotes_csv(path, tz="UTC") -> ImportResult:
    """Read a FitNotes (Android) CSV export: sets, and cardio rows as sessions.

    Header ``Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time`` (or
    ``Weight (kgs)``). A row with reps is a set: its weight in the header's unit, converted to
    kg (1 lb = 0.45359237 kg); a bodyweight set is written with weight 0 and kept as 0. A row
    with a distance or a time and no reps is a cardio entry: a session of its own, with the
    distance in the row's own unit (km, m, cm, mi, yd, ft, in) and the time as h:mm:ss; its
    sport comes from the exercise name (:mod:`helpers.logs.activity_types`). FitNotes writes a
    date without a time: a day's sets are one workout starting at midnight in ``tz``, named
    after the day's sets' categories (``Legs, Back``), and its length is the course's estimate
    from the number of sets (:func:`helpers.strength.strength_minutes`).

    Parameters
    ----------
    path : str or Path
    tz : str
        Timezone of the dates.

    Returns
    -------
    ImportResult
        ``log`` one row per day's workout and per cardio entry, ``sets``, ``skipped``.
    """
    from helpers.logs.activity_types import activity_sport
    from helpers.units import parse_duration

    tzinfo = _tzinfo(tz)
    name, header, records = _app_csv(path)
    keys = [plain(h) for h in header]
    if not (len(keys) >= 8 and keys[3] in FITNOTES_WEIGHTS):
        raise ValueError(
            f"{name}: not a FitNotes CSV export (expected Date,Exercise,Category,Weight (kgs) "
            f"or (lbs),Reps,Distance,Distance Unit,Time; columns found: {', '.join(header)})"
        )
    unit = FITNOTES_WEIGHTS[keys[3]]
    factor = KG_PER_LB if unit == "lb" else 1.0
    categories: dict = {}
    for _, fields in records:  # each day's workout is named after its sets' categories
        if len(fields) > 4 and fields[4].strip():
            day = categories.setdefault(fields[0].strip(), [])
            if fields[2] not in day:
                day.append(fields[2])
    sets, durations, skipped, cardio = [], {}, [], []
    for line, fields in records:
        try:
            if len(fields) < 5:
                raise RowError(f"row has {len(fields)} fields, the header has {len(header)}")
            day, exercise = fields[0].strip(), fields[1].strip()
            start = _aware(parse_date(day), tzinfo)
            reps = _non_negative(fields[4], "Reps")
            distance = _non_negative(fields[5] if len(fields) > 5 else "", "Distance")
            clock = fields[7].strip() if len(fields) > 7 else ""
            if math.isnan(reps):
                if math.isnan(distance) and not clock:
                    raise RowError("no reps, distance or time")
                words = plain(fields[6]) if len(fields) > 6 else ""
                if not math.isnan(distance) and words not in FITNOTES_KM:
                    raise RowError(
                        f"Distance Unit {fields[6]!r} is not one of {sorted(FITNOTES_KM)}"
                    )
                if not clock:
                    raise RowError("cardio entry without a Time: no duration for its load")
                try:
                    minutes = parse_duration(clock) / 60
                except ValueError:
                    raise RowError(f"Time {clock!r} is not like 0:30:00") from None
                km = distance * FITNOTES_KM.get(words, 1.0) if distance else math.nan
                sport = activity_sport(exercise)
                cardio.append(
                    _session(
                        start, sport, exercise, minutes, km, math.nan, math.nan, f"{name}:{line}"
                    )
                )
                continue
            weight = _non_negative(fields[3], keys[3])
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        workout = ", ".join(categories.get(day, ()))
        durations.setdefault((start, workout), math.nan)
        sets.append(
            {
                "start": start,
                "date": start.date(),
                "workout": workout,
                "exercise": exercise,
                "set": "",
                "set_type": "normal",
                "reps": reps,
                "weight_kg": 0.0 if math.isnan(weight) else weight * factor,
                "weight_unit": unit,
                "rpe": math.nan,
                "notes": "",
                "source": f"{name}:{line}",
            }
        )
    return _strength_result(sets, durations, skipped, len(records), cardio)
