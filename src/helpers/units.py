"""Units the course uses: kilograms and pounds, kilometres and miles, durations and paces.

The models work in SI-like units (kg, km, metres, seconds, minutes); these functions convert at
the edges, where a runner types or reads a number. Conversion factors are exact by definition
(international yard and pound agreement, 1959): 1 lb = 0.45359237 kg, 1 mi = 1.609344 km.

Example
-------
>>> round(kg_to_lb(100.0), 2)
220.46
>>> parse_duration("3:10:49")
11449.0
>>> format_pace(270.0)
'4:30/km'
"""

from __future__ import annotations

import math
import re

from helpers._checks import as_float_array, check_choice, check_range, like_input

#: Kilograms in one international avoirdupois pound [kg/lb] (exact).
KG_PER_LB = 0.45359237
#: Kilometres in one international mile [km/mi] (exact).
KM_PER_MI = 1.609344
#: The marathon distance [km].
MARATHON_KM = 42.195


def kg_to_lb(mass_kg):
    """Mass in pounds from kilograms: ``lb = kg / 0.45359237``.

    Parameters
    ----------
    mass_kg : float, array or Series
        Mass [kg], finite and ≥ 0.

    Returns
    -------
    float, array or Series, like the input
        Mass [lb].
    """
    check_range("mass_kg", mass_kg, 0, unit="kg")
    return _scale(mass_kg, 1 / KG_PER_LB)


def lb_to_kg(mass_lb):
    """Mass in kilograms from pounds: ``kg = lb × 0.45359237``.

    Parameters
    ----------
    mass_lb : float, array or Series
        Mass [lb], finite and ≥ 0.

    Returns
    -------
    float, array or Series, like the input
        Mass [kg].
    """
    check_range("mass_lb", mass_lb, 0, unit="lb")
    return _scale(mass_lb, KG_PER_LB)


def km_to_mi(distance_km):
    """Distance in miles from kilometres: ``mi = km / 1.609344``.

    Parameters
    ----------
    distance_km : float, array or Series
        Distance [km], finite and ≥ 0.

    Returns
    -------
    float, array or Series, like the input
        Distance [mi].
    """
    check_range("distance_km", distance_km, 0, unit="km")
    return _scale(distance_km, 1 / KM_PER_MI)


def mi_to_km(distance_mi):
    """Distance in kilometres from miles: ``km = mi × 1.609344``.

    Parameters
    ----------
    distance_mi : float, array or Series
        Distance [mi], finite and ≥ 0.

    Returns
    -------
    float, array or Series, like the input
        Distance [km].
    """
    check_range("distance_mi", distance_mi, 0, unit="mi")
    return _scale(distance_mi, KM_PER_MI)


def _scale(value, factor: float):
    """``value × factor`` shaped like ``value`` (scalar → float, Series → Series)."""
    return like_input(value, as_float_array("value", value) * factor)


_DURATION = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$")


def parse_duration(text: str) -> float:
    """Seconds in a clock duration ``"h:mm:ss"`` or ``"m:ss"`` (``"3:10:49"`` → 11449.0).

    Parameters
    ----------
    text : str
        ``"h:mm:ss"``, ``"mm:ss"`` or ``"m:ss"``; seconds may have decimals. Minutes and seconds
        after the first field must be below 60.

    Returns
    -------
    float
        Duration [s].

    Raises
    ------
    ValueError
        When ``text`` is not a duration of that form.
    """
    match = _DURATION.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"text must be a duration like '3:10:49' or '42:30', got {text!r}")
    hours, minutes, seconds = match.groups()
    minutes, seconds = int(minutes), float(seconds)
    if seconds >= 60 or (hours is not None and minutes >= 60):
        raise ValueError(f"text must have minutes and seconds below 60, got {text!r}")
    return (int(hours or 0) * 60 + minutes) * 60 + seconds


def format_duration(seconds: float) -> str:
    """A clock duration ``"h:mm:ss"`` (or ``"m:ss"`` under an hour), rounded to the second.

    Parameters
    ----------
    seconds : float
        Duration [s], finite and ≥ 0.

    Returns
    -------
    str
        For example ``format_duration(11449)`` → ``"3:10:49"``.
    """
    check_range("seconds", seconds, 0, unit="s")
    total = int(math.floor(float(seconds) + 0.5))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_PACE = re.compile(r"^\s*(\d{1,2}):(\d{2}(?:\.\d+)?)\s*(?:/\s*(km|mi))?\s*$")


def parse_pace(text: str) -> float:
    """Seconds per kilometre in a pace ``"4:30/km"`` or ``"7:15/mi"`` (no unit means per km).

    Parameters
    ----------
    text : str
        ``"m:ss/km"`` or ``"m:ss/mi"``; seconds below 60.

    Returns
    -------
    float
        Pace [s/km]. A pace per mile is converted: ``s/km = s/mi ÷ 1.609344``.
    """
    match = _PACE.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"text must be a pace like '4:30/km' or '7:15/mi', got {text!r}")
    minutes, seconds, unit = match.groups()
    seconds = float(seconds)
    if seconds >= 60:
        raise ValueError(f"text must have seconds below 60, got {text!r}")
    per_unit = int(minutes) * 60 + seconds
    if per_unit <= 0:
        raise ValueError(f"text must be a pace above 0:00, got {text!r}")
    return per_unit / KM_PER_MI if unit == "mi" else per_unit


def format_pace(seconds_per_km: float, unit: str = "km") -> str:
    """A pace ``"m:ss/km"`` or ``"m:ss/mi"`` from seconds per kilometre, rounded to the second.

    Parameters
    ----------
    seconds_per_km : float
        Pace [s/km], finite and > 0.
    unit : {"km", "mi"}
        Unit of the text: per kilometre, or per mile (``s/mi = s/km × 1.609344``).

    Returns
    -------
    str
        For example ``format_pace(270)`` → ``"4:30/km"``.
    """
    check_range("seconds_per_km", seconds_per_km, 0, low_inclusive=False, unit="s/km")
    check_choice("unit", unit, ("km", "mi"))
    per_unit = float(seconds_per_km) * (KM_PER_MI if unit == "mi" else 1.0)
    total = int(math.floor(per_unit + 0.5))
    return f"{total // 60}:{total % 60:02d}/{unit}"


def pace_from_time(time_s, distance_km):
    """Average pace [s/km] of a run: ``pace = time ÷ distance``.

    Parameters
    ----------
    time_s : float, array or Series
        Duration [s], finite and > 0.
    distance_km : float, array or Series
        Distance [km], finite and > 0.

    Returns
    -------
    float, array or Series, like ``time_s``
        Pace [s/km].
    """
    check_range("time_s", time_s, 0, low_inclusive=False, unit="s")
    check_range("distance_km", distance_km, 0, low_inclusive=False, unit="km")
    pace = as_float_array("time_s", time_s) / as_float_array("distance_km", distance_km)
    return like_input(time_s, pace)
