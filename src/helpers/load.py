"""Training load: session-RPE, monotony and strain, ACWR, fitness–fatigue and Banister models.

All models take a **daily load** [AU]: one number per calendar day, usually session-RPE
(CR-10 RPE × minutes, :func:`session_load`) summed over the day's sessions. Conventions:

- A date-indexed :class:`pandas.Series` may skip days: **missing days are rest days (load 0)**
  and are filled in. Its dates must be sorted and unique.
- A numpy array is taken as consecutive days along its last axis; a 2-D array is
  athletes × days, and every model runs on all athletes at once.
- Loads must be finite and ≥ 0; an empty series is refused.

"Load" in the course's code means this training load [AU] only. Weekly hard sets and a strength
session's minutes are counted by :func:`helpers.strength.weekly_sets` and
:func:`helpers.strength.strength_minutes`, and a kind of training day is ``training=`` of
:func:`helpers.fueling.daily_carbs`.

Example
-------
>>> import pandas as pd
>>> days = pd.date_range("2027-01-04", periods=28, freq="D")
>>> daily = pd.Series(300.0, index=days)
>>> float(acwr(daily).iloc[-1])
1.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _filters, strength
from helpers._checks import as_float_array, check_integer, check_range, like_input
from helpers._registry import Registry
from helpers._renamed import moved, renamed

#: The acute:chronic ratios by name (``model=`` of :func:`acwr`). A new one is a function of
#: (daily loads as athletes × days, acute, chronic, coupled) and its line of registration.
ACWR_MODELS = Registry("ACWR model")
#: The smoothing conventions of :func:`fitness_fatigue` by name (``model=``): each gives the
#: weight k of the exponential smoothing from a time constant N [days].
FITNESS_FATIGUE_MODELS = Registry("fitness–fatigue model")


def session_load(rpe, minutes):
    r"""Session load by the session-RPE method [AU].

    .. math:: L = \mathrm{RPE} \times t

    Parameters
    ----------
    rpe : float, array or Series
        Rating of the whole session on Foster's CR-10 scale (0–10), asked about 30 min after it.
    minutes : float, array or Series
        Session duration [min], ≥ 0.

    Returns
    -------
    float, array or Series, like ``rpe``
        Session load [AU].

    Examples
    --------
    >>> session_load(6, 50)
    300.0

    References
    ----------
    Foster C, Florhaug JA, Franklin J, et al. (2001). A new approach to monitoring exercise
    training. J Strength Cond Res 15:109–115.
    """
    check_range("rpe", rpe, 0, 10)
    check_range("minutes", minutes, 0, unit="min")
    return like_input(rpe, as_float_array("rpe", rpe) * as_float_array("minutes", minutes))


def daily_series(dates, loads) -> pd.Series:
    """One load per calendar day from session dates and loads.

    Sessions on the same day are summed; days without a session are rest days (0), so the
    result covers every day from the first to the last date.

    Parameters
    ----------
    dates : sequence of date-like
        Session dates (any order; times of day are dropped).
    loads : sequence of float
        Session loads [AU], finite and ≥ 0, one per date.

    Returns
    -------
    Series
        Daily load [AU] indexed by a daily ``DatetimeIndex`` named ``date``.
    """
    try:
        days = pd.to_datetime(pd.Series(dates), format="mixed").dt.normalize()
    except (ValueError, TypeError) as err:
        raise ValueError(f"dates must be dates, got {dates!r:.80} ({err})") from None
    values = as_float_array("loads", loads)
    if values.ndim != 1 or len(values) != len(days):
        raise ValueError(
            f"loads must have one value per date: {len(days)} dates, got shape {values.shape}"
        )
    if len(values) == 0:
        raise ValueError("dates must not be empty")
    check_range("loads", values, 0, unit="AU")
    if days.dt.tz is not None:
        days = days.dt.tz_localize(None)
    summed = pd.Series(values, index=pd.DatetimeIndex(days)).groupby(level=0).sum()
    full = pd.date_range(summed.index[0], summed.index[-1], freq="D", name="date")
    return summed.reindex(full, fill_value=0.0).rename("load")


def _daily(daily_load, name: str = "daily_load"):
    """Validate a daily load; return (array with days on the last axis, daily index or None)."""
    if isinstance(daily_load, pd.Series):
        index = daily_load.index
        if not isinstance(index, pd.DatetimeIndex):
            arr = as_float_array(name, daily_load.to_numpy())
            return _check_values(name, arr), None
        if index.has_duplicates:
            dup = index[index.duplicated()][0]
            raise ValueError(f"{name} must have unique dates, got {dup.date()} twice")
        if not index.is_monotonic_increasing:
            raise ValueError(f"{name} must have sorted dates (oldest first)")
        values = _check_values(name, as_float_array(name, daily_load.to_numpy()))
        days = index.normalize()
        if days.has_duplicates:
            raise ValueError(f"{name} must have one value per day, got several on one day")
        full = pd.date_range(days[0], days[-1], freq="D", name=index.name or "date")
        filled = pd.Series(values, index=days).reindex(full, fill_value=0.0)
        return filled.to_numpy(), full
    arr = as_float_array(name, daily_load)
    if arr.ndim not in (1, 2):
        raise ValueError(f"{name} must be 1-D (days) or 2-D (athletes × days), got {arr.ndim}-D")
    return _check_values(name, arr), None


def _check_values(name: str, arr: np.ndarray) -> np.ndarray:
    if arr.shape[-1] == 0:
        raise ValueError(f"{name} must not be empty")
    check_range(name, arr, 0, unit="AU")
    return arr


def _weeks(arr: np.ndarray, index, name: str):
    """Days regrouped as (..., weeks, 7) and the ISO-week Mondays (or None for arrays)."""
    if index is not None:
        lead = index[0].weekday()  # days before the first date in its ISO week
        tail = 6 - index[-1].weekday()
        padded = np.concatenate([np.zeros(lead), arr, np.zeros(tail)])
        mondays = pd.date_range(
            index[0] - pd.Timedelta(days=lead), periods=len(padded) // 7, freq="7D", name="week"
        )
        return padded.reshape(-1, 7), mondays
    if arr.shape[-1] % 7:
        raise ValueError(
            f"{name} must cover whole weeks (a multiple of 7 days), got {arr.shape[-1]} days"
        )
    return arr.reshape(*arr.shape[:-1], -1, 7), None


def _per_week(values: np.ndarray, mondays, daily_load):
    """Weekly results shaped like the input: a Series by Monday, a scalar for one week, or an
    array."""
    if mondays is not None:
        return pd.Series(values, index=mondays, name=getattr(daily_load, "name", None))
    if np.ndim(daily_load) == 1 and values.shape[-1] == 1:
        return float(values[0])
    return values


def monotony(daily_load):
    r"""Training monotony per week: mean daily load ÷ its standard deviation.

    .. math:: M = \bar{L} / \sigma_L \quad (7 \text{ daily loads, rest days } 0,
              \text{ population SD})

    Parameters
    ----------
    daily_load : Series, array
        Daily load [AU]. A date-indexed Series gives one value per ISO week (Monday to Sunday;
        days outside the series, and missing days, are rest days). An array must cover whole
        weeks: 7 values give a scalar, more give one value per block of 7 days; a 2-D array is
        athletes × days.

    Returns
    -------
    float, array or Series
        Monotony (dimensionless). NaN for a week whose seven loads are all equal (SD = 0), where
        the ratio is undefined. Practitioners flag monotony > 2 (a rule of thumb, not validated).

    Examples
    --------
    >>> round(monotony([300, 0, 300, 0, 300, 0, 0]), 3)
    0.866

    References
    ----------
    Foster C (1998). Monitoring training in athletes with reference to overtraining syndrome.
    Med Sci Sports Exerc 30:1164–1168. doi:10.1097/00005768-199807000-00023
    """
    arr, index = _daily(daily_load)
    weeks, mondays = _weeks(arr, index, "daily_load")
    return _per_week(_filters.weekly_load_and_monotony(weeks)[1], mondays, daily_load)


def strain(daily_load):
    r"""Training strain per week: weekly load × monotony [AU].

    .. math:: S = \left(\sum_{d=1}^{7} L_d\right) \times M

    Parameters and shapes as :func:`monotony`. NaN where monotony is undefined.

    References
    ----------
    Foster C (1998). Med Sci Sports Exerc 30:1164–1168. doi:10.1097/00005768-199807000-00023
    """
    arr, index = _daily(daily_load)
    weeks, mondays = _weeks(arr, index, "daily_load")
    weekly_load, weekly_monotony = _filters.weekly_load_and_monotony(weeks)
    return _per_week(weekly_load * weekly_monotony, mondays, daily_load)


def ewma(daily_load, days: int):
    r"""Exponentially weighted moving average with λ = 2/(N+1), seeded with the first day's load.

    .. math:: E_0 = L_0, \quad E_t = \lambda L_t + (1 - \lambda) E_{t-1}

    The same as pandas ``Series.ewm(span=N, adjust=False).mean()``.

    Parameters
    ----------
    daily_load : Series or array
        Daily load [AU] (see the module's conventions).
    days : int
        Span N [days], ≥ 1.

    Returns
    -------
    Series or array, like the input (a Series is reindexed to every day).

    References
    ----------
    Williams S, West S, Cross MJ, Stokes KA (2017). Better way to determine the acute:chronic
    workload ratio? Br J Sports Med 51:209–210. doi:10.1136/bjsports-2016-096589
    """
    days = check_integer("days", days, 1)
    arr, index = _daily(daily_load)
    (out,) = _filters.recursive(arr, (2.0 / (days + 1.0),), seed_first=True)
    return _daily_like(out, index, daily_load, "ewma")


def _daily_like(values: np.ndarray, index, daily_load, name: str):
    if index is not None:
        return pd.Series(values, index=index, name=name)
    if isinstance(daily_load, pd.Series):
        return pd.Series(values, index=daily_load.index, name=name)
    return values


@renamed(method="model")
def acwr(
    daily_load, model: str = "rolling", acute: int = 7, chronic: int = 28, coupled: bool = True
):
    r"""Acute:chronic workload ratio.

    ``model="rolling"``: mean daily load of the last ``acute`` days ÷ mean daily load of the
    chronic window (with the defaults: the 7-day load ÷ the mean weekly load of 28 days).

    .. math:: \mathrm{ACWR}_t = \frac{\frac{1}{a}\sum_{s=t-a+1}^{t} L_s}
              {\frac{1}{|C_t|}\sum_{s \in C_t} L_s}

    The chronic window :math:`C_t` spans the last ``chronic`` days. ``coupled=True`` (Hulin et
    al. 2016) keeps the acute days in it; ``coupled=False`` drops them, leaving the
    ``chronic − acute`` days before the acute window: with the defaults, the acute week against
    the mean of the 3 weeks before it, as Lolli et al. (2019) and Windt & Gabbett (2019) define
    the uncoupled ratio. Both need ``chronic`` days of history; earlier days are NaN. With weekly
    windows (7 and 28 days) the two are tied by arithmetic: uncoupled = 3c / (4 − c) for a
    coupled ratio c.

    ``model="ewma"``: acute EWMA ÷ chronic EWMA with λ = 2/(N+1) (Williams et al. 2017), each
    seeded with the first day's load; only ``coupled=True`` is defined.

    Parameters
    ----------
    daily_load : Series or array
        Daily load [AU] (see the module's conventions).
    model : {"rolling", "ewma"}
        One of :data:`ACWR_MODELS`. The keyword ``method=`` of earlier versions still works,
        with a DeprecationWarning.
    acute, chronic : int
        Window lengths [days], 1 ≤ acute < chronic.
    coupled : bool
        Whether the chronic window includes the acute days (rolling only); uncoupled, the
        chronic mean is over the ``chronic − acute`` days before the acute window.

    Returns
    -------
    Series or array, like the input
        The ratio (dimensionless); NaN where the chronic load is 0. A "sweet spot" of 0.8–1.3 and
        danger above 1.5 were proposed (Gabbett 2016), but later analyses found little predictive
        value (Impellizzeri et al. 2021).

    References
    ----------
    Hulin BT, Gabbett TJ, Lawson DW, et al. (2016). Br J Sports Med 50:231–236.
    doi:10.1136/bjsports-2015-094817
    Williams S, West S, Cross MJ, Stokes KA (2017). Br J Sports Med 51:209–210.
    doi:10.1136/bjsports-2016-096589
    Lolli L, Batterham AM, Hawkins R, et al. (2019). Br J Sports Med 53:921–922.
    doi:10.1136/bjsports-2017-098110
    Windt J, Gabbett TJ (2019). Is it all for naught? What does mathematical coupling mean for
    acute:chronic workload ratios? Br J Sports Med 53:988–990. doi:10.1136/bjsports-2017-098925
    Impellizzeri FM, Woodcock S, Coutts AJ, et al. (2021). Sports Med 51:581–592.
    doi:10.1007/s40279-020-01378-6
    """
    ratio_of = ACWR_MODELS.get(model)
    acute = check_integer("acute", acute, 1)
    chronic = check_integer("chronic", chronic, 2)
    if acute >= chronic:
        raise ValueError(
            f"acute must be shorter than chronic, got acute={acute}, chronic={chronic}"
        )
    if not isinstance(coupled, bool):
        raise ValueError(f"coupled must be True or False, got {coupled!r}")
    arr, index = _daily(daily_load)
    return _daily_like(ratio_of(arr, acute, chronic, coupled), index, daily_load, "acwr")


@ACWR_MODELS.register("rolling")
def _rolling_acwr(arr: np.ndarray, acute: int, chronic: int, coupled: bool) -> np.ndarray:
    lag = 0 if coupled else acute  # uncoupled: the chronic days before the acute ones
    return _filters.rolling_ratio(arr, acute, chronic - lag, lag=lag)


@ACWR_MODELS.register("ewma")
def _ewma_acwr(arr: np.ndarray, acute: int, chronic: int, coupled: bool) -> np.ndarray:
    if not coupled:
        raise ValueError("coupled=False is defined for model='rolling' only, got model='ewma'")
    weights = (2.0 / (acute + 1.0), 2.0 / (chronic + 1.0))
    acute_ewma, chronic_ewma = _filters.recursive(arr, weights, seed_first=True)
    return _filters.ratio(acute_ewma, chronic_ewma)


#: The former name of :data:`ACWR_MODELS` (kept so older notebooks still run).
ACWR_METHODS = ACWR_MODELS


@renamed(smoothing="model")
def fitness_fatigue(
    daily_load, fitness_days: int = 42, fatigue_days: int = 7, model: str = "trainingpeaks"
):
    r"""Fitness (chronic load), fatigue (acute load) and form, as training tools compute them.

    Each is an exponentially smoothed daily load, starting from 0:

    .. math:: x_t = x_{t-1} + k\,(L_t - x_{t-1}), \qquad
              \text{form}_t = \text{fitness}_{t-1} - \text{fatigue}_{t-1}

    with :math:`k = 1/N` (``model="trainingpeaks"``: CTL/ATL/TSB) or
    :math:`k = 1 - e^{-1/N}` (``"exponential"``: GoldenCheetah, intervals.icu). Form on the
    first day is 0. The two conventions give the same shape but different numbers; "form" in
    particular depends on the choice.

    Parameters
    ----------
    daily_load : Series or array
        Daily load [AU] (see the module's conventions).
    fitness_days, fatigue_days : int
        Time constants N [days], ≥ 1.
    model : {"trainingpeaks", "exponential"}
        The smoothing convention, one of :data:`FITNESS_FATIGUE_MODELS`. The keyword
        ``smoothing=`` of earlier versions still works, with a DeprecationWarning.

    Returns
    -------
    DataFrame or dict
        For a Series or a 1-D array: a DataFrame with columns ``fitness``, ``fatigue``, ``form``
        [AU/day] (indexed by day for a Series). For a 2-D array (athletes × days): a dict of
        three arrays of that shape.

    References
    ----------
    Banister EW, Calvert TW, Savage MV, Bach T (1975). A systems model of training for athletic
    performance. Aust J Sports Med 7:57–61.
    """
    fitness_days = check_integer("fitness_days", fitness_days, 1)
    fatigue_days = check_integer("fatigue_days", fatigue_days, 1)
    smoothing_weight = FITNESS_FATIGUE_MODELS.get(model)
    arr, index = _daily(daily_load)
    weights = (smoothing_weight(fitness_days), smoothing_weight(fatigue_days))
    fitness, fatigue = _filters.recursive(arr, weights)
    form = np.zeros(arr.shape)  # yesterday's fitness − fatigue; 0 on the first day
    np.subtract(fitness[..., :-1], fatigue[..., :-1], out=form[..., 1:])
    return _table({"fitness": fitness, "fatigue": fatigue, "form": form}, arr, index, daily_load)


@FITNESS_FATIGUE_MODELS.register("trainingpeaks")
def _trainingpeaks_weight(days: int) -> float:
    return 1.0 / days


@FITNESS_FATIGUE_MODELS.register("exponential")
def _exponential_weight(days: int) -> float:
    return 1.0 - np.exp(-1.0 / days)


#: The former name of :data:`FITNESS_FATIGUE_MODELS` (kept so older notebooks still run).
SMOOTHING = FITNESS_FATIGUE_MODELS


def _table(columns: dict, arr: np.ndarray, index, daily_load):
    if arr.ndim == 2:
        return columns
    if index is None and isinstance(daily_load, pd.Series):
        index = daily_load.index
    return pd.DataFrame(columns, index=index)


def banister(
    daily_load,
    k1: float = 1.0,
    k2: float = 2.0,
    tau1: float = 42.0,
    tau2: float = 7.0,
    p0: float = 0.0,
):
    r"""Banister's impulse–response model of performance.

    .. math:: g_t = \sum_{s<t} L_s e^{-(t-s)/\tau_1}, \quad
              h_t = \sum_{s<t} L_s e^{-(t-s)/\tau_2}, \quad
              p_t = p_0 + k_1 g_t - k_2 h_t

    computed recursively as :math:`g_t = e^{-1/\tau}(g_{t-1} + L_{t-1})`, :math:`g_0 = 0`.

    Parameters
    ----------
    daily_load : Series or array
        Daily load [AU] (see the module's conventions).
    k1, k2 : float
        Gains of fitness and fatigue, ≥ 0 (conventional 1 and 2).
    tau1, tau2 : float
        Decay time constants [days], > 0 (conventional 42 and 7). Fitted values vary widely
        between athletes (Hellard et al. 2006).
    p0 : float
        Baseline performance [model units].

    Returns
    -------
    DataFrame or dict
        ``fitness``, ``fatigue`` (unweighted sums) and ``performance``; shapes as
        :func:`fitness_fatigue`.

    References
    ----------
    Banister EW, Calvert TW, Savage MV, Bach T (1975). Aust J Sports Med 7:57–61.
    Hellard P, Avalos M, Lacoste L, et al. (2006). Assessing the limitations of the Banister model
    in monitoring training. J Sports Sci 24:509–520. doi:10.1080/02640410500244697
    """
    for name, value in (("k1", k1), ("k2", k2)):
        check_range(name, value, 0)
    for name, value in (("tau1", tau1), ("tau2", tau2)):
        check_range(name, value, 0, low_inclusive=False, unit="days")
    check_range("p0", p0)
    arr, index = _daily(daily_load)
    fitness, fatigue = _filters.impulses(arr, (float(tau1), float(tau2)))
    performance = p0 + k1 * fitness - k2 * fatigue
    return _table(
        {"fitness": fitness, "fatigue": fatigue, "performance": performance}, arr, index, daily_load
    )


# weekly_sets and strength_minutes count lifting (sets, minutes), not load: helpers.strength
weekly_sets = moved(
    strength.weekly_sets, "helpers.load.weekly_sets", "helpers.strength.weekly_sets"
)
strength_minutes = moved(
    strength.strength_minutes, "helpers.load.strength_minutes", "helpers.strength.strength_minutes"
)


def combined_load(run_load, strength_load, strength_weight: float = 1.0):
    r"""Running and lifting in one daily load, with an explicit weight for strength sessions.

    .. math:: L = L_{run} + w \, L_{strength}

    Session-RPE puts both in the same arbitrary units (RPE × minutes), so they can be added;
    whether an hour of lifting at RPE 7 stresses a runner as much as an hour of running at RPE 7
    is not known. ``w`` makes that assumption visible and adjustable: 1 counts them equally,
    0 ignores lifting (as running-only tools do), values between discount it. No training tool
    we know of exposes this choice; it is a modelling assumption, not a published constant.

    Parameters
    ----------
    run_load, strength_load : Series or array
        Daily loads [AU] of the same length (Series: aligned on their dates, missing days 0).
    strength_weight : float
        Weight *w* of strength load, 0–2.

    Returns
    -------
    Series or array
        Combined daily load [AU].

    References
    ----------
    Foster C, Florhaug JA, Franklin J, et al. (2001). J Strength Cond Res 15:109–115.
    """
    check_range("strength_weight", strength_weight, 0, 2)
    if isinstance(run_load, pd.Series) and isinstance(strength_load, pd.Series):
        run_arr, run_index = _daily(run_load, "run_load")
        lift_arr, lift_index = _daily(strength_load, "strength_load")
        if run_index is not None and lift_index is not None:
            run = pd.Series(run_arr, index=run_index)
            lift = pd.Series(lift_arr, index=lift_index)
            days = run.index.union(lift.index)
            full = pd.date_range(days[0], days[-1], freq="D", name="date")
            run, lift = run.reindex(full, fill_value=0.0), lift.reindex(full, fill_value=0.0)
            return (run + strength_weight * lift).rename("load")
    run_arr, _ = _daily(run_load, "run_load")
    lift_arr, _ = _daily(strength_load, "strength_load")
    if run_arr.shape != lift_arr.shape:
        raise ValueError(
            "run_load and strength_load must have the same shape, "
            f"got {run_arr.shape} and {lift_arr.shape}"
        )
    return like_input(run_load, run_arr + strength_weight * lift_arr)
