"""Training load: session-RPE, monotony and strain, ACWR, fitness–fatigue and Banister models.

All models take a **daily load** [AU]: one number per calendar day, usually session-RPE
(CR-10 RPE × minutes, :func:`session_load`) summed over the day's sessions. Conventions:

- A date-indexed :class:`pandas.Series` may skip days: **missing days are rest days (load 0)**
  and are filled in. Its dates must be sorted and unique.
- A numpy array is taken as consecutive days along its last axis; a 2-D array is
  athletes × days, and every model runs on all athletes at once.
- Loads must be finite and ≥ 0; an empty series is refused.

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

from helpers import _filters
from helpers._checks import as_float_array, check_choice, check_integer, check_range, like_input

SMOOTHING = ("trainingpeaks", "exponential")
ACWR_METHODS = ("rolling", "ewma")


def session_load(rpe, minutes):
    """Session load by the session-RPE method [AU].

    .. math:: L = \\mathrm{RPE} \\times t

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
    rpe_values, duration = as_float_array("rpe", rpe), as_float_array("minutes", minutes)
    if not _filters.finite_within(rpe_values, 0.0, 10.0):
        check_range("rpe", rpe, 0, 10)  # names the offending values
    if not _filters.finite_within(duration):
        check_range("minutes", minutes, 0, unit="min")
    return like_input(rpe, rpe_values * duration)


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
            return _check_values(name, as_float_array(name, daily_load.to_numpy())), None
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
    if not _filters.finite_within(arr):
        check_range(name, arr, 0, unit="AU")  # names the offending values
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
    """Weekly results shaped like the input: Series by Monday, a scalar for one week, or an array."""
    if mondays is not None:
        return pd.Series(values, index=mondays, name=getattr(daily_load, "name", None))
    if np.ndim(daily_load) == 1 and values.shape[-1] == 1:
        return float(values[0])
    return values


def monotony(daily_load):
    """Training monotony per week: mean daily load ÷ its standard deviation.

    .. math:: M = \\bar{L} / \\sigma_L \\quad (7 \\text{ daily loads, rest days } 0,
              \\text{ population SD})

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
    """Training strain per week: weekly load × monotony [AU].

    .. math:: S = \\left(\\sum_{d=1}^{7} L_d\\right) \\times M

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
    """Exponentially weighted moving average with λ = 2/(N+1), seeded with the first day's load.

    .. math:: E_0 = L_0, \\quad E_t = \\lambda L_t + (1 - \\lambda) E_{t-1}

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
    if index is None and isinstance(daily_load, pd.Series):
        index = daily_load.index
    return values if index is None else pd.Series(values, index=index, name=name)


def acwr(
    daily_load, method: str = "rolling", acute: int = 7, chronic: int = 28, coupled: bool = True
):
    """Acute:chronic workload ratio.

    ``method="rolling"``: mean daily load of the last ``acute`` days ÷ mean daily load of the
    chronic window (with the defaults: the 7-day load ÷ the mean weekly load of 28 days).

    .. math:: \\mathrm{ACWR}_t = \\frac{\\frac{1}{a}\\sum_{s=t-a+1}^{t} L_s}
              {\\frac{1}{|C_t|}\\sum_{s \\in C_t} L_s}

    The chronic window :math:`C_t` spans the last ``chronic`` days. ``coupled=True`` (Hulin et
    al. 2016) keeps the acute days in it; ``coupled=False`` drops them, leaving the
    ``chronic − acute`` days before the acute window: with the defaults, the acute week against
    the mean of the 3 weeks before it, as Lolli et al. (2019) and Windt & Gabbett (2019) define
    the uncoupled ratio. Both need ``chronic`` days of history; earlier days are NaN. With weekly
    windows (7 and 28 days) the two are tied by arithmetic: uncoupled = 3c / (4 − c) for a
    coupled ratio c.

    ``method="ewma"``: acute EWMA ÷ chronic EWMA with λ = 2/(N+1) (Williams et al. 2017), each
    seeded with the first day's load; only ``coupled=True`` is defined.

    Parameters
    ----------
    daily_load : Series or array
        Daily load [AU] (see the module's conventions).
    method : {"rolling", "ewma"}
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
    check_choice("method", method, ACWR_METHODS)
    acute = check_integer("acute", acute, 1)
    chronic = check_integer("chronic", chronic, 2)
    if acute >= chronic:
        raise ValueError(
            f"acute must be shorter than chronic, got acute={acute}, chronic={chronic}"
        )
    if not isinstance(coupled, bool):
        raise ValueError(f"coupled must be True or False, got {coupled!r}")
    arr, index = _daily(daily_load)
    if method == "rolling":
        lag = 0 if coupled else acute  # uncoupled: the chronic days before the acute ones
        ratio = _filters.rolling_ratio(arr, acute, chronic - lag, lag=lag)
    elif not coupled:
        raise ValueError("coupled=False is defined for method='rolling' only, got method='ewma'")
    else:
        weights = (2.0 / (acute + 1.0), 2.0 / (chronic + 1.0))
        (ratio,) = _filters.recursive(arr, weights, seed_first=True, combine="ratio")
    return _daily_like(ratio, index, daily_load, "acwr")


def fitness_fatigue(
    daily_load, fitness_days: int = 42, fatigue_days: int = 7, smoothing: str = "trainingpeaks"
):
    """Fitness (chronic load), fatigue (acute load) and form, as training tools compute them.

    Each is an exponentially smoothed daily load, starting from 0:

    .. math:: x_t = x_{t-1} + k\\,(L_t - x_{t-1}), \\qquad
              \\text{form}_t = \\text{fitness}_{t-1} - \\text{fatigue}_{t-1}

    with :math:`k = 1/N` (``smoothing="trainingpeaks"``: CTL/ATL/TSB) or
    :math:`k = 1 - e^{-1/N}` (``"exponential"``: GoldenCheetah, intervals.icu). Form on the
    first day is 0. The two conventions give the same shape but different numbers; "form" in
    particular depends on the choice.

    Parameters
    ----------
    daily_load : Series or array
        Daily load [AU] (see the module's conventions).
    fitness_days, fatigue_days : int
        Time constants N [days], ≥ 1.
    smoothing : {"trainingpeaks", "exponential"}

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
    check_choice("smoothing", smoothing, SMOOTHING)
    arr, index = _daily(daily_load)
    days = (fitness_days, fatigue_days)
    weights = [1.0 / n if smoothing == "trainingpeaks" else 1.0 - np.exp(-1.0 / n) for n in days]
    fitness, fatigue, form = _filters.recursive(arr, weights, combine="lagged_difference")
    return _table({"fitness": fitness, "fatigue": fatigue, "form": form}, arr, index, daily_load)


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
    """Banister's impulse–response model of performance.

    .. math:: g_t = \\sum_{s<t} L_s e^{-(t-s)/\\tau_1}, \\quad
              h_t = \\sum_{s<t} L_s e^{-(t-s)/\\tau_2}, \\quad
              p_t = p_0 + k_1 g_t - k_2 h_t

    computed recursively as :math:`g_t = e^{-1/\\tau}(g_{t-1} + L_{t-1})`, :math:`g_0 = 0`.

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


def _muscles(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(m.strip() for m in value.split(";") if m.strip())
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ()
    return tuple(value)


def weekly_sets(sets: pd.DataFrame, synergist_weight: float = 0.5) -> pd.DataFrame:
    """Hard sets per muscle group per ISO week; a synergist's set counts ``synergist_weight``.

    .. math:: S_{m,w} = \\sum_{e \\in w} n_e \\,[m \\in P_e] + s \\, n_e \\,[m \\in S_e]

    where :math:`n_e` is the number of sets of entry *e*, :math:`P_e` its primary and
    :math:`S_e` its secondary (synergist) muscles, and *s* the synergist weight (0.5 by the
    convention of Pelland et al. 2025; verify that reference before leaning on it).

    Parameters
    ----------
    sets : DataFrame
        Columns ``date`` (date-like), ``sets`` (≥ 0), ``primary_muscles`` and
        ``secondary_muscles`` (each a ``;``-separated string or a tuple of names).
    synergist_weight : float
        Weight of a set for a secondary muscle, 0–1.

    Returns
    -------
    DataFrame
        One row per ISO week (index: the Monday, named ``week``), one column per muscle, sets.
        Weeks inside the range without sets are rows of 0.

    References
    ----------
    Schoenfeld BJ, Ogborn D, Krieger JW (2017). Dose-response relationship between weekly
    resistance training volume and increases in muscle mass. J Sports Sci 35:1073–1082.
    doi:10.1080/02640414.2016.1210197
    """
    check_range("synergist_weight", synergist_weight, 0, 1)
    if not isinstance(sets, pd.DataFrame):
        raise ValueError(f"sets must be a DataFrame, got {type(sets).__name__}")
    missing = {"date", "sets", "primary_muscles", "secondary_muscles"} - set(sets.columns)
    if missing:
        raise ValueError(
            f"sets must have columns date, sets, primary_muscles, secondary_muscles; missing {sorted(missing)}"
        )
    if sets.empty:
        raise ValueError("sets must not be empty")
    counts = check_range("sets", as_float_array("sets", sets["sets"]), 0)
    try:
        days = pd.to_datetime(sets["date"], format="mixed").dt.normalize()
    except (ValueError, TypeError) as err:
        raise ValueError(f"sets['date'] must be dates ({err})") from None
    if days.dt.tz is not None:
        days = days.dt.tz_localize(None)
    mondays = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    rows = []
    for monday, n, primary, secondary in zip(
        mondays, counts, sets["primary_muscles"], sets["secondary_muscles"], strict=True
    ):
        rows += [(monday, m, n) for m in _muscles(primary)]
        rows += [(monday, m, n * synergist_weight) for m in _muscles(secondary)]
    long = pd.DataFrame(rows, columns=["week", "muscle", "sets"])
    table = long.pivot_table(
        index="week", columns="muscle", values="sets", aggfunc="sum", fill_value=0.0
    )
    weeks = pd.date_range(mondays.min(), mondays.max(), freq="7D", name="week")
    table = table.reindex(weeks, fill_value=0.0)
    table.columns.name = None
    return table


#: Strength-session duration model of :func:`strength_minutes` [min]: warm-up, then the time
#: per working set including its rest, for light-to-moderate and for heavy sessions.
WARM_UP_MIN = 10.0
MIN_PER_SET = 2.5
MIN_PER_HEAVY_SET = 3.5


def strength_minutes(sets, heavy=False):
    """Duration of a strength session from its working sets [min]: warm-up plus time per set.

    .. math:: t = 10 + n \\times (3.5 \\text{ if heavy else } 2.5)

    A set takes about half a minute to lift; the rest after it fills the remainder: about
    2 minutes after a moderate set and 3 after a heavy one, in line with the ACSM position
    stand's 1–2 min for lighter assistance work and 2–3 min or more for heavy core lifts
    (Ratamess et al. 2009). The 10-minute warm-up and the per-set times are the course's
    planning assumptions, not measured values: time your own sessions and rate them with
    :func:`session_load`.

    Parameters
    ----------
    sets : int, array or Series
        Working sets in the session (all exercises), ≥ 0.
    heavy : bool or array of bool
        True for a heavy session (longer rests).

    Returns
    -------
    float, array or Series, like ``sets``
        Session duration [min].

    Examples
    --------
    >>> strength_minutes(15)
    47.5
    >>> strength_minutes(12, heavy=True)
    52.0

    References
    ----------
    Ratamess NA, Alvar BA, Evetoch TK, et al. (2009). American College of Sports Medicine
    position stand. Progression models in resistance training for healthy adults. Med Sci
    Sports Exerc 41:687–708. doi:10.1249/MSS.0b013e3181915670
    """
    n = as_float_array("sets", check_range("sets", sets, 0))
    flags = np.asarray(heavy)
    if flags.dtype != bool:
        raise ValueError(f"heavy must be True or False (one per session), got {heavy!r}")
    per_set = np.where(flags, MIN_PER_HEAVY_SET, MIN_PER_SET)
    return like_input(sets, WARM_UP_MIN + n * per_set)


def combined_load(run_load, strength_load, strength_weight: float = 1.0):
    """Running and lifting in one daily load, with an explicit weight for strength sessions.

    .. math:: L = L_{run} + w \\, L_{strength}

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
            total = run.reindex(full, fill_value=0.0) + strength_weight * lift.reindex(
                full, fill_value=0.0
            )
            return total.rename("load")
    run_arr, _ = _daily(run_load, "run_load")
    lift_arr, _ = _daily(strength_load, "strength_load")
    if run_arr.shape != lift_arr.shape:
        raise ValueError(
            f"run_load and strength_load must have the same shape, got {run_arr.shape} and {lift_arr.shape}"
        )
    return like_input(run_load, run_arr + strength_weight * lift_arr)
