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
from helpers.plans import runs
from helpers.plans.coach import threshold
from helpers.plans.runs import LONG_RUN_MODELS

LEVELS = ("beginner", "intermediate", "advanced")
#: The long-run rules by name (a :class:`helpers._registry.Registry`; ``LONG_RUN_MODELS``).
LONG_RUN_RULES = LONG_RUN_MODELS
#: Lifting experience: none (never lifted, or not for years), some (under about 6 months),
#: experienced; the ACSM progression models (Ratamess et al. 2009) dose novices differently.
LIFTING_EXPERIENCE = ("none", "some", "experienced")
RUN_DAYS = {"beginner": 4, "intermediate": 5, "advanced": 6}
#: VDOT used to size durations (minutes, the long run's time cap) when no performance is known
#: [ml/kg/min]; the sessions are then written by effort, never by pace. Deliberately slow: about
#: a 5:10 h, 4:10 h and 3:25 h marathon (first-time marathoners average about 5 h: Toresdahl et
#: al. 2020).
ASSUMED_VDOT = {"beginner": 30.0, "intermediate": 38.0, "advanced": 46.0}
#: A log's run counts as a race when its name says so (whole words).
RACE_NAME = re.compile(r"\b(?:race|parkrun|time trial|10k|5k|half|marathon)\b", re.IGNORECASE)
#: Largest average run at the peak [km]: the builder plans one run a day.
MAX_AVERAGE_RUN_KM = 24.0
#: Runs of a log whose pace estimates fitness: at least this long [km] and [min].
EFFORT_MIN_KM, EFFORT_MIN_MIN = 3.0, 10.0


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
        4–7; by default 4, 5 or 6 by level.
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
    lifting_experience : {"none", "some", "experienced"}
        Chooses the lifting (``level`` chooses the running). ``"none"`` (the default, the safe
        end): RPE doses all block, beginner exercises, no barbell, Nordic curls or pistols.
        ``"some"``: intermediate exercises, %1RM from the build phase (estimate the 1RM from an
        RPE set in base, lesson 03). ``"experienced"``: the whole library, %1RM throughout.
    log_end : datetime.date, optional
        Last day of the log the spec came from (set by :meth:`from_log`).

    Raises
    ------
    ValueError
        On construction, for a spec that cannot be planned, naming the field and why; a
        marathon block peaking under 30 km a week (Rasmussen et al. 2013) is refused.
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
    lifting_experience: str = "none"
    log_end: dt.date | None = None

    def __post_init__(self):
        validate(self)

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
    - ``recent_race_km``/``recent_race_min``: over the last 8 weeks, among runs of at least
      3 km and 10 min, the race with the highest VDOT (:func:`helpers.running.vdot`; a name
      with race, parkrun, time trial, 5k, 10k, half or marathon as whole words);
      without a race, the run with the median VDOT of the three best (the "best recent
      efforts": a training run's average pace includes warm-ups and easy parts, so this is a
      lower bound, and the median keeps one GPS error from setting every pace);
    - ``log_end``: the log's last day; the plan says so when it ends more than 4 weeks before
      the plan starts.

    Parameters
    ----------
    log : DataFrame
        Columns ``date``, ``sport``, ``name``, ``duration_min``, ``distance_km``, ``rpe``.
    race_date : datetime.date
    peak_weekly_km : float, optional
        Default: 1.25 × the current weekly distance, rounded (a course choice: a 25 % rise over
        a block; 1.5 × would take a 60 km runner to 90 km).
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
        peak_weekly_km = float(round(1.25 * current))
    note = (
        f"From the log to {end}: {current:g} km a week (mean of the last 4 weeks), "
        f"longest run {longest:g} km."
    )
    race_km = race_min = None
    window = runs[(run_days > end - dt.timedelta(days=56)).to_numpy()]
    pace = window["duration_min"] / window["distance_km"]  # min/km: drop paused or GPS errors
    window = window[
        (window["distance_km"] >= EFFORT_MIN_KM)
        & (window["duration_min"] >= EFFORT_MIN_MIN)
        & (window["duration_min"] <= 600)
        & pace.between(2.5, 15)
    ]
    if not window.empty:
        scores = np.asarray(
            running.vdot(
                window["distance_km"].to_numpy() * 1000, window["duration_min"].to_numpy() * 60
            ),
            dtype=float,
        )
        names = window["name"].fillna("") if "name" in window else pd.Series("", index=window.index)
        raced = names.str.contains(RACE_NAME).to_numpy() & (scores >= 20) & (scores <= 90)
        ok = (scores >= 20) & (scores <= 90)
        if raced.any():
            pick = int(np.flatnonzero(raced)[np.argmax(scores[raced])])
            method = "the best race of the last 8 weeks"
        elif ok.any():
            top = np.flatnonzero(ok)[np.argsort(-scores[ok], kind="stable")[:3]]
            pick = int(top[np.argsort(scores[top], kind="stable")[len(top) // 2]])
            method = f"the median of the {len(top)} best runs of the last 8 weeks (a lower bound)"
        else:
            pick = None
        if pick is not None:
            best = window.iloc[pick]
            race_km = round(float(best["distance_km"]), 2)
            race_min = round(float(best["duration_min"]), 1)
            label = best["name"] if isinstance(best.get("name"), str) else "a run"
            note += (
                f" Paces from {method}: '{label}' on {days[best.name]} ({race_km:g} km in "
                f"{race_min:g} min, VDOT {scores[pick]:.0f}); confirm it with the runner."
            )
    start = race_date - dt.timedelta(days=7 * weeks - 1)
    if (start - end).days > threshold("stale_log"):
        note += (
            f" The log ends {(start - end).days} days before the plan starts: its volume and "
            "long run may no longer be current."
        )
    if longest > current:
        note += f" The long run is taken as one week's running, {current:g} km."
        longest = current
    days_a_week = fields.get("run_days_per_week") or RUN_DAYS.get(
        fields.get("level", "intermediate"), 5
    )
    if longest < current / days_a_week:
        longest = round(current / days_a_week, 1)
        note += f" The long run is taken as the average run, {longest:g} km."
    spec = PlanSpec(
        race_date=race_date,
        weeks=weeks,
        current_weekly_km=current,
        peak_weekly_km=peak_weekly_km,
        current_long_run_km=longest,
        recent_race_km=race_km,
        recent_race_min=race_min,
        history=note,
        log_end=end,
        **fields,
    )
    return spec


def validate(spec: PlanSpec) -> tuple[float, float, int]:
    """Validate a spec (run on construction); return current and peak volume in km and the
    running days."""
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
    if days == 3:
        raise ValueError(
            "run_days_per_week: a marathon block on 3 running days leaves runs longer than the "
            "long run (one 3-day week cannot hold the volume in runs that grow by 10 % or less); "
            "give 4–7 days"
        )
    check_integer("run_days_per_week", days, 4, 7)
    check_integer("recovery_every", spec.recovery_every, 3, 5)
    if spec.peak_weekly_km * factor / days > MAX_AVERAGE_RUN_KM:
        raise ValueError(
            f"peak_weekly_km: {spec.peak_weekly_km * factor:.0f} km over {days} running days is "
            f"{spec.peak_weekly_km * factor / days:.1f} km a run on average, over the "
            f"{MAX_AVERAGE_RUN_KM:g} km the builder plans (one run a day, no doubles); add "
            "running days (run_days_per_week) or lower the peak"
        )
    if spec.long_run == "daniels" and days < 5:
        raise ValueError(
            "long_run: the 'daniels' rule (25–30 % of the week) needs 5 or more running days; "
            f"with run_days_per_week={days} the other runs would outgrow the long run"
        )
    try:
        LONG_RUN_MODELS.check(spec.long_run)
    except ValueError as err:
        raise ValueError(f"long_run: {err}") from None
    check_choice("lifting_experience", spec.lifting_experience, LIFTING_EXPERIENCE)
    current_km = spec.current_weekly_km * factor
    if spec.current_long_run_km is not None:
        check_range("current_long_run_km", spec.current_long_run_km, 0, 50, unit="km")
        average = current_km / days
        if not average - 0.05 <= spec.current_long_run_km <= current_km + 0.05:
            raise ValueError(
                f"current_long_run_km must lie between the average run ({average:.1f} km: "
                f"{current_km:.1f} km over {days} days) and the whole week, got "
                f"{spec.current_long_run_km:g} km"
            )
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
    _, reached = runs.weekly_volume(
        current_km, spec.peak_weekly_km * factor, spec.weeks, spec.recovery_every
    )
    least = threshold("marathon_low_volume")
    if reached < least:
        raise ValueError(
            f"peak_weekly_km: this block peaks at {reached:.0f} km a week, under the {least:g} "
            "km below which marathoners had about twice the injuries (RR 2.02, 95 % CI "
            "1.26–3.24; Rasmussen et al. 2013); build a half-marathon block first, or raise "
            "the peak (and the weeks) to reach 30 km"
        )
    return current_km, spec.peak_weekly_km * factor, days


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
