"""Array kernels behind :mod:`helpers.load`, kept out of the way of the models' definitions.

Every function here computes what a short formula says, on many athletes at once. Their readable
definitions (and the tests' oracles) are:

- :func:`linear_filter`: ``y[t] = a * y[t-1] + u[t]``, as a loop over days;
- :func:`recursive`: pandas ``Series.ewm(alpha=k, adjust=False).mean()`` per athlete;
- :func:`rolling_ratio`: ``rolling(acute).mean() / rolling(chronic).mean()`` per athlete;
- :func:`weekly_load_and_monotony`: ``week.sum()`` and ``week.mean() / week.std(ddof=0)`` per
  block of 7 days.

They are written for the 1,000 athletes × 5 years of ``make bench``: one pass over the days in
Python with whole rows of athletes per step, as few full-size temporaries as possible, and the
results written in place. Arrays hold days on the last axis (athletes × days) unless a name says
``days_first``. Only numpy.
"""

from __future__ import annotations

import numpy as np


def days_first(arr: np.ndarray) -> np.ndarray:
    """Days × athletes as a contiguous 2-D array (one athlete: a single column)."""
    return np.ascontiguousarray(np.moveaxis(arr, -1, 0).reshape(arr.shape[-1], -1), dtype=float)


def days_last(out: np.ndarray, shape: tuple) -> np.ndarray:
    """Back from :func:`days_first` to the input's shape (days on the last axis)."""
    return np.moveaxis(out.reshape(shape[-1], *shape[:-1]), 0, -1)


def linear_filter(u: np.ndarray, a, start: np.ndarray) -> np.ndarray:
    """y_t = a·y_{t−1} + u_t over the rows of ``u`` (days × athletes), from y_{−1} = ``start``.

    Computed in place in ``u`` (the callers pass a fresh array) and returned: one Python step
    per day, vectorised over athletes, with no allocation in the loop.
    """
    carry = np.multiply(start, a)
    u[0] += carry
    for t in range(1, u.shape[0]):
        np.multiply(u[t - 1], a, out=carry)
        u[t] += carry
    return u


def recursive(arr: np.ndarray, weights: tuple, seed_first: bool = False) -> list:
    """x_t = x_{t-1} + k (L_t − x_{t-1}) for each k in ``weights``, over the last axis of ``arr``.

    From x_{-1} = 0, or with ``seed_first`` from x_0 = L_0 (the same as x_{-1} = L_0).
    As x_t = (1 − k) x_{t−1} + k L_t, this is :func:`linear_filter` with a = 1 − k on k·L.
    Returns one days × athletes array per weight. The filters run side by side in one pass over
    the days (athletes × filters in one contiguous row), which halves the per-day cost.
    """
    n, m = arr.shape[-1], int(np.prod(arr.shape[:-1], dtype=int))
    scaled = np.empty((n, m * len(weights)))
    first = scaled[:, :m]
    first[...] = np.moveaxis(arr, -1, 0).reshape(n, m)  # the one transposing copy
    start = np.tile(first[0], len(weights)) if seed_first else np.zeros(m * len(weights))
    for i, k in reversed(list(enumerate(weights))):  # the first block is scaled last
        np.multiply(first, k, out=scaled[:, i * m : (i + 1) * m])
    keep = np.repeat([1.0 - k for k in weights], m)
    out = linear_filter(scaled, keep, start)
    return [out[:, i * m : (i + 1) * m] for i in range(len(weights))]


def impulse(days: np.ndarray, tau: float) -> np.ndarray:
    """g_t = e^{−1/τ} (g_{t−1} + L_{t−1}), g_0 = 0, over days × athletes."""
    decay = np.exp(-1.0 / tau)
    shifted = np.zeros_like(days)
    np.multiply(days[:-1], decay, out=shifted[1:])
    return linear_filter(shifted, decay, np.zeros(days.shape[1]))


def ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator ÷ denominator, NaN where the denominator is 0 (or NaN), computed in place in
    ``numerator`` (callers pass an array of their own) and returned."""
    with np.errstate(divide="ignore", invalid="ignore"):  # x/0 is set to NaN below; x/NaN is NaN
        np.divide(numerator, denominator, out=numerator)
    numerator[denominator <= 0] = np.nan
    return numerator


def rolling_ratio(arr: np.ndarray, acute: int, chronic: int, lag: int = 0) -> np.ndarray:
    """Mean load of the last ``acute`` days ÷ mean load of the ``chronic`` days ending ``lag``
    days before, along the last axis; NaN until the chronic window is full and where it is 0.

    Window sums are differences of one cumulative sum, csum[t+1] − csum[t+1−w], taken as
    slices (no copies); the ratio of means is the ratio of sums × chronic/acute.
    """
    n = arr.shape[-1]
    csum = np.zeros((*arr.shape[:-1], n + 1))
    np.cumsum(arr, axis=-1, out=csum[..., 1:])
    out = np.empty(arr.shape)
    first = chronic + lag - 1  # the first day with a full chronic window
    out[..., : min(first, n)] = np.nan
    if first >= n:
        return out
    sums = out[..., first:]
    np.subtract(csum[..., first + 1 :], csum[..., first + 1 - acute : n + 1 - acute], out=sums)
    end = csum[..., first + 1 - lag : n + 1 - lag]
    chronic_sums = end - csum[..., first + 1 - lag - chronic : n + 1 - lag - chronic]
    sums *= chronic / acute
    ratio(sums, chronic_sums)
    return out


def weekly_load_and_monotony(weeks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum and mean ÷ population SD over the last axis (7 days); the SD in two passes.

    The 7 days are first copied to 7 contiguous rows (one per weekday), so each step below
    works on one contiguous value per week: about twice as fast as reducing a last axis of 7.
    """
    days = np.ascontiguousarray(np.moveaxis(weeks, -1, 0))
    total = days.sum(axis=0)
    mean = total / len(days)
    squares, step = np.zeros_like(mean), np.empty_like(mean)
    for day in days:
        np.subtract(day, mean, out=step)
        step *= step
        squares += step
    squares /= len(days)
    return total, ratio(mean, np.sqrt(squares, out=squares))
