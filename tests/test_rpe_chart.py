"""The RPE chart states one rule: what matters is how many reps a lifter could have done.

On the reps-in-reserve RPE scale, ``r`` reps at RPE ``e`` leave ``10 − e`` reps in reserve, so the
set ends ``r + 10 − e`` reps short of failure, and so does ``r + 1`` reps at RPE ``e + 1``. Both
sets are the same fraction of 1RM (Helms et al. 2016, doi:10.1519/SSC.0000000000000218; the RTS
chart is built that way). This holds for the 45 pairs on the chart's rows 7–9 × reps 1–9, and
catches a mistyped cell that a spot check of a few cells misses.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import strength

PAIRS = [(reps, rpe) for reps in range(1, 10) for rpe in np.arange(7.0, 9.01, 0.5)]


def test_the_chart_has_the_rows_the_invariant_covers():
    assert len(PAIRS) == 45
    assert {7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0} <= set(strength.RPE_CHART.index)


@pytest.mark.parametrize(("reps", "rpe"), PAIRS, ids=[f"{r}@{e:g}" for r, e in PAIRS])
def test_one_more_rep_one_rpe_higher_is_the_same_load(reps, rpe):
    assert strength.percent_1rm(reps, rpe) == pytest.approx(
        strength.percent_1rm(reps + 1, rpe + 1), abs=1e-12
    )
