"""One entry point: hand the course any export and it finds the right reader by content.

The formats are one :class:`~helpers._registry.Registry`, :data:`FORMATS`, in the order they
are tried. Each entry is a :class:`Format`: the reader, the test on the file's content that
recognises it (given a :class:`Sample`: the bytes, unpacked once, and the CSV header and rows,
parsed once for every test), and the options of :func:`read` it takes. A new format is one
reader function and one ``FORMATS.register(...)`` line (see CONTRIBUTING.md).
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers._registry import Registry
from helpers.logs._locale import plain
from helpers.logs._schema import ImportResult, _csv_records, _decode, _read_bytes, gunzip

FIT_MAGIC = b".FIT"


class Sample:
    """What the format tests look at, each part computed once: the file's bytes (gunzipped),
    the start of its text, and its CSV header and records."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.name = self.path.name
        self.is_dir = self.path.is_dir()
        self.is_zip = not self.is_dir and zipfile.is_zipfile(self.path)
        self.data = b"" if self.is_dir or self.is_zip else gunzip(_read_bytes(path), self.name)
        self.head = self.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").decode("utf-8", "replace")

    @functools.cached_property
    def csv(self) -> tuple[list[str], list]:
        """``(header, records)``; ValueError naming the file when it is not UTF-8 CSV text."""
        return _csv_records(_decode(self.data, self.name), self.name)

    @property
    def header(self) -> list[str]:
        return self.csv[0]

    @property
    def records(self) -> list:
        return self.csv[1]

    @functools.cached_property
    def keys(self) -> set[str]:
        """The header words, plain (lower case, no accents)."""
        return {plain(h) for h in self.header}

    def text_like(self) -> bool:
        return bool(self.data) and not self.head.startswith("<") and self.data[8:12] != FIT_MAGIC


@dataclass(frozen=True)
class Format:
    """One import format: its reader, the test that recognises it, the options it takes."""

    read: Callable[..., ImportResult]
    sniff: Callable[[Sample], bool]
    options: tuple[str, ...] = ("tz",)
    label: str = ""  # the name users know, for messages ("Garmin"); default the key

    def __call__(self, path, **options) -> ImportResult:
        return self.read(path, **{k: v for k, v in options.items() if k in self.options})


#: The import formats, tried in this order by :func:`detect_format`.
FORMATS = Registry("log format")


def _fails(check) -> bool:
    try:
        check()
    except ValueError:
        return True
    return False


def _csv(test):
    return lambda s: s.text_like() and test(s)


def _xml(s: Sample, word: str) -> bool:
    return s.head.startswith("<") and word in s.head


def _strava(s: Sample) -> bool:
    from helpers.logs.strava import find_columns

    if s.is_dir or s.is_zip:
        return True
    return s.text_like() and not _fails(lambda: find_columns(s.header, s.records, s.name))


def _strong(s: Sample) -> bool:
    from helpers.logs.apps import _strong_columns

    return s.text_like() and not _fails(lambda: _strong_columns(s.header, s.records, s.name))


def _register_all() -> None:
    """The course's formats, in the order they are tried: one line each."""
    from helpers.logs import apps, export, fit, garmin, gpx, runkeeper, tcx

    add, units = FORMATS.register, ("tz", "distance_unit")
    add("fit", Format(fit.read_fit, lambda s: s.data[8:12] == FIT_MAGIC, label="FIT"))
    add("gpx", Format(gpx.read_gpx, lambda s: _xml(s, "<gpx"), label="GPX"))
    add("tcx", Format(tcx.read_tcx, lambda s: _xml(s, "TrainingCenterDatabase"), label="TCX"))
    add("hevy", Format(apps.read_hevy_csv, _csv(apps.is_hevy_csv), label="Hevy"))
    add("garmin", Format(garmin.read_garmin_csv, _csv(garmin.is_garmin_csv), units, "Garmin"))
    add("runkeeper", Format(runkeeper.read_runkeeper_csv, _csv(runkeeper.is_runkeeper_csv)))
    add("fitnotes", Format(apps.read_fitnotes_csv, _csv(apps.is_fitnotes_csv), label="FitNotes"))
    add("strava", Format(export.read_strava_export, _strava, units, "Strava"))
    add("strong", Format(apps.read_strong_csv, _strong, ("tz", "weight_unit"), "Strong"))


def formats() -> Registry:
    """:data:`FORMATS`, filled on first use (the readers import this module's neighbours)."""
    if not len(FORMATS):
        _register_all()
    return FORMATS


def detect_format(path) -> str:
    """The format of a file by its content: a name in :data:`FORMATS`.

    A folder or zip with ``activities.csv`` is a Strava export; bytes 8–11 ``.FIT`` make a FIT
    file (also inside gzip); an XML root ``gpx`` or ``TrainingCenterDatabase`` a GPX or TCX
    file; a CSV is told apart by its header (Hevy's ``exercise_title``; Garmin's fixed first
    columns with a true/false Favourite; Runkeeper's ``Distance (mi)``; FitNotes'
    ``Exercise,Category``; Strava's activity columns in any language; Strong's set columns in
    any of its layouts).

    Raises
    ------
    ValueError
        None of these; the message names the file and what was found in it.
    """
    sample = Sample(Path(path))
    for name in formats():
        if FORMATS.get(name).sniff(sample):
            return name
    if sample.head.startswith("<"):
        raise ValueError(
            f"{sample.name}: XML but neither GPX nor TCX (starts {sample.head[:80]!r})"
        )
    known = ", ".join(FORMATS.get(n).label or n.capitalize() for n in FORMATS)
    raise ValueError(
        f"{sample.name}: not an export the course reads ({known}); "
        f"columns found: {', '.join(h[:40] for h in sample.header[:14])}"
    )


def read(
    path,
    *,
    format: str = "auto",  # noqa: A002 (the word users know)
    tz="UTC",
    weight_unit: str = "kg",
    distance_unit: str = "auto",
) -> ImportResult:
    """Read any training export the course knows, the format found from its content.

    Parameters
    ----------
    path : str or Path
        A file, a Strava export folder or zip.
    format : str
        ``"auto"`` (found from the content by :func:`detect_format`) or a name in
        :data:`FORMATS`: ``fit``, ``gpx``, ``tcx``, ``hevy``, ``garmin``, ``runkeeper``,
        ``fitnotes``, ``strava`` (bulk export, its folder or ``activities.csv``), ``strong``.
        An unknown name is a ValueError listing the known ones.
    tz : str
        Timezone of times written without one.
    weight_unit : {"kg", "lb"}
        Strong only: the app's unit where the file does not say it.
    distance_unit : {"auto", "km", "mi"}
        Strava and Garmin Connect: unit of the distance column (``auto`` decides from the
        data and says how in ``notes``).

    Returns
    -------
    ImportResult

    Examples
    --------
    >>> from helpers import logs
    >>> result = logs.read("data/samples/strong.csv")  # doctest: +SKIP
    """
    registry = formats()
    name = detect_format(path) if format == "auto" else format
    reader = registry.get(name)
    return reader(path, tz=tz, weight_unit=weight_unit, distance_unit=distance_unit)
