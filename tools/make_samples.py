"""Write the synthetic sample logs in data/samples/ (seeded: two runs give identical bytes).

One made-up athlete ("the sample runner"), 16 weeks from Monday 2026-09-07:
- data/samples/strava_export/activities.csv: a Strava bulk-export file with the real layout's
  quirks (repeated column names, dates like ``Sep 8, 2026, 6:12:00 AM`` in UTC, names with
  commas and quotes): four runs a week, the lifting sessions recorded on the watch as
  Weight Training, a weekly Yoga class, an odd ride, and one manual entry without a duration
  (it lands in the skipped-rows report on purpose). Like a real export it ships activity files
  in ``activities/``, for the last two weeks only (to keep the course small): runs as Strava's
  gzipped GPX (``<type>9</type>``, a point every 10 s), lifting as the watch's gzipped FIT file
  with every set (exercise category, reps, weight, rest sets between). Older rows name no
  file and are read from the CSV alone.
- data/samples/strong.csv: the lifting of weeks 1–8 as logged in the Strong app (Monday and
  Friday, kg, durations like ``1h 5m``).
- data/samples/hevy.csv: weeks 9–16 after switching to the Hevy app (dates like
  ``2 Nov 2026, 18:30``).
- data/samples/garmin_long_run.tcx: the last long run as exported from Garmin Connect (TCX, one
  lap per km): the same run as on Strava, so combining the two must count it once.
No real person's data. Usage: ``python tools/make_samples.py`` (or ``make samples``).
"""

from __future__ import annotations

import csv
import gzip
import math
import random
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "samples"
FIRST_MONDAY = datetime(2026, 9, 7)
WEEKS = 16
SEED = 20260907
WEEKS_WITH_FILES = 2  # the export ships activity files for the last two weeks
EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG), as the course's GPX reader uses
#: FIT exercise_category numbers (FIT SDK profile) of the sample lifts.
FIT_CATEGORY = {"Squat": 28, "Romanian Deadlift": 8, "Calf Raise": 1, "Bulgarian Split": 17}
FIT_CATEGORY |= {"Hip Thrust": 10, "Plank": 19}

STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,"
    "Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,"
    "Average Speed,Elevation Gain,Elevation Loss,Elevation Low,Elevation High,Max Grade,"
    "Average Grade,Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate,Calories,"
    "Relative Effort,Total Work,Perceived Exertion,Type,Start Time,Prefer Perceived Exertion,"
    "Perceived Relative Effort,Total Weight Lifted,From Upload,Grade Adjusted Distance,Media"
).split(",")

# Mondays and Fridays: two lifting sessions a week (A: lower body heavy, B: single-leg + core).
LIFTS = {
    "A": [
        ("Squat (Barbell)", 3, 5, 60.0),
        ("Romanian Deadlift (Barbell)", 3, 6, 55.0),
        ("Calf Raise (Machine)", 3, 12, 40.0),
    ],
    "B": [
        ("Bulgarian Split Squat (Dumbbell)", 3, 8, 14.0),
        ("Hip Thrust (Barbell)", 3, 8, 70.0),
        ("Plank", 3, 1, 0.0),
    ],
}
RUN_NAMES = {
    1: ['Easy, "recovery" run', "Easy run", "Morning Run"],
    3: ["Tempo 3 x 10', 2' jog", "Intervals 6 x 800 m", 'Threshold, "comfortably hard"'],
    5: ["Easy run", "Shakeout, legs heavy", "Morning Run"],
    6: ["Long run, last 5 km at MP", "Long run", "Sunday long run \u2013 hills"],
}


def strava_date(moment: datetime) -> str:
    """``Sep 8, 2026, 6:12:00 AM`` (Strava's English format, no leading zeros)."""
    hour = moment.hour % 12 or 12
    ampm = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%b} {moment.day}, {moment.year}, {hour}:{moment:%M}:{moment:%S} {ampm}"


def week_km(week: int) -> float:
    """Weekly running volume: build from 32 to 52 km, every 4th week a recovery week."""
    km = 32 + 20 * week / (WEEKS - 1)
    return km * (0.75 if week % 4 == 3 else 1.0)


def strava_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    activity_id = 11_200_000_000

    def add(start, name, kind, seconds, km, hr, rpe, moving=None):
        nonlocal activity_id
        activity_id += rng.randint(10_000, 90_000)
        row = dict.fromkeys(range(len(STRAVA_HEADER)), "")
        recent = start >= FIRST_MONDAY + timedelta(weeks=WEEKS - WEEKS_WITH_FILES)
        suffix = {"Run": ".gpx.gz", "Trail Run": ".gpx.gz", "Weight Training": ".fit.gz"}
        metres = km * 1000
        row[0], row[1], row[2], row[3] = str(activity_id), strava_date(start), name, kind
        row[5] = "" if seconds is None else str(seconds)
        row[6] = f"{km:.2f}"
        row[7] = f"{hr + 25:.1f}" if hr else ""
        filename = f"activities/{activity_id}{suffix[kind]}" if recent and kind in suffix else ""
        row[9], row[12], row[13] = "false", filename, "68.0"
        row[15] = "" if seconds is None else f"{seconds:.1f}"
        row[16] = "" if seconds is None else f"{moving or seconds:.1f}"
        row[17] = f"{metres:.1f}" if km else ""
        row[29] = f"{hr:.1f}" if hr else ""
        row[33] = "" if rpe is None else f"{rpe:.0f}"
        row[34] = kind
        row[36], row[39] = "false", "1"
        rows.append([row[i] for i in range(len(STRAVA_HEADER))])

    for week in range(WEEKS):
        monday = FIRST_MONDAY + timedelta(weeks=week)
        total = week_km(week)
        shares = {1: 0.22, 3: 0.22, 5: 0.18, 6: 0.38}
        for day, share in shares.items():
            start = monday + timedelta(
                days=day, hours=6, minutes=rng.randint(0, 40), seconds=rng.randint(0, 59)
            )
            km = round(total * share * rng.uniform(0.95, 1.05), 2)
            pace_s = {1: 345, 3: 300, 5: 350, 6: 330}[day] + rng.randint(-10, 10)
            seconds = int(km * pace_s)
            hr = {1: 138, 3: 158, 5: 136, 6: 146}[day] + rng.randint(-4, 4)
            rpe = None if rng.random() < 0.4 else {1: 3, 3: 7, 5: 3, 6: 6}[day] + rng.randint(0, 1)
            name = rng.choice(RUN_NAMES[day])
            kind = "Trail Run" if day == 6 and week % 5 == 2 else "Run"
            add(start, name, kind, seconds, km, hr, rpe, moving=seconds - rng.randint(20, 120))
        for day in (0, 4):  # lifting, recorded on the watch (same start as the app's log)
            start = monday + timedelta(days=day, hours=18, minutes=30)
            add(
                start,
                "Gym, lower body" if day == 0 else "Gym \u2013 single leg & core",
                "Weight Training",
                lifting_minutes(week, day) * 60,
                0.0,
                112,
                6,
            )
        start = monday + timedelta(days=2, hours=19)
        add(start, "Yoga for runners", "Yoga", 3600, 0.0, 92, 2)
        if week % 6 == 4:
            add(monday + timedelta(days=5, hours=10), "Coffee ride", "Ride", 5400, 38.5, 121, 3)
    # A manual entry saved without a duration: the importer reports it instead of guessing.
    add(
        FIRST_MONDAY + timedelta(days=40, hours=12),
        'Manual: "forgot my watch"',
        "Run",
        None,
        8.0,
        None,
        None,
    )
    rows.sort(key=lambda r: datetime.strptime(r[1], "%b %d, %Y, %I:%M:%S %p"))
    return rows


def lifting_minutes(week: int, day: int) -> int:
    return 55 + 5 * (week % 3) + (10 if day == 0 else 0)


def lifting_sets(rng: random.Random, week: int, day: int):
    """(exercise, set number, reps, weight kg, RPE) with a slow progression."""
    plan = LIFTS["A" if day == 0 else "B"]
    deload = week % 4 == 3
    for exercise, sets, reps, base_kg in plan:
        kg = base_kg * (1 + 0.02 * week) * (0.85 if deload else 1.0)
        kg = round(kg / 2.5) * 2.5
        for number in range(1, sets + 1):
            rpe = min(10.0, 6.5 + 0.5 * number + (0 if deload else rng.choice([0.0, 0.5])))
            done = reps if exercise != "Plank" else 1
            yield exercise, number, done, kg, rpe


def strong_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for week in range(8):
        for day in (0, 4):
            start = FIRST_MONDAY + timedelta(weeks=week, days=day, hours=18, minutes=30)
            minutes = lifting_minutes(week, day)
            duration = f"{minutes // 60}h {minutes % 60}m" if minutes >= 60 else f"{minutes}m"
            workout = "Lower A" if day == 0 else "Lower B + core"
            for exercise, number, reps, kg, rpe in lifting_sets(rng, week, day):
                seconds = "60" if exercise == "Plank" else ""
                note = 'felt strong, "easy" bar speed' if number == 3 and week == 5 else ""
                rows.append(
                    [
                        f"{start:%Y-%m-%d %H:%M:%S}",
                        workout,
                        duration,
                        exercise,
                        str(number),
                        f"{kg:g}" if exercise != "Plank" else "0",
                        str(reps),
                        "0",
                        seconds,
                        note,
                        "",
                        f"{rpe:g}",
                    ]
                )
    return rows


def hevy_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for week in range(8, WEEKS):
        for day in (0, 4):
            start = FIRST_MONDAY + timedelta(weeks=week, days=day, hours=18, minutes=30)
            end = start + timedelta(minutes=lifting_minutes(week, day))
            title = "Lower A" if day == 0 else "Lower B + core"
            for exercise, number, reps, kg, rpe in lifting_sets(rng, week, day):
                plank = exercise == "Plank"
                rows.append(
                    [
                        title,
                        f"{start.day} {start:%b %Y, %H:%M}",
                        f"{end.day} {end:%b %Y, %H:%M}",
                        "",
                        exercise,
                        "",
                        "",
                        str(number - 1),
                        "normal",
                        "" if plank else f"{kg:g}",
                        "" if plank else str(reps),
                        "",
                        "60" if plank else "",
                        f"{rpe:g}",
                    ]
                )
    return rows


def tcx_long_run(strava: list[list[str]]) -> str:
    """The last long run of the Strava file as a Garmin TCX document (one lap per km)."""
    row = [r for r in strava if r[3] in ("Run", "Trail Run") and "ong" in r[2]][-1]
    start = datetime.strptime(row[1], "%b %d, %Y, %I:%M:%S %p")
    seconds, metres, hr = int(row[5]), float(row[17]), float(row[29])
    laps, done, lap_start = [], 0.0, start
    while done < metres - 1e-6:
        lap_m = min(1000.0, metres - done)
        lap_s = round(seconds * lap_m / metres, 1)
        drift = round(6 * (done / metres - 0.5))  # heart rate drifts up over a long run
        laps.append(
            f'   <Lap StartTime="{lap_start:%Y-%m-%dT%H:%M:%S}Z">\n'
            f"    <TotalTimeSeconds>{lap_s:.1f}</TotalTimeSeconds>\n"
            f"    <DistanceMeters>{lap_m:.1f}</DistanceMeters>\n"
            f"    <AverageHeartRateBpm><Value>{hr + drift:.0f}</Value></AverageHeartRateBpm>\n"
            "    <Intensity>Active</Intensity>\n"
            "    <TriggerMethod>Distance</TriggerMethod>\n"
            "   </Lap>"
        )
        done += lap_m
        lap_start += timedelta(seconds=lap_s)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n'
        " <Activities>\n"
        '  <Activity Sport="Running">\n'
        f"   <Id>{start:%Y-%m-%dT%H:%M:%S}Z</Id>\n" + "\n".join(laps) + "\n"
        "  </Activity>\n"
        " </Activities>\n"
        "</TrainingCenterDatabase>\n"
    )


def strava_start(row: list[str]) -> datetime:
    return datetime.strptime(row[1], "%b %d, %Y, %I:%M:%S %p")


def gpx_run(row: list[str], rng: random.Random) -> bytes:
    """Strava's GPX of one run: out and back along a meridian, a point every 10 s."""
    start, seconds, metres = strava_start(row), int(row[5]), float(row[17])
    lat0, lon0 = 45.7640, 4.8357
    points = []
    for t in range(0, seconds + 1, 10):
        done = metres * min(t, seconds) / seconds
        north = done if done <= metres / 2 else metres - done
        lat = lat0 + math.degrees(north / EARTH_RADIUS_M)
        moment = start + timedelta(seconds=t)
        elevation = 170 + 8 * math.sin(north / 400) + rng.uniform(-0.5, 0.5)
        points.append(
            f'   <trkpt lat="{lat:.7f}" lon="{lon0:.7f}">\n'
            f"    <ele>{elevation:.1f}</ele>\n"
            f"    <time>{moment:%Y-%m-%dT%H:%M:%S}Z</time>\n"
            "   </trkpt>"
        )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1">\n'
        f" <metadata>\n  <time>{start:%Y-%m-%dT%H:%M:%S}Z</time>\n </metadata>\n"
        f" <trk>\n  <name>{escape(row[2])}</name>\n  <type>9</type>\n  <trkseg>\n"
        + "\n".join(points)
        + "\n  </trkseg>\n </trk>\n</gpx>\n"
    )
    return gzip.compress(text.encode("utf-8"), mtime=0)


def fit_strength(row: list[str], sets: list[tuple]) -> bytes:
    """The watch's FIT file of one lifting session: session and every set, rests between."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.messages.set_message import SetMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport, SubSport

    start = strava_start(row)
    start_ms = round((start - datetime(1970, 1, 1)).total_seconds() * 1000)
    seconds = int(row[5])
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.serial_number = 7
    file_id.time_created = start_ms
    builder.add(file_id)
    clock, index = 60.0, 0  # the first set starts a minute in
    for exercise, _number, reps, kg, _rpe in sets:
        work = 40.0 if exercise != "Plank" else 60.0
        for kind, length in ((1, work), (0, 90.0)):  # active set, then rest
            message = SetMessage()
            message.message_index = index
            message.start_time = start_ms + round(clock * 1000)
            message.timestamp = start_ms + round((clock + length) * 1000)
            message.duration = length
            message.set_type = kind
            if kind == 1:
                key = next(k for k in FIT_CATEGORY if exercise.startswith(k))
                message.category = [FIT_CATEGORY[key]]
                message.repetitions = reps
                message.weight = kg
                message.weight_display_unit = 1  # kilogram
            builder.add(message)
            clock, index = clock + length, index + 1
    session = SessionMessage()
    session.start_time = start_ms
    session.timestamp = start_ms + seconds * 1000
    session.sport = Sport.TRAINING
    session.sub_sport = SubSport.STRENGTH_TRAINING
    session.total_timer_time = float(seconds)
    session.total_elapsed_time = float(seconds)
    session.avg_heart_rate = int(float(row[29]))
    builder.add(session)
    return gzip.compress(builder.build().to_bytes(), mtime=0)


def activity_files(strava: list[list[str]], rng: random.Random) -> dict[str, bytes]:
    """The export's activities/ folder: one file for each row that names one."""
    files = {}
    for row in strava:
        if not row[12]:
            continue
        if row[3] == "Weight Training":
            start = strava_start(row)
            week, day = (start - FIRST_MONDAY).days // 7, start.weekday()
            sets = list(lifting_sets(random.Random(f"{SEED}-{week}-{day}"), week, day))
            files[row[12]] = fit_strength(row, sets)
        else:
            files[row[12]] = gpx_run(row, rng)
    return files


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    rng = random.Random(SEED)
    strava = strava_rows(rng)
    write(OUT / "strava_export" / "activities.csv", STRAVA_HEADER, strava)
    for name, data in sorted(activity_files(strava, random.Random(SEED + 1)).items()):
        (OUT / "strava_export" / name).parent.mkdir(parents=True, exist_ok=True)
        (OUT / "strava_export" / name).write_bytes(data)
    (OUT / "garmin_long_run.tcx").write_text(tcx_long_run(strava), encoding="utf-8", newline="\n")
    write(
        OUT / "strong.csv",
        (
            "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,"
            "Distance,Seconds,Notes,Workout Notes,RPE"
        ).split(","),
        strong_rows(rng),
    )
    write(
        OUT / "hevy.csv",
        (
            "title,start_time,end_time,description,exercise_title,superset_id,"
            "exercise_notes,set_index,set_type,weight_kg,reps,distance_km,"
            "duration_seconds,rpe"
        ).split(","),
        hevy_rows(rng),
    )
    for path in sorted(OUT.rglob("*.*")):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
