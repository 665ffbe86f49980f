"""Training-load models against hand calculations from the cited definitions."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers import _filters, load

DAYS = pd.date_range("2027-01-04", periods=28, freq="D")  # 2027-01-04 is a Monday
loads = arrays(float, st.integers(28, 90), elements=st.floats(0, 1000))


def test_session_rpe_is_rpe_times_minutes():
    # Foster et al. 2001: a 50-min session rated 6 ("hard") is 300 AU.
    assert load.session_load(6, 50) == 300.0
    out = load.session_load(pd.Series([3, 7]), pd.Series([40, 90]))
    assert out.tolist() == [120.0, 630.0]


def test_monotony_and_strain_by_hand():
    # Foster 1998: mean 700/7 = 100; population SD = sqrt(80000/7) = 106.904; M = 0.93541;
    # strain = weekly load 700 × M = 654.79.
    week = [100, 0, 200, 0, 300, 0, 100]
    assert load.monotony(week) == pytest.approx(100 / math.sqrt(80000 / 7))
    assert load.strain(week) == pytest.approx(700 * 100 / math.sqrt(80000 / 7))


def test_monotony_per_iso_week_with_missing_days_as_rest():
    # Two sessions in the week of Monday 2027-01-04, nothing recorded on the other days.
    daily = pd.Series([300.0, 300.0], index=pd.to_datetime(["2027-01-05", "2027-01-07"]))
    weekly = load.monotony(daily)
    assert list(weekly.index) == [pd.Timestamp("2027-01-04")]
    # loads 0,300,0,300,0,0,0: mean 600/7, SD = sqrt(2·300²/7 − (600/7)²)
    mean = 600 / 7
    sd = math.sqrt(2 * 300**2 / 7 - mean**2)
    assert weekly.iloc[0] == pytest.approx(mean / sd)


def test_equal_loads_have_undefined_monotony():
    assert math.isnan(load.monotony([200] * 7))


def test_rolling_acwr_coupled_and_uncoupled_by_hand():
    # 21 days at 100 then 7 at 200: acute mean 200, chronic mean (2100 + 1400)/28 = 125 → 1.6
    daily = np.array([100.0] * 21 + [200.0] * 7)
    assert load.acwr(daily)[-1] == pytest.approx(1.6)
    assert np.isnan(load.acwr(daily)[26])
    # uncoupled (Lolli 2019; Windt & Gabbett 2019): the acute week ÷ the mean of the 3 weeks
    # (21 days) before it. 7 days at 50, 21 at 100, 7 at 200: last day 200 / 100 = 2.0 (the
    # 50s are outside; a 28-day window before the acute week would give 200 / 87.5 = 2.29)
    daily = np.array([50.0] * 7 + [100.0] * 21 + [200.0] * 7)
    uncoupled = load.acwr(daily, coupled=False)
    assert uncoupled[-1] == pytest.approx(2.0)
    # first value on day 28 (index 27): acute days 21–27 at 100, chronic days 0–20:
    # (7 × 50 + 14 × 100) / 21 = 83.33 → 1.2
    assert np.isnan(uncoupled[26])
    assert uncoupled[27] == pytest.approx(100 / (1750 / 21))


def test_uncoupled_acwr_is_the_windt_gabbett_transform_of_the_coupled_one():
    # with a 7-day acute and a 28-day chronic window, A/((A+B)/4) = c gives A/(B/3) = 3c/(4−c)
    rng = np.random.default_rng(11)
    daily = rng.uniform(0, 800, 120)
    coupled = load.acwr(daily)[27:]
    assert np.allclose(load.acwr(daily, coupled=False)[27:], 3 * coupled / (4 - coupled))


def test_ewma_matches_pandas_definition():
    # Williams et al. 2017: λ = 2/(N+1); pandas ewm(span=N, adjust=False) is that recursion.
    rng = np.random.default_rng(7)
    daily = pd.Series(rng.uniform(0, 600, 60), index=pd.date_range("2027-01-04", periods=60))
    ours = load.ewma(daily, 7)
    assert np.allclose(ours, daily.ewm(span=7, adjust=False).mean())
    expected = daily.ewm(span=7, adjust=False).mean() / daily.ewm(span=28, adjust=False).mean()
    assert np.allclose(load.acwr(daily, model="ewma"), expected)


def test_fitness_fatigue_first_days_by_hand():
    daily = np.array([100.0, 0.0, 0.0])
    tp = load.fitness_fatigue(daily)
    # TrainingPeaks: CTL = 100/42, ATL = 100/7 after day 0; form is yesterday's CTL − ATL.
    assert tp["fitness"][0] == pytest.approx(100 / 42)
    assert tp["fatigue"][0] == pytest.approx(100 / 7)
    assert tp["form"][0] == 0
    assert tp["form"][1] == pytest.approx(100 / 42 - 100 / 7)
    ex = load.fitness_fatigue(daily, model="exponential")
    assert ex["fitness"][0] == pytest.approx(100 * (1 - math.exp(-1 / 42)))
    assert ex["fitness"][1] == pytest.approx(100 * (1 - math.exp(-1 / 42)) * math.exp(-1 / 42))


def test_banister_impulse_by_hand():
    daily = np.array([100.0, 0, 0, 0])
    out = load.banister(daily)
    assert out["fitness"][0] == 0  # sums over s < t only
    assert out["fitness"][3] == pytest.approx(100 * math.exp(-3 / 42))
    assert out["fatigue"][3] == pytest.approx(100 * math.exp(-3 / 7))
    assert out["performance"][1] == pytest.approx(100 * math.exp(-1 / 42) - 200 * math.exp(-1 / 7))


@settings(max_examples=30, deadline=None)
@given(arrays(float, st.integers(2, 40), elements=st.floats(0, 1000)))
def test_banister_equals_the_double_sum(daily):
    out = load.banister(daily, k1=1, k2=2, tau1=10, tau2=3, p0=5)
    for t in range(len(daily)):
        fit = sum(daily[s] * math.exp(-(t - s) / 10) for s in range(t))
        fat = sum(daily[s] * math.exp(-(t - s) / 3) for s in range(t))
        assert out["fitness"][t] == pytest.approx(fit, abs=1e-6)
        assert out["performance"][t] == pytest.approx(5 + fit - 2 * fat, abs=1e-6)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0, 1000), min_size=7, max_size=7), st.floats(0.01, 100))
def test_monotony_is_scale_invariant(week, scale):
    a, b = load.monotony(week), load.monotony([scale * x for x in week])
    assert (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-6)


@settings(max_examples=50, deadline=None)
@given(loads, st.floats(0, 10), st.floats(0, 10))
def test_fitness_fatigue_is_linear_in_load(daily, a, b):
    other = daily[::-1].copy()
    combined = load.fitness_fatigue(a * daily + b * other)
    one, two = load.fitness_fatigue(daily), load.fitness_fatigue(other)
    for col in ("fitness", "fatigue", "form"):
        assert np.allclose(combined[col], a * one[col] + b * two[col], atol=1e-6)


@given(st.floats(1, 1000), st.integers(28, 80))
def test_constant_load_gives_acwr_one(level, days):
    daily = np.full(days, level)
    rolling = load.acwr(daily)
    assert np.allclose(rolling[27:], 1.0)
    assert np.allclose(load.acwr(daily, model="ewma"), 1.0)


def test_two_dimensional_input_equals_one_athlete_at_a_time():
    rng = np.random.default_rng(3)
    athletes = rng.uniform(0, 500, size=(4, 56))
    ff = load.fitness_fatigue(athletes, model="exponential")
    rolling, ewma = load.acwr(athletes), load.acwr(athletes, model="ewma")
    weekly = load.monotony(athletes)
    for i, row in enumerate(athletes):
        assert np.allclose(ff["form"][i], load.fitness_fatigue(row, model="exponential")["form"])
        assert np.allclose(rolling[i], load.acwr(row), equal_nan=True)
        assert np.allclose(ewma[i], load.acwr(row, model="ewma"))
        assert np.allclose(weekly[i], load.monotony(row))


def test_daily_series_sums_sessions_and_fills_rest_days():
    daily = load.daily_series(
        ["2027-01-05 07:00", "2027-01-05 18:00", "2027-01-08"], [300, 120, 200]
    )
    assert daily.tolist() == [420.0, 0.0, 0.0, 200.0]
    assert daily.index[0] == pd.Timestamp("2027-01-05")


def test_combined_load_weights_strength():
    run = pd.Series([300.0, 0.0], index=pd.to_datetime(["2027-01-04", "2027-01-05"]))
    lift = pd.Series([200.0], index=pd.to_datetime(["2027-01-06"]))
    total = load.combined_load(run, lift, strength_weight=0.5)
    assert total.tolist() == [300.0, 0.0, 100.0]
    assert load.combined_load(np.array([1.0, 2.0]), np.array([4.0, 4.0]), 0.0).tolist() == [1, 2]


BAD_SERIES = [
    (lambda: load.session_load(11, 30), "rpe"),
    (lambda: load.session_load(5, -1), "minutes"),
    (lambda: load.daily_series(["2027-01-01"], [-5]), "loads"),
    (lambda: load.daily_series(["not a date"], [5]), "dates"),
    (lambda: load.daily_series([], []), "dates"),
    (lambda: load.monotony([100, -1, 0, 0, 0, 0, 0]), "daily_load"),
    (lambda: load.monotony([100, np.nan, 0, 0, 0, 0, 0]), "daily_load"),
    (lambda: load.monotony([1, 2, 3]), "whole weeks"),
    (lambda: load.monotony([]), "daily_load"),
    (lambda: load.strain(pd.Series([1.0, 2.0], index=DAYS[[1, 0]])), "sorted"),
    (lambda: load.acwr(pd.Series([1.0, 2.0], index=DAYS[[0, 0]])), "unique"),
    (lambda: load.acwr(np.ones(30), model="median"), "ACWR model 'median'; known: 'rolling'"),
    (lambda: load.acwr(np.ones(30), acute=28, chronic=7), "acute"),
    (lambda: load.acwr(np.ones(30), model="ewma", coupled=False), "coupled"),
    (lambda: load.ewma(np.ones(30), 0), "days"),
    (lambda: load.fitness_fatigue(np.ones(30), model="runalyze"), "known: 'trainingpeaks'"),
    (lambda: load.fitness_fatigue(np.ones(30), fitness_days=0), "fitness_days"),
    (lambda: load.fitness_fatigue(np.full(30, np.inf)), "daily_load"),
    (lambda: load.banister(np.ones(30), tau1=0), "tau1"),
    (lambda: load.banister(np.ones(30), k2=-1), "k2"),
    (lambda: load.combined_load(np.ones(3), np.ones(4)), "same shape"),
    (lambda: load.combined_load(np.ones(3), np.ones(3), strength_weight=-1), "strength_weight"),
]


@pytest.mark.parametrize(("call", "message"), BAD_SERIES)
def test_bad_input_names_the_problem(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_old_keywords_and_names_still_work_with_a_warning():
    daily = np.random.default_rng(2).uniform(0, 600, 60)
    with pytest.warns(DeprecationWarning, match="method="):
        old = load.acwr(daily, method="ewma")
    np.testing.assert_array_equal(old, load.acwr(daily, model="ewma"))
    with pytest.warns(DeprecationWarning, match="smoothing="):
        old = load.fitness_fatigue(daily, smoothing="exponential")
    pd.testing.assert_frame_equal(old, load.fitness_fatigue(daily, model="exponential"))
    with pytest.warns(DeprecationWarning, match="helpers.strength.strength_minutes"):
        assert load.strength_minutes(15) == 47.5
    one = {"date": ["2027-01-04"], "sets": [3], "primary_muscles": ["glutes"]}
    with pytest.warns(DeprecationWarning, match="helpers.strength.weekly_sets"):
        old = load.weekly_sets(pd.DataFrame({**one, "secondary_muscles": [""]}))
    assert old.loc["2027-01-04", "glutes"] == 3
    assert tuple(load.ACWR_METHODS) == ("rolling", "ewma")
    assert tuple(load.SMOOTHING) == ("trainingpeaks", "exponential")


# --- the arithmetic behind the models (helpers._filters), against the per-day definitions


def _filter_by_day(u, gain, keep, start):
    """y_t = keep·y_{t−1} + gain·u_t, one day at a time in Python floats."""
    out, y = [], start
    for x in u:
        y = keep * y + gain * x
        out.append(y)
    return np.array(out)


@pytest.mark.parametrize("days", [1, 5, 31, 32, 33, 64, 100, 1827])
def test_filters_equal_the_day_by_day_recursion(days):
    rng = np.random.default_rng(days)
    u = np.where(rng.random((3, days)) < 0.7, rng.gamma(4.0, 60.0, (3, days)), 0.0)
    u[1] = 0.0  # an athlete who never trains
    pairs = [(0.25, 0.75), (2 / 29, 27 / 29), (1.0, 0.0), (np.exp(-1 / 7), np.exp(-1 / 7))]
    start = rng.gamma(4.0, 60.0, (3, len(pairs)))
    outs = _filters.linear_filters(u, pairs, start)
    for f, ((gain, keep), out) in enumerate(zip(pairs, outs, strict=True)):
        for a in range(3):
            expected = _filter_by_day(u[a], gain, keep, start[a, f])
            np.testing.assert_allclose(out[a], expected, rtol=1e-12, atol=0)
    (one,) = _filters.linear_filters(u[0], pairs[:1])  # one athlete: a 1-D array, from 0
    np.testing.assert_allclose(one, _filter_by_day(u[0], 0.25, 0.75, 0.0), rtol=1e-12, atol=0)


def test_fitness_fatigue_and_ewma_ratio_equal_the_per_day_loop_and_pandas():
    rng = np.random.default_rng(3)
    u = np.where(rng.random((4, 400)) < 0.6, rng.gamma(4.0, 60.0, (4, 400)), 0.0)
    u[2] = 0.0
    ratio = load.acwr(u, model="ewma")
    table = load.fitness_fatigue(u)
    for a in (0, 1, 3):
        series = pd.Series(u[a])
        acute = series.ewm(span=7, adjust=False).mean()
        chronic = series.ewm(span=28, adjust=False).mean()
        np.testing.assert_allclose(ratio[a], (acute / chronic.where(chronic > 0)), rtol=1e-12)
        fitness = _filter_by_day(u[a], 1 / 42, 41 / 42, 0.0)
        fatigue = _filter_by_day(u[a], 1 / 7, 6 / 7, 0.0)
        np.testing.assert_allclose(table["fitness"][a], fitness, rtol=1e-12)
        np.testing.assert_allclose(table["fatigue"][a], fatigue, rtol=1e-12)
        form = np.concatenate([[0.0], (fitness - fatigue)[:-1]])
        np.testing.assert_allclose(table["form"][a], form, rtol=1e-9, atol=1e-9)
    assert np.isnan(ratio[2]).all()


def test_impulses_equal_the_double_sum():
    rng = np.random.default_rng(11)
    u = rng.gamma(4.0, 60.0, 150)
    fitness, fatigue = _filters.impulses(u, (42.0, 7.0))
    for tau, out in ((42.0, fitness), (7.0, fatigue)):
        expected = [sum(u[s] * math.exp(-(t - s) / tau) for s in range(t)) for t in range(150)]
        np.testing.assert_allclose(out, expected, rtol=1e-12, atol=0)


def test_rolling_ratio_and_weekly_monotony_equal_pandas():
    rng = np.random.default_rng(5)
    u = np.where(rng.random((5, 70)) < 0.6, rng.gamma(4.0, 60.0, (5, 70)), 0.0)
    u[3, 20:60] = 0.0  # a long break: the chronic load reaches 0
    got = _filters.rolling_ratio(u, 7, 28)
    for a in range(5):
        s = pd.Series(u[a])
        chronic = s.rolling(28).mean()
        np.testing.assert_allclose(got[a], s.rolling(7).mean() / chronic.where(chronic > 0))
    weeks = u.reshape(5, 10, 7)
    total, mono = _filters.weekly_load_and_monotony(weeks)
    np.testing.assert_allclose(total, weeks.sum(axis=-1))
    by_pandas = pd.DataFrame(weeks.reshape(-1, 7)).T
    sd = by_pandas.std(ddof=0)
    np.testing.assert_allclose(mono.ravel(), by_pandas.mean() / sd.where(sd > 0))
