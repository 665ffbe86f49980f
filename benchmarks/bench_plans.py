"""Plan builds: one 18-week plan, and a sweep of 1,000 plan variants (no baseline to compare)."""

from __future__ import annotations

import datetime as dt
import itertools
import time

from helpers import plans

RACE = dt.date(2027, 4, 18)


def variants(n: int = 1000) -> list[plans.PlanSpec]:
    """Weeks × strength sessions × levels × equipment × current × peak volume, first n."""
    grid = itertools.product(
        range(12, 25),  # weeks
        (0, 1, 2, 3),  # strength sessions
        ("beginner", "intermediate", "advanced"),
        ("home", "gym"),
        (25, 40, 55),  # current km
        (60, 80),  # peak km
    )
    return [
        plans.PlanSpec(RACE, w, cur, peak, s, level, eq)
        for w, s, level, eq, cur, peak in itertools.islice(grid, n)
    ]


def run() -> list[dict]:
    spec = plans.PlanSpec(RACE, 18, 40, 70, 2)
    plans.build_plan(spec)  # warm the exercise-library cache, as a session would
    one = []
    for _ in range(5):
        t0 = time.perf_counter()
        plans.build_plan(spec)
        one.append(time.perf_counter() - t0)
    specs = variants()
    t0 = time.perf_counter()
    table = plans.compare_plans(specs, labels=[f"v{i}" for i in range(len(specs))])
    sweep = time.perf_counter() - t0
    print(f"sweep: {len(specs)} variants, {len(table):,} plan weeks")
    return [
        {
            "name": "plans: one 18-week plan (best of 5)",
            "ours_s": round(min(one), 4),
            "baseline_s": None,
            "ratio": None,
            "target": "< 50 ms",
            "met": min(one) < 0.05,
        },
        {
            "name": f"plans: sweep of {len(specs)} variants (compare_plans)",
            "ours_s": round(sweep, 2),
            "baseline_s": None,
            "ratio": None,
            "target": "< 10 s",
            "met": sweep < 10,
        },
    ]
