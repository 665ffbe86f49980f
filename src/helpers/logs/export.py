"""A Strava bulk export read whole: activities.csv and the activity files its rows name."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

import pandas as pd

from helpers._checks import check_choice
from helpers.logs import _schema
from helpers.logs._schema import (
    FILE_COLUMNS,
    SET_COLUMNS,
    ImportResult,
    _csv_records,
    _decode,
    _log_frame,
    _read_bytes,
    _skipped_frame,
    _tzinfo,
)
from helpers.logs.strava import read_rows


class _Folder:
    """The export's files, from a zip, a folder, or the folder next to activities.csv."""

    def __init__(self, path: Path):
        self.path, self.archive, self.root = path, None, path.resolve()
        if path.is_dir():
            self.csv = path / "activities.csv"
            if not self.csv.is_file():
                raise ValueError(f"{path}: the folder has no activities.csv")
        elif zipfile.is_zipfile(path):
            self.archive = zipfile.ZipFile(path)
            members = [n for n in self.archive.namelist() if n.endswith("activities.csv")]
            if not members:
                raise ValueError(f"{path}: the zip has no activities.csv")
            self.csv = min(members, key=len)
            self.prefix = self.csv[: -len("activities.csv")]
        else:
            self.csv, self.root = path, path.resolve().parent

    def name(self) -> str:
        if self.archive is not None:
            return f"{self.path.name}/{self.csv}"
        return self.csv.name if isinstance(self.csv, Path) else str(self.csv)

    def read(self, member: str) -> bytes | None:
        """Bytes of a file the CSV names (``activities/123.fit.gz``), None when absent."""
        limit = _schema.MAX_UNZIPPED_BYTES
        if self.archive is not None:
            inner = self.prefix + member if member != "activities.csv" else self.csv
            try:
                info = self.archive.getinfo(inner)
            except KeyError:
                return None
            if info.file_size > limit:
                raise ValueError(
                    f"{self.path.name}: {inner} would decompress to {info.file_size:,} bytes, "
                    f"more than the limit of {limit:,}"
                )
            with self.archive.open(info) as handle:
                data = handle.read(limit + 1)
            if len(data) > limit:
                raise ValueError(f"{self.path.name}: {inner} decompresses beyond the size limit")
            return data
        target = self.root / PurePosixPath(member)
        if self.root not in target.resolve().parents and target.resolve() != self.root:
            return None  # a name pointing outside the export is not followed
        return target.read_bytes() if target.is_file() else None


def read_activity_bytes(data: bytes, filename: str, tz) -> ImportResult:
    """Read one activity file's bytes by its name (``.fit``, ``.gpx``, ``.tcx``, ``.gz``)."""
    from helpers.logs.fit import read_fit_bytes
    from helpers.logs.gpx import read_gpx_bytes
    from helpers.logs.tcx import read_tcx_bytes

    name = PurePosixPath(filename).name
    plain = name[:-3] if name.lower().endswith(".gz") else name
    suffix = PurePosixPath(plain).suffix.lower()
    readers = {".fit": read_fit_bytes, ".gpx": read_gpx_bytes, ".tcx": read_tcx_bytes}
    if suffix not in readers:
        raise ValueError(f"{name}: not an activity file the course reads (.fit, .gpx, .tcx)")
    return readers[suffix](data, name, tz)


def _from_file(row: dict, result: ImportResult) -> list[dict]:
    """The CSV row's session(s) with the file's measurements and the CSV's name and RPE."""
    legs = result.log.to_dict("records")
    if len(legs) == 1:
        leg = legs[0]
        merged = dict(row)
        for column in ("duration_min", "distance_km", "avg_hr"):
            if pd.notna(leg[column]):
                merged[column] = leg[column]
        if row["sport"] == "other" and leg["sport"] != "other":
            merged["sport"] = leg["sport"]
        merged["distance_km"] = (
            float("nan") if merged["sport"] == "strength" else merged["distance_km"]
        )
        return [_rescored(merged, f"{row['source']}; {leg['source']}")]
    named = []
    for leg in legs:  # a multisport file: one session per leg, named after the CSV row
        leg = dict(leg, name=f"{row['name']} ({leg['name']})", rpe=row["rpe"])
        named.append(_rescored(leg, f"{row['source']}; {leg['source']}"))
    return named


def _rescored(row: dict, source: str) -> dict:
    estimated = pd.isna(row["rpe"])
    rpe = _schema.DEFAULT_RPE[row["sport"]] if estimated else row["rpe"]
    return dict(
        row,
        start=pd.Timestamp(row["start"]).to_pydatetime(),
        load=row["duration_min"] * rpe,
        load_estimated=estimated,
        source=source,
    )


def read_strava_export(
    path, distance_unit: str = "auto", tz="UTC", follow_files: bool = True
) -> ImportResult:
    """Read a Strava bulk export: the export zip, its folder, or ``activities.csv`` alone.

    Each row of ``activities.csv`` is read by meaning in any vintage or language (see
    :mod:`helpers.logs.strava`): date in the export's language and order, decimal commas,
    translated activity types. Distance: the repeated ``Distance`` column is metres and is
    preferred; the first is in the athlete's display unit, used when the metres cell is empty
    (0 means "no distance" and gives NaN). Its unit is detected from the ratio of the two
    columns (≈ 1.609 → miles), or, in the 2018 layout with one distance column, from its size
    (read as km it would mean a median speed above 100 km/h → metres).

    With ``follow_files`` each row's ``Filename`` is opened in ``activities/`` (gzipped or not)
    and read as FIT, GPX or TCX: the session takes the file's duration, distance and heart rate
    (and its sets; a multisport file gives one session per leg), and the CSV's name, RPE and
    sport. A row whose file is missing or unreadable is read from the CSV alone, with the
    reason in ``files``; so is a row without a file (a manual entry).

    Parameters
    ----------
    path : str or Path
        The export ``.zip`` (a member larger than 200 MB unpacked is refused), its folder, or
        ``activities.csv``.
    distance_unit : {"auto", "km", "mi"}
        Unit of the first Distance column; ``auto`` detects it as above.
    tz : str
        Timezone of the dates; Strava writes them in UTC, so keep the default.
    follow_files : bool
        Read the activity files the rows name (False: the CSV alone).

    Returns
    -------
    ImportResult
        ``log``, ``sets`` (from watch strength files), ``skipped`` rows with reasons, ``files``
        (each row: ``matched``, ``csv only`` or ``skipped``, and why), ``notes``.

    Examples
    --------
    >>> result = read_strava_export("data/samples/strava_export")  # doctest: +SKIP
    >>> result.files["status"].value_counts()  # doctest: +SKIP
    """
    check_choice("distance_unit", distance_unit, ("auto", "km", "mi"))
    tzinfo = _tzinfo(tz)
    path = Path(path)
    if not path.exists():
        raise ValueError(f"{path}: no such file")
    export = _Folder(path)
    name = export.name()
    data = export.read("activities.csv") if export.archive is not None else None
    if data is None:
        data = _read_bytes(Path(export.csv))
    header, records = _csv_records(_decode(data, name), name)
    try:
        rows, skipped, files = read_rows(header, records, name, distance_unit, tzinfo)
        return _follow(export, records, rows, skipped, files, follow_files, tzinfo)
    finally:
        if export.archive is not None:
            export.archive.close()


def _follow(export, records, rows, skipped, files, follow_files, tzinfo) -> ImportResult:
    """Match each read row with its activity file and build the result with its reports."""
    sessions, sets, notes, status = [], [], [], []
    for line, reason in ((s[1], s[2]) for s in skipped):
        status.append((line, "", "skipped", reason))
    for row in rows:
        line = int(row["source"].rpartition(":")[2])
        filename = files.get(line, "")
        if not (follow_files and filename):
            sessions.append(row)
            why = "no activity file named" if not filename else "files not followed"
            status.append((line, filename, "csv only", why))
            continue
        try:
            raw = export.read(filename)
            if raw is None:
                raise ValueError(f"{filename} is not in the export")
            result = read_activity_bytes(raw, filename, tzinfo)
            if not len(result.log):
                raise ValueError(f"{filename} has no readable session")
        except ValueError as err:
            sessions.append(row)
            status.append((line, filename, "csv only", str(err)))
            continue
        sessions.extend(_from_file(row, result))
        sets.append(result.sets.assign(workout=row["name"]))
        notes.extend(result.notes.itertuples(index=False, name=None))
        status.append((line, filename, "matched", ""))
    table = pd.concat([s for s in sets if len(s)] or [pd.DataFrame(columns=SET_COLUMNS)])
    status.sort()
    return ImportResult(
        _log_frame(sessions),
        table.reset_index(drop=True),
        _skipped_frame(skipped),
        rows_read=len(records),
        kept=len(rows),
        notes=_skipped_frame(notes),
        files=pd.DataFrame(status, columns=FILE_COLUMNS),
    )
