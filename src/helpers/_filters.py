"""The array arithmetic behind :mod:`helpers.load`: each function is the formula it names.

Arrays hold days on the last axis; a 2-D array is athletes × days and every function runs on
all athletes at once. Only numpy.

- :func:`linear_filters`: ``y[t] = keep * y[t-1] + gain * u[t]``, one step per day, every
  athlete in that step;
- :func:`recursive`: pandas ``Series.ewm(alpha=k, adjust=False).mean()``;
- :func:`impulses`: Banister's ``g[t] = sum(L[s] * exp(-(t - s) / tau) for s < t)``;
- :func:`rolling_ratio`: ``rolling(acute).mean() / rolling(chronic).mean()``, from one cumulative
  sum;
- :func:`weekly_load_and_monotony`: ``week.sum()`` and ``week.mean() / week.std(ddof=0)``.
"""

from __future__ import annotations

import numpy as np


def linear_filters(arr: np.ndarray, filters: list, start=0.0) -> list:
    """y_t = keep·y_{t−1} + gain·u_t for each (gain, keep) in ``filters``, along the last axis.

    From y_{−1} = ``start``: a number, or one value per series and filter (shape
    (series, filters)). Returns one array shaped like ``arr`` per filter.
    """
    days = np.asarray(arr, dtype=float)
    by_day = days.reshape(-1, days.shape[-1]).T  # days × athletes
    gain, keep = (np.array(values, dtype=float)[:, None] for values in zip(*filters, strict=True))
    # days × filters × athletes: each day's step works on one contiguous block, every athlete
    out = np.empty((by_day.shape[0], len(filters), by_day.shape[1]))
    np.multiply(by_day[:, None, :], gain, out=out)  # gain·u_t, all days at once
    out[0] += keep * np.transpose(start)
    step = np.empty(out.shape[1:])
    for t in range(1, len(out)):  # then y_t = gain·u_t + keep·y_{t−1}, one day at a time
        out[t] += np.multiply(out[t - 1], keep, out=step)
    return [out[:, f].T.reshape(days.shape) for f in range(len(filters))]


def recursive(arr: np.ndarray, weights: tuple, seed_first: bool = False) -> list:
    """x_t = x_{t−1} + k (L_t − x_{t−1}) for each k in ``weights``, along the last axis.

    From x_{−1} = 0, or with ``seed_first`` from x_0 = L_0 (the same as x_{−1} = L_0).
    As x_t = (1 − k) x_{t−1} + k L_t, this is :func:`linear_filters` with gain k, keep 1 − k.
    """
    start = 0.0
    if seed_first:
        start = np.repeat(np.reshape(arr, (-1, np.shape(arr)[-1]))[:, :1], len(weights), axis=1)
    return linear_filters(arr, [(k, 1.0 - k) for k in weights], start)


def impulses(arr: np.ndarray, taus: tuple) -> list:
    """g_t = Σ_{s<t} L_s e^{−(t−s)/τ} for each τ in ``taus``, along the last axis; g_0 = 0.

    With d = e^{−1/τ}, y = :func:`linear_filters` (gain d, keep d) is y_t = Σ_{s≤t} d^{t−s+1} L_s,
    so g_t = y_{t−1}.
    """
    decays = [float(np.exp(-1.0 / tau)) for tau in taus]
    return [lagged(y) for y in linear_filters(arr, [(d, d) for d in decays])]


def lagged(values: np.ndarray, first: float | np.ndarray = 0.0) -> np.ndarray:
    """Yesterday's value along the last axis: out_t = values_{t−1}, out_0 = ``first``."""
    out = np.empty(np.shape(values))
    out[..., 0] = first
    out[..., 1:] = values[..., :-1]
    return out


def ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator ÷ denominator, NaN where the denominator is 0 (or NaN)."""
    with np.errstate(divide="ignore", invalid="ignore"):  # set to NaN below
        out = np.divide(numerator, denominator)
    out[~(denominator > 0)] = np.nan
    return out


def rolling_ratio(arr: np.ndarray, acute: int, chronic: int, lag: int = 0) -> np.ndarray:
    """Mean load of the last ``acute`` days ÷ mean load of the ``chronic`` days ending ``lag``
    days before, along the last axis; NaN until the chronic window is full and where it is 0.

    A window's sum is a difference of one cumulative sum: Σ_{s=t−w+1}^{t} L_s = c_{t+1} − c_{t+1−w}
    with c_0 = 0.
    """
    n = np.shape(arr)[-1]
    csum = np.zeros((*np.shape(arr)[:-1], n + 1))
    np.cumsum(arr, axis=-1, out=csum[..., 1:])
    out = np.full(np.shape(arr), np.nan)
    first = chronic + lag - 1  # the first day with a full chronic window
    if first < n:
        acute_sum = csum[..., first + 1 :] - csum[..., first + 1 - acute : n + 1 - acute]
        end = csum[..., first + 1 - lag : n + 1 - lag]
        chronic_sum = end - csum[..., first + 1 - lag - chronic : n + 1 - lag - chronic]
        acute_sum *= chronic / acute  # the ratio of the means
        out[..., first:] = ratio(acute_sum, chronic_sum)
    return out


def weekly_load_and_monotony(weeks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum, and mean ÷ population SD, over the last axis (the 7 days of each week)."""
    days = np.ascontiguousarray(np.moveaxis(weeks, -1, 0))  # 7 rows: each sum adds whole rows
    total = days.sum(axis=0)
    mean = total / len(days)
    sd = np.sqrt(((days - mean) ** 2).sum(axis=0) / len(days))
    return total, ratio(mean, sd)
