"""Tests for the export variants runners really have: Strava in other languages and vintages,
Strong and Hevy layouts, FIT strength sets, relative times, gzip and multisport, GPX types and
untyped tracks, the bulk export's own files, format detection and the plan comparison.

Every expected value is worked out by hand in the comments, never taken from the readers.
"""

from __future__ import annotations

import gzip
import shutil
import zipfile
from datetime import UTC, datetime

import pandas as pd
import pytest

from helpers import logs
from helpers.logs._locale import parse_date
from tests.conftest import ROOT

SAMPLES = ROOT / "data" / "samples"
FIT_EPOCH_S = 631065600  # 1989-12-31T00:00:00Z in Unix seconds (FIT SDK)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


# ---------------------------------------------------------------- dates and numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 6, 2022, 11:19:20 PM", datetime(2022, 10, 6, 23, 19, 20)),  # en-US
        ("22 May 2024, 08:19:26", datetime(2024, 5, 22, 8, 19, 26)),  # en-GB
        ("23 jun. 2017 15:52:12", datetime(2017, 6, 23, 15, 52, 12)),  # nl
        ("12 mrt. 2021 07:00:01", datetime(2021, 3, 12, 7, 0, 1)),  # nl March
        ("6. Okt. 2022, 23:19:20", datetime(2022, 10, 6, 23, 19, 20)),  # de
        ("6 oct. 2022, 11:19:20 p. m.", datetime(2022, 10, 6, 23, 19, 20)),  # es
        ("1 févr. 2023 à 07:05:00", datetime(2023, 2, 1, 7, 5)),  # fr
        ("6 de out. de 2022, 23:19:20", datetime(2022, 10, 6, 23, 19, 20)),  # pt
        ("2 juil. 2023, 12:00:00 a.m.", datetime(2023, 7, 2, 0, 0)),  # 12 a.m. is midnight
        ("06.10.2022 23:19", datetime(2022, 10, 6, 23, 19)),  # dotted: day first
        ("2014-09-12 16:54:28", datetime(2014, 9, 12, 16, 54, 28)),  # 2018 export, ISO
    ],
)
def test_dates_in_every_language(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "dawn", "5/3/27 dawn", "Mar 45, 2024", "13/13/2024"])
def test_bad_dates_are_row_errors(text):
    from helpers.logs._schema import RowError

    with pytest.raises(RowError):
        parse_date(text)


# ---------------------------------------------------------------- Strava in other languages

# Today's layout (first seven columns fixed, elapsed time and distance repeated later).
LOCALES = {
    "de": (
        "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Beschreibung,"
        "Verstrichene Zeit,Distanz,Dateiname,Verstrichene Zeit,Distanz,"
        "Durchschnittliche Herzfrequenz",
        [
            '1,"6. Okt. 2022, 23:19:20",Abendlauf,Lauf,,"3.600","10,50",,3600.0,10500.0,150',
            '2,"7. Okt. 2022, 07:00:00",Kraft,Krafttraining,,"2.700","0,00",,2700.0,,',
        ],
    ),
    "es": (
        "ID de actividad,Fecha de la actividad,Nombre de la actividad,Tipo de actividad,"
        "Descripción de la actividad,Tiempo transcurrido,Distancia,Nombre del archivo,"
        "Tiempo transcurrido,Distancia,Frecuencia cardiaca media",
        [
            '1,"6 oct 2022, 11:19:20 p. m.",Carrera,Carrera,,3600,"10,50",,3600.0,10500.0,150',
            '2,"7 oct 2022, 7:00:00 a. m.",Pesas,Entrenamiento con pesas,,2700,"0,00",,2700.0,,',
        ],
    ),
    "fr": (
        "ID de l'activité,Date de l'activité,Nom de l'activité,Type d'activité,"
        "Description de l'activité,Temps écoulé,Distance,Nom du fichier,Temps écoulé,Distance,"
        "Fréquence cardiaque moyenne",
        [
            '1,"6 oct. 2022, 23:19:20",Sortie,Course à pied,,3600,"10,50",,3600.0,10500.0,150',
            '2,"7 oct. 2022, 07:00:00",Muscu,Musculation,,2700,"0,00",,2700.0,,',
        ],
    ),
    "pt": (
        "ID da atividade,Data da atividade,Nome da atividade,Tipo de atividade,"
        "Descrição da atividade,Tempo decorrido,Distância,Nome do arquivo,Tempo decorrido,"
        "Distância,Frequência cardíaca média",
        [
            '1,"6 de out. de 2022, 23:19:20",Corrida,Corrida,,3600,"10,50",,3600.0,10500.0,150',
            '2,"7 de out. de 2022, 07:00:00",Treino,Treino com peso,,2700,"0,00",,2700.0,,',
        ],
    ),
    # A language the reader has no words for: the fixed layout still finds the columns.
    "pl": (
        "Identyfikator,Data aktywności,Nazwa,Rodzaj,Opis,Czas,Dystans,Plik,Czas,Dystans,Tętno",
        [
            '1,"6 paź 2022, 23:19:20",Bieg,Run,,3600,"10,50",,3600.0,10500.0,150',
            '2,"7 paź 2022, 07:00:00",Siłownia,Weight Training,,2700,"0,00",,2700.0,,',
        ],
    ),
}


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_strava_in_other_languages(tmp_path, locale):
    header, rows = LOCALES[locale]
    if locale == "pl":  # Polish month abbreviations are not in the table: ISO dates instead
        rows = [r.replace("6 paź 2022, 23:19:20", "2022-10-06 23:19:20") for r in rows]
        rows = [r.replace("7 paź 2022, 07:00:00", "2022-10-07 07:00:00") for r in rows]
    result = logs.read_strava_export(write(tmp_path, "activities.csv", "\n".join([header, *rows])))
    assert result.reconciles() and len(result.skipped) == 0
    log = result.log
    assert log["sport"].tolist() == ["run", "strength"]
    assert log["start"].iloc[0] == pd.Timestamp("2022-10-06 23:19:20", tz="UTC")
    assert log["duration_min"].tolist() == [60.0, 45.0]  # 3600 s and 2700 s
    assert log["distance_km"].iloc[0] == pytest.approx(10.5)  # metres column 10500
    if locale != "pl":  # no word for "average heart rate" in Polish: left empty
        assert log["avg_hr"].iloc[0] == 150


def test_strava_2018_layout_is_metres(tmp_path):
    text = (
        "id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n"
        "1,2014-09-12 16:54:28,Evening Ride,Ride,,9462,43057.4,false,,activities/1.gpx\n"
        "2,2014-09-13 07:00:00,Run,Run,,3000,10000.0,false,,activities/2.gpx\n"
    )
    log = logs.read_strava_export(write(tmp_path, "activities.csv", text)).log
    # 43057.4 m in 9462 s would be 16,400 km/h read as km: the column is metres.
    assert log["distance_km"].tolist() == pytest.approx([43.0574, 10.0])
    assert log["sport"].tolist() == ["cross", "run"]


def test_strava_translation_missing_headers(tmp_path):
    span = '"<span class=""translation_missing"" title=""x.type"">Type</span>"'
    text = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
        f"Elapsed Time,Distance,Filename,Elapsed Time,Distance,{span}\n"
        '1,"Feb 26, 2020, 7:24:37 PM",Corrida,Run,,1800,5.00,,1800.0,5000.0,Run\n'
    )
    log = logs.read_strava_export(write(tmp_path, "activities.csv", text)).log
    assert log["distance_km"].iloc[0] == 5.0 and log["start"].iloc[0].hour == 19


def test_strava_not_an_export_names_columns(tmp_path):
    with pytest.raises(ValueError, match=r"x.csv.*columns found: when, what"):
        logs.read_strava_export(write(tmp_path, "x.csv", "when,what\n1,2\n"))


# ---------------------------------------------------------------- Strong and Hevy layouts


def test_strong_android_semicolons_with_units(tmp_path):
    text = (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes\n"
        '2018-12-10 10:33:55;"Chest A";"Bench Press (Barbell)";1;100;lbs;10;;;;0;"";""\n'
        '2018-12-10 10:33:55;"Chest A";"Bench Press (Barbell)";2;50;kg;8;;;;0;;\n'
    )
    # weight_unit="kg" is ignored where the file says its unit
    result = logs.read_strong_csv(write(tmp_path, "strong.csv", text), weight_unit="kg")
    # 100 lb × 0.45359237 = 45.359 kg; 50 kg stays 50
    assert result.sets["weight_kg"].tolist() == pytest.approx([45.359237, 50.0])
    assert result.sets["weight_unit"].tolist() == ["lb", "kg"]
    # No Duration column: 10 min + 2.5 min × 2 sets = 15 min, flagged as an estimate
    assert result.log["duration_min"].iloc[0] == 15.0
    assert result.log["load_estimated"].iloc[0]


def test_strong_workout_number_layout(tmp_path):
    text = (
        '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
        '"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
        '"39";"2019-03-28 15:24:28";"Shoulder";"1267";"Shoulder Press";"2";"40.0";"8";"";"";'
        '"";"";""\n'
    )
    result = logs.read_strong_csv(write(tmp_path, "s.csv", text), weight_unit="lb")
    assert result.sets["weight_kg"].iloc[0] == 40.0  # the header says kg: no conversion
    assert result.log["duration_min"].iloc[0] == pytest.approx(1267 / 60)


@pytest.mark.parametrize(
    "header",
    [
        "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,"
        "Entfernung,Sekunden,Notizen,Workout-Notizen,RPE",
        # a language without words in the table: the classic 12-column layout by position
        "Data,Nome allenamento,Durata,Esercizio,Ordine,Peso,Ripetizioni,Distanza,Secondi,"
        "Note,Note allenamento,RPE",
    ],
)
def test_strong_localized_headers(tmp_path, header):
    text = header + '\n2017-12-25 18:28:32,"Beine",38min,"Squat (Barbell)",1,50.0,13,0,0,"","",\n'
    result = logs.read_strong_csv(write(tmp_path, "s.csv", text))
    assert result.sets[["exercise", "reps", "weight_kg"]].values.tolist() == [
        ["Squat (Barbell)", 13.0, 50.0]
    ]
    assert result.log["duration_min"].iloc[0] == 38.0


def test_hevy_imperial(tmp_path):
    text = (
        '"title","start_time","end_time","description","exercise_title","superset_id",'
        '"exercise_notes","set_index","set_type","weight_lbs","reps","distance_miles",'
        '"duration_seconds","rpe"\n'
        '"Upper","9 Jul 2025, 06:42","9 Jul 2025, 07:46","","Lateral Raise",2,"",0,"normal",'
        "20,9,,,\n"
    )
    result = logs.read_hevy_csv(write(tmp_path, "h.csv", text))
    assert result.sets["weight_kg"].iloc[0] == pytest.approx(9.0718474)  # 20 lb
    assert result.log["duration_min"].iloc[0] == 64.0  # 06:42 → 07:46


def test_app_csv_that_is_neither(tmp_path):
    path = write(tmp_path, "mystery.csv", "a,b,c\n1,2,3\n")
    for reader in (logs.read_strong_csv, logs.read_hevy_csv, logs.read):
        with pytest.raises(ValueError, match=r"mystery.csv.*a, b, c"):
            reader(path)


# ---------------------------------------------------------------- FIT


def _fit(path, messages, gz=False):
    from fit_tool.fit_file_builder import FitFileBuilder

    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    for message in messages:
        builder.add(message)
    data = builder.build().to_bytes()
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    return path


def _file_id():
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer

    message = FileIdMessage()
    message.type = FileType.ACTIVITY
    message.manufacturer = Manufacturer.DEVELOPMENT.value
    message.product = 0
    message.serial_number = 1
    return message


def _session(start_ms, seconds, sport, metres=None, sub_sport=None):
    from fit_tool.profile.messages.session_message import SessionMessage

    message = SessionMessage()
    message.start_time = start_ms
    message.timestamp = start_ms + int(seconds * 1000)
    message.sport = sport
    if sub_sport is not None:
        message.sub_sport = sub_sport
    message.total_timer_time = seconds
    if metres is not None:
        message.total_distance = metres
    return message


START_MS = round(datetime(2025, 9, 23, 10, 8, tzinfo=UTC).timestamp() * 1000)


def test_fit_strength_sets_gzipped(tmp_path):
    from fit_tool.profile.messages.set_message import SetMessage
    from fit_tool.profile.profile_type import Sport, SubSport

    sets = []
    for i, (kind, reps, kg, category) in enumerate(
        [(1, 5, 60.0, 28), (0, None, None, None), (1, 8, 20.0, 17), (1, 10, 0.0, 65534)]
    ):
        message = SetMessage()
        message.message_index = i
        message.start_time = START_MS + i * 60_000
        message.timestamp = START_MS + i * 60_000 + 30_000
        message.set_type = kind
        if kind:
            message.repetitions, message.weight, message.category = reps, kg, [category]
            message.weight_display_unit = 2  # the watch showed pounds
        sets.append(message)
    session = _session(START_MS, 1800.0, Sport.TRAINING, sub_sport=SubSport.STRENGTH_TRAINING)
    path = _fit(tmp_path / "lift.fit.gz", [_file_id(), *sets, session], gz=True)
    result = logs.read(path)
    assert result.log["sport"].tolist() == ["strength"]
    # rest set left out; category 28 squat, 17 lunge, 65534 unknown (FIT SDK profile)
    assert result.sets["exercise"].tolist() == ["squat", "lunge", "unknown"]
    assert result.sets["reps"].tolist() == [5.0, 8.0, 10.0]
    assert result.sets["weight_kg"].tolist() == [60.0, 20.0, 0.0]  # FIT stores kg
    assert result.sets["weight_unit"].tolist() == ["lb"] * 3
    assert result.sets["set"].tolist() == ["1", "2", "3"]


def test_fit_multisport_keeps_legs_and_reports_transitions(tmp_path):
    """Issue #21: a leg stays as the file has it; the transition is reported, not merged."""
    from fit_tool.profile.profile_type import Sport

    legs = [
        _session(START_MS, 3600.0, Sport.CYCLING, 30000.0),
        _session(START_MS + 3_600_000, 155.0, Sport.TRANSITION, 120.0),
        _session(START_MS + 3_755_000, 1566.0, Sport.RUNNING, 2245.0),
    ]
    result = logs.read_fit(_fit(tmp_path / "brick.fit", [_file_id(), *legs]))
    assert result.log["sport"].tolist() == ["cross", "run"]
    # the run leg keeps its own 1566 s = 26.1 min and 2.245 km (not 28.7 min, 2.365 km)
    assert result.log["duration_min"].tolist() == pytest.approx([60.0, 26.1])
    assert result.log["distance_km"].tolist() == pytest.approx([30.0, 2.245])
    # the transition, 155 s = 2:35 and 0.12 km, is in the notes
    assert result.notes["line"].tolist() == ["session 2"]
    assert "2:35" in result.notes["reason"][0] and "0.12 km" in result.notes["reason"][0]
    assert result.reconciles() and result.rows_read == 3


def test_fit_relative_start_time_anchored_by_activity(tmp_path):
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.profile_type import Sport

    # The watch counts seconds from power-on: the session starts at 1,000 s, the activity
    # message is written at 4,600 s, when the local clock read 2012-02-13 12:21:03.
    session = _session(1000 * 1000 + FIT_EPOCH_S * 1000, 3600.0, Sport.RUNNING)
    activity = ActivityMessage()
    activity.timestamp = (4600 + FIT_EPOCH_S) * 1000
    local = datetime(2012, 2, 13, 12, 21, 3, tzinfo=UTC).timestamp()
    activity.local_timestamp = round(local - FIT_EPOCH_S)
    path = _fit(tmp_path / "fr70.fit", [_file_id(), session, activity])
    log = logs.read_fit(path).log
    # start = 12:21:03 − (4600 − 1000) s = 11:21:03 local, read in tz (UTC here)
    assert log["start"].iloc[0] == pd.Timestamp("2012-02-13 11:21:03", tz="UTC")


def test_fit_settings_file_refused(tmp_path):
    from fit_tool.profile.profile_type import FileType

    file_id = _file_id()
    file_id.type = FileType.SETTINGS
    with pytest.raises(ValueError, match="settings.fit.*not a FIT activity"):
        logs.read_fit(_fit(tmp_path / "settings.fit", [file_id]))


# ---------------------------------------------------------------- GPX


def _gpx(tracks: str) -> str:
    return f'<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1">{tracks}</gpx>'


def _track(kind, seconds_step, metres_step, n=40, year=2024):
    points = "".join(
        f'<trkpt lat="{45 + i * metres_step / 111195.1:.7f}" lon="5.0">'
        f"<time>{year}-03-05T07:{(i * seconds_step) // 60:02d}:{(i * seconds_step) % 60:02d}Z"
        "</time></trkpt>"
        for i in range(n)
    )
    kind = f"<type>{kind}</type>" if kind else ""
    return f"<trk><name>t</name>{kind}<trkseg>{points}</trkseg></trk>"


def test_gpx_types_and_untyped_tracks(tmp_path):
    tracks = [
        _track("9", 10, 30),  # Strava's code 9: run
        _track("road_biking", 10, 80),  # Garmin's text type: cross
        _track("4", 10, 12),  # Strava's code 4: hike, cross
        _track("", 10, 30),  # untyped, 30 m per 10 s = 10.8 km/h: run
        _track("", 10, 12),  # untyped, 4.3 km/h: walk or hike, cross
        _track("", 10, 120),  # untyped, 43 km/h: a vehicle, other
        _track("", 10, 30, year=1970),  # placeholder times: skipped
    ]
    result = logs.read_gpx(write(tmp_path, "mix.gpx", _gpx("".join(tracks))))
    assert result.log.sort_values("source")["sport"].tolist() == [
        "run",
        "cross",
        "cross",
        "run",
        "cross",
        "other",
    ]
    assert len(result.notes) == 3 and "km/h" in result.notes["reason"].iloc[0]
    assert result.skipped["line"].tolist() == ["track 7"] and result.reconciles()


def test_gpx_route_and_entities_refused(tmp_path):
    route = _gpx('<rte><rtept lat="45" lon="5"/></rte>')
    with pytest.raises(ValueError, match="route.gpx.*route"):
        logs.read_gpx(write(tmp_path, "route.gpx", route))
    bomb = '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx>&a;</gpx>'
    with pytest.raises(ValueError, match="bomb.gpx"):
        logs.read_gpx(write(tmp_path, "bomb.gpx", bomb))


# ---------------------------------------------------------------- bulk export and read()


def test_bulk_export_follows_files_zip_and_folder(tmp_path):
    sample = SAMPLES / "strava_export"
    folder = tmp_path / "export"
    shutil.copytree(sample, folder)
    lines = (folder / "activities.csv").read_text(encoding="utf-8").splitlines()
    named = [i for i, line in enumerate(lines) if "activities/" in line]
    gone = lines[named[0]].split(",activities/")[1].split(",")[0]
    (folder / "activities" / gone).unlink()  # one file missing from the export
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(folder.rglob("*")):
            z.write(path, "export_1/" + path.relative_to(folder).as_posix())
    for source in (folder, archive):
        result = logs.read(source)
        counts = result.files["status"].value_counts().to_dict()
        assert counts["matched"] == len(named) - 1
        assert counts["skipped"] == 1  # the manual entry without a duration
        missing = result.files[result.files["filename"].str.endswith(gone)]
        assert missing["status"].tolist() == ["csv only"]
        assert "not in the export" in missing["reason"].iloc[0]
        assert result.reconciles() and len(result.files) == result.rows_read
        assert len(result.sets) > 0 and set(result.sets["workout"]) <= set(result.log["name"])


def test_read_detects_by_content(tmp_path):
    cases = {
        "strava.bin": (SAMPLES / "strava_export" / "activities.csv", "strava"),
        "run.txt": (SAMPLES / "garmin_long_run.tcx", "tcx"),
        "lifts.dat": (SAMPLES / "strong.csv", "strong"),
        "hevy.xml": (SAMPLES / "hevy.csv", "hevy"),
    }
    for name, (source, kind) in cases.items():
        path = tmp_path / name
        shutil.copy(source, path)
        assert logs.detect_format(path) == kind
        assert len(logs.read(path).log) > 0
    fit = next((SAMPLES / "strava_export" / "activities").glob("*.fit.gz"))
    shutil.copy(fit, tmp_path / "watch.bin")
    assert logs.detect_format(tmp_path / "watch.bin") == "fit"
    with pytest.raises(ValueError, match="notes.txt.*not an export"):
        logs.read(write(tmp_path, "notes.txt", "day,feeling\nmonday,good\n"))


# ---------------------------------------------------------------- plan comparison


def test_compare_to_plan_aligns_on_dates():
    plan = pd.DataFrame(
        {
            "start": pd.to_datetime(["2026-09-02", "2026-09-09", "2026-09-16", "2026-09-23"]),
            "run_km": [30.0, 35.0, 40.0, 28.0],
            "strength_sessions": [2, 2, 2, 1],
        }
    )
    log = pd.DataFrame(
        {
            "start": pd.to_datetime(
                ["2026-09-08 07:00", "2026-09-09 07:00", "2026-09-12 18:00", "2026-09-17 07:00"],
                utc=True,
            ),
            "date": [
                pd.Timestamp(d).date()
                for d in ("2026-09-08", "2026-09-09", "2026-09-12", "2026-09-17")
            ],
            "sport": ["run", "run", "strength", "run"],
            "duration_min": [60.0, 50.0, 45.0, 70.0],
            "distance_km": [12.0, 10.0, float("nan"), 14.0],
            "load": [300.0, 250.0, 270.0, 350.0],
            "source": ["a", "b", "c", "d"],
        }
    )
    table = logs.compare_to_plan(log, plan)
    # Plan weeks start on Wednesdays: 8 Sep falls in the week of 2 Sep, 9 and 12 Sep in the
    # week of 9 Sep, 17 Sep in the week of 16 Sep; the week of 23 Sep is after the log.
    assert [d.date().isoformat() for d in table.index] == ["2026-09-02", "2026-09-09", "2026-09-16"]
    assert table["run_km"].tolist() == [12.0, 10.0, 14.0]
    assert table["difference_km"].tolist() == [-18.0, -25.0, -26.0]
    assert table["strength_sessions"].tolist() == [0, 1, 0]
    with pytest.raises(ValueError, match="plan"):
        logs.compare_to_plan(log, pd.DataFrame({"week": [1]}))
    later = plan.assign(start=plan["start"] + pd.Timedelta(days=365))
    with pytest.raises(ValueError, match="do not overlap the log"):
        logs.compare_to_plan(log, later)


def test_fit_without_session_message_uses_records(tmp_path):
    from fit_tool.profile.messages.record_message import RecordMessage

    records = []
    for i in range(31):  # one record a minute for 30 min, 200 m a minute, heart rate 140
        message = RecordMessage()
        message.timestamp = START_MS + i * 60_000
        message.distance = 200.0 * i
        message.heart_rate = 140
        records.append(message)
    result = logs.read_fit(_fit(tmp_path / "nosession.fit", [_file_id(), *records]))
    assert result.log["duration_min"].tolist() == [30.0]
    assert result.log["distance_km"].tolist() == pytest.approx([6.0])  # 30 × 200 m
    assert "records" in result.notes["reason"].iloc[0] and result.reconciles()


def test_tcx_multisport_session_legs(tmp_path):
    ns = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"

    def leg(sport, start, seconds, metres):
        return (
            f'<Activity Sport="{sport}"><Id>{start}</Id><Lap StartTime="{start}">'
            f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds>"
            f"<DistanceMeters>{metres}</DistanceMeters></Lap></Activity>"
        )

    text = (
        f'<TrainingCenterDatabase xmlns="{ns}"><Activities><MultiSportSession>'
        f"<Id>2024-05-01T08:00:00Z</Id><FirstSport>"
        f"{leg('Biking', '2024-05-01T08:00:00Z', 3600, 30000)}</FirstSport>"
        f"<NextSport>{leg('Running', '2024-05-01T09:02:00Z', 1800, 6000)}</NextSport>"
        "</MultiSportSession></Activities></TrainingCenterDatabase>"
    )
    log = logs.read_tcx(write(tmp_path, "brick.tcx", text)).log
    assert log["sport"].tolist() == ["cross", "run"]
    assert log["distance_km"].tolist() == [30.0, 6.0]


def test_gzipped_gpx_and_tcx_read_directly(tmp_path):
    gpx = next((SAMPLES / "strava_export" / "activities").glob("*.gpx.gz"))
    assert logs.detect_format(gpx) == "gpx"
    assert logs.read(gpx).log["sport"].tolist() == ["run"]  # <type>9</type>
    packed = tmp_path / "long.tcx.gz"
    packed.write_bytes(gzip.compress((SAMPLES / "garmin_long_run.tcx").read_bytes(), mtime=0))
    unpacked = logs.read_tcx(SAMPLES / "garmin_long_run.tcx").log
    assert logs.read(packed).log["duration_min"].tolist() == unpacked["duration_min"].tolist()
    with pytest.raises(ValueError, match="broken.gpx.gz.*gzip"):
        logs.read_gpx(_broken(tmp_path))


def _broken(tmp_path):
    path = tmp_path / "broken.gpx.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    return path


# ---------------------------------------------------------------- fuzzing the entry point

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PREFIXES = (b"", b"\x0e\x10\x00\x00\x00\x00\x00\x00.FIT", b"<gpx>", b"\x1f\x8b", b"Datum;")


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=300))
def test_fuzz_read_any_bytes(tmp_path, prefix, data):
    """Whatever the bytes, read() returns a reconciling result or a ValueError naming the file."""
    path = tmp_path / "anything.bin"
    path.write_bytes(prefix + data)
    try:
        result = logs.read(path)
    except ValueError as err:
        assert "anything.bin" in str(err)
    else:
        assert result.reconciles()


@pytest.mark.parametrize(
    ("activity_type", "sport"),
    [
        ("Hardloopsessie", "run"),  # nl
        ("Virtuele rit", "cross"),  # nl
        ("Lauf", "run"),  # de
        ("Langlauf", "cross"),  # de: cross-country skiing, not a run
        ("Krafttraining", "strength"),  # de
        ("Course à pied", "run"),  # fr
        ("Randonnée", "cross"),  # fr
        ("Carrera virtual", "run"),  # es
        ("Entrenamiento con pesas", "strength"),  # es
        ("Treino de força", "strength"),  # pt
        ("Pedalada", "cross"),  # pt
        ("Yoga", "other"),
    ],
)
def test_translated_activity_types(activity_type, sport):
    from helpers.logs.strava import strava_sport

    assert strava_sport(activity_type) == sport
