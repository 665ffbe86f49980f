"""Every real export in ../shared/real-exports/ read as MANIFEST.tsv and
MANIFEST-other-apps.tsv (Garmin Connect, Runkeeper, FitNotes) say.

The files were exported by runners' own watches and apps (see SOURCES.md there) and are never
copied into the repository. Each one is checked against figures computed here by other means:
the standard library's csv and ElementTree, a haversine distance written below, and fitdecode's
raw messages, never the reader under test. Activities: sessions, sports, durations and distances
within 2 %, and sets; damaged and non-activity files: a ValueError naming the file, or an empty
log that reconciles.

Where the folder is absent (a learner's clone) the tests skip; in CI (``CI=true``) they fail.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import os
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from helpers import logs
from tests.conftest import ROOT

REAL = ROOT.parent / "shared" / "real-exports"
MANIFEST = REAL / "MANIFEST.tsv"
TOLERANCE = 0.02  # 2 %


def _manifest():
    if not MANIFEST.is_file():
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"{REAL} is missing: CI must run the real-export tests")
        return []
    with MANIFEST.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = _manifest()
pytestmark = pytest.mark.skipif(
    not ROWS, reason=f"real exports not found at {REAL} (they are not part of the repository)"
)


def _id(row):
    return f"{row['format']}/{row['file']}"


def close(got, expected, what):
    if expected == 0:
        assert got == pytest.approx(0, abs=1e-6), what
    else:
        assert abs(got - expected) <= TOLERANCE * abs(expected), f"{what}: {got} vs {expected}"


# ---------------------------------------------------------------- independent references


def haversine_km(a, b):
    """Great-circle distance on a sphere of radius 6371.0088 km (mean Earth radius)."""
    (lat1, lon1), (lat2, lon2) = a, b
    h = (
        math.sin(math.radians(lat2 - lat1) / 2) ** 2
        + math.cos(math.radians(lat1))
        * math.cos(math.radians(lat2))
        * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


FIT_EXPECTED_SPORT = {"running": "run", "cycling": "cross", "walking": "cross"}
FIT_EXPECTED_SPORT |= {"swimming": "cross", "fitness_equipment": "cross", "training": "strength"}


def fit_reference(path: Path):
    """Sessions (legs without transitions), total timer time [s], distance [m], active sets."""
    import fitdecode

    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    sessions, active_sets = [], 0
    fit = fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED)
    try:
        for frame in fit:
            if not isinstance(frame, fitdecode.FitDataMessage):
                continue
            if frame.name == "session":
                sessions.append({f.name: f.value for f in frame.fields})
            if frame.name == "set" and frame.get_value("set_type", fallback=None) == "active":
                active_sets += 1
    except fitdecode.FitParseError:
        pass  # a damaged file: what came before the damage
    finally:
        fit.close()
    legs = [s for s in sessions if s.get("sport") != "transition"]
    legs = legs or sessions  # a file of transitions only keeps them
    # issue #21: each leg as the file has it; transitions are reported, not added to a leg
    seconds = sum(s.get("total_timer_time") or 0 for s in legs)
    metres = sum(s.get("total_distance") or 0 for s in legs)
    sports = [
        "strength"
        if s.get("sub_sport") == "strength_training"
        else FIT_EXPECTED_SPORT.get(s.get("sport"), "other")
        for s in legs
    ]
    return sports, seconds, metres, active_sets


def _local(tag):
    return tag.rpartition("}")[2]


def gpx_reference(path: Path):
    """Per timed track: (type text, seconds, km) from ElementTree and haversine."""
    tracks = []
    for track in ET.parse(path).getroot().iter():
        if _local(track.tag) != "trk":
            continue
        kind = next((c.text for c in track if _local(c.tag) == "type"), None)
        times, km = [], 0.0
        for segment in (c for c in track if _local(c.tag) == "trkseg"):
            previous = None
            for point in (c for c in segment if _local(c.tag) == "trkpt"):
                here = (float(point.get("lat")), float(point.get("lon")))
                km += haversine_km(previous, here) if previous else 0.0
                previous = here
                stamp = next((c.text for c in point if _local(c.tag) == "time"), None)
                if stamp:
                    times.append(datetime.fromisoformat(stamp.replace("Z", "+00:00")))
        if len(times) >= 2 and max(times) > min(times):
            tracks.append((kind, (max(times) - min(times)).total_seconds(), km))
    return tracks


def tcx_reference(path: Path):
    ns = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}
    root = ET.fromstring(path.read_bytes().lstrip())
    activities = root.findall("t:Activities/t:Activity", ns)
    seconds = sum(float(x.text) for x in root.iterfind(".//t:Lap/t:TotalTimeSeconds", ns))
    metres = sum(float(x.text) for x in root.iterfind(".//t:Lap/t:DistanceMeters", ns))
    return [a.get("Sport") for a in activities], seconds, metres


def csv_rows(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > 3 else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]


def strava_reference(path: Path):
    """Rows, total elapsed seconds, total km, the year in each date cell (fixed layout)."""
    header, rows = csv_rows(path)
    repeated = [i for i, h in enumerate(header) if h == header[6] and i > 6]
    seconds = sum(float(r[5].replace(",", ".")) for r in rows)
    km = 0.0
    for r in rows:
        if repeated and r[repeated[0]].strip():
            km += float(r[repeated[0]]) / 1000
        elif not repeated:
            km += float(r[6]) / 1000  # the 2018 layout writes metres
    years = [int(next(p for p in re.findall(r"\d+", r[1]) if len(p) == 4)) for r in rows]
    return len(rows), seconds, km, years


# ---------------------------------------------------------------- the tests


def _refused_or_empty(row, read):
    try:
        result = read()
    except ValueError as err:
        assert row["file"].split(".")[0] in str(err), f"error does not name the file: {err}"
        return None
    assert result.reconciles()
    return result


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_real_export(row):
    path = REAL / row["format"] / row["file"]
    kind, fmt = row["kind"], row["format"]
    if kind in ("damaged", "non-activity", "no-times"):
        result = _refused_or_empty(row, lambda: logs.read(path))
        if result is not None and len(result.log):
            # a damaged file may keep the sessions written before the damage, reported
            assert len(result.skipped) and "damaged" in " ".join(result.skipped["reason"])
            sports, seconds, metres, _ = fit_reference(path)
            close(result.log["duration_min"].sum() * 60, seconds, "salvaged duration")
        return
    result = logs.read(path, weight_unit=row["unit"] or "kg")
    assert result.reconciles()
    log = result.log
    if fmt == "fit":
        sports, seconds, metres, active_sets = fit_reference(path)
        assert sorted(log["sport"]) == sorted(sports)
        close(log["duration_min"].sum() * 60, seconds, "duration")
        close(log["distance_km"].fillna(0).sum() * 1000, metres, "distance")
        assert len(result.sets) == active_sets
        if active_sets:  # a watch's strength sets: exercise, reps, weight in order
            assert result.sets["exercise"].str.len().gt(0).all()
            assert result.sets["reps"].dropna().ge(0).all() and result.sets["reps"].sum() > 0
            assert result.sets["start"].is_monotonic_increasing
        assert log["start"].dt.year.between(2000, 2030).all()
    elif fmt == "gpx":
        tracks = gpx_reference(path)
        assert len(log) == len(tracks)
        close(log["duration_min"].sum() * 60, sum(t[1] for t in tracks), "duration")
        close(log["distance_km"].sum(), sum(t[2] for t in tracks), "distance")
        typed = {"9": "run", "running": "run", "Running": "run", "1": "cross", "4": "cross"}
        for (kind_text, _, _), sport in zip(tracks, log.sort_values("start")["sport"], strict=True):
            if kind_text:
                assert sport == typed[kind_text]
        untyped = sum(1 for t in tracks if not t[0])
        assert len(result.notes) == untyped  # each inferred sport says why
        if untyped:  # an untyped track is a run only at running speeds (issue #12: a hike)
            for (_, seconds, km), sport in zip(tracks, log["sport"], strict=True):
                assert sport != "run" or 7.0 <= km / (seconds / 3600) <= 20.0
    elif fmt == "tcx":
        sports, seconds, metres = tcx_reference(path)
        assert len(log) == len(sports)
        expected = {"Running": "run", "Biking": "cross", "Other": "other"}
        assert sorted(log["sport"]) == sorted(expected[s] for s in sports)
        close(log["duration_min"].sum() * 60, seconds, "duration")
        close(log["distance_km"].fillna(0).sum() * 1000, metres, "distance")
    elif fmt == "strava":
        rows, seconds, km, years = strava_reference(path)
        assert result.rows_read == rows and len(result.skipped) == 0
        close(log["duration_min"].sum() * 60, seconds, "duration")
        close(log["distance_km"].fillna(0).sum(), km, "distance")
        assert sorted(log["start"].dt.year) == sorted(years)
        assert (log["sport"] != "other").mean() > 0.5  # activity types understood
    elif fmt in ("strong", "hevy"):
        header, rows = csv_rows(path)
        keys = [h.strip().lower() for h in header]
        assert len(result.sets) + len(result.skipped) == len(rows)
        assert len(result.skipped) == 0
        weight_i = next(i for i, k in enumerate(keys) if k.startswith(("weight", "gewicht")))
        factor = 0.45359237 if row["unit"] == "lb" else 1.0
        total = sum(float(r[weight_i] or 0) for r in rows) * factor
        close(result.sets["weight_kg"].fillna(0).sum(), total, "weight")
        assert set(result.sets["weight_unit"]) == {row["unit"]}
        if fmt == "hevy":
            workouts = {(r[0], r[1]) for r in rows}
        else:
            workouts = {(r[0], r[1]) for r in rows} if keys[0] != "workout #" else None
            workouts = workouts or {(r[1], r[2]) for r in rows}
        assert len(log) == len(workouts)
        assert (log["sport"] == "strength").all() and (log["duration_min"] > 0).all()
    else:
        raise AssertionError(f"unknown format {fmt}")


def test_manifest_lists_every_file():
    listed = {(r["format"], r["file"]) for r in ROWS}
    present = {(p.parent.name, p.name) for p in REAL.glob("*/*") if p.is_file()}
    assert listed <= present


def test_damaged_copies_never_crash(tmp_path):
    """Real files with a few bytes changed or cut short: a result or a ValueError naming them."""
    import random

    rng = random.Random(12)
    small = sorted(p for p in REAL.glob("*/*") if p.suffix != ".tsv" and p.stat().st_size < 60_000)
    for n in range(300):
        data = bytearray(rng.choice(small).read_bytes())
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        path = tmp_path / f"damaged-{n}.bin"
        path.write_bytes(bytes(data))
        try:
            assert logs.read(path).reconciles()
        except ValueError as err:
            assert path.name in str(err)


# ---------------------------------------------------------------- other apps (issue #21)

OTHER = REAL / "MANIFEST-other-apps.tsv"
OTHER_ROWS = (
    list(csv.DictReader(OTHER.open(encoding="utf-8"), delimiter="\t")) if OTHER.is_file() else []
)


def _figure(note: str, label: str) -> float:
    """A figure the manifest states in its note: ``running distance 7343.97 km`` → 7343.97."""
    match = re.search(re.escape(label) + r" ([\d.]+)", note, flags=re.IGNORECASE)
    assert match, f"the manifest note states no {label!r}"
    return float(match.group(1))


def clock_seconds(text: str) -> float:
    seconds = 0.0
    for part in text.strip().split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def other_reference(row):
    """Rows, runs, running km, minutes (all, running) or sets and volume, by the csv module."""
    header, rows = csv_rows(REAL / row["format"] / row["file"])
    note, per_unit = row["note"], (1.609344 if row["unit"] == "mi" else 1.0)
    if row["format"] == "garmin-csv":
        kinds = re.search(r"running rows \d+ \[([^\]]+)\]", note).group(1).split(", ")
        runs = [r for r in rows if r[0] in kinds]
        km = sum(float(r[4]) for r in runs) * per_unit
        minutes = [sum(clock_seconds(r[6]) for r in x) / 60 for x in (rows, runs)]
        return {"rows": len(rows), "runs": len(runs), "km": km, "minutes": minutes}
    if row["format"] == "runkeeper":
        runs = [r for r in rows if r[1] == "Running"]
        km = sum(float(r[3]) for r in runs if r[3]) * per_unit
        minutes = [sum(clock_seconds(r[4]) for r in x) / 60 for x in (rows, runs)]
        return {"rows": len(rows), "runs": len(runs), "km": km, "minutes": minutes}
    sets = [r for r in rows if r[4].strip()]
    factor = 0.45359237 if row["unit"] == "lb" else 1.0
    volume = sum(float(r[3] or 0) * float(r[4]) for r in sets) * factor
    return {"rows": len(rows), "sets": len(sets), "volume": volume}


@pytest.mark.skipif(not OTHER_ROWS, reason="MANIFEST-other-apps.tsv not found")
@pytest.mark.parametrize("row", OTHER_ROWS, ids=_id)
def test_other_app_export(row):
    """Garmin Connect, Runkeeper and FitNotes files, read with plain logs.read(path)."""
    reference = other_reference(row)
    note = row["note"]
    # the csv module's figures are the manifest's own
    assert reference["rows"] == _figure(note, "rows")
    result = logs.read(REAL / row["format"] / row["file"])  # no keyword: the unit from the data
    assert result.reconciles() and len(result.skipped) == 0
    assert result.rows_read == reference["rows"]
    log = result.log
    if "sets" in reference:
        assert reference["sets"] == _figure(note, "weight x reps sets")
        assert reference["volume"] == pytest.approx(_figure(note, "volume"), abs=0.05)
        assert len(result.sets) == reference["sets"]
        close((result.sets["weight_kg"] * result.sets["reps"]).sum(), reference["volume"], "vol")
        assert set(result.sets["weight_unit"]) == {row["unit"]}
        assert (log["sport"] == "strength").all()
        return
    assert reference["runs"] == _figure(note, "running rows")
    assert reference["km"] == pytest.approx(_figure(note, "running distance"), abs=0.01)
    assert reference["minutes"][0] == pytest.approx(_figure(note, "duration all rows"), abs=0.05)
    runs = log[log["sport"] == "run"]
    assert len(runs) == reference["runs"]
    close(runs["distance_km"].sum(), reference["km"], "running distance")
    close(log["duration_min"].sum(), reference["minutes"][0], "duration")
    close(runs["duration_min"].sum(), reference["minutes"][1], "running duration")
    if row["format"] == "garmin-csv":  # the unit was decided from the data, and said
        assert f"read as {row['unit']}" in " ".join(result.notes["reason"])


READERS = {
    "fit": lambda path, row: logs.read_fit(path),
    "gpx": lambda path, row: logs.read_gpx(path),
    "tcx": lambda path, row: logs.read_tcx(path),
    "strava": lambda path, row: logs.read_strava_export(path),
    "strong": lambda path, row: logs.read_strong_csv(path, weight_unit=row["unit"] or "kg"),
    "hevy": lambda path, row: logs.read_hevy_csv(path),
}


@pytest.mark.parametrize("row", [r for r in ROWS if r["kind"] == "activity"], ids=_id)
def test_format_readers_by_name(row):
    """Each format's own reader, as named in the docs, gives what logs.read gives."""
    path = REAL / row["format"] / row["file"]
    by_name = READERS[row["format"]](path, row)
    by_content = logs.read(path, weight_unit=row["unit"] or "kg")
    assert by_name.reconciles()
    assert by_name.log["duration_min"].sum() == pytest.approx(by_content.log["duration_min"].sum())
    assert len(by_name.sets) == len(by_content.sets)
