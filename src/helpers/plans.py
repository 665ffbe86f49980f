"""Marathon blocks with strength training: ``PlanSpec`` → :func:`build_plan` → ``Plan``.

A plan is a run of 7-day weeks ending on race day. Each week has a phase:

- **base** (about 40 % of the weeks before the peak): volume rises from the runner's current
  weekly distance; strength is general (3 × 10, moderate loads);
- **build**: volume keeps rising to the peak; strength is heavy and explosive (about 80 % 1RM,
  plus jumps and hops);
- **peak** (3 weeks): peak volume; heavy strength at low volume;
- **taper** (2 weeks): running volume cut to 70 % and then 45 % of the peak (a 41–60 % cut
  over about two weeks, Bosquet et al. 2007) with intensity kept; strength drops to short,
  light maintenance sessions and nothing heavy in the last 7 days.

Every ``recovery_every``-th week of base and build is a recovery week: running −25 % and a
strength deload (fewer sets, lighter) in the same week. Heavy lower-body sessions sit at least
three days before the long run (so never within 48 h of it); a third weekly session is a light
core and upper-body session. The week's sessions train different muscle groups and together
cover core, glutes and legs. Exercises come from :mod:`helpers.exercises`, chosen for the
runner's equipment and level.

The weekly summary uses :mod:`helpers.load`: session-RPE load, monotony, ACWR and
fitness–fatigue. So that ACWR and fitness start where the runner is, four weeks of history at
the current volume are simulated before week 1 (they are not part of the plan).

Evidence on strength work in the taper is thin (expert opinion, not trials); the rules above are
the course's choices and are tested as such.

Example
-------
>>> import datetime as dt
>>> plan = build_plan(PlanSpec(race_date=dt.date(2027, 4, 18), weeks=16, current_weekly_km=40,
...                            peak_weekly_km=65, strength_sessions_per_week=2))
>>> plan.weeks[["week", "phase", "run_km"]].iloc[[0, 15]].values.tolist()
[[1, 'base', 40.0], [16, 'taper', 29.2]]
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import exercises as library
from helpers import load, strength
from helpers._checks import check_choice, check_integer, check_range

LEVELS = ("beginner", "intermediate", "advanced")
PHASES = ("base", "build", "peak", "taper")
TAPER_WEEKS = 2
PEAK_WEEKS = 3
#: Running volume of the taper weeks as fractions of the peak (the last one excludes the race).
TAPER_FRACTIONS = (0.70, 0.45)
RECOVERY_FRACTION = 0.75
#: Largest planned week-on-week rise of running volume outside recovery weeks.
MAX_RAMP = 0.10
LONG_RUN_SHARE = 0.30
LONG_RUN_MAX_MIN = 150.0
#: Easy pace by level [s/km] (assumed; a runner's own paces come from helpers.running).
EASY_PACE = {"beginner": 420.0, "intermediate": 360.0, "advanced": 315.0}
RUN_DAYS = {"beginner": 4, "intermediate": 5, "advanced": 6}
#: Days of the 7-day week (0–6, the long run on day 6) for each number of running days.
RUN_OFFSETS = {
    3: (1, 3, 6),
    4: (0, 2, 4, 6),
    5: (0, 1, 3, 4, 6),
    6: (0, 1, 2, 3, 4, 6),
    7: tuple(range(7)),
}
#: Days of the strength sessions; day 5 (the day before the long run) only ever gets light work.
STRENGTH_OFFSETS = {0: (), 1: (2,), 2: (1, 3), 3: (1, 3, 5)}
MARATHON_KM = 42.195

# Session templates: (title, muscle groups, slots); a slot is (group, patterns in preference order).
LEGS = (
    "Legs and core",
    ("legs", "core"),
    (
        ("legs", ("hinge",)),
        ("legs", ("squat",)),
        ("legs", ("knee_flexion",)),
        ("legs", ("calf_raise",)),
        ("core", ("anti_extension",)),
    ),
)
GLUTES = (
    "Glutes and core",
    ("glutes", "core"),
    (
        ("glutes", ("squat",)),
        ("glutes", ("bridge",)),
        ("glutes", ("lunge", "step")),
        ("glutes", ("hip_abduction",)),
        ("core", ("anti_rotation", "rotation")),
    ),
)
LIGHT = (
    "Core and upper body (light)",
    ("core", "upper"),
    (
        ("core", ("anti_rotation",)),
        ("core", ("rotation", "carry")),
        ("upper", ("pull",)),
        ("upper", ("push",)),
    ),
)
FULL = (
    "Full body",
    ("glutes", "legs", "core"),
    (
        ("glutes", ("squat",)),
        ("legs", ("hinge",)),
        ("glutes", ("bridge",)),
        ("legs", ("calf_raise",)),
        ("core", ("anti_extension",)),
    ),
)
TEMPLATES = {0: (), 1: (FULL,), 2: (LEGS, GLUTES), 3: (LEGS, GLUTES, LIGHT)}


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
        Unit of the two volumes.
    run_days_per_week : int, optional
        3–7; by default 4, 5 or 6 by level.
    recovery_every : int
        A recovery week every N weeks in base and build, 3–5.
    today : datetime.date, optional
        When given, a plan that would start before it is refused.
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

    def label(self) -> str:
        """A short name for comparisons: "2× strength, 16 wk, peak 65 km"."""
        return (
            f"{self.strength_sessions_per_week}× strength, {self.weeks} wk, "
            f"peak {self.peak_weekly_km:g} {self.units}"
        )


@dataclass
class Plan:
    """A built plan: ``sessions`` (one row per session), ``weeks`` (one row per week), ``warnings``."""

    spec: PlanSpec
    sessions: pd.DataFrame
    weeks: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    def to_csv(self, path) -> Path:
        """Write the sessions as CSV (exercises joined with "; ") and return the path."""
        path = Path(path)
        table = self.sessions.copy()
        table["muscle_groups"] = table["muscle_groups"].map(" ".join)
        table["exercises"] = table["exercises"].map("; ".join)
        table.to_csv(path, index=False)
        return path

    def to_ics(self, path) -> Path:
        """Write every session as an all-day calendar event (iCalendar, RFC 5545)."""
        from icalendar import Calendar, Event

        cal = Calendar()
        cal.add("prodid", "-//Stronger Miles//marathon plan//EN")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"Marathon plan to {self.spec.race_date.isoformat()}")
        # a fixed stamp (the plan's first day), so the same spec writes the same bytes
        first = self.sessions["date"].iloc[0]
        stamp = dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)
        for i, row in enumerate(self.sessions.itertuples()):
            event = Event()
            event.add("uid", f"{self.spec.race_date.isoformat()}-{i:04d}@stronger-miles")
            event.add("dtstamp", stamp)
            event.add("dtstart", row.date)
            event.add("dtend", row.date + dt.timedelta(days=1))
            event.add("summary", row.title)
            event.add("description", _describe(row))
            cal.add_component(event)
        path = Path(path)
        path.write_bytes(cal.to_ical())
        return path

    def to_html(self) -> str:
        """The plan as a printable HTML table, one row per session (all text escaped), with the
        one style rule it needs, so it reads the same in JupyterLab, the site and a saved file."""
        head = ["date", "week", "phase", "session", "details"]
        rows = []
        for row in self.sessions.itertuples():
            cells = [row.date.isoformat(), str(row.week), row.phase, row.title, _describe(row)]
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        title = html.escape(
            f"Marathon plan: {self.spec.label()}, race {self.spec.race_date.isoformat()}"
        )
        return (
            f"<style>table.sm-plan :is(td, th) {{text-align: left; vertical-align: top}}</style>\n"
            f'<table class="sm-plan"><caption>{title}</caption>\n<thead><tr>'
            + "".join(f"<th>{h}</th>" for h in head)
            + "</tr></thead>\n<tbody>\n"
            + "\n".join(rows)
            + "\n</tbody></table>"
        )


def _describe(row) -> str:
    if row.kind == "run":
        return f"{row.distance_km:.1f} km, about {row.duration_min:.0f} min, RPE {row.rpe:g}"
    return f"{row.duration_min:.0f} min, RPE {row.rpe:g}: " + "; ".join(row.exercises)


def _check(spec: PlanSpec) -> tuple[float, float, int]:
    """Validate a spec; return current and peak volume in km and the running days."""
    if not isinstance(spec.race_date, dt.date) or isinstance(spec.race_date, dt.datetime):
        raise ValueError(f"race_date must be a datetime.date, got {spec.race_date!r}")
    check_integer("weeks", spec.weeks, 12, 24)
    check_choice("units", spec.units, ("km", "mi"))
    factor = 1.609344 if spec.units == "mi" else 1.0
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
    _equipment(spec.equipment)
    days = spec.run_days_per_week if spec.run_days_per_week is not None else RUN_DAYS[spec.level]
    check_integer("run_days_per_week", days, 3, 7)
    check_integer("recovery_every", spec.recovery_every, 3, 5)
    start = spec.race_date - dt.timedelta(days=7 * spec.weeks - 1)
    if spec.today is not None and start < spec.today:
        raise ValueError(
            f"race_date: a {spec.weeks}-week plan to {spec.race_date} would start on {start}, "
            f"before today ({spec.today}); choose fewer weeks or a later race"
        )
    return spec.current_weekly_km * factor, spec.peak_weekly_km * factor, days


def _equipment(equipment):
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


def phases(weeks: int, recovery_every: int = 4) -> list[tuple[str, bool]]:
    """(phase, recovery week?) for each week of a block of ``weeks`` weeks."""
    ramp = weeks - PEAK_WEEKS - TAPER_WEEKS
    base = round(0.4 * ramp)
    out = []
    for w in range(1, weeks + 1):
        if w <= base:
            phase = "base"
        elif w <= ramp:
            phase = "build"
        elif w <= ramp + PEAK_WEEKS:
            phase = "peak"
        else:
            phase = "taper"
        out.append((phase, phase in ("base", "build") and w % recovery_every == 0))
    return out


def weekly_volume(current_km: float, peak_km: float, weeks: int, recovery_every: int = 4):
    """Planned running km per week and the volume the ramp actually peaks at.

    Normal weeks rise by one common factor r ≤ 1 + MAX_RAMP from the current volume to the peak,
    reached in the first peak week; recovery weeks run 75 % of the week before; the taper runs
    70 % and 45 % of the peak.
    """
    plan = phases(weeks, recovery_every)
    ramp_weeks = [
        i for i, (phase, recovery) in enumerate(plan) if phase in ("base", "build") and not recovery
    ]
    steps = len(ramp_weeks)  # rises from week 1 to the first peak week
    wanted = (peak_km / current_km) ** (1 / steps) if steps else 1.0
    factor = min(wanted, 1 + MAX_RAMP)
    reached = current_km * factor**steps if steps else peak_km
    reached = min(reached, peak_km)
    km, level, taper = [], current_km / factor, 0
    for phase, recovery in plan:
        if phase in ("base", "build"):
            if recovery:
                km.append(level * RECOVERY_FRACTION)
                continue
            level *= factor
            km.append(level)
        elif phase == "peak":
            km.append(reached)
        else:
            km.append(reached * TAPER_FRACTIONS[taper])
            taper += 1
    return np.round(km, 1), round(reached, 1)


@functools.lru_cache(maxsize=16)
def _choices(equipment, level: str) -> dict:
    """For each (group, pattern): the ids and details of the exercises a runner may do."""
    lib = library.load_exercises()
    allowed = library.select_exercises(lib, equipment=equipment, level=level)
    out = {}
    for row in allowed.itertuples():
        loaded = not set(row.equipment) <= UNLOADED
        out.setdefault((row.group, row.pattern, row.kind), []).append(
            (
                row.name,
                row.primary_muscles,
                row.secondary_muscles,
                row.kind,
                row.pattern,
                loaded,
            )
        )
    return out


def _pick(choices: dict, group: str, patterns, kinds, turn: int):
    for pattern in patterns:
        for kind in kinds:
            options = choices.get((group, pattern, kind))
            if options:
                return options[turn % len(options)]
    return None


#: Equipment that adds no measurable load: exercises using only these are dosed by RPE, not %1RM.
UNLOADED = {"none", "band", "box", "bench", "pullup_bar"}
#: Patterns of the main lifts, the ones prescribed as %1RM and that can make a session heavy.
MAIN_PATTERNS = {"squat", "hinge", "bridge", "lunge", "step"}


@functools.lru_cache(maxsize=64)
def _percent(reps: int, rpe: float) -> float:
    """helpers.strength.percent_1rm for one set, remembered (the same few doses recur)."""
    return float(strength.percent_1rm(reps, rpe))


# Strength prescription by phase: sets, reps, %1RM (intermediate/advanced) or RPE (beginner).
DOSE = {
    "base": (3, 10, 0.70, 7.0),
    "build": (4, 5, 0.82, 8.0),
    "peak": (3, 4, 0.85, 8.0),
    "taper": (2, 6, 0.65, 6.0),
}


def _strength_session(template, phase, recovery, level, choices, turn, light_only):
    """Exercises, prescriptions and per-exercise (sets, muscles, relative volume) for one
    session; ``light_only`` sessions (the light template) drop sets and effort."""
    _, _, slots = template
    sets, reps, fraction, rpe = DOSE[phase]
    if recovery or light_only:
        sets, fraction, rpe = max(2, round(sets * 0.6)), fraction - 0.10, rpe - 1
    lines, records = [], []
    kinds = ("strength", "isometric")
    heavy = False
    for group, patterns in slots:
        picked = _pick(choices, group, patterns, kinds, turn)
        if picked is None:
            continue
        name, primary, secondary, kind, pattern, loaded = picked
        easy = recovery or light_only
        if kind == "isometric":
            n_sets, n_reps, rel = (2 if easy else 3), 1, 0.0
            dose = f"{n_sets}×{30 if easy or phase == 'base' else 45} s hold"
        elif group in ("core", "upper") or pattern not in MAIN_PATTERNS or not loaded:
            n_sets, n_reps = (2 if easy else 3), (12 if phase == "base" else 10)
            dose_rpe = 6 if easy else 7
            dose, rel = f"{n_sets}×{n_reps} @ RPE {dose_rpe}", _percent(10, 7.0)
        elif level == "beginner":
            n_sets, n_reps = sets, reps
            dose = f"{sets}×{reps} @ RPE {rpe:g}"
            rel = _percent(min(reps, 10), min(max(rpe, 7.0), 10.0))
        else:
            n_sets, n_reps, rel = sets, reps, fraction
            dose = f"{sets}×{reps} @ {fraction * 100:.0f} % 1RM"
            heavy = heavy or fraction >= 0.80
        lines.append(f"{name} {dose}")
        records.append((n_sets, primary, secondary, n_sets * n_reps * rel))
    if phase in ("build", "peak") and not recovery and not light_only:
        jump = _pick(choices, "legs", ("hop", "jump"), ("power",), turn)
        if jump is not None:
            name, primary, secondary = jump[:3]
            lines.append(f"{name} 3×6 contacts")
            records.append((3, primary, secondary, 0.0))
    return lines, records, heavy


def build_plan(spec: PlanSpec) -> Plan:
    """Build a marathon block with strength training from a :class:`PlanSpec`.

    Returns
    -------
    Plan
        ``sessions``: date, week, phase, kind (run/strength), title, muscle_groups (tuple),
        heavy (bool), exercises (tuple of "name sets×reps @ dose"), distance_km, duration_min,
        rpe, load (session-RPE [AU]).
        ``weeks``: week, start, phase, recovery, run_km, long_run_km, strength_sessions,
        heavy_sessions, sets per muscle (``sets_<muscle>``, synergists 0.5), relative volume
        load (Σ sets × reps × fraction of 1RM), load (session-RPE [AU]), monotony, acwr,
        fitness, fatigue, form (end of week).
        ``warnings``: sentences a coach can act on.

    Raises
    ------
    ValueError
        For a spec that cannot be planned, naming the field and why.

    References
    ----------
    Bosquet L, Montpetit J, Arvisais D, Mujika I (2007). Effects of tapering on performance: a
    meta-analysis. Med Sci Sports Exerc 39:1358–1365. doi:10.1249/mss.0b013e31806010e0
    Foster C (1998). Med Sci Sports Exerc 30:1164–1168. doi:10.1097/00005768-199807000-00023
    Hulin BT, et al. (2016). Br J Sports Med 50:231–236. doi:10.1136/bjsports-2015-094817
    Rasmussen CH, Nielsen RO, Juul MS, Rasmussen S (2013). Weekly running volume and risk of
    running-related injuries among marathon runners. Int J Sports Phys Ther 8:111–120.
    """
    current_km, peak_km, run_days = _check(spec)
    equipment = _equipment(spec.equipment)
    choices = _choices(equipment, spec.level)
    plan_phases = phases(spec.weeks, spec.recovery_every)
    km, reached = weekly_volume(current_km, peak_km, spec.weeks, spec.recovery_every)
    pace = EASY_PACE[spec.level]
    start = spec.race_date - dt.timedelta(days=7 * spec.weeks - 1)
    n_strength = spec.strength_sessions_per_week

    sessions, week_rows = [], []
    daily = np.zeros(7 * spec.weeks)
    for w, ((phase, recovery), week_km) in enumerate(zip(plan_phases, km, strict=True)):
        first_day = start + dt.timedelta(days=7 * w)
        race_week = w == spec.weeks - 1
        # running: the long run on day 6 (the race in the last week), one quality run in build/peak
        offsets = RUN_OFFSETS[run_days]
        long_km = min(LONG_RUN_SHARE * week_km, LONG_RUN_MAX_MIN * 60 / pace)
        quality = phase in ("build", "peak") and not recovery
        others = [d for d in offsets if d != 6]
        easy_km = (week_km - (0 if race_week else long_km)) / max(1, len(others))
        runs = []
        for d in others:
            is_quality = quality and d == min(others, key=lambda x: abs(x - 2))
            title = "Threshold run" if is_quality else "Easy run"
            runs.append(
                (d, title, easy_km, pace * (0.85 if is_quality else 1.0), 7 if is_quality else 3)
            )
        if race_week:
            runs.append((6, "Marathon race day", MARATHON_KM, pace * 0.85, 9))
        else:
            runs.append(
                (6, "Long run", long_km, pace * 1.05, 6 if phase in ("build", "peak") else 5)
            )
        for d, title, dist, run_pace, rpe in runs:
            minutes = dist * run_pace / 60
            sessions.append(
                _session(
                    first_day,
                    d,
                    w,
                    phase,
                    "run",
                    f"{title} {dist:.0f} km",
                    (),
                    False,
                    (),
                    dist,
                    minutes,
                    rpe,
                )
            )
            daily[7 * w + d] += rpe * round(minutes)
        # strength
        muscles, rel_volume, heavy_count, strength_count = {}, 0.0, 0, 0
        templates = TEMPLATES[n_strength]
        for i, (template, d) in enumerate(
            zip(templates, STRENGTH_OFFSETS[n_strength], strict=True)
        ):
            if race_week and i > 0:
                break  # race week: one short light session early in the week
            light_only = race_week or d >= 5
            if light_only:
                template = LIGHT
            lines, records, heavy = _strength_session(
                template, phase, recovery, spec.level, choices, w // 2, light_only
            )
            if not lines:
                continue
            minutes = 10 + sum(r[0] for r in records) * (3.5 if heavy else 2.5)
            rpe = 7 if heavy else (4 if light_only or recovery else 6)
            title = template[0] + (", deload" if recovery else "")
            groups = template[1]
            sessions.append(
                _session(
                    first_day,
                    d,
                    w,
                    phase,
                    "strength",
                    title,
                    groups,
                    heavy,
                    tuple(lines),
                    math.nan,
                    minutes,
                    rpe,
                )
            )
            daily[7 * w + d] += rpe * round(minutes)
            strength_count += 1
            heavy_count += heavy
            for n_sets, primary, secondary, rel in records:
                rel_volume += rel
                for m in primary:
                    muscles[m] = muscles.get(m, 0.0) + n_sets
                for m in secondary:
                    muscles[m] = muscles.get(m, 0.0) + 0.5 * n_sets
        week_rows.append(
            {
                "week": w + 1,
                "start": first_day,
                "phase": phase,
                "recovery": recovery,
                "run_km": float(week_km),
                "long_run_km": round(MARATHON_KM if race_week else long_km, 1),
                "strength_sessions": strength_count,
                "heavy_sessions": heavy_count,
                **{
                    f"sets_{m}": muscles.get(m, 0.0)
                    for m in ("glutes", "quadriceps", "hamstrings", "calves", "core")
                },
                "volume_load_rel": round(rel_volume, 2),
            }
        )
    weeks = pd.DataFrame(week_rows)
    _load_summary(weeks, daily, current_km, pace, run_days)
    if spec.units == "mi":
        weeks["run_mi"] = (weeks["run_km"] / 1.609344).round(1)
    table = (
        pd.DataFrame(sessions).sort_values(["date", "kind"], kind="stable").reset_index(drop=True)
    )
    plan = Plan(spec, table, weeks)
    plan.warnings = _warnings(plan, peak_km, reached)
    return plan


def _session(
    first_day, offset, w, phase, kind, title, groups, heavy, lines, dist, minutes, rpe
) -> dict:
    return {
        "date": first_day + dt.timedelta(days=offset),
        "week": w + 1,
        "phase": phase,
        "kind": kind,
        "title": title,
        "muscle_groups": groups,
        "heavy": heavy,
        "exercises": lines,
        "distance_km": round(dist, 1) if kind == "run" else math.nan,
        "duration_min": round(minutes),
        "rpe": float(rpe),
        "load": round(rpe * round(minutes)),
    }


def _load_summary(
    weeks: pd.DataFrame, daily: np.ndarray, current_km: float, pace: float, run_days: int
):
    """Weekly load, monotony, end-of-week ACWR and fitness–fatigue, with 4 weeks of history."""
    history = np.zeros(28)
    per_run = current_km / run_days * pace / 60 * 4.0  # easy running at RPE 4
    for d in RUN_OFFSETS[run_days]:
        history[d::7] = per_run
    series = np.concatenate([history, daily])
    n = len(weeks)
    weeks["load"] = daily.reshape(n, 7).sum(axis=1).round(0)
    weeks["monotony"] = np.round(load.monotony(daily), 2)
    ends = 28 + 7 * np.arange(1, n + 1) - 1
    weeks["acwr"] = np.round(load.acwr(series)[ends], 2)
    ff = load.fitness_fatigue(series)
    for col in ("fitness", "fatigue", "form"):
        weeks[col] = np.round(ff[col].to_numpy()[ends], 1)


def _warnings(plan: Plan, peak_km: float, reached: float) -> list[str]:
    spec, weeks, sessions = plan.spec, plan.weeks, plan.sessions
    out = []
    if spec.strength_sessions_per_week < 2:
        out.append(
            f"{spec.strength_sessions_per_week} strength session(s) a week is below the 2–3 the course "
            "recommends; the studies that improved running economy used 2–3 (Balsalobre-Fernández 2016)."
        )
    if reached < peak_km - 0.05:
        out.append(
            f"A peak of {peak_km:.0f} km cannot be reached from {spec.current_weekly_km:g} {spec.units} "
            f"at ≤ {MAX_RAMP:.0%} a week in {spec.weeks} weeks; the plan peaks at {reached:.0f} km. "
            "Choose more weeks or a lower peak."
        )
    if reached < 30:
        out.append(
            f"Peak volume {reached:.0f} km/week is under 30: marathoners below 30 km/week had about twice "
            "the injury risk of those at 30–60 (Rasmussen et al. 2013)."
        )
    run = weeks["run_km"].to_numpy()
    for i in range(2, len(run)):
        ref = max(run[i - 1], run[i - 2])
        if run[i] > 1.3 * ref:
            out.append(
                f"Week {i + 1}: running rises {run[i] / ref - 1:.0%} above the previous weeks (> 30 %)."
            )
    for row in weeks.itertuples():
        if row.acwr > 1.5:
            out.append(
                f"Week {row.week}: ACWR {row.acwr:.2f} is above 1.5; consider a smaller jump in load."
            )
        if row.monotony > 2:
            out.append(
                f"Week {row.week}: monotony {row.monotony:.1f} is above 2; vary hard and easy days."
            )
    long_days = set(
        sessions.loc[sessions["title"].str.startswith(("Long run", "Marathon")), "date"]
    )
    for row in sessions[sessions["heavy"]].itertuples():
        if any(0 <= (day - row.date).days <= 2 for day in long_days):
            out.append(f"{row.date}: heavy {row.title.lower()} within 48 h of a long run.")
    return out


def compare_plans(specs, labels=None) -> pd.DataFrame:
    """The weekly summaries of several specs in one tidy table, with a ``variant`` column.

    Parameters
    ----------
    specs : sequence of PlanSpec
    labels : sequence of str, optional
        One per spec; by default :meth:`PlanSpec.label`.

    Returns
    -------
    DataFrame
        ``variant``, ``weeks_to_race`` (0 = race week) and the columns of ``Plan.weeks``, plus
        ``warnings`` (the number of warnings of that variant).
    """
    specs = list(specs)
    if not specs:
        raise ValueError("specs must list at least one PlanSpec, got none")
    labels = list(labels) if labels is not None else [s.label() for s in specs]
    if len(labels) != len(specs):
        raise ValueError(
            f"labels must give one name per spec: {len(specs)} specs, {len(labels)} labels"
        )
    if len(set(labels)) != len(labels):
        raise ValueError(f"labels must be unique, got {labels}")
    frames = []
    for spec, name in zip(specs, labels, strict=True):
        plan = build_plan(spec)
        weeks = plan.weeks.copy()
        weeks.insert(0, "variant", name)
        weeks.insert(2, "weeks_to_race", len(weeks) - weeks["week"])
        weeks["warnings"] = len(plan.warnings)
        frames.append(weeks)
    return pd.concat(frames, ignore_index=True)
