"""Strength-training models: 1RM equations, the RPE chart, plate rounding, volume, progressions.

Weights are in kilograms unless a parameter says otherwise; the formulas themselves are
unit-free, so pounds work as long as every weight is in pounds (and plates are rounded with 5 lb).

==================  =========================================================================
module              what it holds
==================  =========================================================================
``_onerm``          :func:`estimate_1rm` (``model=``, seven equations), :func:`reps_at` (the
                    Epley inverse), :func:`round_to_plates`, :func:`prescribe_load`,
                    :func:`volume_load`
``_rpe``            :data:`RPE_CHART`, :func:`percent_1rm`, :func:`e1rm_from_rpe`, RIR ↔ RPE
``_schemes``        the four schemes on a modelled :class:`Lifter`
``_progression``    :func:`progression` (``model=``, the schemes in :data:`PROGRESSIONS`),
                    one entry point with one ``rate_pct``
``_volume``         :func:`weekly_sets` (hard sets per muscle per ISO week),
                    :func:`strength_minutes` (a session's duration from its sets)
==================  =========================================================================

Example
-------
>>> round(estimate_1rm(100, 5), 2)
116.67
>>> percent_1rm(5, 8)
0.811
"""

from helpers.strength._onerm import (
    FORMULAS,
    MAX_REPS,
    MODELS,
    estimate_1rm,
    prescribe_load,
    reps_at,
    round_to_plates,
    volume_load,
)
from helpers.strength._progression import (
    PROGRESSIONS,
    RATES,
    SCHEMES,
    START_FRACTION,
    Scheme,
    progression,
)
from helpers.strength._rpe import RPE_CHART, e1rm_from_rpe, percent_1rm, rir_to_rpe, rpe_to_rir
from helpers.strength._schemes import (
    COLUMNS,
    DELOAD_LOAD,
    Lifter,
    double_progression,
    linear_progression,
    rpe_progression,
    wave_progression,
)
from helpers.strength._volume import (
    MIN_PER_HEAVY_SET,
    MIN_PER_SET,
    WARM_UP_MIN,
    strength_minutes,
    weekly_sets,
)

__all__ = [
    "COLUMNS",
    "DELOAD_LOAD",
    "FORMULAS",
    "MAX_REPS",
    "MIN_PER_HEAVY_SET",
    "MIN_PER_SET",
    "MODELS",
    "PROGRESSIONS",
    "RATES",
    "RPE_CHART",
    "SCHEMES",
    "START_FRACTION",
    "Scheme",
    "WARM_UP_MIN",
    "Lifter",
    "double_progression",
    "e1rm_from_rpe",
    "estimate_1rm",
    "linear_progression",
    "percent_1rm",
    "prescribe_load",
    "progression",
    "reps_at",
    "rir_to_rpe",
    "round_to_plates",
    "rpe_progression",
    "rpe_to_rir",
    "strength_minutes",
    "volume_load",
    "wave_progression",
    "weekly_sets",
]
