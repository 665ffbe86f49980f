"""Running performance: Daniels–Gilbert VDOT, race-time prediction and training paces, Riegel.

Daniels and Gilbert fitted two curves to race results:

- the oxygen cost of running at speed *v* [m/min]:
  ``VO2(v) = -4.60 + 0.182258 v + 0.000104 v²``  [ml/kg/min];
- the fraction of VO2max a runner can hold for *t* minutes:
  ``F(t) = 0.8 + 0.1894393 e^(-0.012778 t) + 0.2989558 e^(-0.1932605 t)``.

A race of distance *d* in time *t* then gives ``VDOT = VO2(d/t) / F(t)``, a "pseudo VO2max"
that summarises the performance. Units: distances in metres, times in seconds (minutes only
inside the formulas). The curves were fitted to races of roughly 1500 m to the marathon; we
accept 400 m to 100 km and 1 min to 10 h, and the predictions grow less certain at the edges.

Example
-------
>>> round(vdot(5000, 20 * 60), 1)
49.8
>>> round(riegel(40 * 60, 10_000, 42_195) / 60, 1)
184.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import as_float_array, check_range, like_input, shape_source
from helpers.units import MARATHON_KM

#: Marathon distance [m], from :data:`helpers.units.MARATHON_KM`.
MARATHON_M = MARATHON_KM * 1000.0
#: Accepted race distances [m] and durations [s] for the Daniels–Gilbert model.
DISTANCE_RANGE_M = (400.0, 100_000.0)
TIME_RANGE_S = (60.0, 36_000.0)
#: Accepted VDOT values [ml/kg/min].
VDOT_RANGE = (10.0, 100.0)

#: Fractions of VDOT (fraction of VO2max) used for training paces. They approximate the
#: intensities Daniels describes for each pace (easy about 59–74 %, threshold about 83–88 %,
#: interval about 95–100 %, repetition faster than VO2max pace); marathon pace is the predicted
#: marathon race pace instead. The paces approximate Daniels' tables, they do not copy them.
PACE_FRACTIONS = {"easy": 0.70, "threshold": 0.88, "interval": 0.975, "repetition": 1.06}
PACES = ("easy", "marathon", "threshold", "interval", "repetition")

REFERENCES = """
Daniels J (2014). Daniels' Running Formula, 3rd ed. Human Kinetics. (VDOT tables; the
oxygen-cost and time-to-exhaustion curves are Daniels J, Gilbert J (1979), Oxygen Power.)
"""


def oxygen_cost(speed_m_per_min):
    """Oxygen cost of running at a speed (Daniels–Gilbert) [ml/kg/min].

    .. math:: \\dot VO_2 = -4.60 + 0.182258\\,v + 0.000104\\,v^2

    Parameters
    ----------
    speed_m_per_min : float, array or Series
        Running speed [m/min], > 0.

    Returns
    -------
    float, array or Series, like the input
        Oxygen cost [ml/kg/min].

    Examples
    --------
    >>> round(oxygen_cost(250.0), 4)
    47.4645

    References
    ----------
    Daniels J (2014). Daniels' Running Formula, 3rd ed. Human Kinetics.
    """
    check_range("speed_m_per_min", speed_m_per_min, 0, low_inclusive=False, unit="m/min")
    v = as_float_array("speed_m_per_min", speed_m_per_min)
    return like_input(speed_m_per_min, _vo2(v))


def vo2max_fraction(minutes):
    """Fraction of VO2max a runner can sustain for a race lasting ``minutes`` (Daniels–Gilbert).

    .. math:: F(t) = 0.8 + 0.1894393\\,e^{-0.012778 t} + 0.2989558\\,e^{-0.1932605 t}

    Parameters
    ----------
    minutes : float, array or Series
        Race duration [min], ≥ 0.

    Returns
    -------
    float, array or Series, like the input
        Fraction of VO2max (about 1.0 at 10 min, 0.84 at 3 h).

    Examples
    --------
    >>> round(vo2max_fraction(20.0), 4)
    0.953

    References
    ----------
    Daniels J (2014). Daniels' Running Formula, 3rd ed. Human Kinetics.
    """
    check_range("minutes", minutes, 0, unit="min")
    return like_input(minutes, _fraction(as_float_array("minutes", minutes)))


def vdot(distance_m, time_s):
    """VDOT of a race: oxygen cost of its average speed ÷ the sustainable fraction of VO2max.

    .. math:: \\mathrm{VDOT} = \\frac{\\dot VO_2(d/t)}{F(t)}

    with *d* in metres and *t* in minutes (see :func:`oxygen_cost`, :func:`vo2max_fraction`).

    Parameters
    ----------
    distance_m : float, array or Series
        Race distance [m], 400–100 000.
    time_s : float, array or Series
        Finish time [s], 60–36 000 (1 min to 10 h).

    Returns
    -------
    float, array or Series, like ``time_s`` (or ``distance_m`` when that is the array)
        VDOT [ml/kg/min].

    Raises
    ------
    ValueError
        If an input is outside its range, or the pace is too slow for the model (VDOT ≤ 10).

    Examples
    --------
    >>> round(vdot(5000, 1200), 2)
    49.81

    References
    ----------
    Daniels J (2014). Daniels' Running Formula, 3rd ed. Human Kinetics.
    """
    check_range("distance_m", distance_m, *DISTANCE_RANGE_M, unit="m")
    check_range("time_s", time_s, *TIME_RANGE_S, unit="s")
    d = as_float_array("distance_m", distance_m)
    t = as_float_array("time_s", time_s) / 60.0
    result = _vdot(d, t)
    if np.any(result < VDOT_RANGE[0]):
        raise ValueError(
            f"time_s is too slow for distance_m: VDOT would be below {VDOT_RANGE[0]:g} "
            f"(the model covers running, not walking), got time_s={time_s!r:.60}"
        )
    return like_input(shape_source(time_s, distance_m), result)


def race_time(vdot, distance_m):
    """Predicted finish time [s] for a distance at a given VDOT (the inverse of :func:`vdot`).

    Solves ``VO2(d/t) / F(t) = VDOT`` for *t* by bisection on log-time, all elements at once.
    VDOT falls monotonically with *t* for every accepted distance, so the root is unique.

    Parameters
    ----------
    vdot : float, array or Series
        VDOT [ml/kg/min], 10–100.
    distance_m : float, array or Series
        Race distance [m], 400–100 000.

    Returns
    -------
    float, array or Series, like ``vdot`` (or ``distance_m`` when that is the array)
        Finish time [s].

    Raises
    ------
    ValueError
        If an input is outside its range, or the predicted time falls outside 1 min–10 h.

    Examples
    --------
    >>> round(race_time(49.81, 5000))
    1200

    References
    ----------
    Daniels J (2014). Daniels' Running Formula, 3rd ed. Human Kinetics.
    """
    check_range("vdot", vdot, *VDOT_RANGE, unit="ml/kg/min")
    check_range("distance_m", distance_m, *DISTANCE_RANGE_M, unit="m")
    target, d = np.broadcast_arrays(
        as_float_array("vdot", vdot), as_float_array("distance_m", distance_m)
    )
    lo = np.full(target.shape, np.log(TIME_RANGE_S[0] / 60.0))
    hi = np.full(target.shape, np.log(TIME_RANGE_S[1] / 60.0))
    outside = (_vdot(d, np.exp(lo)) < target) | (_vdot(d, np.exp(hi)) > target)
    if np.any(outside):
        raise ValueError(
            "vdot and distance_m give a predicted time outside 60–36000 s, "
            f"got vdot={vdot!r:.60}, distance_m={distance_m!r:.60}"
        )
    for _ in range(64):  # the bracket shrinks 2**64-fold: far below 1e-9 relative error
        mid = 0.5 * (lo + hi)
        too_fast = _vdot(d, np.exp(mid)) > target  # VDOT too high: the race is longer
        lo = np.where(too_fast, mid, lo)
        hi = np.where(too_fast, hi, mid)
    return like_input(shape_source(vdot, distance_m), 60.0 * np.exp(0.5 * (lo + hi)))


def riegel(time_s, distance_m, target_m, exponent=1.06):
    """Riegel's endurance equation: a finish time at another distance [s].

    .. math:: T_2 = T_1 \\left(\\frac{D_2}{D_1}\\right)^{e}

    Riegel fitted ``e ≈ 1.06`` to world-class running records for efforts of about 3.5 min to
    4 h; beyond that range (and for runners who have not trained for the longer distance) it
    tends to be optimistic.

    Parameters
    ----------
    time_s : float, array or Series
        Known finish time [s], > 0.
    distance_m : float, array or Series
        Distance of the known race [m], > 0.
    target_m : float, array or Series
        Distance to predict [m], > 0.
    exponent : float, default 1.06
        Fatigue exponent, 1–1.3.

    Returns
    -------
    float, array or Series, like ``time_s``
        Predicted time [s].

    Examples
    --------
    >>> round(riegel(2400, 10_000, 42_195))
    11040

    References
    ----------
    Riegel PS (1981). Athletic records and human endurance. American Scientist 69:285–290.
    """
    check_range("time_s", time_s, 0, low_inclusive=False, unit="s")
    check_range("distance_m", distance_m, 0, low_inclusive=False, unit="m")
    check_range("target_m", target_m, 0, low_inclusive=False, unit="m")
    check_range("exponent", exponent, 1.0, 1.3)
    t1 = as_float_array("time_s", time_s)
    ratio = as_float_array("target_m", target_m) / as_float_array("distance_m", distance_m)
    return like_input(shape_source(time_s, distance_m, target_m), t1 * ratio**exponent)


def training_paces(vdot):
    """Daniels-style training paces for a VDOT [s/km].

    Each pace except marathon is the speed whose oxygen cost equals a fraction of VDOT
    (:data:`PACE_FRACTIONS`: easy 0.70, threshold 0.88, interval 0.975, repetition 1.06),
    found by solving ``0.000104 v² + 0.182258 v - 4.60 = f·VDOT`` for *v*. Marathon pace is the
    average pace of :func:`race_time` over 42 195 m. The fractions are our reading of the
    intensities Daniels describes; the paces approximate his tables (within a few s/km)
    rather than reproduce them.

    Parameters
    ----------
    vdot : float, array or Series
        VDOT [ml/kg/min], 20–90.

    Returns
    -------
    Series or DataFrame
        For a scalar: a Series indexed by pace name (easy, marathon, threshold, interval,
        repetition). For an array or Series: a DataFrame with one column per pace and one row
        per VDOT (the Series' index is kept). Values in seconds per km.

    Examples
    --------
    >>> paces = training_paces(50)
    >>> list(paces.index)
    ['easy', 'marathon', 'threshold', 'interval', 'repetition']

    References
    ----------
    Daniels J (2014). Daniels' Running Formula, 3rd ed. Human Kinetics.
    """
    check_range("vdot", vdot, 20.0, 90.0, unit="ml/kg/min")
    v = as_float_array("vdot", vdot)
    columns = {}
    for name in PACES:
        if name == "marathon":
            columns[name] = race_time(v, MARATHON_M) / (MARATHON_M / 1000.0)
        else:
            columns[name] = 60_000.0 / _speed_for_vo2(PACE_FRACTIONS[name] * v)
    if np.ndim(vdot) == 0:
        return pd.Series({k: float(val) for k, val in columns.items()}, name="s_per_km")
    index = vdot.index if isinstance(vdot, pd.Series) else None
    return pd.DataFrame({k: np.ravel(val) for k, val in columns.items()}, index=index)


def _vo2(v):
    return -4.60 + 0.182258 * v + 0.000104 * v**2


def _fraction(t_min):
    return 0.8 + 0.1894393 * np.exp(-0.012778 * t_min) + 0.2989558 * np.exp(-0.1932605 * t_min)


def _vdot(d_m, t_min):
    return _vo2(d_m / t_min) / _fraction(t_min)


def _speed_for_vo2(vo2):
    """Positive root of 0.000104 v² + 0.182258 v − (4.60 + VO2) = 0 [m/min]."""
    a, b, c = 0.000104, 0.182258, -(4.60 + vo2)
    return (-b + np.sqrt(b * b - 4 * a * c)) / (2 * a)
