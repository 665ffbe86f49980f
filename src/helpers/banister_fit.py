"""Fitting Banister's fitness–fatigue model to a runner's races, and how flat that fit is.

Banister's model (:func:`helpers.load.banister`) predicts performance on day *t* as

.. math:: p_t = p_0 + k_1 g_t(\\tau_1) - k_2 h_t(\\tau_2), \\quad
          g_t(\\tau) = \\sum_{s<t} L_s e^{-(t-s)/\\tau}

Fitting software chooses the four constants that best reproduce measured performances. Once the
two time constants are fixed, the model is linear in :math:`p_0, k_1, k_2`, so ordinary least
squares gives the best gains exactly. :func:`fit_grid` does that for every pair of time
constants on a grid: the table of errors it returns is the *profile* of the fit, and
:func:`profile_interval` reads a likelihood-ratio interval for one time constant off it. With
the handful of races a marathoner runs in a year, that profile is nearly flat: very different
time constants reproduce the races about equally well. This is why the course keeps 42 and 7
days as stated conventions rather than fitted, personal numbers.

Units: daily load [AU] (session-RPE), time constants [days], performance in the unit measured
(here a VDOT-like score). Everything is deterministic; :func:`synthetic_athlete` is seeded.

Example
-------
>>> daily, races = synthetic_athlete(seed=1)
>>> fit = fit_grid(daily, races, tau1_days=[30, 45, 60], tau2_days=[5, 10])
>>> len(fit), list(fit.columns)
(6, ['tau1', 'tau2', 'p0', 'k1', 'k2', 'sse', 'rmse'])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import check_integer, check_range
from helpers.load import banister

#: 95th percentile of the chi-square distribution with one degree of freedom, the cut-off of a
#: 95 % likelihood-ratio interval for one parameter: 1.959964², the square of the normal
#: distribution's 97.5th percentile.
CHI2_1DF_95 = 1.959963984540054**2

#: The synthetic athlete's true constants (:func:`synthetic_athlete`): a baseline VDOT-like
#: score of 40, fitness 45-day, fatigue 11-day, gains per AU.
SYNTHETIC_TRUTH = {"p0": 40.0, "k1": 0.0008, "k2": 0.0016, "tau1": 45.0, "tau2": 11.0}

#: One week of the synthetic athlete's session-RPE loads, Monday first [AU].
_WEEK_AU = np.array([0.0, 400.0, 250.0, 350.0, 0.0, 250.0, 500.0])
#: The 4-week cycle of the synthetic athlete's volume (three building weeks, one recovery week).
_CYCLE = np.array([1.0, 1.1, 1.2, 0.8])


def race_signals(daily_load: pd.Series, race_dates, tau_days) -> pd.DataFrame:
    """Banister's impulse sum :math:`\\sum_{s<t} L_s e^{-(t-s)/\\tau}` on each race day.

    Parameters
    ----------
    daily_load : Series
        Daily load [AU] indexed by date (missing days are rest days, as in
        :func:`helpers.load.banister`).
    race_dates : sequence of dates
        Race days, inside the load's dates.
    tau_days : sequence of float
        Time constants [days], > 0.

    Returns
    -------
    DataFrame
        One row per race date, one column per time constant.
    """
    taus = _taus("tau_days", tau_days)
    races = pd.DatetimeIndex(pd.to_datetime(race_dates)).normalize()
    columns = {}
    for tau in taus:
        # banister's fitness column is the unweighted impulse sum with time constant tau1
        sums = banister(daily_load, tau1=tau, tau2=tau)["fitness"]
        missing = races.difference(sums.index)
        if len(missing):
            raise ValueError(
                f"race_dates must fall inside daily_load's dates "
                f"({sums.index[0].date()} to {sums.index[-1].date()}), got {missing[0].date()}"
            )
        columns[tau] = sums.loc[races].to_numpy()
    return pd.DataFrame(columns, index=races)


def fit_grid(daily_load: pd.Series, performance: pd.Series, tau1_days, tau2_days) -> pd.DataFrame:
    """Least-squares fit of :math:`p_0, k_1, k_2` for every pair of time constants on a grid.

    For each pair :math:`(\\tau_1, \\tau_2)` with :math:`\\tau_1 > \\tau_2` the design matrix
    has the columns :math:`1, g(\\tau_1), -h(\\tau_2)` at the race days, and ordinary least
    squares gives the gains; ``sse`` is the sum of squared errors and ``rmse``
    :math:`\\sqrt{\\mathrm{sse}/n}` over the :math:`n` races. The gains are not constrained to
    be positive: a negative gain is the fit telling you the data do not pin the model down.

    Parameters
    ----------
    daily_load : Series
        Daily load [AU] indexed by date.
    performance : Series
        Measured performance on race days, indexed by date; at least 4 races (3 gains + 1).
    tau1_days, tau2_days : sequence of float
        Grids of fitness and fatigue time constants [days], > 0.

    Returns
    -------
    DataFrame
        Columns ``tau1, tau2, p0, k1, k2, sse, rmse``, one row per pair with tau1 > tau2,
        sorted by tau1 then tau2.

    References
    ----------
    Banister EW, Calvert TW, Savage MV, Bach T (1975). A systems model of training for athletic
    performance. Aust J Sports Med 7:57–61.
    Hellard P, Avalos M, Lacoste L, et al. (2006). Assessing the limitations of the Banister
    model in monitoring training. J Sports Sci 24:509–520. doi:10.1080/02640410500244697
    """
    if not isinstance(performance, pd.Series):
        raise ValueError(f"performance must be a Series indexed by race date, got {performance!r}")
    if len(performance) < 4:
        raise ValueError(
            f"performance needs at least 4 races to fit p0, k1 and k2 with an error left over, "
            f"got {len(performance)}"
        )
    measured = performance.to_numpy(dtype=float)
    if not np.all(np.isfinite(measured)):
        raise ValueError("performance must be finite numbers, got a missing or infinite value")
    taus1, taus2 = _taus("tau1_days", tau1_days), _taus("tau2_days", tau2_days)
    signals = race_signals(daily_load, performance.index, sorted(set(taus1) | set(taus2)))
    rows = []
    for tau1 in taus1:
        for tau2 in taus2:
            if tau1 <= tau2:
                continue
            design = np.column_stack(
                [np.ones(len(measured)), signals[tau1].to_numpy(), -signals[tau2].to_numpy()]
            )
            coef, *_ = np.linalg.lstsq(design, measured, rcond=None)
            sse = float(np.sum((design @ coef - measured) ** 2))
            rows.append((tau1, tau2, *coef, sse))
    if not rows:
        raise ValueError("tau1_days must hold at least one value above a value of tau2_days")
    table = pd.DataFrame(rows, columns=["tau1", "tau2", "p0", "k1", "k2", "sse"])
    table["rmse"] = np.sqrt(table["sse"] / len(measured))
    return table


def profile_interval(fit: pd.DataFrame, parameter: str, n_races: int, level_chi2=CHI2_1DF_95):
    """Likelihood-ratio interval of one time constant from a :func:`fit_grid` table.

    With normal errors of unknown spread, the profile likelihood ratio of a time constant
    value *v* is :math:`n \\ln(\\mathrm{SSE}_{\\min}(v) / \\mathrm{SSE}_{\\min})`, where
    :math:`\\mathrm{SSE}_{\\min}(v)` is the smallest error over the other constant with the
    parameter held at *v*. The interval holds the grid values where that ratio stays at or below
    ``level_chi2`` (3.84 for 95 %). With a handful of races the large-sample theory behind the
    cut-off is rough: read the interval as "the values the data cannot rule out", and mind the
    grid's edges (an interval that reaches an edge is open-ended).

    Parameters
    ----------
    fit : DataFrame
        A :func:`fit_grid` table.
    parameter : {"tau1", "tau2"}
        The time constant.
    n_races : int
        Number of races the fit used, ≥ 4.
    level_chi2 : float, default 3.84
        Cut-off of the ratio.

    Returns
    -------
    tuple of float
        (lowest, highest) grid value inside the interval [days].
    """
    if parameter not in ("tau1", "tau2"):
        raise ValueError(f"parameter must be 'tau1' or 'tau2', got {parameter!r}")
    check_integer("n_races", n_races, 4)
    check_range("level_chi2", level_chi2, 0, low_inclusive=False)
    profile = fit.groupby(parameter)["sse"].min()
    best = profile.min()
    if best <= 0:
        inside = profile.index[profile <= 0]
    else:
        inside = profile.index[n_races * np.log(profile / best) <= level_chi2]
    return float(inside.min()), float(inside.max())


def synthetic_athlete(
    seed: int = 7, weeks: int = 52, race_weeks=(8, 16, 24, 32, 40, 48), noise_sd: float = 0.4
):
    """A year of daily loads and a few race results from known Banister constants.

    The loads repeat one week (:data:`_WEEK_AU`, rest on Monday and Friday, the long run on
    Sunday) in 4-week cycles of 1.0, 1.1, 1.2 and 0.8 times, with a 10 % rise over the year and
    lognormal day-to-day noise (σ = 0.2). Races are on the Sunday of ``race_weeks``; each
    result is Banister's performance with :data:`SYNTHETIC_TRUTH` plus normal noise of
    ``noise_sd`` (0.4 points is about 1 % of a VDOT of 45, a plausible race-to-race spread).

    Parameters
    ----------
    seed : int
        Seed of the random generator.
    weeks : int
        Length of the year [weeks], 12–104.
    race_weeks : sequence of int
        Week numbers (1 = the first week) of the races.
    noise_sd : float
        Spread of the race results around the model [points], ≥ 0.

    Returns
    -------
    tuple of (Series, Series)
        Daily load [AU] from Monday 6 January 2025, and race performance indexed by date.

    Examples
    --------
    >>> daily, races = synthetic_athlete(seed=1)
    >>> len(daily), len(races), races.index[0].day_name()
    (364, 6, 'Sunday')
    """
    check_integer("weeks", weeks, 12, 104)
    check_range("noise_sd", noise_sd, 0)
    race_weeks = [int(w) for w in race_weeks]
    if not race_weeks or min(race_weeks) < 1 or max(race_weeks) > weeks:
        raise ValueError(f"race_weeks must be week numbers from 1 to {weeks}, got {race_weeks}")
    rng = np.random.default_rng(seed)
    days = pd.date_range("2025-01-06", periods=7 * weeks, freq="D", name="date")
    week_of_day = np.arange(len(days)) // 7
    trend = 1.0 + 0.1 * week_of_day / max(weeks - 1, 1)
    load = np.tile(_WEEK_AU, weeks) * _CYCLE[week_of_day % 4] * trend
    load = np.round(load * rng.lognormal(0.0, 0.2, len(days)))
    daily = pd.Series(load, index=days, name="load")
    race_days = days[[7 * w - 1 for w in race_weeks]]
    truth = SYNTHETIC_TRUTH
    model = banister(daily, k1=truth["k1"], k2=truth["k2"], tau1=truth["tau1"], tau2=truth["tau2"])
    clean = truth["p0"] + model["performance"].loc[race_days].to_numpy()
    results = clean + rng.normal(0.0, noise_sd, len(race_days))
    return daily, pd.Series(np.round(results, 2), index=race_days, name="performance")


def _taus(name: str, values) -> list[float]:
    taus = [float(v) for v in np.atleast_1d(values)]
    if not taus:
        raise ValueError(f"{name} must hold at least one time constant, got none")
    for tau in taus:
        check_range(name, tau, 0, low_inclusive=False, unit="days")
    return taus
