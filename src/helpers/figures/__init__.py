"""Plotly figures for the lessons, and the renderer that makes them work everywhere.

Importing this package registers the plotly renderer ``"stronger_miles"`` and makes it the
default, together with the course's figure template (Okabe–Ito colour-blind-safe palette); see
:mod:`helpers.figures._render`. The figures live in one module per topic and are all available
here, so a lesson writes ``figures.plan_block(plan.weeks)``:

- :mod:`~helpers.figures.evidence`: forest plots and shares from the evidence tables;
- :mod:`~helpers.figures.library`: the exercise library;
- :mod:`~helpers.figures.strength`: 1RM equations, RPE chart, progressions;
- :mod:`~helpers.figures.load`: weekly volume, ACWR, fitness–fatigue–form, the training log;
- :mod:`~helpers.figures.plans`: a marathon block and its variants;
- :mod:`~helpers.figures.fueling`: carbohydrate, fluid and meals;
- :mod:`~helpers.figures.workshop`: the workshop timetable;
- :mod:`~helpers.figures.drawings` and :mod:`~helpers.figures.cards`: line drawings of the
  exercises as SVG and the cards, ladders, warm-up and gym sheet that show them (HTML, not
  plotly; imported from their modules, ``from helpers.figures.cards import exercise_card``).

Which lessons use which module: ``docs/package-map.md``.

Each figure function takes model results (from the science layer, never computing a model
itself) and returns a ``go.Figure`` with a title, axis titles with units and a screen-reader
description (:func:`describe`). A new figure goes into its topic's module and is added to the
imports below.
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
    form_fitness_fatigue,
    form_load_panels,
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
    plan_long_runs,
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
    "form_load_panels",
    "load_form_compare",
    "plan_block",
    "plan_strength",
    "plan_compare",
    "plan_long_runs",
    "fuel_range_bars",
    "fuel_race_carb_bands",
    "fuel_race_dashboard",
    "fuel_carb_day",
    "workshop_timeline",
]
