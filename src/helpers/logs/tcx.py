"""Garmin Training Center XML (``.tcx``) activities, parsed safely with defusedxml."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path

from helpers.logs._schema import (
    ImportResult,
    RowError,
    _aware,
    _log_frame,
    _non_negative,
    _read_bytes,
    _session,
    _skipped_frame,
    _tzinfo,
)
from helpers.logs.gpx import parse_xml, text_sport

TCX_NS = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}


def read_tcx_bytes(data: bytes, name: str, tz="UTC") -> ImportResult:
    """Read TCX bytes (see :func:`read_tcx`); ``name`` labels sources and errors."""
    tzinfo = _tzinfo(tz)
    root = parse_xml(data, name, "TCX")
    if not root.tag.endswith("TrainingCenterDatabase"):
        raise ValueError(f"{name}: not a TCX file (root element {root.tag!r})")
    # plain activities, and the legs of a multisport session (Activities/MultiSportSession)
    activities = root.findall("t:Activities//t:Activity", TCX_NS)
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
            skipped.append((name, f"activity {n}", str(err)))
            continue
        hr = hr_seconds / seconds if seconds > 0 else math.nan
        rows.append(
            _session(
                start,
                text_sport(activity.get("Sport", "")),
                activity.get("Sport", ""),
                seconds / 60,
                metres / 1000 if metres > 0 else math.nan,
                math.nan,
                hr,
                f"{name}:activity {n}",
            )
        )
    return ImportResult(
        _log_frame(rows), skipped=_skipped_frame(skipped), rows_read=len(activities)
    )


def read_tcx(path, tz="UTC") -> ImportResult:
    """Read the activities of a Garmin ``.tcx`` file (Training Center XML, v2 namespace).

    One row per ``Activity``: start from ``Id``, duration and distance summed over its laps
    (``TotalTimeSeconds`` [s], ``DistanceMeters`` [m]), average heart rate weighted by lap
    time, sport from the ``Sport`` attribute (Running → run, Biking → cross, Other → other).
    The XML is parsed with defusedxml (no entities, no DTDs).

    Parameters
    ----------
    path : str or Path
    tz : str
        Timezone for times written without one.

    Returns
    -------
    ImportResult
    """
    path = Path(path)
    return read_tcx_bytes(_read_bytes(path), path.name, tz)
