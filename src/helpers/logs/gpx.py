"""GPX tracks (watches, phone apps, Strava's own GPX), parsed safely with defusedxml."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path

from helpers.logs._schema import (
    FIT_SPORTS,
    ImportResult,
    _aware,
    _decode,
    _log_frame,
    _read_bytes,
    _session,
    _skipped_frame,
    _tzinfo,
    gunzip,
)
from helpers.logs.strava import strava_sport

#: Strava's numeric GPX ``<type>`` codes → sport (1 Ride, 4 Hike, 9 Run, 10 Walk, 16 Swim,
#: 17 Virtual Ride, 26 Crossfit, 30 Weight Training, 53 Virtual Run; others → other).
STRAVA_GPX_TYPES = {
    "1": "cross",
    "4": "cross",
    "9": "run",
    "10": "cross",
    "16": "cross",
    "17": "cross",
    "26": "strength",
    "30": "strength",
    "53": "run",
}
#: Speed bands of the inference for untyped tracks [km/h]: see :func:`infer_sport`.
RUN_KMH = (7.5, 20.0)
WINDOW_S = 30.0
VEHICLE_KMH = 30.0
EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG)
EARLIEST_YEAR = 1990  # earlier times are placeholders (FIT/GPS epoch defaults, 1970)


def haversine_m(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance [m] between two points [degrees] on a sphere of mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def text_sport(value: str) -> str:
    """Sport of a GPX/TCX type: Strava's codes, FIT sport names, or words in any language."""
    text = (value or "").strip()
    if text in STRAVA_GPX_TYPES:
        return STRAVA_GPX_TYPES[text]
    if text.lower() in FIT_SPORTS:
        return FIT_SPORTS[text.lower()]
    return strava_sport(text.replace("_", " "))


def infer_sport(steps: list[tuple[float, float]]) -> tuple[str, str]:
    """Sport of an untyped track from its speeds, and the reason in words.

    ``steps`` are (metres, seconds) between consecutive points. They are pooled into windows
    of at least :data:`WINDOW_S` seconds, so one GPS jump does not look like a sprint. Moving
    windows are those faster than 2 km/h (no standing drift). Rule: more than 5 % of moving time above 30 km/h →
    ``other`` (a ride or a vehicle); else the time-weighted median moving speed decides:
    7.5–20 km/h → ``run``, below 7.5 km/h → ``cross`` (walk or hike), above 20 km/h →
    ``other`` (faster than a marathon world record: not a run).
    """
    windows, metres, seconds = [], 0.0, 0.0
    for m, s in steps:
        metres, seconds = metres + m, seconds + max(s, 0.0)
        if seconds >= WINDOW_S:
            windows.append((metres / seconds * 3.6, seconds))
            metres = seconds = 0.0
    if seconds > 0:
        windows.append((metres / seconds * 3.6, seconds))
    moving = [(kmh, s) for kmh, s in windows if kmh > 2.0]
    total = sum(s for _, s in moving)
    if total <= 0:
        return "other", "untyped track without movement: sport unknown"
    fast = sum(s for kmh, s in moving if kmh > VEHICLE_KMH) / total
    if fast > 0.05:
        return "other", (
            f"untyped track, {fast:.0%} of moving time above {VEHICLE_KMH:.0f} km/h: "
            "a ride or a vehicle, not counted as a run"
        )
    half, run, kmh = total / 2, 0.0, 0.0
    for speed, s in sorted(moving):
        run, kmh = run + s, speed
        if run >= half:
            break
    low, high = RUN_KMH
    sport = "run" if low <= kmh <= high else ("cross" if kmh < low else "other")
    return sport, f"untyped track, median moving speed {kmh:.1f} km/h: {sport}"


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _children(element, name: str):
    return [c for c in element if _local(c.tag) == name]


def _child_text(element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _time(text: str, tzinfo) -> datetime | None:
    if not text:
        return None
    try:
        moment = _aware(datetime.fromisoformat(text.replace("Z", "+00:00")), tzinfo)
    except ValueError:
        return None
    return moment if moment.year >= EARLIEST_YEAR else None


def parse_xml(data: bytes, name: str, what: str):
    """The root element of a user's XML file, parsed with defusedxml (no entities, no DTDs)."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    data = gunzip(data, name).lstrip()  # Strava's TCX files start with spaces before <?xml
    _decode(data, name)
    try:
        return SafeET.fromstring(data)
    except SafeET.ParseError as err:
        raise ValueError(f"{name}: not a readable {what} file ({err})") from None
    except DefusedXmlException as err:
        raise ValueError(f"{name}: refused, the XML declares entities or a DTD ({err})") from None


def read_gpx_bytes(data: bytes, name: str, tz="UTC") -> ImportResult:
    """Read GPX bytes (see :func:`read_gpx`); ``name`` labels sources and errors."""
    tzinfo = _tzinfo(tz)
    root = parse_xml(data, name, "GPX")
    if _local(root.tag) != "gpx":
        raise ValueError(f"{name}: not a GPX file (root element {_local(root.tag)!r})")
    tracks = _children(root, "trk")
    if not tracks:
        routes = len(_children(root, "rte"))
        raise ValueError(
            f"{name}: no track to import ({routes} planned route(s), "
            f"{len(_children(root, 'wpt'))} waypoint(s)): a plan, not an activity"
        )
    rows, skipped, notes = [], [], []
    for n, track in enumerate(tracks, start=1):
        label = f"track {n}"
        points = [p for seg in _children(track, "trkseg") for p in _children(seg, "trkpt")]
        if not points:
            skipped.append((name, label, "track has no points"))
            continue
        times = [_time(_child_text(p, "time"), tzinfo) for p in points]
        timed = [t for t in times if t is not None]
        if len(timed) < 2 or len(timed) < len(points) / 2 or max(timed) == min(timed):
            skipped.append(
                (
                    name,
                    label,
                    f"track has real times on {len(timed)} of {len(points)} points "
                    "(missing or placeholder times): no duration",
                )
            )
            continue
        metres, steps = 0.0, []
        for seg in _children(track, "trkseg"):
            previous = None
            for point in _children(seg, "trkpt"):
                try:
                    here = (float(point.get("lat")), float(point.get("lon")))
                except (TypeError, ValueError):
                    continue
                moment = _time(_child_text(point, "time"), tzinfo)
                if previous is not None:
                    step = haversine_m(*previous[0], *here)
                    metres += step
                    if moment is not None and previous[1] is not None:
                        steps.append((step, (moment - previous[1]).total_seconds()))
                previous = (here, moment)
        start, end = min(timed), max(timed)
        kind = _child_text(track, "type")
        if kind:
            sport = text_sport(kind)
        else:
            sport, why = infer_sport(steps)
            notes.append((name, label, why))
        rows.append(
            _session(
                start,
                sport,
                _child_text(track, "name"),
                (end - start).total_seconds() / 60,
                metres / 1000,
                math.nan,
                math.nan,
                f"{name}:{label}",
            )
        )
    return ImportResult(
        _log_frame(rows),
        skipped=_skipped_frame(skipped),
        rows_read=len(tracks),
        notes=_skipped_frame(notes),
    )


def read_gpx(path, tz="UTC") -> ImportResult:
    """Read the tracks of a ``.gpx`` file: one row per track.

    Start is the first timed point, duration the span to the last, distance the sum of
    haversine steps between consecutive points within each segment (a gap between segments
    does not count). The sport comes from the track's ``<type>``: Strava's numeric codes
    (:data:`STRAVA_GPX_TYPES`), FIT names (``running``, ``road_biking``) or words in any
    language. An untyped track is not assumed to be a run: :func:`infer_sport` decides from its
    speeds, and the reason is in ``notes``. A track without points, or with real times on
    fewer than half its points or fewer than two (missing, or placeholders before 1990), is
    skipped with the reason. The XML is parsed with defusedxml.

    Parameters
    ----------
    path : str or Path
    tz : str
        Timezone for point times written without one.

    Returns
    -------
    ImportResult

    Raises
    ------
    ValueError
        Not readable XML, not GPX, or no track at all (a planned route); names the file.
    """
    path = Path(path)
    return read_gpx_bytes(_read_bytes(path), path.name, tz)
