"""Fueling and fluid models against hand calculations from Burke 2011, Jeukendrup 2014, Sawka 2007."""

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
    # Burke et al. 2011 (rows marked verify): light 3–5, moderate 5–7, high 6–10,
    # very high 8–12 g/kg/day; 60 kg runner
    assert fueling.daily_carbs(60, "light") == (180.0, 300.0)
    assert fueling.daily_carbs(60) == (300.0, 420.0)
    assert fueling.daily_carbs(60, "high") == (360.0, 600.0)
    assert fueling.daily_carbs(60, "very_high") == (480.0, 720.0)
    low, high = fueling.daily_carbs(pd.Series([50.0, 80.0], index=["a", "b"]), "high")
    assert low.tolist() == [300.0, 480.0] and list(high.index) == ["a", "b"]


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


@pytest.mark.parametrize(
    ("hours", "g_per_h"),
    # Jeukendrup 2014 as implemented: < 0.5 h none; 0.5–1.25 h mouth rinse (0 g/h swallowed);
    # 1.25–2 h up to 30; 2–2.5 h up to 60; ≥ 2.5 h up to 90 g/h
    [
        (0.25, 0),
        (0.5, 0),
        (1.0, 0),
        (1.25, 30),
        (1.9, 30),
        (2.0, 60),
        (2.4, 60),
        (2.5, 90),
        (4.5, 90),
    ],
)
def test_race_carbs_per_hour_bands(hours, g_per_h):
    assert fueling.race_carbs_per_hour(hours) == g_per_h


def test_race_carb_advice_names_the_band():
    assert fueling.race_carb_advice(0.2) == "none needed"
    assert "mouth rinse" in fueling.race_carb_advice(1.0)
    assert fueling.race_carb_advice(np.array([1.5, 3.0]))[1].startswith("up to 90")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(0, 24), min_size=2, max_size=20))
def test_race_carbs_never_fall_with_duration(hours):
    hours = np.sort(np.array(hours))
    assert np.all(np.diff(fueling.race_carbs_per_hour(hours)) >= 0)


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
    # 3.5 h → 90 g/h (Jeukendrup > 2.5 h); every 20 min → 30 g at 20, 40, …, 200 min
    plan = fueling.race_fueling_plan(3.5 * 3600)
    assert list(plan.columns) == ["minute", "grams", "cumulative_g"]
    assert len(plan) == 10 and plan["cumulative_g"].iloc[-1] == 300.0
    assert fueling.race_fueling_plan(15 * 60).empty  # shorter than one interval


def test_sweat_rate_by_hand():
    # Sawka 2007: ((70.0 − 68.8) + 0.5 − 0.2) L / 1.5 h = 1.5 / 1.5 = 1.0 L/h
    assert fueling.sweat_rate(70.0, 68.8, 0.5, 0.2, 1.5) == pytest.approx(1.0)
    # no urine: (1.2 + 0.5) / 1.5 = 1.1333 L/h
    assert fueling.sweat_rate(70.0, 68.8, 0.5, 0.0, 1.5) == pytest.approx(1.7 / 1.5)


def test_fluid_plan_by_hand():
    # 70 kg, 1.0 L/h for 3.5 h: sweat 3.5 L; 2 % of 70 kg = 1.4 L may be lost;
    # drink at least 1.0 − 1.4/3.5 = 0.6 L/h and at most 1.0 L/h; no drinking → 5 % loss
    row = fueling.fluid_plan(70, 1.0, 3.5).iloc[0]
    assert row["drink_min_l_per_h"] == pytest.approx(0.6)
    assert row["drink_max_l_per_h"] == 1.0
    assert row["loss_pct_if_no_drink"] == pytest.approx(5.0)
    assert bool(row["needs_drink"])
    # 0.3 L/h for 2 h: 0.6 L < 1.4 L, no need to drink to stay under 2 %
    light = fueling.fluid_plan(70, 0.3, 2.0).iloc[0]
    assert light["drink_min_l_per_h"] == 0.0 and not light["needs_drink"]


def test_body_mass_change_by_hand():
    # drinking 1.2 L/h while sweating 0.8 L/h for 4 h: +1.6 L on 70 kg = +2.2857 %
    assert fueling.body_mass_change_pct(70, 0.8, 1.2, 4.0) == pytest.approx(160 / 70)
    assert fueling.body_mass_change_pct(70, 1.0, 0.0, 3.5) == pytest.approx(-5.0)
    over_time = fueling.body_mass_change_pct(70, 1.0, 0.0, pd.Series([0.0, 1.75, 3.5]))
    assert over_time.tolist() == pytest.approx([0.0, -2.5, -5.0])


@settings(max_examples=80, deadline=None)
@given(
    mass=st.floats(40, 120), rate=st.floats(0, 3), hours=st.floats(0.5, 6), pct=st.floats(0.5, 4)
)
def test_fluid_plan_keeps_loss_within_the_limit(mass, rate, hours, pct):
    row = fueling.fluid_plan(mass, rate, hours, max_loss_pct=pct).iloc[0]
    assert 0 <= row["drink_min_l_per_h"] <= row["drink_max_l_per_h"] == pytest.approx(rate)
    change = fueling.body_mass_change_pct(mass, rate, row["drink_min_l_per_h"], hours)
    assert change >= -pct - 1e-9  # the minimum drink keeps the loss under the limit
    assert fueling.body_mass_change_pct(mass, rate, row["drink_max_l_per_h"], hours) == 0


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: fueling.daily_carbs(-70), "body_mass_kg"),
        (lambda: fueling.daily_carbs(70, "extreme"), "load"),
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
        (lambda: fueling.fluid_plan(70, 1, 3, max_loss_pct=10), "max_loss_pct"),
        (lambda: fueling.fluid_plan(70, 1, -3), "hours"),
        (lambda: fueling.body_mass_change_pct(70, 1, -1, 3), "drink_l_per_h"),
        (lambda: fueling.body_mass_change_pct(70, 1, 1, -0.5), "hours"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
