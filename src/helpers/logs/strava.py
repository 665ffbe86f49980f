"""Strava's activities.csv in every vintage and language.

Strava has written three layouts: the 2018 short header (``id,date,name,type,description,
elapsed_time,distance,...``, ISO dates, distance in metres), the 2019–21 header whose later
columns are wrapped in ``<span class="translation_missing">``, and today's 94–103 columns. All
three keep the same first seven columns (ID, date, name, type, description, elapsed time,
distance), and the two newer ones repeat the elapsed-time and distance headers further on (the
repeat holds seconds and metres). Headers are matched by meaning: the words below in English,
Dutch, German, French, Spanish, Portuguese and Italian, and, for any other language, by that
fixed layout. Activity types are read through :mod:`helpers.logs.activity_types`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from statistics import median

from helpers.logs._locale import decimal_comma, parse_date, plain, to_float
from helpers.logs._schema import RowError, _aware, _rpe, _session
from helpers.logs.activity_types import activity_sport

#: Header words (plain: lower case, no accents or tags, ``_`` as space) by meaning.
HEADER_WORDS = {
    "id": (
        "activity id",
        "id",
        "activiteits-id",
        "aktivitats-id",
        "id de actividad",
        "id de l'activite",
        "id da atividade",
        "id dell'attivita",
    ),
    "date": (
        "activity date",
        "date",
        "datum van activiteit",
        "aktivitatsdatum",
        "datum der aktivitat",
        "fecha de la actividad",
        "date de l'activite",
        "data da atividade",
        "data dell'attivita",
    ),
    "name": (
        "activity name",
        "name",
        "naam activiteit",
        "name der aktivitat",
        "aktivitatsname",
        "nombre de la actividad",
        "nom de l'activite",
        "nome da atividade",
        "nome dell'attivita",
    ),
    "type": (
        "activity type",
        "type",
        "activiteitstype",
        "aktivitatsart",
        "aktivitatstyp",
        "tipo de actividad",
        "type d'activite",
        "tipo de atividade",
        "tipo di attivita",
    ),
    "elapsed": (
        "elapsed time",
        "verstreken tijd",
        "verstrichene zeit",
        "vergangene zeit",
        "tiempo transcurrido",
        "temps ecoule",
        "tempo decorrido",
        "tempo trascorso",
    ),
    "distance": ("distance", "afstand", "distanz", "entfernung", "distancia", "distancia"),
    "avg_hr": (
        "average heart rate",
        "gemiddelde hartslag",
        "durchschnittliche herzfrequenz",
        "frecuencia cardiaca media",
        "frecuencia cardiaca promedio",
        "frequence cardiaque moyenne",
        "frequencia cardiaca media",
        "frequenza cardiaca media",
    ),
    "rpe": (
        "perceived exertion",
        "ervaren inspanning",
        "wahrgenommene anstrengung",
        "esfuerzo percibido",
        "effort percu",
        "esforco percebido",
        "sforzo percepito",
        "gefuhlte anstrengung",
    ),
    "filename": (
        "filename",
        "bestandsnaam",
        "dateiname",
        "nombre del archivo",
        "nom du fichier",
        "nome do arquivo",
        "nome del file",
    ),
}
_LAYOUT = ("id", "date", "name", "type", "description", "elapsed", "distance")


def strava_sport(activity_type: str) -> str:
    """Sport of a Strava activity type in any language: run, strength, cross or other.

    Looked up in the course's tables of activity types per language
    (:mod:`helpers.logs.activity_types`): ``Hardloopsessie`` → run, ``Krafttraining`` →
    strength, ``Nuotata`` → cross.
    """
    return activity_sport(activity_type)


def _header_key(text: str) -> str:
    return re.sub(r"\s+", " ", plain(text).replace("_", " "))


@dataclass
class Columns:
    """Where each meaning sits in one activities.csv (``None``: the file has no such column)."""

    date: int
    name: int | None
    type: int
    elapsed: int
    distance: int
    metres: int | None
    avg_hr: int | None
    rpe: int | None
    filename: int | None
    english: bool


def find_columns(header: list[str], records, name: str) -> Columns:
    """Map an activities.csv header to its meanings (words first, then the fixed layout).

    Raises ValueError naming the file and the columns found when it is not Strava's layout.
    """
    keys = [_header_key(h) for h in header]
    found = {}
    for meaning, words in HEADER_WORDS.items():
        hits = [i for i, k in enumerate(keys) if k in words]
        if hits:
            found[meaning] = hits[0]
    repeated = len(keys) >= 8 and keys[5] in keys[6:] and keys[6] in keys[7:]
    if repeated:  # today's layout in any language: the first seven columns are fixed
        found.update({m: i for i, m in enumerate(_LAYOUT) if m != "description"})
    missing = [m for m in ("date", "type", "elapsed", "distance") if m not in found]
    if missing:
        shown = ", ".join(h[:40] for h in header[:12])
        raise ValueError(
            f"{name}: not a Strava activities.csv (missing columns for {', '.join(missing)}; "
            f"columns found: {shown})"
        )
    distance = found["distance"]
    repeats = [i for i, k in enumerate(keys) if k == keys[distance] and i != distance]
    filename = found.get("filename")
    if filename is None:  # the column whose cells point into the export's activities/ folder
        for i in range(len(header)):
            cells = [f[i] for _, f in records[:50] if i < len(f) and f[i]]
            if cells and all(c.startswith("activities/") for c in cells):
                filename = i
                break
    return Columns(
        date=found["date"],
        name=found.get("name"),
        type=found["type"],
        elapsed=found["elapsed"],
        distance=distance,
        metres=repeats[0] if repeats else None,
        avg_hr=found.get("avg_hr"),
        rpe=found.get("rpe"),
        filename=filename,
        english=keys[0] in ("activity id", "id"),
    )


def _column_values(records, index):
    """The non-empty cells of one column, lazily (readers stop at the first telling one)."""
    if index is None:
        return iter(())
    return (f[index] for _, f in records if index < len(f) and f[index].strip())


def distance_scale(records, cols: Columns, comma: dict, distance_unit: str) -> float:
    """km per unit of the first Distance column.

    ``distance_unit`` ``"km"`` or ``"mi"`` is taken as given. ``"auto"``: with a metres column
    (the repeated Distance header), the median ratio of metres/1000 to the first column
    decides: about 1.609 means miles, otherwise km. Without one (the 2018 layout), a median
    speed above 100 km/h when read as km means the column is metres; otherwise km.
    """
    from helpers.units import KM_PER_MI

    if distance_unit == "km":
        return 1.0
    if distance_unit == "mi":
        return KM_PER_MI
    ratios, speeds = [], []
    for _, fields in records:
        try:
            shown = to_float(fields[cols.distance], comma[cols.distance])
            if cols.metres is not None:
                metres = to_float(fields[cols.metres], comma[cols.metres])
                if shown > 0 and metres > 0:
                    ratios.append(metres / 1000 / shown)
            else:
                seconds = to_float(fields[cols.elapsed], comma[cols.elapsed])
                if shown > 0 and seconds > 0:
                    speeds.append(shown / (seconds / 3600))
        except (ValueError, IndexError):
            continue
    if ratios:
        return KM_PER_MI if abs(median(ratios) - KM_PER_MI) < 0.15 else 1.0
    if speeds and median(speeds) > 100:
        return 0.001
    return 1.0


def read_rows(header, records, name: str, distance_unit: str, tzinfo):
    """Sessions, skipped rows and each row's activity file from an activities.csv's records.

    Returns ``(rows, skipped, files)``: session dicts (training-log schema), ``(file, line,
    reason)`` tuples, and ``{line: filename}`` for rows that name an activity file.
    """
    cols = find_columns(header, records, name)
    used = [cols.date, cols.name, cols.type, cols.elapsed, cols.distance, cols.metres]
    used += [cols.avg_hr, cols.rpe]
    comma = {
        i: decimal_comma(_column_values(records, i), default=not cols.english)
        for i in used
        if i is not None
    }
    scale = distance_scale(records, cols, comma, distance_unit)
    day_first = _day_first(_column_values(records, cols.date), cols.english)
    needed = max(cols.date, cols.type, cols.elapsed, cols.distance) + 1
    rows, skipped, files = [], [], {}

    def number(fields, index, what, *, allow_empty=True):
        text = fields[index].strip() if index is not None and index < len(fields) else ""
        if not text:
            if allow_empty:
                return math.nan
            raise RowError(f"{what} is empty")
        try:
            value = to_float(text, comma[index])
        except ValueError:
            raise RowError(f"{what} {text!r} is not a number") from None
        if not math.isfinite(value) or value < 0:
            raise RowError(f"{what} {text!r} is negative or not finite")
        return value

    for line, fields in records:
        try:
            if len(fields) < needed:
                raise RowError(f"row has {len(fields)} fields, the header has {len(header)}")
            start = _aware(parse_date(fields[cols.date], day_first=day_first), tzinfo)
            seconds = number(fields, cols.elapsed, "Elapsed Time", allow_empty=False)
            metres = number(fields, cols.metres, "Distance (m)")
            if math.isnan(metres):
                km = number(fields, cols.distance, "Distance") * scale
            else:
                km = metres / 1000
            km = math.nan if km == 0 else km  # Strava writes 0 for "no distance"
            rpe_text = fields[cols.rpe] if cols.rpe is not None and cols.rpe < len(fields) else ""
            rpe = _rpe(rpe_text.replace(",", "."))
            hr = number(fields, cols.avg_hr, "Average Heart Rate")
        except RowError as err:
            skipped.append((name, line, str(err)))
            continue
        cell = fields[cols.name] if cols.name is not None and cols.name < len(fields) else ""
        activity_type = fields[cols.type]
        rows.append(
            _session(
                start,
                strava_sport(activity_type),
                cell,
                seconds / 60,
                km,
                rpe,
                hr,
                f"{name}:{line}",
            )
        )
        if cols.filename is not None and cols.filename < len(fields):
            if fields[cols.filename].strip():
                files[line] = fields[cols.filename].strip()
    return rows, skipped, files


def _day_first(values, english: bool) -> bool | None:
    """Day before month in all-number dates: from a value that can only be read one way."""
    for value in values:
        parts = re.findall(r"\d+", value)
        if len(parts) >= 3 and len(parts[0]) <= 2:
            if int(parts[0]) > 12:
                return True
            if int(parts[1]) > 12:
                return False
    return None if english else True
