"""Input checks shared by the models: every failure names the parameter, the value and what was
expected."""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd


def _show(value, limit: int = 6) -> str:
    """A short text for a bad value (first offending items of an array)."""
    if isinstance(value, pd.Series | np.ndarray | list | tuple):
        arr = np.asarray(value).ravel()
        head = ", ".join(repr(v.item() if hasattr(v, "item") else v) for v in arr[:limit])
        return f"[{head}{', ...' if arr.size > limit else ''}]"
    return repr(value)


def as_float_array(name: str, value) -> np.ndarray:
    """``value`` as a float array; raises ValueError naming ``name`` when it is not numeric."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numeric, got {_show(value)}") from None
    return arr


def check_range(
    name: str,
    value,
    low: float | None = None,
    high: float | None = None,
    *,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    unit: str = "",
):
    """Raise ValueError unless every element of ``value`` is finite and within [low, high].

    Returns ``value`` unchanged, so a check can wrap an argument in place.
    NaN and infinities always fail: a model never silently propagates them.
    """
    arr = as_float_array(name, value)
    if arr.size > 4096 and _within(arr, low, high, low_inclusive, high_inclusive):
        return value  # large arrays: two reductions instead of elementwise masks
    bad = ~np.isfinite(arr)
    if low is not None:
        bad |= (arr < low) if low_inclusive else (arr <= low)
    if high is not None:
        bad |= (arr > high) if high_inclusive else (arr >= high)
    if np.any(bad):
        lo = "-inf" if low is None else f"{low:g}"
        hi = "inf" if high is None else f"{high:g}"
        interval = f"{'[' if low_inclusive else '('}{lo}, {hi}{']' if high_inclusive else ')'}"
        offenders = arr[bad] if arr.ndim else arr
        suffix = f" {unit}" if unit else ""
        raise ValueError(f"{name} must be finite and in {interval}{suffix}, got {_show(offenders)}")
    return value


def _within(arr, low, high, low_inclusive, high_inclusive) -> bool:
    """True when min and max are finite and inside the bounds (NaN and inf make them fail)."""
    lo, hi = arr.min(), arr.max()
    if not (np.isfinite(lo) and np.isfinite(hi)):
        return False
    if low is not None and (lo < low if low_inclusive else lo <= low):
        return False
    return high is None or (hi <= high if high_inclusive else hi < high)


def check_choice(name: str, value, choices) -> str:
    """Raise ValueError unless ``value`` is one of ``choices``; returns it."""
    if value not in choices:
        raise ValueError(f"{name} must be one of {sorted(choices)}, got {value!r}")
    return value


def check_integer(name: str, value, low: int | None = None, high: int | None = None) -> int:
    """Raise ValueError unless ``value`` is a whole number within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    check_range(name, value, low, high)
    return int(value)


def like_input(template, result, name: str | None = None):
    """Return ``result`` shaped like ``template``: scalar → float, Series → Series (same index)."""
    if isinstance(template, pd.Series):
        return pd.Series(
            np.asarray(result, dtype=float), index=template.index, name=name or template.name
        )
    arr = np.asarray(result, dtype=float)
    if arr.ndim == 0 and np.ndim(template) == 0:
        return float(arr)
    return arr


def shape_source(*values):
    """The input whose shape a result takes: the first Series, else the first array-like,
    else the first value (for :func:`like_input` with several inputs)."""
    for value in values:
        if isinstance(value, pd.Series):
            return value
    for value in values:
        if np.ndim(value) > 0:
            return value
    return values[0]
