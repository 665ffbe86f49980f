"""A stick-figure model of the human body: segment lengths and masses, joint angles, the centre
of mass, and the normal range of motion of each joint.

The figure is drawn in one plane, either from the side (the sagittal plane, the figure faces
``+x``) or from the front (the frontal plane, the figure faces the viewer, its left side at
``+x``). Each segment's direction is one angle [deg], measured from straight down and positive
toward the figure's front (side view) or toward the figure's left (front view)::

    direction(theta) = (sin theta, -cos theta)

so a standing figure has thighs, shins and arms at 0, feet at 90 (pointing forward) and a trunk
at 180 (pointing up). Lengths are fractions of body height *H*; the hip joint is the origin.

Segment lengths are those of Drillis and Contini as drawn in Winter's Figure 4.1; masses and
centre-of-mass positions are Dempster's, as tabled by Winter (Table 4.1). The trunk is split
into two equal halves (pelvis and lower back; chest) so that the spine can bend; where the heel
sits under the ankle is our own choice.

References
----------
.. [1] Winter DA (2009). Biomechanics and Motor Control of Human Movement, 4th ed. Wiley,
   Figure 4.1 and Table 4.1. :doi:`10.1002/9780470549148`
.. [2] American Academy of Orthopaedic Surgeons (1965). Joint Motion: Method of Measuring and
   Recording; normal values as reproduced by Norkin CC, White DJ (2016), Measurement of Joint
   Motion: A Guide to Goniometry, 5th ed. F.A. Davis.
"""

from __future__ import annotations

import math

import numpy as np

#: Segment lengths as fractions of body height H (Winter 2009, Fig. 4.1).
LENGTH = {
    "thigh": 0.245,  # hip (greater trochanter 0.530 H) to knee (0.285 H)
    "shin": 0.246,  # knee to ankle (0.039 H)
    "foot": 0.152,  # heel to toe
    "ankle_height": 0.039,
    "trunk": 0.288,  # hip (0.530 H) to shoulder (0.818 H)
    "neck": 0.052,  # shoulder (0.818 H) to chin (0.870 H)
    "head": 0.130,  # chin (0.870 H) to the top of the head (1.000 H)
    "upper_arm": 0.186,
    "forearm": 0.146,
    "hand": 0.108,
    "shoulder_width": 0.259,
    "hip_width": 0.191,
    "foot_width": 0.055,
}
#: Where the ankle sits above the sole, as a fraction of foot length from the heel (our choice).
HEEL_TO_ANKLE = 0.25
#: Segment mass [fraction of body mass] and centre of mass [fraction of length from the
#: proximal end] (Dempster via Winter 2009, Table 4.1). The trunk's 0.497 is split equally
#: between its two halves; the head and neck's centre is the head's centre.
MASS = {
    "trunk_low": (0.2485, 0.5),
    "trunk_high": (0.2485, 0.5),
    "head": (0.081, 1.0),
    "thigh": (0.100, 0.433),
    "shin": (0.0465, 0.433),
    "foot": (0.0145, 0.5),
    "upper_arm": (0.028, 0.436),
    "forearm": (0.016, 0.430),
    "hand": (0.006, 0.506),
}
#: Normal range of motion [deg] (AAOS 1965 via Norkin and White): (least, most) of each
#: joint angle as :func:`joint_angles` names it. Negative values are the opposite motion
#: (extension for a flexion angle, adduction for an abduction angle).
ROM_DEG = {
    "hip_flexion": (-30.0, 120.0),  # extension 30, flexion 120
    "hip_abduction": (-30.0, 45.0),  # adduction 30, abduction 45
    "knee_flexion": (0.0, 135.0),
    "ankle_dorsiflexion": (-50.0, 20.0),  # plantarflexion 50, dorsiflexion 20 (non-weight-bearing)
    "ankle_inversion": (-15.0, 35.0),  # eversion 15, inversion 35
    "spine_flexion": (-25.0, 80.0),  # thoracolumbar extension 25, flexion 80
    "spine_side_bend": (-35.0, 35.0),
    "neck_flexion": (-45.0, 45.0),
    "shoulder_flexion": (-60.0, 180.0),  # extension 60, flexion 180
    "shoulder_abduction": (-30.0, 180.0),
    "elbow_flexion": (0.0, 150.0),
}
#: Ankle dorsiflexion allowed with the body's weight on the foot [deg]. A squat or a lunge takes
#: the ankle past the non-weight-bearing 20 deg of the AAOS table; weight-bearing measures are
#: larger and only moderately related to it (Rabin et al. 2015, doi:10.4085/1062-6050-49.3.40,
#: abstract read). 45 deg is our round upper bound, not a published norm.
WEIGHT_BEARING_DORSIFLEXION_DEG = 45.0
#: Angle columns of a pose: one per segment, "2" for the far (side view) or right (front) limb.
LIMBS = ("thigh", "shin", "foot", "arm", "forearm")
ANGLES = ("trunk", "spine", "head", *LIMBS, *(f"{name}2" for name in LIMBS))
VIEWS = ("side", "front")


def direction(theta_deg):
    """Unit vector of a segment at ``theta_deg`` [deg] from straight down: (sin θ, −cos θ)."""
    theta = np.radians(theta_deg)
    return np.array([np.sin(theta), -np.cos(theta)])


def _wrap(angle_deg: float) -> float:
    """An angle folded into (−180, 180] [deg]."""
    folded = math.fmod(angle_deg + 180.0, 360.0)
    return (folded + 360.0 if folded <= 0 else folded) - 180.0


def _check_angles(angles: dict, view: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"view must be one of {list(VIEWS)}, got {view!r}")
    missing = [name for name in ANGLES if name not in angles]
    if missing:
        raise ValueError(f"angles is missing {missing}")
    for name in ANGLES:
        value = angles[name]
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"angles[{name!r}] must be a finite number [deg], got {value!r}")


def figure_points(angles: dict, view: str = "side") -> dict[str, np.ndarray]:
    """Forward kinematics: the joint positions of a figure of height 1, the hips at the origin.

    Parameters
    ----------
    angles : dict
        One angle [deg] for each name in :data:`ANGLES`: the lower trunk's direction
        (``trunk``), the spine's bend (``spine``, flexion positive: the chest's direction is
        ``trunk - spine``), the head's bend (``head``, flexion positive) and the direction of
        every limb segment (see the module's docstring).
    view : {"side", "front"}

    Returns
    -------
    dict of str to ndarray
        ``(x, y)`` in units of body height for ``hip``, ``mid`` (middle of the trunk),
        ``shoulder``, ``head`` (its centre), and per limb ``knee``, ``ankle``, ``heel``, ``toe``,
        ``elbow``, ``wrist``, ``hand`` (the grip, half a hand beyond the wrist), with ``2`` for
        the far or right limb. In the front view ``hip``/``shoulder`` are the left joints and
        ``pelvis`` and ``neck`` the middles.

    Examples
    --------
    >>> from helpers.body import STANDING, figure_points
    >>> p = figure_points(STANDING)
    >>> round(float(p["shoulder"][1] - p["heel"][1]), 3)  # 0.818 H - 0 H
    0.818
    """
    _check_angles(angles, view)
    L = LENGTH
    chest = angles["trunk"] - angles["spine"]
    hip_c = np.zeros(2)
    mid = hip_c + L["trunk"] / 2 * direction(angles["trunk"])
    shoulder_c = mid + L["trunk"] / 2 * direction(chest)
    head_dir = chest - angles["head"]
    points = {"mid": mid, "head": shoulder_c + (L["neck"] + L["head"] / 2) * direction(head_dir)}
    if view == "front":
        left_low = _left(direction(angles["trunk"]))
        left_high = _left(direction(chest))
        hips = (hip_c + L["hip_width"] / 2 * left_low, hip_c - L["hip_width"] / 2 * left_low)
        shoulders = (
            shoulder_c + L["shoulder_width"] / 2 * left_high,
            shoulder_c - L["shoulder_width"] / 2 * left_high,
        )
        points.update(pelvis=hip_c, neck=shoulder_c)
    else:
        hips, shoulders = (hip_c, hip_c), (shoulder_c, shoulder_c)
    for side, suffix in enumerate(("", "2")):
        a = {name: angles[name + suffix] for name in LIMBS}
        hip, shoulder = hips[side], shoulders[side]
        knee = hip + L["thigh"] * direction(a["thigh"])
        ankle = knee + L["shin"] * direction(a["shin"])
        heel, toe = _sole(ankle, a["foot"], view, left=side == 0)
        elbow = shoulder + L["upper_arm"] * direction(a["arm"])
        wrist = elbow + L["forearm"] * direction(a["forearm"])
        hand = wrist + L["hand"] / 2 * direction(a["forearm"])
        for name, value in {
            "hip": hip,
            "shoulder": shoulder,
            "knee": knee,
            "ankle": ankle,
            "heel": heel,
            "toe": toe,
            "elbow": elbow,
            "wrist": wrist,
            "hand": hand,
        }.items():
            points[name + suffix] = value
    return points


def _left(up: np.ndarray) -> np.ndarray:
    """The figure's left, seen from the front, for a trunk pointing along ``up``."""
    return np.array([up[1], -up[0]])


def _sole(ankle, foot_deg, view, left):
    """Heel and toe (side view), or the outer and inner edge of the sole (front view)."""
    along = direction(foot_deg)
    up = np.array([-along[1], along[0]])
    if view == "side":
        heel = ankle - LENGTH["ankle_height"] * up - HEEL_TO_ANKLE * LENGTH["foot"] * along
        return heel, heel + LENGTH["foot"] * along
    # Front view: the sole runs across the body; ``along`` points to the figure's left.
    if not left:
        up = -up
    base = ankle - LENGTH["ankle_height"] * up
    half = LENGTH["foot_width"] / 2 * along
    return (base + half, base - half) if left else (base - half, base + half)


def joint_angles(angles: dict, view: str = "side") -> dict[str, float]:
    """The anatomical joint angles [deg] of a pose, named as in :data:`ROM_DEG`.

    Side view: ``hip_flexion = thigh − (trunk − 180)``, ``knee_flexion = thigh − shin``,
    ``ankle_dorsiflexion = foot − shin − 90``, ``shoulder_flexion = arm − (chest − 180)``,
    ``elbow_flexion = forearm − arm`` (each limb; ``…2`` for the far one), ``spine_flexion``,
    ``neck_flexion``. Front view: the same differences read as abduction, inversion and side
    bend; the right limbs are the left ones mirrored (every angle negated), so a right thigh
    at −20 is abducted 20; the knee and elbow keep their flexion, unsigned.

    Examples
    --------
    >>> from helpers.body import STANDING, joint_angles
    >>> joint_angles(STANDING)["knee_flexion"]
    0.0
    """
    _check_angles(angles, view)
    chest = angles["trunk"] - angles["spine"]
    out = {}
    front = view == "front"
    out["spine_side_bend" if front else "spine_flexion"] = float(angles["spine"])
    out["neck_flexion"] = 0.0 if front else float(angles["head"])
    for suffix in ("", "2"):
        # The right limbs seen from the front are the left ones mirrored: every angle negated.
        sign = -1.0 if front and suffix == "2" else 1.0
        a = {name: sign * angles[name + suffix] for name in LIMBS}
        trunk, high = sign * angles["trunk"], sign * chest
        hip = _wrap(a["thigh"] - (trunk - 180.0))
        knee = _wrap(a["thigh"] - a["shin"])
        ankle = _wrap(a["foot"] - a["shin"] - 90.0)
        shoulder = _wrap(a["arm"] - (high - 180.0))
        elbow = _wrap(a["forearm"] - a["arm"])
        if front:
            knee, elbow = abs(knee), abs(elbow)
        names = (
            ("hip_abduction", "knee_flexion", "ankle_inversion", "shoulder_abduction")
            if front
            else ("hip_flexion", "knee_flexion", "ankle_dorsiflexion", "shoulder_flexion")
        )
        for name, value in zip(names, (hip, knee, ankle, shoulder), strict=True):
            out[name + suffix] = round(value, 6)
        out["elbow_flexion" + suffix] = round(elbow, 6)
    return out


def rom_problems(angles: dict, view: str = "side", weight_bearing=()) -> list[str]:
    """The joint angles of a pose that leave the normal range of motion (:data:`ROM_DEG`).

    Parameters
    ----------
    angles : dict
        As for :func:`figure_points`.
    view : {"side", "front"}
    weight_bearing : collection of str
        Ankles carrying weight (``"ankle"``, ``"ankle2"``): their dorsiflexion may reach
        :data:`WEIGHT_BEARING_DORSIFLEXION_DEG`.

    Returns
    -------
    list of str
        One sentence per joint out of range, empty when every joint is inside.

    Examples
    --------
    >>> from helpers.body import STANDING, rom_problems
    >>> rom_problems({**STANDING, "shin": 60.0, "foot": 150.0})  # the knee bent backwards
    ['knee_flexion is -60 deg, outside the normal 0 to 135 deg']
    """
    problems = []
    for name, value in joint_angles(angles, view).items():
        joint = name.rstrip("2")
        low, high = ROM_DEG[joint]
        side = "ankle2" if name.endswith("2") else "ankle"
        if joint == "ankle_dorsiflexion" and side in weight_bearing:
            high = WEIGHT_BEARING_DORSIFLEXION_DEG
        if not low - 0.5 <= value <= high + 0.5:
            problems.append(
                f"{name} is {value:.0f} deg, outside the normal {low:.0f} to {high:.0f} deg"
            )
    return problems


def centre_of_mass(angles: dict, view: str = "side") -> np.ndarray:
    """The whole body's centre of mass ``(x, y)`` [H], the hips at the origin.

    Each segment's mass sits at its Dempster centre of mass (:data:`MASS`); the result is
    ``Σ m_i r_i / Σ m_i`` (the fractions sum to 1).

    Examples
    --------
    >>> from helpers.body import STANDING, centre_of_mass, figure_points
    >>> p = figure_points(STANDING)
    >>> round(float(centre_of_mass(STANDING)[1] - p["heel"][1]), 2)  # just above the hips (0.530 H)
    0.58
    """
    p = figure_points(angles, view)
    chest_base = p["pelvis"] if view == "front" else p["hip"]
    neck = p["neck"] if view == "front" else p["shoulder"]
    parts = [
        ("trunk_low", chest_base, p["mid"]),
        ("trunk_high", p["mid"], neck),
        ("head", p["head"], p["head"]),
    ]
    for s in ("", "2"):
        foot_mid = (p["heel" + s] + p["toe" + s]) / 2
        parts += [
            ("thigh", p["hip" + s], p["knee" + s]),
            ("shin", p["knee" + s], p["ankle" + s]),
            ("foot", foot_mid, foot_mid),
            ("upper_arm", p["shoulder" + s], p["elbow" + s]),
            ("forearm", p["elbow" + s], p["wrist" + s]),
            ("hand", p["wrist" + s], 2 * p["hand" + s] - p["wrist" + s]),
        ]
    total = np.zeros(2)
    for name, start, end in parts:
        mass, along = MASS[name]
        total += mass * (start + along * (end - start))
    return total / sum(MASS[name][0] for name, _, _ in parts)


#: The anatomical position seen from the side: upright, arms by the sides, feet forward.
STANDING = {
    "trunk": 180.0,
    "spine": 0.0,
    "head": 0.0,
    **{name: 0.0 for name in ("thigh", "shin", "arm", "forearm")},
    "foot": 90.0,
    **{f"{name}2": 0.0 for name in ("thigh", "shin", "arm", "forearm")},
    "foot2": 90.0,
}
