"""One entry point: hand the course any export and it finds the right reader by content."""

from __future__ import annotations

import zipfile
from pathlib import Path

from helpers.logs._locale import plain
from helpers.logs._schema import ImportResult, _csv_records, _decode, _read_bytes, gunzip

FIT_MAGIC = b".FIT"


def detect_format(path) -> str:
    """The format of a file by its content: ``strava``, ``fit``, ``gpx``, ``tcx``, ``strong``
    or ``hevy``.

    A folder or zip with ``activities.csv`` is a Strava export; bytes 8–11 ``.FIT`` make a FIT
    file (also inside gzip); an XML root ``gpx`` or ``TrainingCenterDatabase`` a GPX or TCX
    file; a CSV is told apart by its header (Hevy's ``exercise_title``, Strava's activity
    columns in any language, Strong's set columns in any of its layouts).

    Raises
    ------
    ValueError
        None of these; the message names the file and what was found in it.
    """
    from helpers.logs.apps import _strong_columns
    from helpers.logs.strava import find_columns

    path = Path(path)
    if path.is_dir():
        return "strava"
    data = _read_bytes(path)
    if zipfile.is_zipfile(path):
        return "strava"
    data = gunzip(data, path.name)
    if len(data) >= 12 and data[8:12] == FIT_MAGIC:
        return "fit"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        text = head.decode("utf-8", "replace")
        if "<gpx" in text:
            return "gpx"
        if "TrainingCenterDatabase" in text:
            return "tcx"
        raise ValueError(f"{path.name}: XML but neither GPX nor TCX (starts {text[:80]!r})")
    text = _decode(data, path.name)
    header, records = _csv_records(text, path.name)
    keys = {plain(h) for h in header}
    if {"exercise_title", "start_time"} <= keys:
        return "hevy"
    for kind, check in (
        ("strava", lambda: find_columns(header, records, path.name)),
        ("strong", lambda: _strong_columns(header, records, path.name)),
    ):
        try:
            check()
        except ValueError:
            continue
        return kind
    raise ValueError(
        f"{path.name}: not an export the course reads (Strava, FIT, GPX, TCX, Strong, Hevy); "
        f"columns found: {', '.join(h[:40] for h in header[:14])}"
    )


def read(path, *, tz="UTC", weight_unit: str = "kg", distance_unit: str = "auto") -> ImportResult:
    """Read any training export the course knows, the format found from its content.

    Calls :func:`read_strava_export`, :func:`read_fit`, :func:`read_gpx`, :func:`read_tcx`,
    :func:`read_strong_csv` or :func:`read_hevy_csv` by :func:`detect_format`, so the file's
    extension does not matter.

    Parameters
    ----------
    path : str or Path
        A file, a Strava export folder or zip.
    tz : str
        Timezone of times written without one.
    weight_unit : {"kg", "lb"}
        Strong only: the app's unit where the file does not say it.
    distance_unit : {"auto", "km", "mi"}
        Strava only: unit of the display Distance column.

    Returns
    -------
    ImportResult

    Examples
    --------
    >>> from helpers import logs
    >>> result = logs.read("data/samples/strong.csv")  # doctest: +SKIP
    """
    from helpers.logs.apps import read_hevy_csv, read_strong_csv
    from helpers.logs.export import read_strava_export
    from helpers.logs.fit import read_fit
    from helpers.logs.gpx import read_gpx
    from helpers.logs.tcx import read_tcx

    kind = detect_format(path)
    if kind == "strava":
        return read_strava_export(path, distance_unit=distance_unit, tz=tz)
    if kind == "strong":
        return read_strong_csv(path, weight_unit=weight_unit, tz=tz)
    readers = {"fit": read_fit, "gpx": read_gpx, "tcx": read_tcx, "hevy": read_hevy_csv}
    return readers[kind](path, tz=tz)
