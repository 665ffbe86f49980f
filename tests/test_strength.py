"""Strength models against hand calculations from the published equations and the RPE chart."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import strength

# 1RM from 100 kg × 5 reps, by hand from each published equation (references in estimate_1rm):
HAND_1RM = {
    "epley": 100 * (1 + 5 / 30),  # 116.67
    "brzycki": 100 * 36 / 32,  # 112.5
    "lombardi": 100 * 5**0.10,  # 117.46
    "mayhew": 100 * 100 / (52.2 + 41.9 * math.exp(-0.275)),  # 119.01
    "oconner": 100 * 1.125,  # 112.5
    "wathan": 100 * 100 / (48.8 + 53.8 * math.exp(-0.375)),  # 116.58
    "lander": 100 * 100 / (101.3 - 5 * 2.67123),  # 113.71
}


@pytest.mark.parametrize(("formula", "expected"), HAND_1RM.items())
def test_each_equation_by_hand(formula, expected):
    assert strength.estimate_1rm(100, 5, formula) == pytest.approx(expected)


@pytest.mark.parametrize("formula", strength.MODELS)
def test_one_rep_is_the_weight_itself(formula):
    assert strength.estimate_1rm(87.5, 1, formula) == 87.5


def test_series_in_series_out():
    out = strength.estimate_1rm(pd.Series([100.0, 60.0], index=["squat", "rdl"]), 5)
    assert list(out.index) == ["squat", "rdl"] and out["rdl"] == pytest.approx(70.0)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(1, 400),
    st.integers(1, 10),
    st.sampled_from(sorted(strength.MODELS)),
)
def test_estimated_max_is_at_least_the_weight(weight, reps, formula):
    assert strength.estimate_1rm(weight, reps, formula) >= weight - 1e-9


def test_rpe_chart_cells_from_the_source():
    # Tuchscherer/RTS chart (Helms et al. 2016): 5 @ 8 → 81.1 %, 1 @ 10 → 100 %, 10 @ 7 → 65.3 %
    assert strength.percent_1rm(5, 8) == pytest.approx(0.811)
    assert strength.percent_1rm(1, 10) == pytest.approx(1.0)
    assert strength.percent_1rm(10, 7) == pytest.approx(0.653)
    assert strength.percent_1rm(3, 9.5) == pytest.approx(0.907)
    # between rows: halfway between 8 (86.3) and 8.5 (87.8) for 3 reps
    assert strength.percent_1rm(3, 8.25) == pytest.approx((0.863 + 0.878) / 2)
    # e1RM: 100 kg for 5 @ 8 → 100 / 0.811
    assert strength.e1rm_from_rpe(100, 5, 8) == pytest.approx(100 / 0.811)


def test_rir_scale():
    # Zourdos et al. 2016: RPE 9 = 1 rep in reserve, RPE 8 = 2
    assert strength.rir_to_rpe(1) == 9 and strength.rpe_to_rir(8) == 2


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9), st.floats(7, 9.5))
def test_chart_falls_with_reps_and_rises_with_rpe(reps, rpe):
    assert strength.percent_1rm(reps + 1, rpe) < strength.percent_1rm(reps, rpe)
    assert strength.percent_1rm(reps, rpe + 0.5) > strength.percent_1rm(reps, rpe)


@given(st.floats(0, 500), st.sampled_from([1.0, 2.5, 5.0]))
def test_plate_rounding_is_a_multiple_of_the_step_and_nearest(load, step):
    out = strength.round_to_plates(load, step)
    assert out / step == pytest.approx(round(out / step))
    assert abs(out - load) <= step / 2 + 1e-9


def test_prescription_and_volume_load():
    assert strength.prescribe_load(120, 0.75) == 90.0
    assert strength.prescribe_load(100, 0.811) == 80.0  # 81.1 → nearest 2.5 kg step
    assert strength.volume_load(3, 8, 60) == 1440.0
    assert strength.volume_load(np.array([3, 4]), 5, np.array([100.0, 80.0])).tolist() == [
        1500,
        1600,
    ]


def test_reps_at_inverts_epley():
    # Epley: 100 kg 1RM → 75 kg for 30 (100/75 − 1) = 10 reps
    assert strength.reps_at(75, 100) == 10


def assert_capped(table, cap):
    """Working loads never rise more than ``cap`` % over the last working load; deloads are lighter."""
    working = table.loc[~table["deload"], "load"]
    assert (working.pct_change().dropna() * 100 <= cap + 1e-9).all()
    last_working = table["load"].where(~table["deload"]).ffill().shift()
    deloads = table["deload"] & last_working.notna()
    assert (table.loc[deloads, "load"] <= last_working[deloads]).all()


SCHEMES = {
    "linear": lambda cap: strength.linear_progression(40, 24, max_jump_pct=cap, one_rm_kg=80),
    "linear+deload": lambda cap: strength.linear_progression(
        40, 24, max_jump_pct=cap, deload_every=3, one_rm_kg=80
    ),
    "double": lambda cap: strength.double_progression(30, 24, max_jump_pct=cap, one_rm_kg=60),
    "double+deload": lambda cap: strength.double_progression(
        30, 24, max_jump_pct=cap, one_rm_kg=60, deload_every=4
    ),
    "wave": lambda cap: strength.wave_progression(100, 12, max_jump_pct=cap),
    "rpe": lambda cap: strength.rpe_progression(60, 24, max_jump_pct=cap, true_one_rm_kg=100),
    "rpe+deload": lambda cap: strength.rpe_progression(
        60, 24, max_jump_pct=cap, true_one_rm_kg=100, deload_every=3
    ),
}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("cap", [0.0, 2.5, 5.0, 10.0])
def test_no_scheme_jumps_more_than_its_cap(scheme, cap):
    table = SCHEMES[scheme](cap)
    assert_capped(table, cap)
    assert (table["volume_load"] == table["sets"] * table["reps"] * table["load"]).all()
    assert set(strength.COLUMNS) <= set(table.columns)
    assert table["session"].tolist() == list(range(1, len(table) + 1))


@settings(max_examples=40, deadline=None)
@given(
    st.floats(20, 150),
    st.floats(0.5, 15),
    st.sampled_from(["linear", "double", "rpe"]),
    st.floats(0, 3),
)
def test_caps_hold_for_any_start_and_cap(start, cap, scheme, gain):
    if scheme == "linear":
        table = strength.linear_progression(
            start, 20, max_jump_pct=cap, weekly_gain_pct=gain, deload_every=4
        )
    elif scheme == "double":
        table = strength.double_progression(
            start, 20, max_jump_pct=cap, weekly_gain_pct=gain, deload_every=3
        )
    else:
        table = strength.rpe_progression(
            start,
            20,
            max_jump_pct=cap,
            true_one_rm_kg=1.3 * start,
            weekly_gain_pct=gain,
            deload_every=5,
        )
    assert_capped(table, cap)
    assert (table["load"] % 2.5 == 0).all()


def test_linear_progression_by_hand():
    # default lifter: 1RM = 40 (1 + 12/30) = 56 kg (a start load done 8 + 4 times).
    # s1: 40 kg → 12 possible, stops at 8 + 2 = 10 → +5 % = 42 → 42.5 kg on plates.
    # s2–s4: 56 (or 56 × 1.01 = 56.56 in week 2) at 42.5 → 30 (56.56/42.5 − 1) = 9.9 → 9: hold.
    # s5: week 3, 1RM 56 × 1.01² = 57.13 → 30 (57.13/42.5 − 1) = 10.3 → 10: +5 % → 44.6 → 45.
    assert strength.linear_progression(40, 6)["load"].tolist() == [
        40.0,
        42.5,
        42.5,
        42.5,
        42.5,
        45.0,
    ]


def test_linear_progression_adds_load_only_when_the_target_is_beaten():
    table = strength.linear_progression(40, 20, target_reps=8, one_rm_kg=70)
    rises = table["load"].diff().shift(-1) > 0
    beaten = table["reps"] >= 10  # 8 + reps_over_target (2)
    assert (rises[:-1] == beaten[:-1]).all()


def test_linear_progression_uses_achieved_reps():
    # ACSM: add load after 1–2 reps over target; with reps_over_target=1 and target 8,
    # 9 reps → +5 % (50 → 52.5), 8 reps → hold, 9 reps → 52.5 × 1.05 = 55.1 → 55.
    table = strength.linear_progression(50, 4, reps_over_target=1, achieved_reps=[9, 8, 9, 7])
    assert table["load"].tolist() == [50.0, 52.5, 52.5, 55.0]
    assert table["reps"].tolist() == [9, 8, 9, 7]


def test_linear_progression_deload_weeks():
    table = strength.linear_progression(40, 12, sessions_per_week=2, deload_every=3)
    deload = table[table["deload"]]
    assert deload["week"].unique().tolist() == [3, 6]
    assert (deload["sets"] == 2).all()  # round(3 × 0.6) = 2
    assert not table["deload"].iloc[:4].any()


def test_a_cap_below_one_plate_step_holds_the_load():
    # 20 kg and a 5 % cap → at most 21 kg, but the smallest step is 2.5 kg: the load holds
    table = strength.linear_progression(20, 10, max_jump_pct=5, one_rm_kg=40)
    assert (table["load"] == 20).all()
    # with 1 kg micro-plates the same lifter progresses by 1 kg
    small = strength.linear_progression(20, 10, max_jump_pct=5, increment=1, one_rm_kg=40)
    assert small["load"].iloc[1] == 21


def test_double_progression_resets_reps_after_a_load_increase():
    # default lifter can do 30 kg for 12 (1RM 30 × 1.4 = 42): reps 8, 9, 10, 11, 12, 12,
    # then +5 % = 31.5 → at least one plate step → 32.5 kg and back to 8 reps.
    table = strength.double_progression(30, 8, rep_range=(8, 12))
    assert table["reps"].tolist()[:7] == [8, 9, 10, 11, 12, 12, 8]
    assert table["load"].tolist()[5:7] == [30.0, 32.5]
    up = table.index[table["load"].diff() > 0]
    assert (table.loc[up, "target_reps"] == 8).all()
    assert (table.loc[up - 1, "reps"] == 12).all()


def test_double_progression_uses_achieved_reps():
    table = strength.double_progression(30, 4, rep_range=(6, 8), achieved_reps=[8, 8, 6, 7])
    assert table["load"].tolist() == [30.0, 30.0, 32.5, 32.5]


def test_wave_deloads_every_n_weeks():
    table = strength.wave_progression(100, 12, deload_every=4, sessions_per_week=1)
    assert table.loc[table["deload"], "week"].tolist() == [4, 8, 12]
    normal = table.loc[~table["deload"], "sets"].iloc[0]
    assert (table.loc[table["deload"], "sets"] < normal).all()
    # first wave by hand: 70, 75, 80 % of 100 kg; the deload goes back to that wave's start
    # (70 %, not the next wave's 71.75 %), so load and effort drop, not only sets (Rogerson 2024)
    assert table["load"].tolist()[:4] == [70.0, 75.0, 80.0, 70.0]
    # the second wave starts 2.5 % heavier: 71.75 → 72.5 kg in steps of 2.5; its deload too
    assert table["load"].tolist()[4] == 72.5 and table["load"].tolist()[7] == 72.5


def test_rpe_progression_tracks_the_true_max():
    table = strength.rpe_progression(60, 30, true_one_rm_kg=100, weekly_gain_pct=0)
    # a low first estimate climbs toward the real 1RM of 100 kg and never overshoots much
    assert table["e1rm"].iloc[-1] == pytest.approx(100, rel=0.08)
    assert table["e1rm"].iloc[-1] > table["e1rm"].iloc[0]


def test_deloads_return_to_the_last_working_load():
    # double progression, default lifter (30 kg × 12 possible): reps 8–12 in weeks 1–3, the
    # load rises to 32.5 kg after session 6; week 4 deloads at 0.9 × 32.5 = 29.25 → 30 kg with
    # round(3 × 0.6) = 2 sets; week 5 goes straight back to 32.5 kg.
    table = strength.double_progression(30, 10, deload_every=4)
    assert table["load"].tolist() == [30.0] * 6 + [30.0, 30.0, 32.5, 32.5]
    assert table["deload"].tolist() == [False] * 6 + [True, True, False, False]
    assert table["sets"].tolist()[6:8] == [2, 2]


def test_an_easy_set_never_lowers_the_rpe_estimate():
    # the coach underestimates a lifter (e1RM 60 vs 100 kg): sets are far easier than RPE 7
    table = strength.rpe_progression(60, 12, true_one_rm_kg=100, deload_every=2)
    assert table["e1rm"].is_monotonic_increasing


def test_rpe_progression_first_load_by_hand():
    # 100 kg e1RM × 0.811 (5 reps @ RPE 8) = 81.1 → 80 kg on 2.5 kg plates
    table = strength.rpe_progression(100, 1)
    assert table["load"].iloc[0] == 80.0
    assert table["rpe"].notna().all()


BAD = [
    (lambda: strength.estimate_1rm(100, 11), "reps"),
    (lambda: strength.estimate_1rm(100, 0), "reps"),
    (lambda: strength.estimate_1rm(100, 4.5), "reps"),
    (lambda: strength.estimate_1rm(-5, 3), "weight"),
    (lambda: strength.estimate_1rm(100, 3, "guess"), "model"),
    (lambda: strength.percent_1rm(5, 11), "rpe"),
    (lambda: strength.percent_1rm(5, 6), "rpe"),
    (lambda: strength.percent_1rm(12, 8), "reps"),
    (lambda: strength.e1rm_from_rpe(0, 5, 8), "weight"),
    (lambda: strength.rir_to_rpe(-1), "rir"),
    (lambda: strength.rpe_to_rir(12), "rpe"),
    (lambda: strength.round_to_plates(50, 0), "increment"),
    (lambda: strength.round_to_plates(np.nan), "weight_kg"),
    (lambda: strength.prescribe_load(100, 1.5), "fraction"),
    (lambda: strength.prescribe_load(-1, 0.5), "one_rm"),
    (lambda: strength.volume_load(3, -8, 60), "reps"),
    (lambda: strength.reps_at(0, 100), "weight_kg"),
    (lambda: strength.linear_progression(40, 0), "sessions"),
    (lambda: strength.linear_progression(40, 10, one_rm_kg=30), "one_rm"),
    (lambda: strength.linear_progression(40, 10, increase_pct=20), "increase_pct"),
    (lambda: strength.linear_progression(40, 10, reps_over_target=0), "reps_over_target"),
    (lambda: strength.linear_progression(40, 10, sessions_per_week=9), "sessions_per_week"),
    (lambda: strength.linear_progression(40, 10, deload_every=1), "deload_every"),
    (lambda: strength.linear_progression(np.inf, 10), "start_weight_kg"),
    (lambda: strength.linear_progression(40, 3, achieved_reps=[8, 9]), "achieved_reps"),
    (lambda: strength.linear_progression(40, 2, achieved_reps=[8, -1]), "achieved_reps"),
    (lambda: strength.linear_progression(40, 10, increment=0), "increment"),
    (lambda: strength.double_progression(30, 10, rep_range=(12, 8)), "rep_range"),
    (lambda: strength.double_progression(30, 10, rep_range=8), "rep_range"),
    (lambda: strength.double_progression(30, 10, max_jump_pct=80), "max_jump_pct"),
    (lambda: strength.double_progression(30, 10, load_step_pct=0), "load_step_pct"),
    (lambda: strength.double_progression(-30, 10), "start_weight_kg"),
    (lambda: strength.wave_progression(100, 0), "weeks"),
    (lambda: strength.wave_progression(100, 8, wave=(0.7, 1.2)), "wave"),
    (lambda: strength.wave_progression(100, 8, wave=()), "wave"),
    (lambda: strength.wave_progression(100, 8, deload_every=1), "deload_every"),
    (lambda: strength.wave_progression(100, 8, deload_fraction=0), "deload_fraction"),
    (lambda: strength.wave_progression(100, 8, reps=(5,)), "reps"),
    (lambda: strength.wave_progression(100, 8, max_jump_pct=-1), "max_jump_pct"),
    (lambda: strength.wave_progression(np.nan, 8), "one_rm"),
    (lambda: strength.rpe_progression(60, 10, target_rpe=6), "target_rpe"),
    (lambda: strength.rpe_progression(60, 10, reps=12), "reps"),
    (lambda: strength.rpe_progression(0, 10), "start_e1rm"),
    (lambda: strength.rpe_progression(60, 10, true_one_rm_kg=-1), "true_one_rm"),
    (lambda: strength.rpe_progression(60, 10.5), "sessions"),
    (lambda: strength.rpe_progression(60, 10, deload_every=20), "deload_every"),
    (lambda: strength.double_progression(30, 10, deload_fraction=2), "deload_fraction"),
]


@pytest.mark.parametrize(("call", "name"), BAD)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# --- old keyword names still work, with a warning naming the new one -------------------------


@pytest.mark.parametrize(
    ("old_call", "new_call", "new_name"),
    [
        (
            lambda: strength.estimate_1rm(100, 5, formula="brzycki"),
            lambda: strength.estimate_1rm(100, 5, model="brzycki"),
            "model=",
        ),
        (
            lambda: strength.estimate_1rm(weight=100, reps=5),
            lambda: strength.estimate_1rm(weight_kg=100, reps=5),
            "weight_kg=",
        ),
        (
            lambda: strength.e1rm_from_rpe(weight=65, reps=5, rpe=8),
            lambda: strength.e1rm_from_rpe(65, 5, 8),
            "weight_kg=",
        ),
        (
            lambda: strength.round_to_plates(load=81.1),
            lambda: strength.round_to_plates(81.1),
            "weight_kg=",
        ),
        (
            lambda: strength.volume_load(3, 8, load=60),
            lambda: strength.volume_load(3, 8, 60),
            "weight_kg=",
        ),
        (
            lambda: strength.reps_at(load=75, one_rm_kg=100),
            lambda: strength.reps_at(75, 100),
            "weight_kg=",
        ),
        (
            lambda: strength.reps_at(75, one_rm=100),
            lambda: strength.reps_at(75, 100),
            "one_rm_kg=",
        ),
    ],
)
def test_old_keywords_warn_and_give_the_same_answer(old_call, new_call, new_name):
    with pytest.warns(DeprecationWarning, match=new_name):
        old = old_call()
    assert old == new_call()


def test_old_progression_keywords_warn_and_give_the_same_table():
    with pytest.warns(DeprecationWarning, match="start_weight_kg="):
        old = strength.linear_progression(start_load=40, sessions=6, one_rm_kg=60)
    pd.testing.assert_frame_equal(old, strength.linear_progression(40, 6, one_rm_kg=60))
    with pytest.warns(DeprecationWarning, match="true_one_rm_kg="):
        strength.rpe_progression(60, 4, true_one_rm=80)


def test_old_and_new_keyword_together_is_an_error():
    with pytest.raises(TypeError, match="model="):
        strength.estimate_1rm(100, 5, formula="epley", model="brzycki")


# --- the modelled lifter and the progression dispatcher ----------------------------------------


def test_every_scheme_returns_the_lifters_1rm():
    # the lifter lesson 03 used to retype: 80 kg, +1 % a week, 2 sessions a week
    for scheme in strength.SCHEMES:
        table = strength.progression(scheme, 8, one_rm_kg=80.0)
        expected = [round(80.0 * 1.01 ** ((s - 1) // 2), 1) for s in table["session"]]
        assert table["true_1rm_kg"].tolist() == pytest.approx(expected, abs=1e-9), scheme


def test_lifter_by_hand():
    # 80 kg, +1 % a week: week 3 → 80 × 1.01² = 81.608 kg
    assert strength.Lifter(80, 1.0).one_rm_in_week(3) == pytest.approx(81.608)
    with pytest.raises(ValueError, match="weekly_gain_pct"):
        strength.Lifter(80, 9.0)


def test_dispatcher_linear_by_hand():
    # default start 62.5 % × 80 = 50 kg (18 reps possible by Epley, stops at 8 + 2 = 10).
    # s1 50 → +5 % = 52.5; s2 52.5 → 55.1 → 55; s3 (week 2, 1RM 80.8: 14 possible) → 57.75 → 57.5
    table = strength.progression("linear", 2, one_rm_kg=80, rate_pct=5)
    assert table["load"].tolist() == [50.0, 52.5, 55.0, 57.5]
    assert table["reps"].tolist() == [10, 10, 10, 10]


@pytest.mark.parametrize(
    ("scheme", "direct"),
    [
        (
            "linear",
            lambda: strength.linear_progression(
                50, 24, increase_pct=7.5, one_rm_kg=80, deload_every=4
            ),
        ),
        (
            "double",
            lambda: strength.double_progression(
                50, 24, load_step_pct=7.5, one_rm_kg=80, deload_every=4
            ),
        ),
        (
            "wave",
            lambda: strength.wave_progression(
                80, 12, wave_gain_pct=7.5, deload_every=4, true_one_rm_kg=80
            ),
        ),
        (
            "rpe",
            lambda: strength.rpe_progression(
                80, 24, max_jump_pct=7.5, true_one_rm_kg=80, deload_every=4
            ),
        ),
    ],
)
def test_one_rate_keyword_reaches_each_schemes_own_rate(scheme, direct):
    table = strength.progression(scheme, 12, one_rm_kg=80, rate_pct=7.5, deload_every=4)
    pd.testing.assert_frame_equal(table, direct())


def test_dispatcher_plans_from_the_coachs_1rm():
    # the wave is written from 100 kg although the lifter's real 1RM is 90 kg
    wave = strength.progression("wave", 3, one_rm_kg=90, planned_1rm_kg=100, sessions_per_week=1)
    assert wave["load"].tolist() == [70.0, 75.0, 80.0]
    assert wave["true_1rm_kg"].iloc[0] == 90.0
    rpe = strength.progression("rpe", 1, one_rm_kg=100, planned_1rm_kg=70)
    assert rpe["load"].iloc[0] == 57.5  # 70 × 0.811 = 56.8 → 57.5


@pytest.mark.parametrize("rate", [0.0, 2.5, 10.0])
def test_the_rpe_schemes_rate_is_its_cap(rate):
    table = strength.progression("rpe", 12, one_rm_kg=100, planned_1rm_kg=60, rate_pct=rate)
    assert_capped(table, rate)


DISPATCH_BAD = [
    (lambda: strength.progression("block", 8, one_rm_kg=80), "scheme"),
    (lambda: strength.progression("linear", 8, one_rm_kg=80, rate_pct=20), "rate_pct"),
    (lambda: strength.progression("double", 8, one_rm_kg=80, rate_pct=0.5), "rate_pct"),
    (lambda: strength.progression("wave", 8, one_rm_kg=80, rate_pct=-1), "rate_pct"),
    (lambda: strength.progression("linear", 0, one_rm_kg=80), "weeks"),
    (lambda: strength.progression("linear", 52, one_rm_kg=80, sessions_per_week=7), "200"),
    (lambda: strength.progression("linear", 8, one_rm_kg=-80), "one_rm_kg"),
    (lambda: strength.progression("wave", 8, one_rm_kg=80, start_weight_kg=50), "start_weight_kg"),
    (lambda: strength.progression("linear", 8, one_rm_kg=80, planned_1rm_kg=70), "planned_1rm_kg"),
    (lambda: strength.progression("rpe", 8, one_rm_kg=80, planned_1rm_kg=0), "planned_1rm_kg"),
    (lambda: strength.progression("rpe", 8, one_rm_kg=80, max_jump_pct=5), "max_jump_pct"),
    (lambda: strength.progression("linear", 8, one_rm_kg=80, increase_pct=5), "increase_pct"),
    (lambda: strength.progression("linear", 8, one_rm_kg=80, start_weight_kg=90), "one_rm_kg"),
]


@pytest.mark.parametrize(("call", "name"), DISPATCH_BAD)
def test_dispatcher_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# --- weekly sets per muscle and session minutes (strength volume beyond the bar)


def test_weekly_sets_count_synergists_as_half():
    sets = pd.DataFrame(
        {
            "date": ["2027-01-04", "2027-01-07", "2027-01-12"],
            "sets": [3, 4, 2],
            "primary_muscles": ["glutes;quadriceps", ("hamstrings",), "calves"],
            "secondary_muscles": ["core", ("glutes",), ""],
        }
    )
    weekly = strength.weekly_sets(sets)
    first = weekly.loc["2027-01-04"]
    # glutes: 3 primary + 4 × 0.5 as a synergist = 5; core: 3 × 0.5 = 1.5
    assert first["glutes"] == 5 and first["core"] == 1.5 and first["quadriceps"] == 3
    assert weekly.loc["2027-01-11", "calves"] == 2 and weekly.loc["2027-01-11", "glutes"] == 0


def test_strength_minutes_warm_up_plus_time_per_set():
    # 10 min warm-up + 15 sets × 2.5 min = 47.5; heavy: 10 + 12 × 3.5 = 52; no sets: the warm-up
    assert strength.strength_minutes(15) == 47.5
    assert strength.strength_minutes(12, heavy=True) == 52.0
    assert strength.strength_minutes(0) == 10.0
    per_session = strength.strength_minutes(
        pd.Series([15, 12], index=["A", "B"]), heavy=[False, True]
    )
    assert per_session.tolist() == [47.5, 52.0] and list(per_session.index) == ["A", "B"]
    with pytest.raises(ValueError, match="sets"):
        strength.strength_minutes(-1)
    with pytest.raises(ValueError, match="heavy"):
        strength.strength_minutes(10, heavy="yes")


BAD_VOLUME = [
    (lambda: strength.weekly_sets(pd.DataFrame({"date": ["2027-01-04"], "sets": [3]})), "sets"),
    (
        lambda: strength.weekly_sets(
            pd.DataFrame(
                {
                    "date": ["2027-01-04"],
                    "sets": [-3],
                    "primary_muscles": ["glutes"],
                    "secondary_muscles": [""],
                }
            )
        ),
        "sets",
    ),
    (lambda: strength.weekly_sets(pd.DataFrame(), synergist_weight=2), "synergist_weight"),
]


@pytest.mark.parametrize(("call", "message"), BAD_VOLUME)
def test_bad_volume_input_names_the_problem(call, message):
    with pytest.raises(ValueError, match=message):
        call()
