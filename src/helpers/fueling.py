"""Fueling and fluids for the marathon: daily carbohydrate, loading, the pre-race meal, carbohydrate
during the race, sweat rate and a fluid plan.

Units: body mass [kg], carbohydrate [g], fluids [L] (1 kg of sweat ≈ 1 L), durations [h] or
[s] as the parameter name says. These are the population guidelines of sports-nutrition
reviews, not personal advice: needs vary between runners, and every race-day plan should be
tried in training first.

Example
-------
>>> carb_loading(70)
(700.0, 840.0)
>>> race_carbs_per_hour(3.5)
90.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import as_float_array, check_choice, check_range, like_input, shape_source

#: Burke et al. 2011 daily carbohydrate targets by training load [g/kg/day]. The row values
#: are marked (verify) in the course's science notes: we could not read them from the paper.
DAILY_CARB_BANDS = {
    "light": (3.0, 5.0),  # low intensity or skill-based activity
    "moderate": (5.0, 7.0),  # about 1 h a day of moderate exercise
    "high": (6.0, 10.0),  # 1–3 h a day of moderate to high intensity
    "very_high": (8.0, 12.0),  # more than 4–5 h a day
}
#: Carbohydrate loading, 36–48 h before a race of more than 90 min [g/kg/day] (Burke 2011).
CARB_LOADING_G_PER_KG = (10.0, 12.0)

#: Carbohydrate during exercise by duration (Jeukendrup 2014), as implemented here:
#: (lower bound of the duration [h], g/h upper limit, advice). The paper's bands overlap
#: (1–2 h up to 30 g/h, 2–3 h up to 60 g/h, > 2.5 h up to 90 g/h); we cut them at 1.25, 2 and
#: 2.5 h so each duration gets one band.
RACE_CARB_BANDS = (
    (0.0, 0.0, "none needed"),
    (0.5, 0.0, "small amounts or a carbohydrate mouth rinse"),
    (1.25, 30.0, "up to 30 g/h"),
    (2.0, 60.0, "up to 60 g/h"),
    (2.5, 90.0, "up to 90 g/h of multiple transportable carbohydrates (glucose + fructose)"),
)

BODY_MASS_RANGE_KG = (20.0, 250.0)


def daily_carbs(body_mass_kg, load="moderate"):
    """Daily carbohydrate target for a training load [g/day] (Burke et al. 2011).

    .. math:: C = m \\times (c_{low},\\ c_{high})

    with the band in g/kg/day: light 3–5, moderate (about 1 h a day) 5–7, high (1–3 h a day)
    6–10, very_high (more than 4–5 h a day) 8–12. The row values are marked (verify) in the
    course notes: treat them as approximate.

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.
    load : {"light", "moderate", "high", "very_high"}, default "moderate"
        Training load of the day.

    Returns
    -------
    (low, high) : tuple of float, array or Series, like ``body_mass_kg``
        Carbohydrate [g/day].

    Examples
    --------
    >>> daily_carbs(60, "high")
    (360.0, 600.0)

    References
    ----------
    Burke LM, Hawley JA, Wong SHS, Jeukendrup AE (2011). Carbohydrates for training and
    competition. J Sports Sci 29(S1):S17–S27. doi:10.1080/02640414.2011.585473
    """
    check_choice("load", load, DAILY_CARB_BANDS)
    return _per_kg(body_mass_kg, DAILY_CARB_BANDS[load])


def carb_loading(body_mass_kg):
    """Carbohydrate loading target for the 36–48 h before a marathon [g/day] (Burke et al. 2011).

    .. math:: C = m \\times (10,\\ 12)\\ \\mathrm{g/kg/day}

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.

    Returns
    -------
    (low, high) : tuple of float, array or Series, like ``body_mass_kg``
        Carbohydrate per day [g/day].

    Examples
    --------
    >>> carb_loading(70)
    (700.0, 840.0)

    References
    ----------
    Burke LM, Hawley JA, Wong SHS, Jeukendrup AE (2011). Carbohydrates for training and
    competition. J Sports Sci 29(S1):S17–S27. doi:10.1080/02640414.2011.585473
    """
    return _per_kg(body_mass_kg, CARB_LOADING_G_PER_KG)


def pre_race_meal(body_mass_kg, hours_before):
    """Carbohydrate in the pre-race meal eaten ``hours_before`` the start [g].

    Burke et al. (2011) give 1–4 g/kg eaten 1–4 h before. The guideline pairs a smaller meal
    with a shorter gap; we make that explicit (our scaling, not the paper's): the band is
    1 g/kg wide and tops out at ``hours_before`` g/kg, never below 1 g/kg.

    .. math:: C = m \\times (\\max(1, h - 1),\\ h)

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.
    hours_before : float, array or Series
        Time from the meal to the start [h], 1–4.

    Returns
    -------
    (low, high) : tuple of float, array or Series, like ``body_mass_kg``
        Carbohydrate in the meal [g].

    Examples
    --------
    >>> pre_race_meal(70, 3)
    (140.0, 210.0)

    References
    ----------
    Burke LM, Hawley JA, Wong SHS, Jeukendrup AE (2011). Carbohydrates for training and
    competition. J Sports Sci 29(S1):S17–S27. doi:10.1080/02640414.2011.585473
    """
    check_range("body_mass_kg", body_mass_kg, *BODY_MASS_RANGE_KG, unit="kg")
    check_range("hours_before", hours_before, 1.0, 4.0, unit="h")
    mass = as_float_array("body_mass_kg", body_mass_kg)
    hours = as_float_array("hours_before", hours_before)
    template = shape_source(body_mass_kg, hours_before)
    low = like_input(template, mass * np.maximum(1.0, hours - 1.0))
    high = like_input(template, mass * hours)
    return low, high


def race_carbs_per_hour(duration_h):
    """Upper limit of carbohydrate intake during a race of a given duration [g/h].

    Bands after Jeukendrup (2014), as implemented (:data:`RACE_CARB_BANDS`):

    ============  ==========  ===============================================
    duration [h]  limit [g/h] advice
    ============  ==========  ===============================================
    < 0.5         0           none needed
    0.5–1.25      0           small amounts or a carbohydrate mouth rinse
    1.25–2        30          up to 30 g/h
    2–2.5         60          up to 60 g/h
    ≥ 2.5         90          up to 90 g/h, glucose + fructose
    ============  ==========  ===============================================

    Each band's lower bound is included. The recommendation does not scale with body mass
    (absorption by the gut is the limit). Rates above 60 g/h need multiple transportable
    carbohydrates and a gut trained to take them.

    Parameters
    ----------
    duration_h : float, array or Series
        Race duration [h], 0–24.

    Returns
    -------
    float, array or Series, like the input
        Carbohydrate [g/h] (an upper limit, not a minimum).

    Examples
    --------
    >>> race_carbs_per_hour(1.5), race_carbs_per_hour(4.0)
    (30.0, 90.0)

    References
    ----------
    Jeukendrup A (2014). A step towards personalized sports nutrition: carbohydrate intake
    during exercise. Sports Med 44(S1):S25–S33. doi:10.1007/s40279-014-0148-z
    """
    check_range("duration_h", duration_h, 0.0, 24.0, unit="h")
    return like_input(duration_h, _band_values(duration_h, 1))


def race_carb_advice(duration_h):
    """The Jeukendrup (2014) advice for a race duration, as text (see :func:`race_carbs_per_hour`).

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
    >>> race_carb_advice(1.0)
    'small amounts or a carbohydrate mouth rinse'
    """
    check_range("duration_h", duration_h, 0.0, 24.0, unit="h")
    index = _band_index(duration_h)
    if np.ndim(index) == 0:
        return RACE_CARB_BANDS[int(index)][2]
    return [RACE_CARB_BANDS[i][2] for i in np.ravel(index)]


def race_fueling_plan(finish_time_s, interval_min=20, carbs_per_hour=None, distance_m=None):
    """Carbohydrate intake points during a race from a predicted finish time.

    Intake points are every ``interval_min`` minutes from the first interval until before the
    finish; each point takes ``carbs_per_hour × interval_min / 60`` grams. With
    ``carbs_per_hour=None`` the rate is :func:`race_carbs_per_hour` for the predicted duration.
    A finish time can come from :func:`helpers.running.race_time` or
    :func:`helpers.running.riegel`.

    Parameters
    ----------
    finish_time_s : float
        Predicted finish time [s], 0–24 h.
    interval_min : float, default 20
        Minutes between intake points, 5–60.
    carbs_per_hour : float, optional
        Planned intake [g/h], 0–120; default from the duration.
    distance_m : float, optional
        Race distance [m], > 0; adds the kilometre of each point at an even pace.

    Returns
    -------
    DataFrame
        One row per intake point: ``minute``, ``km`` (only with ``distance_m``), ``grams``,
        ``cumulative_g``. Empty (same columns) when the race is shorter than one interval.

    Examples
    --------
    >>> plan = race_fueling_plan(3.5 * 3600, interval_min=30, carbs_per_hour=60)
    >>> plan["minute"].tolist(), float(plan["cumulative_g"].iloc[-1])
    ([30.0, 60.0, 90.0, 120.0, 150.0, 180.0], 180.0)

    References
    ----------
    Jeukendrup A (2014). A step towards personalized sports nutrition: carbohydrate intake
    during exercise. Sports Med 44(S1):S25–S33. doi:10.1007/s40279-014-0148-z
    """
    check_range("finish_time_s", finish_time_s, 0, 24 * 3600, low_inclusive=False, unit="s")
    check_range("interval_min", interval_min, 5, 60, unit="min")
    if np.ndim(finish_time_s) or np.ndim(interval_min):
        raise ValueError("finish_time_s and interval_min must be single numbers (one race)")
    finish_min = float(finish_time_s) / 60.0
    if carbs_per_hour is None:
        carbs_per_hour = race_carbs_per_hour(finish_min / 60.0)
    check_range("carbs_per_hour", carbs_per_hour, 0, 120, unit="g/h")
    minutes = np.arange(1, int(np.ceil(finish_min / interval_min)) + 1) * float(interval_min)
    minutes = minutes[minutes < finish_min]
    grams = np.full(minutes.shape, float(carbs_per_hour) * interval_min / 60.0)
    plan = pd.DataFrame({"minute": minutes})
    if distance_m is not None:
        check_range("distance_m", distance_m, 0, low_inclusive=False, unit="m")
        plan["km"] = minutes / finish_min * float(distance_m) / 1000.0
    plan["grams"] = grams
    plan["cumulative_g"] = np.cumsum(grams)
    return plan


def sweat_rate(pre_kg, post_kg, fluid_l, urine_l, hours):
    """Sweat rate from a weighed training run [L/h] (1 kg of mass lost ≈ 1 L of sweat).

    .. math:: \\dot S = \\frac{(m_{pre} - m_{post}) + V_{drunk} - V_{urine}}{t}

    Parameters
    ----------
    pre_kg, post_kg : float, array or Series
        Body mass before and after, nude or in the same dry clothes [kg], 20–250.
    fluid_l : float, array or Series
        Fluid drunk during the run [L], ≥ 0.
    urine_l : float, array or Series
        Urine passed during the run [L], ≥ 0.
    hours : float, array or Series
        Duration of the run [h], > 0 and ≤ 24.

    Returns
    -------
    float, array or Series, like ``pre_kg``
        Sweat rate [L/h].

    Raises
    ------
    ValueError
        If an input is outside its range or the inputs imply a negative sweat loss.

    Examples
    --------
    >>> round(sweat_rate(70.0, 68.8, 0.5, 0.0, 1.5), 3)
    1.133

    References
    ----------
    Sawka MN, Burke LM, Eichner ER, et al. (2007). American College of Sports Medicine position
    stand. Exercise and fluid replacement. Med Sci Sports Exerc 39:377–390.
    doi:10.1249/mss.0b013e31802ca597
    """
    for name, value in (("pre_kg", pre_kg), ("post_kg", post_kg)):
        check_range(name, value, *BODY_MASS_RANGE_KG, unit="kg")
    check_range("fluid_l", fluid_l, 0, unit="L")
    check_range("urine_l", urine_l, 0, unit="L")
    check_range("hours", hours, 0, 24, low_inclusive=False, unit="h")
    pre, post, drunk, urine, t = (
        as_float_array(n, v)
        for n, v in (
            ("pre_kg", pre_kg),
            ("post_kg", post_kg),
            ("fluid_l", fluid_l),
            ("urine_l", urine_l),
            ("hours", hours),
        )
    )
    loss = (pre - post) + drunk - urine
    if np.any(loss < 0):
        raise ValueError(
            "post_kg, fluid_l and urine_l imply a negative sweat loss (pre_kg − post_kg + "
            f"fluid_l − urine_l < 0), got {np.ravel(loss)[:3].round(3).tolist()} L"
        )
    return like_input(shape_source(pre_kg, post_kg, fluid_l, urine_l, hours), loss / t)


def fluid_plan(body_mass_kg, sweat_rate_l_per_h, hours, max_loss_pct=2.0):
    """How much to drink per hour so body-mass loss stays under ``max_loss_pct`` (Sawka 2007).

    The ACSM position stand: drink to prevent a loss of more than about 2 % of body mass, and
    never more than you sweat (drinking beyond sweat losses gains weight and risks
    hyponatremia). Over ``hours`` at sweat rate *S* the allowed loss ``m × max_loss_pct / 100``
    leaves

    .. math:: d_{min} = \\max\\left(0,\\ S - \\frac{m\\,p/100}{t}\\right), \\qquad d_{max} = S

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.
    sweat_rate_l_per_h : float, array or Series
        Sweat rate [L/h], 0–5 (see :func:`sweat_rate`).
    hours : float, array or Series
        Duration [h], > 0 and ≤ 24.
    max_loss_pct : float, default 2.0
        Largest acceptable body-mass loss [% of body mass], 0–5.

    Returns
    -------
    DataFrame
        One row per input element: ``body_mass_kg``, ``sweat_rate_l_per_h``, ``hours``,
        ``sweat_loss_l`` (total), ``allowed_loss_l``, ``loss_pct_if_no_drink``,
        ``drink_min_l_per_h`` (to stay under the limit), ``drink_max_l_per_h`` (the sweat rate:
        do not drink more), ``needs_drink`` (True when not drinking would break the limit).

    Examples
    --------
    >>> plan = fluid_plan(70, 1.0, 3.5)
    >>> round(float(plan["drink_min_l_per_h"].iloc[0]), 2)
    0.6

    References
    ----------
    Sawka MN, Burke LM, Eichner ER, et al. (2007). American College of Sports Medicine position
    stand. Exercise and fluid replacement. Med Sci Sports Exerc 39:377–390.
    doi:10.1249/mss.0b013e31802ca597
    """
    check_range("body_mass_kg", body_mass_kg, *BODY_MASS_RANGE_KG, unit="kg")
    check_range("sweat_rate_l_per_h", sweat_rate_l_per_h, 0, 5, unit="L/h")
    check_range("hours", hours, 0, 24, low_inclusive=False, unit="h")
    check_range("max_loss_pct", max_loss_pct, 0, 5, unit="%")
    mass, rate, t, pct = np.broadcast_arrays(
        *(
            np.atleast_1d(as_float_array(n, v))
            for n, v in (
                ("body_mass_kg", body_mass_kg),
                ("sweat_rate_l_per_h", sweat_rate_l_per_h),
                ("hours", hours),
                ("max_loss_pct", max_loss_pct),
            )
        )
    )
    loss = rate * t
    allowed = mass * pct / 100.0
    template = shape_source(body_mass_kg, sweat_rate_l_per_h, hours)
    index = template.index if isinstance(template, pd.Series) else None
    return pd.DataFrame(
        {
            "body_mass_kg": mass,
            "sweat_rate_l_per_h": rate,
            "hours": t,
            "sweat_loss_l": loss,
            "allowed_loss_l": allowed,
            "loss_pct_if_no_drink": 100.0 * loss / mass,
            "drink_min_l_per_h": np.maximum(0.0, rate - allowed / t),
            "drink_max_l_per_h": rate,
            "needs_drink": loss > allowed,
        },
        index=index,
    )


def body_mass_change_pct(body_mass_kg, sweat_rate_l_per_h, drink_l_per_h, hours):
    """Change of body mass over a run from drinking and sweating [% of body mass].

    .. math:: \\Delta m\\,[\\%] = 100 \\times \\frac{(d - S)\\,t}{m}

    Negative values are a loss (dehydration beyond 2 % is what Sawka 2007 advises against);
    positive values mean the runner drank more than they sweated, the main risk factor for
    exercise-associated hyponatremia found by Almond et al. (2005).

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.
    sweat_rate_l_per_h : float, array or Series
        Sweat rate [L/h], 0–5.
    drink_l_per_h : float, array or Series
        Fluid drunk [L/h], 0–5.
    hours : float, array or Series
        Time since the start [h], 0–24.

    Returns
    -------
    float, array or Series, like ``drink_l_per_h``
        Body-mass change [%].

    Examples
    --------
    >>> body_mass_change_pct(70, 0.8, 1.2, 4.0)
    2.285714285714285

    References
    ----------
    Almond CSD, Shin AY, Fortescue EB, et al. (2005). Hyponatremia among runners in the Boston
    Marathon. N Engl J Med 352:1550–1556. doi:10.1056/NEJMoa043901
    """
    check_range("body_mass_kg", body_mass_kg, *BODY_MASS_RANGE_KG, unit="kg")
    check_range("sweat_rate_l_per_h", sweat_rate_l_per_h, 0, 5, unit="L/h")
    check_range("drink_l_per_h", drink_l_per_h, 0, 5, unit="L/h")
    check_range("hours", hours, 0, 24, unit="h")
    mass = as_float_array("body_mass_kg", body_mass_kg)
    rate = as_float_array("sweat_rate_l_per_h", sweat_rate_l_per_h)
    drink = as_float_array("drink_l_per_h", drink_l_per_h)
    t = as_float_array("hours", hours)
    template = shape_source(drink_l_per_h, sweat_rate_l_per_h, body_mass_kg, hours)
    return like_input(template, 100.0 * (drink - rate) * t / mass)


def _per_kg(body_mass_kg, band):
    check_range("body_mass_kg", body_mass_kg, *BODY_MASS_RANGE_KG, unit="kg")
    mass = as_float_array("body_mass_kg", body_mass_kg)
    return like_input(body_mass_kg, mass * band[0]), like_input(body_mass_kg, mass * band[1])


def _band_index(duration_h):
    starts = np.array([band[0] for band in RACE_CARB_BANDS])
    return np.searchsorted(starts, as_float_array("duration_h", duration_h), side="right") - 1


def _band_values(duration_h, column):
    values = np.array([band[column] for band in RACE_CARB_BANDS], dtype=float)
    return values[_band_index(duration_h)]
