"""Strength-training models: 1RM equations, the RPE chart, plate rounding, volume and progressions.

Loads are in kilograms unless a parameter says otherwise; the formulas themselves are unit-free,
so pounds work as long as every load is in pounds (and plates are rounded with 5 lb).

Example
-------
>>> round(estimate_1rm(100, 5), 2)
116.67
>>> percent_1rm(5, 8)
0.811
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import as_float_array, check_choice, check_integer, check_range, like_input

#: Largest number of reps each 1RM equation is used for: 10 for all seven. The equations were
#: fitted on sets of about 10 repetitions or fewer and their error grows with reps (LeSuer et al.
#: 1997). Beyond that their forms part ways: Brzycki's 36 / (37 − r) and Lander's
#: 100 / (101.3 − 2.67 r) blow up as r nears 37–38, Lombardi's r^0.10 flattens out, and the
#: linear Epley and O'Conner keep growing, so no equation is trusted past 10.
FORMULAS = {
    "epley": 10,
    "brzycki": 10,
    "lombardi": 10,
    "mayhew": 10,
    "oconner": 10,
    "wathan": 10,
    "lander": 10,
}

_EQUATIONS = {
    "epley": lambda w, r: w * (1 + r / 30),
    "brzycki": lambda w, r: w * 36 / (37 - r),
    "lombardi": lambda w, r: w * r**0.10,
    "mayhew": lambda w, r: 100 * w / (52.2 + 41.9 * np.exp(-0.055 * r)),
    "oconner": lambda w, r: w * (1 + 0.025 * r),
    "wathan": lambda w, r: 100 * w / (48.8 + 53.8 * np.exp(-0.075 * r)),
    "lander": lambda w, r: 100 * w / (101.3 - 2.67123 * r),
}


def _reps(name: str, reps, high: int) -> np.ndarray:
    arr = check_range(name, as_float_array(name, reps), 1, high)
    arr = np.asarray(arr, dtype=float)
    if np.any(arr != np.round(arr)):
        raise ValueError(f"{name} must be whole repetitions, got {reps!r}")
    return arr


def estimate_1rm(weight, reps, formula: str = "epley"):
    """Estimated one-repetition maximum from a set taken to failure.

    ==========  ===========================================
    formula     1RM
    ==========  ===========================================
    epley       w (1 + r/30)                 (Epley 1985)
    brzycki     w · 36 / (37 − r)            (Brzycki 1993)
    lombardi    w · r^0.10                   (Lombardi 1989)
    mayhew      100 w / (52.2 + 41.9 e^(−0.055 r))  (Mayhew et al. 1992)
    oconner     w (1 + 0.025 r)              (O'Conner et al. 1989)
    wathan      100 w / (48.8 + 53.8 e^(−0.075 r))  (Wathan 1994)
    lander      100 w / (101.3 − 2.67123 r)  (Lander 1985)
    ==========  ===========================================

    One repetition returns the weight itself for every formula (the course's convention: the raw
    equations do not all give w at r = 1).

    Parameters
    ----------
    weight : float, array or Series
        Load lifted [kg or lb], > 0.
    reps : int, array or Series
        Repetitions completed to failure, 1 to the formula's limit in ``FORMULAS`` (10).
    formula : str
        One of ``FORMULAS``.

    Returns
    -------
    float, array or Series, like ``weight``
        Estimated 1RM in the unit of ``weight``.

    Examples
    --------
    >>> estimate_1rm(100, 5, "brzycki")
    112.5

    References
    ----------
    LeSuer DA, McCormick JH, Mayhew JL, Wasserstein RL, Arnold MD (1997). The accuracy of
    prediction equations for estimating 1-RM performance in the bench press, squat, and
    deadlift. J Strength Cond Res 11:211–213.
    """
    check_choice("formula", formula, FORMULAS)
    w = check_range("weight", as_float_array("weight", weight), 0, low_inclusive=False)
    r = _reps("reps", reps, FORMULAS[formula])
    estimate = np.where(r == 1, w, _EQUATIONS[formula](w, r))
    return like_input(weight, estimate)


#: RIR-based RPE chart (Tuchscherer / Reactive Training Systems), fraction of 1RM by RPE (rows)
#: and reps (columns). Cells with reps + reps in reserve ≥ 11 differ between published copies:
#: treat them as approximate.
RPE_CHART = (
    pd.DataFrame(
        [
            [100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9],
            [97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3],
            [95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7],
            [93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4],
            [92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0],
            [90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7],
            [89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3],
        ],
        index=pd.Index([10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0], name="rpe"),
        columns=pd.Index(range(1, 11), name="reps"),
    )
    .div(100)
    .round(4)
)


def rir_to_rpe(rir):
    """RPE on the reps-in-reserve scale: RPE = 10 − RIR (Zourdos et al. 2016).

    Parameters
    ----------
    rir : float, array or Series
        Repetitions left in reserve, 0–4 (RPE 6 to 10; 4 or more in reserve is RPE 5–6).

    Returns
    -------
    float, array or Series, like the input

    References
    ----------
    Zourdos MC, Klemp A, Dolan C, et al. (2016). Novel resistance training-specific rating of
    perceived exertion scale measuring repetitions in reserve. J Strength Cond Res 30:267–275.
    doi:10.1519/JSC.0000000000001049
    """
    check_range("rir", rir, 0, 4)
    return like_input(rir, 10.0 - as_float_array("rir", rir))


def rpe_to_rir(rpe):
    """Repetitions in reserve from RPE: RIR = 10 − RPE, for RPE 6–10 (Zourdos et al. 2016).

    RPE 9.5 means "could have added load but not a rep": RIR 0.5.

    References
    ----------
    Zourdos MC, et al. (2016). J Strength Cond Res 30:267–275. doi:10.1519/JSC.0000000000001049
    """
    check_range("rpe", rpe, 6, 10)
    return like_input(rpe, 10.0 - as_float_array("rpe", rpe))


def percent_1rm(reps, rpe):
    """Fraction of 1RM a set of ``reps`` at ``rpe`` corresponds to, from the RPE chart.

    Between the chart's half-point rows the fraction is interpolated linearly in RPE.

    Parameters
    ----------
    reps : int, array or Series
        Repetitions in the set, 1–10.
    rpe : float, array or Series
        RPE of the set on the reps-in-reserve scale, 7–10.

    Returns
    -------
    float, array or Series, like ``reps``
        Fraction of 1RM (0–1). Example: 5 reps at RPE 8 → 0.811.

    References
    ----------
    Helms ER, Cronin J, Storey A, Zourdos MC (2016). Application of the repetitions in reserve-
    based rating of perceived exertion scale for resistance training. Strength Cond J 38:42–49.
    doi:10.1519/SSC.0000000000000218
    """
    r = _reps("reps", reps, 10).astype(int)
    e = np.asarray(check_range("rpe", as_float_array("rpe", rpe), 7, 10), dtype=float)
    rows = RPE_CHART.index.to_numpy()[::-1]  # ascending RPE for interpolation
    table = RPE_CHART.to_numpy()[::-1]
    r, e = np.broadcast_arrays(r, e)
    out = np.array(
        [np.interp(ei, rows, table[:, ri - 1]) for ri, ei in zip(r.ravel(), e.ravel(), strict=True)]
    )
    return like_input(reps, out.reshape(r.shape))


def e1rm_from_rpe(weight, reps, rpe):
    """Estimated 1RM from a set and its RPE: e1RM = weight ÷ percent_1rm(reps, rpe).

    Parameters
    ----------
    weight : float, array or Series
        Load lifted [kg or lb], > 0.
    reps, rpe
        As :func:`percent_1rm`.

    Returns
    -------
    float, array or Series, like ``weight``

    References
    ----------
    Helms ER, et al. (2016). Strength Cond J 38:42–49. doi:10.1519/SSC.0000000000000218
    """
    w = check_range("weight", as_float_array("weight", weight), 0, low_inclusive=False)
    return like_input(weight, w / np.asarray(percent_1rm(reps, rpe)))


def round_to_plates(load, increment: float = 2.5):
    """Round a load to the nearest total that plates can make, a multiple of ``increment``.

    With pairs of 1.25 kg plates the smallest step on a bar is 2.5 kg (5 lb with 2.5 lb plates).
    Halves round up (12.5 → 12.5, 11.25 → 12.5 with a 2.5 step).

    Parameters
    ----------
    load : float, array or Series
        Load [kg or lb], ≥ 0.
    increment : float
        Smallest step [same unit], > 0: 2.5 for kg, 5 for lb, 1 or 2 for dumbbells.

    Returns
    -------
    float, array or Series, like ``load``
    """
    check_range("increment", increment, 0, low_inclusive=False)
    values = as_float_array("load", check_range("load", load, 0))
    return like_input(load, np.floor(values / increment + 0.5) * increment)


def prescribe_load(one_rm, fraction, increment: float = 2.5):
    """The plate-rounded load for a fraction of 1RM: round(1RM × fraction).

    Parameters
    ----------
    one_rm : float, array or Series
        One-repetition maximum [kg or lb], > 0.
    fraction : float, array or Series
        Fraction of 1RM, 0–1 (e.g. 0.75, or ``percent_1rm(reps, rpe)``).
    increment : float
        Plate step, as :func:`round_to_plates`.

    Returns
    -------
    float, array or Series, like ``one_rm``
    """
    m = check_range("one_rm", as_float_array("one_rm", one_rm), 0, low_inclusive=False)
    f = check_range("fraction", as_float_array("fraction", fraction), 0, 1)
    return like_input(one_rm, np.asarray(round_to_plates(m * f, increment)))


def volume_load(sets, reps, load):
    """Volume load: sets × reps × load [kg or lb].

    Parameters
    ----------
    sets, reps : int, array or Series
        Number of sets and repetitions per set, ≥ 0.
    load : float, array or Series
        Load per repetition [kg or lb], ≥ 0.

    Returns
    -------
    float, array or Series, like ``sets``

    References
    ----------
    Schoenfeld BJ, Ogborn D, Krieger JW (2017). J Sports Sci 35:1073–1082.
    doi:10.1080/02640414.2016.1210197
    """
    s = as_float_array("sets", check_range("sets", sets, 0))
    r = as_float_array("reps", check_range("reps", reps, 0))
    w = as_float_array("load", check_range("load", load, 0))
    return like_input(sets, s * r * w)


# ------------------------------------------------------------------------------------------
# Progression schemes. Each returns one row per session; the lifter is modelled simply and
# deterministically so that a learner can see what each rule does with the same person.
# ------------------------------------------------------------------------------------------

COLUMNS = [
    "session",
    "week",
    "load",
    "sets",
    "reps",
    "target_reps",
    "rpe",
    "volume_load",
    "deload",
    "note",
]


def reps_at(load, one_rm):
    """Repetitions a lifter can do with ``load`` given a 1RM, by inverting Epley: r = 30 (1RM/w − 1).

    Rounded down, at least 0 and at most 30. Used to model a lifter in the progression schemes.
    """
    w = check_range("load", as_float_array("load", load), 0, low_inclusive=False)
    m = check_range("one_rm", as_float_array("one_rm", one_rm), 0, low_inclusive=False)
    return like_input(load, np.clip(np.floor(30 * (m / w - 1) + 1e-9), 0, 30))


def _check_common(sessions, sessions_per_week, max_jump_pct, increment) -> tuple[int, int]:
    sessions = check_integer("sessions", sessions, 1, 200)
    sessions_per_week = check_integer("sessions_per_week", sessions_per_week, 1, 7)
    check_range("max_jump_pct", max_jump_pct, 0, 50, unit="%")
    check_range("increment", increment, 0, low_inclusive=False)
    return sessions, sessions_per_week


def _capped(
    previous: float, wanted: float, max_jump_pct: float, increment: float
) -> tuple[float, bool]:
    """``wanted`` rounded to plates, but never more than ``max_jump_pct`` above ``previous``.

    ``previous`` is the last working (non-deload) load: going back to it after a deload week is
    not a new overload, so it is not capped again.

    The cap is never exceeded: when even the smallest plate step is larger than the cap, the
    load stays where it was (a smaller ``increment``, e.g. micro-plates, is then needed).
    """
    cap = previous * (1 + max_jump_pct / 100)
    load = float(round_to_plates(wanted, increment))
    if load > cap + 1e-9:
        return max(previous, float(np.floor(cap / increment + 1e-9) * increment)), True
    return load, False


def _achieved(achieved_reps, sessions: int) -> np.ndarray | None:
    """Optional reps actually done in each session (whole numbers ≥ 0, one per session)."""
    if achieved_reps is None:
        return None
    arr = np.asarray(
        check_range("achieved_reps", as_float_array("achieved_reps", achieved_reps), 0)
    )
    if arr.shape != (sessions,) or np.any(arr != np.round(arr)):
        raise ValueError(
            f"achieved_reps must give whole reps for each of the {sessions} sessions, "
            f"got {achieved_reps!r}"
        )
    return arr.astype(int)


#: Share of the working load lifted in a deload week of the session-by-session schemes.
DELOAD_LOAD = 0.9


def _deload_weeks(deload_every, deload_fraction) -> int | None:
    check_range("deload_fraction", deload_fraction, 0.3, 1.0)
    if deload_every is None:
        return None
    return check_integer("deload_every", deload_every, 2, 12)


def _deload_row(i, week, load, sets, reps, target, deload_fraction, increment, rpe=None) -> dict:
    """A deload session: ``DELOAD_LOAD`` of the working load and ``deload_fraction`` of the sets."""
    easy = float(round_to_plates(DELOAD_LOAD * load, increment))
    n_sets = max(1, round(sets * deload_fraction))
    return _row(i, week, easy, n_sets, reps, target, rpe, True, "deload: fewer sets, 90 % load")


def linear_progression(
    start_load,
    sessions: int,
    sessions_per_week: int = 2,
    increase_pct: float = 5.0,
    reps_over_target: int = 2,
    max_jump_pct: float = 10.0,
    increment: float = 2.5,
    target_reps: int = 8,
    sets: int = 3,
    deload_every: int | None = None,
    *,
    one_rm=None,
    achieved_reps=None,
    weekly_gain_pct: float = 1.0,
    deload_fraction: float = 0.6,
) -> pd.DataFrame:
    """Linear progression (ACSM 2009): add ``increase_pct`` once the lifter beats the target reps.

    ACSM: "a 2–10 % increase in load … when the individual can perform the current workload for
    one to two repetitions over the desired number". The next session's load rises by
    ``increase_pct`` when the reps done reach ``target_reps + reps_over_target``; it is rounded to
    plates and never more than ``max_jump_pct`` above the last session.

    The lifter is modelled deterministically: the 1RM starts at ``one_rm`` (default: a start load
    they could lift ``target_reps + 4`` times, i.e. "start light", by Epley) and improves by
    ``weekly_gain_pct`` a week; the reps done are those :func:`reps_at` allows, stopping at
    ``target_reps + reps_over_target``. Pass ``achieved_reps`` (one per session) to use real
    reps instead of the model. A deload week (every ``deload_every`` weeks) keeps
    ``deload_fraction`` of the sets at 90 % of the load and pauses progression.

    Parameters
    ----------
    start_load : float
        First session's load [kg], > 0 (start light: e.g. a load the lifter can do for 12).
    sessions : int
        Number of sessions, 1–200.
    sessions_per_week : int
        1–7 (the course's range is 2–3).
    increase_pct : float
        Step when the target is beaten, 2–10 % (ACSM 2009).
    reps_over_target : int
        Extra reps (1–2 in ACSM 2009; 1–5 allowed) that earn the increase.
    max_jump_pct : float
        Largest allowed rise over the last working (non-deload) session [%], 0–50.
    increment : float
        Plate step [kg], > 0.
    target_reps, sets : int
        The prescription, 1–30 reps and 1–10 sets.
    deload_every : int or None
        A deload week every N weeks (2–12), or None.
    one_rm : float, optional
        The modelled lifter's 1RM at the start [kg], > start_load.
    achieved_reps : array of int, optional
        Reps done in each session (overrides the model).
    weekly_gain_pct : float
        Modelled improvement of the 1RM per week [%], 0–5.
    deload_fraction : float
        Share of the sets kept in a deload week, 0.3–1.

    Returns
    -------
    DataFrame
        Columns ``COLUMNS``; one row per session.

    Examples
    --------
    >>> linear_progression(40, 6)["load"].tolist()
    [40.0, 42.5, 42.5, 42.5, 42.5, 45.0]

    References
    ----------
    Ratamess NA, Alvar BA, Evetoch TK, et al. (2009). American College of Sports Medicine
    position stand. Progression models in resistance training for healthy adults. Med Sci Sports
    Exerc 41:687–708. doi:10.1249/MSS.0b013e3181915670
    """
    sessions, sessions_per_week = _check_common(
        sessions, sessions_per_week, max_jump_pct, increment
    )
    check_range("start_load", start_load, 0, low_inclusive=False, unit="kg")
    target_reps = check_integer("target_reps", target_reps, 1, 30)
    sets = check_integer("sets", sets, 1, 10)
    check_range("increase_pct", increase_pct, 2, 10, unit="%")
    reps_over_target = check_integer("reps_over_target", reps_over_target, 1, 5)
    deload_every = _deload_weeks(deload_every, deload_fraction)
    check_range("weekly_gain_pct", weekly_gain_pct, 0, 5, unit="%")
    if one_rm is None:
        one_rm = float(start_load) * (1 + (target_reps + 4) / 30)
    check_range("one_rm", one_rm, float(start_load), low_inclusive=False, unit="kg")
    done = _achieved(achieved_reps, sessions)
    goal = target_reps + reps_over_target
    rows, load = [], float(round_to_plates(start_load, increment))
    for i in range(sessions):
        week = i // sessions_per_week + 1
        true_max = one_rm * (1 + weekly_gain_pct / 100) ** (week - 1)
        if deload_every is not None and week % deload_every == 0:
            reps = target_reps if done is None else int(done[i])
            rows.append(
                _deload_row(i, week, load, sets, reps, target_reps, deload_fraction, increment)
            )
            continue
        reps = int(min(reps_at(load, true_max), goal)) if done is None else int(done[i])
        nxt, note = load, "hold: target not beaten"
        if reps >= goal:
            nxt, capped = _capped(load, load * (1 + increase_pct / 100), max_jump_pct, increment)
            if nxt == load:
                nxt, capped = _capped(load, load + increment, max_jump_pct, increment)
            note = f"+{increase_pct:g} % next" + (" (capped)" if capped else "")
        rows.append(_row(i, week, load, sets, reps, target_reps, None, False, note))
        load = nxt
    return _table(rows)


def double_progression(
    start_load,
    sessions: int,
    rep_range: tuple[int, int] = (8, 12),
    sessions_per_week: int = 2,
    sets: int = 3,
    load_step_pct: float = 5.0,
    max_jump_pct: float = 10.0,
    increment: float = 2.5,
    *,
    one_rm=None,
    achieved_reps=None,
    weekly_gain_pct: float = 1.0,
    deload_every: int | None = None,
    deload_fraction: float = 0.6,
) -> pd.DataFrame:
    """Double progression: add reps up to the top of the range, then add load and start again.

    Each session the lifter aims for one more rep per set than last time (never more than they
    can, modelled with :func:`reps_at`). When all sets reach the top of ``rep_range`` in two
    sessions in a row (the NSCA "2-for-2" rule), the load rises by ``load_step_pct`` (rounded to
    plates, at least one plate step, never above ``max_jump_pct``) and the reps drop to the
    bottom of the range. Deload weeks (every ``deload_every`` weeks) repeat the planned reps with
    fewer sets at 90 % of the load and pause the progression.

    Parameters
    ----------
    start_load : float
        First session's load [kg], > 0.
    sessions : int
        1–200.
    rep_range : (int, int)
        Lowest and highest reps, 1 ≤ low < high ≤ 30.
    load_step_pct : float
        Load increase after the range is completed [%], 1–10.
    one_rm : float, optional
        The modelled lifter's 1RM [kg], > start_load; default: a start load they can lift
        for the top of the range (Epley).
    achieved_reps : array of int, optional
        Reps done in each session (overrides the model).
    Other parameters as :func:`linear_progression`.

    Returns
    -------
    DataFrame
        Columns ``COLUMNS``.

    References
    ----------
    Baechle TR, Earle RW (eds.), Essentials of Strength Training and Conditioning (NSCA):
    the 2-for-2 rule.
    Ratamess NA, et al. (2009). Med Sci Sports Exerc 41:687–708. doi:10.1249/MSS.0b013e3181915670
    """
    sessions, sessions_per_week = _check_common(
        sessions, sessions_per_week, max_jump_pct, increment
    )
    check_range("start_load", start_load, 0, low_inclusive=False, unit="kg")
    if (
        not isinstance(rep_range, tuple | list)
        or len(rep_range) != 2
        or not 1 <= rep_range[0] < rep_range[1] <= 30
    ):
        raise ValueError(
            f"rep_range must be (low, high) with 1 ≤ low < high ≤ 30, got {rep_range!r}"
        )
    low, high = (check_integer("rep_range", v, 1, 30) for v in rep_range)
    sets = check_integer("sets", sets, 1, 10)
    check_range("load_step_pct", load_step_pct, 1, 10, unit="%")
    check_range("weekly_gain_pct", weekly_gain_pct, 0, 5, unit="%")
    deload_every = _deload_weeks(deload_every, deload_fraction)
    if one_rm is None:
        one_rm = float(start_load) * (1 + high / 30)
    check_range("one_rm", one_rm, float(start_load), low_inclusive=False, unit="kg")
    done = _achieved(achieved_reps, sessions)
    rows, load, planned, at_top = [], float(round_to_plates(start_load, increment)), low, 0
    for i in range(sessions):
        week = i // sessions_per_week + 1
        true_max = one_rm * (1 + weekly_gain_pct / 100) ** (week - 1)
        if deload_every is not None and week % deload_every == 0:
            reps = planned if done is None else int(done[i])
            rows.append(_deload_row(i, week, load, sets, reps, planned, deload_fraction, increment))
            continue
        reps = int(min(planned, reps_at(load, true_max))) if done is None else int(done[i])
        at_top = at_top + 1 if reps >= high else 0
        note = f"aim for {min(reps + 1, high)} reps next"
        rows.append(_row(i, week, load, sets, reps, planned, None, False, note))
        if at_top >= 2:
            wanted = max(load * (1 + load_step_pct / 100), load + increment)
            load, capped = _capped(load, wanted, max_jump_pct, increment)
            rows[-1]["note"] = f"top of range twice: load to {load:g} kg" + (
                " (capped)" if capped else ""
            )
            planned, at_top = low, 0
        else:
            planned = min(max(reps, low) + 1, high)
    return _table(rows)


def wave_progression(
    one_rm,
    weeks: int,
    wave: tuple[float, ...] = (0.70, 0.75, 0.80),
    deload_every: int = 4,
    deload_fraction: float = 0.6,
    sessions_per_week: int = 2,
    sets: int = 4,
    reps: tuple[int, ...] | None = None,
    wave_gain_pct: float = 2.5,
    max_jump_pct: float = 10.0,
    increment: float = 2.5,
) -> pd.DataFrame:
    """Percentage waves: the %1RM climbs through ``wave`` week by week, with a deload every N weeks.

    Week w of a block uses ``wave[k]`` (k cycles through the wave) of the current 1RM; each new
    wave starts ``wave_gain_pct`` heavier. Every ``deload_every``-th week is a deload: the
    lightest step of the wave with ``deload_fraction`` of the sets (volume, load and effort cut,
    frequency kept, as practitioners report: Rogerson et al. 2024). Reps fall as the
    percentage rises (by default from the RPE chart at RPE 8: the most reps the percentage allows
    with about two in reserve; the ``rpe`` column then says 8).

    Parameters
    ----------
    one_rm : float
        1RM at the start [kg], > 0.
    weeks : int
        1–52.
    wave : tuple of float
        Fractions of 1RM, each 0.3–1.0.
    deload_every : int or None
        A deload week every N weeks (2–12), or None for none. Practitioners deload about every
        5.6 ± 2.3 weeks (Rogerson et al. 2024).
    deload_fraction : float
        Share of the sets kept in a deload week, 0.3–1.
    reps : tuple of int, optional
        Reps for each step of the wave (1–30).
    wave_gain_pct : float
        How much heavier each new wave starts [%], 0–10.

    Returns
    -------
    DataFrame
        Columns ``COLUMNS`` plus ``percent_1rm``.

    References
    ----------
    Rogerson D, Nolan D, Korakakis PA, et al. (2024). Deloading practices in strength and physique
    sports: a cross-sectional survey. Sports Med Open 10:26. doi:10.1186/s40798-024-00691-y
    """
    check_range("one_rm", one_rm, 0, low_inclusive=False, unit="kg")
    weeks = check_integer("weeks", weeks, 1, 52)
    if not wave:
        raise ValueError("wave must list at least one fraction of 1RM, got ()")
    check_range("wave", list(wave), 0.3, 1.0)
    deload_every = _deload_weeks(deload_every, deload_fraction)
    check_range("wave_gain_pct", wave_gain_pct, 0, 10, unit="%")
    sessions_per_week = check_integer("sessions_per_week", sessions_per_week, 1, 7)
    sets = check_integer("sets", sets, 1, 10)
    check_range("max_jump_pct", max_jump_pct, 0, 50, unit="%")
    planned_rpe = None  # the RPE of a working set is known only when the chart chose the reps
    if reps is None:
        reps, planned_rpe = tuple(_reps_for_fraction(f) for f in wave), 8.0
    elif len(reps) != len(wave):
        raise ValueError(
            f"reps must give one value per step of the wave ({len(wave)}), got {reps!r}"
        )
    else:
        reps = tuple(check_integer("reps", r, 1, 30) for r in reps)
    rows, step, wave_no, previous = [], 0, 0, None
    for week in range(1, weeks + 1):
        deload = deload_every is not None and week % deload_every == 0
        if deload:  # fewer sets at the lightest step of the wave: volume, load and effort drop
            fraction, n_reps = min(wave) * (1 + wave_gain_pct / 100) ** wave_no, max(reps)
            n_sets = max(1, int(round(sets * deload_fraction)))
            note = "deload: fewer sets, lighter"
        else:
            fraction, n_reps, n_sets = (
                wave[step] * (1 + wave_gain_pct / 100) ** wave_no,
                reps[step],
                sets,
            )
            note = f"wave {wave_no + 1}, step {step + 1}"
        load = float(round_to_plates(one_rm * fraction, increment))
        if previous is not None and deload:  # a deload is never heavier than the last week
            load = min(load, previous)
        elif previous is not None:
            load, _ = _capped(previous, load, max_jump_pct, increment)
        for _ in range(sessions_per_week):
            rpe = None if deload else planned_rpe
            row = _row(len(rows), week, load, n_sets, n_reps, n_reps, rpe, deload, note)
            row["percent_1rm"] = round(load / one_rm, 3)
            rows.append(row)
        if not deload:
            previous = load
            step += 1
            if step == len(wave):
                step, wave_no = 0, wave_no + 1
    return _table(rows, extra=["percent_1rm"])


def _reps_for_fraction(fraction: float, rpe: float = 8.0) -> int:
    """Most reps (1–10) whose RPE-chart fraction at ``rpe`` is at least ``fraction``."""
    row = RPE_CHART.loc[rpe]
    fitting = [r for r in row.index if row[r] >= fraction - 1e-9]
    return int(max(fitting)) if fitting else 1


def rpe_progression(
    start_e1rm,
    sessions: int,
    reps: int = 5,
    target_rpe: float = 8.0,
    sessions_per_week: int = 2,
    sets: int = 3,
    max_jump_pct: float = 7.5,
    increment: float = 2.5,
    *,
    true_one_rm=None,
    weekly_gain_pct: float = 1.0,
    deload_every: int | None = None,
    deload_fraction: float = 0.6,
) -> pd.DataFrame:
    """RPE-autoregulated loading: each session's load comes from the latest estimated 1RM.

    load = e1RM × percent_1rm(reps, target_rpe), rounded to plates and capped at
    ``max_jump_pct`` above the last load. The lifter's real RPE for that set is modelled from
    their true 1RM (which improves ``weekly_gain_pct`` a week): RPE = 10 − (reps possible −
    reps done), limited to 7–10; the e1RM is then updated with :func:`e1rm_from_rpe`. A set
    easier than RPE 7 is off the chart: it only shows that the e1RM is at least
    ``e1rm_from_rpe(load, reps, 7)``, so the estimate never falls on an easy day. Deload
    weeks (every ``deload_every`` weeks) use fewer sets at 90 % of the last load and leave the
    e1RM as it was.

    Parameters
    ----------
    start_e1rm : float
        The coach's first estimate of the 1RM [kg], > 0.
    true_one_rm : float, optional
        The lifter's real 1RM at the start (unknown to the coach) [kg], > 0; default
        ``start_e1rm`` (the coach guessed right).
    reps : int
        Reps per set, 1–10.
    target_rpe : float
        7–10.
    Other parameters as :func:`linear_progression`.

    Returns
    -------
    DataFrame
        Columns ``COLUMNS`` plus ``e1rm``.

    References
    ----------
    Helms ER, et al. (2016). Strength Cond J 38:42–49. doi:10.1519/SSC.0000000000000218
    Zourdos MC, et al. (2016). J Strength Cond Res 30:267–275. doi:10.1519/JSC.0000000000001049
    """
    sessions, sessions_per_week = _check_common(
        sessions, sessions_per_week, max_jump_pct, increment
    )
    check_range("start_e1rm", start_e1rm, 0, low_inclusive=False, unit="kg")
    if true_one_rm is None:
        true_one_rm = start_e1rm
    check_range("true_one_rm", true_one_rm, 0, low_inclusive=False, unit="kg")
    reps = check_integer("reps", reps, 1, 10)
    check_range("target_rpe", target_rpe, 7, 10)
    sets = check_integer("sets", sets, 1, 10)
    check_range("weekly_gain_pct", weekly_gain_pct, 0, 5, unit="%")
    deload_every = _deload_weeks(deload_every, deload_fraction)
    fraction = float(percent_1rm(reps, target_rpe))
    rows, e1rm, previous = [], float(start_e1rm), None
    for i in range(sessions):
        week = i // sessions_per_week + 1
        true_max = true_one_rm * (1 + weekly_gain_pct / 100) ** (week - 1)
        if deload_every is not None and week % deload_every == 0:
            base = previous or float(round_to_plates(e1rm * fraction, increment))
            row = _deload_row(i, week, base, sets, reps, reps, deload_fraction, increment)
            possible = float(reps_at(row["load"], true_max))
            row["rpe"] = float(np.clip(10 - (possible - reps), 7, 10))
            row["e1rm"] = round(e1rm, 1)
            rows.append(row)
            continue
        load = float(round_to_plates(e1rm * fraction, increment))
        capped = False
        if previous is not None:
            load, capped = _capped(previous, load, max_jump_pct, increment)
        possible = float(reps_at(load, true_max))
        rpe = float(np.clip(10 - (possible - reps), 7, 10))
        note = f"felt RPE {rpe:g}" + (" (jump capped)" if capped else "")
        row = _row(i, week, load, sets, reps, reps, rpe, False, note)
        if possible - reps > 3:  # easier than RPE 7, off the chart: the e1RM is at least this
            e1rm = max(e1rm, float(e1rm_from_rpe(load, reps, 7.0)))
            row["note"] = "felt RPE < 7" + (" (jump capped)" if capped else "")
        else:
            e1rm = float(e1rm_from_rpe(load, reps, rpe))
        row["e1rm"] = round(e1rm, 1)
        rows.append(row)
        previous = load
    return _table(rows, extra=["e1rm"])


def _row(i, week, load, sets, reps, target, rpe, deload, note) -> dict:
    return {
        "session": i + 1,
        "week": week,
        "load": load,
        "sets": sets,
        "reps": reps,
        "target_reps": target,
        "rpe": np.nan if rpe is None else rpe,
        "volume_load": float(volume_load(sets, reps, load)),
        "deload": deload,
        "note": note,
    }


def _table(rows: list[dict], extra: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS + (extra or []))
