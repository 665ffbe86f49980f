"""``build_plan``: a spec in, a plan out; ``compare_plans``: several plans in one tidy table."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from helpers import load, units
from helpers.plans import coach, lifts, runs
from helpers.plans.plan import Plan
from helpers.plans.spec import ASSUMED_VDOT, PlanSpec, equipment_items, race_vdot, validate

SESSION_COLUMNS = [
    "date", "week", "phase", "kind", "title", "details", "muscle_groups", "heavy", "exercises",
    "exercise_ids", "distance_km", "marathon_km", "threshold_km", "interval_km", "duration_min",
    "rpe", "load",
]  # fmt: skip


#: The (shared, never modified) empty session table of plans built for a sweep.
_NO_SESSIONS = pd.DataFrame(columns=SESSION_COLUMNS)


def build_plan(spec: PlanSpec) -> Plan:
    """Build a marathon block with strength training from a :class:`PlanSpec`.

    Running: the weekly volume ramps by at most 10 % a week to the peak with recovery weeks and a
    two-week taper (:func:`weekly_volume`); the long run follows the spec's rule
    (:func:`long_runs`); each week has easy runs, a recovery run, a medium-long run at 55 km and
    more, and up to two quality sessions whose main set is capped by Daniels' shares of the
    week (threshold ≤ 10 %, intervals ≤ 8 %, marathon pace ≤ 20 %), with warm-up and cool-down;
    beginners get none in the base phase. Paces come from the VDOT of the spec's recent race
    (or the VDOT assumed for the level) via :func:`helpers.running.training_paces`.

    Session RPE is Foster's whole-session rating, modelled as the time-weighted mean of the
    CR-10 rating of each part of the run (:data:`PART_RPE`: easy 3, long 4, marathon pace 5,
    threshold 6, intervals 8; the race 9), rounded to 0.5: 40 min easy with 20 min at
    threshold is (40 × 3 + 20 × 6) / 60 = RPE 4, not 7.

    Returns
    -------
    Plan
        ``sessions``: date, week, phase, kind (run/strength), title, details (warm-up, main set
        and paces; empty for lifts), muscle_groups (tuple), heavy (bool), exercises (tuple of
        "name sets×reps @ dose"), distance_km, marathon_km, threshold_km, interval_km (main-set
        km at each pace), duration_min, rpe, load (session-RPE [AU]).
        ``weeks``: week, start, phase, recovery, run_km (**every run of the week, the race
        included in race week**: it equals the sum of the week's run sessions), race_km (the
        race, 0 before race week), long_run_km (the race in race week), marathon_km,
        threshold_km, interval_km, strength_sessions, heavy_sessions, sets per muscle
        (``sets_<muscle>``, :func:`helpers.load.weekly_sets`, synergists 0.5), relative volume
        load (Σ sets × reps × fraction of 1RM), load (session-RPE [AU]), monotony, acwr,
        fitness, fatigue, form (end of week).
        ``warnings``: sentences a coach can act on. ``assumptions``: what was assumed.

    Raises
    ------
    ValueError
        For a spec that cannot be planned, naming the field and why.

    References
    ----------
    Bosquet L, Montpetit J, Arvisais D, Mujika I (2007). Effects of tapering on performance: a
    meta-analysis. Med Sci Sports Exerc 39:1358–1365. doi:10.1249/mss.0b013e31806010e0
    Daniels J (2014). Daniels' Running Formula, 3rd ed. Human Kinetics.
    Foster C, et al. (2001). A new approach to monitoring exercise training. J Strength Cond Res
    15:109–115. doi:10.1519/00124278-200102000-00019
    Hulin BT, et al. (2016). Br J Sports Med 50:231–236. doi:10.1136/bjsports-2015-094817
    Rasmussen CH, Nielsen RO, Juul MS, Rasmussen S (2013). Weekly running volume and risk of
    running-related injuries among marathon runners. Int J Sports Phys Ther 8:111–120.

    Examples
    --------
    >>> plan = build_plan(PlanSpec(dt.date(2027, 4, 18), 16, 40, 65, 2))
    >>> float(plan.weeks["long_run_km"].iloc[:-1].max())  # 40 % of the 65 km peak week
    26.0
    """
    return _build(spec)


def _build(spec: PlanSpec, sessions: bool = True) -> Plan:
    """:func:`build_plan`; ``sessions=False`` leaves ``plan.sessions`` empty (for sweeps)."""
    current_km, peak_km, run_days = validate(spec)
    equipment = equipment_items(spec.equipment)
    plan_phases = tuple(runs.phases(spec.weeks, spec.recovery_every))
    km, reached = runs.weekly_volume(current_km, peak_km, spec.weeks, spec.recovery_every)
    vdot = race_vdot(spec)
    assumptions = [spec.history] if spec.history else []
    grounded = not math.isnan(vdot)
    if not grounded:
        vdot = ASSUMED_VDOT[spec.level]
        assumptions.append(
            "No race or time trial given: every run is prescribed by effort (RPE and the talk "
            "test), not pace. Durations assume a slow, safe pace (VDOT "
            f"{vdot:g}); run a 5 km time trial or give a recent race (recent_race_km, "
            "recent_race_min) for paces."
        )
    pace = runs.paces(vdot, grounded)
    current_long = spec.current_long_run_km
    if current_long is None:
        current_long = round(max(0.3 * current_km, current_km / run_days), 1)
        assumptions.append(
            f"Current long run assumed {current_long:g} km (30 % of the week, at least the "
            "average run); give current_long_run_km if it differs."
        )
    if spec.lifting_experience != "experienced" and spec.strength_sessions_per_week:
        assumptions.append(
            f"Lifting experience '{spec.lifting_experience}': "
            + (
                "beginner exercises dosed by RPE all block (two technique weeks first); no "
                "barbell, Nordic curls or pistols."
                if spec.lifting_experience == "none"
                else "%1RM from the build phase: estimate each 1RM from an RPE set in base "
                "(lesson 03)."
            )
        )
    long_km = runs.long_runs(km, plan_phases, pace["easy"], spec.long_run, current_long)
    start = spec.race_date - dt.timedelta(days=7 * spec.weeks - 1)
    n = spec.weeks
    daily = np.zeros(7 * n)
    records, week_max = [], []
    week_cols = {k: np.zeros(n) for k in ("run_km", *runs.QUALITY_SHARE)}
    for w, (phase, recovery) in enumerate(plan_phases):
        first = start + dt.timedelta(days=7 * w)
        to_race = n - 1 - w
        # no run more than 10 % over the longest of the 30 days before (Frandsen 2025): the
        # runs of the 3 weeks before, the long runs of 4, the current long run at the start
        ref = max(max(week_max[max(0, w - 3) : w], default=0.0),
                  long_km[max(0, w - 4) : w].max(initial=0.0), current_long if w < 4 else 0.0)  # fmt: skip
        longest = max(
            long_km[w], math.floor(10 * (1 + coach.threshold("single_run_spike")) * ref) / 10
        )
        cap = runs.long_run_cap(spec.long_run, km[w], pace["easy"])
        week = runs.week_runs(
            km[w], long_km[w], run_days, spec.level, phase, recovery, to_race, pace, longest, cap
        )
        week_max.append(0.0)
        for day, _, _, parts in week:
            if day == 6 and to_race:  # the long run may take what the easy runs could not
                long_km[w] = round(sum(p[1] for p in parts), 1)
        if to_race == 0:
            race_km = round(units.MARATHON_KM, 1)
            race = ("race", race_km, pace["marathon"])
            week.append((6, "Marathon race day", f"start at {pace['text']['marathon']}", [race]))
        for day, title, details, parts in week:
            if parts[0][0] == "race":
                dist, rpe = parts[0][1], runs.RACE_RPE
                minutes = units.MARATHON_KM * pace["marathon"] / 60
            else:
                dist, minutes, rpe = runs.session_numbers(parts)
            dist = round(dist, 1)
            at = dict.fromkeys(runs.QUALITY_SHARE, 0.0)  # main-set km at each quality pace
            for kind, part_km, _ in parts:
                if kind in at:
                    at[kind] = round(part_km, 1)
            records.append((first + dt.timedelta(days=day), w + 1, phase, "run",
                            f"{title} {dist:g} km", details, (), False, (), [], dist,
                            at["marathon"], at["threshold"], at["interval"],
                            round(minutes), float(rpe)))  # fmt: skip
            daily[7 * w + day] += rpe * round(minutes)
            week_cols["run_km"][w] += dist
            week_max[w] = max(week_max[w], dist)
            for k, part_km in at.items():
                week_cols[k][w] += part_km
    strength_rows, strength_weeks = lifts.block(plan_phases, spec.strength_sessions_per_week,
                                                spec.lifting_experience, equipment)  # fmt: skip
    for w, day, title, groups, heavy, lines, ids, minutes, rpe in strength_rows:
        records.append((start + dt.timedelta(days=7 * w + day), w + 1, plan_phases[w][0],
                        "strength", title, "", groups, heavy, lines, list(ids), math.nan, 0.0,
                        0.0, 0.0, round(minutes), float(rpe)))  # fmt: skip
        daily[7 * w + day] += rpe * round(minutes)
    if sessions:
        records.sort(key=lambda r: (r[0], r[3]))  # by date, runs before lifts
        table = pd.DataFrame(records, columns=SESSION_COLUMNS[:-1])
        table["load"] = [round(r[-1] * r[-2]) for r in records]
    else:
        table = _NO_SESSIONS
    columns = {
        "week": np.arange(1, n + 1),
        "start": [start + dt.timedelta(days=7 * w) for w in range(n)],
        "phase": [p for p, _ in plan_phases],
        "recovery": [r for _, r in plan_phases],
        "run_km": np.round(week_cols["run_km"], 1),
        "race_km": [0.0] * (n - 1) + [round(units.MARATHON_KM, 1)],
        "long_run_km": np.append(long_km[:-1], round(units.MARATHON_KM, 1)),
        **{f"{k}_km": np.round(week_cols[k], 1) for k in ("marathon", "threshold", "interval")},
        **strength_weeks,
        **_load_summary(daily, current_km, pace["easy"], run_days),
    }
    if spec.units == "mi":
        columns["run_mi"] = np.round(columns["run_km"] / units.KM_PER_MI, 1)
    plan = Plan(spec, table, pd.DataFrame(columns), assumptions=assumptions)
    plan.current_long_run_km = current_long
    plan.paces_grounded = grounded
    if reached < peak_km - 0.05:
        assumptions.append(
            f"A peak of {peak_km:.0f} km cannot be reached from {current_km:.0f} km at ≤ "
            f"{runs.MAX_RAMP:.0%} a week in {spec.weeks} weeks; the plan peaks at {reached:.0f} km."
        )
    if sessions:
        plan.findings = coach.check(plan)
        plan.warnings = coach.sentences(plan.findings)
    return plan


def _load_summary(daily: np.ndarray, current_km: float, pace: float, run_days: int) -> dict:
    """Weekly load, monotony, end-of-week ACWR and fitness–fatigue, with 4 weeks of history."""
    history = np.zeros(28)
    per_run = current_km / run_days * pace / 60 * 4.0  # easy running at RPE 4
    for d in runs.RUN_OFFSETS[run_days]:
        history[d::7] = per_run
    series = np.concatenate([history, daily])
    n = len(daily) // 7
    ends = 28 + 7 * np.arange(1, n + 1) - 1
    ff = load.fitness_fatigue(series)
    return {
        "load": daily.reshape(n, 7).sum(axis=1).round(0),
        "monotony": np.round(load.monotony(daily), 2),
        "acwr": np.round(load.acwr(series)[ends], 2),
        **{col: np.round(ff[col].to_numpy()[ends], 1) for col in ("fitness", "fatigue", "form")},
    }


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
        ``warnings`` (the number of the check's findings above "note" for that variant).
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
    frames, names, to_race, warnings = [], [], [], []
    for spec, name in zip(specs, labels, strict=True):
        plan = _build(spec)
        n = len(plan.weeks)
        frames.append(plan.weeks)
        names += [name] * n
        to_race.append(np.arange(n - 1, -1, -1))
        warnings += [int((plan.findings["severity"] != "note").sum())] * n
    table = pd.concat(frames, ignore_index=True)
    table.insert(0, "variant", names)
    table.insert(2, "weeks_to_race", np.concatenate(to_race))
    table["warnings"] = warnings
    return table
