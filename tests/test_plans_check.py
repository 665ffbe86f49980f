"""The coach's check: each rule catches a hand-broken plan, and the builder obeys the check."""

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_plans import valid_specs

from helpers import DATA_DIR, logs, plans
from helpers.plans import coach

RACE = dt.date(2027, 4, 25)
TABLE = plans.rule_table()
BUILDER_RULES = set(TABLE.index[TABLE["builder"]])


def _plan(**changes):
    args = dict(race_date=RACE, weeks=16, current_weekly_km=40, peak_weekly_km=65)
    return plans.build_plan(plans.PlanSpec(**(args | changes)))


@pytest.fixture(scope="module")
def lifter():
    """An experienced lifter's plan: Nordic curls, hops, heavy lifts, every rule has material."""
    return _plan(level="advanced", lifting_experience="experienced", current_weekly_km=60,
                 peak_weekly_km=90)  # fmt: skip


def broken(plan, sessions):
    """The plan with a hand-edited sessions table."""
    copy = plans.Plan(plan.spec, sessions, plan.weeks, assumptions=plan.assumptions)
    copy.current_long_run_km = plan.current_long_run_km
    copy.paces_grounded = plan.paces_grounded
    return copy


def fired(x, rule):
    found = plans.check(x)
    return found[found["rule"] == rule]


def test_the_rule_table_is_sourced_data():
    assert set(TABLE.columns) >= {"threshold", "severity", "builder", "source", "message"}
    assert set(TABLE["severity"]) <= set(plans.SEVERITIES)
    assert plans.SEVERITIES == ("note", "caution", "danger")
    assert TABLE.loc["single_run_spike", "threshold"] == 0.10
    assert "10.1136/bjsports-2024-109380" in TABLE.loc["single_run_spike", "source"]
    assert "Rasmussen" in TABLE.loc["marathon_low_volume", "source"]
    assert TABLE.loc["marathon_low_volume", "threshold"] == 30
    for name, row in TABLE.iterrows():
        assert (
            "doi:" in row["source"]
            or "no DOI" in row["source"]
            or "no trial" in row["source"]
            or "course rule" in row["source"]
        ), name
    assert list(plans.RULES) == list(TABLE.index)


def test_findings_are_a_tidy_table(lifter):
    found = plans.check(lifter)
    assert list(found.columns) == ["rule", "severity", "date", "week", "message", "source"]
    assert lifter.warnings == coach.sentences(lifter.findings)


def _long_runs(sessions):
    return sessions.index[sessions["title"].str.startswith("Long run")]


def test_single_run_spike(lifter):
    """Frandsen 2025: > 10 % over the longest run of the 30 days before."""
    s = lifter.sessions.copy()
    i = _long_runs(s)[7]
    before = s[(s["kind"] == "run") & (s["date"] < s.at[i, "date"])
               & (s["date"] >= s.at[i, "date"] - dt.timedelta(days=30))]  # fmt: skip
    s.at[i, "distance_km"] = round(1.2 * before["distance_km"].max(), 1)
    hit = fired(broken(lifter, s), "single_run_spike")
    assert s.at[i, "date"] in set(hit["date"])
    assert fired(lifter, "single_run_spike").empty


def test_weekly_jump(lifter):
    s = lifter.sessions.copy()
    week = (s["week"] == 6) & (s["kind"] == "run")
    s.loc[week, "distance_km"] *= 1.5
    assert 6 in set(fired(broken(lifter, s), "weekly_jump")["week"])


def test_long_run_share(lifter):
    s = lifter.sessions.copy()
    i = _long_runs(s)[2]
    rest = s[(s["week"] == s.at[i, "week"]) & (s["kind"] == "run")]["distance_km"].sum()
    s.at[i, "distance_km"] = rest  # now about half of the week
    assert s.at[i, "date"] in set(fired(broken(lifter, s), "long_run_share")["date"])


def test_long_runs_28km(lifter):
    s = lifter.sessions.copy()
    s.loc[_long_runs(s)[4:11], "distance_km"] = 30.0
    assert len(fired(broken(lifter, s), "long_runs_28km")) == 1


def test_heavy_before_key_run(lifter):
    s = lifter.sessions.copy()
    heavy = s.index[s["heavy"]][0]
    long_day = s.loc[_long_runs(s)[s.loc[_long_runs(s), "week"] == s.at[heavy, "week"]][0], "date"]
    s.at[heavy, "date"] = long_day - dt.timedelta(days=1)
    s = s.sort_values("date", kind="stable").reset_index(drop=True)
    assert not fired(broken(lifter, s), "heavy_before_key_run").empty
    assert fired(lifter, "heavy_before_key_run").empty


def _race_week_lift(s):
    return s.index[(s["kind"] == "strength") & (s["date"] > RACE - dt.timedelta(days=10))][0]


def test_new_exercise_near_race(lifter):
    s = lifter.sessions.copy()
    i = _race_week_lift(s)
    s.at[i, "exercise_ids"] = [*s.at[i, "exercise_ids"], "step_up"]
    s.at[i, "exercises"] = (*s.at[i, "exercises"], "Step-up 2×8 each leg @ RPE 6")
    hit = fired(broken(lifter, s), "new_exercise_near_race")
    assert "step_up" in hit["message"].iloc[0]


def test_eccentric_first_dose():
    plan = _plan()  # never lifted: no Nordic curls in the plan
    s = plan.sessions.copy()
    i = s.index[s["kind"] == "strength"][0]
    s.at[i, "exercise_ids"] = [*s.at[i, "exercise_ids"], "nordic_curl"]
    s.at[i, "exercises"] = (*s.at[i, "exercises"], "Nordic hamstring curl 3×12 @ RPE 8")
    hit = fired(broken(plan, s), "eccentric_first_dose")
    assert "3×12" in hit["message"].iloc[0]


def test_eccentric_exercises_start_low(lifter):
    """Mjølsnes 2004 started at 2 × 6; the builder starts Nordic curls at 2 × 4."""
    lines = [x for xs in lifter.sessions["exercises"] for x in xs if x.startswith("Nordic")]
    assert lines[0].startswith("Nordic hamstring curl 2×4")


def test_hops_near_race(lifter):
    s = lifter.sessions.copy()
    i = _race_week_lift(s)
    s.at[i, "exercise_ids"] = ["pogo_hop", *s.at[i, "exercise_ids"]]
    s.at[i, "exercises"] = (s.at[i, "exercises"][0], "Pogo hops 2×10 contacts",
                            *s.at[i, "exercises"][1:])  # fmt: skip
    assert not fired(broken(lifter, s), "hops_near_race").empty


def test_calf_every_week(lifter):
    s = lifter.sessions.copy()
    for i in s.index[(s["week"] == 5) & (s["kind"] == "strength")]:
        s.at[i, "exercise_ids"] = [x for x in s.at[i, "exercise_ids"] if x != "seated_calf_raise"]
    hit = fired(broken(lifter, s), "calf_every_week")
    assert list(hit["week"]) == [5] and "bent-knee" in hit["message"].iloc[0]


def test_paces_without_performance():
    plan = _plan()
    assert plan.paces_grounded is False
    s = plan.sessions.copy()
    s.loc[s.index[0], "details"] = "easy at 5:30/km"
    assert fired(broken(plan, s), "paces_without_performance")["severity"].iloc[0] == "danger"
    raced = _plan(recent_race_km=10, recent_race_min=50)
    assert raced.sessions["details"].str.contains("/km").any()
    assert fired(raced, "paces_without_performance").empty


def test_marathon_low_volume():
    plan = _plan()
    s = plan.sessions.copy()
    runs = (s["kind"] == "run") & (s["date"] != RACE)
    s.loc[runs, "distance_km"] /= 3
    assert fired(s, "marathon_low_volume")["severity"].iloc[0] == "danger"


def test_long_run_short():
    plan = _plan()
    s = plan.sessions.copy()
    s.loc[(s["kind"] == "run") & (s["date"] != RACE), "distance_km"] = 12.0
    assert fired(s, "long_run_short")["severity"].iloc[0] == "note"


def test_acwr_high_but_never_in_race_week(lifter):
    s = lifter.sessions.copy()
    s.loc[s["week"] == 9, "load"] *= 3
    assert 9 in set(fired(broken(lifter, s), "acwr_high")["week"])
    # race week: the marathon itself makes the ratio jump, and it is not counted
    assert fired(lifter, "acwr_high").empty


def test_monotony_high(lifter):
    s = lifter.sessions.copy()
    days = [lifter.sessions["date"].min() + dt.timedelta(days=7 * 5 + d) for d in range(7)]
    extra = pd.DataFrame({"date": days, "week": 6, "kind": "run", "title": "Easy run",
                          "distance_km": 1.0, "marathon_km": 0.0, "threshold_km": 0.0,
                          "interval_km": 0.0, "heavy": False, "exercise_ids": [[]] * 7,
                          "exercises": [()] * 7, "details": "", "load": 2000.0})  # fmt: skip
    s = pd.concat([s, extra], ignore_index=True).sort_values("date", kind="stable")
    assert 6 in set(fired(broken(lifter, s.reset_index(drop=True)), "monotony_high")["week"])


def test_few_strength_sessions():
    assert (
        fired(_plan(strength_sessions_per_week=1), "few_strength_sessions")["severity"]
        .eq("note")
        .all()
    )


def test_stale_log_and_effort_estimate_from_a_log():
    log = logs.read_strava_export(DATA_DIR / "samples" / "strava_export").log
    end = max(log["date"])
    late = end + dt.timedelta(days=7 * 24 + 120)  # the plan starts about 4 months after the log
    spec = plans.PlanSpec.from_log(log, late, peak_weekly_km=60)
    assert spec.log_end == end and "The log ends" in spec.history
    hit = fired(plans.build_plan(spec), "stale_log")
    assert hit["severity"].iloc[0] == "caution"


def test_check_on_a_training_log():
    """The single-run rule on the sample log, against a plain loop over its runs."""
    log = logs.read_strava_export(DATA_DIR / "samples" / "strava_export").log
    found = plans.check(log)
    runs = log[log["sport"] == "run"].sort_values("date")
    first = runs["date"].min()
    expected = set()
    for row in runs.itertuples():
        if (row.date - first).days < 30:
            continue
        window = [r.distance_km for r in runs.itertuples()
                  if 0 < (row.date - r.date).days <= 30]  # fmt: skip
        if window and row.distance_km > 1.1 * max(window):
            expected.add(row.date)
    assert set(found.loc[found["rule"] == "single_run_spike", "date"]) == expected
    assert set(found["rule"]) <= set(TABLE.index) - {"heavy_before_key_run", "calf_every_week"}


def test_bad_input_names_what_was_expected():
    with pytest.raises(ValueError, match="Plan, a plan's sessions table or a training log"):
        plans.check([1, 2, 3])
    with pytest.raises(ValueError, match="date"):
        plans.check(pd.DataFrame({"distance_km": [5.0]}))


@pytest.mark.parametrize("weeks", [16, 18])
@pytest.mark.parametrize(
    ("level", "current", "peak"),
    [("beginner", 30, 50), ("intermediate", 40, 65), ("advanced", 70, 100)],
)
def test_the_leads_quick_pass(level, current, peak, weeks):
    plan = plans.build_plan(plans.PlanSpec(race_date=RACE, weeks=weeks, current_weekly_km=current,
                                           peak_weekly_km=peak, level=level))  # fmt: skip
    assert (plans.check(plan)["severity"] != "note").sum() == 0


def _obeys(plan):
    found = plans.check(plan)
    bad = found[found["rule"].isin(BUILDER_RULES) & (found["severity"] != "note")]
    assert bad.empty, bad[["rule", "week", "message"]].to_string()


@settings(max_examples=30, deadline=None)
@given(valid_specs())
def test_the_builder_obeys_the_check(spec):
    _obeys(plans.build_plan(spec))


LOG = logs.read_strava_export(DATA_DIR / "samples" / "strava_export").log


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    weeks_after=st.integers(12, 30),
    level=st.sampled_from(plans.LEVELS),
    experience=st.sampled_from(plans.LIFTING_EXPERIENCE),
    equipment=st.sampled_from(["home", "gym"]),
    sessions=st.integers(0, 3),
    model=st.sampled_from(["traditional", "daniels"]),
)
def test_the_builder_obeys_the_check_from_a_log(weeks_after, level, experience, equipment,
                                                sessions, model):  # fmt: skip
    race = max(LOG["date"]) + dt.timedelta(days=7 * weeks_after)
    days = {"beginner": 5, "intermediate": 5, "advanced": 6}[level]
    spec = plans.PlanSpec.from_log(
        LOG, race, peak_weekly_km=60, level=level, lifting_experience=experience,
        equipment=equipment, strength_sessions_per_week=sessions, long_run=model,
        run_days_per_week=days,
    )  # fmt: skip
    _obeys(plans.build_plan(spec))


REAL_STRAVA = Path(__file__).resolve().parents[2] / "shared" / "real-exports" / "strava"


@pytest.mark.skipif(
    not REAL_STRAVA.is_dir() and os.environ.get("CI") != "true",
    reason=f"real exports not found at {REAL_STRAVA} (they are not part of the repository)",
)
def test_a_real_strava_log_sets_paces_and_says_it_is_old():
    """A real export of 439 runs ending in January 2025: the paces come from its half marathon
    (21.26 km in 118.1 min, found by hand in the file), and the plan says the log is old."""
    log = logs.read_strava_export(REAL_STRAVA / "AakashB-1996_activities.csv").log
    spec = plans.PlanSpec.from_log(log, RACE, level="intermediate")
    assert (spec.recent_race_km, spec.recent_race_min) == (21.26, 118.1)
    assert spec.log_end == dt.date(2025, 1, 8)
    found = plans.check(plans.build_plan(spec))
    assert list(found.loc[found["severity"] != "note", "rule"]) == ["stale_log"]
