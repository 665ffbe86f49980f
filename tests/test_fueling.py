"""Fueling and fluid models against hand calculations from Burke 2011, Thomas 2016, Jeukendrup 2014,
Sawka 2007 (ACSM) and Hew-Butler 2015."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import fueling


def test_carb_loading_70_kg():
    # Burke et al. 2011: 10–12 g/kg/day → 70 kg × 10 = 700 g, 70 kg × 12 = 840 g
    assert fueling.carb_loading(70) == (700.0, 840.0)


def test_daily_carbs_bands_by_hand():
    # Burke et al. 2011, Table 1 (same in Thomas et al. 2016): light 3–5, moderate 5–7,
    # high 6–10, very high 8–12 g/kg/day; 60 kg runner
    assert fueling.daily_carbs(60, "light") == (180.0, 300.0)
    assert fueling.daily_carbs(60) == (300.0, 420.0)
    assert fueling.daily_carbs(60, "high") == (360.0, 600.0)
    assert fueling.daily_carbs(60, "very_high") == (480.0, 720.0)
    low, high = fueling.daily_carbs(pd.Series([50.0, 80.0], index=["a", "b"]), "high")
    assert low.tolist() == [300.0, 480.0] and list(high.index) == ["a", "b"]


def test_daily_carbs_old_load_keyword_warns():
    with pytest.warns(DeprecationWarning, match="training="):
        assert fueling.daily_carbs(60, load="high") == fueling.daily_carbs(60, training="high")


def test_daily_carbs_rise_with_load():
    bands = [fueling.daily_carbs(70, load) for load in ("light", "moderate", "high", "very_high")]
    assert [b[0] for b in bands] == sorted(b[0] for b in bands)
    assert [b[1] for b in bands] == sorted(b[1] for b in bands)


def test_pre_race_meal_scales_with_hours():
    # Burke 2011: 1–4 g/kg, 1–4 h before; our band tops out at `hours` g/kg, 1 g/kg wide.
    assert fueling.pre_race_meal(70, 1) == (70.0, 70.0)  # 1 h: 1 g/kg
    assert fueling.pre_race_meal(70, 3) == (140.0, 210.0)  # 3 h: 2–3 g/kg
    assert fueling.pre_race_meal(70, 4) == (210.0, 280.0)  # 4 h: 3–4 g/kg
    low, high = fueling.pre_race_meal(70, np.array([1.0, 2.5]))
    assert low.tolist() == [70.0, 105.0] and high.tolist() == [70.0, 175.0]


def test_recovery_carbs_by_hand():
    # Burke 2011 / Thomas 2016: 1.0–1.2 g/kg/h for the first 4 h; 60 kg → 60–72 g/h
    assert fueling.recovery_carbs(60) == (60.0, 72.0)
    low, high = fueling.recovery_carbs(np.array([50.0, 80.0]))
    assert low.tolist() == [50.0, 80.0] and high.tolist() == pytest.approx([60.0, 96.0])


def test_daily_protein_by_hand():
    # Thomas et al. 2016: 1.2–2.0 g/kg/day, about 0.3 g/kg a meal; 62 kg → 74.4–124 g, 18.6 g
    low, high, meal = fueling.daily_protein(62)
    assert (low, high, meal) == pytest.approx((74.4, 124.0, 18.6))
    # Morton et al. 2018: the plateau near 1.6 g/kg/day lies inside the band
    assert low / 62 < 1.6 < high / 62


@pytest.mark.parametrize(
    ("hours", "g_per_h", "practised_g_per_h"),
    # Jeukendrup 2014 anchors: nothing swallowed up to 1 h (< 30 min none, 30–75 min rinse);
    # 30 g/h in the 1–2 h band (from 1.5 h); 60 g/h in the 2–3 h band (at 2.5 h), the most a
    # single carbohydrate source gives, and the everyday ceiling beyond it; 90 g/h in the > 2.5 h
    # band once the 2–3 h band has ended (from 3 h), only for a practised gut
    [
        (0.25, 0, 0),
        (0.5, 0, 0),
        (1.0, 0, 0),
        (1.5, 30, 30),
        (1.75, 30, 30),
        (2.0, 30, 30),
        (2.5, 60, 60),
        (3.0, 60, 90),
        (4.5, 60, 90),
        (24.0, 60, 90),
    ],
)
def test_race_carbs_per_hour_published_anchors(hours, g_per_h, practised_g_per_h):
    assert fueling.race_carbs_per_hour(hours) == g_per_h
    assert fueling.race_carbs_per_hour(hours, practised=True) == practised_g_per_h


def test_race_carbs_between_anchors_by_hand():
    # straight lines: 1.25 h halfway 0 → 30 = 15; 2.25 h halfway 30 → 60 = 45;
    # 2.75 h halfway 60 → 90 = 75 when practised, else held at 60
    hours = np.array([1.25, 2.25, 2.75])
    assert fueling.race_carbs_per_hour(hours).tolist() == pytest.approx([15.0, 45.0, 60.0])
    practised = fueling.race_carbs_per_hour(hours, practised=True)
    assert practised.tolist() == pytest.approx([15.0, 45.0, 75.0])


def test_race_carbs_have_no_cliff_at_two_and_a_half_hours():
    # a 2:29 and a 2:31 marathoner who practised: 60 g/h ± 30 g/h per half hour × 1/30 h
    before = fueling.race_carbs_per_hour(2 + 29 / 60, practised=True)
    after = fueling.race_carbs_per_hour(2 + 31 / 60, practised=True)
    assert before == pytest.approx(59.0) and after == pytest.approx(61.0)
    assert fueling.race_carbs_per_hour(2 + 31 / 60) == 60.0


@settings(max_examples=100, deadline=None)
@given(st.floats(0, 24), st.floats(1e-6, 0.01), st.booleans())
def test_race_carbs_are_continuous(hours, step_h, practised):
    # steepest segment: 30 g/h over 0.5 h = 60 g/h per hour, so a step of h hours moves the
    # recommendation by at most 60·h
    later = min(hours + step_h, 24.0)
    now = fueling.race_carbs_per_hour(hours, practised=practised)
    jump = abs(fueling.race_carbs_per_hour(later, practised=practised) - now)
    assert jump <= 60.0 * (later - hours) + 1e-9


@settings(max_examples=100, deadline=None)
@given(st.floats(0, 24))
def test_race_carbs_never_above_the_published_amount(hours):
    # Jeukendrup 2014: < 1 h nothing to swallow; 1–2 h up to 30; 2–3 h up to 60 (a single
    # source); > 2.5 h 90, from glucose + fructose
    cap = 0 if hours <= 1 else 30 if hours <= 2 else 60 if hours <= 2.5 else 90
    assert fueling.race_carbs_per_hour(hours, practised=True) <= cap + 1e-9
    assert fueling.race_carbs_per_hour(hours) <= min(cap, 60) + 1e-9


@settings(max_examples=200, deadline=None)
@given(st.floats(2.5, 7.0))
def test_every_marathon_finish_time_gets_30_to_60_by_default(finish_h):
    # a marathon of 2 h 30 to 7 h: the default range is 30–60 g/h and 90 only when practised
    # (Jeukendrup 2014); the default plan never gives more than 60 g in any hour
    low, high = fueling.race_carb_range(finish_h)
    assert (low, high) == (30.0, 60.0)
    p_low, p_high = fueling.race_carb_range(finish_h, practised=True)
    assert 60.0 <= p_high <= 90.0 and p_low == p_high - 30.0
    plan = fueling.race_fueling_plan(finish_h * 3600, interval_min=20)
    assert plan["grams"].eq(20.0).all()
    assert plan["cumulative_g"].iloc[-1] <= 60.0 * finish_h + 1e-9


def test_race_carb_range_like_its_input():
    low, high = fueling.race_carb_range(pd.Series([1.0, 1.5, 2.25, 4.0]))
    assert low.tolist() == [0.0, 0.0, 15.0, 30.0] and high.tolist() == [0.0, 30.0, 45.0, 60.0]


def test_race_carbs_practised_must_be_a_yes_or_no():
    with pytest.raises(ValueError, match="practised.*'yes'"):
        fueling.race_carbs_per_hour(3.0, practised="yes")


def test_race_carb_advice_names_the_band():
    assert fueling.race_carb_advice(0.2) == "none needed"
    assert "mouth rinse" in fueling.race_carb_advice(0.75)
    assert fueling.race_carb_advice(1.5) == "up to 30 g/h"
    marathon = fueling.race_carb_advice(np.array([1.5, 3.0]))[1]
    assert marathon.startswith("30–60 g/h") and "practised" in marathon


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(0, 24), min_size=2, max_size=20), st.booleans())
def test_race_carbs_never_fall_with_duration(hours, practised):
    hours = np.sort(np.array(hours))
    assert np.all(np.diff(fueling.race_carbs_per_hour(hours, practised=practised)) >= 0)


def test_fueling_plan_by_hand():
    # 3 h 30 min at 60 g/h every 30 min: points at 30, 60, …, 180 min (210 is the finish);
    # 60 × 30/60 = 30 g each, 6 × 30 = 180 g in all
    plan = fueling.race_fueling_plan(
        3.5 * 3600, interval_min=30, carbs_per_hour=60, distance_m=42_195
    )
    assert plan["minute"].tolist() == [30, 60, 90, 120, 150, 180]
    assert plan["grams"].tolist() == [30.0] * 6
    assert plan["cumulative_g"].iloc[-1] == 180.0
    # even pace: 30 of 210 min → 42.195 × 30/210 = 6.0279 km
    assert plan["km"].iloc[0] == pytest.approx(42.195 / 7)


def test_fueling_plan_default_rate_from_duration():
    # 3.5 h → 60 g/h (Jeukendrup's single-source rate; 90 only when practised); every 20 min
    # → 20 g at 20, 40, …, 200 min: 10 × 20 = 200 g
    plan = fueling.race_fueling_plan(3.5 * 3600)
    assert list(plan.columns) == ["minute", "grams", "cumulative_g"]
    assert len(plan) == 10 and plan["cumulative_g"].iloc[-1] == 200.0
    assert fueling.race_fueling_plan(15 * 60).empty  # shorter than one interval


def test_sweat_rate_by_hand():
    # Sawka 2007: ((70.0 − 68.8) + 0.5 − 0.2) L / 1.5 h = 1.5 / 1.5 = 1.0 L/h
    assert fueling.sweat_rate(70.0, 68.8, 0.5, 0.2, 1.5) == pytest.approx(1.0)
    # no urine: (1.2 + 0.5) / 1.5 = 1.1333 L/h
    assert fueling.sweat_rate(70.0, 68.8, 0.5, 0.0, 1.5) == pytest.approx(1.7 / 1.5)


def test_fluid_plan_is_the_acsm_range_for_a_heavy_sweater():
    # Sawka 2007 p. 384: drink to thirst, 0.4–0.8 L/h as a marathon starting range.
    # 70 kg, sweat 1.0 L/h, 3.5 h: the range stays 0.4–0.8 L/h (never the sweat rate);
    # no drinking: 3.5 L = 5 % of 70 kg; at 0.4 L/h: −0.6 × 3.5 = −2.1 L = −3 %;
    # at 0.8 L/h: −0.2 × 3.5 = −0.7 L = −1 %
    row = fueling.fluid_plan(70, 1.0, 3.5).iloc[0]
    assert (row["drink_low_l_per_h"], row["drink_high_l_per_h"]) == (0.4, 0.8)
    assert row["sweat_loss_l"] == pytest.approx(3.5)
    assert row["loss_pct_if_no_drink"] == pytest.approx(5.0)
    assert row["change_pct_at_low"] == pytest.approx(-3.0)
    assert row["change_pct_at_high"] == pytest.approx(-1.0)
    assert not row["loss_over_2pct"]  # −1 % at the top of the range: inside ACSM's 2 % goal


def test_fluid_plan_is_capped_by_a_low_sweat_rate():
    # the review's case: 62 kg runner sweating 1.12 L/h was told 0.8–1.12 L/h; now 0.4–0.8.
    # A slow runner sweating 0.5 L/h for 4.5 h: the range is 0.4–0.5 L/h, never above sweat;
    # at 0.5 L/h the change is 0 %, at 0.4 L/h −0.1 × 4.5 = −0.45 L on 62 kg = −0.726 %
    heavy = fueling.fluid_plan(62, 1.12, 3.83).iloc[0]
    assert (heavy["drink_low_l_per_h"], heavy["drink_high_l_per_h"]) == (0.4, 0.8)
    slow = fueling.fluid_plan(62, 0.5, 4.5).iloc[0]
    assert (slow["drink_low_l_per_h"], slow["drink_high_l_per_h"]) == (0.4, 0.5)
    assert slow["change_pct_at_high"] == pytest.approx(0.0)
    assert slow["change_pct_at_low"] == pytest.approx(-45 / 62)
    # sweat 0.3 L/h: both ends are the sweat rate itself
    light = fueling.fluid_plan(62, 0.3, 2.0).iloc[0]
    assert (light["drink_low_l_per_h"], light["drink_high_l_per_h"]) == (0.3, 0.3)


def test_fluid_plan_flags_a_heavy_sweater_and_keeps_the_range():
    # 55 kg, 1.6 L/h for 4 h: at 0.8 L/h still −0.8 × 4 = −3.2 L = −5.8 % → flagged;
    # the range does not grow past 0.8 L/h
    row = fueling.fluid_plan(55, 1.6, 4.0).iloc[0]
    assert row["drink_high_l_per_h"] == 0.8
    assert row["change_pct_at_high"] == pytest.approx(-320 / 55)
    assert bool(row["loss_over_2pct"])


def test_fluid_plan_flags_beyond_the_acsm_two_percent_goal():
    # Sawka et al. 2007: the goal of drinking is to prevent a loss of more than 2 % of body mass.
    # 64 kg sweating 1.2 L/h for 4 h: at 0.8 L/h −0.4 × 4 = −1.6 L = −2.5 % → flagged;
    # 62 kg sweating 1.12 L/h for 3.83 h: −0.32 × 3.83 = −1.2256 L = −1.977 % → not flagged
    over = fueling.fluid_plan(64.0, 1.2, 4.0).iloc[0]
    assert over["change_pct_at_high"] == pytest.approx(-160 / 64)
    assert bool(over["loss_over_2pct"])
    under = fueling.fluid_plan(62.0, 1.12, 3.83).iloc[0]
    assert under["change_pct_at_high"] == pytest.approx(-122.56 / 62)
    assert not under["loss_over_2pct"]
    assert fueling.ACSM_LOSS_GOAL_PCT == 2.0


def test_fluid_plan_keeps_a_series_index():
    plan = fueling.fluid_plan(pd.Series([60.0, 80.0], index=["ann", "bo"]), 0.6, 3.0)
    assert list(plan.index) == ["ann", "bo"]
    assert plan["drink_high_l_per_h"].tolist() == [0.6, 0.6]


@settings(max_examples=150, deadline=None)
@given(mass=st.floats(20, 250), rate=st.floats(0, 5), hours=st.floats(0.01, 24))
def test_fluid_plan_never_above_sweat_rate_nor_acsm_top(mass, rate, hours):
    row = fueling.fluid_plan(mass, rate, hours).iloc[0]
    assert 0 <= row["drink_low_l_per_h"] <= row["drink_high_l_per_h"]
    assert row["drink_high_l_per_h"] <= rate  # never more than the sweat rate
    assert row["drink_high_l_per_h"] <= 0.8  # never above the ACSM starting range
    assert row["drink_low_l_per_h"] <= 0.4
    # so drinking within the range can never make the runner heavier
    assert row["change_pct_at_low"] <= row["change_pct_at_high"] <= 1e-9


def test_body_mass_change_by_hand():
    # drinking 1.2 L/h while sweating 0.8 L/h for 4 h: +1.6 L on 70 kg = +2.2857 %
    assert fueling.body_mass_change_pct(70, 0.8, 1.2, 4.0) == pytest.approx(160 / 70)
    assert fueling.body_mass_change_pct(70, 1.0, 0.0, 3.5) == pytest.approx(-5.0)
    over_time = fueling.body_mass_change_pct(70, 1.0, 0.0, pd.Series([0.0, 1.75, 3.5]))
    assert over_time.tolist() == pytest.approx([0.0, -2.5, -5.0])


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: fueling.daily_carbs(-70), "body_mass_kg"),
        (lambda: fueling.daily_carbs(70, "extreme"), "training"),
        (lambda: fueling.carb_loading(float("nan")), "body_mass_kg"),
        (lambda: fueling.pre_race_meal(70, 6), "hours_before"),
        (lambda: fueling.pre_race_meal(5, 2), "body_mass_kg"),
        (lambda: fueling.race_carbs_per_hour(-1), "duration_h"),
        (lambda: fueling.race_carb_advice(30), "duration_h"),
        (lambda: fueling.race_fueling_plan(0), "finish_time_s"),
        (lambda: fueling.race_fueling_plan(12_000, interval_min=2), "interval_min"),
        (lambda: fueling.race_fueling_plan(12_000, carbs_per_hour=200), "carbs_per_hour"),
        (lambda: fueling.race_fueling_plan(12_000, distance_m=-1), "distance_m"),
        (lambda: fueling.race_fueling_plan([12_000, 13_000]), "finish_time_s"),
        (lambda: fueling.sweat_rate(70, 69, 0.5, 0, 0), "hours"),
        (lambda: fueling.sweat_rate(70, 69, -0.5, 0, 1), "fluid_l"),
        (lambda: fueling.sweat_rate(70, 69, 0.5, -1, 1), "urine_l"),
        (lambda: fueling.sweat_rate("x", 69, 0.5, 0, 1), "pre_kg"),
        (lambda: fueling.sweat_rate(70, 72, 0.5, 0, 1), "post_kg"),  # gained 2 kg on 0.5 L
        (lambda: fueling.fluid_plan(70, 9, 3), "sweat_rate_l_per_h"),
        (lambda: fueling.fluid_plan(5, 1, 3), "body_mass_kg"),
        (lambda: fueling.fluid_plan(70, -0.5, 3), "sweat_rate_l_per_h"),
        (lambda: fueling.fluid_plan(70, float("nan"), 3), "sweat_rate_l_per_h"),
        (lambda: fueling.fluid_plan(70, 1, 0), "hours"),
        (lambda: fueling.recovery_carbs(0), "body_mass_kg"),
        (lambda: fueling.daily_protein("heavy"), "body_mass_kg"),
        (lambda: fueling.fluid_plan(70, 1, -3), "hours"),
        (lambda: fueling.body_mass_change_pct(70, 1, -1, 3), "drink_l_per_h"),
        (lambda: fueling.body_mass_change_pct(70, 1, 1, -0.5), "hours"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
