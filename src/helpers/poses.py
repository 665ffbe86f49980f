"""The pose table: how each exercise and mobility pose starts and ends, and whether it could.

``data/poses.csv`` holds one row per drawing (an exercise, mobility or warm-up id and a phase,
``start`` or ``end``): the view, the segment angles of :mod:`helpers.body`, what touches the
floor or the equipment (``contacts``), the equipment held (``props``), whether the position is
held in balance, and which point the movement arrow follows. The columns are described in
``data/README.md``.

:func:`place_pose` stands the figure on its supports; :func:`pose_problems` says what is
physically wrong with a pose: a joint outside its normal range of motion, a contact that misses
its floor, box or wall, a body part through the floor, a centre of mass outside the base of
support, a barbell that is not over the middle of the foot, two sides that differ in a two-sided
lift.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import DATA_DIR, body
from helpers._table import check_unique, read_rows

COLUMNS = (
    "id",
    "phase",
    "view",
    *body.ANGLES,
    "contacts",
    "props",
    "balance",
    "arrow",
)
PHASES = ("start", "end")
#: ``yes``: a held position, its centre of mass must lie over the base of support;
#: ``moving``: caught in motion (a swing, a step, a jump), not checked.
BALANCE = ("yes", "moving")
#: Body points a contact or a prop may name (``2``: the far or right limb).
_LIMB_POINTS = ("hip", "shoulder", "knee", "ankle", "heel", "toe", "elbow", "wrist", "hand")
POINTS = ("mid", "head", *_LIMB_POINTS, *(f"{p}2" for p in _LIMB_POINTS))
#: Height of each horizontal surface [fraction of body height H]: for H = 1.75 m a 17 cm step,
#: a 44 cm box or bench. ``wall`` is vertical; ``bar`` (hanging) and ``pad`` (a machine's seat,
#: pad or foot plate) may be at any height.
SURFACE_HEIGHT = {"floor": 0.0, "step": 0.10, "box": 0.25, "bench": 0.25}
SURFACES = (*SURFACE_HEIGHT, "wall", "bar", "pad", "air")
#: A point in flight (``toe:air``) is this far above the floor [H].
AIR_HEIGHT = 0.06
#: Height of a pull-up bar above the floor [H].
BAR_HEIGHT = 1.32
PROPS = ("barbell", "dumbbell", "kettlebell", "band", "strap", "backpack")
#: How far the skin that touches a surface lies from the drawn joint [H]: about half the
#: body's depth at the trunk (lying, the hip and shoulder joints sit about 10 cm above the
#: floor), the head's radius, a little at the knee, elbow and hand (our estimates).
CONTACT_OFFSET = {"mid": 0.06, "hip": 0.06, "shoulder": 0.06, "head": 0.065}
CONTACT_OFFSET.update({p + s: 0.03 for p in ("knee", "elbow", "ankle", "wrist") for s in ("", "2")})
CONTACT_OFFSET.update({p + s: 0.02 for p in ("hand",) for s in ("", "2")})
CONTACT_OFFSET.update({p + "2": CONTACT_OFFSET[p] for p in ("hip", "shoulder")})
#: How far a contact may miss its surface [H] (2 % of 1.75 m is 3.5 cm).
TOLERANCE = 0.02
#: Patterns in which both limbs do the same thing at once (their two sides must match).
TWO_SIDED = frozenset(
    {"squat", "hinge", "bridge", "calf_raise", "soleus_raise", "tibialis", "knee_flexion"}
    | {"knee_extension", "jump", "hop", "push", "pull"}
)
_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
_PROP = re.compile(r"^(?P<kind>[a-z]+)@(?P<at>[a-z0-9]+)(>(?P<to>[a-z0-9]+|-?[0-9.]+:-?[0-9.]+))?$")


def _parse_contacts(value: str) -> tuple[tuple[str, str], ...]:
    items = []
    for item in filter(None, (part.strip() for part in value.split(";"))):
        point, _, surface = item.partition(":")
        if point not in POINTS or surface not in SURFACES:
            raise ValueError(
                f"contact {item!r} must be point:surface with a point of {list(POINTS)} "
                f"and a surface of {list(SURFACES)}"
            )
        items.append((point, surface))
    return tuple(items)


def _parse_props(value: str) -> tuple[tuple[str, str, str], ...]:
    items = []
    for item in filter(None, (part.strip() for part in value.split(";"))):
        match = _PROP.match(item)
        if not match or match["kind"] not in PROPS or match["at"] not in POINTS:
            raise ValueError(
                f"prop {item!r} must be kind@point or kind@point>point or kind@point>x:y, "
                f"kind one of {list(PROPS)}"
            )
        to = match["to"] or ""
        if to and ":" not in to and to not in POINTS:
            raise ValueError(f"prop {item!r} ends at unknown point {to!r}")
        items.append((match["kind"], match["at"], to))
    return tuple(items)


def _parse_cell(column: str, value: str):
    if column == "id":
        if not _ID.match(value):
            raise ValueError(f"id must be snake_case, got {value!r}")
        return value
    choices = {"phase": PHASES, "view": body.VIEWS, "balance": BALANCE}
    if column in choices:
        if value not in choices[column]:
            raise ValueError(f"{column} must be one of {list(choices[column])}, got {value!r}")
        return value
    if column in body.ANGLES:
        if not value and column.endswith("2"):
            return None  # the far/right limb as the near/left one (mirrored in the front view)
        try:
            angle = float(value)
        except ValueError:
            raise ValueError(f"{column} must be an angle in degrees, got {value!r}") from None
        if not -360 <= angle <= 360:
            raise ValueError(f"{column} must be within -360 to 360 degrees, got {value!r}")
        return angle
    if column == "contacts":
        contacts = _parse_contacts(value)
        if not contacts:
            raise ValueError("a pose needs at least one contact (what holds the body up)")
        return contacts
    if column == "props":
        return _parse_props(value)
    if column == "arrow":
        if value and value not in POINTS:
            raise ValueError(f"arrow must be empty or one of {list(POINTS)}, got {value!r}")
        return value
    return value


def load_poses(path=None) -> pd.DataFrame:
    """Load and check the pose table.

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns :data:`COLUMNS`. Default: ``data/poses.csv``.

    Returns
    -------
    DataFrame
        One row per drawing, indexed by ``(id, phase)``; angles in degrees with the far or
        right limb filled in where the file leaves it empty (the same angles in the side view,
        mirrored in the front view); ``contacts`` a tuple of ``(point, surface)``, ``props`` a
        tuple of ``(kind, point, to)``.

    Raises
    ------
    ValueError
        Naming the file, the line and the column: an unknown phase, view, point, surface or
        prop, an angle that is not a number, a repeated ``(id, phase)``.

    Examples
    --------
    >>> poses = load_poses()
    >>> poses.loc[("squat", "end"), "view"]
    'side'
    """
    path = Path(DATA_DIR / "poses.csv" if path is None else path)
    if not path.is_file():
        raise ValueError(f"path {str(path)!r} is not a file")
    return _load(path, path.stat().st_mtime_ns).copy()


@lru_cache(maxsize=8)
def _load(path: Path, _stamp: int) -> pd.DataFrame:
    rows = read_rows(path, COLUMNS, _parse_cell, "poses")
    for _, record in rows:
        record["key"] = f"{record['id']}/{record['phase']}"
        sign = -1.0 if record["view"] == "front" else 1.0
        for name in body.LIMBS:
            if record[name + "2"] is None:
                record[name + "2"] = sign * record[name]
    check_unique(path, rows, "key")
    table = pd.DataFrame.from_records([r for _, r in rows], columns=[*COLUMNS, "key"])
    return table.drop(columns="key").set_index(["id", "phase"])


def pose_angles(pose: pd.Series) -> dict[str, float]:
    """The angles of one pose row as the dict :mod:`helpers.body` takes."""
    return {name: float(pose[name]) for name in body.ANGLES}


def place_pose(pose: pd.Series) -> dict:
    """Stand a pose on its supports: body points, centre of mass and surfaces in H units.

    The first contact with a known height (floor, step, box, bench) sets the height: that point
    rests on its surface; a hanging pose puts its grip at :data:`BAR_HEIGHT`; a pose held only by
    a machine's pads rests its lowest point on the floor. The first contact's point is at
    ``x = 0``.

    Returns
    -------
    dict
        ``points`` (name → ndarray), ``com`` (ndarray), ``view``, ``contacts`` and ``props``
        as in the table.
    """
    angles, view = pose_angles(pose), pose["view"]
    points = body.figure_points(angles, view)
    com = body.centre_of_mass(angles, view)
    contacts = pose["contacts"]
    first = points[contacts[0][0]]
    heights = [(p, s) for p, s in contacts if s in SURFACE_HEIGHT]
    if heights:
        point, surface = heights[0]
        dy = SURFACE_HEIGHT[surface] + CONTACT_OFFSET.get(point, 0.0) - points[point][1]
    elif any(s == "bar" for _, s in contacts):
        point = next(p for p, s in contacts if s == "bar")
        dy = BAR_HEIGHT - points[point][1]
    elif any(s == "air" for _, s in contacts):
        dy = AIR_HEIGHT - min(_lowest(points).values())
    else:
        dy = -min(_lowest(points).values())
    shift = np.array([-first[0], dy])
    placed = {name: xy + shift for name, xy in points.items()}
    return {
        "points": placed,
        "com": com + shift,
        "view": view,
        "contacts": contacts,
        "props": pose["props"],
    }


def _lowest(points: dict) -> dict[str, float]:
    """The lowest y of the body's surface at every point (:data:`CONTACT_OFFSET`)."""
    return {name: float(xy[1]) - CONTACT_OFFSET.get(name, 0.0) for name, xy in points.items()}


def pose_problems(pose: pd.Series, pattern: str | None = None, unilateral: bool = True):
    """Everything physically wrong with one pose, as sentences (empty when it could happen).

    Checks, each with :data:`TOLERANCE`:

    - every joint inside its normal range of motion (:func:`helpers.body.rom_problems`; an
      ankle whose foot carries weight may dorsiflex further);
    - each contact on its surface: floor, step, box and bench at their height
      (:data:`SURFACE_HEIGHT`), points against a wall at one ``x``, hands on a bar at one height;
    - no body part below the floor;
    - a held position (``balance == "yes"``) not held by a wall, bar, pad or a band to an
      anchor: the centre of mass over the base of support, between the outermost contacts;
    - a barbell held in the hands or on the back in a held side-view position: over the middle
      half of the foot;
    - a two-sided lift (``pattern`` in :data:`TWO_SIDED` and not ``unilateral``): both sides
      alike.

    Parameters
    ----------
    pose : Series
        A row of :func:`load_poses`.
    pattern : str, optional
        The exercise's movement pattern (``data/exercises.csv``); None for a mobility pose.
    unilateral : bool
        Whether the exercise works one side at a time.
    """
    placed = place_pose(pose)
    points, view = placed["points"], placed["view"]
    problems = []
    weight = _weight_bearing(pose, points)
    problems += body.rom_problems(pose_angles(pose), view, weight_bearing=weight)
    walls, bars = [], []
    for point, surface in pose["contacts"]:
        xy = points[point]
        skin = xy[1] - CONTACT_OFFSET.get(point, 0.0)
        if surface in SURFACE_HEIGHT and abs(skin - SURFACE_HEIGHT[surface]) > TOLERANCE:
            problems.append(
                f"{point} should be on the {surface} (height {SURFACE_HEIGHT[surface]:.2f} H) "
                f"but is at {skin:.2f} H"
            )
        walls += [xy[0]] if surface == "wall" else []
        bars += [xy[1]] if surface == "bar" else []
    for name, values in (("wall", walls), ("bar", bars)):
        if values and max(values) - min(values) > TOLERANCE:
            problems.append(f"the points on the {name} are {max(values) - min(values):.2f} H apart")
    flat = _flat_hands(pose)
    for name, y in _lowest(points).items():
        if y < -TOLERANCE and name not in flat:  # a hand flat on the floor bends at the wrist
            problems.append(f"{name} is {-y:.2f} H below the floor")
    surfaces = {surface for _, surface in pose["contacts"]}
    anchored = any(kind == "band" and ":" in to for kind, _, to in pose["props"])
    if pose["balance"] == "yes" and not surfaces & {"wall", "bar", "pad", "air"} and not anchored:
        xs = [points[p][0] for p, _ in pose["contacts"]]
        if not min(xs) - TOLERANCE <= placed["com"][0] <= max(xs) + TOLERANCE:
            problems.append(
                f"the centre of mass (x = {placed['com'][0]:.2f} H) is outside the base of "
                f"support ({min(xs):.2f} to {max(xs):.2f} H)"
            )
        problems += _bar_problems(pose, points)
    if pattern in TWO_SIDED and not unilateral:
        sign = -1.0 if view == "front" else 1.0
        for name in body.LIMBS:
            if abs(pose[name + "2"] - sign * pose[name]) > 1.0:
                problems.append(
                    f"a two-sided lift with {name} {pose[name]:.0f} and "
                    f"{name}2 {pose[name + '2']:.0f} deg"
                )
    return problems


def _flat_hands(pose) -> set[str]:
    """Hands lying flat on a surface (their wrist is a contact; from the side, both hands)."""
    wrists = [point for point, _ in pose["contacts"] if point.startswith("wrist")]
    if pose["view"] == "side" and wrists:
        return {"hand", "hand2"}
    return {point.replace("wrist", "hand") for point in wrists}


def _weight_bearing(pose, points) -> set[str]:
    """Ankles whose foot stands on a surface; in the side view the far foot counts with the near
    one when it is drawn in the same place."""
    out = set()
    for point, surface in pose["contacts"]:
        if surface in SURFACE_HEIGHT and point.rstrip("2") in ("heel", "toe"):
            out.add("ankle2" if point.endswith("2") else "ankle")
    same = all(
        np.allclose(points[name], points[name + "2"], atol=TOLERANCE) for name in ("heel", "toe")
    )
    if pose["view"] == "side" and "ankle" in out and same:
        out.add("ankle2")
    return out


def _bar_problems(pose, points) -> list[str]:
    """A barbell in the hands or on the back must sit over the middle half of the foot."""
    if pose["view"] != "side":
        return []
    out = []
    for kind, at, _ in pose["props"]:
        if kind != "barbell" or at not in ("hand", "hand2", "shoulder", "shoulder2", "mid"):
            continue
        heel, toe = points["heel"][0], points["toe"][0]
        low, high = heel + 0.25 * (toe - heel), heel + 0.75 * (toe - heel)
        bar_x = points[at][0]
        if not min(low, high) - TOLERANCE <= bar_x <= max(low, high) + TOLERANCE:
            out.append(
                f"the barbell (x = {bar_x:.2f} H) is not over the middle of the foot "
                f"({min(low, high):.2f} to {max(low, high):.2f} H)"
            )
    return out
