"""The plan builder keeps its rules on every spec it accepts, and refuses the others by name."""

import datetime as dt
import html
import math
import re

import icalendar
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import DATA_DIR, exercises, load, logs, plans, running, strength, units
from helpers.plans import runs as runs_mod

RACE = dt.date(2027, 4, 18)
LIBRARY = exercises.load_exercises()
BY_NAME = LIBRARY.set_index("name")
BY_ID = LIBRARY.set_index("id")
SPECS = {
    "club runner": plans.PlanSpec(RACE, 16, 40, 65, 2),
    "beginner at home": plans.PlanSpec(RACE, 18, 30, 50, 2, "beginner", "home"),
    "advanced, 3 sessions": plans.PlanSpec(RACE, 20, 60, 100, 3, "advanced", "gym"),
    "short block in miles": plans.PlanSpec(RACE, 12, 25, 40, 3, "intermediate", "gym", "mi"),
    "no strength": plans.PlanSpec(RACE, 14, 40, 60, 0),
    "one session": plans.PlanSpec(RACE, 24, 30, 70, 1, "beginner", {"dumbbell"}),
    "experienced lifter": plans.PlanSpec(
        RACE, 18, 70, 100, 2, "advanced", lifting_experience="experienced"
    ),
    "club runner, Daniels": plans.PlanSpec(RACE, 16, 40, 65, 2, long_run="daniels"),
    "fast runner with a 10 km race": plans.PlanSpec(
        RACE,
        18,
        70,
        110,
        2,
        "advanced",
        recent_race_km=10,
        recent_race_min=36,
        current_long_run_km=24,
    ),
}


MAIN_PERCENT = re.compile(r"^(\d+)×(\d+) @ (\d+) % 1RM \(RPE ([\d.]+)\), after warm-up sets of ")


def check_rules(plan: plans.Plan) -> None:
    spec, weeks, sessions = plan.spec, plan.weeks, plan.sessions
    n = spec.weeks
    # phases in order, 3 peak weeks and 2 taper weeks, ending on race day
    order = [plans.PHASES.index(p) for p in weeks["phase"]]
    assert order == sorted(order) and order[-1] == 3
    assert list(weeks["phase"]).count("taper") == 2 and list(weeks["phase"]).count("peak") == 3
    assert sessions["date"].max() == spec.race_date
    first_day = spec.race_date - dt.timedelta(days=7 * n - 1)
    assert 0 <= (sessions["date"].min() - first_day).days < 7  # week 1 starts the plan
    race = sessions[sessions["date"] == spec.race_date]
    assert (race["kind"] == "run").all() and race["distance_km"].iloc[0] == pytest.approx(42.2)
    runs = sessions[sessions["kind"] == "run"]
    # the numbers agree: run_km is the sum of the week's runs, the race included
    by_week = runs.groupby("week")["distance_km"].sum().reindex(weeks["week"], fill_value=0)
    assert weeks["run_km"].to_numpy() == pytest.approx(by_week.to_numpy(), abs=0.05)
    assert weeks["race_km"].tolist() == [0.0] * (n - 1) + [42.2]
    # running volume: starts at the current volume, recovery weeks cut, taper cuts 41–60 % (Bosquet)
    factor = 1.609344 if spec.units == "mi" else 1.0
    km = (weeks["run_km"] - weeks["race_km"]).to_numpy()
    # week 1 is the current volume (less only where an easy run would outgrow the long run)
    assert km[0] <= spec.current_weekly_km * factor + 0.15
    assert km[0] >= 0.8 * spec.current_weekly_km * factor
    peak = km[(weeks["phase"] == "peak").to_numpy()].max()
    taper = km[(weeks["phase"] == "taper").to_numpy()]
    assert 0.41 <= 1 - taper.mean() / peak <= 0.60
    assert 0.41 <= 1 - taper[-1] / peak <= 0.60
    for i in np.flatnonzero(weeks["recovery"]):
        assert km[i] < km[i - 1]
    check_long_runs(plan, km)
    check_quality(plan, km)
    # nothing heavy in the last 7 days, or within 48 h before a long run
    lifts = sessions[sessions["kind"] == "strength"]
    heavy = lifts[lifts["heavy"]]
    assert (heavy["date"] <= spec.race_date - dt.timedelta(days=7)).all()
    long_days = set(runs.loc[runs["title"].str.startswith("Long run"), "date"]) | {spec.race_date}
    for day in heavy["date"]:
        assert not any(0 <= (long_day - day).days <= 2 for long_day in long_days)
    # recovery weeks are strength deloads
    assert (weeks.loc[weeks["recovery"], "heavy_sessions"] == 0).all()
    # each week's sessions train different groups and together cover core, glutes and legs
    for week, group in lifts.groupby("week"):
        assert len(group) <= spec.strength_sessions_per_week
        if week == n:
            continue  # race week: one light session at most
        groups = list(group["muscle_groups"])
        assert len(set(groups)) == len(groups)
        if spec.strength_sessions_per_week:
            assert {"core", "glutes", "legs"} <= set().union(*groups)
    check_doses(plan)
    # the weekly summary is the load model applied to the sessions
    daily = np.zeros(7 * n)
    for row in sessions.itertuples():
        daily[(row.date - first_day).days] += row.rpe * row.duration_min
    assert weeks["load"].to_numpy() == pytest.approx(daily.reshape(n, 7).sum(axis=1), abs=1)
    expected = np.round(load.monotony(daily), 2)
    assert np.allclose(weeks["monotony"], expected, equal_nan=True)
    # the long-run note names the gap exactly when the longest run is under 60 % of the race
    longest = runs.loc[runs["date"] < spec.race_date, "distance_km"].max()
    warned = (plan.findings["rule"] == "long_run_short").any()
    assert warned == (longest < 0.6 * 42.195)
    # every strength session starts with the RAMP warm-up; ids follow the exercise lines
    for row in lifts.itertuples():
        assert row.exercises[0].startswith("RAMP warm-up")
        assert len(row.exercise_ids) == len(row.exercises) - 1
        for line, ex in zip(row.exercises[1:], row.exercise_ids, strict=True):
            assert line.startswith(BY_ID.loc[ex, "name"] + " "), (line, ex)
    assert all(ids == [] for ids in runs["exercise_ids"])


def easy_pace(spec) -> float:
    """Easy pace [s/km] from the spec's race, or the (slow) VDOT assumed for its level."""
    if spec.recent_race_km is None:
        vdot = plans.ASSUMED_VDOT[spec.level]
    else:
        vdot = running.vdot(spec.recent_race_km * 1000, spec.recent_race_min * 60)
    return float(running.training_paces(vdot)["easy"])


def check_long_runs(plan, km) -> None:
    """The long run keeps its named rule (numbers from the rule's sources, not the builder)."""
    spec, weeks = plan.spec, plan.weeks
    long_km = weeks["long_run_km"].to_numpy()[:-1]
    most_km = 60 / easy_pace(spec)  # km in one minute at easy pace
    if spec.long_run == "daniels":  # ≤ 25 % of the week (30 % under 64 km) and ≤ 150 min
        share = np.where(km[:-1] < 64, 0.30, 0.25)
        assert (long_km <= share * km[:-1] + 1e-9).all()
        assert (long_km <= 150 * most_km + 1e-9).all()
    # traditional: ≤ 32 km and ≤ 180 min; both rules: ≤ 40 % of the week, ≤ 1.1 × the longest
    # of the 4 weeks before (the current long run before week 1; Frandsen 2025), ≤ 5 of 28 km+
    runs = plan.sessions[plan.sessions["kind"] == "run"]
    first = runs["date"].min()
    for day, value in zip(runs["date"], runs["distance_km"], strict=True):
        if day == spec.race_date:
            continue
        window = runs[(runs["date"] < day) & (runs["date"] >= day - dt.timedelta(days=30))]
        seed = plan.current_long_run_km if (day - first).days < 30 else 0.0
        ref = max(window["distance_km"].max() if len(window) else 0.0, seed)
        assert value <= 1.1 * ref + 1e-9, (day, value)
    if spec.long_run == "traditional":
        assert (long_km <= 32).all() and (long_km <= 180 * most_km + 1e-9).all()
    assert (long_km <= 0.4 * km[:-1] + 1e-9).all()
    assert (long_km >= 28).sum() <= 5
    # the peak long run comes 3–5 weeks or more before the race, then shorter runs
    to_race = len(long_km) - np.arange(len(long_km))  # weeks before race week
    peak = long_km.max()
    assert (long_km[to_race <= 2] < peak).all() or peak == 0


def check_quality(plan, km) -> None:
    """Quality work by Daniels' caps, beginners' base phase easy, session RPE for the whole run."""
    spec, weeks, sessions = plan.spec, plan.weeks, plan.sessions
    for pace, cap in (("threshold", 0.10), ("interval", 0.08), ("marathon", 0.20)):
        assert (weeks[f"{pace}_km"].to_numpy()[:-1] <= cap * km[:-1] + 0.05).all(), (pace, km)
        per_week = sessions.groupby("week")[f"{pace}_km"].sum().reindex(weeks["week"])
        assert weeks[f"{pace}_km"].to_numpy() == pytest.approx(per_week.to_numpy(), abs=0.05)
    if spec.level == "beginner":
        base = weeks[weeks["phase"] == "base"]
        assert (base["threshold_km"] == 0).all() and (base["interval_km"] == 0).all()
    runs = sessions[(sessions["kind"] == "run") & (sessions["date"] != spec.race_date)]
    quality = runs[(runs[["marathon_km", "threshold_km", "interval_km"]].sum(axis=1) > 0)]
    finish = quality["title"].str.startswith("Long run")  # the last km of a long run at MP
    assert (quality.loc[finish, "marathon_km"] <= 0.25 * quality.loc[finish, "distance_km"]).all()
    assert (quality.loc[finish, ["threshold_km", "interval_km"]] == 0).all(axis=None)
    assert quality.loc[~finish, "details"].str.contains("warm-up").all()
    assert quality.loc[~finish, "details"].str.contains("cool-down").all()
    # whole-session RPE lies between easy running (3) and the main set's rating
    assert (runs["rpe"] >= 3).all() and (runs["rpe"] <= 8).all()
    assert (quality.loc[quality["threshold_km"] > 0, "rpe"] < 6).all()


def check_doses(plan) -> None:
    """Exercises suit the runner; %1RM doses match the course's RPE chart, leave ≥ 2 reps in
    reserve in base, only on barbell/machine main lifts, with warm-up sets."""
    spec, sessions = plan.spec, plan.sessions
    lifts = sessions[sessions["kind"] == "strength"]
    available = (
        exercises.EQUIPMENT_PRESETS[spec.equipment]
        if isinstance(spec.equipment, str)
        else set(spec.equipment) | {"none"}
    )
    levels = exercises.LEVELS
    most = {"none": "beginner", "some": "intermediate", "experienced": "advanced"}
    chart = strength.RPE_CHART
    for row in lifts.itertuples():
        for line in row.exercises[1:]:
            name, dose = _split(line)
            ex = BY_NAME.loc[name]
            assert set(ex["equipment"]) <= available, line
            assert levels.index(ex["level"]) <= levels.index(most[spec.lifting_experience]), line
            if spec.lifting_experience == "none":  # Ratamess 2009: novices by RPE, no barbell
                assert "barbell" not in ex["equipment"] and "% 1RM" not in dose, line
            assert any(k in dose for k in ("% 1RM", "RPE", "s hold", "contacts")), line
            if "% 1RM" not in dose:
                continue
            match = MAIN_PERCENT.match(dose)
            assert match, line
            reps, pct, rpe = int(match[2]), int(match[3]), float(match[4])
            assert spec.lifting_experience != "none"
            assert ex["pattern"] in ("squat", "hinge", "bridge") and not ex["unilateral"], line
            assert {"barbell", "machine"} & set(ex["equipment"]), line
            assert pct / 100 <= chart.loc[rpe, reps] < (pct + 1) / 100, line  # the dose's RPE
            if row.phase == "base":
                assert pct / 100 <= chart.loc[8.0, reps], line  # at least 2 reps in reserve


def _split(line: str) -> tuple[str, str]:
    for name in sorted(BY_NAME.index, key=len, reverse=True):
        if line.startswith(name + " "):
            return name, line[len(name) + 1 :]
    raise AssertionError(f"unknown exercise in {line!r}")


@pytest.mark.parametrize("name", SPECS)
def test_named_specs_keep_every_rule(name):
    check_rules(plans.build_plan(SPECS[name]))


def test_strength_moves_from_general_to_heavy_to_maintenance():
    plan = plans.build_plan(SPECS["experienced lifter"])
    by_phase = plan.weeks.groupby("phase")["heavy_sessions"].sum()
    assert by_phase["base"] == 0 and by_phase["build"] > 0 and by_phase["taper"] == 0


def _heavy_lines(lines) -> int:
    """Main lifts at RPE 8 (by %1RM or by RPE alone) in one session."""
    return sum(("(RPE 8)" in x or "@ RPE 8" in x) for x in lines)


@pytest.mark.parametrize("name", ["club runner", "experienced lifter", "beginner at home"])
def test_heavy_lifts_are_added_one_at_a_time(name):
    plan = plans.build_plan(SPECS[name])
    lifts = plan.sessions[
        (plan.sessions["kind"] == "strength") & ~plan.sessions["title"].str.contains("light|deload")
    ]
    for _, session in lifts.groupby("title"):
        counts = [_heavy_lines(x) for x in session["exercises"]]
        assert counts[0] == 0  # the block starts with general strength
        assert all(b - a <= 1 for a, b in zip(counts, counts[1:], strict=False)), counts
    assert not any(
        "lunge" in x.lower() and "% 1RM" in x for xs in plan.sessions["exercises"] for x in xs
    )


def test_base_doses_by_the_chart():
    """3 × 10 at RPE 7: the chart gives 65.3 % for 10 reps at RPE 7, so 65 %; at RPE 8 (2 in
    reserve) 10 reps would be 68.0 %. Only an experienced lifter gets %1RM in base."""
    plan = plans.build_plan(SPECS["experienced lifter"])
    week1 = plan.sessions[(plan.sessions["week"] == 1) & (plan.sessions["kind"] == "strength")]
    lines = [x for xs in week1["exercises"] for x in xs if "% 1RM" in x]
    assert lines and all("3×10 @ 65 % 1RM (RPE 7)" in x for x in lines)
    assert all("after warm-up sets of" in x for x in lines)


def test_long_run_rules_side_by_side():
    """Reference values worked by hand from each rule's numbers.

    Traditional: 40 % of the 65 km peak week is 26 km (under 32 km and 180 min). Daniels: in
    week 11 (61.6 km, under 64 km) 30 % is 18.48 km, so 18.0 km (0.5 km steps); at the 65 km
    peak 25 % is 16.25 km, so 16.0 km; both under 150 min.
    """
    trad = plans.build_plan(SPECS["club runner"]).weeks
    daniels = plans.build_plan(SPECS["club runner, Daniels"]).weeks
    assert trad["long_run_km"].iloc[:-1].max() == 26.0
    assert daniels["long_run_km"].iloc[:-1].max() == 18.0
    peak = daniels.loc[daniels["phase"] == "peak", "long_run_km"].tolist()
    assert peak == [16.0, 16.0, 13.5]  # 2 weeks out: 75 % of the longest (18 km)
    weeks_out = len(trad) - 1 - trad["long_run_km"].iloc[:-1].to_numpy().argmax()
    assert 3 <= weeks_out <= 5


def test_the_long_run_note_names_the_gap():
    low = plans.build_plan(plans.PlanSpec(RACE, 16, 25, 35, 2, "beginner"))
    gap = next(w for w in low.warnings if "longest run before race day" in w)
    longest = low.weeks["long_run_km"].iloc[:-1].max()
    assert longest == 14.0  # 40 % of the 35 km peak week
    assert f"{longest:.1f} km" in gap and f"{42.195 / longest:.1f}×" in gap and "note" in gap
    assert not any("longest run" in w for w in plans.build_plan(SPECS["club runner"]).warnings)


def test_session_rpe_is_the_whole_session():
    """Foster's session RPE rates the whole session: 40 min easy (RPE 3) with 20 min at threshold
    (RPE 6) is (40 × 3 + 20 × 6) / 60 = 4."""
    easy_pace, t_pace = 300.0, 240.0  # s/km
    parts = [("easy", 40 * 60 / easy_pace, easy_pace), ("threshold", 20 * 60 / t_pace, t_pace)]
    km, minutes, rpe = runs_mod.session_numbers(parts)
    assert (km, minutes, rpe) == (pytest.approx(13.0), pytest.approx(60.0), 4.0)


@settings(max_examples=60, deadline=None)
@given(st.floats(20, 90))
def test_paces_are_ordered_easy_marathon_threshold_interval(vdot):
    pace = runs_mod.paces(vdot)
    assert pace["easy"] > pace["marathon"] > pace["threshold"] > pace["interval"]


def test_paces_come_from_the_runners_race():
    spec = SPECS["fast runner with a 10 km race"]
    plan = plans.build_plan(spec)
    vdot = running.vdot(10_000, 36 * 60)
    pace = running.training_paces(vdot)
    text = " ".join(plan.sessions["details"])
    for name in ("easy", "marathon", "threshold"):
        assert units.format_pace(pace[name]) in text, name
    assert not any("by effort" in a for a in plan.assumptions)
    # without a performance: effort and the talk test, and no pace anywhere
    effort = plans.build_plan(SPECS["club runner"])
    assert any("by effort" in a for a in effort.assumptions)
    assert not effort.sessions["details"].str.contains("/km").any()
    runs = effort.sessions[effort.sessions["kind"] == "run"]
    assert runs["details"].str.contains("RPE").all()


def test_from_log_on_the_sample_log():
    log = logs.read_strava_export(DATA_DIR / "samples" / "strava_export").log
    spec = plans.PlanSpec.from_log(log, RACE, peak_weekly_km=60, strength_sessions_per_week=2)
    # independent computation: runs of the last 28 days of the log, straight from the table
    end = max(log["date"])
    recent = [
        r for r in log.itertuples()
        if r.sport == "run" and (end - r.date).days < 28 and r.distance_km == r.distance_km
    ]  # fmt: skip
    assert spec.current_weekly_km == pytest.approx(sum(r.distance_km for r in recent) / 4, abs=0.05)
    assert spec.current_long_run_km == pytest.approx(max(r.distance_km for r in recent), abs=0.05)
    assert spec.weeks == 16 and spec.race_date - dt.timedelta(days=7 * 16 - 1) > end
    hard = log[(log["distance_km"] - spec.recent_race_km).abs() < 0.01]
    assert len(hard) >= 1 and hard["name"].str.contains("Interval|Tempo|race", case=False).any()
    plan = plans.build_plan(spec)
    assert plan.assumptions[0].startswith("From the log to 2026-12-27")
    check_rules(plan)
    with pytest.raises(ValueError, match="log"):
        plans.PlanSpec.from_log(log[log["sport"] != "run"], RACE)
    with pytest.raises(ValueError, match="distance_km"):
        plans.PlanSpec.from_log(log.drop(columns="distance_km"), RACE)
    with pytest.raises(ValueError, match="race_date"):
        plans.PlanSpec.from_log(log, "2027-04-18")
    with pytest.raises(ValueError, match="weeks"):  # 8 weeks from the end of the log: too few
        plans.PlanSpec.from_log(log, dt.date(2027, 2, 21))


def test_warnings_a_coach_can_act_on():
    one = plans.build_plan(plans.PlanSpec(RACE, 16, 40, 65, 1))
    assert any("below the 2–3" in w for w in one.warnings)
    steep = plans.build_plan(plans.PlanSpec(RACE, 12, 30, 90, 2))
    assert any("cannot be reached" in a for a in steep.assumptions)
    assert plans.build_plan(SPECS["club runner"]).warnings == []


@pytest.mark.parametrize(("current", "peak", "weeks"), [(22, 28, 12), (20, 29.9, 16), (12, 35, 12)])
def test_a_marathon_on_too_little_volume_is_refused(current, peak, weeks):
    """Rasmussen et al. 2013: under 30 km a week, about twice the injuries; the refusal names
    the threshold and offers a half-marathon block (12 → 35 km in 12 weeks peaks at 23 km)."""
    with pytest.raises(ValueError, match=r"peak_weekly_km.*30 km.*Rasmussen.*half-marathon"):
        plans.PlanSpec(RACE, weeks, current, peak, 2)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"weeks": 11}, "weeks"),
        ({"weeks": 25}, "weeks"),
        ({"peak_weekly_km": 30}, "peak_weekly_km"),
        ({"current_weekly_km": -5}, "current_weekly_km"),
        ({"strength_sessions_per_week": 5}, "strength_sessions_per_week"),
        ({"level": "elite"}, "level"),
        ({"equipment": "hotel"}, "equipment"),
        ({"equipment": {"rowing machine"}}, "equipment"),
        ({"units": "furlongs"}, "units"),
        ({"run_days_per_week": 2}, "run_days_per_week"),
        ({"run_days_per_week": 3}, "run_days_per_week"),
        ({"race_date": "2027-04-18"}, "race_date"),
        ({"today": dt.date(2027, 1, 1)}, "race_date"),
        ({"long_run": "longest"}, "long_run"),
        ({"long_run": "danniels"}, "known: 'traditional', 'daniels'"),
        ({"lifting_experience": "lots"}, "lifting_experience"),
        ({"current_long_run_km": 3}, "current_long_run_km"),
        ({"current_long_run_km": 45}, "current_long_run_km"),
        ({"recent_race_km": 10}, "recent_race_min"),
        ({"recent_race_km": 10, "recent_race_min": 20}, "recent_race_km"),
        ({"current_long_run_km": -3}, "current_long_run_km"),
    ],
)
def test_an_impossible_spec_names_the_field(changes, field):
    args = {
        "race_date": RACE,
        "weeks": 16,
        "current_weekly_km": 40,
        "peak_weekly_km": 65,
        "strength_sessions_per_week": 2,
    } | changes
    with pytest.raises(ValueError, match=field):
        plans.build_plan(plans.PlanSpec(**args))


SPEC_SPACE = st.fixed_dictionaries(
    {},
    optional=dict(
        race_date=st.dates(dt.date(2027, 1, 1), dt.date(2028, 12, 31)),
        weeks=st.integers(10, 26),
        current_weekly_km=st.floats(-10, 120),
        peak_weekly_km=st.floats(0, 160),
        strength_sessions_per_week=st.integers(0, 5),
        level=st.sampled_from(["beginner", "intermediate", "advanced", "pro"]),
        equipment=st.sampled_from(["home", "gym", frozenset(), frozenset({"band", "box"})]),
        units=st.sampled_from(["km", "mi"]),
        run_days_per_week=st.one_of(st.none(), st.integers(2, 8)),
        long_run=st.sampled_from(["traditional", "daniels"]),
        current_long_run_km=st.one_of(st.none(), st.floats(0, 40)),
        recent_race_km=st.one_of(st.none(), st.sampled_from([5.0, 10.0, 21.1, 42.2])),
        recent_race_min=st.one_of(st.none(), st.floats(15, 330)),
        lifting_experience=st.sampled_from(["none", "some", "experienced", "lots"]),
    ),
)


@settings(max_examples=60, deadline=None)
@given(SPEC_SPACE)
def test_every_spec_gives_a_plan_that_keeps_the_rules_or_a_reason(args):
    fields = set(plans.PlanSpec.__dataclass_fields__)
    try:
        plan = plans.build_plan(plans.PlanSpec(**({"race_date": RACE} | args)))
    except ValueError as err:
        assert any(f in str(err) for f in fields), err
        return
    check_rules(plan)


@st.composite
def valid_specs(draw):
    """Specs the builder accepts: every level, rule, run-day count, equipment, lifting
    experience, with a race or none (peaks of 30 km or more: the builder refuses less)."""
    level = draw(st.sampled_from(plans.LEVELS))
    run_days = draw(st.one_of(st.none(), st.integers(4, 7)))
    days = run_days or {"beginner": 4, "intermediate": 5, "advanced": 6}[level]
    current = draw(st.floats(30, 16 * days))
    long_share = draw(st.one_of(st.none(), st.floats(0, 1)))
    race_km = draw(st.sampled_from([None, 5.0, 10.0, 21.1, 42.2]))
    pace_min_per_km = draw(st.floats(3, 7))
    return plans.PlanSpec(
        race_date=draw(st.dates(dt.date(2027, 1, 1), dt.date(2028, 12, 31))),
        weeks=draw(st.integers(12, 24)),
        current_weekly_km=current,
        peak_weekly_km=draw(st.floats(current, 20 * days)),  # ≤ 20 km a run on average
        strength_sessions_per_week=draw(st.integers(0, 3)),
        level=level,
        equipment=draw(st.sampled_from(["home", "gym", frozenset({"dumbbell"})])),
        run_days_per_week=run_days,
        recovery_every=draw(st.integers(3, 5)),
        long_run=draw(st.sampled_from(plans.LONG_RUN_MODELS.names()[: 1 if days < 5 else 2])),
        # between the average run and 40 % of the week, at most 35 km
        current_long_run_km=None
        if long_share is None
        else round(
            min(35.0, current / days + long_share * max(0, 0.4 * current - current / days)), 1
        ),
        recent_race_km=race_km,
        recent_race_min=None if race_km is None else race_km * pace_min_per_km,
        lifting_experience=draw(st.sampled_from(plans.LIFTING_EXPERIENCE)),
    )


@settings(max_examples=40, deadline=None)
@given(valid_specs())
def test_every_valid_spec_keeps_the_rules(spec):
    check_rules(plans.build_plan(spec))


def test_calendar_export_parses_back(tmp_path):
    plan = plans.build_plan(SPECS["club runner"])
    path = plan.to_ics(tmp_path / "plan.ics")
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = [(e.decoded("dtstart"), str(e["summary"])) for e in cal.walk("VEVENT")]
    expected = list(zip(plan.sessions["date"], plan.sessions["title"], strict=True))
    assert events == expected
    assert len({str(e["uid"]) for e in cal.walk("VEVENT")}) == len(events)
    # deterministic: the same spec writes the same bytes
    again = plans.build_plan(SPECS["club runner"]).to_ics(tmp_path / "again.ics")
    assert again.read_bytes() == path.read_bytes()


def test_csv_round_trip(tmp_path):
    plan = plans.build_plan(SPECS["beginner at home"])
    path = plan.to_csv(tmp_path / "plan.csv")
    head = [line for line in path.read_text().splitlines() if line.startswith("# ")]
    assert head[0] == "# " + plans.CAVEAT and len(head) == 1 + len(plan.warnings) + len(
        plan.assumptions
    )
    back = pd.read_csv(path, comment="#")
    assert len(back) == len(plan.sessions)
    assert list(back["title"]) == list(plan.sessions["title"])
    assert back["load"].sum() == plan.sessions["load"].sum()


def test_printable_html_escapes_text():
    plan = plans.build_plan(SPECS["club runner"])
    plan.sessions.loc[0, "title"] = "<script>alert(1)</script>"
    page = plan.to_html()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count("<tr>") == len(plan.sessions) + 1


def test_compare_plans_makes_one_tidy_table():
    specs = [plans.PlanSpec(RACE, w, 40, 65, s) for w in (12, 18) for s in (0, 2, 3)]
    table = plans.compare_plans(specs)
    assert len(table) == 3 * 12 + 3 * 18
    assert table["variant"].nunique() == 6
    assert (table.groupby("variant")["weeks_to_race"].min() == 0).all()
    with pytest.raises(ValueError, match="labels"):
        plans.compare_plans(specs, labels=["a"])
    with pytest.raises(ValueError, match="specs"):
        plans.compare_plans([])


def test_more_strength_sessions_add_load_not_running():
    table = plans.compare_plans(
        [plans.PlanSpec(RACE, 16, 40, 65, s) for s in (0, 3)], labels=["0", "3"]
    )
    zero, three = (table[table["variant"] == v] for v in ("0", "3"))
    assert zero["run_km"].tolist() == three["run_km"].tolist()
    assert (three["load"].to_numpy() > zero["load"].to_numpy()).all()
    assert math.isclose(zero["sets_glutes"].sum(), 0)


def test_every_export_carries_the_caveat_warnings_and_assumptions(tmp_path):
    plan = plans.build_plan(plans.PlanSpec(RACE, 16, 40, 65, 1))  # one note, three assumptions
    assert plan.warnings and plan.assumptions
    expected = [plans.CAVEAT, *plan.warnings, *plan.assumptions]
    cal = icalendar.Calendar.from_ical(plan.to_ics(tmp_path / "plan.ics").read_bytes())
    raw = str(cal["x-wr-caldesc"])  # an X- property comes back as written: undo RFC 5545 escapes
    description = raw.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
    first = str(next(iter(cal.walk("VEVENT")))["description"])
    second = str(list(cal.walk("VEVENT"))[1]["description"])
    page = plan.to_html()
    csv_text = plan.to_csv(tmp_path / "plan.csv").read_text()
    for text in expected:
        assert text in description and text in first and text in csv_text, text
        assert html.escape(text) in page, text
    assert plans.CAVEAT not in second  # only the first event repeats them
    assert page.index(html.escape(plans.CAVEAT)) < page.index("<table")


def test_long_run_rules_are_a_registry_with_a_deprecated_keyword():
    plan = plans.phases(16)
    km, _ = plans.weekly_volume(40, 65, 16)
    new = plans.long_runs(km, plan, 334.0, model="daniels", current_long_km=12)
    with pytest.warns(DeprecationWarning, match="use model="):
        old = plans.long_runs(km, plan, 334.0, rule="daniels", current_long_km=12)
    assert new.tolist() == old.tolist()
    assert plans.LONG_RUN_MODELS.names() == ("traditional", "daniels")
    with pytest.raises(ValueError, match="unknown long-run rule 'danniels'; known: 'traditional'"):
        plans.long_runs(km, plan, 334.0, model="danniels")
