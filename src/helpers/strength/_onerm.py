"""1RM equations and their Epley inverse, plate rounding, prescribed weights and volume load."""

from __future__ import annotations

import numpy as np

from helpers._checks import as_float_array, check_range, like_input
from helpers._registry import Registry
from helpers._renamed import renamed

#: The published 1RM equations by name (``model=`` of :func:`estimate_1rm`): a new one is a
#: function of (weight w, reps r) and its line of registration.
MODELS = Registry("1RM model")

#: The largest number of reps any equation is used for. The equations were fitted on sets of
#: about 10 repetitions or fewer and their error grows with reps (LeSuer et al. 1997; Reynolds
#: et al. 2006 found 5RM sets predicted best). Beyond that their forms part ways: Brzycki's
#: 36 / (37 − r) and Lander's 100 / (101.3 − 2.67 r) blow up as r nears 37–38, Lombardi's
#: r^0.10 flattens out, and the linear Epley and O'Conner keep growing, so no equation is
#: trusted past 10.
MAX_REPS = 10


@MODELS.register("epley")
def _epley(w, r):
    return w * (1 + r / 30)


@MODELS.register("brzycki")
def _brzycki(w, r):
    return w * 36 / (37 - r)


@MODELS.register("lombardi")
def _lombardi(w, r):
    return w * r**0.10


@MODELS.register("mayhew")
def _mayhew(w, r):
    return 100 * w / (52.2 + 41.9 * np.exp(-0.055 * r))


@MODELS.register("oconner")
def _oconner(w, r):
    return w * (1 + 0.025 * r)


@MODELS.register("wathan")
def _wathan(w, r):
    return 100 * w / (48.8 + 53.8 * np.exp(-0.075 * r))


@MODELS.register("lander")
def _lander(w, r):
    return 100 * w / (101.3 - 2.67123 * r)


#: The former name of :data:`MODELS` (kept so older notebooks still run).
FORMULAS = MODELS


def _reps(name: str, reps, high: int) -> np.ndarray:
    arr = check_range(name, as_float_array(name, reps), 1, high)
    arr = np.asarray(arr, dtype=float)
    if np.any(arr != np.round(arr)):
        raise ValueError(f"{name} must be whole repetitions, got {reps!r}")
    return arr


@renamed(weight="weight_kg", formula="model")
def estimate_1rm(weight_kg, reps, model: str = "epley"):
    r"""Estimated one-repetition maximum from a set taken to failure.

    ==========  ==========================================
    model       1RM
    ==========  ==========================================
    epley       w (1 + r/30)                         [1]_
    brzycki     w · 36 / (37 − r)                    [2]_
    lombardi    w · r^0.10                           [3]_
    mayhew      100 w / (52.2 + 41.9 e^(−0.055 r))   [4]_
    oconner     w (1 + 0.025 r)                      [5]_
    wathan      100 w / (48.8 + 53.8 e^(−0.075 r))   [6]_
    lander      100 w / (101.3 − 2.67123 r)          [7]_
    ==========  ==========================================

    One repetition returns the weight itself for every model (the course's convention: the raw
    equations do not all give w at r = 1). The keywords ``weight=`` and ``formula=`` of earlier
    versions still work, with a DeprecationWarning.

    Parameters
    ----------
    weight_kg : float, array or Series
        Weight lifted [kg], > 0 (pounds work too: the result is then in pounds).
    reps : int, array or Series
        Repetitions completed to failure, 1 to ``MAX_REPS`` (10).
    model : str, default "epley"
        One of ``MODELS`` (the table above).

    Returns
    -------
    float, array or Series, like ``weight_kg``
        Estimated 1RM [kg].

    Examples
    --------
    >>> estimate_1rm(100, 5, model="brzycki")
    112.5

    References
    ----------
    .. [1] Epley B (1985). Poundage chart. Boyd Epley Workout. Lincoln, NE: Body Enterprises.
       (A chart, no DOI.)
    .. [2] Brzycki M (1993). Strength testing: predicting a one-rep max from reps-to-fatigue.
       J Phys Educ Recreat Dance 64(1):88–90. doi:10.1080/07303084.1993.10606684
    .. [3] Lombardi VP (1989). Beginning Weight Training: The Safe and Effective Way.
       Dubuque, IA: W.C. Brown. (A book, no DOI.)
    .. [4] Mayhew JL, Ball TE, Arnold MD, Bowen JC (1992). Relative muscular endurance
       performance as a predictor of bench press strength in college men and women.
       J Appl Sport Sci Res 6(4):200–206. (No DOI.)
    .. [5] O'Conner B, Simmons J, O'Shea P (1989). Weight Training Today. St Paul, MN: West
       Publishing. (A book, no DOI.)
    .. [6] Wathan D (1994). Load assignment. In: Baechle TR (ed.), Essentials of Strength
       Training and Conditioning. Champaign, IL: Human Kinetics, 435–446. (A book chapter,
       no DOI.)
    .. [7] Lander J (1985). Maximums based on reps. Natl Strength Cond Assoc J 6(6):60–61.
       (No DOI.)
    .. [8] LeSuer DA, McCormick JH, Mayhew JL, Wasserstein RL, Arnold MD (1997). The accuracy
       of prediction equations for estimating 1-RM performance in the bench press, squat, and
       deadlift. J Strength Cond Res 11(4):211–213.
       doi:10.1519/1533-4287(1997)011<0211:TAOPEF>2.3.CO;2
    .. [9] Reynolds JM, Gordon TJ, Robergs RA (2006). Prediction of one repetition maximum
       strength from multiple repetition maximum testing and anthropometry. J Strength Cond
       Res 20(3):584–592. doi:10.1519/R-15304.1
    """
    equation = MODELS.get(model)
    w = check_range("weight_kg", as_float_array("weight_kg", weight_kg), 0, low_inclusive=False)
    r = _reps("reps", reps, MAX_REPS)
    estimate = np.where(r == 1, w, equation(w, r))
    return like_input(weight_kg, estimate)


@renamed(load="weight_kg", one_rm="one_rm_kg")
def reps_at(weight_kg, one_rm_kg):
    r"""Repetitions a lifter can do with a weight, by inverting Epley: r = 30 (1RM/w − 1).

    Rounded down, at least 0 and at most 30. Used to model a lifter in the progression schemes.
    The keywords ``load=`` and ``one_rm=`` of earlier versions still work, with a warning.

    Parameters
    ----------
    weight_kg : float, array or Series
        Weight on the bar [kg], > 0.
    one_rm_kg : float, array or Series
        The lifter's one-repetition maximum [kg], > 0.

    Returns
    -------
    float, array or Series, like ``weight_kg``
        Whole repetitions, 0–30.

    Examples
    --------
    >>> reps_at(60, 80)
    10.0

    References
    ----------
    Epley B (1985). Poundage chart. Boyd Epley Workout. Lincoln, NE: Body Enterprises.
    """
    w = check_range("weight_kg", as_float_array("weight_kg", weight_kg), 0, low_inclusive=False)
    m = check_range("one_rm_kg", as_float_array("one_rm_kg", one_rm_kg), 0, low_inclusive=False)
    return like_input(weight_kg, np.clip(np.floor(30 * (m / w - 1) + 1e-9), 0, 30))


@renamed(load="weight_kg")
def round_to_plates(weight_kg, increment: float = 2.5):
    """Round a weight to the nearest total that plates can make, a multiple of ``increment``.

    With pairs of 1.25 kg plates the smallest step on a bar is 2.5 kg (5 lb with 2.5 lb plates).
    Halves round up (12.5 → 12.5, 11.25 → 12.5 with a 2.5 step).

    Parameters
    ----------
    weight_kg : float, array or Series
        Weight [kg], ≥ 0 (pounds work with ``increment`` in pounds).
    increment : float
        Smallest step [same unit as the weight], > 0: 2.5 for kg, 5 for lb, 1 or 2 for
        dumbbells.

    Returns
    -------
    float, array or Series, like ``weight_kg``

    Examples
    --------
    >>> round_to_plates(81.1)
    80.0
    """
    check_range("increment", increment, 0, low_inclusive=False)
    values = as_float_array("weight_kg", check_range("weight_kg", weight_kg, 0))
    return like_input(weight_kg, np.floor(values / increment + 0.5) * increment)


@renamed(one_rm="one_rm_kg")
def prescribe_load(one_rm_kg, fraction, increment: float = 2.5):
    """The plate-rounded weight for a fraction of 1RM: round(1RM × fraction).

    Parameters
    ----------
    one_rm_kg : float, array or Series
        One-repetition maximum [kg], > 0.
    fraction : float, array or Series
        Fraction of 1RM, 0–1 (e.g. 0.75, or ``percent_1rm(reps, rpe)``).
    increment : float
        Plate step [kg], as :func:`round_to_plates`.

    Returns
    -------
    float, array or Series, like ``one_rm_kg``
        Weight [kg].

    Examples
    --------
    >>> prescribe_load(120, 0.75)
    90.0
    """
    m = check_range("one_rm_kg", as_float_array("one_rm_kg", one_rm_kg), 0, low_inclusive=False)
    f = check_range("fraction", as_float_array("fraction", fraction), 0, 1)
    return like_input(one_rm_kg, np.asarray(round_to_plates(m * f, increment)))


@renamed(load="weight_kg")
def volume_load(sets, reps, weight_kg):
    """Volume load: sets × reps × weight [kg].

    Parameters
    ----------
    sets, reps : int, array or Series
        Number of sets and repetitions per set, ≥ 0.
    weight_kg : float, array or Series
        Weight per repetition [kg], ≥ 0.

    Returns
    -------
    float, array or Series, like ``sets``
        Volume load [kg].

    Examples
    --------
    >>> volume_load(3, 8, 60)
    1440.0

    References
    ----------
    Schoenfeld BJ, Ogborn D, Krieger JW (2017). J Sports Sci 35:1073–1082.
    doi:10.1080/02640414.2016.1210197
    """
    s = as_float_array("sets", check_range("sets", sets, 0))
    r = as_float_array("reps", check_range("reps", reps, 0))
    w = as_float_array("weight_kg", check_range("weight_kg", weight_kg, 0))
    return like_input(sets, s * r * w)
