"""The running side of a plan: phases, weekly volume, the long-run rules and a week's runs."""

from __future__ import annotations

import functools
import math

import numpy as np

from helpers import running, units
from helpers._registry import Registry
from helpers._renamed import renamed
from helpers.plans.coach import threshold

PHASES = ("base", "build", "peak", "taper")
TAPER_WEEKS = 2
PEAK_WEEKS = 3
#: Running volume of the taper weeks as fractions of the peak (the last one excludes the race).
TAPER_FRACTIONS = (0.70, 0.45)
RECOVERY_FRACTION = 0.75
#: Largest planned week-on-week rise of running volume outside recovery weeks.
MAX_RAMP = 0.10
#: Days of the 7-day week (0–6, the long run on day 6) for each number of running days. Quality
#: runs go on days 1 and 3, and heavy lifting after them, so no heavy session falls the day
#: before a quality run or within two days before the long run.
RUN_OFFSETS = {
    3: (1, 3, 6),
    4: (1, 3, 4, 6),
    5: (0, 1, 3, 4, 6),
    6: (0, 1, 2, 3, 4, 6),
    7: tuple(range(7)),
}

# --- long-run rules -------------------------------------------------------------------------
#: Traditional rule: peak distance [km], longest time [min], largest rise [km] over the longest
#: of the two weeks before; the long run 2 and 1 weeks out as fractions of the peak long run.
TRADITIONAL = {"peak_km": 32.0, "max_min": 180.0, "step_km": 3.0}
TAPER_LONG = {2: 0.75, 1: 0.6}
#: Daniels: share of the week (30 % below 64 km, i.e. 40 miles, a week; 25 % above) and time.
DANIELS = {"share_low": 0.30, "share_high": 0.25, "switch_km": 64.0, "max_min": 150.0}
RECOVERY_LONG = 0.7
#: A longest run under this share of the race distance gets a warning.
LONG_RUN_WARNING_SHARE = 0.60

# --- quality sessions -----------------------------------------------------------------------
#: Largest share of the week's running at each pace (Daniels 2014): threshold 10 %,
#: intervals 8 %, marathon pace 20 %.
QUALITY_SHARE = {"threshold": 0.10, "interval": 0.08, "marathon": 0.20}
#: CR-10 rating of each part of a run (a course assumption, not a measurement): the session RPE
#: is their time-weighted mean (Foster's session RPE rates the whole session).
PART_RPE = {"easy": 3.0, "long": 4.0, "marathon": 5.0, "threshold": 6.0, "interval": 8.0}
RACE_RPE = 9.0
WARM_UP_KM = COOL_DOWN_KM = 2.0
MIN_EASY_KM = 3.0
MEDIUM_LONG_FROM_KM = 55.0
#: A run of this length or more counts toward the check's ``long_runs_28km`` [km].
BIG_RUN_KM = 28.0


def phases(weeks: int, recovery_every: int = 4) -> list[tuple[str, bool]]:
    """(phase, recovery week?) for each week of a block of ``weeks`` weeks."""
    ramp = weeks - PEAK_WEEKS - TAPER_WEEKS
    base = round(0.4 * ramp)
    out = []
    for w in range(1, weeks + 1):
        if w <= base:
            phase = "base"
        elif w <= ramp:
            phase = "build"
        elif w <= ramp + PEAK_WEEKS:
            phase = "peak"
        else:
            phase = "taper"
        out.append((phase, phase in ("base", "build") and w % recovery_every == 0))
    return out


def weekly_volume(current_km: float, peak_km: float, weeks: int, recovery_every: int = 4):
    """Planned training km per week (the race not counted) and the volume the ramp peaks at.

    Normal weeks rise by one common factor r ≤ 1 + MAX_RAMP from the current volume to the peak,
    reached in the first peak week; recovery weeks run 75 % of the week before; the taper runs
    70 % and 45 % of the peak.
    """
    plan = phases(weeks, recovery_every)
    steps = sum(1 for phase, rec in plan if phase in ("base", "build") and not rec)
    wanted = (peak_km / current_km) ** (1 / steps) if steps else 1.0
    factor = min(wanted, 1 + MAX_RAMP)
    reached = min(current_km * factor**steps if steps else peak_km, peak_km)
    km, level, taper = [], current_km / factor, 0
    for phase, recovery in plan:
        if phase in ("base", "build"):
            if recovery:
                km.append(level * RECOVERY_FRACTION)
                continue
            level *= factor
            km.append(level)
        elif phase == "peak":
            km.append(reached)
        else:
            km.append(reached * TAPER_FRACTIONS[taper])
            taper += 1
    return np.round(km, 1), round(reached, 1)


LONG_RUN_MODELS = Registry("long-run rule")


def long_run_cap(model: str, week_km: float, easy_pace_s_per_km: float) -> float:
    """The longest long run a rule allows in a week of ``week_km`` [km] at any point."""
    LONG_RUN_MODELS.check(model)  # an unknown rule is an error, never the traditional one
    km_per_min = 60.0 / easy_pace_s_per_km
    if model == "daniels":
        share = DANIELS["share_low"] if week_km < DANIELS["switch_km"] else DANIELS["share_high"]
        return min(share * week_km, DANIELS["max_min"] * km_per_min)
    return min(TRADITIONAL["peak_km"], TRADITIONAL["max_min"] * km_per_min)


@renamed(rule="model")
def long_runs(
    week_km, plan, easy_pace_s_per_km: float, model: str = "traditional", current_long_km=None
):
    """The long run of each week [km] by a named coaching rule; 0 in race week (the race).

    ``model="traditional"``: the long run grows by at most 3 km over the longest of the two
    weeks before, to a peak of 32 km (20 miles) or 180 min at easy pace, whichever is shorter;
    recovery weeks run 70 % of the week before; the peak comes 3–5 weeks before the race, then
    75 % and 60 % of it two weeks and one week out. A 20-mile peak long run is what Higdon's
    and Pfitzinger & Douglas's marathon plans share (we could not read the books here: the
    attribution is from the plans' published summaries, and neither book puts 32 km into a
    65 km week).

    .. math:: L_i = \\min(\\max(L_{i-1}, L_{i-2}) + 3,\\; 32,\\; 180/p_E)

    ``model="daniels"``: the lesser of 150 min at easy pace and a share of the week, 25 % (30 %
    for weeks under 64 km, 40 miles): our reading of Daniels' rule for the weekly L run
    (Daniels 2014). His marathon programmes add longer marathon-pace sessions that this rule
    does not model, so it is a share rule, not his marathon plan.

    .. math:: L_i = \\min(s(V_i)\\,V_i,\\; 150/p_E)

    Both rules then keep the coach's check (:mod:`helpers.plans.coach`): no long run more than
    10 % longer than the longest of the 30 days before (``single_run_spike``, Frandsen et al.
    2025), at most 40 % of its week (``long_run_share``: 26 km of a 65 km week, 28 km of
    70 km), and at most 5 runs of 28 km or more (``long_runs_28km``); a longer one is held at
    27.5 km.

    Neither rule has been compared in a trial: both are coaching practice, and the course
    teaches them as such.

    Parameters
    ----------
    week_km : array
        Training km of each week (the race not counted) [km].
    plan : list of (phase, recovery)
        From :func:`phases`.
    easy_pace_s_per_km : float
        Easy pace [s/km], from :func:`helpers.running.training_paces`.
    model : {"traditional", "daniels"}
        A name in :data:`LONG_RUN_MODELS` (``rule=`` is the deprecated old keyword).
    current_long_km : float, optional
        The runner's current long run [km]; default 30 % of week 1.

    Returns
    -------
    ndarray
        Long-run km per week, rounded to 0.5 km; the last (race) week is 0.

    Examples
    --------
    >>> plan = phases(16)
    >>> km, _ = weekly_volume(40, 65, 16)
    >>> long_runs(km, plan, 334.0, "daniels", 12)[-5:].tolist()  # 25 % of 65 km, then the taper
    [16.0, 16.0, 13.5, 10.5, 0.0]

    References
    ----------
    Daniels J (2014). Daniels' Running Formula, 3rd ed. Champaign, IL: Human Kinetics.
    Pfitzinger P, Douglas S (2019). Advanced Marathoning, 3rd ed. Champaign, IL: Human Kinetics.
    Higdon H (2011). Marathon: The Ultimate Training Guide, 4th ed. New York: Rodale.
    """
    rule = LONG_RUN_MODELS.get(model)
    km = np.asarray(week_km, dtype=float)
    start = 0.3 * km[0] if current_long_km is None else float(current_long_km)
    wanted = rule(km, plan, 60.0 / easy_pace_s_per_km, start)
    return _within_check(wanted, km, plan, start)


@LONG_RUN_MODELS.register("traditional")
def _traditional(km, plan, km_per_min, start):
    t = TRADITIONAL
    cap = min(t["peak_km"], t["max_min"] * km_per_min)
    out = np.zeros(len(km))
    before = [start, start]
    for i, (_, recovery) in enumerate(plan[:-1]):
        to_race = len(km) - 1 - i
        if to_race in TAPER_LONG:
            value = TAPER_LONG[to_race] * out[:i].max(initial=0.0)
        elif recovery:
            value = RECOVERY_LONG * before[-1]
        else:
            value = min(max(before[-2:]) + t["step_km"], cap)
        out[i] = value
        before.append(min(value, threshold("long_run_share") * km[i]))
    return out


@LONG_RUN_MODELS.register("daniels")
def _daniels(km, plan, km_per_min, start):
    share = np.where(km < DANIELS["switch_km"], DANIELS["share_low"], DANIELS["share_high"])
    out = np.minimum(share * km, DANIELS["max_min"] * km_per_min)
    out[-1] = 0.0
    return out


def _within_check(wanted, km, plan, start, big_weeks=None):
    """Hold each long run to the check's limits: ≤ 1.1 × the longest of the 4 weeks before (the
    runner's current long run counts for the first 4), ≤ 40 % of its week, and at most 5 runs
    of 28 km or more, kept for the last weeks that reach it (the others held at 27.5 km)."""
    spike = 1 + threshold("single_run_spike")
    share = threshold("long_run_share")
    out = np.zeros(len(km))
    for i in range(len(km) - 1):
        ref = max(out[max(0, i - 4) : i].max(initial=0.0), start if i < 4 else 0.0)
        value = min(wanted[i], spike * ref, share * km[i])
        to_race = len(km) - 1 - i
        if to_race in TAPER_LONG:
            value = min(value, TAPER_LONG[to_race] * out[:i].max(initial=0.0))
        elif plan[i][1]:  # a recovery week
            value = min(value, RECOVERY_LONG * out[i - 1] if i else value)
        if big_weeks is not None and i not in big_weeks:
            value = min(value, 27.5)
        out[i] = math.floor(value * 2 + 1e-9) / 2
    big = np.flatnonzero(out >= 28)
    most = int(threshold("long_runs_28km"))
    if big_weeks is None and len(big) > most:
        return _within_check(wanted, km, plan, start, set(big[-most:].tolist()))
    return out


#: How each intensity is prescribed when no performance is known: effort (CR-10 RPE) and the
#: talk test, never a pace.
EFFORT = {
    "easy": "RPE 3 (talk test: full sentences)",
    "marathon": "marathon effort, RPE 5 (short sentences)",
    "threshold": "RPE 6–7 (a few words at a time)",
    "interval": "RPE 8 (single words)",
}


@functools.lru_cache(maxsize=256)
def paces(vdot: float, grounded: bool = True) -> dict:
    """Easy, marathon, threshold and interval pace [s/km] (:func:`helpers.running.training_paces`)
    and, under ``"text"``, how each is written in a session: the pace when ``grounded`` (a
    race, time trial or the log's best efforts is known), otherwise the effort (:data:`EFFORT`);
    the VDOT then only sizes durations and the long run's time cap."""
    table = running.training_paces(vdot)
    out = {k: float(table[k]) for k in ("easy", "marathon", "threshold", "interval")}
    out["text"] = {k: _fmt(v) if grounded else EFFORT[k] for k, v in out.items()}
    if grounded:
        out["text"]["marathon"] = f"marathon pace {out['text']['marathon']}"
    return out


@functools.lru_cache(maxsize=1024)
def _fmt(pace_s: float) -> str:
    return units.format_pace(pace_s)


def quality_kinds(level: str, phase: str, recovery: bool, to_race: int) -> tuple:
    """The quality sessions of a week, hardest first: beginners get none in base, nobody in a
    recovery week; the taper keeps intensity (Bosquet et al. 2007) with less of it."""
    if to_race == 0:
        return ("marathon",)  # a short tune-up at race pace early in race week
    if to_race == 1:
        return ("marathon",) if level == "beginner" else ("threshold",)
    if recovery:
        return ()
    table = {
        "base": {"beginner": (), "intermediate": ("threshold",), "advanced": ("threshold",)},
        "build": {
            "beginner": ("threshold",),
            "intermediate": ("threshold", "marathon"),
            "advanced": ("interval", "threshold"),
        },
        "peak": {
            "beginner": ("marathon",),
            "intermediate": ("threshold", "marathon"),
            "advanced": ("threshold", "marathon"),
        },
    }
    return table[phase][level]


def quality_session(kind: str, week_km: float, pace: dict, race_week: bool = False, longest=None):
    """One quality run: (title, details, parts) with parts [(what, km, pace s/km)], or None when
    the week is too small for the smallest useful main set or the session would be longer than
    ``longest`` [km] (the week's long run).

    The main set is capped by :data:`QUALITY_SHARE` of the week; threshold work is split into
    repeats of at most 10 min with 2 min jogs, intervals into 3–6 repeats of 1 km (0.8 km in
    small weeks) with jogs as long as a repeat; warm-up and cool-down are 2 km easy.
    """
    cap_km = QUALITY_SHARE[kind] * week_km
    easy, main = pace["easy"], pace[kind]
    text = pace["text"]
    if kind == "threshold":
        total = min(math.floor(cap_km * main / 60), 40)
        if total < 8:
            return None
        reps = math.ceil(total / 10)
        rep_min = total // reps
        main_km = reps * rep_min * 60 / main
        jog_km = (reps - 1) * 2 * 60 / easy
        set_text = (
            f"{reps} × {rep_min} min at {text[kind]}, 2 min jogs"
            if reps > 1
            else f"{rep_min} min at {text[kind]}"
        )
        title = "Threshold run"
    elif kind == "interval":
        rep_km = 1.0 if cap_km >= 4 else 0.8
        reps = min(6, math.floor(cap_km / rep_km))
        if reps < 3:
            return None
        main_km = reps * rep_km
        jog_km = (reps - 1) * rep_km * main / easy
        set_text = f"{reps} × {rep_km * 1000:.0f} m at {text[kind]}, jogs of equal time"
        title = "Intervals"
    else:
        main_km = min(math.floor(cap_km), 3 if race_week else 16)
        if longest is not None:
            main_km = min(main_km, math.floor(longest - WARM_UP_KM - COOL_DOWN_KM))
        if main_km < 3:
            return None
        jog_km = 0.0
        set_text = f"{main_km:.0f} km at {text[kind]}"
        title = "Race-pace tune-up" if race_week else "Marathon-pace run"
    parts = [
        ("easy", WARM_UP_KM, easy),
        (kind, main_km, main),
        ("easy", jog_km, easy),
        ("easy", COOL_DOWN_KM, easy),
    ]
    if longest is not None and sum(p[1] for p in parts) > longest + 1e-9:
        return None
    details = (
        f"{WARM_UP_KM:g} km warm-up at {text['easy']}; {set_text}; {COOL_DOWN_KM:g} km cool-down"
    )
    return title, details, parts


def session_numbers(parts):
    """(distance km, minutes, session RPE) of a run from its parts: the RPE is the time-weighted
    mean of :data:`PART_RPE`, rounded to 0.5."""
    km = sum(p[1] for p in parts)
    minutes = [p[1] * p[2] / 60 for p in parts]
    total = sum(minutes)
    rpe = sum(m * PART_RPE[p[0]] for m, p in zip(minutes, parts, strict=True)) / total
    return km, total, round(rpe * 2) / 2


def _fill(total, weights, cap):
    """Split ``total`` km in proportion to ``weights``, no share above ``cap`` (what is over
    goes to the others; what none can take is left out); 0.1 km steps."""
    out = [0.0] * len(weights)
    active = list(range(len(weights)))
    while active:
        wsum = sum(weights[i] for i in active)
        over = [i for i in active if total * weights[i] / wsum > cap]
        if not over:
            break
        for i in over:
            out[i] = math.floor(10 * cap) / 10
            total -= out[i]
            active.remove(i)
    done = 0.0
    for j, i in enumerate(active):
        share = total * weights[i] / sum(weights[k] for k in active)
        out[i] = round(share, 1) if j < len(active) - 1 else round(total - done, 1)
        done += out[i]
    return out


def week_runs(
    week_km,
    long_km,
    run_days,
    level,
    phase,
    recovery,
    to_race,
    pace,
    longest=None,
    long_cap=0.0,
    _retry=True,
):
    """The runs of one week: [(day, title, details, parts)] summing to ``week_km`` (race apart).

    No run is longer than ``longest`` [km] (default the long run; the builder passes the longest
    run of the weeks before, so no run outgrows the 30-day longest by more than the check
    allows); what the easy runs cannot take goes to the medium-long run, then to the long run up
    to ``long_cap`` [km] (the rule's own cap), and the rest is left out.
    The long run sits on day 6 (the race in race week); quality sessions on days 1 and 3;
    a medium-long run (65 % of the long run, at most 20 % of the week) in weeks of 55 km or
    more with 5 or more running days; easy runs share the rest, the day after the long run
    shorter (a recovery run). Extras are dropped, medium-long first, until every easy run is
    at least 3 km; a marathon-pace session dropped so moves into the end of the long run (at
    most 20 % of the week and a quarter of the long run).
    """
    offsets = [d for d in RUN_OFFSETS[run_days] if d != 6]
    race_week = to_race == 0
    extras = []  # (day, title, details, parts)
    free = list(offsets)
    for i, kind in enumerate(
        quality_kinds(level, phase, recovery, to_race)[: max(0, len(offsets) - 1)]
    ):
        longest = max(long_km, longest or 0.0)
        made = quality_session(kind, week_km, pace, race_week, None if race_week else longest)
        if made is None:
            continue
        wanted = (1,) if i == 0 else (3,)
        day = next((d for d in wanted if d in free), None)
        if day is None:
            continue
        free.remove(day)
        extras.append((day, *made))
    if not race_week and week_km >= MEDIUM_LONG_FROM_KM and run_days >= 5 and len(free) >= 2:
        medium = math.floor(min(0.65 * long_km, 0.20 * week_km))
        day = next((d for d in (4, 2, 0) if d in free), None)
        if day is None:
            day = free[-1]
        free.remove(day)
        extras.append(
            (
                day,
                "Medium-long run",
                f"steady, at {pace['text']['easy']}",
                [("easy", medium, pace["easy"])],
            )
        )
    dropped = []
    while True:
        rest = week_km - long_km - sum(round(sum(p[1] for p in e[3]), 1) for e in extras)
        weights = [0.8 if d == 0 else 1.0 for d in free]
        if not extras or rest / sum(weights) >= MIN_EASY_KM:
            break
        dropped.append(extras.pop())  # the medium-long run, then the second quality session
        free.append(dropped[-1][0])
        free.sort()
    runs = list(extras)
    long_parts = [("long", long_km, pace["easy"])]
    long_title, long_text = "Long run", f"easy, at {pace['text']['easy']}"
    if any(e[1] == "Marathon-pace run" for e in dropped) and phase in ("build", "peak"):
        # no room for a marathon-pace session: finish the long run at marathon pace instead
        mp_km = math.floor(min(QUALITY_SHARE["marathon"] * week_km, 0.25 * long_km))
        if mp_km >= 3:
            long_parts = [
                ("long", long_km - mp_km, pace["easy"]),
                ("marathon", mp_km, pace["marathon"]),
            ]
            long_title = "Long run with marathon pace"
            long_text += f"; the last {mp_km} km at {pace['text']['marathon']}"
    if race_week:  # shakeouts shrink toward the race
        weights = [1.0 - 0.15 * j for j in range(len(free))]
    cap = max(long_km, longest or 0.0) if not race_week else math.inf
    cap = min(cap, BIG_RUN_KM - 0.5)  # runs of 28 km+ are the long runs the rule chose
    dists = _fill(rest, weights, cap)
    left = rest - sum(dists)
    for k, (d, title, text, parts) in enumerate(runs):
        if title == "Medium-long run" and left > 0.05:  # every easy run is full
            more = max(0.0, min(left, math.floor(10 * (cap - parts[0][1])) / 10))
            runs[k] = (d, title, text, [(parts[0][0], parts[0][1] + more, parts[0][2])])
            left -= more
    room = min(max(cap, long_km), threshold("long_run_share") * week_km, long_cap) - long_km
    if left > 0.05 and room > 0 and not race_week:  # then the long run, within the check
        more = math.floor(2 * min(left, room)) / 2
        long_parts[0] = (long_parts[0][0], long_parts[0][1] + more, long_parts[0][2])
        left -= more
    if left > 0.05 and _retry:  # the week is shorter: size its quality sessions on what is run
        return week_runs(week_km - left, long_km, run_days, level, phase, recovery, to_race,
                         pace, longest, long_cap, _retry=False)  # fmt: skip
    for d, dist in zip(free, dists, strict=True):
        title = "Recovery run" if d == 0 and len(free) > 1 else "Easy run"
        runs.append((d, title, f"easy, at {pace['text']['easy']}", [("easy", dist, pace["easy"])]))
    if not race_week:
        runs.append((6, long_title, long_text, long_parts))
    return sorted(runs, key=lambda r: r[0])
