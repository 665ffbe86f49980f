"""Import training logs: Strava bulk export, FIT, GPX, TCX, Garmin Connect, Runkeeper, Strong,
Hevy and FitNotes files.

:func:`read` takes any of them and finds the format from the content (the formats are one
registry, :data:`FORMATS`). One module per format family: :mod:`~helpers.logs.strava`
(activities.csv in any vintage and language), :mod:`~helpers.logs.export` (the bulk export with
its activity files), :mod:`~helpers.logs.fit`, :mod:`~helpers.logs.gpx`,
:mod:`~helpers.logs.tcx`, :mod:`~helpers.logs.garmin` (Garmin Connect's Activities.csv),
:mod:`~helpers.logs.runkeeper`, :mod:`~helpers.logs.apps` (Strong, Hevy, FitNotes),
:mod:`~helpers.logs.activity_types` (activity types per language),
:mod:`~helpers.logs.detect` (:func:`read`), :mod:`~helpers.logs.combine` (combining logs,
daily load, weekly summary, plan comparison); the schema lives in ``_schema``.

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
    ``source``          ``"<file>:<line>"`` (FIT: ``"<file>:session <n>"``; GPX: track number;
                        a Strava row matched with its file: both, ``"; "``-separated)
    ==================  =======================================================================

``sets``
    Strength sets (Strong, Hevy, and the ``set`` messages of a watch's FIT file), one row per
    set: ``start``, ``date``, ``workout``, ``exercise``, ``set``, ``set_type``, ``reps``,
    ``weight_kg``, ``weight_unit`` (the unit the app or watch showed), ``rpe``, ``notes``,
    ``source``. Empty with the same columns where a file has no sets.

``skipped``
    Rows that could not be read: ``file``, ``line``, ``reason``. Nothing is dropped silently:
    ``rows_read == len(log) + len(skipped)`` for session files and
    ``rows_read == len(sets) + len(skipped)`` for set-per-row files (Strong, Hevy); multisport
    FIT files and bulk exports state their own count (``kept``); see
    :meth:`ImportResult.reconciles`.

Two further reports: ``notes`` (how a reader decided what the file does not say, such as the
sport of an untyped GPX track) and, for a bulk export, ``files`` (each row matched with its
activity file, read from the CSV alone, or skipped, with the reason).

A file that cannot be read at all (empty, truncated, damaged, not UTF-8, wrong format or header,
not an activity) raises ``ValueError`` naming the file and the problem.

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
from helpers.logs.apps import read_fitnotes_csv, read_hevy_csv, read_strong_csv
from helpers.logs.combine import (
    combine_logs,
    compare_to_plan,
    daily_load,
    duplicate_sessions,
    weekly_summary,
)
from helpers.logs.detect import FORMATS, detect_format, read
from helpers.logs.detect import formats as _formats
from helpers.logs.export import read_strava_export
from helpers.logs.fit import read_fit
from helpers.logs.garmin import read_garmin_csv
from helpers.logs.gpx import read_gpx
from helpers.logs.runkeeper import read_runkeeper_csv
from helpers.logs.tcx import read_tcx

__all__ = [
    "DEFAULT_RPE",
    "FIT_SPORTS",
    "FORMATS",
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
    "duplicate_sessions",
    "read",
    "read_fit",
    "read_fitnotes_csv",
    "read_garmin_csv",
    "read_gpx",
    "read_hevy_csv",
    "read_runkeeper_csv",
    "read_strava_export",
    "read_strong_csv",
    "read_tcx",
    "weekly_summary",
]

# Every reader is imported above, so the registry of formats can be filled now: FORMATS lists
# the course's formats as soon as the package is imported.
_formats()
