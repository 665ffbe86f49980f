"""Issue #21: the exports that still went wrong, and Garmin Connect, Runkeeper and FitNotes.

Each fixture is written here in the shape of the real file (its header, its quirks), never
copied from one. Expected values are worked out by hand in the comments.
"""

from __future__ import annotations

import csv
import math
from datetime import UTC, datetime

import pandas as pd
import pytest

from helpers import logs
from tests.conftest import ROOT
from tests.test_logs_formats import START_MS, _file_id, _fit, _session

TYPES = ROOT / "data" / "activity_types"
KM_PER_MI = 1.609344


def write(tmp_path, name, text, newline="\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


# ---------------------------------------------------------------- Strong


def test_strong_workout_duration_android_layout(tmp_path):
    text = (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
        "2023-01-05 18:02:11;Legs;Squat (Barbell);1;100;kg;5;;;;0;;;33m\n"
        "2023-01-05 18:02:11;Legs;Squat (Barbell);2;100;kg;5;;;;0;;;33m\n"
        "2023-01-07 09:00:00;Full body;Deadlift (Barbell);1;225;lbs;3;;;;0;;;1h 26m\n"
    )
    result = logs.read(write(tmp_path, "strong.csv", text))
    # the file's durations, not the estimate from the sets (10 + 2.5 × 2 = 15 min)
    assert result.log["duration_min"].tolist() == [33.0, 86.0]
    assert result.sets["weight_kg"].tolist() == pytest.approx([100, 100, 225 * 0.45359237])


def test_strong_workout_duration_semicolon_layout(tmp_path):
    text = (
        '"Workout #";"Date";"Workout Name";"Workout Duration";"Exercise Name";"Set Order";'
        '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
        '"1";"2019-03-04 07:10:00";"Push";"52m";"Bench Press";"1";"60";"8";"";"";"";"";""\n'
        '"1";"2019-03-04 07:10:00";"Push";"52m";"Bench Press";"2";"60";"8";"";"";"";"";""\n'
    )
    result = logs.read(write(tmp_path, "strong.csv", text))
    assert result.log["duration_min"].tolist() == [52.0]  # not 10 + 2.5 × 2 = 15


def test_strong_2016_layout_kg_and_km_columns(tmp_path):
    text = (
        "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes,Workout Notes\n"
        "2016-05-02 18:30:00,Evening,Squat (Barbell),1,80,5,,,,\n"
        "2016-05-02 18:30:00,Evening,Squat (Barbell),2,85,5,,,,\n"
        "2016-05-02 18:30:00,Evening,Running (Treadmill),1,,,2.5,900,,\n"
    )
    result = logs.read(write(tmp_path, "strong.csv", text), weight_unit="lb")
    assert result.reconciles() and len(result.skipped) == 0
    # the header says kg: the lb setting does not apply
    assert result.sets["weight_kg"].tolist()[:2] == [80.0, 85.0]
    assert set(result.sets["weight_unit"]) == {"kg"}


# ---------------------------------------------------------------- activity types


@pytest.mark.parametrize(
    ("activity_type", "sport"),
    [
        ("Nuotata", "cross"),  # it: swim
        ("Escursione", "cross"),  # it: hike
        ("Sci nordico", "cross"),  # it: Nordic ski
        ("Corsa", "run"),
        ("Allenamento con i pesi", "strength"),
        ("Corrida em esteira", "run"),  # Garmin pt: treadmill run
        ("Natação em alto mar", "cross"),  # Garmin pt: open-water swim
        ("Corrida de rua", "run"),  # not listed: read by its listed word
        ("Virtuele fietsrit", "cross"),  # nl compound not listed: "fietsrit"
        ("Running", "run"),  # Runkeeper
        ("Football (Soccer)", "other"),
        ("Quidditch", "other"),
    ],
)
def test_activity_types_in_other_languages(activity_type, sport):
    from helpers.logs.activity_types import activity_sport

    assert activity_sport(activity_type) == sport


def _table(name):
    with (TYPES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_language_tables_point_at_stravas_own_types():
    # Strava API v3 reference, model SportType (developers.strava.com/docs/reference,
    # #api-models-SportType), 50 values; data/activity_types/strava.csv must hold exactly them.
    strava = {
        "AlpineSki BackcountrySki Badminton Canoeing Crossfit EBikeRide Elliptical "
        "EMountainBikeRide Golf GravelRide Handcycle HighIntensityIntervalTraining Hike IceSkate "
        "InlineSkate Kayaking Kitesurf MountainBikeRide NordicSki Pickleball Pilates "
        "Racquetball Ride RockClimbing RollerSki Rowing Run Sail Skateboard Snowboard Snowshoe "
        "Soccer Squash StairStepper StandUpPaddling Surfing Swim TableTennis Tennis TrailRun "
        "Velomobile VirtualRide VirtualRow VirtualRun Walk WeightTraining Wheelchair Windsurf "
        "Workout Yoga"
    }
    strava = set(next(iter(strava)).split())
    listed = {row["strava_type"] for row in _table("strava.csv")}
    assert listed == strava and len(strava) == 50
    meaning: dict[str, tuple[str, str]] = {}
    for path in sorted(TYPES.glob("*.csv")):
        if path.name == "strava.csv":
            continue
        for row in _table(path.name):
            assert row["strava_type"] in strava, (path.name, row)
            key = row["name"].casefold()
            if key in meaning:  # the same word in two languages must mean the same type
                assert meaning[key][0] == row["strava_type"], (path.name, row, meaning[key])
            meaning[key] = (row["strava_type"], path.name)
    assert {p.stem for p in TYPES.glob("*.csv")} >= {"en", "nl", "de", "fr", "es", "pt", "it"}


def test_strava_sports_table_agrees_with_the_type_tables():
    from helpers.logs.activity_types import activity_sport

    for name, sport in logs.STRAVA_SPORTS.items():
        assert activity_sport(name) == sport, name


def test_italian_strava_export_types(tmp_path):
    header = (
        "ID attività,Data attività,Nome attività,Tipo attività,Descrizione attività,"
        "Tempo trascorso,Distanza,Nome file,Tempo trascorso,Distanza"
    )
    rows = [
        '1,"6 ott 2022, 07:00:00",Mattina,Nuotata,,1800,"1,50",,1800.0,1500.0',
        '2,"7 ott 2022, 07:00:00",Monte,Escursione,,7200,"8,00",,7200.0,8000.0',
        '3,"8 ott 2022, 07:00:00",Pista,Sci nordico,,3600,"12,00",,3600.0,12000.0',
    ]
    result = logs.read(write(tmp_path, "activities.csv", "\n".join([header, *rows])))
    assert result.log["sport"].tolist() == ["cross", "cross", "cross"]


# ---------------------------------------------------------------- Garmin Connect

GARMIN_PT = (
    "Tipo de atividade,Data,Favorito,Título,Distância,Calorias,Tempo,FC Média,FC máxima,"
    "Training Effect Aeróbico,Velocidade média,Velocidade máxima,Subida total,Tempo em movimento,"
    "Duração\n"
)


def _garmin_pt_rows():
    rows = []
    # 4 runs at 5:00 per unit: 10.00 units in 50:00, 8.00 in 40:00, 12.00 in 1:00:00, 5 in 25:00
    for day, (units, clock) in enumerate(
        [("10.00", "00:50:00"), ("8.00", "00:40:00"), ("12.00", "01:00:00"), ("5.00", "00:25:00")]
    ):
        rows.append(f"Corrida,2021-09-0{day + 1} 06:00:00,False,Run,{units},500,{clock},150,170,")
    rows += [
        "Ciclismo,2021-09-05 06:00:00,False,Ride,56.00,900,02:00:00,130,160,",  # 28 per hour
        "Ciclismo virtual,2021-09-06 06:00:00,False,Zwift,30.00,600,01:00:00,135,165,",
        "Ciclismo em estradas,2021-09-07 06:00:00,False,Road,27.00,500,01:00:00,--,--,",
        'Natação em alto mar,2021-09-08 06:00:00,False,Swim,"1,214",400,00:45:23,--,--,',
        "Natação em piscina,2021-09-09 06:00:00,False,Pool,--,300,00:30:00,--,--,",
        "Corrida em trilhas,2021-09-10 06:00:00,False,Trail,0.14,10,00:00:46.0,120,130,",
        "Corrida,2021-09-11 06:00:00,False,Broken,5.00,300,--,150,170,",
    ]
    return rows


def test_garmin_portuguese_km_account(tmp_path):
    path = write(tmp_path, "Activities.csv", GARMIN_PT + "\n".join(_garmin_pt_rows()) + "\n")
    assert logs.detect_format(path) == "garmin"
    result = logs.read(path)
    assert result.reconciles() and result.rows_read == 11
    # the row without a time is listed with its reason, on line 12 of the file
    assert result.skipped.values.tolist() == [
        ["Activities.csv", 12, "Time '--' is not like 01:02:03"]
    ]
    log = result.log
    assert log["sport"].tolist() == ["run"] * 4 + ["cross"] * 5 + ["run"]
    # runs read as km: median pace 5:00 per unit is below 5:30; rides 28 per hour above 25
    assert "km" in result.notes["reason"][0] and "5:00" in result.notes["reason"][0]
    assert log["distance_km"].tolist()[:7] == pytest.approx([10, 8, 12, 5, 56, 30, 27])
    # the open-water swim is 1,214 metres; the pool swim's "--" is no distance
    assert log["distance_km"].iloc[7] == pytest.approx(1.214)
    assert math.isnan(log["distance_km"].iloc[8])
    # 00:45:23 = 45.383 min; 00:00:46.0 = 0.767 min
    assert log["duration_min"].iloc[7] == pytest.approx(45 + 23 / 60)
    assert log["duration_min"].iloc[9] == pytest.approx(46 / 60)
    assert log["avg_hr"].tolist()[:2] == [150.0, 150.0] and math.isnan(log["avg_hr"].iloc[6])
    assert log["name"].iloc[4] == "Ride"


def test_garmin_english_miles_account_and_override(tmp_path):
    head = (
        "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Avg Pace,"
        "Moving Time,Elapsed Time\n"
    )
    # runs at 9:30 per unit: 3.10 in 29:27, 5.00 in 47:30, 6.20 in 58:54, 13.10 in 2:04:27
    rows = [
        'Running,2024-04-01 07:00:00,false,"Easy, flat",3.10,300,00:29:27,140,150,9:30,,',
        "Running,2024-04-03 07:00:00,false,Steady,5.00,500,00:47:30,145,155,9:30,,",
        "Treadmill Running,2024-04-05 07:00:00,false,Mill,6.20,600,00:58:54,145,155,9:30,,",
        "Running,2024-04-07 07:00:00,true,Half,13.10,1200,02:04:27,150,165,9:30,,",
    ]
    path = write(tmp_path, "Activities.csv", head + "\n".join(rows) + "\n", newline="\r\n")
    # the header also looks like a Strava activities.csv; Garmin's Favorite column decides
    assert logs.detect_format(path) == "garmin"
    result = logs.read(path)
    assert "read as mi" in result.notes["reason"][0]
    assert result.log["distance_km"].tolist() == pytest.approx(
        [3.10 * KM_PER_MI, 5.0 * KM_PER_MI, 6.2 * KM_PER_MI, 13.1 * KM_PER_MI]
    )
    assert result.log["name"].iloc[0] == "Easy, flat"
    forced = logs.read(path, distance_unit="km")
    assert forced.log["distance_km"].tolist() == pytest.approx([3.1, 5.0, 6.2, 13.1])
    assert len(forced.notes) == 0


def test_garmin_unit_that_cannot_be_told_is_refused(tmp_path):
    head = "Activity Type,Date,Favorite,Title,Distance,Calories,Time\n"
    # 7:00 per unit: 6:00–8:45 fits a km runner and a miles runner alike; no rides
    rows = [
        f"Running,2024-04-0{d} 07:00:00,false,Run,{u},300,{c}"
        for d, (u, c) in enumerate(
            [("5.00", "00:35:00"), ("6.00", "00:42:00"), ("4.00", "00:28:00")], start=1
        )
    ]
    path = write(tmp_path, "Activities.csv", head + "\n".join(rows) + "\n")
    with pytest.raises(ValueError, match=r"Activities\.csv: cannot tell .*distance_unit='km'"):
        logs.read(path)
    assert logs.read(path, distance_unit="mi").log["distance_km"].iloc[0] == pytest.approx(
        5 * KM_PER_MI
    )


def test_garmin_german_decimal_comma(tmp_path):
    head = "Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Ø HF,Max. HF\n"
    rows = [
        'Laufen,2022-03-01 18:00:00,false,Abend,"10,50",700,"00:52:30",150,170',
        'Laufen,2022-03-02 18:00:00,false,Abend,"8,00",500,"00:40:00",148,165',
        'Laufen,2022-03-03 18:00:00,false,Abend,"12,00",800,"01:00:00",152,171',
        'Schwimmbadschwimmen,2022-03-04 18:00:00,false,Bad,"1.500",400,"00:35:00,5",--,--',
        'Radfahren,2022-03-05 18:00:00,false,Tour,"60,00",900,"02:00:00",130,160',
    ]
    result = logs.read(write(tmp_path, "Activities.csv", head + "\n".join(rows) + "\n"))
    # 10,50 in 52:30 is 5:00 per unit: km; the pool swim is 1.500 metres
    assert result.log["distance_km"].tolist() == pytest.approx([10.5, 8.0, 12.0, 1.5, 60.0])
    assert result.log["sport"].tolist() == ["run", "run", "run", "cross", "cross"]
    assert result.log["duration_min"].iloc[3] == pytest.approx(35 + 0.5 / 60)
    assert result.log["avg_hr"].iloc[0] == 150.0


# ---------------------------------------------------------------- Runkeeper


def test_runkeeper_older_layout_miles(tmp_path):
    text = (
        "Date,Type,Route Name,Distance (mi),Duration,Average Pace,Average Speed (mph),"
        "Calories Burned,Climb (ft),Average Heart Rate (bpm),Notes,GPX File\n"
        '2013-12-29 11:36:13,Running,,3.02,26:42,8:50,6.79,384.0,71.14,,"Whoooo\n'
        'two lines!",2013-12-29-1136.gpx\n'
        "2013-12-27 12:54:43,Running,River,7.16,1:06:06,9:14,6.50,899.0,142.91,151,,x.gpx\n"
        "2013-12-26 18:00:00,Strength Training,,,45:00,,,300.0,,,,\n"
        "2013-12-25 18:00:00,Running,,2.00,soon,,,,,,,\n"
    )
    path = write(tmp_path, "cardioActivities.csv", text, newline="\r\n")
    assert logs.detect_format(path) == "runkeeper"
    result = logs.read(path)
    assert result.reconciles() and result.rows_read == 4
    # the note's line break keeps the next record on line 4; the bad duration is line 6
    assert result.skipped["line"].tolist() == [6]
    log = result.log.sort_values("start", ascending=False)
    assert log["source"].tolist() == [
        "cardioActivities.csv:2",
        "cardioActivities.csv:4",
        "cardioActivities.csv:5",
    ]
    # 3.02 mi = 4.860 km in 26:42 = 26.7 min; 7.16 mi = 11.523 km in 66.1 min
    assert log["distance_km"].tolist()[:2] == pytest.approx([3.02 * KM_PER_MI, 7.16 * KM_PER_MI])
    assert log["duration_min"].tolist() == pytest.approx([26.7, 66.1, 45.0])
    assert log["sport"].tolist() == ["run", "run", "strength"]
    assert log["name"].tolist()[1] == "River" and log["avg_hr"].tolist()[1] == 151.0


def test_runkeeper_newer_layout_km(tmp_path):
    text = (
        "Activity Id,Date,Type,Route Name,Distance (km),Duration,Average Pace,"
        "Average Speed (km/h),Calories Burned,Climb (m),Average Heart Rate (bpm),"
        "Friend's Tagged,Notes,GPX File\n"
        "a1,2019-06-01 08:00:00,Running,,10.00,52:00,5:12,11.54,700,40,,,,\n"
        "a2,2019-06-02 08:00:00,Cycling,,25.50,1:05:00,2:33,23.54,600,100,,,,\n"
    )
    result = logs.read(write(tmp_path, "cardioActivities.csv", text))
    assert result.log["distance_km"].tolist() == [10.0, 25.5]
    assert result.log["sport"].tolist() == ["run", "cross"]
    assert result.log["duration_min"].tolist() == [52.0, 65.0]


# ---------------------------------------------------------------- FitNotes


def test_fitnotes_pounds_bodyweight_and_cardio(tmp_path):
    text = (
        "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n"
        "2020-09-13,Barbell Squat,Legs,135.0,5,,,\n"
        "2020-09-13,Pull Up,Back,0.0,8,,,\n"
        "2020-09-13,Running,Cardio,,,3.0,mi,0:27:00\n"
        "2020-09-15,Rowing Machine,Cardio,,,2000.0,m,0:08:30\n"
        "2020-09-15,Cycling,Cardio,,,10.0,km,\n"
        "2020-09-15,Flat Barbell Bench Press,Chest,95.0,6,,,"  # no final newline
    )
    path = write(tmp_path, "FitNotes_Export.csv", text)
    assert logs.detect_format(path) == "fitnotes"
    result = logs.read(path)
    assert result.reconciles() and result.rows_read == 6
    assert result.skipped["line"].tolist() == [6]  # the cardio entry without a time
    sets = result.sets
    # 135 lb = 61.235 kg; the pull-up's 0 is bodyweight and stays 0
    assert sets["weight_kg"].tolist() == pytest.approx([135 * 0.45359237, 0.0, 95 * 0.45359237])
    assert set(sets["weight_unit"]) == {"lb"}
    assert sets["workout"].tolist() == ["Legs, Back", "Legs, Back", "Chest"]
    cardio = result.log[result.log["sport"] != "strength"]
    # 3.0 mi = 4.828 km in 27 min (run); 2000 m = 2 km in 8.5 min (rowing, cross)
    assert cardio["distance_km"].tolist() == pytest.approx([3 * KM_PER_MI, 2.0])
    assert cardio["duration_min"].tolist() == [27.0, 8.5]
    assert cardio["sport"].tolist() == ["run", "cross"]  # "Rowing Machine" read as Rowing
    lifting = result.log[result.log["sport"] == "strength"]
    assert lifting["start"].tolist() == [
        datetime(2020, 9, 13, tzinfo=UTC),
        datetime(2020, 9, 15, tzinfo=UTC),
    ]
    # no duration in FitNotes: 10 min + 2.5 min per set (2 sets, then 1)
    assert lifting["duration_min"].tolist() == [15.0, 12.5]


def test_fitnotes_kilograms(tmp_path):
    text = (
        "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
        "2021-01-04,Deadlift,Back,100.0,5,,,\n"
    )
    result = logs.read(write(tmp_path, "fitnotes.csv", text))
    assert result.sets["weight_kg"].tolist() == [100.0]
    assert set(result.sets["weight_unit"]) == {"kg"}


# ---------------------------------------------------------------- the registry


def test_formats_are_one_registry(tmp_path):
    path = write(
        tmp_path,
        "fitnotes.csv",
        "Date,Exercise,Category,Weight (kgs),Reps,"
        "Distance,Distance Unit,Time\n2021-01-04,Deadlift,Back,100.0,5,,,\n",
    )
    assert set(logs.FORMATS.names()) >= {"fit", "gpx", "tcx", "strava", "strong", "hevy"}
    assert {"garmin", "runkeeper", "fitnotes"} <= set(logs.FORMATS.names())
    assert len(logs.read(path, format="fitnotes").sets) == 1
    with pytest.raises(ValueError, match=r"unknown log format 'fitnote'; known: 'fit', "):
        logs.read(path, format="fitnote")
    with pytest.raises(ValueError, match="fitnotes.csv: not a Strong or Hevy"):
        logs.read(path, format="strong")


def test_unknown_csv_names_every_format(tmp_path):
    path = write(tmp_path, "mystery.csv", "when,what\n2021-01-04,nap\n")
    with pytest.raises(ValueError, match=r"mystery\.csv: .*Garmin.*Runkeeper.*FitNotes"):
        logs.read(path)


# ---------------------------------------------------------------- the same workout twice


def test_watch_strength_fit_and_hevy_count_once(tmp_path):
    """A lifting session recorded by the watch (FIT) and logged in Hevy: one session."""
    from fit_tool.profile.profile_type import Sport, SubSport

    # the watch: 10:08 UTC, 59 min of timer
    watch = _session(START_MS, 3540.0, Sport.TRAINING, sub_sport=SubSport.STRENGTH_TRAINING)
    fit = logs.read(_fit(tmp_path / "20474406937_ACTIVITY.fit", [_file_id(), watch]))
    # Hevy: local Helsinki time 13:09 (10:09 UTC) to 14:11, 62 min; a run later that day
    hevy_text = (
        '"title","start_time","end_time","description","exercise_title","superset_id",'
        '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
        '"duration_seconds","rpe"\n'
        '"Legs","23 Sep 2025, 13:09","23 Sep 2025, 14:11","","Squat (Barbell)",,"",0,"normal",'
        "80,5,,,\n"
        '"Legs","23 Sep 2025, 13:09","23 Sep 2025, 14:11","","Squat (Barbell)",,"",1,"normal",'
        "80,5,,,\n"
    )
    hevy = logs.read_hevy_csv(write(tmp_path, "workouts.csv", hevy_text), tz="Europe/Helsinki")
    run = _session(START_MS + 8 * 3_600_000, 1800.0, Sport.RUNNING, 6000.0)
    run_fit = logs.read(_fit(tmp_path / "run.fit", [_file_id(), run]))
    combined = logs.combine_logs(fit, hevy, run_fit)
    assert combined["sport"].tolist() == ["strength", "run"]
    duplicates = logs.duplicate_sessions(fit, hevy, run_fit)
    assert duplicates["kept"].tolist() == ["20474406937_ACTIVITY.fit:session 1"]
    assert duplicates["duplicate"].tolist() == ["workouts.csv:2"]
    assert duplicates["start_difference_min"].tolist() == [1.0]
    # strength counted once: neither row has distance, RPE or heart rate, so the earlier one
    # (the watch, 59 min) is kept, at the estimated RPE 6; the run 30 min at RPE 5
    day = logs.daily_load(combined)
    assert day.tolist() == [59 * 6 + 30 * 5]


def test_strava_run_and_its_fit_count_once(tmp_path):
    """A run uploaded to Strava (activities.csv row with an RPE) and read from its FIT file."""
    from fit_tool.profile.profile_type import Sport

    head = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
        "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,"
        "Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,"
        "Perceived Exertion\n"
    )
    # 10:08 UTC, 2520 s elapsed (42 min) against the watch's 2400 s timer (40 min): 4.8 % apart
    row = (
        '9001,"Sep 23, 2025, 10:08:00 AM",Easy,Run,,2520,8.00,,,false,,,,,,2520.0,2400.0,8000.0,4\n'
    )
    strava = logs.read(write(tmp_path, "activities.csv", head + row))
    run = _session(START_MS + 20_000, 2400.0, Sport.RUNNING, 8010.0)
    fit = logs.read(_fit(tmp_path / "12352754193.fit", [_file_id(), run]))
    combined = logs.combine_logs(strava, fit)
    assert len(combined) == 1
    duplicates = logs.duplicate_sessions(strava, fit)
    assert duplicates[["kept", "duplicate"]].values.tolist() == [
        ["activities.csv:2", "12352754193.fit:session 1"]
    ]
    # counted once, with Strava's RPE 4 over Strava's 42 min (the richer row: distance + RPE)
    assert logs.daily_load(combined).tolist() == [42 * 4]
    both = logs.daily_load(pd.concat([strava.log, fit.log], ignore_index=True))
    assert both.tolist() == [42 * 4 + 40 * 5]  # what double counting would have given


def test_garmin_older_dates_day_first_when_the_file_shows_it(tmp_path):
    head = "Activity Type,Date,Favorite,Title,Distance,Calories,Activity Time\n"
    rows = [  # 25/4 can only be day first: so 4/7/2020 is 4 July, not 7 April
        "Running,4/7/2020 15:36,FALSE,Run,10.0,500,00:50:00",
        "Running,25/4/2020 15:36,FALSE,Run,8.0,400,00:40:00",
        "Running,1/5/2020 15:36,FALSE,Run,12.0,600,01:00:00",
    ]
    result = logs.read(write(tmp_path, "Activities.csv", head + "\n".join(rows) + "\n"))
    assert sorted(d.isoformat() for d in result.log["date"]) == [
        "2020-04-25",
        "2020-05-01",
        "2020-07-04",
    ]


def test_garmin_without_distances_needs_no_unit(tmp_path):
    head = "Activity Type,Date,Favorite,Title,Distance,Calories,Time\n"
    rows = [
        "Strength Training,2024-04-01 18:00:00,false,Gym,0.00,300,00:55:00",
        "Yoga,2024-04-02 18:00:00,false,Stretch,--,100,00:30:00",
    ]
    result = logs.read(write(tmp_path, "Activities.csv", head + "\n".join(rows) + "\n"))
    assert result.log["sport"].tolist() == ["strength", "other"]
    assert result.log["distance_km"].isna().all()
    assert "no unit needed" in result.notes["reason"][0]
