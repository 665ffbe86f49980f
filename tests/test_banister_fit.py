"""Tests for helpers.banister_fit: fitting Banister's model to a few races, and its profile."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from helpers import banister_fit as bf


def impulse_by_hand(load: np.ndarray, t: int, tau: float) -> float:
    """Σ_{s<t} L_s e^{−(t−s)/τ}, one term at a time (Banister 1975), independent of the code."""
    return sum(load[s] * math.exp(-(t - s) / tau) for s in range(t))


@pytest.fixture(scope="module")
def athlete():
    return bf.synthetic_athlete(seed=3)


def test_race_signals_equal_the_sum_written_out(athlete):
    daily, races = athlete
    signals = bf.race_signals(daily, races.index, [7.0, 42.0])
    load = daily.to_numpy()
    for date in races.index[:3]:
        t = daily.index.get_loc(date)
        for tau in (7.0, 42.0):
            assert signals.loc[date, tau] == pytest.approx(impulse_by_hand(load, t, tau))


def test_fit_grid_row_equals_the_normal_equations_by_hand(athlete):
    daily, races = athlete
    fit = bf.fit_grid(daily, races, [30.0, 45.0], [5.0, 11.0])
    row = fit[(fit["tau1"] == 45.0) & (fit["tau2"] == 11.0)].iloc[0]
    load = daily.to_numpy()
    ts = [daily.index.get_loc(d) for d in races.index]
    x = np.array(
        [[1.0, impulse_by_hand(load, t, 45.0), -impulse_by_hand(load, t, 11.0)] for t in ts]
    )
    y = races.to_numpy()
    p0, k1, k2 = np.linalg.solve(x.T @ x, x.T @ y)  # (XᵀX) β = Xᵀy
    sse = float(np.sum((x @ [p0, k1, k2] - y) ** 2))
    assert (row["p0"], row["k1"], row["k2"]) == pytest.approx((p0, k1, k2), rel=1e-6)
    assert row["sse"] == pytest.approx(sse, rel=1e-6)
    assert row["rmse"] == pytest.approx(math.sqrt(sse / len(y)))
    assert len(fit) == 4 and (fit["tau1"] > fit["tau2"]).all()


def test_without_noise_the_fit_recovers_the_true_constants():
    daily, races = bf.synthetic_athlete(seed=5, noise_sd=0.0)
    truth = bf.SYNTHETIC_TRUTH
    fit = bf.fit_grid(daily, races, [30.0, truth["tau1"], 60.0], [4.0, truth["tau2"], 20.0])
    best = fit.loc[fit["sse"].idxmin()]
    assert (best["tau1"], best["tau2"]) == (truth["tau1"], truth["tau2"])
    # results are rounded to 0.01 points, so the gains come back to about 3 digits
    assert best["k1"] == pytest.approx(truth["k1"], rel=0.02)
    assert best["k2"] == pytest.approx(truth["k2"], rel=0.05)
    assert best["rmse"] < 0.01


def test_six_races_cannot_pin_down_the_time_constants():
    # the lesson's athlete (seed 7): over a wide grid the 95 % profile interval of each
    # constant spans most of it
    daily, races = bf.synthetic_athlete(seed=7)
    fit = bf.fit_grid(daily, races, np.arange(10, 101, 5), np.arange(2, 31))
    low1, high1 = bf.profile_interval(fit, "tau1", len(races))
    low2, high2 = bf.profile_interval(fit, "tau2", len(races))
    assert high1 - low1 >= 50 and high2 - low2 >= 20


def test_profile_interval_by_hand():
    # n = 6 races; profile of tau1: min SSE 1.0 at 40, 1.5 at 30, 2.0 at 50, 3.0 at 60.
    # 6·ln(1.5) = 2.43 ≤ 3.84; 6·ln(2) = 4.16 > 3.84; so the interval is 30–40
    fit = pd.DataFrame(
        {
            "tau1": [30, 30, 40, 40, 50, 60],
            "tau2": [5, 10, 5, 10, 5, 5],
            "sse": [1.5, 2.5, 1.0, 1.2, 2.0, 3.0],
        }
    )
    assert bf.profile_interval(fit, "tau1", 6) == (30.0, 40.0)
    # tau2: min SSE 1.0 at 5, 1.2 at 10: 6·ln(1.2) = 1.09, both inside
    assert bf.profile_interval(fit, "tau2", 6) == (5.0, 10.0)
    assert bf.CHI2_1DF_95 == pytest.approx(3.841459, abs=1e-6)


def test_the_synthetic_athlete_is_seeded():
    a_load, a_races = bf.synthetic_athlete(seed=11)
    b_load, b_races = bf.synthetic_athlete(seed=11)
    pd.testing.assert_series_equal(a_load, b_load)
    pd.testing.assert_series_equal(a_races, b_races)
    assert not a_races.equals(bf.synthetic_athlete(seed=12)[1])
    assert (a_races.index.day_of_week == 6).all() and (a_load >= 0).all()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d, r: bf.fit_grid(d, r.iloc[:3], [40], [7]), "at least 4 races"),
        (lambda d, r: bf.fit_grid(d, r.to_numpy(), [40], [7]), "performance must be a Series"),
        (lambda d, r: bf.fit_grid(d, r, [5], [7]), "tau1_days must hold"),
        (lambda d, r: bf.fit_grid(d, r, [40], [-1]), "tau2_days"),
        (lambda d, r: bf.race_signals(d, ["2030-01-01"], [7]), "2030-01-01"),
        (lambda d, r: bf.profile_interval(pd.DataFrame(), "k1", 6), "'tau1' or 'tau2'"),
        (lambda d, r: bf.synthetic_athlete(race_weeks=[60]), "race_weeks"),
    ],
)
def test_bad_input_names_the_parameter(athlete, call, message):
    with pytest.raises(ValueError, match=message):
        call(*athlete)
