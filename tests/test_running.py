"""Running models against hand calculations from Daniels' equations, Daniels' tables and Riegel 1981."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import running

# Daniels' Running Formula (3rd ed.), VDOT table, row 50: 5 km 19:57, 10 km 41:21,
# half marathon 1:31:35, marathon 3:10:49; training paces T 4:15/km, I 3:55/km, M 4:31/km,
# R 88 s per 400 m (3:40/km).
TABLE_50 = {5000: 19 * 60 + 57, 10_000: 41 * 60 + 21, 21_097.5: 5495, 42_195: 11449}


def test_vdot_5k_in_20_minutes_by_hand():
    # Daniels–Gilbert: v = 5000 m / 20 min = 250 m/min
    # VO2 = -4.60 + 0.182258·250 + 0.000104·250² = -4.60 + 45.5645 + 6.5 = 47.4645
    # F(20) = 0.8 + 0.1894393·e^(-0.25556) + 0.2989558·e^(-3.86521)
    #       = 0.8 + 0.1894393·0.774496 + 0.2989558·0.020958 = 0.952986
    # VDOT = 47.4645 / 0.952986 = 49.806
    assert running.vdot(5000, 1200) == pytest.approx(49.806, abs=0.001)
    assert running.oxygen_cost(250.0) == pytest.approx(47.4645)
    expected_f = 0.8 + 0.1894393 * math.exp(-0.012778 * 20) + 0.2989558 * math.exp(-3.86521)
    assert running.vo2max_fraction(20.0) == pytest.approx(expected_f)


@pytest.mark.parametrize(("distance_m", "table_s"), TABLE_50.items())
def test_race_time_matches_daniels_table_at_vdot_50(distance_m, table_s):
    # The equations reproduce Daniels' printed table to within 0.5 % (the table is rounded).
    assert running.race_time(50.0, distance_m) == pytest.approx(table_s, rel=0.005)


def test_training_paces_approximate_daniels_table_at_vdot_50():
    paces = running.training_paces(50)
    assert list(paces.index) == ["easy", "marathon", "threshold", "interval", "repetition"]
    for name, table in {
        "marathon": 271,
        "threshold": 255,
        "interval": 235,
        "repetition": 220,
    }.items():
        assert paces[name] == pytest.approx(table, abs=3), name
    # easy pace: the speed whose oxygen cost is 70 % of VDOT
    easy_speed = 60_000 / paces["easy"]
    assert running.oxygen_cost(easy_speed) == pytest.approx(0.70 * 50)
    assert paces.is_monotonic_decreasing  # easy is slowest, repetition fastest


def test_training_paces_for_arrays_and_series():
    frame = running.training_paces(pd.Series([40.0, 50.0], index=["ana", "ben"]))
    assert list(frame.index) == ["ana", "ben"]
    assert frame.loc["ben", "threshold"] == pytest.approx(running.training_paces(50)["threshold"])
    assert (frame.loc["ana"] > frame.loc["ben"]).all()  # lower VDOT, slower paces
    assert running.training_paces(np.array([45.0, 55.0])).shape == (2, 5)


def test_riegel_10k_to_marathon_by_hand():
    # Riegel 1981: T2 = 40 min · (42.195 / 10)^1.06 = 40 · e^(1.06 · ln 4.2195)
    #            = 40 · e^(1.06 · 1.439717) = 40 · e^1.526100 = 40 · 4.60003 = 184.001 min
    assert running.riegel(2400, 10_000, 42_195) / 60 == pytest.approx(184.001, abs=0.01)
    assert running.riegel(2400, 10_000, 10_000) == 2400
    assert running.riegel(2400, 10_000, 42_195, exponent=1.0) == pytest.approx(2400 * 4.2195)


def test_shapes_follow_the_input():
    times = pd.Series([1200.0, 1500.0], index=["a", "b"])
    out = running.vdot(5000, times)
    assert isinstance(out, pd.Series) and list(out.index) == ["a", "b"]
    assert isinstance(running.vdot(5000, 1200), float)
    assert running.race_time(np.array([40.0, 60.0]), 10_000).shape == (2,)
    assert isinstance(running.riegel(times, 5000, 10_000), pd.Series)


@settings(max_examples=60, deadline=None)
@given(
    v=st.floats(25, 85), distance_m=st.sampled_from([1500, 3000, 5000, 10_000, 21_097.5, 42_195])
)
def test_race_time_inverts_vdot(v, distance_m):
    t = running.race_time(v, distance_m)
    assert running.vdot(distance_m, t) == pytest.approx(v, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(
    t=st.floats(600, 20_000),
    d=st.lists(st.floats(1000, 50_000), min_size=3, max_size=3),
    e=st.floats(1.0, 1.2),
)
def test_riegel_chains_consistently(t, d, e):
    direct = running.riegel(t, d[0], d[2], e)
    via = running.riegel(running.riegel(t, d[0], d[1], e), d[1], d[2], e)
    assert via == pytest.approx(direct, rel=1e-9)
    assert running.riegel(direct, d[2], d[0], e) == pytest.approx(t, rel=1e-9)


@settings(max_examples=40, deadline=None)
@given(v=st.floats(30, 80))
def test_faster_runner_longer_race_slower_pace(v):
    five, marathon = running.race_time(v, 5000), running.race_time(v, 42_195)
    assert marathon / 42.195 > five / 5  # pace per km slows over the longer race
    assert running.race_time(v + 1, 42_195) < marathon


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: running.vdot(100, 60), "distance_m"),
        (lambda: running.vdot(5000, float("nan")), "time_s"),
        (lambda: running.vdot(5000, 30), "time_s"),
        (lambda: running.vdot(10_000, 30_000), "time_s"),  # 20 m/min: VDOT below 10
        (lambda: running.vdot("five", 1200), "distance_m"),
        (lambda: running.race_time(5, 5000), "vdot"),
        (lambda: running.race_time(50, -1), "distance_m"),
        (lambda: running.race_time(85, 400), "vdot"),  # faster than 1 min: outside the model
        (lambda: running.riegel(0, 10_000, 42_195), "time_s"),
        (lambda: running.riegel(2400, -5, 42_195), "distance_m"),
        (lambda: running.riegel(2400, 10_000, np.inf), "target_m"),
        (lambda: running.riegel(2400, 10_000, 42_195, exponent=2), "exponent"),
        (lambda: running.training_paces(95), "vdot"),
        (lambda: running.oxygen_cost(0), "speed_m_per_min"),
        (lambda: running.vo2max_fraction(-1), "minutes"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()
