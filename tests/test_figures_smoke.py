"""Every public figure function draws a complete figure from typical inputs.

Each function of ``helpers.figures`` is called with inputs built the way the lessons build them
(from the course's own models and data), and must return a plotly figure with a title, axis
titles that carry a unit, at least one trace with data, and a screen-reader description
(``layout.meta["alt"]``, set by ``figures.describe`` and written as the page's ``aria-label``).

Adding a figure function means adding a row to ``SAMPLES``; a function that is renamed or removed
fails ``test_every_figure_function_has_a_sample`` or its own case by name.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from helpers import (
    DATA_DIR,
    evidence,
    exercises,
    figures,
    fueling,
    load,
    logs,
    meals,
    mobility,
    plans,
    running,
    strength,
    workshop,
)

# Helpers of the figure module that are not figures.
NOT_FIGURES = {"describe", "figure_html"}
# A unit: [km], (min), or a unit word or symbol.
UNIT = re.compile(
    r"\[[^\]]+\]|\([^)]+\)|%|\b(km|mi|m|min|h|s|kg|lb|g|AU|L|sets|reps|weeks?|days?|RPE|ES|RR|SMD)\b"
)
# Figures whose axes are categories only (a board of names, a muscles × groups grid): the unit is in
# the colour bar or the hover text, and no axis title is required.
NO_QUANTITATIVE_AXIS = {"library_exercise_board", "library_coverage_heatmap"}
# Axes that count or name things rather than measure them need no unit.
INDEX_AXIS = re.compile(r"(date|session|week|week starting|exercise group|muscle)")
# Gaps found by this test, left to the figures' owners: each case must fail until it is fixed
# (strict xfail), then its line here goes.
KNOWN_GAPS: dict[str, str] = {}


# ---------------------------------------------------------------- sample inputs, as the lessons
@functools.cache
def library():
    return exercises.load_exercises()


@functools.cache
def plan():
    spec = plans.PlanSpec(
        race_date=dt.date(2027, 4, 18),
        weeks=16,
        current_weekly_km=40,
        peak_weekly_km=65,
        strength_sessions_per_week=2,
    )
    return plans.build_plan(spec)


@functools.cache
def compared():
    specs = [
        plans.PlanSpec(
            race_date=dt.date(2027, 4, 18),
            weeks=16,
            current_weekly_km=40,
            peak_weekly_km=65,
            strength_sessions_per_week=n,
        )
        for n in (0, 2)
    ]
    return plans.compare_plans(specs, labels=["0× strength", "2× strength"])


@functools.cache
def daily_load():
    """16 weeks of daily session-RPE load with rest days, seeded."""
    rng = np.random.default_rng(7)
    days = pd.date_range("2027-01-04", periods=112, freq="D", name="date")
    minutes = np.where(rng.random(112) < 0.7, rng.integers(30, 90, 112), 0)
    return load.daily_series(days, load.session_load(5.0, minutes.astype(float)))


@functools.cache
def week_daily():
    days = pd.date_range("2027-03-01", periods=7, freq="D", name="date")
    return pd.DataFrame(
        {"run": [0, 150, 420, 120, 0, 80, 600.0], "strength": [240, 0, 0, 240, 0, 0, 0.0]},
        index=days,
    )


@functools.cache
def sets_per_muscle():
    return pd.Series(
        {"quadriceps": 9.0, "glutes": 10.5, "hamstrings": 6.0, "calves": 4.0, "core": 3.0}
    )


@functools.cache
def training_log():
    samples = DATA_DIR / "samples"
    return logs.combine_logs(
        logs.read_strava_export(samples / "strava_export"),
        logs.read_strong_csv(samples / "strong.csv", weight_unit="kg"),
    )


@functools.cache
def weekly_log():
    return logs.weekly_summary(training_log())


@functools.cache
def progressions():
    return {
        "linear": strength.linear_progression(50, 24, one_rm_kg=80.0),
        "with deload": strength.linear_progression(50, 24, one_rm_kg=80.0, deload_every=4),
    }


def estimates():
    reps = np.arange(1, 11)
    return pd.DataFrame(
        {name: strength.estimate_1rm(100.0, reps, name) for name in strength.FORMULAS},
        index=pd.Index(reps, name="reps"),
    )


def forms():
    return {
        label: load.fitness_fatigue(daily_load(), model=s)["form"]
        for label, s in (("1/N", "trainingpeaks"), ("1 − e^(−1/N)", "exponential"))
    }


def race_dashboard():
    finish_s = running.race_time(running.vdot(10_000, 50 * 60), 42_195)
    hours = pd.Index([0.0, finish_s / 3600], name="hours")
    fuel = {f"{g} g/h": fueling.race_fueling_plan(finish_s, 20, g) for g in (60, 90)}
    change = pd.DataFrame(
        {f"{d} L/h": fueling.body_mass_change_pct(70, 0.8, d, hours) for d in (0.0, 1.0)},
        index=hours,
    )
    return (fuel, change, "Race day: carbohydrate and body mass"), {}


def carb_bands():
    hours = np.linspace(0, 5, 51)
    marks = pd.DataFrame({"hours": [1.0, 3.5]}, index=["10 km", "marathon"])
    marks["g_per_h"] = fueling.race_carbs_per_hour(marks["hours"])
    return (hours, fueling.race_carbs_per_hour(hours), marks), {}


def block():
    table = strength.linear_progression(50, 24, one_rm_kg=80.0, deload_every=4)
    one_rm = pd.Series(80.0 * 1.01 ** ((table["session"] - 1) // 2).to_numpy(), table["session"])
    return (table, one_rm, "Linear progression, 12 weeks"), {}


def args(*a, **k):
    return lambda: (a, k)


# name → a function returning (args, kwargs); built lazily so one broken input fails one case
SAMPLES = {
    "evidence_forest": lambda: ((evidence.load_evidence("injury"), "Injuries"), {"rows": 4}),
    "evidence_group_bars": lambda: (
        (
            evidence.load_evidence("race_weekend").query("measure == '%'"),
            "Kidney injury after an ultramarathon stage",
            "runners [%]",
        ),
        {},
    ),
    "form_acwr_lines": lambda: (({"rolling": load.acwr(daily_load())},), {}),
    "form_banister": lambda: ((load.banister(daily_load()),), {}),
    "form_fitness_fatigue": lambda: (({"1/N": load.fitness_fatigue(daily_load())},), {}),
    "form_load_panels": lambda: ((daily_load(), load.acwr(daily_load()), forms()), {}),
    "fuel_carb_day": lambda: (
        (meals.plan_carb_day(meals.load_recipes(), 62.0, g_per_kg=10, meals=5),),
        {},
    ),
    "fuel_race_carb_bands": carb_bands,
    "fuel_race_dashboard": race_dashboard,
    "fuel_range_bars": lambda: (
        (
            pd.DataFrame(
                [fueling.daily_carbs(62.0, level) for level in ("light", "high")],
                index=["light", "high"],
                columns=["low", "high"],
            ),
        ),
        {},
    ),
    "library_coverage_bars": lambda: ((exercises.muscle_coverage(library()),), {}),
    "library_coverage_heatmap": lambda: (
        (
            pd.DataFrame(
                {
                    g: exercises.muscle_coverage(exercises.select_exercises(library(), group=g))[
                        "primary"
                    ]
                    for g in exercises.GROUPS
                }
            ),
        ),
        {},
    ),
    "library_exercise_board": lambda: ((library(),), {}),
    "load_form_compare": lambda: ((forms(),), {}),
    "log_km_vs_plan": lambda: (
        (
            logs.compare_to_plan(
                training_log(),
                plans.build_plan(plans.PlanSpec(dt.date(2027, 1, 10), weeks=18)),
            ),
        ),
        {},
    ),
    "log_load_acwr": lambda: (
        (daily_load(), load.acwr(daily_load()), "Daily load and ACWR"),
        {},
    ),
    "log_weekly_load": lambda: ((weekly_log(),), {}),
    "plan_block": lambda: ((plan().weeks,), {}),
    "plan_compare": lambda: (
        (compared(), "run_km", "Weekly running", "running per week [km]"),
        {},
    ),
    "plan_long_runs": lambda: ((compared(),), {"title": "Long runs"}),
    "plan_strength": lambda: ((plan().weeks,), {}),
    "recovery_hold_by_target": lambda: (
        (mobility.hold_by_target(mobility.load_mobility()), mobility.TARGETS),
        {},
    ),
    "strength_block": block,
    "strength_formula_curves": lambda: ((estimates(),), {"weight": 100}),
    "strength_progressions": lambda: ((progressions(),), {}),
    "strength_rpe_lines": lambda: ((strength.RPE_CHART,), {}),
    "strength_weekly_volume": lambda: ((progressions(),), {}),
    "volume_daily_load": lambda: ((week_daily(),), {}),
    "volume_dashboard": lambda: (
        (sets_per_muscle(), week_daily(), "One week of running and lifting"),
        {},
    ),
    "volume_sets_bars": lambda: ((sets_per_muscle(),), {}),
    "workshop_timeline": lambda: (
        (workshop.timetable(90, workshop.course_map(), focus="strength"),),
        {},
    ),
}


def public_figure_functions() -> set[str]:
    return {
        name
        for name, fn in inspect.getmembers(figures, inspect.isfunction)
        if not name.startswith("_")
        and fn.__module__.startswith("helpers.figures")
        and name not in NOT_FIGURES
    }


def test_every_figure_function_has_a_sample():
    found = public_figure_functions()
    assert not found - SAMPLES.keys(), f"add inputs to SAMPLES for {sorted(found - SAMPLES.keys())}"
    assert not SAMPLES.keys() - found, f"no such figure function: {sorted(SAMPLES.keys() - found)}"


def has_data(trace) -> bool:
    for key in ("x", "y", "z", "values", "r", "cells"):
        value = getattr(trace, key, None) if key in trace else None
        if value is not None and np.size(np.asarray(value, dtype=object)) > 0:
            return True
    return False


def axis_titles(fig: go.Figure) -> list[str]:
    layout = fig.to_dict()["layout"]
    return [
        (axis.get("title") or {}).get("text") or ""
        for key, axis in layout.items()
        if re.fullmatch(r"[xy]axis\d*", key) and axis.get("visible", True)
    ]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN_GAPS[n], strict=True))
        if n in KNOWN_GAPS
        else n
        for n in sorted(SAMPLES)
    ],
)
def test_figure_is_complete(name):
    draw = getattr(figures, name, None)
    assert draw is not None, f"helpers.figures.{name} is gone: update SAMPLES"
    fig_args, fig_kwargs = SAMPLES[name]()
    fig = draw(*fig_args, **fig_kwargs)

    assert isinstance(fig, go.Figure), type(fig)
    assert (fig.layout.title.text or "").strip(), f"{name}: no title"
    assert any(has_data(trace) for trace in fig.data), f"{name}: no trace with data"
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    alt = meta.get("alt", "")
    assert len(alt.split()) >= 4, f"{name}: no screen-reader description, got {alt!r}"
    if name not in NO_QUANTITATIVE_AXIS:
        titles = [t for t in axis_titles(fig) if t.strip()]
        assert titles, f"{name}: no axis titles"
        assert any(UNIT.search(t) for t in titles), f"{name}: no unit in axis titles {titles}"
        bare = [t for t in titles if not UNIT.search(t) and not INDEX_AXIS.fullmatch(t)]
        assert not bare, f"{name}: axis titles without a unit: {bare}"
