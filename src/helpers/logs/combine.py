"""Combining logs: duplicates across sources, daily load, weekly summary, plan comparison."""

from __future__ import annotations

import pandas as pd

from helpers._checks import check_range
from helpers.load import combined_load, daily_series
from helpers.logs._schema import DEFAULT_RPE, SPORTS, ImportResult, _log_frame


def _as_log(item) -> pd.DataFrame:
    if isinstance(item, ImportResult):
        return item.log
    if isinstance(item, pd.DataFrame):
        missing = [
            c for c in ("start", "sport", "duration_min", "load", "source") if c not in item.columns
        ]
        if missing:
            raise ValueError(f"logs must be training logs, missing columns {missing}")
        return item
    raise ValueError(f"logs must be ImportResult or DataFrame, got {type(item).__name__}")


def _richness(row) -> int:
    return int(sum(pd.notna(row[c]) for c in ("distance_km", "rpe", "avg_hr")))


def combine_logs(*logs, start_tolerance_min: float = 2.0, duration_tolerance: float = 0.10):
    """One training log from several sources, each session counted once.

    Two rows are the same session when they have the same sport, starts within
    ``start_tolerance_min`` minutes and durations within ``duration_tolerance`` (fraction of
    the longer one). The merged row is the richer one (more of distance, RPE, heart rate
    filled in; the first given wins a tie), its empty fields filled from the other, its load
    recomputed, and ``source`` lists both (``"a.csv:12; run.fit:session 1"``).

    Parameters
    ----------
    *logs : ImportResult or DataFrame
        Training logs (training-log schema).
    start_tolerance_min : float
        Largest start difference of duplicates [min].
    duration_tolerance : float
        Largest relative duration difference of duplicates (0.10 = 10 %).

    Returns
    -------
    DataFrame
        The combined log, sorted by start; :func:`duplicate_sessions` lists what was merged.
    """
    kept, _ = _match(logs, start_tolerance_min, duration_tolerance)
    return _log_frame(kept)


DUPLICATE_COLUMNS = ("date", "sport", "kept", "duplicate", "start_difference_min")


def duplicate_sessions(
    *logs, start_tolerance_min: float = 2.0, duration_tolerance: float = 0.10
) -> pd.DataFrame:
    """The sessions :func:`combine_logs` counts once because two sources recorded them.

    Same rule and parameters as :func:`combine_logs`. One row per duplicate: its ``date`` and
    ``sport``, the ``source`` of the row it was merged into (``kept``) and its own
    (``duplicate``), and how far apart the two starts were (``start_difference_min``).

    Examples
    --------
    >>> duplicate_sessions(strava, watch_fit)  # doctest: +SKIP
    """
    _, pairs = _match(logs, start_tolerance_min, duration_tolerance)
    return pd.DataFrame(pairs, columns=DUPLICATE_COLUMNS)


def _match(logs, start_tolerance_min, duration_tolerance):
    """Rows with duplicates merged, and ``(date, sport, kept, duplicate, minutes)`` pairs."""
    check_range("start_tolerance_min", start_tolerance_min, 0, 60)
    check_range("duration_tolerance", duration_tolerance, 0, 1)
    frames = [_as_log(item) for item in logs]
    if not frames:
        raise ValueError("logs must name at least one log")
    frames = [f for f in frames if len(f)]
    if not frames:
        return [], []
    both = pd.concat(frames, ignore_index=True)
    both["start"] = pd.to_datetime(both["start"], utc=True)
    both = both.sort_values("start", kind="stable").reset_index(drop=True)
    window = pd.Timedelta(minutes=start_tolerance_min)
    kept: list[dict] = []
    pairs: list[tuple] = []
    open_by_sport: dict[str, list[int]] = {}
    for row in both.to_dict("records"):
        candidates = open_by_sport.setdefault(row["sport"], [])
        candidates[:] = [i for i in candidates if row["start"] - kept[i]["start"] <= window]
        match = None
        for i in candidates:
            other = kept[i]
            longer = max(other["duration_min"], row["duration_min"])
            if abs(other["duration_min"] - row["duration_min"]) <= duration_tolerance * longer:
                match = i
                break
        if match is None:
            candidates.append(len(kept))
            kept.append(row)
            continue
        apart = (row["start"] - kept[match]["start"]).total_seconds() / 60
        pairs.append((row["date"], row["sport"], kept[match]["source"], row["source"], apart))
        kept[match] = _merge(kept[match], row)
    return kept, pairs


def _merge(first: dict, second: dict) -> dict:
    rich, poor = (second, first) if _richness(second) > _richness(first) else (first, second)
    merged = dict(rich)
    for column in ("distance_km", "rpe", "avg_hr"):
        if pd.isna(merged[column]) and pd.notna(poor[column]):
            merged[column] = poor[column]
    if not merged.get("name") and poor.get("name"):
        merged["name"] = poor["name"]
    estimated = pd.isna(merged["rpe"])
    rpe = DEFAULT_RPE.get(merged["sport"], 4.0) if estimated else merged["rpe"]
    merged["load"] = merged["duration_min"] * rpe
    merged["load_estimated"] = estimated
    merged["source"] = f"{first['source']}; {second['source']}"
    return merged


def daily_load(log, strength_weight: float = 1.0) -> pd.Series:
    """Daily load [AU] of a training log: runs and lifts combined, missing days 0.

    .. math:: L_d = \\sum_{\\text{not strength}} load + w \\sum_{\\text{strength}} load

    via :func:`helpers.load.combined_load`; running, cross-training and other sessions make the
    endurance part.

    Parameters
    ----------
    log : ImportResult or DataFrame
        A training log.
    strength_weight : float
        Weight *w* of strength load, 0–2.

    Returns
    -------
    Series
        Daily load [AU] indexed by date, from the first to the last session day.
    """
    check_range("strength_weight", strength_weight, 0, 2)
    log = _as_log(log)
    if not len(log):
        raise ValueError("log must not be empty")
    days = pd.to_datetime(log["date"])
    lifting = (log["sport"] == "strength").to_numpy()
    full = pd.date_range(days.min(), days.max(), freq="D", name="date")

    def part(mask):
        if not mask.any():
            return pd.Series(0.0, index=full, name="load")
        return daily_series(days[mask], log["load"][mask]).reindex(full, fill_value=0.0)

    return combined_load(part(~lifting), part(lifting), strength_weight=strength_weight)


def weekly_summary(log) -> pd.DataFrame:
    """One row per training week (Monday to Sunday): running km and load by sport.

    Weeks without a session are kept (zeros), so the table lines up with a plan's weeks.

    Parameters
    ----------
    log : ImportResult or DataFrame
        A training log.

    Returns
    -------
    DataFrame
        Indexed by the week's Monday (``week_start``): ``run_km`` [km], ``sessions``, and
        ``load_<sport>`` [AU] for each of run, strength, cross, other, and ``load`` (their sum).
    """
    log = _as_log(log)
    if not len(log):
        raise ValueError("log must not be empty")
    days = pd.to_datetime(log["date"])
    monday = (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).rename("week_start")
    km = log["distance_km"].where(log["sport"] == "run", 0.0).fillna(0.0)
    loads = (
        log.assign(week_start=monday)
        .pivot_table(index="week_start", columns="sport", values="load", aggfunc="sum")
        .reindex(columns=list(SPORTS), fill_value=0.0)
        .fillna(0.0)
        .add_prefix("load_")
    )
    table = pd.DataFrame(
        {
            "run_km": km.groupby(monday).sum(),
            "sessions": log.groupby(monday).size().astype(float),
        }
    ).join(loads)
    weeks = pd.date_range(table.index.min(), table.index.max(), freq="7D", name="week_start")
    table = table.reindex(weeks, fill_value=0.0)
    table["load"] = table[[f"load_{s}" for s in SPORTS]].sum(axis=1)
    table["sessions"] = table["sessions"].astype(int)
    return table


def compare_to_plan(log, plan) -> pd.DataFrame:
    """Logged against planned training, week by week, aligned on the plan's dates.

    Each plan week runs from its ``start`` for 7 days; the log's running km and strength
    sessions that fall in those days are added up, whatever weekday the plan starts on and
    however many weeks either covers. Only plan weeks that overlap the log are returned.

    .. math:: \\Delta_w = \\text{run\\_km}_w - \\text{planned\\_km}_w

    Parameters
    ----------
    log : ImportResult or DataFrame
        A training log.
    plan : Plan or DataFrame
        A plan from :func:`helpers.plans.build_plan` (its ``weeks``), or a table with
        ``start`` (date) and ``run_km`` [km], optionally ``strength_sessions``.

    Returns
    -------
    DataFrame
        Indexed by ``week_start``: ``planned_km``, ``run_km``, ``difference_km`` [km],
        ``planned_strength``, ``strength_sessions`` (NaN where the plan has no count).

    Raises
    ------
    ValueError
        The plan is not a plan, the log is empty, or no plan week overlaps the log (both date
        ranges are named).

    Examples
    --------
    >>> compare_to_plan(log, plan)[["planned_km", "run_km"]].head()  # doctest: +SKIP
    """
    log = _as_log(log)
    weeks = getattr(plan, "weeks", plan)
    if not isinstance(weeks, pd.DataFrame) or not {"start", "run_km"} <= set(weeks.columns):
        raise ValueError("plan must be a Plan or a table with columns start and run_km")
    if not len(log):
        raise ValueError("log must not be empty")
    starts = pd.to_datetime(weeks["start"]).to_numpy()
    days = pd.to_datetime(log["date"]).to_numpy()
    which = starts.searchsorted(days, side="right") - 1
    inside = (which >= 0) & (days < starts[which.clip(0)] + pd.Timedelta(days=7).to_timedelta64())
    km = log["distance_km"].where(log["sport"] == "run", 0.0).fillna(0.0).to_numpy()
    lifting = (log["sport"] == "strength").to_numpy()
    run_km = pd.Series(km[inside]).groupby(which[inside]).sum()
    strength = pd.Series(lifting[inside].astype(int)).groupby(which[inside]).sum()
    first, last = days.min(), days.max()
    covered = [
        i
        for i, s in enumerate(starts)
        if s <= last and s + pd.Timedelta(days=7).to_timedelta64() > first
    ]
    planned_strength = (
        weeks["strength_sessions"].to_numpy(dtype=float)
        if "strength_sessions" in weeks
        else [float("nan")] * len(weeks)
    )
    if not covered:
        raise ValueError(
            f"plan weeks ({pd.Timestamp(starts.min()):%Y-%m-%d} to "
            f"{pd.Timestamp(starts.max()):%Y-%m-%d}) do not overlap the log "
            f"({pd.Timestamp(first):%Y-%m-%d} to {pd.Timestamp(last):%Y-%m-%d})"
        )
    table = pd.DataFrame(
        {
            "planned_km": [float(weeks["run_km"].iloc[i]) for i in covered],
            "run_km": [float(run_km.get(i, 0.0)) for i in covered],
            "planned_strength": [planned_strength[i] for i in covered],
            "strength_sessions": [int(strength.get(i, 0)) for i in covered],
        },
        index=pd.DatetimeIndex([starts[i] for i in covered], name="week_start"),
    )
    table.insert(2, "difference_km", table["run_km"] - table["planned_km"])
    return table
