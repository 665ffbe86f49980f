"""Tests for helpers.logs: every reader, the reconciliation of rows, bad files and bad rows."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, datetime, timedelta

import gpxpy
import gpxpy.gpx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import logs
from helpers.logs import (
    LOG_COLUMNS,
    combine_logs,
    daily_load,
    read_fit,
    read_gpx,
    read_hevy_csv,
    read_strava_export,
    read_strong_csv,
    read_tcx,
    weekly_summary,
)
from tests.conftest import ROOT

SAMPLES = ROOT / "data" / "samples"
STRAVA_HEAD = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,"
    "Max Heart Rate,Elapsed Time,Moving Time,Distance,Average Heart Rate,Perceived Exertion"
)
STRONG_HEAD = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
HEVY_HEAD = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
    "set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def check_schema(result):
    assert tuple(result.log.columns) == LOG_COLUMNS
    assert list(result.skipped.columns) == ["file", "line", "reason"]
    assert result.reconciles()
    if len(result.log):
        assert str(result.log["start"].dt.tz) == "UTC"
        assert result.log["sport"].isin(logs.SPORTS).all()
        assert (result.log["load"] >= 0).all()


# ---------------------------------------------------------------- samples


def test_samples_parse_and_reconcile():
    strava = read_strava_export(SAMPLES / "strava_export")
    strong = read_strong_csv(SAMPLES / "strong.csv")
    hevy = read_hevy_csv(SAMPLES / "hevy.csv")
    for result in (strava, strong, hevy):
        check_schema(result)
    # The generator writes one manual entry without a duration: it must be reported.
    assert strava.skipped["reason"].str.contains("Elapsed Time").sum() == 1
    assert len(strava.log) + len(strava.skipped) == strava.rows_read
    assert len(strong.sets) + len(strong.skipped) == strong.rows_read
    assert set(strava.log["sport"]) >= {"run", "strength", "other"}
    assert strava.log.loc[strava.log["sport"] == "strength", "distance_km"].isna().all()
    assert len(strong.log) == 16 and len(hevy.log) == 16  # 8 weeks × 2 sessions each
    garmin = read_tcx(SAMPLES / "garmin_long_run.tcx")
    check_schema(garmin)
    # The TCX run is the last Strava run: combining them counts it once.
    assert len(combine_logs(strava, garmin)) == len(strava.log)


def test_samples_are_deterministic(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "tools/make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    module.main()
    names = ["strava_export/activities.csv", "strong.csv", "hevy.csv", "garmin_long_run.tcx"]
    names += sorted(p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("activities/*"))
    assert len(names) > 4
    for name in names:
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name


# ---------------------------------------------------------------- Strava


def test_strava_duplicate_columns_prefer_metres(tmp_path):
    # First Distance in miles (display unit), second in metres: the metres win.
    text = (
        STRAVA_HEAD
        + "\n"
        + '1,"Mar 5, 2024, 6:12:00 AM",Tempo,Run,3000,6.21,170,3000,2900,10000.0,150,6\n'
    )
    result = read_strava_export(write(tmp_path, "activities.csv", text))
    row = result.log.iloc[0]
    assert row["distance_km"] == pytest.approx(10.0)
    assert row["start"] == pd.Timestamp("2024-03-05 06:12:00", tz="UTC")
    assert row["duration_min"] == 50.0  # first Elapsed Time 3000 s
    assert row["avg_hr"] == 150.0
    # Foster 2001 session-RPE: 6 × 50 min = 300 AU.
    assert row["load"] == 300.0 and not row["load_estimated"]


def test_strava_km_and_miles(tmp_path):
    # Only the display-unit Distance column: km by default, miles when told.
    head = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance"
    text = head + '\n1,"Mar 5, 2024, 6:12:00 PM",Long,Run,7200,12.4\n'
    path = write(tmp_path, "activities.csv", text)
    assert read_strava_export(path).log["distance_km"].iloc[0] == pytest.approx(12.4)
    # 12.4 mi × 1.609344 km/mi = 19.9559 km
    miles = read_strava_export(path, distance_unit="mi").log
    assert miles["distance_km"].iloc[0] == pytest.approx(19.9559, abs=1e-4)
    assert miles["start"].iloc[0].hour == 18


def test_strava_auto_detects_miles_from_metres(tmp_path):
    rows = [
        '1,"Mar 5, 2024, 6:12:00 AM",A,Run,3000,6.21,170,3000,2900,10000.0,150,',
        '2,"Mar 6, 2024, 6:12:00 AM",B,Run,3000,3.11,170,3000,2900,5000.0,150,',
        '3,"Mar 7, 2024, 6:12:00 AM",C,Run,3000,5.00,170,3000,2900,,150,',
    ]
    path = write(tmp_path, "activities.csv", STRAVA_HEAD + "\n" + "\n".join(rows) + "\n")
    log = read_strava_export(path).log
    # Row C has no metres: 5.00 mi × 1.609344 = 8.04672 km.
    assert log["distance_km"].tolist() == pytest.approx([10.0, 5.0, 8.04672])


def test_strava_name_with_commas_and_quotes(tmp_path):
    text = (
        STRAVA_HEAD + "\n"
        '1,"Mar 5, 2024, 6:12:00 AM","Easy, ""recovery"" run",Run,2400,5,150,2400,2300,5000,'
        "140,\n"
    )
    result = read_strava_export(write(tmp_path, "activities.csv", text))
    assert result.log["name"].iloc[0] == 'Easy, "recovery" run'
    # No RPE: estimate 5 (run default) × 40 min = 200 AU, flagged as estimated.
    assert result.log["load"].iloc[0] == 200.0 and result.log["load_estimated"].iloc[0]


def test_strava_bad_rows_are_reported(tmp_path):
    rows = [
        '1,"not a date",A,Run,3000,6,170,3000,2900,6000,150,',
        '2,"Mar 6, 2024, 6:12:00 AM",B,Run,-5,6,170,-5,2900,6000,150,',
        '3,"Mar 7, 2024, 6:12:00 AM",C,Run,3000,6,170,3000,2900,6000,150,12',
        '4,"Mar 8, 2024, 6:12:00 AM",D,Weight Training,3600,0,120,3600,3600,,110,7',
        "5,short row",
    ]
    path = write(tmp_path, "activities.csv", STRAVA_HEAD + "\n" + "\n".join(rows) + "\n")
    result = read_strava_export(path)
    check_schema(result)
    assert len(result.log) == 1 and result.log["sport"].iloc[0] == "strength"
    reasons = dict(zip(result.skipped["line"], result.skipped["reason"], strict=True))
    assert "date" in reasons[2] and "negative" in reasons[3] and "0–10" in reasons[4]
    assert "fields" in reasons[6]
    assert set(result.skipped["file"]) == {"activities.csv"}


def test_strava_zip_and_folder(tmp_path):
    text = STRAVA_HEAD + '\n1,"Mar 5, 2024, 6:12:00 AM",A,Yoga,3600,0,100,3600,3600,,90,3\n'
    folder = tmp_path / "export"
    folder.mkdir()
    write(folder, "activities.csv", text)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("export_123/activities.csv", text)
    for path in (folder, archive):
        log = read_strava_export(path).log
        assert log["sport"].tolist() == ["other"] and log["load"].iloc[0] == 180.0  # 3 × 60


def test_strava_zip_bomb_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(logs._schema, "MAX_UNZIPPED_BYTES", 1000)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("activities.csv", STRAVA_HEAD + "\n" + "x" * 5000)
    with pytest.raises(ValueError, match="export.zip.*limit"):
        read_strava_export(archive)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"Date,Foo\n1,2\n", "missing columns"),
        (STRAVA_HEAD.encode() + b"\n1,\xff\xfe,x\n", "UTF-8"),
    ],
)
def test_strava_unreadable_file(tmp_path, content, problem):
    path = tmp_path / "activities.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=f"activities.csv.*{problem}"):
        read_strava_export(path)


def test_strava_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="distance_unit"):
        read_strava_export(SAMPLES / "strava_export", distance_unit="furlong")
    with pytest.raises(ValueError, match="tz"):
        read_strava_export(SAMPLES / "strava_export", tz="Mars/Olympus")
    with pytest.raises(ValueError, match="no such file"):
        read_strava_export(tmp_path / "missing.csv")


def test_naive_time_in_given_timezone(tmp_path):
    text = STRONG_HEAD + "\n2024-03-05 18:30:00,Legs,45m,Squat,1,100,5,0,,,,8\n"
    log = read_strong_csv(write(tmp_path, "s.csv", text), tz="Europe/Paris").log
    # 18:30 in Paris on 5 March (CET, UTC+1) is 17:30 UTC.
    assert log["start"].iloc[0] == pd.Timestamp("2024-03-05 17:30", tz="UTC")


# ---------------------------------------------------------------- FIT, GPX, TCX


def fit_file(path, sport_name="RUNNING", seconds=2400.0, metres=8000.0, hr=150):
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

    start_ms = round(datetime(2024, 3, 5, 6, 13, tzinfo=UTC).timestamp() * 1000)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = 1
    file_id.time_created = start_ms
    builder.add(file_id)
    session = SessionMessage()
    session.start_time = start_ms
    session.timestamp = start_ms + int(seconds * 1000)
    session.sport = getattr(Sport, sport_name)
    session.total_timer_time = seconds
    session.total_elapsed_time = seconds
    session.total_distance = metres
    session.avg_heart_rate = hr
    builder.add(session)
    builder.build().to_file(str(path))
    return path


def test_read_fit(tmp_path):
    result = read_fit(fit_file(tmp_path / "run.fit"))
    check_schema(result)
    row = result.log.iloc[0]
    assert row["sport"] == "run" and row["duration_min"] == 40.0
    assert row["distance_km"] == pytest.approx(8.0) and row["avg_hr"] == 150
    assert row["start"] == pd.Timestamp("2024-03-05 06:13", tz="UTC")
    assert row["source"] == "run.fit:session 1"


def test_truncated_fit_names_the_file(tmp_path):
    whole = fit_file(tmp_path / "whole.fit").read_bytes()
    broken = tmp_path / "broken.fit"
    broken.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ValueError, match="broken.fit"):
        read_fit(broken)
    empty = tmp_path / "empty.fit"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="empty.fit.*empty"):
        read_fit(empty)
    with pytest.raises(ValueError, match="notfit.fit"):
        read_fit(write(tmp_path, "notfit.fit", "hello, world\n"))


def test_read_gpx(tmp_path):
    gpx = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack(name="River loop")
    track.type = "running"
    gpx.tracks.append(track)
    segment = gpxpy.gpx.GPXTrackSegment()
    track.segments.append(segment)
    for i in range(11):  # 10 steps of 0.001° latitude ≈ 111 m each, 30 s apart
        moment = datetime(2024, 3, 5, 7, 0, tzinfo=UTC) + timedelta(seconds=30 * i)
        segment.points.append(gpxpy.gpx.GPXTrackPoint(48.0 + i * 0.001, 2.0, time=moment))
    no_time = gpxpy.gpx.GPXTrack(name="planned route")
    no_time.segments.append(gpxpy.gpx.GPXTrackSegment([gpxpy.gpx.GPXTrackPoint(48, 2)]))
    gpx.tracks.append(no_time)
    result = read_gpx(write(tmp_path, "loop.gpx", gpx.to_xml()))
    check_schema(result)
    row = result.log.iloc[0]
    assert row["name"] == "River loop" and row["sport"] == "run"
    assert row["duration_min"] == 5.0  # 07:00:00 → 07:05:00
    # 0.010° of latitude ≈ 1.11 km (1° ≈ 111.2 km on the mean Earth radius).
    assert row["distance_km"] == pytest.approx(1.112, abs=0.01)
    assert len(result.skipped) == 1 and "times" in result.skipped["reason"].iloc[0]


TCX = """<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
 <Activities>
  <Activity Sport="Running">
   <Id>2024-03-05T06:12:00Z</Id>
   <Lap StartTime="2024-03-05T06:12:00Z"><TotalTimeSeconds>1200</TotalTimeSeconds>
    <DistanceMeters>4000</DistanceMeters><AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm></Lap>
   <Lap StartTime="2024-03-05T06:32:00Z"><TotalTimeSeconds>600</TotalTimeSeconds>
    <DistanceMeters>2200</DistanceMeters><AverageHeartRateBpm><Value>170</Value></AverageHeartRateBpm></Lap>
  </Activity>
  <Activity Sport="Biking"><Id>yesterday</Id></Activity>
 </Activities>
</TrainingCenterDatabase>
"""


def test_read_tcx(tmp_path):
    result = read_tcx(write(tmp_path, "a.tcx", TCX))
    check_schema(result)
    row = result.log.iloc[0]
    assert row["duration_min"] == 30.0 and row["distance_km"] == pytest.approx(6.2)
    # time-weighted heart rate: (140 × 1200 + 170 × 600) / 1800 = 150 bpm
    assert row["avg_hr"] == pytest.approx(150.0)
    assert len(result.skipped) == 1 and "Id" in result.skipped["reason"].iloc[0]
    with pytest.raises(ValueError, match="b.tcx"):
        read_tcx(write(tmp_path, "b.tcx", "<gpx></gpx>"))
    with pytest.raises(ValueError, match="c.tcx"):
        read_tcx(write(tmp_path, "c.tcx", "<TrainingCenterDatabase"))


# ---------------------------------------------------------------- Strong, Hevy


def test_strong_durations_and_pounds(tmp_path):
    text = (
        STRONG_HEAD + "\n"
        '2024-03-05 18:30:00,Legs,1h 5m,Squat (Barbell),1,225,5,0,,"heavy, ""grindy""",,8\n'
        "2024-03-05 18:30:00,Legs,1h 5m,Squat (Barbell),2,225,5,0,,,,8.5\n"
        "2024-03-07 18:00:00,Core,45m,Plank,1,0,1,0,60,,,\n"
        "2024-03-08 18:00:00,Bad,1 hour-ish,Plank,1,0,1,0,60,,,\n"
    )
    result = read_strong_csv(write(tmp_path, "strong.csv", text), weight_unit="lb")
    check_schema(result)
    assert result.log["duration_min"].tolist() == [65.0, 45.0]  # 1h 5m = 65 min
    # 225 lb × 0.45359237 kg/lb = 102.058 kg
    assert result.sets["weight_kg"].iloc[0] == pytest.approx(102.058, abs=1e-3)
    assert result.sets["notes"].iloc[0] == 'heavy, "grindy"'
    assert result.sets["rpe"].tolist()[:2] == [8.0, 8.5]
    # Strength session: no RPE rating → 6 (default) × 65 min = 390 AU, estimated.
    assert result.log["load"].iloc[0] == 390.0 and result.log["load_estimated"].iloc[0]
    assert result.log["distance_km"].isna().all()
    assert result.skipped["line"].tolist() == [5]
    with pytest.raises(ValueError, match="weight_unit"):
        read_strong_csv(SAMPLES / "strong.csv", weight_unit="stone")


def test_hevy_dates(tmp_path):
    text = (
        HEVY_HEAD + "\n"
        'Legs,"25 Nov 2026, 07:30","25 Nov 2026, 08:35",,Squat (Barbell),,,0,normal,100,5,,,8\n'
        "Legs ISO,2026-11-27T07:30:00,2026-11-27T08:00:00,,Plank,,,0,normal,,,,60,\n"
        'Oops,"25 Nov 2026, 09:30","25 Nov 2026, 08:35",,Squat,,,0,normal,100,5,,,8\n'
    )
    result = read_hevy_csv(write(tmp_path, "hevy.csv", text))
    check_schema(result)
    assert result.log["start"].tolist() == [
        pd.Timestamp("2026-11-25 07:30", tz="UTC"),
        pd.Timestamp("2026-11-27 07:30", tz="UTC"),
    ]
    assert result.log["duration_min"].tolist() == [65.0, 30.0]
    assert "before start_time" in result.skipped["reason"].iloc[0]
    with pytest.raises(ValueError, match="hevy2.csv.*Hevy"):
        read_hevy_csv(write(tmp_path, "hevy2.csv", STRONG_HEAD + "\n"))


# ---------------------------------------------------------------- combining


def test_combine_strava_with_fit(tmp_path):
    # The same run, uploaded to Strava (with an RPE) and read from the watch's FIT file.
    text = STRAVA_HEAD + '\n1,"Mar 5, 2024, 6:12:00 AM",Easy,Run,2460,8,170,2460,2400,8010,,5\n'
    strava = read_strava_export(write(tmp_path, "activities.csv", text))
    fit = read_fit(fit_file(tmp_path / "run.fit"))  # starts 06:13, 40 min, 8 km, HR 150
    other = read_fit(fit_file(tmp_path / "ride.fit", sport_name="CYCLING"))
    combined = combine_logs(strava, fit, other)
    assert len(combined) == 2
    run = combined[combined["sport"] == "run"].iloc[0]
    assert run["source"] == "activities.csv:2; run.fit:session 1"
    assert run["rpe"] == 5 and run["avg_hr"] == 150  # RPE from Strava, HR from the FIT file
    assert run["load"] == pytest.approx(5 * 41)  # 2460 s = 41 min
    with pytest.raises(ValueError, match="logs"):
        combine_logs("not a log")


def test_combine_samples_merges_watch_and_app_lifting():
    strava = read_strava_export(SAMPLES / "strava_export")
    strong = read_strong_csv(SAMPLES / "strong.csv")
    hevy = read_hevy_csv(SAMPLES / "hevy.csv")
    combined = combine_logs(strava, strong, hevy)
    # Each app workout is also on Strava as Weight Training: all 32 merge.
    assert len(combined) == len(strava.log)
    assert combined["source"].str.contains("strong.csv|hevy.csv").sum() == 32


def test_daily_load_combines_with_strength_weight():
    log = pd.DataFrame(
        {
            "start": pd.to_datetime(
                ["2024-03-04 07:00", "2024-03-04 18:00", "2024-03-06 07:00"], utc=True
            ),
            "date": pd.to_datetime(["2024-03-04", "2024-03-04", "2024-03-06"]).date,
            "sport": ["run", "strength", "run"],
            "duration_min": [50.0, 60.0, 30.0],
            "load": [300.0, 360.0, 150.0],
            "source": ["a", "b", "c"],
        }
    )
    # Day 1: 300 + 0.5 × 360 = 480; day 2 rest = 0; day 3: 150.
    assert daily_load(log, strength_weight=0.5).tolist() == [480.0, 0.0, 150.0]
    assert daily_load(log).tolist() == [660.0, 0.0, 150.0]
    with pytest.raises(ValueError, match="strength_weight"):
        daily_load(log, strength_weight=-1)
    with pytest.raises(ValueError, match="log"):
        daily_load(log.iloc[:0])


# ---------------------------------------------------------------- fuzzing

READERS = (read_strava_export, read_strong_csv, read_hevy_csv)
HEADERS = (STRAVA_HEAD, STRONG_HEAD, HEVY_HEAD)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(data=st.binary(max_size=400), which=st.integers(0, 2))
def test_fuzz_random_bytes(tmp_path, data, which):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        result = READERS[which](path)
    except ValueError as err:
        assert "fuzz.csv" in str(err)
        return
    assert result.reconciles()


cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "Mar 5, 2024, 6:12:00 AM",
            "25 Nov 2026, 07:30",
            "2024-03-05 18:30:00",
            "1h 5m",
            "-3",
            "7",
            "1e400",
            "nan",
            "Run",
            "Weight Training",
            "",
        ]
    ),
)


@FUZZ
@given(rows=st.lists(st.lists(cells, max_size=16), max_size=8), which=st.integers(0, 2))
def test_fuzz_random_rows(tmp_path, rows, which):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "rows.csv"
    path.write_text(HEADERS[which] + "\n" + buffer.getvalue(), encoding="utf-8")
    try:
        result = READERS[which](path)
    except ValueError as err:
        assert "rows.csv" in str(err)
        return
    assert result.reconciles()
    assert np.isfinite(result.log["load"]).all()


def test_weekly_summary():
    log = pd.DataFrame(
        {
            "start": pd.to_datetime(
                ["2024-03-04 07:00", "2024-03-10 18:00", "2024-03-19 07:00"], utc=True
            ),
            "date": pd.to_datetime(["2024-03-04", "2024-03-10", "2024-03-19"]).date,
            "sport": ["run", "strength", "run"],
            "duration_min": [50.0, 60.0, 30.0],
            "distance_km": [10.0, np.nan, 6.0],
            "load": [300.0, 360.0, 150.0],
            "source": ["a", "b", "c"],
        }
    )
    weeks = weekly_summary(log)
    # Mon 4 Mar and Sun 10 Mar share a week; the week of 11 Mar is empty; Tue 19 Mar is the third.
    assert weeks.index.strftime("%Y-%m-%d").tolist() == ["2024-03-04", "2024-03-11", "2024-03-18"]
    assert weeks["run_km"].tolist() == [10.0, 0.0, 6.0]
    assert weeks["load"].tolist() == [660.0, 0.0, 150.0]
    assert weeks["load_strength"].tolist() == [360.0, 0.0, 0.0]
    assert weeks["sessions"].tolist() == [2, 0, 1]
    with pytest.raises(ValueError, match="log"):
        weekly_summary(log.iloc[:0])


def test_gpx_unreadable_file(tmp_path):
    with pytest.raises(ValueError, match="bad.gpx.*GPX"):
        read_gpx(write(tmp_path, "bad.gpx", "<gpx><trk>"))
    with pytest.raises(ValueError, match="empty.gpx.*empty"):
        read_gpx(write(tmp_path, "empty.gpx", ""))
    with pytest.raises(ValueError, match="tz"):
        read_gpx(write(tmp_path, "ok.gpx", gpxpy.gpx.GPX().to_xml()), tz="Nowhere/Else")
