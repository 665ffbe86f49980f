"""Plan builds: one 18-week plan, and a sweep of 1,000 plan variants, each built and checked by
the coach's check (:func:`helpers.plans.check`); no baseline to compare.

Both are timed by the wall clock and by the CPU time of this process: on a shared machine the
wall clock also counts the time other jobs hold the cores, the CPU time does not.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time

from helpers import plans

RACE = dt.date(2027, 4, 18)


def variants(n: int = 1000) -> list[plans.PlanSpec]:
    """Weeks × strength sessions × levels × lifting experience × equipment × current × peak
    volume, first n."""
    grid = itertools.product(
        range(12, 25),  # weeks
        (0, 1, 2, 3),  # strength sessions
        ("beginner", "intermediate", "advanced"),
        plans.LIFTING_EXPERIENCE,
        ("home", "gym"),
        (25, 40, 55),  # current km
        (60, 80),  # peak km
    )
    return [
        plans.PlanSpec(RACE, w, cur, peak, s, level, eq, lifting_experience=exp)
        for w, s, level, exp, eq, cur, peak in itertools.islice(grid, n)
    ]


def _timed(func):
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def run() -> list[dict]:
    spec = plans.PlanSpec(RACE, 18, 40, 70, 2)
    plans.build_plan(spec)  # warm the exercise-library cache, as a session would
    one = [_timed(lambda: plans.build_plan(spec))[1:] for _ in range(5)]
    specs = variants()
    labels = [f"v{i}" for i in range(len(specs))]
    table, wall, cpu = _timed(lambda: plans.compare_plans(specs, labels=labels))
    flagged = table.groupby("variant")["warnings"].first()
    print(
        f"sweep: {len(specs)} variants built and checked, {len(table):,} plan weeks; "
        f"variants with a finding above a note: {int((flagged > 0).sum())}"
    )
    rows = []
    for what, seconds, target in (
        ("one 18-week plan (best of 5), wall", min(w for w, _ in one), 0.05),
        ("one 18-week plan (best of 5), CPU", min(c for _, c in one), 0.05),
        (f"sweep of {len(specs)} variants, builder + check, wall", wall, 10.0),
        (f"sweep of {len(specs)} variants, builder + check, CPU", cpu, 10.0),
    ):
        rows.append(
            {
                "name": f"plans: {what}",
                "ours_s": round(seconds, 4 if target < 1 else 2),
                "baseline_s": None,
                "ratio": None,
                "target": f"< {target * 1000:.0f} ms" if target < 1 else f"< {target:.0f} s",
                "met": seconds < target,
            }
        )
    return rows
