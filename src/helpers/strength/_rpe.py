"""The RIR-based RPE chart: reps and effort to a fraction of 1RM, and back to an estimated 1RM."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._checks import as_float_array, check_range, like_input
from helpers._renamed import renamed
from helpers.strength._onerm import _reps

#: RIR-based RPE chart (Tuchscherer / Reactive Training Systems), fraction of 1RM by RPE (rows)
#: and reps (columns). Cells with reps + reps in reserve ≥ 11 differ between published copies:
#: treat them as approximate. Along each diagonal the reps a lifter could have done (reps + RIR)
#: are the same, and so is the fraction: ``percent_1rm(r, e) == percent_1rm(r + 1, e + 1)``.
RPE_CHART = (
    pd.DataFrame(
        [
            [100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9],
            [97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3],
            [95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7],
            [93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4],
            [92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0],
            [90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7],
            [89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3],
        ],
        index=pd.Index([10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0], name="rpe"),
        columns=pd.Index(range(1, 11), name="reps"),
    )
    .div(100)
    .round(4)
)


def rir_to_rpe(rir):
    """RPE on the reps-in-reserve scale: RPE = 10 − RIR (Zourdos et al. 2016).

    Parameters
    ----------
    rir : float, array or Series
        Repetitions left in reserve, 0–4 (RPE 6 to 10; 4 or more in reserve is RPE 5–6).

    Returns
    -------
    float, array or Series, like the input

    Examples
    --------
    >>> rir_to_rpe(2)
    8.0

    References
    ----------
    Zourdos MC, Klemp A, Dolan C, et al. (2016). Novel resistance training-specific rating of
    perceived exertion scale measuring repetitions in reserve. J Strength Cond Res 30:267–275.
    doi:10.1519/JSC.0000000000001049
    """
    check_range("rir", rir, 0, 4)
    return like_input(rir, 10.0 - as_float_array("rir", rir))


def rpe_to_rir(rpe):
    """Repetitions in reserve from RPE: RIR = 10 − RPE, for RPE 6–10 (Zourdos et al. 2016).

    RPE 9.5 means "could have added weight but not a rep": RIR 0.5.

    References
    ----------
    Zourdos MC, et al. (2016). J Strength Cond Res 30:267–275. doi:10.1519/JSC.0000000000001049
    """
    check_range("rpe", rpe, 6, 10)
    return like_input(rpe, 10.0 - as_float_array("rpe", rpe))


def percent_1rm(reps, rpe):
    """Fraction of 1RM a set of ``reps`` at ``rpe`` corresponds to, from the RPE chart.

    Between the chart's half-point rows the fraction is interpolated linearly in RPE.

    Parameters
    ----------
    reps : int, array or Series
        Repetitions in the set, 1–10.
    rpe : float, array or Series
        RPE of the set on the reps-in-reserve scale, 7–10.

    Returns
    -------
    float, array or Series, like ``reps``
        Fraction of 1RM (0–1).

    Examples
    --------
    >>> percent_1rm(5, 8)
    0.811

    References
    ----------
    Helms ER, Cronin J, Storey A, Zourdos MC (2016). Application of the repetitions in reserve-
    based rating of perceived exertion scale for resistance training. Strength Cond J 38:42–49.
    doi:10.1519/SSC.0000000000000218
    """
    r = _reps("reps", reps, 10).astype(int)
    e = np.asarray(check_range("rpe", as_float_array("rpe", rpe), 7, 10), dtype=float)
    rows = RPE_CHART.index.to_numpy()[::-1]  # ascending RPE for interpolation
    table = RPE_CHART.to_numpy()[::-1]
    r, e = np.broadcast_arrays(r, e)
    out = np.array(
        [np.interp(ei, rows, table[:, ri - 1]) for ri, ei in zip(r.ravel(), e.ravel(), strict=True)]
    )
    return like_input(reps, out.reshape(r.shape))


@renamed(weight="weight_kg")
def e1rm_from_rpe(weight_kg, reps, rpe):
    """Estimated 1RM from a set and its RPE: e1RM = weight ÷ percent_1rm(reps, rpe).

    Parameters
    ----------
    weight_kg : float, array or Series
        Weight lifted [kg], > 0.
    reps, rpe
        As :func:`percent_1rm`.

    Returns
    -------
    float, array or Series, like ``weight_kg``
        Estimated 1RM [kg].

    Examples
    --------
    >>> round(e1rm_from_rpe(65, 5, 8), 1)
    80.1

    References
    ----------
    Helms ER, et al. (2016). Strength Cond J 38:42–49. doi:10.1519/SSC.0000000000000218
    """
    w = check_range("weight_kg", as_float_array("weight_kg", weight_kg), 0, low_inclusive=False)
    return like_input(weight_kg, w / np.asarray(percent_1rm(reps, rpe)))
