"""Carbohydrate during a race: Jeukendrup's (2014) bands as an upper limit by race duration.

For a marathon the everyday range is 30–60 g/h, slow runners at the low end; 60–90 g/h only
for a runner who has practised that much glucose + fructose in training. The functions are
re-exported by :mod:`helpers.fueling`, where :func:`helpers.fueling.race_fueling_plan` spreads
the hourly amount over intake points.

Example
-------
>>> race_carbs_per_hour(3.5), race_carb_range(3.5)
(60.0, (30.0, 60.0))
"""

from __future__ import annotations

import numpy as np

from helpers._checks import as_float_array, check_range, like_input

#: The bands of Jeukendrup (2014, Fig. 3) for carbohydrate during exercise, as text for
#: :func:`race_carb_advice`: (lower bound of the duration [h], advice). The paper's bands overlap
#: (30–75 min, 1–2 h, 2–3 h, > 2.5 h); the text label switches at 1, 2 and 2.5 h. Beyond 2.5 h
#: the everyday advice stays at the single-source rate; 90 g/h is the practised option.
RACE_CARB_BANDS = (
    (0.0, "none needed"),
    (0.5, "small amounts or a carbohydrate mouth rinse"),
    (1.0, "up to 30 g/h"),
    (2.0, "up to 60 g/h"),
    (
        2.5,
        "30–60 g/h; up to 90 g/h only if practised in training, from glucose + fructose",
    ),
)
#: Anchor points of the upper limit for a gut that has practised high intakes [(duration h,
#: g/h)]: 0 g/h swallowed up to 1 h, 30 g/h from 1.5 to 2 h (the 1–2 h band), 60 g/h at 2.5 h
#: (the 2–3 h band), 90 g/h from 3 h (the > 2.5 h band); straight lines in between.
RACE_CARB_ANCHORS = ((1.0, 0.0), (1.5, 30.0), (2.0, 30.0), (2.5, 60.0), (3.0, 90.0))
#: The everyday upper limit [g/h]: a single carbohydrate source is oxidised at up to about
#: 60 g/h (Jeukendrup 2014); more only from glucose + fructose, practised.
SINGLE_SOURCE_LIMIT_G_PER_H = 60.0
#: Width of the suggested range below the upper limit [g/h] (:func:`race_carb_range`).
RACE_CARB_RANGE_WIDTH_G_PER_H = 30.0


def race_carbs_per_hour(duration_h, practised=False):
    """Upper limit of carbohydrate intake during a race of a given duration [g/h].

    Jeukendrup (2014) gives overlapping bands: < 30 min none; 30–75 min small amounts or a
    mouth rinse; 1–2 h up to 30 g/h; 2–3 h up to 60 g/h (a single carbohydrate source is
    oxidised at up to about 60 g/h); ultra-endurance about 90 g/h, from glucose + fructose.
    Steps would change the advice by 30 g/h between a 2:29 and a 2:31 finish, so we join the
    published values with straight lines (:data:`RACE_CARB_ANCHORS`, our interpolation): 0 g/h
    up to 1 h, 30 g/h from 1.5 to 2 h, 60 g/h at 2.5 h, 90 g/h from 3 h. By default the line
    stops at 60 g/h (:data:`SINGLE_SOURCE_LIMIT_G_PER_H`); 90 g/h is for a gut practised on
    glucose + fructose (``practised=True``). The paper adds that "the recommendations may need
    to be adjusted downward when the absolute exercise intensity is low": a 4–5 h marathoner
    starts at the bottom of :func:`race_carb_range`. A ceiling, not a target, and not scaled by
    body mass (the gut's absorption sets it).

    Parameters
    ----------
    duration_h : float, array or Series
        Race duration [h], 0–24.
    practised : bool, default False
        True for a runner who has practised high intakes of glucose + fructose in training
        (the line then rises to 90 g/h from 3 h).

    Returns
    -------
    float, array or Series, like the input
        Upper limit of carbohydrate intake [g/h].

    Examples
    --------
    >>> race_carbs_per_hour(1.5), race_carbs_per_hour(2.25), race_carbs_per_hour(4.0)
    (30.0, 45.0, 60.0)
    >>> race_carbs_per_hour(4.0, practised=True)
    90.0

    References
    ----------
    Jeukendrup A (2014). A step towards personalized sports nutrition: carbohydrate intake
    during exercise. Sports Med 44(S1):S25–S33. doi:10.1007/s40279-014-0148-z
    """
    check_range("duration_h", duration_h, 0.0, 24.0, unit="h")
    if practised not in (True, False):
        raise ValueError(f"practised must be True or False, got {practised!r}")
    hours = np.array([anchor[0] for anchor in RACE_CARB_ANCHORS])
    grams = np.array([anchor[1] for anchor in RACE_CARB_ANCHORS])
    values = np.interp(as_float_array("duration_h", duration_h), hours, grams)
    if not practised:
        values = np.minimum(values, SINGLE_SOURCE_LIMIT_G_PER_H)
    return like_input(duration_h, values)


def race_carb_range(duration_h, practised=False):
    """Suggested range of carbohydrate intake during a race [g/h]: (low, high).

    The high end is :func:`race_carbs_per_hour`, the low end 30 g/h below it, never below 0: a
    marathon's 30–60 g/h, or 60–90 g/h when practised. Slow runners start at the low end.

    Parameters
    ----------
    duration_h : float, array or Series
        Race duration [h], 0–24.
    practised : bool, default False
        As in :func:`race_carbs_per_hour`.

    Returns
    -------
    tuple of (float, array or Series)
        Low and high end [g/h], like the input.

    Examples
    --------
    >>> race_carb_range(4.5)
    (30.0, 60.0)
    >>> race_carb_range(4.5, practised=True)
    (60.0, 90.0)

    References
    ----------
    Jeukendrup A (2014). A step towards personalized sports nutrition: carbohydrate intake
    during exercise. Sports Med 44(S1):S25–S33. doi:10.1007/s40279-014-0148-z
    """
    high = race_carbs_per_hour(duration_h, practised=practised)
    low_values = np.maximum(np.asarray(high, dtype=float) - RACE_CARB_RANGE_WIDTH_G_PER_H, 0.0)
    return like_input(duration_h, low_values), high


def race_carb_advice(duration_h):
    """The Jeukendrup (2014) band for a race duration, as text (see :func:`race_carbs_per_hour`).

    The label switches at 0.5, 1, 2 and 2.5 h (:data:`RACE_CARB_BANDS`); the number of grams
    per hour comes from :func:`race_carbs_per_hour`.

    Parameters
    ----------
    duration_h : float or array
        Race duration [h], 0–24.

    Returns
    -------
    str or list of str
        The band's advice.

    Examples
    --------
    >>> race_carb_advice(0.75)
    'small amounts or a carbohydrate mouth rinse'
    """
    check_range("duration_h", duration_h, 0.0, 24.0, unit="h")
    starts = np.array([band[0] for band in RACE_CARB_BANDS])
    index = np.searchsorted(starts, as_float_array("duration_h", duration_h), side="right") - 1
    if np.ndim(index) == 0:
        return RACE_CARB_BANDS[int(index)][1]
    return [RACE_CARB_BANDS[i][1] for i in np.ravel(index)]
