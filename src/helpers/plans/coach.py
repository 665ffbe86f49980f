"""A coach's check of a plan, a plan's sessions or a training log: rules as data, pvlib style.

Each rule is one short function registered in :data:`RULES` (a
:class:`helpers._registry.Registry`) with its row of the rule table: name, threshold,
severity, source (with DOI where the source has one) and the message. :func:`rule_table`
shows the table; a coach can read a row, cite it and disagree with it. :func:`check` runs every
rule and returns the findings as a tidy table ``rule, severity, date, week, message, source``.

Severity is one of :data:`SEVERITIES`: ``note`` (worth knowing, no change needed),
``caution`` (change the plan unless you have a reason) and ``danger`` (do not train this
way). ``builder`` says whether :func:`helpers.plans.build_plan` controls what the rule looks
at; the builder is tested to leave no finding above ``note`` from those rules.

Thresholds are the course's reading of the sources, not limits proven in trials: Frandsen et
al. 2025 and Nielsen et al. 2014 are observational cohorts, and most rules about lifting
around runs are coaching practice.

>>> row = rule_table().loc["single_run_spike"]
>>> float(row["threshold"]), row["severity"]
(0.1, 'caution')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import load, units
from helpers._registry import Registry

SEVERITIES = ("note", "caution", "danger")
FINDING_COLUMNS = ["rule", "severity", "date", "week", "message", "source"]
#: Library exercises whose lowering phase is long and loaded: new to most runners, they cause
#: days of soreness the first times, so they start at a low dose.
ECCENTRIC_HEAVY = frozenset(
    {"nordic_curl", "sliding_leg_curl", "bulgarian_split_squat", "pistol_squat",
     "pistol_squat_to_box", "depth_jump"}
)  # fmt: skip
CALF_PATTERNS = {"calf_raise": "straight-knee calf raise", "soleus_raise": "bent-knee calf raise"}
HOP_IDS = frozenset({"pogo_hop", "single_leg_pogo_hop", "skater_hop", "squat_jump", "box_jump",
                     "bounding", "depth_jump"})  # fmt: skip
_SETS_REPS = re.compile(r"(\d+)×(\d+)")


@dataclass(frozen=True)
class Rule:
    """One row of the rule table."""

    name: str
    threshold: float
    unit: str
    severity: str
    builder: bool
    source: str
    message: str


RULES = Registry("check rule")
_TABLE: dict[str, Rule] = {}


def rule(name, threshold, unit, severity, builder, source, message):
    """Register ``func`` as the rule ``name`` with its row of the table."""
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, got {severity!r}")

    def add(func):
        RULES.register(name, func)
        _TABLE[name] = Rule(name, threshold, unit, severity, builder, source, message)
        return func

    return add


def threshold(name: str) -> float:
    """The threshold of rule ``name`` (the builder reads its limits here)."""
    RULES.check(name)
    return _TABLE[name].threshold


def rule_table() -> pd.DataFrame:
    """The rules as a table indexed by name: threshold, unit, severity, builder, source,
    message (with ``{…}`` fields filled in per finding)."""
    rows = [vars(r) for r in _TABLE.values()]
    return pd.DataFrame(rows).set_index("name")


# --- what the rules read ------------------------------------------------------------------
@dataclass
class Context:
    """A plan, sessions table or log brought to one shape (numpy arrays, one row a session)."""

    day: np.ndarray  # days since the first session
    first: dt.date
    week: np.ndarray
    kind: np.ndarray  # "run", "strength", "other"
    km: np.ndarray
    long: np.ndarray  # long run (bool)
    quality: np.ndarray  # a quality run (bool)
    heavy: np.ndarray | None  # heavy lower-body lifting, None when unknown
    ids: list | None  # exercise ids of each session, None when unknown
    lines: list | None
    load: np.ndarray
    race_day: int | None  # day index of the race, None when unknown
    seed_km: float | None  # longest run before the table starts
    spec: object = None
    grounded: bool | None = None  # paces from a performance?
    details: np.ndarray | None = None

    def date(self, i: int) -> dt.date:
        return self.first + dt.timedelta(days=int(self.day[i]))


def _context(x) -> Context:
    spec = getattr(x, "spec", None)
    table = x.sessions if hasattr(x, "sessions") and spec is not None else x
    if not isinstance(table, pd.DataFrame):
        raise ValueError(
            "x must be a Plan, a plan's sessions table or a training log (ImportResult.log), "
            f"got {type(x).__name__}"
        )
    if table.empty:
        raise ValueError("x has no sessions to check")
    if "date" not in table:
        raise ValueError("x must have a 'date' column (a plan's sessions or a training log)")
    dates = table["date"].to_numpy()
    if not all(type(d) is dt.date for d in dates):  # a log's dates may be Timestamps or text
        dates = pd.to_datetime(table["date"]).dt.date.to_numpy()
    first = min(dates)
    day = np.array([(d - first).days for d in dates])
    km = pd.to_numeric(table.get("distance_km"), errors="coerce")
    km = np.nan_to_num(np.asarray(km, dtype=float) if km is not None else np.zeros(len(day)))
    if "kind" in table:  # a plan's sessions
        kind = table["kind"].to_numpy()
        titles = table["title"].astype(str)
        long = titles.str.startswith("Long run").to_numpy()
        quality = (table[["marathon_km", "threshold_km", "interval_km"]].sum(axis=1) > 0).to_numpy()
        race = np.flatnonzero(titles.str.contains("race day", case=False).to_numpy())
        quality = quality & ~long
        heavy = table["heavy"].astype(bool).to_numpy()
        ids = list(table["exercise_ids"]) if "exercise_ids" in table else None
        lines = list(table["exercises"])
        week = table["week"].to_numpy()
        loads = table["load"].to_numpy(dtype=float)
        details = table["details"].astype(str).to_numpy()
    else:  # a training log
        if "sport" not in table:
            raise ValueError("a training log needs a 'sport' column (helpers.logs schema)")
        sport = table["sport"].to_numpy()
        kind = np.where(sport == "run", "run", np.where(sport == "strength", "strength", "other"))
        long = np.zeros(len(day), bool)
        quality = np.zeros(len(day), bool)
        race = np.array([], int)
        heavy, ids, lines, details = None, None, None, None
        week = (day + first.weekday()) // 7 + 1  # calendar weeks from the log's first Monday
        loads = np.nan_to_num(pd.to_numeric(table.get("load"), errors="coerce").to_numpy(float))
    order = np.argsort(day, kind="stable")

    def pick(a):
        return None if a is None else [a[i] for i in order]

    ctx = Context(
        day=day[order], first=first, week=np.asarray(week)[order], kind=kind[order],
        km=km[order], long=long[order], quality=quality[order],
        heavy=None if heavy is None else heavy[order], ids=pick(ids), lines=pick(lines),
        load=loads[order], race_day=int(day[race[-1]]) if len(race) else None, seed_km=None,
        details=None if details is None else details[order],
    )  # fmt: skip
    if spec is not None:
        ctx.spec = spec
        ctx.race_day = (spec.race_date - first).days
        ctx.seed_km = getattr(x, "current_long_run_km", None)
        ctx.grounded = getattr(x, "paces_grounded", None)
    return ctx


def _finding(ctx, name, i=None, week=None, **fields):
    r = _TABLE[name]
    date = ctx.date(i) if i is not None else None
    if week is None and i is not None:
        week = int(ctx.week[i])
    return (name, r.severity, date, week, r.message.format(week=week, **fields), r.source)


def _runs(ctx, race=False):
    """Indices of the runs, the race left out unless ``race``."""
    idx = np.flatnonzero(ctx.kind == "run")
    if not race and ctx.race_day is not None:
        idx = idx[ctx.day[idx] != ctx.race_day]
    return idx


def _week_km(ctx):
    """Running km of each week (the race left out): {week: km}."""
    idx = _runs(ctx)
    weeks = ctx.week[idx]
    return {int(w): float(ctx.km[idx][weeks == w].sum()) for w in np.unique(weeks)}


# --- the rules ------------------------------------------------------------------------------
FRANDSEN = "Frandsen et al. 2025, Br J Sports Med 59:1203–1210, doi:10.1136/bjsports-2024-109380"


@rule("single_run_spike", 0.10, "fraction of the 30-day longest run", "caution", True, FRANDSEN,
      "a {km:.1f} km run is {rise:.0%} longer than the longest run of the 30 days before "
      "({ref:.1f} km); runs more than 10 % longer went with more overuse injuries (HRR 1.64, "
      "95 % CI 1.31–2.05, observational).")  # fmt: skip
def _single_run_spike(ctx):
    """A run longer than (1 + threshold) × the longest run of the 30 days before it (the race
    and runs with less than 30 days of history before them, unless a seed is known, skipped)."""
    limit = 1 + _TABLE["single_run_spike"].threshold
    out = []
    idx = _runs(ctx)
    days, km = ctx.day[idx], ctx.km[idx]
    starts = np.searchsorted(days, days - 30, side="left")
    ends = np.searchsorted(days, days, side="left")
    for j in range(len(idx)):
        ref = km[starts[j] : ends[j]].max(initial=0.0)
        if days[j] < 30:  # history before the table
            if ctx.seed_km is None:
                continue
            ref = max(ref, ctx.seed_km)
        if ref > 0 and km[j] > limit * ref + 1e-9:
            rise = km[j] / ref - 1
            out.append(_finding(ctx, "single_run_spike", idx[j], km=km[j], rise=rise, ref=ref))
    return out


@rule("weekly_jump", 0.30, "fraction of the larger of the 2 weeks before", "caution", True,
      "Nielsen et al. 2014, J Orthop Sports Phys Ther 44:739–747, doi:10.2519/jospt.2014.5164",
      "running rises {rise:.0%} above the larger of the two weeks before ({km:.0f} vs "
      "{ref:.0f} km); in novices rises over 30 % went with more distance-related injuries "
      "(HR 1.59, 95 % CI 0.96–2.66): a prompt to check, not a proven limit.")  # fmt: skip
def _weekly_jump(ctx):
    by_week = _week_km(ctx)
    out = []
    for w, km in by_week.items():
        ref = max(by_week.get(w - 1, 0.0), by_week.get(w - 2, 0.0))
        if w - 2 in by_week and ref > 0 and km > (1 + _TABLE["weekly_jump"].threshold) * ref:
            out.append(_finding(ctx, "weekly_jump", week=w, km=km, ref=ref, rise=km / ref - 1))
    return out


@rule("long_run_share", 0.40, "fraction of the week", "caution", True,
      "course limit (no trial); Daniels 2014, Daniels' Running Formula (book, no DOI) keeps the "
      "long run at 25–30 % of the week",
      "the {km:.1f} km run is {share:.0%} of the week's {week_km:.0f} km; the rest of the week "
      "carries too little of the volume.")  # fmt: skip
def _long_run_share(ctx):
    by_week = _week_km(ctx)
    out = []
    for i in _runs(ctx):
        if ctx.race_day is not None and ctx.day[i] > ctx.race_day - 7:
            continue  # race week: short runs around the race
        total = by_week[int(ctx.week[i])]
        if ctx.km[i] >= 10 and ctx.km[i] > _TABLE["long_run_share"].threshold * total + 0.05:
            out.append(_finding(ctx, "long_run_share", i, km=ctx.km[i], share=ctx.km[i] / total,
                                week_km=total))  # fmt: skip
    return out


@rule("long_runs_28km", 5, "runs of 28 km or more in 18 weeks", "caution", True,
      "coaching practice (no trial): marathon plans hold 3–5 runs of 28–32 km",
      "{count} runs of 28 km or more in 18 weeks; each needs days of recovery, and more of them "
      "add little.")  # fmt: skip
def _long_runs_28km(ctx):
    idx = _runs(ctx)
    big = ctx.day[idx[ctx.km[idx] >= 28]]
    for j, d in enumerate(big):
        count = int(((big > d - 126) & (big <= d)).sum())
        if count > _TABLE["long_runs_28km"].threshold:
            i = idx[ctx.km[idx] >= 28][j]
            return [_finding(ctx, "long_runs_28km", i, count=count)]
    return []


@rule("heavy_before_key_run", 48, "hours before a long run (24 before a quality run)", "caution",
      True, "course rule, lesson 01 (lift after an easy run, not before a hard one); coaching "
      "practice, no trial",
      "heavy lower-body lifting the {gap} before a {what}; "
      "put it after a quality run instead.")  # fmt: skip
def _heavy_before_key_run(ctx):
    if ctx.heavy is None:
        return []
    out = []
    runs = _runs(ctx, race=True)
    for i in np.flatnonzero(ctx.heavy):
        for j in runs:
            gap = ctx.day[j] - ctx.day[i]
            is_long = ctx.long[j] or ctx.day[j] == ctx.race_day
            if (ctx.quality[j] and gap == 1) or (is_long and 1 <= gap <= 2):
                what = "long run" if is_long else "quality run"
                out.append(_finding(ctx, "heavy_before_key_run", i, what=what,
                                    gap="day" if gap == 1 else "two days"))  # fmt: skip
                break
    return out


def _exercise_days(ctx):
    """{exercise id: sorted days it was done}."""
    seen = {}
    for i in np.flatnonzero(ctx.kind == "strength"):
        for ex in ctx.ids[i] or ():
            seen.setdefault(ex, []).append(int(ctx.day[i]))
    return seen


@rule("new_exercise_near_race", 21, "days before the race", "caution", True,
      "coaching practice (no trial): a new exercise makes muscles sore for days (the repeated-"
      "bout effect); lesson 02",
      "{exercise} is new within {days} days of the race "
      "(not done in the 4 weeks before).")  # fmt: skip
def _new_exercise_near_race(ctx):
    if ctx.ids is None or ctx.race_day is None:
        return []
    limit = ctx.race_day - _TABLE["new_exercise_near_race"].threshold
    out = []
    seen = _exercise_days(ctx)
    for i in np.flatnonzero((ctx.kind == "strength") & (ctx.day >= limit)):
        for ex in ctx.ids[i] or ():
            before = [d for d in seen.get(ex, ()) if ctx.day[i] - 28 <= d < ctx.day[i]]
            if not before:
                days = ctx.race_day - int(ctx.day[i])
                out.append(_finding(ctx, "new_exercise_near_race", i, exercise=ex, days=days))
    return out


def _doses(lines):
    """(sets, reps) of each exercise line, (0, 0) where none is written."""
    out = []
    for line in lines:
        m = _SETS_REPS.search(line)
        out.append((int(m[1]), int(m[2])) if m else (0, 0))
    return out


@rule("eccentric_first_dose", 12, "reps in all (2 × 6) the first time in 4 weeks", "caution",
      True, "Mjølsnes et al. 2004, Scand J Med Sci Sports 14:311–317, "
      "doi:10.1046/j.1600-0838.2003.00367.x (Nordic curls from 2 × 6 up to 3 × 8–12 over 4 weeks)",
      "{exercise} at {sets}×{reps} the first time in 4 weeks; start eccentric-heavy exercises at "
      "1–2 sets of 3–6 and build over 3–4 weeks.")  # fmt: skip
def _eccentric_first_dose(ctx):
    if ctx.ids is None:
        return []
    out, last = [], {}
    for i in np.flatnonzero(ctx.kind == "strength"):
        ids = ctx.ids[i] or ()
        doses = _doses([x for x in ctx.lines[i] if not x.startswith("RAMP warm-up")])
        for ex, (sets, reps) in zip(ids, doses, strict=False):
            fresh = ex not in last or ctx.day[i] - last[ex] > 28
            if ex in ECCENTRIC_HEAVY and fresh and sets * reps > threshold("eccentric_first_dose"):
                out.append(
                    _finding(ctx, "eccentric_first_dose", i, exercise=ex, sets=sets, reps=reps)
                )
            last[ex] = ctx.day[i]
    return out


@rule("hops_near_race", 10, "days before the race", "caution", True,
      "coaching practice (no trial): plyometrics are cut in the taper",
      "hops or jumps {days} days before the race; drop them in the last 10 days.")  # fmt: skip
def _hops_near_race(ctx):
    if ctx.ids is None or ctx.race_day is None:
        return []
    out = []
    for i in np.flatnonzero(ctx.kind == "strength"):
        days = ctx.race_day - int(ctx.day[i])
        if 0 <= days <= threshold("hops_near_race") and HOP_IDS & set(ctx.ids[i] or ()):
            out.append(_finding(ctx, "hops_near_race", i, days=days))
    return out


def _patterns() -> dict:
    """{exercise id: movement pattern} of the library (read once)."""
    global _PATTERNS
    if _PATTERNS is None:
        from helpers import exercises as library

        lib = library.load_exercises()
        _PATTERNS = dict(zip(lib["id"], lib["pattern"], strict=True))
    return _PATTERNS


_PATTERNS = None


@rule("calf_every_week", 1, "sessions a week with each kind of calf raise", "caution", True,
      "Dorn, Schache & Pandy 2012, J Exp Biol 215:1944–1956, doi:10.1242/jeb.064527 (soleus "
      "and gastrocnemius give most of the support force in running)",
      "week {week}: lifting without a {missing}; train the calves with straight and bent knees "
      "every week.")  # fmt: skip
def _calf_every_week(ctx):
    if ctx.ids is None:
        return []
    pattern = _patterns()
    out = []
    race_week = None if ctx.race_day is None else ctx.week[np.argmax(ctx.day >= ctx.race_day)]
    lifts = np.flatnonzero(ctx.kind == "strength")
    for w in np.unique(ctx.week[lifts]):
        if w == race_week:
            continue
        done = {pattern.get(ex) for i in lifts[ctx.week[lifts] == w] for ex in ctx.ids[i] or ()}
        for pat, label in CALF_PATTERNS.items():
            if pat not in done:
                out.append(_finding(ctx, "calf_every_week", week=int(w), missing=label))
    return out


@rule("paces_without_performance", 0, "paces written with no race or time trial behind them",
      "danger", True, "Toresdahl et al. 2020, Sports Health 12:74–79, "
      "doi:10.1177/1941738119877180 (first-time marathoners averaged about 5 h); Daniels 2014 sets "
      "paces from a current performance (book, no DOI)",
      "{count} runs carry a pace with no race or time trial behind it; prescribe by effort "
      "(RPE, talk test) until a performance is known.")  # fmt: skip
def _paces_without_performance(ctx):
    if ctx.grounded is not False or ctx.details is None:
        return []
    count = int(sum("/km" in d for d in ctx.details))
    return [_finding(ctx, "paces_without_performance", count=count)] if count else []


@rule("marathon_low_volume", 30, "km a week at the peak", "danger", True,
      "Rasmussen et al. 2013, Int J Sports Phys Ther 8:111–120 (no DOI; PMC3625790): under "
      "30 km a week, about twice the injuries (RR 2.02, 95 % CI 1.26–3.24, self-reported)",
      "the block peaks at {km:.0f} km a week before a marathon; plan a half-marathon block "
      "first.")  # fmt: skip
def _marathon_low_volume(ctx):
    if ctx.race_day is None:
        return []
    peak = max(_week_km(ctx).values(), default=0.0)
    return [_finding(ctx, "marathon_low_volume", km=peak)] if peak < 30 else []


@rule("long_run_short", 0.60, "of the race distance", "note", True,
      "coaching practice (no trial): most marathon plans reach 28–32 km or 2.5–3 h",
      "the longest run before race day is {km:.1f} km, {share:.0%} of the marathon; "
      "race day is {times:.1f}× the longest run.")  # fmt: skip
def _long_run_short(ctx):
    if ctx.race_day is None:
        return []
    longest = ctx.km[_runs(ctx)].max(initial=0.0)
    if longest < threshold("long_run_short") * units.MARATHON_KM:
        share = longest / units.MARATHON_KM
        times = units.MARATHON_KM / longest if longest else float("inf")
        return [_finding(ctx, "long_run_short", km=longest, share=share, times=times)]
    return []


@rule("acwr_high", 1.5, "acute:chronic load ratio (7 vs 28 days)", "note", True,
      "Hulin et al. 2016, Br J Sports Med 50:231–236, doi:10.1136/bjsports-2015-094817; "
      "disputed: Impellizzeri et al. 2021, Sports Med 51:581–592, "
      "doi:10.1007/s40279-020-01378-6; lesson 05",
      "ACWR {acwr:.2f} at the end of the week (above 1.5); a convention to look at, not a "
      "proven risk, and never counted in race week.")  # fmt: skip
def _acwr_high(ctx):
    n = int(ctx.day.max()) + 1
    if n < 35:
        return []
    daily = np.bincount(ctx.day, weights=ctx.load, minlength=n)
    ratio = load.acwr(daily)
    out = []
    for w in np.unique(ctx.week):
        last = int(ctx.day[ctx.week == w].max())
        if last < 28 or (ctx.race_day is not None and last > ctx.race_day - 7):
            continue
        if ratio[last] > threshold("acwr_high"):
            out.append(_finding(ctx, "acwr_high", week=int(w), acwr=float(ratio[last])))
    return out


@rule("monotony_high", 2.0, "mean ÷ SD of the daily load over a week", "note", True,
      "Foster 1998, Med Sci Sports Exerc 30:1164–1168, doi:10.1097/00005768-199807000-00023",
      "monotony {value:.1f} (above 2): the days are too alike; "
      "vary hard and easy days.")  # fmt: skip
def _monotony_high(ctx):
    n = 7 * int(np.ceil((ctx.day.max() + 1) / 7))
    daily = np.bincount(ctx.day, weights=ctx.load, minlength=n).reshape(-1, 7)
    sd = daily.std(axis=1)
    value = np.divide(daily.mean(axis=1), sd, out=np.zeros(len(sd)), where=sd > 0)
    out = []
    for k in np.flatnonzero(value > threshold("monotony_high")):
        if ctx.race_day is not None and 7 * k + 6 >= ctx.race_day:
            continue
        out.append(_finding(ctx, "monotony_high", week=int(ctx.week[np.argmax(ctx.day >= 7 * k)]),
                            value=float(value[k])))  # fmt: skip
    return out


@rule("few_strength_sessions", 2, "strength sessions a week", "note", False,
      "Balsalobre-Fernández et al. 2016, J Strength Cond Res 30:2361–2368, "
      "doi:10.1519/JSC.0000000000001316 (the studies used 2–3 a week)",
      "{count} strength session(s) a week is below the 2–3 the economy studies used.")  # fmt: skip
def _few_strength_sessions(ctx):
    if ctx.spec is None:
        return []
    count = ctx.spec.strength_sessions_per_week
    return [_finding(ctx, "few_strength_sessions", count=count)] if count < 2 else []


@rule("stale_log", 28, "days between the end of the log and the plan", "caution", False,
      "course rule: fitness fades within weeks of stopping (no single threshold in the evidence)",
      "the log ends {days} days before the plan starts; its volume and long run may no longer "
      "be current: check them with the runner.")  # fmt: skip
def _stale_log(ctx):
    end = getattr(ctx.spec, "log_end", None)
    if end is None:
        return []
    days = (ctx.first - end).days
    return [_finding(ctx, "stale_log", days=days)] if days > threshold("stale_log") else []


def check(x) -> pd.DataFrame:
    """A coach's check of a plan, a plan's sessions table or a training log.

    Parameters
    ----------
    x : Plan, DataFrame
        A :class:`helpers.plans.Plan`; its ``sessions`` table (or one written by hand with the
        same columns); or a training log in the :mod:`helpers.logs` schema
        (``ImportResult.log``). Rules that need what the input lacks (a race date, exercise
        ids, heavy flags) are skipped.

    Returns
    -------
    DataFrame
        One row per finding: ``rule, severity, date, week, message, source``, ordered by date
        (findings about the whole plan first). Empty when no rule fires.

    References
    ----------
    See :func:`rule_table` (one source per rule).
    """
    ctx = _context(x)
    rows = []
    for name in RULES:
        rows += RULES.get(name)(ctx)
    table = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    if not table.empty:
        key = table["date"].map(lambda d: d if d is not None else dt.date.min)
        table = table.iloc[np.argsort(key.to_numpy(), kind="stable")].reset_index(drop=True)
        table["week"] = table["week"].astype("Int64")
    return table


def sentences(findings: pd.DataFrame) -> list[str]:
    """Findings as plain sentences: "Week 5 (2027-01-31), caution: …"."""
    out = []
    columns = (findings[c].tolist() for c in ("week", "date", "severity", "message"))
    for week, date, severity, message in zip(*columns, strict=True):
        where = []
        if not pd.isna(week):
            where.append(f"Week {week}")
        if date is not None and not pd.isna(date):
            where.append(f"({date})" if where else str(date))
        head = " ".join(where) if where else "Whole plan"
        out.append(f"{head}, {severity}: {message[0].upper()}{message[1:]}")
    return out
