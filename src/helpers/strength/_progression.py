"""One entry point for the four progression schemes: ``progression(model, weeks, ...)``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from helpers._checks import check_integer, check_range
from helpers._registry import Registry
from helpers._renamed import renamed
from helpers.strength._onerm import round_to_plates
from helpers.strength._schemes import (
    double_progression,
    linear_progression,
    rpe_progression,
    wave_progression,
)


@dataclass(frozen=True)
class Scheme:
    """How :func:`progression` runs one scheme's function.

    ``run`` is the function; ``rate`` is (its own keyword that ``rate_pct`` sets, lowest,
    highest, default [%]); ``planned`` is True for a scheme written from the coach's planned 1RM
    (its first argument) rather than from a start weight; ``weekly`` is True when its second
    argument counts weeks rather than sessions.
    """

    run: Callable[..., pd.DataFrame]
    rate: tuple[str, float, float, float]
    planned: bool = False
    weekly: bool = False


#: The progression schemes by name (``model=`` of :func:`progression`): a new scheme is its
#: function in ``_schemes`` and one line here.
PROGRESSIONS = Registry("progression scheme")
PROGRESSIONS.register("linear", Scheme(linear_progression, ("increase_pct", 2.0, 10.0, 5.0)))
PROGRESSIONS.register("double", Scheme(double_progression, ("load_step_pct", 1.0, 10.0, 5.0)))
PROGRESSIONS.register(
    "wave", Scheme(wave_progression, ("wave_gain_pct", 0.0, 10.0, 2.5), planned=True, weekly=True)
)
PROGRESSIONS.register(
    "rpe", Scheme(rpe_progression, ("max_jump_pct", 0.0, 50.0, 7.5), planned=True)
)

#: What ``rate_pct`` sets in each scheme: (the scheme's own keyword, lowest, highest, default).
RATES = {name: PROGRESSIONS.get(name).rate for name in PROGRESSIONS}

#: The former name of :data:`PROGRESSIONS` (kept so older notebooks still run).
SCHEMES = PROGRESSIONS

#: Default first weight of the session-by-session schemes, as a fraction of the lifter's 1RM:
#: 62.5 % is a weight they could lift 18 times by Epley (1RM / (1 + 18/30)), "start light".
START_FRACTION = 0.625


@renamed(scheme="model")
def progression(
    model: str,
    weeks: int,
    *,
    one_rm_kg: float,
    rate_pct: float | None = None,
    start_weight_kg: float | None = None,
    planned_1rm_kg: float | None = None,
    weekly_gain_pct: float = 1.0,
    sessions_per_week: int = 2,
    sets: int | None = None,
    max_jump_pct: float | None = None,
    increment: float = 2.5,
    deload_every: int | None = None,
    deload_fraction: float = 0.6,
    **options,
) -> pd.DataFrame:
    r"""A block of training under one progression scheme, on one modelled lifter.

    Dispatches, through :data:`PROGRESSIONS`, to :func:`linear_progression`,
    :func:`double_progression`, :func:`wave_progression` or :func:`rpe_progression` with the
    parameters they share, and one keyword for the scheme's rate, ``rate_pct``:

    ======  ===========================================================  =======  =======
    scheme  what ``rate_pct`` sets                                       range    default
    ======  ===========================================================  =======  =======
    linear  the step once the target is beaten (ACSM: 2–10 %)            2–10 %   5 %
    double  the step once the top of the rep range is reached twice     1–10 %   5 %
    wave    how much heavier each new wave starts                        0–10 %   2.5 %
    rpe     the largest jump from one working session to the next       0–50 %   7.5 %
    ======  ===========================================================  =======  =======

    The lifter's 1RM in week w is ``one_rm_kg`` × (1 + ``weekly_gain_pct``/100)^(w − 1); it is
    the table's ``true_1rm_kg`` column. The linear and double schemes start at
    ``start_weight_kg`` and let the lifter's reps decide; the wave and RPE schemes are written
    from ``planned_1rm_kg``, the 1RM the coach believes (the wave never looks at the lifter,
    the RPE scheme corrects its estimate from each set's RPE).

    Parameters
    ----------
    model : str
        The scheme, one of ``PROGRESSIONS``: "linear", "double", "wave", "rpe". The keyword
        ``scheme=`` of earlier versions still works, with a DeprecationWarning.
    weeks : int
        Length of the block [weeks], 1–52 (sessions = weeks × sessions_per_week ≤ 200).
    one_rm_kg : float
        The modelled lifter's real 1RM at the start [kg], > 0.
    rate_pct : float, optional
        The scheme's rate [%] (table above); default: the scheme's default.
    start_weight_kg : float, optional
        First weight of the linear and double schemes [kg], below ``one_rm_kg``; default
        ``START_FRACTION`` of ``one_rm_kg`` on plates. Not used by wave and rpe (an error).
    planned_1rm_kg : float, optional
        The 1RM the wave and RPE schemes are written from [kg], > 0; default ``one_rm_kg``
        (the coach knows it). Not used by linear and double (an error).
    weekly_gain_pct : float
        Modelled improvement of the lifter's 1RM per week [%], 0–5.
    sessions_per_week : int
        1–7 (the course's range is 2–3).
    sets : int, optional
        Working sets per session, 1–10; default: the scheme's (3, or 4 for the wave).
    max_jump_pct : float, optional
        Largest rise over the last working session [%], 0–50; default 10. For the RPE scheme
        this is its rate: pass ``rate_pct``.
    increment : float
        Plate step [kg], > 0.
    deload_every : int or None
        A deload week every N weeks (2–12), or None for none.
    deload_fraction : float
        Share of the sets kept in a deload week, 0.3–1.
    **options
        The scheme's own parameters (``target_reps``, ``reps_over_target``, ``achieved_reps``
        for linear; ``rep_range``, ``achieved_reps`` for double; ``wave``, ``reps`` for wave;
        ``reps``, ``target_rpe`` for rpe).

    Returns
    -------
    DataFrame
        One row per session: ``COLUMNS`` (with ``true_1rm_kg``), plus ``percent_1rm`` (wave)
        or ``e1rm`` (rpe).

    Examples
    --------
    >>> block = progression("linear", 2, one_rm_kg=80, rate_pct=5)
    >>> block["load"].tolist()
    [50.0, 52.5, 55.0, 57.5]
    >>> block["true_1rm_kg"].tolist()
    [80.0, 80.0, 80.8, 80.8]

    References
    ----------
    Ratamess NA, Alvar BA, Evetoch TK, et al. (2009). American College of Sports Medicine
    position stand. Progression models in resistance training for healthy adults. Med Sci Sports
    Exerc 41:687–708. doi:10.1249/MSS.0b013e3181915670
    """
    scheme = PROGRESSIONS.get(model)
    weeks = check_integer("weeks", weeks, 1, 52)
    sessions_per_week = check_integer("sessions_per_week", sessions_per_week, 1, 7)
    if weeks * sessions_per_week > 200:
        raise ValueError(
            f"weeks × sessions_per_week must be at most 200 sessions, got {weeks} × "
            f"{sessions_per_week} = {weeks * sessions_per_week}"
        )
    check_range("one_rm_kg", one_rm_kg, 0, low_inclusive=False, unit="kg")
    keyword, low, high, default = scheme.rate
    rate = default if rate_pct is None else rate_pct
    check_range(f"rate_pct (the {model} scheme's {keyword})", rate, low, high, unit="%")
    if keyword in options:
        raise ValueError(
            f"pass the {model} scheme's {keyword} as rate_pct, got {keyword}={options[keyword]!r}"
        )
    common = dict(
        sessions_per_week=sessions_per_week,
        increment=increment,
        deload_every=deload_every,
        deload_fraction=deload_fraction,
        **{keyword: rate},
    )
    if sets is not None:
        common["sets"] = sets
    if keyword == "max_jump_pct" and max_jump_pct is not None:
        raise ValueError(
            f"max_jump_pct is the {model} scheme's rate: pass rate_pct only, got max_jump_pct="
            f"{max_jump_pct!r} and rate_pct={rate_pct!r}"
        )
    if max_jump_pct is not None:
        common["max_jump_pct"] = max_jump_pct
    count = weeks if scheme.weekly else weeks * sessions_per_week
    if not scheme.planned:
        if planned_1rm_kg is not None:
            raise ValueError(
                f"planned_1rm_kg is for the {_named(True)} schemes; the {model} scheme starts "
                f"from start_weight_kg, got planned_1rm_kg={planned_1rm_kg!r}"
            )
        if start_weight_kg is None:
            start_weight_kg = float(round_to_plates(START_FRACTION * one_rm_kg, increment))
        return scheme.run(
            start_weight_kg,
            count,
            one_rm_kg=one_rm_kg,
            weekly_gain_pct=weekly_gain_pct,
            **common,
            **options,
        )
    if start_weight_kg is not None:
        raise ValueError(
            f"start_weight_kg is for the {_named(False)} schemes; the {model} scheme starts "
            f"from planned_1rm_kg, got start_weight_kg={start_weight_kg!r}"
        )
    planned = one_rm_kg if planned_1rm_kg is None else planned_1rm_kg
    check_range("planned_1rm_kg", planned, 0, low_inclusive=False, unit="kg")
    return scheme.run(
        planned,
        count,
        true_one_rm_kg=one_rm_kg,
        weekly_gain_pct=weekly_gain_pct,
        **common,
        **options,
    )


def _named(planned: bool) -> str:
    """The schemes written from a planned 1RM (or from a start weight), as "a, b and c"."""
    names = [name for name in PROGRESSIONS if PROGRESSIONS.get(name).planned == planned]
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
