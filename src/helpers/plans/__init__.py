"""Marathon blocks with strength training: ``PlanSpec`` → :func:`build_plan` → ``Plan``.

A plan is a run of 7-day weeks ending on race day. Each week has a phase:

- **base** (about 40 % of the weeks before the peak): volume rises from the runner's current
  weekly distance; easy running, a threshold session for intermediate and advanced runners
  (none for beginners); strength is general (3 × 10 at RPE 7, three reps in reserve);
- **build**: volume keeps rising to the peak; one or two quality sessions; strength turns
  heavy one main lift at a time (4 × 5 at RPE 8), plus jumps and hops;
- **peak** (3 weeks): peak volume, the longest long runs (3–5 weeks before the race),
  marathon-pace work; heavy strength at low volume;
- **taper** (2 weeks): running volume cut to 70 % and then 45 % of the peak (a 41–60 % cut
  over about two weeks, Bosquet et al. 2007) with intensity kept; strength drops to short,
  light maintenance sessions and nothing heavy in the last 7 days.

Every ``recovery_every``-th week of base and build is a recovery week: running −25 %, no quality
session, and a strength deload in the same week. The long run follows a named rule
(:func:`long_runs`: ``"traditional"`` or ``"daniels"``). Paces come from the runner's recent race
through VDOT (:mod:`helpers.running`). Heavy lower-body sessions sit at least three days before
the long run; a third weekly session is a light core and upper-body session. Exercises come from
:mod:`helpers.exercises`, chosen for the runner's equipment and level; doses follow the course's
RPE chart (:mod:`helpers.plans.lifts`).

The weekly summary uses :mod:`helpers.load`: session-RPE load, monotony, ACWR and
fitness–fatigue, with four weeks of history at the current volume simulated before week 1.

Evidence on long-run length, quality shares and strength in the taper is coaching practice and
expert opinion, not trials; the rules here are the course's choices and are tested as such.

Example
-------
>>> import datetime as dt
>>> plan = build_plan(PlanSpec(race_date=dt.date(2027, 4, 18), weeks=16, current_weekly_km=40,
...                            peak_weekly_km=65, strength_sessions_per_week=2))
>>> plan.weeks["run_km"].iloc[[0, -1]].tolist()  # week 1, and race week with the race
[40.0, 71.4]
"""

from helpers.plans.build import build_plan, compare_plans
from helpers.plans.coach import ECCENTRIC_HEAVY, RULES, SEVERITIES, check, rule_table
from helpers.plans.plan import CAVEAT, Plan
from helpers.plans.runs import (
    LONG_RUN_MODELS,
    LONG_RUN_WARNING_SHARE,
    PART_RPE,
    PHASES,
    QUALITY_SHARE,
    RUN_OFFSETS,
    long_runs,
    phases,
    weekly_volume,
)
from helpers.plans.spec import (
    ASSUMED_VDOT,
    LEVELS,
    LIFTING_EXPERIENCE,
    LONG_RUN_RULES,
    PlanSpec,
    spec_from_log,
)

__all__ = [
    "ASSUMED_VDOT",
    "CAVEAT",
    "ECCENTRIC_HEAVY",
    "LEVELS",
    "LIFTING_EXPERIENCE",
    "LONG_RUN_MODELS",
    "LONG_RUN_RULES",
    "LONG_RUN_WARNING_SHARE",
    "PART_RPE",
    "PHASES",
    "QUALITY_SHARE",
    "RUN_OFFSETS",
    "Plan",
    "PlanSpec",
    "RULES",
    "SEVERITIES",
    "build_plan",
    "check",
    "compare_plans",
    "long_runs",
    "phases",
    "rule_table",
    "spec_from_log",
    "weekly_volume",
]
