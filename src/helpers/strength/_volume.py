"""Strength volume beyond the bar: hard sets per muscle per week, and a session's duration.

Both count lifting (sets, minutes) rather than training load; they sit beside
:func:`helpers.strength.volume_load` (sets × reps × kg).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import as_float_array, check_range, like_input


def _muscles(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(m.strip() for m in value.split(";") if m.strip())
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ()
    return tuple(value)


def weekly_sets(sets: pd.DataFrame, synergist_weight: float = 0.5) -> pd.DataFrame:
    r"""Hard sets per muscle group per ISO week; a synergist's set counts ``synergist_weight``.

    .. math:: S_{m,w} = \sum_{e \in w} n_e \,[m \in P_e] + s \, n_e \,[m \in S_e]

    where :math:`n_e` is the number of sets of entry *e*, :math:`P_e` its primary and
    :math:`S_e` its secondary (synergist) muscles, and *s* the synergist weight (0.5 by the
    convention of Pelland et al. 2025; verify that reference before leaning on it).

    Parameters
    ----------
    sets : DataFrame
        Columns ``date`` (date-like), ``sets`` (≥ 0), ``primary_muscles`` and
        ``secondary_muscles`` (each a ``;``-separated string or a tuple of names).
    synergist_weight : float
        Weight of a set for a secondary muscle, 0–1.

    Returns
    -------
    DataFrame
        One row per ISO week (index: the Monday, named ``week``), one column per muscle, sets.
        Weeks inside the range without sets are rows of 0.

    References
    ----------
    Schoenfeld BJ, Ogborn D, Krieger JW (2017). Dose-response relationship between weekly
    resistance training volume and increases in muscle mass. J Sports Sci 35:1073–1082.
    doi:10.1080/02640414.2016.1210197
    """
    check_range("synergist_weight", synergist_weight, 0, 1)
    if not isinstance(sets, pd.DataFrame):
        raise ValueError(f"sets must be a DataFrame, got {type(sets).__name__}")
    missing = {"date", "sets", "primary_muscles", "secondary_muscles"} - set(sets.columns)
    if missing:
        raise ValueError(
            "sets must have columns date, sets, primary_muscles, secondary_muscles; "
            f"missing {sorted(missing)}"
        )
    if sets.empty:
        raise ValueError("sets must not be empty")
    counts = check_range("sets", as_float_array("sets", sets["sets"]), 0)
    try:
        days = pd.to_datetime(sets["date"], format="mixed").dt.normalize()
    except (ValueError, TypeError) as err:
        raise ValueError(f"sets['date'] must be dates ({err})") from None
    if days.dt.tz is not None:
        days = days.dt.tz_localize(None)
    mondays = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    rows = []
    for monday, n, primary, secondary in zip(
        mondays, counts, sets["primary_muscles"], sets["secondary_muscles"], strict=True
    ):
        rows += [(monday, m, n) for m in _muscles(primary)]
        rows += [(monday, m, n * synergist_weight) for m in _muscles(secondary)]
    long = pd.DataFrame(rows, columns=["week", "muscle", "sets"])
    table = long.pivot_table(
        index="week", columns="muscle", values="sets", aggfunc="sum", fill_value=0.0
    )
    weeks = pd.date_range(mondays.min(), mondays.max(), freq="7D", name="week")
    table = table.reindex(weeks, fill_value=0.0)
    table.columns.name = None
    return table


#: Strength-session duration model of :func:`strength_minutes` [min]: warm-up, then the time
#: per working set including its rest, for light-to-moderate and for heavy sessions.
WARM_UP_MIN = 10.0
MIN_PER_SET = 2.5
MIN_PER_HEAVY_SET = 3.5


def strength_minutes(sets, heavy=False):
    r"""Duration of a strength session from its working sets [min]: warm-up plus time per set.

    .. math:: t = 10 + n \times (3.5 \text{ if heavy else } 2.5)

    A set takes about half a minute to lift; the rest after it fills the remainder: about
    2 minutes after a moderate set and 3 after a heavy one, in line with the ACSM position
    stand's 1–2 min for lighter assistance work and 2–3 min or more for heavy core lifts
    (Ratamess et al. 2009). The 10-minute warm-up and the per-set times are the course's
    planning assumptions, not measured values: time your own sessions and rate them with
    :func:`helpers.load.session_load`.

    Parameters
    ----------
    sets : int, array or Series
        Working sets in the session (all exercises), ≥ 0.
    heavy : bool or array of bool
        True for a heavy session (longer rests).

    Returns
    -------
    float, array or Series, like ``sets``
        Session duration [min].

    Examples
    --------
    >>> strength_minutes(15)
    47.5
    >>> strength_minutes(12, heavy=True)
    52.0

    References
    ----------
    Ratamess NA, Alvar BA, Evetoch TK, et al. (2009). American College of Sports Medicine
    position stand. Progression models in resistance training for healthy adults. Med Sci
    Sports Exerc 41:687–708. doi:10.1249/MSS.0b013e3181915670
    """
    n = as_float_array("sets", check_range("sets", sets, 0))
    flags = np.asarray(heavy)
    if flags.dtype != bool:
        raise ValueError(f"heavy must be True or False (one per session), got {heavy!r}")
    per_set = np.where(flags, MIN_PER_HEAVY_SET, MIN_PER_SET)
    return like_input(sets, WARM_UP_MIN + n * per_set)
