"""Reading 3,000 rows of each export the course reads from a CSV (target < 1 s each).

Strava's activities.csv, Strong, and (issue #21) Garmin Connect's Activities.csv with its unit
decided from the data, Runkeeper's cardioActivities.csv and FitNotes, each detected by content
through ``logs.read`` and read whole.

Baseline: ``pandas.read_csv`` of the same file, which only tokenises it (and renames the repeated
columns ``Distance.1``...) without parsing Strava's dates, choosing the metres column, mapping
sports or computing loads. Our reader does all of that with the csv module, so it is expected to
be *slower* than the baseline: the ratio (baseline / ours) should be below 1. The row reports it
so a regression shows, but the target is the absolute < 1 s.
"""

from __future__ import annotations

import csv
import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd

from helpers.logs import read, read_strava_export

N_ACTIVITIES = 3000


def write_export(path: Path, n: int = N_ACTIVITIES) -> Path:
    """A synthetic activities.csv with the real layout's repeated columns (seeded)."""
    import importlib.util

    tool = Path(__file__).resolve().parents[1] / "tools" / "make_samples.py"
    spec = importlib.util.spec_from_file_location("make_samples", tool)
    samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(samples)
    rng = random.Random(3000)
    header = samples.STRAVA_HEADER
    start = datetime(2018, 1, 1, 6, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for i in range(n):
            moment = start + timedelta(hours=14 * i + rng.randint(0, 3))
            km = round(rng.uniform(5, 25), 2)
            seconds = int(km * rng.uniform(280, 360))
            row = [""] * len(header)
            row[0], row[1] = str(10_000_000 + i), samples.strava_date(moment)
            row[2], row[3] = f'Run {i}, "steady"', "Run"
            row[5], row[6], row[15], row[16] = str(seconds), f"{km:.2f}", f"{seconds}.0", ""
            row[17], row[29] = f"{km * 1000:.1f}", f"{rng.randint(130, 165)}.0"
            row[33] = str(rng.randint(2, 8)) if rng.random() < 0.5 else ""
            writer.writerow(row)
    return path


def write_strong(path: Path, n: int = N_ACTIVITIES) -> Path:
    """A synthetic Android Strong export (semicolons, Weight Unit column), one row per set."""
    rng = random.Random(3001)
    start = datetime(2020, 1, 6, 18, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(
            "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
            "Distance Unit;Seconds;Notes;Workout Notes".split(";")
        )
        for i in range(n):
            moment = start + timedelta(days=3 * (i // 12))
            writer.writerow(
                [
                    f"{moment:%Y-%m-%d %H:%M:%S}",
                    "Legs",
                    "Squat (Barbell)",
                    i % 12 + 1,
                    rng.choice([135, 185, 225]),
                    "lbs",
                    rng.randint(3, 10),
                    "",
                    "",
                    "",
                    0,
                    "",
                    "",
                ]
            )
    return path


def write_garmin(path: Path, n: int = N_ACTIVITIES) -> Path:
    """A synthetic Garmin Connect Activities.csv in Portuguese: runs, rides and swims (seeded)."""
    rng = random.Random(3002)
    start = datetime(2017, 10, 12, 6, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            "Tipo de atividade,Data,Favorito,Título,Distância,Calorias,Tempo,FC Média,"
            "FC máxima,Velocidade média,Tempo em movimento,Duração".split(",")
        )
        for i in range(n):
            moment = start + timedelta(hours=11 * i)
            kind = ("Corrida", "Ciclismo", "Natação em piscina")[i % 3]
            if kind == "Corrida":
                distance, seconds = round(rng.uniform(5, 25), 2), rng.uniform(280, 330)
                seconds *= distance
            elif kind == "Ciclismo":
                distance = round(rng.uniform(20, 90), 2)
                seconds = distance / rng.uniform(24, 32) * 3600
            else:
                distance = rng.randrange(1000, 4000, 50)
                seconds = distance / 100 * rng.uniform(95, 130)
            seconds = round(seconds, 1)
            clock = (
                f"{int(seconds // 3600):02d}:{int(seconds % 3600 // 60):02d}:{seconds % 60:04.1f}"
            )
            shown = f"{distance:,}" if kind.startswith("Nat") else f"{distance:.2f}"
            hr = str(rng.randint(120, 165)) if rng.random() < 0.9 else "--"
            writer.writerow(
                [kind, f"{moment:%Y-%m-%d %H:%M:%S}", "False", f"{kind} {i}", shown, "500",
                 clock, hr, "--", "--", clock, clock]
            )  # fmt: skip
    return path


def write_runkeeper(path: Path, n: int = N_ACTIVITIES) -> Path:
    """A synthetic older-layout Runkeeper cardioActivities.csv in miles, notes with line breaks."""
    rng = random.Random(3003)
    start = datetime(2013, 1, 2, 7, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(
            "Date,Type,Route Name,Distance (mi),Duration,Average Pace,Average Speed (mph),"
            "Calories Burned,Climb (ft),Average Heart Rate (bpm),Notes,GPX File".split(",")
        )
        for i in range(n):
            miles = round(rng.uniform(2, 14), 2)
            seconds = int(miles * rng.uniform(480, 600))
            clock = f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
            note = "Felt good.\nWindy on the way back." if i % 4 == 0 else ""
            moment = start + timedelta(hours=20 * i)
            writer.writerow(
                [f"{moment:%Y-%m-%d %H:%M:%S}", "Running", "", f"{miles:.2f}", clock, "9:00",
                 "6.67", "500.0", "80.0", "", note, f"{moment:%Y-%m-%d-%H%M}.gpx"]
            )  # fmt: skip
    return path


def write_fitnotes(path: Path, n: int = N_ACTIVITIES) -> Path:
    """A synthetic FitNotes export in pounds, no final newline, like the app writes it."""
    rng = random.Random(3004)
    start = datetime(2020, 9, 13)
    lines = ["Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time"]
    for i in range(n):
        day = start + timedelta(days=2 * (i // 15))
        exercise, category = [("Barbell Squat", "Legs"), ("Pull Up", "Back")][i % 2]
        weight = 0.0 if category == "Back" else float(rng.choice([95, 115, 135, 155]))
        lines.append(f"{day:%Y-%m-%d},{exercise},{category},{weight},{rng.randint(3, 12)},,,")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        path = write_export(Path(folder) / "activities.csv")
        result = read_strava_export(path)
        assert len(result.log) == N_ACTIVITIES and result.reconciles()
        ours = _best(lambda: read_strava_export(path))
        baseline = _best(lambda: pd.read_csv(path))
        strong = write_strong(Path(folder) / "strong.csv")
        assert len(read(strong).sets) == N_ACTIVITIES
        ours_strong = _best(lambda: read(strong))
        baseline_strong = _best(lambda: pd.read_csv(strong, sep=";"))
        others = []
        for label, writer, what in (
            ("Garmin Activities.csv", write_garmin, "log"),
            ("Runkeeper CSV", write_runkeeper, "log"),
            ("FitNotes export", write_fitnotes, "sets"),
        ):
            path = writer(Path(folder) / f"{writer.__name__}.csv")
            result = read(path)
            assert len(getattr(result, what)) == N_ACTIVITIES and result.reconciles(), label
            others.append(
                (label, _best(lambda p=path: read(p)), _best(lambda p=path: pd.read_csv(p)))
            )
    rows = [
        {
            "name": f"logs: detect and read a Strong export, {N_ACTIVITIES} sets",
            "ours_s": ours_strong,
            "baseline_s": baseline_strong,
            "ratio": baseline_strong / ours_strong,
            "target": "< 1 s (baseline pandas.read_csv only tokenises: ratio < 1 expected)",
            "met": ours_strong < 1.0,
        },
        {
            "name": f"logs: read Strava export, {N_ACTIVITIES} activities",
            "ours_s": ours,
            "baseline_s": baseline,
            "ratio": baseline / ours,
            "target": "< 1 s (baseline pandas.read_csv only tokenises: ratio < 1 expected)",
            "met": ours < 1.0,
        },
    ]
    for label, seconds, baseline_s in others:
        rows.append(
            {
                "name": f"logs: read {label}, {N_ACTIVITIES} rows",
                "ours_s": seconds,
                "baseline_s": baseline_s,
                "ratio": baseline_s / seconds,
                "target": "< 1 s (baseline pandas.read_csv only tokenises: ratio < 1 expected)",
                "met": seconds < 1.0,
            }
        )
    return rows
