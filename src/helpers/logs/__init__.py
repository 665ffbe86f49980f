"""Import training logs: Strava bulk export, FIT, GPX, TCX, Strong and Hevy CSV files.

Every reader returns an :class:`ImportResult` with three tables:

``log``
    The **training-log schema**, one row per session:

    ==================  =======================================================================
    ``start``           session start, timezone-aware ``datetime`` (a naive time in the file is
                        taken as UTC unless the reader's ``tz=`` names another zone)
    ``date``            calendar date of ``start`` in its own timezone (``datetime.date``)
    ``sport``           ``run``, ``strength``, ``cross`` or ``other`` (see :data:`STRAVA_SPORTS`
                        and :data:`FIT_SPORTS`)
    ``name``            the session's title as plain text (never interpreted as HTML)
    ``duration_min``    duration [min]
    ``distance_km``     distance [km]; NaN for strength sessions and when the file has none
    ``rpe``             session RPE on the CR-10 scale (0–10), NaN when the file has none
    ``avg_hr``          average heart rate [bpm], NaN when the file has none
    ``load``            session load [AU]: RPE × minutes (Foster 2001) when ``rpe`` is known,
                        otherwise the **estimate** minutes × :data:`DEFAULT_RPE` of the sport
    ``load_estimated``  True where ``load`` is that estimate
    ``source``          ``"<file>:<line>"`` (FIT: ``"<file>:session <n>"``; GPX: track number)
    ==================  =======================================================================

``sets``
    Strength imports only (Strong, Hevy), one row per set: ``start``, ``date``, ``workout``,
    ``exercise``, ``set``, ``set_type``, ``reps``, ``weight_kg``, ``rpe``, ``notes``, ``source``.
    Other readers return it empty with the same columns.

``skipped``
    Rows that could not be read: ``file``, ``line``, ``reason``. Nothing is dropped silently:
    ``rows_read == len(log) + len(skipped)`` for session files and
    ``rows_read == len(sets) + len(skipped)`` for set-per-row files (Strong, Hevy); see
    :meth:`ImportResult.reconciles`.

A file that cannot be read at all (empty, truncated, not UTF-8, wrong format or header) raises
``ValueError`` naming the file and the problem.

The estimated load is a course assumption, not a published constant: without a rating we take a
moderate effort (CR-10 RPE 5 for running, 6 for lifting, 4 for cross-training and other). It keeps
a session's minutes in the daily load instead of counting it as rest; the ``load_estimated``
column lets a lesson show or drop those rows.

References
----------
Foster C, Florhaug JA, Franklin J, et al. (2001). A new approach to monitoring exercise training.
J Strength Cond Res 15:109–115.
"""

from helpers.logs._schema import (
    DEFAULT_RPE,
    FIT_SPORTS,
    LOG_COLUMNS,
    MAX_UNZIPPED_BYTES,
    SET_COLUMNS,
    SKIPPED_COLUMNS,
    SPORTS,
    STRAVA_SPORTS,
    ImportResult,
)
from helpers.logs.apps import read_hevy_csv, read_strong_csv
from helpers.logs.combine import combine_logs, compare_to_plan, daily_load, weekly_summary
from helpers.logs.detect import detect_format, read
from helpers.logs.export import read_strava_export
from helpers.logs.fit import read_fit
from helpers.logs.gpx import read_gpx
from helpers.logs.tcx import read_tcx

__all__ = [
    "DEFAULT_RPE",
    "FIT_SPORTS",
    "LOG_COLUMNS",
    "MAX_UNZIPPED_BYTES",
    "SET_COLUMNS",
    "SKIPPED_COLUMNS",
    "SPORTS",
    "STRAVA_SPORTS",
    "ImportResult",
    "combine_logs",
    "compare_to_plan",
    "daily_load",
    "detect_format",
    "read",
    "read_fit",
    "read_gpx",
    "read_hevy_csv",
    "read_strava_export",
    "read_strong_csv",
    "read_tcx",
    "weekly_summary",
]
