"""Units: exact conversion factors (1959 international yard and pound) and clock formats."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import units


def test_pound_and_mile_definitions():
    # 1 lb = 0.45359237 kg and 1 mi = 1.609344 km, exactly, by definition.
    assert units.lb_to_kg(1.0) == pytest.approx(0.45359237, abs=1e-12)
    assert units.mi_to_km(1.0) == pytest.approx(1.609344, abs=1e-12)
    # 20 kg bar = 44.09 lb; the marathon is 26.219 mi (42.195 / 1.609344).
    assert units.kg_to_lb(20.0) == pytest.approx(44.0924, abs=1e-4)
    assert units.km_to_mi(42.195) == pytest.approx(26.2188, abs=1e-4)


def test_shapes_follow_the_input():
    assert isinstance(units.kg_to_lb(10), float)
    series = pd.Series([1.0, 2.0], index=["a", "b"], name="load")
    out = units.kg_to_lb(series)
    assert isinstance(out, pd.Series) and list(out.index) == ["a", "b"]
    assert isinstance(units.mi_to_km(np.array([1.0, 2.0])), np.ndarray)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_round_trips(value):
    assert units.lb_to_kg(units.kg_to_lb(value)) == pytest.approx(value, rel=1e-12, abs=1e-12)
    assert units.mi_to_km(units.km_to_mi(value)) == pytest.approx(value, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("3:10:49", 3 * 3600 + 10 * 60 + 49), ("42:30", 42 * 60 + 30), ("0:59.5", 59.5)],
)
def test_parse_duration(text, seconds):
    assert units.parse_duration(text) == seconds


@given(st.integers(min_value=0, max_value=100 * 3600))
def test_duration_round_trip(seconds):
    assert units.parse_duration(units.format_duration(seconds)) == seconds


def test_paces():
    assert units.parse_pace("4:30/km") == 270
    assert units.parse_pace("4:30") == 270
    # 7:15 per mile = 435 s / 1.609344 km = 270.296 s/km
    assert units.parse_pace("7:15/mi") == pytest.approx(435 / 1.609344)
    assert units.format_pace(270) == "4:30/km"
    assert units.format_pace(435 / 1.609344, unit="mi") == "7:15/mi"
    # Kipchoge's 2:01:09 over 42.195 km is 2:52.3 per km.
    assert units.pace_from_time(2 * 3600 + 69, 42.195) == pytest.approx(7269 / 42.195)
    assert math.isclose(units.pace_from_time(7269, 42.195), 172.27, abs_tol=0.01)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: units.kg_to_lb(-1), "mass_kg"),
        (lambda: units.lb_to_kg(float("nan")), "mass_lb"),
        (lambda: units.km_to_mi([1, -2]), "distance_km"),
        (lambda: units.mi_to_km("far"), "distance_mi"),
        (lambda: units.parse_duration("3h10"), "text"),
        (lambda: units.parse_duration("1:75:00"), "text"),
        (lambda: units.parse_duration(42), "text"),
        (lambda: units.format_duration(-5), "seconds"),
        (lambda: units.parse_pace("4:75/km"), "text"),
        (lambda: units.parse_pace("4:30/mile"), "text"),
        (lambda: units.format_pace(0), "seconds_per_km"),
        (lambda: units.format_pace(270, unit="m"), "unit"),
        (lambda: units.pace_from_time(100, 0), "distance_km"),
        (lambda: units.pace_from_time(-1, 5), "time_s"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
