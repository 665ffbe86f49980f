"""Fueling and fluids for the marathon: daily carbohydrate and protein, loading, the pre-race
meal, carbohydrate during the race and in recovery, sweat rate and a drink-to-thirst fluid range.

Units: body mass [kg], carbohydrate [g], fluids [L] (1 kg of sweat ≈ 1 L), durations [h] or
[s] as the parameter name says. These are the population guidelines of sports-nutrition
reviews, not personal advice: needs vary between runners, and every race-day plan should be
tried in training first.

Example
-------
>>> carb_loading(70)
(700.0, 840.0)
>>> race_carbs_per_hour(3.5)
60.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import as_float_array, check_choice, check_range, like_input, shape_source
from helpers._renamed import renamed
from helpers.race_carbs import (  # noqa: F401 (the race-carbohydrate model, re-exported here)
    RACE_CARB_ANCHORS,
    RACE_CARB_BANDS,
    SINGLE_SOURCE_LIMIT_G_PER_H,
    race_carb_advice,
    race_carb_range,
    race_carbs_per_hour,
)

#: Burke et al. 2011 (Table 1) daily carbohydrate targets by training day [g/kg/day], the same
#: values as the ACSM/AND/DC joint position stand (Thomas et al. 2016).
DAILY_CARB_BANDS = {
    "light": (3.0, 5.0),  # low intensity or skill-based activity
    "moderate": (5.0, 7.0),  # about 1 h a day of moderate exercise
    "high": (6.0, 10.0),  # 1–3 h a day of moderate to high intensity
    "very_high": (8.0, 12.0),  # more than 4–5 h a day
}
#: Carbohydrate loading, 36–48 h before a race of more than 90 min [g/kg/day] (Burke 2011).
CARB_LOADING_G_PER_KG = (10.0, 12.0)
#: Fast refuelling when less than 8 h separate two hard sessions [g/kg/h], for the first 4 h
#: (Burke 2011, Table 1; Thomas et al. 2016).
RECOVERY_CARB_G_PER_KG_PER_H = (1.0, 1.2)
#: Daily protein for athletes [g/kg/day] (Thomas et al. 2016), spread over the day in meals of
#: about 0.3 g/kg.
PROTEIN_G_PER_KG = (1.2, 2.0)
PROTEIN_PER_MEAL_G_PER_KG = 0.3

#: ACSM starting range for drinking during a marathon, ad libitum [L/h] (Sawka et al. 2007,
#: p. 384: the higher rates for faster, heavier runners in warm weather, the lower for slower,
#: lighter runners in cool weather).
FLUID_START_RANGE_L_PER_H = (0.4, 0.8)
#: ACSM's goal for drinking during exercise: prevent a loss of more than 2 % of body mass from
#: water deficit, to avert compromised performance [% of body mass] (Sawka et al. 2007).
ACSM_LOSS_GOAL_PCT = 2.0

BODY_MASS_RANGE_KG = (20.0, 250.0)


@renamed(load="training")
def daily_carbs(body_mass_kg, training="moderate"):
    r"""Daily carbohydrate target for a kind of training day [g/day] (Burke et al. 2011).

    .. math:: C = m \times (c_{low},\ c_{high})

    with the band in g/kg/day: light 3–5, moderate (about 1 h a day) 5–7, high (1–3 h a day)
    6–10, very_high (more than 4–5 h a day) 8–12 (Burke et al. 2011, Table 1; the same values in
    Thomas et al. 2016). They are population guidelines: a runner adjusts within the band to
    the day's training.

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.
    training : {"light", "moderate", "high", "very_high"}, default "moderate"
        How much training the day holds (the bands above). The keyword ``load=`` of earlier
        versions still works, with a DeprecationWarning.

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
    Thomas DT, Erdman KA, Burke LM (2016). American College of Sports Medicine joint position
    statement. Nutrition and athletic performance. Med Sci Sports Exerc 48:543–568.
    doi:10.1249/MSS.0000000000000852
    """
    check_choice("training", training, DAILY_CARB_BANDS)
    return _per_kg(body_mass_kg, DAILY_CARB_BANDS[training])


def carb_loading(body_mass_kg):
    r"""Carbohydrate loading target for the 36–48 h before a marathon [g/day] (Burke et al. 2011).

    .. math:: C = m \times (10,\ 12)\ \mathrm{g/kg/day}

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


def recovery_carbs(body_mass_kg):
    r"""Carbohydrate per hour for fast refuelling after a hard session [g/h] (Burke et al. 2011).

    .. math:: C = m \times (1.0,\ 1.2)\ \mathrm{g/kg/h}

    for the first 4 hours, when less than about 8 hours separate two demanding sessions; with a
    day or more to recover, the daily target (:func:`daily_carbs`) is enough.

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.

    Returns
    -------
    (low, high) : tuple of float, array or Series, like ``body_mass_kg``
        Carbohydrate [g/h].

    Examples
    --------
    >>> recovery_carbs(60)
    (60.0, 72.0)

    References
    ----------
    Burke LM, Hawley JA, Wong SHS, Jeukendrup AE (2011). Carbohydrates for training and
    competition. J Sports Sci 29(S1):S17–S27. doi:10.1080/02640414.2011.585473
    Thomas DT, Erdman KA, Burke LM (2016). Med Sci Sports Exerc 48:543–568.
    doi:10.1249/MSS.0000000000000852
    """
    return _per_kg(body_mass_kg, RECOVERY_CARB_G_PER_KG_PER_H)


def daily_protein(body_mass_kg):
    r"""Daily protein for a training athlete [g/day] and a per-meal amount (Thomas et al. 2016).

    .. math:: P = m \times (1.2,\ 2.0)\ \mathrm{g/kg/day}, \qquad
              P_{meal} = 0.3\,m

    The ACSM/AND/DC joint position gives 1.2–2.0 g/kg/day, spread over the day in meals of about
    0.3 g/kg, one of them soon after a key session. For strength training, the meta-analysis of
    Morton et al. (2018) found no further gain in fat-free mass beyond about 1.6 g/kg/day
    (95 % CI 1.0–2.2), inside this band.

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.

    Returns
    -------
    (low, high, per_meal) : tuple of float, array or Series, like ``body_mass_kg``
        Protein per day [g/day] (low and high) and per meal [g].

    Examples
    --------
    >>> daily_protein(60)
    (72.0, 120.0, 18.0)

    References
    ----------
    Thomas DT, Erdman KA, Burke LM (2016). American College of Sports Medicine joint position
    statement. Nutrition and athletic performance. Med Sci Sports Exerc 48:543–568.
    doi:10.1249/MSS.0000000000000852
    Morton RW, Murphy KT, McKellar SR, et al. (2018). A systematic review, meta-analysis and
    meta-regression of the effect of protein supplementation on resistance training-induced
    gains in muscle mass and strength in healthy adults. Br J Sports Med 52:376–384.
    doi:10.1136/bjsports-2017-097608
    """
    low, high = _per_kg(body_mass_kg, PROTEIN_G_PER_KG)
    per_meal = _per_kg(body_mass_kg, (PROTEIN_PER_MEAL_G_PER_KG,) * 2)[0]
    return low, high, per_meal


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


def race_fueling_plan(finish_time_s, interval_min=20, carbs_per_hour=None, distance_m=None):
    """Carbohydrate intake points during a race from a predicted finish time.

    Intake points are every ``interval_min`` minutes from the first interval until before the
    finish; each point takes ``carbs_per_hour × interval_min / 60`` grams. With
    ``carbs_per_hour=None`` the rate is :func:`race_carbs_per_hour` for the predicted duration
    (the everyday upper limit, at most 60 g/h; pass a rate to plan a practised 60–90 g/h).
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
    r"""Sweat rate from a weighed training run [L/h] (1 kg of mass lost ≈ 1 L of sweat).

    .. math:: \dot S = \frac{(m_{pre} - m_{post}) + V_{drunk} - V_{urine}}{t}

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


def fluid_plan(body_mass_kg, sweat_rate_l_per_h, hours):
    r"""A starting range for drinking during a marathon [L/h], never above the sweat rate.

    Drink to thirst. As a starting point for a marathon the ACSM position stand gives
    0.4–0.8 L/h drunk ad libitum, the higher rates for faster, heavier runners in warm weather
    and the lower rates for slower, lighter runners in cool weather (Sawka et al. 2007, p. 384);
    the hyponatremia consensus advises drinking to thirst, because drinking more than you lose
    is the main cause of exercise-associated hyponatremia (Hew-Butler et al. 2015). The range is
    therefore capped by the measured sweat rate *S*:

    .. math:: d_{low} = \min(0.4,\ S), \qquad d_{high} = \min(0.8,\ S)

    It is never above 0.8 L/h and never above *S*, whatever the inputs. The table also gives the
    body-mass change at each end of the range (:func:`body_mass_change_pct`). A gain means the
    runner drank more than they sweated, the risk factor for hyponatremia found by Almond et al.
    (2005). ACSM's goal is to keep the loss from water deficit under 2 % of body mass, for
    performance (Sawka et al. 2007); ``loss_over_2pct`` marks a runner for whom even the top of
    the range leaves more than that (a heavy sweater, a hot day). For such a runner ACSM
    recommends an individual plan built from measured sweat rates and rehearsed in training; the
    model does not raise the range, because a target above 0.8 L/h is an individual decision, not
    a default. Race finishers often lose more than 2 %: 2.3 % on average among 643 finishers of
    a marathon run at 9–16 °C (Zouhal et al. 2011), and an estimated 6.6–11.7 % among elite
    winners (Beis et al. 2012).

    Parameters
    ----------
    body_mass_kg : float, array or Series
        Body mass [kg], 20–250.
    sweat_rate_l_per_h : float, array or Series
        Measured sweat rate [L/h], 0–5 (see :func:`sweat_rate`).
    hours : float, array or Series
        Duration [h], > 0 and ≤ 24.

    Returns
    -------
    DataFrame
        One row per input element: ``body_mass_kg``, ``sweat_rate_l_per_h``, ``hours``,
        ``sweat_loss_l`` (total), ``loss_pct_if_no_drink``, ``drink_low_l_per_h`` and
        ``drink_high_l_per_h`` (the starting range), ``change_pct_at_low`` and
        ``change_pct_at_high`` (body-mass change at the finish [%], negative is a loss),
        ``loss_over_2pct`` (True when even the top of the range leaves a loss above ACSM's 2 %
        goal, :data:`ACSM_LOSS_GOAL_PCT`).

    Examples
    --------
    >>> plan = fluid_plan(70, 1.0, 3.5).iloc[0]
    >>> float(plan["drink_low_l_per_h"]), float(plan["drink_high_l_per_h"])
    (0.4, 0.8)
    >>> round(float(plan["change_pct_at_high"]), 2)
    -1.0

    References
    ----------
    Sawka MN, Burke LM, Eichner ER, et al. (2007). American College of Sports Medicine position
    stand. Exercise and fluid replacement. Med Sci Sports Exerc 39:377–390.
    doi:10.1249/mss.0b013e31802ca597
    Hew-Butler T, Rosner MH, Fowkes-Godek S, et al. (2015). Statement of the Third International
    Exercise-Associated Hyponatremia Consensus Development Conference, Carlsbad, California,
    2015. Clin J Sport Med 25:303–320. doi:10.1097/JSM.0000000000000221
    Zouhal H, Groussard C, Minter G, et al. (2011). Inverse relationship between percentage body
    weight change and finishing time in 643 forty-two-kilometre marathon runners. Br J Sports
    Med 45:1101–1105. doi:10.1136/bjsm.2010.074641
    Beis LY, Wright-Whyte M, Fudge B, Noakes T, Pitsiladis YP (2012). Drinking behaviors of elite
    male runners during marathon competition. Clin J Sport Med 22:254–261.
    doi:10.1097/JSM.0b013e31824a55d7
    """
    check_range("body_mass_kg", body_mass_kg, *BODY_MASS_RANGE_KG, unit="kg")
    check_range("sweat_rate_l_per_h", sweat_rate_l_per_h, 0, 5, unit="L/h")
    check_range("hours", hours, 0, 24, low_inclusive=False, unit="h")
    mass, rate, t = np.broadcast_arrays(
        *(
            np.atleast_1d(as_float_array(n, v))
            for n, v in (
                ("body_mass_kg", body_mass_kg),
                ("sweat_rate_l_per_h", sweat_rate_l_per_h),
                ("hours", hours),
            )
        )
    )
    low = np.minimum(FLUID_START_RANGE_L_PER_H[0], rate)
    high = np.minimum(FLUID_START_RANGE_L_PER_H[1], rate)
    at_high = body_mass_change_pct(mass, rate, high, t)
    template = shape_source(body_mass_kg, sweat_rate_l_per_h, hours)
    index = template.index if isinstance(template, pd.Series) else None
    return pd.DataFrame(
        {
            "body_mass_kg": mass,
            "sweat_rate_l_per_h": rate,
            "hours": t,
            "sweat_loss_l": rate * t,
            "loss_pct_if_no_drink": 100.0 * rate * t / mass,
            "drink_low_l_per_h": low,
            "drink_high_l_per_h": high,
            "change_pct_at_low": body_mass_change_pct(mass, rate, low, t),
            "change_pct_at_high": at_high,
            "loss_over_2pct": at_high < -ACSM_LOSS_GOAL_PCT,
        },
        index=index,
    )


def body_mass_change_pct(body_mass_kg, sweat_rate_l_per_h, drink_l_per_h, hours):
    r"""Change of body mass over a run from drinking and sweating [% of body mass].

    .. math:: \Delta m\,[\%] = 100 \times \frac{(d - S)\,t}{m}

    Negative values are a loss (ACSM's goal is to lose no more than 2 %, for performance; Sawka
    et al. 2007); positive values mean the runner drank more than they sweated, which Almond et
    al. (2005) found linked with exercise-associated hyponatremia (odds ratio 4.2, 95 % CI
    2.2–8.2, for weight gain).

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
    >>> round(body_mass_change_pct(70, 0.8, 1.2, 4.0), 2)
    2.29

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
