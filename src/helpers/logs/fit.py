"""Garmin, COROS, Suunto, Wahoo and Zwift ``.fit`` activity files (gzipped or not).

Each ``session`` message is one sport leg: a run, a ride, a strength session. Strength sessions
also give their ``set`` messages as the sets table. A multisport file (triathlon, brick,
strength + run) gives one session per leg, each as the file has it; its ``transition`` legs are
not training and are listed in ``notes`` (time and distance), never added to another leg.
"""

from __future__ import annotations

import io
import math
import struct
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd

from helpers.logs._schema import (
    FIT_SPORTS,
    SET_COLUMNS,
    ImportResult,
    RowError,
    _aware,
    _log_frame,
    _read_bytes,
    _session,
    _skipped_frame,
    _tzinfo,
    gunzip,
)

#: FIT ``exercise_category`` numbers (FIT SDK profile) → names; 65534 is "unknown".
EXERCISE_CATEGORIES = dict(
    enumerate(
        (
            "bench_press calf_raise cardio carry chop core crunch curl deadlift flye hip_raise "
            "hip_stability hip_swing hyperextension lateral_raise leg_curl leg_raise lunge "
            "olympic_lift plank plyo pull_up push_up row shoulder_press shoulder_stability "
            "shrug sit_up squat total_body triceps_extension warm_up run bike cardio_sensors "
            "move pose banded_exercises battle_rope elliptical floor_climb indoor_bike "
            "indoor_row ladder sandbag sled sledge_hammer stair_stepper"
        ).split()
    )
) | {49: "suspension", 50: "tire", 52: "run_indoor", 53: "bike_outdoor"}
#: FIT times below this are seconds since the device was switched on, not since 1989 (FIT SDK).
RELATIVE_LIMIT = 0x10000000
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


def fit_bytes(data: bytes, name: str) -> bytes:
    """The FIT bytes of a file, unpacked when gzipped (Strava ships ``activities/*.fit.gz``)."""
    data = gunzip(data, name)
    if not data:
        raise ValueError(f"{name}: the file is empty")
    return data


def _messages(data: bytes, name: str):
    """Data messages as ``(name, {field: value})`` and the error that stopped reading, if any."""
    import fitdecode

    with warnings.catch_warnings():
        return _decode_messages(fitdecode, data, name)


def _decode_messages(fitdecode, data: bytes, name: str):

    messages, error = [], None
    try:
        warnings.simplefilter("ignore", UserWarning)  # fitdecode's notes on odd field sizes
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as fit:
            for frame in fit:
                if isinstance(frame, fitdecode.FitDataMessage):
                    messages.append((frame.name, {f.name: f.value for f in frame.fields}))
    except fitdecode.FitCRCError as err:
        raise ValueError(f"{name}: not a readable FIT file (checksum mismatch: {err})") from None
    except (
        fitdecode.FitError,
        EOFError,
        struct.error,
        LookupError,
        ValueError,
        TypeError,
        AssertionError,
    ) as err:
        # fitdecode meets damaged bytes with assorted errors: all mean "unreadable from here"
        error = str(err) or type(err).__name__
    return messages, error


def _clock_offset(messages, tzinfo) -> timedelta | None:
    """Offset turning power-on-relative times into real ones, from the file's own messages.

    ``timestamp_correlation`` pairs a relative ``system_timestamp`` with the real
    ``timestamp``; the ``activity`` message pairs its relative ``timestamp`` with the real
    ``local_timestamp`` (local time, read in ``tz``). None when the file has neither.
    """
    for kind, values in messages:
        system, real = values.get("system_timestamp"), values.get("timestamp")
        if (
            kind == "timestamp_correlation"
            and isinstance(system, int)
            and isinstance(real, datetime)
        ):
            return real - (FIT_EPOCH + timedelta(seconds=system))
    for kind, values in messages:
        relative, local = values.get("timestamp"), values.get("local_timestamp")
        if kind == "activity" and isinstance(relative, int) and local is not None:
            if isinstance(local, int):
                local = FIT_EPOCH + timedelta(seconds=local)
            local = _aware(local.replace(tzinfo=None), tzinfo)
            return local - (FIT_EPOCH + timedelta(seconds=relative))
    return None


def _moment(value, offset, what: str) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, int) and value < RELATIVE_LIMIT:
        if offset is None:
            raise RowError(
                f"{what} is {value} s after power-on and the file has no real time to anchor it"
            )
        return FIT_EPOCH + timedelta(seconds=value) + offset
    raise RowError(f"session has no {what}")


def _exercise(values, steps: dict) -> str:
    step = values.get("wkt_step_index")
    if step is not None and step in steps:
        return steps[step]
    categories = values.get("category")
    first = categories[0] if isinstance(categories, tuple) else categories
    if isinstance(first, str):
        return first
    return EXERCISE_CATEGORIES.get(first, "unknown") if isinstance(first, int) else "unknown"


def _sets(messages, offset, name: str) -> list[dict]:
    """Active ``set`` messages as set rows (rest sets are skipped): exercise, reps, weight."""
    steps = {}
    for kind, values in messages:
        if kind in ("workout_step", "exercise_title") and values.get("message_index") is not None:
            label = values.get("wkt_step_name") or values.get("exercise_category")
            if label:
                steps[values["message_index"]] = str(label)
    rows, order = [], 0
    for kind, values in messages:
        if kind != "set" or str(values.get("set_type")) != "active":
            continue
        order += 1
        try:
            start = _moment(values.get("start_time") or values.get("timestamp"), offset, "time")
        except RowError:
            continue
        weight = values.get("weight")
        unit = str(values.get("weight_display_unit") or "kilogram")
        rows.append(
            {
                "start": start,
                "date": start.date(),
                "workout": "",
                "exercise": _exercise(values, steps),
                "set": str(order),
                "set_type": "normal",
                "reps": math.nan if values.get("repetitions") is None else values["repetitions"],
                "weight_kg": math.nan if weight is None else float(weight),
                "weight_unit": "lb" if unit.startswith("pound") else "kg",
                "rpe": math.nan,
                "notes": "",
                "source": f"{name}:set {values.get('message_index', order)}",
            }
        )
    return rows


def _split_transitions(legs: list[dict], name: str) -> tuple[list[dict], list[tuple]]:
    """The legs that are not transitions, and a note for each transition (time, distance).

    A file of transitions only keeps them as its legs (there is nothing else to read)."""
    kept = [leg for leg in legs if leg["sport_name"] != "transition"]
    if not kept:
        return legs, []
    notes = []
    for leg in legs:
        if leg["sport_name"] == "transition":
            km = float(leg["metres"]) / 1000 if leg["metres"] else 0.0
            minutes, seconds = divmod(round(leg["seconds"]), 60)
            notes.append(
                (
                    name,
                    f"session {leg['n']}",
                    f"transition of {minutes}:{seconds:02d} and {km:.2f} km: "
                    "not a training leg, not counted",
                )
            )
    return kept, notes


def read_fit_bytes(data: bytes, name: str, tz="UTC") -> ImportResult:
    """Read FIT activity bytes (see :func:`read_fit`); ``name`` labels sources and errors."""
    tzinfo = _tzinfo(tz)
    data = fit_bytes(data, name)
    messages, error = _messages(data, name)
    sessions = [values for kind, values in messages if kind == "session"]
    if error and not sessions:
        raise ValueError(f"{name}: not a readable FIT file ({error})")
    offset = _clock_offset(messages, tzinfo)
    notes = []
    if not sessions:
        kinds = [str(v.get("type")) for k, v in messages if k == "file_id"]
        what = kinds[0] if kinds else "unknown"
        if what != "activity":
            raise ValueError(f"{name}: not a FIT activity file (file type {what!r})")
        built = _session_from_records(messages, offset)
        if built is not None:
            sessions = [built]
            notes.append((name, "session 1", "no session message: built from the records"))
    legs, skipped = [], []
    for n, values in enumerate(sessions, start=1):
        try:
            start = _aware(_moment(values.get("start_time"), offset, "start_time"), tzinfo)
            seconds = values.get("total_timer_time") or values.get("total_elapsed_time")
            if seconds is None or not seconds >= 0:
                raise RowError(f"total_timer_time {seconds!r} is missing or negative")
        except RowError as err:
            skipped.append((name, f"session {n}", str(err)))
            continue
        sport_name = str(values.get("sport") or "")
        sport = FIT_SPORTS.get(sport_name.lower(), "other")
        if str(values.get("sub_sport")) == "strength_training":
            sport = "strength"
        hr = values.get("avg_heart_rate")
        legs.append(
            {
                "n": n,
                "start": start,
                "sport": sport,
                "sport_name": sport_name,
                "seconds": float(seconds),
                "metres": values.get("total_distance"),
                "hr": math.nan if hr is None else float(hr),
            }
        )
    legs, transitions = _split_transitions(legs, name)
    notes.extend(transitions)
    rows = [
        _session(
            leg["start"],
            leg["sport"],
            leg["sport_name"],
            leg["seconds"] / 60,
            float(leg["metres"]) / 1000 if leg["metres"] else math.nan,  # 0: no distance
            math.nan,
            leg["hr"],
            f"{name}:session {leg['n']}",
        )
        for leg in legs
    ]
    if error:
        skipped.append((name, "rest of file", f"damaged after the sessions: {error}"))
    sets = pd.DataFrame(_sets(messages, offset, name), columns=SET_COLUMNS)
    if len(sets):
        sets["start"] = pd.to_datetime(sets["start"], utc=True)
        sets["workout"] = _workout_names(sets, rows)
    return ImportResult(
        _log_frame(rows),
        sets,
        _skipped_frame(skipped),
        rows_read=len(sessions) + bool(error),
        kept=len(rows) + len(transitions),
        notes=_skipped_frame(notes),
    )


def _session_from_records(messages, offset) -> dict | None:
    """A session from the ``record`` messages of an activity file written without one.

    Start and duration from the first and last record times, distance from the largest
    cumulative ``distance`` [m], heart rate the mean of the records' ``heart_rate``, sport from
    the file's ``sport`` or ``lap`` message. None when fewer than two records have a time.
    """
    times, metres, beats = [], [], []
    for kind, values in messages:
        if kind != "record":
            continue
        try:
            times.append(_moment(values.get("timestamp"), offset, "timestamp"))
        except RowError:
            continue
        if isinstance(values.get("distance"), (int, float)):
            metres.append(float(values["distance"]))
        if isinstance(values.get("heart_rate"), (int, float)):
            beats.append(float(values["heart_rate"]))
    if len(times) < 2:
        return None
    sport = next(
        (v["sport"] for k, v in messages if k in ("sport", "lap") and v.get("sport")), None
    )
    return {
        "start_time": min(times),
        "total_timer_time": (max(times) - min(times)).total_seconds(),
        "total_distance": max(metres) if metres else None,
        "avg_heart_rate": sum(beats) / len(beats) if beats else None,
        "sport": sport,
    }


def _workout_names(sets: pd.DataFrame, rows: list[dict]) -> list[str]:
    """Each set's session: the last strength session starting at or before the set."""
    starts = sorted(
        (pd.Timestamp(r["start"]), r["source"]) for r in rows if r["sport"] == "strength"
    )
    names = []
    for moment in sets["start"]:
        earlier = [source for start, source in starts if start <= moment + pd.Timedelta("1s")]
        names.append(earlier[-1] if earlier else (starts[0][1] if starts else ""))
    return names


def read_fit(path, tz="UTC") -> ImportResult:
    """Read a ``.fit`` activity file (or ``.fit.gz``): one row per sport leg, and its sets.

    Each ``session`` message gives ``start_time``, ``sport`` (mapped by :data:`FIT_SPORTS`;
    ``sub_sport`` ``strength_training`` counts as strength), ``total_timer_time`` [s],
    ``total_distance`` [m] and ``avg_heart_rate`` [bpm]. Multisport legs are kept as the file
    has them; transitions are listed in ``notes`` and not counted. Strength ``set`` messages
    become ``sets``: exercise (the watch's workout step name, else the first of the set's
    ``category`` guesses by :data:`EXERCISE_CATEGORIES`), reps, ``weight_kg`` (FIT stores kg)
    with the unit the watch displayed, and order; rest sets are left out. Times the watch kept
    relative to power-on (Forerunner 70) are anchored with the file's own
    ``timestamp_correlation`` or ``activity`` message. FIT files carry no session RPE, so the
    load is the estimate (see :mod:`helpers.logs`). A file damaged after its sessions keeps them
    and reports the damage in ``skipped``.

    Parameters
    ----------
    path : str or Path
        The ``.fit`` or gzipped ``.fit.gz`` file.
    tz : str
        Timezone for naive or local-only times (FIT timestamps are UTC).

    Returns
    -------
    ImportResult

    Raises
    ------
    ValueError
        The file is empty, truncated before any session, corrupt, or not an activity file
        (settings, workout plans); the message names the file.

    Examples
    --------
    >>> result = read_fit("data/samples/strava_export/activities/1003.fit.gz")  # doctest: +SKIP
    >>> result.sets[["exercise", "reps", "weight_kg"]].head()  # doctest: +SKIP
    """
    path = Path(path)
    return read_fit_bytes(_read_bytes(path), path.name, tz)
