"""The strength side of a plan: session templates, doses by the course's RPE chart, warm-ups.

Doses are set by target RPE on the reps-in-reserve scale and turned into %1RM with the course's
own chart (:func:`helpers.strength.percent_1rm`), rounded down to a whole percent:

========  ===========  ==========  =============================================
phase     sets × reps  target RPE  %1RM (main barbell/machine lifts)
========  ===========  ==========  =============================================
base      3 × 10       7 (3 RIR)   65 % (chart: 10 reps @ RPE 7 = 65.3 %)
build     4 × 5        8 (2 RIR)   81 % (5 @ 8 = 81.1 %); one heavy lift more a week
peak      3 × 4        8 (2 RIR)   83 % (4 @ 8 = 83.7 %)
taper     2 × 6        7 (3 RIR)   76 % (6 @ 7 = 76.2 %)
========  ===========  ==========  =============================================

%1RM is prescribed only where a runner can estimate a 1RM: bilateral squat, hinge and bridge
lifts on a barbell or machine. Every other lift (lunges, step-ups, single-leg and dumbbell or
kettlebell work, core) is dosed by RPE; beginners lift by RPE throughout. In build, the main
lifts turn heavy one at a time: in the first build week one per session, then two, then all;
the others stay at 3 × 8 @ RPE 7. Main lifts list their warm-up sets (a common practice, not
a tested dose). A session is *heavy* when a main lift is at 80 % 1RM or more (or the RPE dose
that implies it).
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd

from helpers import exercises as library
from helpers import strength

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
#: Days of the strength sessions; day 5 (the day before the long run) only ever gets light work.
STRENGTH_OFFSETS = {0: (), 1: (2,), 2: (1, 3), 3: (1, 3, 5)}

#: Patterns of the main lower-body lifts; those among them on a barbell or machine, bilateral,
#: are dosed by %1RM.
MAIN_PATTERNS = {"squat", "hinge", "bridge", "lunge", "step"}
PERCENT_PATTERNS = {"squat", "hinge", "bridge"}
PERCENT_EQUIPMENT = {"barbell", "machine"}
#: Equipment that adds no measurable load.
UNLOADED = {"none", "band", "box", "bench", "pullup_bar"}
#: (sets, reps, target RPE) of the main lifts by phase; TRANSITION for those not yet heavy.
DOSE = {"base": (3, 10, 7.0), "build": (4, 5, 8.0), "peak": (3, 4, 8.0), "taper": (2, 6, 7.0)}
TRANSITION = (3, 8, 7.0)
HEAVY_FRACTION = 0.80
#: Warm-up sets before a main lift, (reps, fraction of the working load).
WARM_UP = {False: ((8, 0.4), (5, 0.6)), True: ((5, 0.4), (3, 0.6), (2, 0.75))}


@functools.lru_cache(maxsize=64)
def fraction(reps: int, rpe: float) -> float:
    """%1RM of a set by the course's chart, rounded down to a whole percent."""
    return math.floor(float(strength.percent_1rm(reps, rpe)) * 100 + 1e-9) / 100


@functools.lru_cache(maxsize=16)
def _choices(equipment, level: str) -> dict:
    """For each (group, pattern, kind): the exercises a runner may do."""
    lib = library.load_exercises()
    allowed = library.select_exercises(lib, equipment=equipment, level=level)
    out = {}
    for row in allowed.itertuples():
        kit = set(row.equipment)
        loaded = not kit <= UNLOADED
        by_percent = (
            row.pattern in PERCENT_PATTERNS and bool(kit & PERCENT_EQUIPMENT) and not row.unilateral
        )
        out.setdefault((row.group, row.pattern, row.kind), []).append(
            (
                row.name,
                row.primary_muscles,
                row.secondary_muscles,
                row.kind,
                row.pattern,
                loaded,
                by_percent,
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


def _warm_up(heavy: bool, working: float) -> str:
    """Warm-up sets as %1RM, each a share of the working load rounded to 5 %."""
    sets = ", ".join(f"{r} @ {round(f * working * 20) * 5:.0f} %" for r, f in WARM_UP[heavy])
    return f", after warm-up sets of {sets}"


def session(template, phase, recovery, level, choices, turn, light_only, heavy_lifts):
    """Lines, records [(sets, primary, secondary, reps × fraction × sets)] and heavy? of one
    session; ``heavy_lifts`` main lifts get the phase dose, the rest the transition dose."""
    _, _, slots = template
    easy = recovery or light_only
    lines, records, heavy, main_seen = [], [], False, 0
    for group, patterns in slots:
        picked = _pick(choices, group, patterns, ("strength", "isometric"), turn)
        if picked is None:
            continue
        name, primary, secondary, kind, pattern, loaded, by_percent = picked
        if kind == "isometric":
            n_sets = 2 if easy else 3
            dose, rel = f"{n_sets}×{30 if easy or phase == 'base' else 45} s hold", 0.0
        elif group in ("core", "upper") or pattern not in MAIN_PATTERNS or not loaded:
            n_sets, reps = (2 if easy else 3), (12 if phase == "base" else 10)
            dose = f"{n_sets}×{reps} @ RPE {6 if easy else 7}"
            rel = n_sets * reps * fraction(10, 7.0)
        else:
            n_sets, reps, rpe = DOSE[phase]
            main_seen += 1
            if phase == "build" and main_seen > heavy_lifts:
                n_sets, reps, rpe = TRANSITION
            if easy:
                n_sets, rpe = max(2, round(n_sets * 0.6)), 7.0
            share = fraction(reps, rpe)
            lift_heavy = share >= HEAVY_FRACTION
            heavy = heavy or lift_heavy
            if by_percent and level != "beginner":
                dose = f"{n_sets}×{reps} @ {share * 100:.0f} % 1RM (RPE {rpe:g})" + _warm_up(
                    lift_heavy, share
                )
            elif pattern in ("lunge", "step"):
                dose = f"{n_sets}×{reps} each leg @ RPE {min(rpe, 7.0):g}"
                share = fraction(reps, min(rpe, 7.0))
            else:
                dose = f"{n_sets}×{reps} @ RPE {rpe:g}, warm-up 1–2 lighter sets"
            rel = n_sets * reps * share
        lines.append(f"{name} {dose}")
        records.append((n_sets, primary, secondary, rel))
    if phase in ("build", "peak") and not easy:
        jump = _pick(choices, "legs", ("hop", "jump"), ("power",), turn)
        if jump is not None:
            lines.append(f"{jump[0]} 3×6 contacts")
            records.append((3, jump[1], jump[2], 0.0))
    return lines, records, heavy


@functools.lru_cache(maxsize=512)
def block(plan_phases: tuple, n_sessions: int, level: str, equipment) -> tuple:
    """The strength sessions of a whole block, which depend only on the phases, the number of
    sessions, the level and the equipment (so a sweep over volumes reuses them).

    Returns (sessions, weekly): sessions [(week index, day, title, groups, heavy, lines,
    minutes, rpe)], weekly a dict of arrays (one value per week): session and heavy-session
    counts, sets per muscle (:func:`helpers.load.weekly_sets`), relative volume load.
    """
    choices = _choices(equipment, level)
    weeks = len(plan_phases)
    rows, set_rows, rel, counts = [], [], [0.0] * weeks, [[0, 0] for _ in range(weeks)]
    heavy_lifts = 0
    for w, (phase, recovery) in enumerate(plan_phases):
        if phase == "build" and not recovery:
            heavy_lifts += 1
        race_week = w == weeks - 1
        for i, (template, day) in enumerate(
            zip(TEMPLATES[n_sessions], STRENGTH_OFFSETS[n_sessions], strict=True)
        ):
            if race_week and i > 0:
                break  # race week: one short light session early in the week
            light_only = race_week or day >= 5
            if light_only:
                template = LIGHT
            lines, records, heavy = session(
                template, phase, recovery, level, choices, w // 2, light_only, heavy_lifts
            )
            if not lines:
                continue
            minutes = strength.strength_minutes(sum(r[0] for r in records), heavy=heavy)
            rpe = 7 if heavy else (4 if light_only or recovery else 6)
            title = template[0] + (", deload" if recovery else "")
            rows.append((w, day, title, template[1], heavy, tuple(lines), minutes, rpe))
            counts[w][0] += 1
            counts[w][1] += heavy
            for n_sets, primary, secondary, volume in records:
                rel[w] += volume
                set_rows.append((w, n_sets, primary, secondary))
    # plan week w is dated on the Monday 7w days after 2001-01-01 (a Monday) for weekly_sets
    monday = pd.Timestamp("2001-01-01")
    frame = pd.DataFrame(set_rows, columns=["week", "sets", "primary_muscles", "secondary_muscles"])
    weekly = pd.DataFrame(index=pd.date_range(monday, periods=weeks, freq="7D", name="week"))
    if not frame.empty:
        frame["date"] = monday + pd.to_timedelta(7 * frame["week"], unit="D")
        weekly = strength.weekly_sets(frame).reindex(weekly.index, fill_value=0.0)
    muscles = ("glutes", "quadriceps", "hamstrings", "calves", "core")
    weekly = weekly.reindex(columns=muscles, fill_value=0.0)
    columns = {
        "strength_sessions": np.array([c[0] for c in counts]),
        "heavy_sessions": np.array([c[1] for c in counts]),
        **{f"sets_{m}": weekly[m].to_numpy() for m in muscles},
        "volume_load_rel": np.round(rel, 2),
    }
    return tuple(rows), columns
