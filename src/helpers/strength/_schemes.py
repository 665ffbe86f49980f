"""The four progression schemes (linear, double, wave, RPE), each run on a modelled lifter."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers._checks import as_float_array, check_integer, check_range
from helpers._renamed import renamed
from helpers.strength._onerm import reps_at, round_to_plates, volume_load
from helpers.strength._rpe import RPE_CHART, e1rm_from_rpe, percent_1rm

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
    "true_1rm_kg",
]


@dataclass(frozen=True)
class Lifter:
    """The modelled lifter every scheme is run on: a 1RM that grows a fixed share each week.

    1RM in week w = ``one_rm_kg`` × (1 + ``weekly_gain_pct`` / 100)^(w − 1). An assumption for
    illustration (the progressions' ``true_1rm_kg`` column), not a prediction for a real person.

    >>> round(Lifter(80, 1.0).one_rm_in_week(3), 2)
    81.61
    """

    one_rm_kg: float
    weekly_gain_pct: float = 1.0

    def __post_init__(self):
        check_range("one_rm_kg", self.one_rm_kg, 0, low_inclusive=False, unit="kg")
        check_range("weekly_gain_pct", self.weekly_gain_pct, 0, 5, unit="%")

    def one_rm_in_week(self, week: int) -> float:
        """The lifter's 1RM [kg] in training week ``week`` (week 1 is the start)."""
        return float(self.one_rm_kg) * (1 + self.weekly_gain_pct / 100) ** (week - 1)


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


@renamed(start_load="start_weight_kg", one_rm="one_rm_kg")
def linear_progression(
    start_weight_kg,
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
    one_rm_kg=None,
    achieved_reps=None,
    weekly_gain_pct: float = 1.0,
    deload_fraction: float = 0.6,
) -> pd.DataFrame:
    """Linear progression (ACSM 2009): add ``increase_pct`` once the lifter beats the target reps.

    ACSM: "a 2–10 % increase in load … when the individual can perform the current workload for
    one to two repetitions over the desired number". The next session's load rises by
    ``increase_pct`` when the reps done reach ``target_reps + reps_over_target``; it is rounded to
    plates and never more than ``max_jump_pct`` above the last session.

    The lifter is modelled deterministically: the 1RM starts at ``one_rm_kg`` (default: a start
    weight they could lift ``target_reps + 4`` times, i.e. "start light", by Epley) and improves
    by ``weekly_gain_pct`` a week; the reps done are those :func:`reps_at` allows, stopping at
    ``target_reps + reps_over_target``. Pass ``achieved_reps`` (one per session) to use real
    reps instead of the model. A deload week (every ``deload_every`` weeks) keeps
    ``deload_fraction`` of the sets at 90 % of the load and pauses progression.

    Parameters
    ----------
    start_weight_kg : float
        First session's weight [kg], > 0 (start light: e.g. a weight the lifter can do for 12).
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
    one_rm_kg : float, optional
        The modelled lifter's 1RM at the start [kg], > start_weight_kg.
    achieved_reps : array of int, optional
        Reps done in each session (overrides the model).
    weekly_gain_pct : float
        Modelled improvement of the 1RM per week [%], 0–5.
    deload_fraction : float
        Share of the sets kept in a deload week, 0.3–1.

    Returns
    -------
    DataFrame
        Columns ``COLUMNS``; one row per session. ``true_1rm_kg`` is the modelled lifter's
        1RM that week (:class:`Lifter`).

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
    check_range("start_weight_kg", start_weight_kg, 0, low_inclusive=False, unit="kg")
    target_reps = check_integer("target_reps", target_reps, 1, 30)
    sets = check_integer("sets", sets, 1, 10)
    check_range("increase_pct", increase_pct, 2, 10, unit="%")
    reps_over_target = check_integer("reps_over_target", reps_over_target, 1, 5)
    deload_every = _deload_weeks(deload_every, deload_fraction)
    check_range("weekly_gain_pct", weekly_gain_pct, 0, 5, unit="%")
    if one_rm_kg is None:
        one_rm_kg = float(start_weight_kg) * (1 + (target_reps + 4) / 30)
    check_range("one_rm_kg", one_rm_kg, float(start_weight_kg), low_inclusive=False, unit="kg")
    lifter = Lifter(one_rm_kg, weekly_gain_pct)
    done = _achieved(achieved_reps, sessions)
    goal = target_reps + reps_over_target
    rows, load = [], float(round_to_plates(start_weight_kg, increment))
    for i in range(sessions):
        week = i // sessions_per_week + 1
        true_max = lifter.one_rm_in_week(week)
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
    return _table(rows, lifter)


@renamed(start_load="start_weight_kg", one_rm="one_rm_kg")
def double_progression(
    start_weight_kg,
    sessions: int,
    rep_range: tuple[int, int] = (8, 12),
    sessions_per_week: int = 2,
    sets: int = 3,
    load_step_pct: float = 5.0,
    max_jump_pct: float = 10.0,
    increment: float = 2.5,
    *,
    one_rm_kg=None,
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
    start_weight_kg : float
        First session's weight [kg], > 0.
    sessions : int
        1–200.
    rep_range : (int, int)
        Lowest and highest reps, 1 ≤ low < high ≤ 30.
    load_step_pct : float
        Load increase after the range is completed [%], 1–10.
    one_rm_kg : float, optional
        The modelled lifter's 1RM [kg], > start_weight_kg; default: a start weight they can lift
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
    check_range("start_weight_kg", start_weight_kg, 0, low_inclusive=False, unit="kg")
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
    if one_rm_kg is None:
        one_rm_kg = float(start_weight_kg) * (1 + high / 30)
    check_range("one_rm_kg", one_rm_kg, float(start_weight_kg), low_inclusive=False, unit="kg")
    lifter = Lifter(one_rm_kg, weekly_gain_pct)
    done = _achieved(achieved_reps, sessions)
    rows, load, planned, at_top = [], float(round_to_plates(start_weight_kg, increment)), low, 0
    for i in range(sessions):
        week = i // sessions_per_week + 1
        true_max = lifter.one_rm_in_week(week)
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
    return _table(rows, lifter)


@renamed(one_rm="one_rm_kg", true_one_rm="true_one_rm_kg")
def wave_progression(
    one_rm_kg,
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
    *,
    true_one_rm_kg=None,
    weekly_gain_pct: float = 1.0,
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
    one_rm_kg : float
        The 1RM the plan is written from [kg], > 0.
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
    true_one_rm_kg : float, optional
        The modelled lifter's real 1RM at the start [kg], > 0; default ``one_rm_kg``. The plan
        never looks at it: it only fills the ``true_1rm_kg`` column.
    weekly_gain_pct : float
        Modelled improvement of the lifter's 1RM per week [%], 0–5.

    Returns
    -------
    DataFrame
        Columns ``COLUMNS`` plus ``percent_1rm`` (of ``one_rm_kg``).

    References
    ----------
    Rogerson D, Nolan D, Korakakis PA, et al. (2024). Deloading practices in strength and physique
    sports: a cross-sectional survey. Sports Med Open 10:26. doi:10.1186/s40798-024-00691-y
    """
    check_range("one_rm_kg", one_rm_kg, 0, low_inclusive=False, unit="kg")
    lifter = Lifter(one_rm_kg if true_one_rm_kg is None else true_one_rm_kg, weekly_gain_pct)
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
        if deload:  # fewer sets at the start of the wave just lifted: volume, load and effort
            finished = wave_no - 1 if step == 0 and wave_no else wave_no
            fraction, n_reps = min(wave) * (1 + wave_gain_pct / 100) ** finished, max(reps)
            n_sets = max(1, int(round(sets * deload_fraction)))
            note = "deload: fewer sets, lighter"
        else:
            fraction, n_reps, n_sets = (
                wave[step] * (1 + wave_gain_pct / 100) ** wave_no,
                reps[step],
                sets,
            )
            note = f"wave {wave_no + 1}, step {step + 1}"
        load = float(round_to_plates(one_rm_kg * fraction, increment))
        if previous is not None and deload:  # a deload is never heavier than the last week
            load = min(load, previous)
        elif previous is not None:
            load, _ = _capped(previous, load, max_jump_pct, increment)
        for _ in range(sessions_per_week):
            rpe = None if deload else planned_rpe
            row = _row(len(rows), week, load, n_sets, n_reps, n_reps, rpe, deload, note)
            row["percent_1rm"] = round(load / one_rm_kg, 3)
            rows.append(row)
        if not deload:
            previous = load
            step += 1
            if step == len(wave):
                step, wave_no = 0, wave_no + 1
    return _table(rows, lifter, extra=["percent_1rm"])


def _reps_for_fraction(fraction: float, rpe: float = 8.0) -> int:
    """Most reps (1–10) whose RPE-chart fraction at ``rpe`` is at least ``fraction``."""
    row = RPE_CHART.loc[rpe]
    fitting = [r for r in row.index if row[r] >= fraction - 1e-9]
    return int(max(fitting)) if fitting else 1


@renamed(start_e1rm="start_e1rm_kg", true_one_rm="true_one_rm_kg")
def rpe_progression(
    start_e1rm_kg,
    sessions: int,
    reps: int = 5,
    target_rpe: float = 8.0,
    sessions_per_week: int = 2,
    sets: int = 3,
    max_jump_pct: float = 7.5,
    increment: float = 2.5,
    *,
    true_one_rm_kg=None,
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
    start_e1rm_kg : float
        The coach's first estimate of the 1RM [kg], > 0.
    true_one_rm_kg : float, optional
        The lifter's real 1RM at the start (unknown to the coach) [kg], > 0; default
        ``start_e1rm_kg`` (the coach guessed right).
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
    check_range("start_e1rm_kg", start_e1rm_kg, 0, low_inclusive=False, unit="kg")
    if true_one_rm_kg is None:
        true_one_rm_kg = start_e1rm_kg
    check_range("true_one_rm_kg", true_one_rm_kg, 0, low_inclusive=False, unit="kg")
    reps = check_integer("reps", reps, 1, 10)
    check_range("target_rpe", target_rpe, 7, 10)
    sets = check_integer("sets", sets, 1, 10)
    check_range("weekly_gain_pct", weekly_gain_pct, 0, 5, unit="%")
    deload_every = _deload_weeks(deload_every, deload_fraction)
    fraction = float(percent_1rm(reps, target_rpe))
    lifter = Lifter(true_one_rm_kg, weekly_gain_pct)
    rows, e1rm, previous = [], float(start_e1rm_kg), None
    for i in range(sessions):
        week = i // sessions_per_week + 1
        true_max = lifter.one_rm_in_week(week)
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
    return _table(rows, lifter, extra=["e1rm"])


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


def _table(rows: list[dict], lifter: Lifter, extra: list[str] | None = None) -> pd.DataFrame:
    """The scheme's rows, with the modelled lifter's 1RM each week (0.1 kg) as ``true_1rm_kg``."""
    for row in rows:
        row["true_1rm_kg"] = round(lifter.one_rm_in_week(row["week"]), 1)
    return pd.DataFrame(rows, columns=COLUMNS + (extra or []))
