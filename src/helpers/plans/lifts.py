"""The strength side of a plan: sessions by lifting experience, progression, hops, warm-up.

**Exercises stay; the dose progresses.** Each slot of a session keeps one exercise for the
whole block (the first of :data:`PREFERENCE` the runner's equipment and lifting experience
allow), so nothing new arrives near the race, and the dose moves on instead (lesson 03's
double progression: reps climb 8 → 10 → 12 at the same RPE, then the load goes up and the reps
start again at 8).

Main lifts by phase (RPE on the reps-in-reserve scale, %1RM from the course's chart,
:func:`helpers.strength.percent_1rm`, rounded down to a whole percent):

========  ===========  ==========  =============================================
phase     sets × reps  target RPE  %1RM (barbell/machine, lifters with experience)
========  ===========  ==========  =============================================
base      3 × 8–12     7 (3 RIR)   by RPE: the runner estimates the 1RM (lesson 03)
build     4 × 5        8 (2 RIR)   81 % (5 @ 8 = 81.1 %); one heavy lift more a week
peak      3 × 4        8 (2 RIR)   83 % (4 @ 8 = 83.7 %)
taper     2 × 6        7 (3 RIR)   76 % (6 @ 7 = 76.2 %)
========  ===========  ==========  =============================================

``lifting_experience="experienced"`` also gets %1RM in base (3 × 10 at 65 %). Runners who have
never lifted (``"none"``) get beginner exercises (goblet squat, dumbbell Romanian deadlift,
split squat), no barbell, Nordic curls or pistols, and RPE doses all block: two technique weeks
at 2 × 10 @ RPE 6 first, then the table's sets and reps by RPE; dumbbell and kettlebell lifts
keep 6–8 reps where the table says 4–5 (they cannot be loaded heavier). Eccentric-heavy
exercises (:data:`helpers.plans.coach.ECCENTRIC_HEAVY`) start at 2 × 4 and build over four
exposures to 3 × 8 (Mjølsnes et al. 2004). Hops (pogo hops) start in the last two base weeks at
2 × 10 contacts, grow to 80 contacts in build, drop to 45 in peak and stop in the taper; they
come first, fresh, after the warm-up. Every session starts with the "RAMP warm-up" line; each
week has straight-knee and bent-knee calf raises. Recovery weeks and the taper cut the
accessories to 2 sets at RPE 6.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd

from helpers import exercises as library
from helpers import strength
from helpers.plans.coach import ECCENTRIC_HEAVY

WARM_UP_LINE = (
    "RAMP warm-up, about 8–10 min: raise (easy jog, bike or skipping), activate and mobilise "
    "(glute bridges, leg swings, ankle rocks), potentiate (lighter sets of the first exercise)"
)
# Session templates: (title, muscle groups, slots); a slot is a movement pattern (or a choice of
# patterns). The exercise of a slot comes from PREFERENCE.
LEGS = (
    "Legs and core",
    ("legs", "core"),
    (("hinge",), ("knee_flexion",), ("calf_raise",), ("soleus_raise",), ("anti_extension",)),
)
GLUTES = (
    "Glutes and core",
    ("glutes", "core"),
    (("squat",), ("bridge",), ("lunge", "step"), ("hip_abduction",), ("anti_rotation",)),
)
LIGHT = (
    "Core and upper body (light)",
    ("core", "upper"),
    (("anti_rotation_light",), ("carry",), ("pull",), ("push",)),
)
FULL = ("Full body", ("glutes", "legs", "core"),
        (("squat",), ("hinge",), ("bridge",), ("calf_raise",), ("soleus_raise",),
         ("anti_extension",)))  # fmt: skip
TEMPLATES = {0: (), 1: (FULL,), 2: (LEGS, GLUTES), 3: (LEGS, GLUTES, LIGHT)}
#: Days of the strength sessions: days 1 and 3 are the quality-run days (lift after the run);
#: day 5, the day before the long run, only ever gets light upper-body and core work.
STRENGTH_OFFSETS = {0: (), 1: (1,), 2: (1, 3), 3: (1, 3, 5)}
#: Exercises of each slot, most demanding first; the first one the runner may do is kept.
PREFERENCE = {
    "hinge": ("romanian_deadlift", "dumbbell_rdl", "kettlebell_deadlift", "kickstand_rdl",
              "glute_bridge"),
    "knee_flexion": ("nordic_curl", "hamstring_curl", "sliding_leg_curl"),
    "calf_raise": ("weighted_single_leg_calf_raise", "single_leg_calf_raise", "calf_raise"),
    "soleus_raise": ("seated_calf_raise", "bent_knee_calf_raise"),
    "anti_extension": ("plank", "dead_bug"),
    "squat": ("back_squat", "goblet_squat", "squat"),
    "bridge": ("hip_thrust", "single_leg_glute_bridge", "glute_bridge"),
    "lunge": ("bulgarian_split_squat", "split_squat", "lunge"),
    "step": ("step_up",),
    "hip_abduction": ("banded_lateral_walk", "side_lying_hip_abduction", "clamshell"),
    "anti_rotation": ("copenhagen_plank", "side_plank", "pallof_press"),
    "anti_rotation_light": ("pallof_press", "bird_dog"),
    "carry": ("suitcase_carry", "farmer_carry"),
    "pull": ("dumbbell_row", "band_row"),
    "push": ("push_up", "incline_push_up"),
}  # fmt: skip
HOP = "pogo_hop"
LIBRARY_LEVEL = {"none": "beginner", "some": "intermediate", "experienced": "advanced"}
#: Patterns of the main lower-body lifts; bilateral barbell or machine ones are dosed by %1RM.
MAIN_PATTERNS = {"squat", "hinge", "bridge", "lunge", "step"}
PERCENT_PATTERNS = {"squat", "hinge", "bridge"}
PERCENT_EQUIPMENT = {"barbell", "machine"}
#: Equipment that adds no measurable load.
UNLOADED = {"none", "band", "box", "bench", "pullup_bar"}
#: (sets, reps, target RPE) of the main lifts by phase; TRANSITION for those not yet heavy.
DOSE = {"base": (3, 10, 7.0), "build": (4, 5, 8.0), "peak": (3, 4, 8.0), "taper": (2, 6, 7.0)}
TRANSITION = (3, 8, 7.0)
TECHNIQUE = (2, 10, 6.0)
TECHNIQUE_WEEKS = 2
#: Reps of the double progression (accessories, base main lifts by RPE), one step a week.
DOUBLE_PROGRESSION = (8, 10, 12)
#: Eccentric-heavy exercises: (sets, reps) at their 1st, 2nd, 3rd and later exposures.
ECCENTRIC_RAMP = ((2, 4), (2, 6), (3, 6), (3, 8))
#: Hop contacts: (sets, contacts) in the last base weeks, by build week, and in peak.
HOPS_BASE, HOPS_BUILD, HOPS_PEAK = (2, 10), ((3, 10), (3, 15), (4, 15), (4, 20)), (3, 15)
HEAVY_FRACTION = 0.80
#: Warm-up sets before a main lift, (reps, fraction of the working load).
WARM_UP = {False: ((8, 0.4), (5, 0.6)), True: ((5, 0.4), (3, 0.6), (2, 0.75))}


@functools.lru_cache(maxsize=64)
def fraction(reps: int, rpe: float) -> float:
    """%1RM of a set by the course's chart, rounded down to a whole percent."""
    return math.floor(float(strength.percent_1rm(reps, rpe)) * 100 + 1e-9) / 100


@functools.lru_cache(maxsize=16)
def _choices(equipment, experience: str) -> dict:
    """For each slot pattern: (id, name, primary, secondary, kind, pattern, loaded, by_percent)."""
    lib = library.load_exercises()
    allowed = library.select_exercises(lib, equipment=equipment, level=LIBRARY_LEVEL[experience])
    allowed = allowed.set_index("id", drop=False)
    if experience == "none":
        allowed = allowed[[("barbell" not in kit) for kit in allowed["equipment"]]]
    out = {}
    for slot, ids in PREFERENCE.items():
        for ex in ids:
            if ex in allowed.index:
                row = allowed.loc[ex]
                kit = set(row["equipment"])
                by_percent = (
                    row["pattern"] in PERCENT_PATTERNS
                    and bool(kit & PERCENT_EQUIPMENT)
                    and not row["unilateral"]
                )
                loaded = not kit <= UNLOADED
                out[slot] = (ex, row["name"], row["primary_muscles"], row["secondary_muscles"],
                             row["kind"], row["pattern"], loaded, by_percent)  # fmt: skip
                break
    if HOP in allowed.index:
        row = allowed.loc[HOP]
        out["hop"] = (HOP, row["name"], row["primary_muscles"], row["secondary_muscles"])
    return out


def _warm_up(heavy: bool, working: float) -> str:
    """Warm-up sets as %1RM, each a share of the working load rounded to 5 %."""
    sets = ", ".join(f"{r} @ {round(f * working * 20) * 5:.0f} %" for r, f in WARM_UP[heavy])
    return f", after warm-up sets of {sets}"


def _main_dose(week, experience, picked, heavy_lifts, main_seen, easy):
    """(text, n_sets, reps, fraction, heavy) of a main lift."""
    _, _, _, _, _, pattern, _, by_percent = picked
    phase = week["phase"]
    n_sets, reps, rpe = DOSE[phase]
    if phase == "build" and main_seen > heavy_lifts:
        n_sets, reps, rpe = TRANSITION
    if phase == "base" or (experience == "none" and week["index"] < TECHNIQUE_WEEKS):
        n_sets, reps, rpe = DOSE["base"]
        reps = DOUBLE_PROGRESSION[week["in_phase"] % 3]
        if experience == "none" and week["index"] < TECHNIQUE_WEEKS:
            n_sets, reps, rpe = TECHNIQUE
    percent = by_percent and experience != "none"
    percent &= phase != "base" or experience == "experienced"
    if easy:
        n_sets, rpe = 2, (min(rpe, 7.0) if percent else 6.0)
    if not percent and not by_percent and reps < 6:
        reps = 6  # dumbbells and kettlebells cannot be loaded for 4–5 hard reps
    if percent and phase == "base":
        reps = 10
    share = fraction(min(reps, 10), max(rpe, 7.0))  # the chart: RPE 7–10, 1–10 reps
    heavy = share >= HEAVY_FRACTION and rpe >= 7
    if percent:
        text = f"{n_sets}×{reps} @ {share * 100:.0f} % 1RM (RPE {rpe:g})" + _warm_up(heavy, share)
    elif pattern in ("lunge", "step"):
        rpe = min(rpe, 7.0)
        share, heavy = fraction(reps, rpe), False
        text = f"{n_sets}×{reps} each leg @ RPE {rpe:g}"
    else:
        text = f"{n_sets}×{reps} @ RPE {rpe:g}, warm-up 1–2 lighter sets"
    return text, n_sets, reps, share, heavy


def session(template, week, experience, choices, heavy_lifts, light_only, exposures):
    """(lines, ids, records, heavy) of one session; ``exposures`` counts the sessions each
    eccentric-heavy exercise has been done in so far (updated here)."""
    _, _, slots = template
    phase, easy = week["phase"], week["recovery"] or light_only or week["phase"] == "taper"
    lines, ids, records, heavy, main_seen = [WARM_UP_LINE], [], [], False, 0
    hop = choices.get("hop")
    first = template in (LEGS, FULL)
    if first and not light_only and hop is not None and week["hops"]:
        sets, contacts = week["hops"]
        lines.append(f"{hop[1]} {sets}×{contacts} contacts, fresh, before the lifts")
        ids.append(hop[0])
        records.append((sets, hop[2], hop[3], 0.0))
    for slot in slots:
        picked = next((choices[p] for p in slot if p in choices), None)
        if picked is None:
            continue
        ex, name, primary, secondary, kind, pattern, loaded, _ = picked
        if week["race_week"] and pattern in MAIN_PATTERNS:
            continue  # race week: calves and trunk only
        if ex in ECCENTRIC_HEAVY:
            if week["race_week"]:
                continue  # no eccentric-heavy work in the last days
            step = exposures.get(ex, 0)
            exposures[ex] = step + 1
            n_sets, reps = ECCENTRIC_RAMP[min(step, len(ECCENTRIC_RAMP) - 1)]
            if easy:
                n_sets, reps = 2, min(reps, 5)
            dose, rel = f"{n_sets}×{reps} @ RPE {6 if easy else 7}, slow lowering", 0.0
        elif kind == "isometric":
            n_sets = 2 if easy else 3
            dose, rel = f"{n_sets}×{30 if easy or phase == 'base' else 45} s hold", 0.0
        elif pattern not in MAIN_PATTERNS or not loaded or slot[0] in ("anti_rotation_light",):
            n_sets = 2 if easy else 3
            reps = 10 if easy else DOUBLE_PROGRESSION[week["index"] % 3]
            dose = f"{n_sets}×{reps} @ RPE {6 if easy else 7}"
            if not easy and reps == DOUBLE_PROGRESSION[0] and week["index"] >= 3:
                dose += ", more load than last time"
            if pattern in ("lunge", "step"):
                dose = dose.replace(" @", " each leg @")
            rel = n_sets * reps * fraction(10, 7.0)
        else:
            main_seen += 1
            dose, n_sets, reps, share, lift_heavy = _main_dose(
                week, experience, picked, heavy_lifts, main_seen, easy
            )
            heavy |= lift_heavy
            rel = n_sets * reps * share
        lines.append(f"{name} {dose}")
        ids.append(ex)
        records.append((n_sets, primary, secondary, rel))
    return lines, ids, records, heavy


def _weeks(plan_phases):
    """Per week: phase, recovery, race week, index, index within the phase (normal weeks), hops."""
    n = len(plan_phases)
    base_weeks = [w for w, (p, r) in enumerate(plan_phases) if p == "base" and not r]
    out, counts = [], {}
    for w, (phase, recovery) in enumerate(plan_phases):
        k = counts.get(phase, 0)
        counts[phase] = k + (not recovery)
        hops = None
        if phase == "base" and w in base_weeks[-2:]:
            hops = HOPS_BASE
        elif phase == "build":
            hops = HOPS_BASE if recovery else HOPS_BUILD[min(k, len(HOPS_BUILD) - 1)]
        elif phase == "peak":
            hops = HOPS_PEAK
        out.append({"phase": phase, "recovery": recovery, "race_week": w == n - 1, "index": w,
                    "in_phase": k, "hops": hops})  # fmt: skip
    return out


@functools.lru_cache(maxsize=512)
def block(plan_phases: tuple, n_sessions: int, experience: str, equipment) -> tuple:
    """The strength sessions of a whole block, which depend only on the phases, the number of
    sessions, the lifting experience and the equipment (so a sweep over volumes reuses them).

    Returns (sessions, weekly): sessions [(week index, day, title, groups, heavy, lines, ids,
    minutes, rpe)], weekly a dict of arrays (one value per week): session and heavy-session
    counts, sets per muscle (:func:`helpers.load.weekly_sets`), relative volume load.
    """
    choices = _choices(equipment, experience)
    weeks = _weeks(plan_phases)
    rows, set_rows, rel, counts = [], [], [0.0] * len(weeks), [[0, 0] for _ in weeks]
    heavy_lifts, exposures = 0, {}
    for w, week in enumerate(weeks):
        if week["phase"] == "build" and not week["recovery"]:
            heavy_lifts += 1
        for i, (template, day) in enumerate(
            zip(TEMPLATES[n_sessions], STRENGTH_OFFSETS[n_sessions], strict=True)
        ):
            if week["race_week"] and i > 0:
                break  # race week: one short light session early in the week
            light_only = week["race_week"] or day >= 5
            if day >= 5:
                template = LIGHT
            lines, ids, records, heavy = session(
                template, week, experience, choices, heavy_lifts, light_only, exposures
            )
            if not ids:
                continue
            minutes = strength.strength_minutes(sum(r[0] for r in records), heavy=heavy) + 8
            rpe = 7 if heavy else (4 if light_only or week["recovery"] else 6)
            title = template[0] + (", deload" if week["recovery"] else "")
            title += ", light" if week["race_week"] else ""
            rows.append((w, day, title, template[1], heavy, tuple(lines), tuple(ids), minutes, rpe))
            counts[w][0] += 1
            counts[w][1] += heavy
            for n_sets, primary, secondary, volume in records:
                rel[w] += volume
                set_rows.append((w, n_sets, primary, secondary))
    # plan week w is dated on the Monday 7w days after 2001-01-01 (a Monday) for weekly_sets
    monday = pd.Timestamp("2001-01-01")
    frame = pd.DataFrame(set_rows, columns=["week", "sets", "primary_muscles", "secondary_muscles"])
    weekly = pd.DataFrame(index=pd.date_range(monday, periods=len(weeks), freq="7D", name="week"))
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
