"""What a runner tells the plan builder: :class:`PlanSpec`, its checks, and a spec from a log."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import exercises as library
from helpers import running, units
from helpers._checks import check_choice, check_integer, check_range

LEVELS = ("beginner", "intermediate", "advanced")
LONG_RUN_RULES = ("traditional", "daniels")
RUN_DAYS = {"beginner": 4, "intermediate": 5, "advanced": 6}
#: VDOT assumed when the spec names no recent race [ml/kg/min]: about a 4:15 h, 3:30 h and
#: 2:55 h marathon (Daniels' tables). A course assumption, stated in every plan that uses it.
ASSUMED_VDOT = {"beginner": 35.0, "intermediate": 45.0, "advanced": 55.0}
#: A log's run counts as a race or hard effort when its name says so or its RPE is 7 or more.
HARD_EFFORT = re.compile(r"race|parkrun|time trial|tempo|threshold|interval", re.IGNORECASE)


@dataclass(frozen=True)
class PlanSpec:
    """What a runner tells the plan builder.

    Parameters
    ----------
    race_date : datetime.date
        Race day; the plan's last week ends on it.
    weeks : int
        Length of the block, 12–24.
    current_weekly_km, peak_weekly_km : float
        Running volume now and at the peak [``units`` per week]; peak ≥ current > 0.
    strength_sessions_per_week : int
        2–3 as the course recommends; 0–1 allowed to compare.
    level : {"beginner", "intermediate", "advanced"}
    equipment : {"home", "gym"} or set of str
        A preset of :data:`helpers.exercises.EQUIPMENT_PRESETS` or the items available.
    units : {"km", "mi"}
        Unit of the two volumes (the plan's tables are in km whatever the unit).
    run_days_per_week : int, optional
        3–7; by default 4, 5 or 6 by level.
    recovery_every : int
        A recovery week every N weeks in base and build, 3–5.
    today : datetime.date, optional
        When given, a plan that would start before it is refused.
    long_run : {"traditional", "daniels"}
        The long-run rule (:func:`helpers.plans.long_runs`).
    current_long_run_km : float, optional
        The longest run of the last few weeks [km]; by default 30 % of the current week.
    recent_race_km, recent_race_min : float, optional
        A recent race or all-out effort: distance [km] and time [min]. Both or neither. It sets
        the VDOT and so every training pace; without it the plan assumes a VDOT by level
        (:data:`ASSUMED_VDOT`) and says so.
    history : str, optional
        Where the numbers came from (set by :meth:`from_log`); shown in ``Plan.assumptions``.
    """

    race_date: dt.date
    weeks: int = 16
    current_weekly_km: float = 40.0
    peak_weekly_km: float = 65.0
    strength_sessions_per_week: int = 2
    level: str = "intermediate"
    equipment: object = "gym"
    units: str = "km"
    run_days_per_week: int | None = None
    recovery_every: int = 4
    today: dt.date | None = None
    long_run: str = "traditional"
    current_long_run_km: float | None = None
    recent_race_km: float | None = None
    recent_race_min: float | None = None
    history: str | None = None

    def label(self) -> str:
        """A short name for comparisons: "2× strength, 16 wk, peak 65 km"."""
        return (
            f"{self.strength_sessions_per_week}× strength, {self.weeks} wk, "
            f"peak {self.peak_weekly_km:g} {self.units}"
        )

    @classmethod
    def from_log(cls, log, race_date, peak_weekly_km=None, weeks=None, **fields) -> PlanSpec:
        """A spec that starts where a training log ends (see :func:`spec_from_log`)."""
        return spec_from_log(log, race_date, peak_weekly_km, weeks, **fields)


def spec_from_log(log, race_date, peak_weekly_km=None, weeks=None, **fields) -> PlanSpec:
    """A :class:`PlanSpec` from a training log in the :mod:`helpers.logs` schema.

    From the runs (``sport == "run"``) of the last 28 days of the log (ending on its last
    date, any sport):

    - ``current_weekly_km`` = their total distance ÷ 4 (the mean of the last 4 weeks);
    - ``current_long_run_km`` = the longest of them;
    - ``recent_race_km``/``recent_race_min``: over the last 8 weeks, the run with the highest
      VDOT (:func:`helpers.running.vdot`) among races and hard efforts (name with race,
      parkrun, time trial, tempo, threshold or interval, or RPE ≥ 7), at least 3 km and
      10 min. A training session's average pace includes its warm-up and recoveries, so
      this VDOT is a lower bound; none found, the plan assumes one by level.

    Parameters
    ----------
    log : DataFrame
        Columns ``date``, ``sport``, ``name``, ``duration_min``, ``distance_km``, ``rpe``.
    race_date : datetime.date
    peak_weekly_km : float, optional
        Default: 1.5 × the current weekly distance, rounded (a course choice).
    weeks : int, optional
        Default: the whole weeks from the day after the log to race day, at most 24.
    **fields
        Any other :class:`PlanSpec` field (``level``, ``strength_sessions_per_week``, …).

    Returns
    -------
    PlanSpec
        With ``history`` saying where each number came from.

    Examples
    --------
    >>> spec = PlanSpec.from_log(log, dt.date(2027, 4, 18), level="intermediate")  # doctest: +SKIP
    """
    if not isinstance(race_date, dt.date) or isinstance(race_date, dt.datetime):
        raise ValueError(f"race_date must be a datetime.date, got {race_date!r}")
    if not isinstance(log, pd.DataFrame):
        raise ValueError(
            f"log must be a DataFrame in the helpers.logs schema, got {type(log).__name__}"
        )
    missing = {"date", "sport", "duration_min", "distance_km"} - set(log.columns)
    if missing:
        raise ValueError(
            f"log is missing the column(s) {sorted(missing)} of the helpers.logs schema"
        )
    if log.empty:
        raise ValueError("log must have at least one session, got an empty table")
    days = pd.to_datetime(log["date"]).dt.date
    end = max(days)
    runs = log[(log["sport"] == "run") & np.isfinite(log["distance_km"].astype(float))]
    run_days = days[runs.index]
    recent = runs[run_days > end - dt.timedelta(days=28)]
    if recent.empty:
        raise ValueError(
            f"log has no run with a distance in the 28 days to {end}; cannot set the current volume"
        )
    current = round(float(recent["distance_km"].sum()) / 4, 1)
    longest = round(float(recent["distance_km"].max()), 1)
    if weeks is None:
        weeks = min(24, (race_date - end).days // 7)
    if peak_weekly_km is None:
        peak_weekly_km = float(round(1.5 * current))
    note = (
        f"From the log to {end}: {current:g} km a week (mean of the last 4 weeks), "
        f"longest run {longest:g} km."
    )
    race_km = race_min = None
    window = runs[(run_days > end - dt.timedelta(days=56)).to_numpy()]
    names = window["name"].fillna("") if "name" in window else pd.Series("", index=window.index)
    rpe = window["rpe"].astype(float) if "rpe" in window else pd.Series(np.nan, index=window.index)
    hard = window[
        (names.str.contains(HARD_EFFORT) | (rpe >= 7))
        & (window["distance_km"] >= 3)
        & (window["duration_min"] >= 10)
    ]
    if not hard.empty:
        scores = running.vdot(
            hard["distance_km"].to_numpy() * 1000, hard["duration_min"].to_numpy() * 60
        )
        best = hard.iloc[int(np.argmax(scores))]
        race_km, race_min = (
            round(float(best["distance_km"]), 2),
            round(float(best["duration_min"]), 1),
        )
        label = best["name"] if "name" in hard and isinstance(best["name"], str) else "a hard run"
        note += (
            f" Paces from '{label}' on {days[best.name]} ({race_km:g} km in {race_min:g} min, "
            f"VDOT {float(np.max(scores)):.0f}; a lower bound if it was a session, not a race)."
        )
    spec = PlanSpec(
        race_date=race_date,
        weeks=weeks,
        current_weekly_km=current,
        peak_weekly_km=peak_weekly_km,
        current_long_run_km=longest,
        recent_race_km=race_km,
        recent_race_min=race_min,
        history=note,
        **fields,
    )
    check(spec)  # a spec the builder would refuse is refused here, naming the field
    return spec


def check(spec: PlanSpec) -> tuple[float, float, int]:
    """Validate a spec; return current and peak volume in km and the running days."""
    if not isinstance(spec.race_date, dt.date) or isinstance(spec.race_date, dt.datetime):
        raise ValueError(f"race_date must be a datetime.date, got {spec.race_date!r}")
    check_integer("weeks", spec.weeks, 12, 24)
    check_choice("units", spec.units, ("km", "mi"))
    factor = units.KM_PER_MI if spec.units == "mi" else 1.0
    low, high = 10 / factor, 300 / factor  # 10–300 km a week
    check_range("current_weekly_km", spec.current_weekly_km, low, high, unit=spec.units)
    check_range("peak_weekly_km", spec.peak_weekly_km, low, high, unit=spec.units)
    if spec.peak_weekly_km < spec.current_weekly_km:
        raise ValueError(
            f"peak_weekly_km must be at least current_weekly_km, got peak {spec.peak_weekly_km:g} "
            f"< current {spec.current_weekly_km:g} {spec.units}"
        )
    n = spec.strength_sessions_per_week
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 3:
        raise ValueError(
            f"strength_sessions_per_week must be 0–3 (2–3 recommended; 0–1 to compare), got {n!r}"
        )
    check_choice("level", spec.level, LEVELS)
    equipment_items(spec.equipment)
    days = spec.run_days_per_week if spec.run_days_per_week is not None else RUN_DAYS[spec.level]
    check_integer("run_days_per_week", days, 3, 7)
    check_integer("recovery_every", spec.recovery_every, 3, 5)
    check_choice("long_run", spec.long_run, LONG_RUN_RULES)
    if spec.current_long_run_km is not None:
        check_range("current_long_run_km", spec.current_long_run_km, 0, 50, unit="km")
    if (spec.recent_race_km is None) != (spec.recent_race_min is None):
        raise ValueError(
            "recent_race_km and recent_race_min go together: give both (distance and time) or "
            f"neither, got {spec.recent_race_km!r} km and {spec.recent_race_min!r} min"
        )
    if spec.recent_race_km is not None:
        check_range("recent_race_km", spec.recent_race_km, 0.4, 100, unit="km")
        check_range("recent_race_min", spec.recent_race_min, 1, 600, unit="min")
        try:
            value = race_vdot(spec)
        except ValueError as err:
            raise ValueError(f"recent_race_km/recent_race_min: {err}") from None
        if not 20 <= value <= 90:
            raise ValueError(
                f"recent_race_km/recent_race_min: {spec.recent_race_km:g} km in "
                f"{spec.recent_race_min:g} min gives VDOT {value:.0f}, outside the 20–90 the "
                "pace tables cover"
            )
    start = spec.race_date - dt.timedelta(days=7 * spec.weeks - 1)
    if spec.today is not None and start < spec.today:
        raise ValueError(
            f"race_date: a {spec.weeks}-week plan to {spec.race_date} would start on {start}, "
            f"before today ({spec.today}); choose fewer weeks or a later race"
        )
    return spec.current_weekly_km * factor, spec.peak_weekly_km * factor, days


def race_vdot(spec: PlanSpec) -> float:
    """VDOT of the spec's recent race (:func:`helpers.running.vdot`), or NaN without one."""
    if spec.recent_race_km is None:
        return math.nan
    return float(running.vdot(spec.recent_race_km * 1000, spec.recent_race_min * 60))


def equipment_items(equipment):
    """A preset name, or the frozenset of items after checking each."""
    if isinstance(equipment, str):
        check_choice("equipment", equipment, library.EQUIPMENT_PRESETS)
        return equipment
    try:
        items = frozenset(equipment)
    except TypeError:
        raise ValueError(
            f"equipment must be 'home', 'gym' or a set of items, got {equipment!r}"
        ) from None
    for item in items:
        check_choice("equipment", item, library.EQUIPMENT)
    return items
