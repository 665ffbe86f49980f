"""Plotly figures for the lessons, and the renderer that makes them work everywhere.

Importing this package registers the plotly renderer ``"stronger_miles"`` and makes it the
default, together with the course's figure template (Okabe–Ito colour-blind-safe palette); see
:mod:`helpers.figures._render`. The figures live in one module per topic and are all available
here, so a lesson writes ``figures.plan_block(plan.weeks)``:

- :mod:`~helpers.figures.evidence`: forest plots and shares from the evidence tables (01, 09);
- :mod:`~helpers.figures.library`: the exercise library (02);
- :mod:`~helpers.figures.strength`: 1RM equations, RPE chart, progressions (03);
- :mod:`~helpers.figures.load`: weekly volume (04), ACWR and fitness–fatigue–form (05, 06, 07),
  the training log (07);
- :mod:`~helpers.figures.plans`: a marathon block and its variants (06);
- :mod:`~helpers.figures.fueling`: carbohydrate, fluid and meals (08);
- :mod:`~helpers.figures.workshop`: the workshop timetable (10).

A new figure goes into its topic's module and is added to the imports below.
"""

from helpers.figures._render import (
    PALETTE,
    RENDERER,
    TEMPLATE,
    CourseRenderer,
    describe,
    figure_html,
)
from helpers.figures.evidence import (
    evidence_forest,
    evidence_group_bars,
    recovery_hold_by_target,
)
from helpers.figures.fueling import (
    fuel_carb_day,
    fuel_race_carb_bands,
    fuel_race_dashboard,
    fuel_range_bars,
)
from helpers.figures.library import (
    library_coverage_bars,
    library_coverage_heatmap,
    library_exercise_board,
)
from helpers.figures.load import (
    form_acwr_lines,
    form_banister,
    form_explorer,
    form_fitness_fatigue,
    load_form_compare,
    log_km_vs_plan,
    log_load_acwr,
    log_weekly_load,
    volume_daily_load,
    volume_dashboard,
    volume_sets_bars,
)
from helpers.figures.plans import (
    plan_block,
    plan_compare,
    plan_explorer,
    plan_strength,
)
from helpers.figures.strength import (
    strength_block,
    strength_formula_curves,
    strength_progressions,
    strength_rpe_lines,
    strength_weekly_volume,
)
from helpers.figures.workshop import (
    workshop_timeline,
)

__all__ = [
    "PALETTE",
    "RENDERER",
    "TEMPLATE",
    "CourseRenderer",
    "describe",
    "figure_html",
    "evidence_forest",
    "evidence_group_bars",
    "recovery_hold_by_target",
    "library_coverage_bars",
    "library_coverage_heatmap",
    "library_exercise_board",
    "strength_formula_curves",
    "strength_rpe_lines",
    "strength_progressions",
    "strength_weekly_volume",
    "strength_block",
    "volume_sets_bars",
    "volume_daily_load",
    "volume_dashboard",
    "log_weekly_load",
    "log_km_vs_plan",
    "log_load_acwr",
    "form_acwr_lines",
    "form_fitness_fatigue",
    "form_banister",
    "form_explorer",
    "load_form_compare",
    "plan_block",
    "plan_strength",
    "plan_compare",
    "plan_explorer",
    "fuel_range_bars",
    "fuel_race_carb_bands",
    "fuel_race_dashboard",
    "fuel_carb_day",
    "workshop_timeline",
]
