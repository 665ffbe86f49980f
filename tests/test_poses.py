"""The drawings of the exercises: the figure model, the pose table, its plausibility checks (each
shown to fail on a broken pose), the SVG, the cards, the warm-up and the gym sheet."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

from helpers import body, poses
from helpers.exercises import load_exercises
from helpers.figures import cards
from helpers.figures.drawings import pose_pair_svg
from helpers.mobility import load_mobility
from helpers.warmup import load_warmup, session_exercise_ids

LIBRARY = load_exercises()
MOBILITY = load_mobility()
WARMUP = load_warmup()
POSES = poses.load_poses()
HEADER = ",".join(poses.COLUMNS)
STAND = "180,0,0,0,0,90,0,0,,,,,"
FEET = "heel:floor;toe:floor"


# ------------------------------------------------------------------ the figure model (Winter)
def test_standing_figure_has_winters_landmark_heights():
    # Winter (2009) Fig. 4.1: shoulder 0.818 H, chin 0.870 H, top of the head 1.000 H above the
    # sole; the hip (greater trochanter) 0.530 H, the knee 0.285 H, the ankle 0.039 H.
    p = body.figure_points(body.STANDING)
    sole = p["heel"][1]
    for name, height in {"hip": 0.530, "knee": 0.285, "ankle": 0.039, "shoulder": 0.818}.items():
        assert p[name][1] - sole == pytest.approx(height, abs=1e-9), name
    top = p["head"][1] + body.LENGTH["head"] / 2 - sole
    assert top == pytest.approx(1.0, abs=1e-9)
    assert p["toe"][0] - p["heel"][0] == pytest.approx(0.152)  # foot length 0.152 H


def test_segment_masses_are_dempsters_and_sum_to_one():
    # Winter Table 4.1: hand .006, forearm .016, upper arm .028, foot .0145, leg .0465,
    # thigh .100, head and neck .081, trunk .497.
    limbs = sum(body.MASS[n][0] for n in ("hand", "forearm", "upper_arm", "foot", "shin", "thigh"))
    assert limbs == pytest.approx(0.006 + 0.016 + 0.028 + 0.0145 + 0.0465 + 0.100)
    trunk = body.MASS["trunk_low"][0] + body.MASS["trunk_high"][0]
    assert trunk == pytest.approx(0.497)
    assert 2 * limbs + trunk + body.MASS["head"][0] == pytest.approx(1.0)


def test_centre_of_mass_of_a_standing_figure_is_just_above_the_hips():
    # An upright adult's centre of mass lies a little above the hip joints (0.53 H), close to
    # 55–58 % of height; the model's arms hang, so it must sit on the body's midline.
    p = body.figure_points(body.STANDING)
    com = body.centre_of_mass(body.STANDING)
    assert 0.54 <= com[1] - p["heel"][1] <= 0.60
    assert com[0] == pytest.approx(p["hip"][0], abs=0.01)


def test_joint_angles_of_a_hand_drawn_pose():
    # Trunk upright, thigh horizontal, shin vertical, foot flat: hip 90, knee 90, ankle 0.
    pose = {**body.STANDING, "thigh": 90.0, "foot": 90.0, "arm": 90.0, "forearm": 180.0}
    angles = body.joint_angles(pose)
    assert angles["hip_flexion"] == 90 and angles["knee_flexion"] == 90
    assert angles["ankle_dorsiflexion"] == 0
    assert angles["shoulder_flexion"] == 90 and angles["elbow_flexion"] == 90
    # Mirrored in the front view: a right thigh at -20 deg is abducted 20 deg, like a left at +20.
    front = {**body.STANDING, "thigh": 20.0, "thigh2": -20.0, "foot2": -90.0}
    angles = body.joint_angles(front, "front")
    assert angles["hip_abduction"] == angles["hip_abduction2"] == 20


def test_rom_limits_are_the_aaos_values():
    assert body.ROM_DEG["knee_flexion"] == (0, 135)
    assert body.ROM_DEG["hip_flexion"] == (-30, 120)
    assert body.ROM_DEG["ankle_dorsiflexion"] == (-50, 20)
    assert body.ROM_DEG["shoulder_flexion"] == (-60, 180)
    assert body.rom_problems(body.STANDING) == []


def test_bad_angles_are_refused():
    with pytest.raises(ValueError, match="angles\\['knee'\\]|missing"):
        body.figure_points({"trunk": 180.0})
    with pytest.raises(ValueError, match="finite"):
        body.figure_points({**body.STANDING, "shin": float("nan")})
    with pytest.raises(ValueError, match="view"):
        body.figure_points(body.STANDING, "top")


# ------------------------------------------------------------------ the pose table
def drawn_ids():
    return sorted(set(POSES.index.get_level_values("id")))


def test_every_exercise_and_mobility_pose_has_a_start_and_an_end():
    wanted = set(LIBRARY["id"]) | set(MOBILITY["id"]) | set(WARMUP["drawing"]) - {""}
    missing = [
        (i, phase)
        for i in sorted(wanted)
        for phase in poses.PHASES
        if (i, phase) not in POSES.index
    ]
    assert not missing
    unknown = set(drawn_ids()) - wanted
    assert not unknown, f"poses of nothing in the libraries: {unknown}"


def _pattern(item_id):
    rows = LIBRARY[LIBRARY["id"] == item_id]
    if rows.empty:
        return None, True
    return rows.iloc[0]["pattern"], bool(rows.iloc[0]["unilateral"])


@pytest.mark.parametrize("item_id", drawn_ids())
def test_every_pose_could_happen(item_id):
    pattern, unilateral = _pattern(item_id)
    for phase in poses.PHASES:
        problems = poses.pose_problems(POSES.loc[(item_id, phase)], pattern, unilateral)
        assert not problems, f"{item_id} {phase}: {problems}"


def test_held_positions_are_checked_for_balance():
    # Isometric exercises and the start and end of squats and hinges are held positions: their
    # balance may not be switched off in the table.
    held = LIBRARY[(LIBRARY["kind"] == "isometric") | LIBRARY["pattern"].isin(["squat", "hinge"])]
    swings = {"kettlebell_swing"}  # a ballistic hinge, caught in motion
    for item_id in set(held["id"]) - swings:
        for phase in poses.PHASES:
            assert POSES.loc[(item_id, phase), "balance"] == "yes", (item_id, phase)


def test_every_exercise_shows_its_equipment():
    for row in LIBRARY.itertuples():
        drawn = set()
        for phase in poses.PHASES:
            pose = POSES.loc[(row.id, phase)]
            drawn |= {kind for kind, _, _ in pose["props"]}
            drawn |= {surface for _, surface in pose["contacts"]}
        needs = {"machine": "pad", "pullup_bar": "bar", "bench": "bench", "box": "box"}
        for item in set(row.equipment) - {"none", "cable"}:
            assert needs.get(item, item) in drawn, f"{row.id} does not draw its {item}"


def load_fixture(tmp_path, *rows):
    path = tmp_path / "poses.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return poses.load_poses(path)


def problems_of(table, item="x", pattern=None, unilateral=True):
    return poses.pose_problems(table.loc[(item, "start")], pattern, unilateral)


# Broken poses: each plausibility check must fail on its own fixture.
BROKEN = {
    "a knee bent backwards": (
        f"x,start,side,180,0,0,0,60,150,0,0,,,,,,{FEET},,yes,",
        "knee_flexion",
    ),
    "a foot said to be on the floor but lifted": (
        f"x,start,side,180,0,0,0,0,90,0,0,45,-45,90,,,{FEET};heel2:floor,,moving,",
        "heel2 should be on the floor",
    ),
    "a foot through the floor": (
        "x,start,side,180,0,0,0,0,90,0,0,30,-30,90,,,toe2:floor,,moving,",
        "heel is 0.07 H below the floor",
    ),
    "a figure leaning over its toes": (
        f"x,start,side,100,0,0,0,0,90,10,10,,,,,,{FEET},,yes,",
        "centre of mass",
    ),
    "a barbell far in front of the feet": (
        f"x,start,side,180,0,0,0,0,90,90,90,,,,,,{FEET},barbell@hand,yes,",
        "barbell",
    ),
    "a wall that is not flat": (
        f"x,start,side,170,0,0,0,0,90,0,0,,,,,,{FEET};shoulder:wall;knee:wall,,yes,",
        "on the wall are",
    ),
    "a box step that misses the box": (
        f"x,start,side,{STAND},heel:box;toe:box;toe2:floor,,yes,",
        "toe2 should",
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_check_fails_on_a_broken_pose(tmp_path, name):
    row, expected = BROKEN[name]
    found = problems_of(load_fixture(tmp_path, row))
    assert any(expected in problem for problem in found), found


def test_a_two_sided_lift_with_different_sides_fails(tmp_path):
    table = load_fixture(tmp_path, f"x,start,side,180,0,0,0,0,90,0,0,20,-20,90,0,0,{FEET},,moving,")
    assert any("two-sided" in p for p in problems_of(table, pattern="squat", unilateral=False))
    assert not any("two-sided" in p for p in problems_of(table, pattern="lunge", unilateral=True))


def test_a_plausible_fixture_passes(tmp_path):
    assert problems_of(load_fixture(tmp_path, f"x,start,side,{STAND},{FEET},,yes,")) == []


@pytest.mark.parametrize(
    "row, column",
    [
        (f"x,middle,side,{STAND},{FEET},,yes,", "phase"),
        (f"x,start,top,{STAND},{FEET},,yes,", "view"),
        ("x,start,side,180,0,0,bent,0,90,0,0,,,,,," + FEET + ",,yes,", "thigh"),
        (f"x,start,side,{STAND},heel:lava,,yes,", "contacts"),
        (f"x,start,side,{STAND},,,yes,", "contacts"),
        (f"x,start,side,{STAND},{FEET},anvil@hand,yes,", "props"),
        (f"x,start,side,{STAND},{FEET},,maybe,", "balance"),
    ],
)
def test_bad_rows_name_the_file_line_and_column(tmp_path, row, column):
    with pytest.raises(ValueError, match=rf"poses.csv, line 2, column '{column}'"):
        load_fixture(tmp_path, row)


def test_a_repeated_pose_is_refused(tmp_path):
    row = f"x,start,side,{STAND},{FEET},,yes,"
    with pytest.raises(ValueError, match="duplicate"):
        load_fixture(tmp_path, row, row)


# ------------------------------------------------------------------ the SVG
def test_svg_is_accessible_deterministic_and_rounded():
    svg = pose_pair_svg("squat", "Bodyweight squat")
    assert svg == pose_pair_svg("squat", "Bodyweight squat")
    assert 'role="img"' in svg and 'aria-label="Bodyweight squat: drawing' in svg
    assert "<title>Bodyweight squat: drawing of the start and end positions</title>" in svg
    assert " id=" not in svg and "<script" not in svg
    numbers = re.findall(r"\d+\.\d+", svg)  # every coordinate, rounded to 0.1 px
    assert len(numbers) > 50 and all(len(n.split(".")[1]) == 1 for n in numbers)
    assert svg.count(">start<") == svg.count(">end<") == 1


def test_svg_of_an_unknown_id_is_refused():
    with pytest.raises(ValueError, match="no start and end pose"):
        pose_pair_svg("moonwalk")
    with pytest.raises(ValueError, match="scale"):
        pose_pair_svg("squat", scale=9)


# ------------------------------------------------------------------ cards, warm-up, gym sheet
def test_exercise_card_shows_the_drawing_beside_the_cues():
    card = cards.exercise_card(LIBRARY, "goblet_squat")
    html = card._repr_html_()
    assert 'data-exercise="goblet_squat"' in html and "<svg" in html
    assert "Hold the weight against the chest." in html
    assert str(card).startswith("Goblet squat (")


def test_ladder_draws_each_step_in_order():
    html = cards.ladder(LIBRARY, "calf_raise")._repr_html_()
    names = ["Calf raise", "Single-leg calf raise", "Weighted single-leg calf raise"]
    positions = [html.index(f"<figcaption>{n}</figcaption>") for n in names]
    assert positions == sorted(positions) and html.count("<svg") == 3
    assert "then: Heavier dumbbell" in html


def test_warmup_follows_ramp_and_every_step_is_drawn_or_said():
    assert list(dict.fromkeys(WARMUP["part"])) == ["raise", "activate", "mobilise", "potentiate"]
    assert 10 <= WARMUP["minutes"].sum() <= 15
    html = cards.warmup_card()._repr_html_()
    assert html.count("<svg") == (WARMUP["drawing"] != "").sum()


@pytest.fixture(scope="module")
def plan():
    from helpers.plans import PlanSpec, build_plan

    spec = PlanSpec(
        race_date=dt.date(2027, 5, 2), today=dt.date(2027, 1, 4), equipment="home", level="beginner"
    )
    return build_plan(spec)


def test_gym_sheet_of_a_planned_session(plan):
    strength = plan.sessions[plan.sessions["kind"] == "strength"]
    for _, session in strength.iterrows():
        ids = session_exercise_ids(session, LIBRARY)
        assert len(ids) == len(session["exercises"]) - sum(
            line.startswith("RAMP warm-up") for line in session["exercises"]
        )
    session = strength.iloc[0]
    sheet = cards.session_gym_sheet(session, LIBRARY)._repr_html_()
    for exercise_id in session_exercise_ids(session, LIBRARY):
        assert f'data-exercise="{exercise_id}"' in sheet
    assert "RAMP warm-up" in sheet


def test_session_ids_prefer_the_plans_column_and_refuse_unknown_lines():
    session = {"kind": "strength", "exercises": ("Squat of doom 3×5",), "exercise_ids": []}
    with pytest.raises(ValueError, match="Squat of doom"):
        session_exercise_ids(session, LIBRARY)
    session = {"kind": "strength", "exercises": (), "exercise_ids": ["plank", "squat"]}
    assert session_exercise_ids(session, LIBRARY) == ["plank", "squat"]
    session = {
        "kind": "strength",
        "exercises": ("RAMP warm-up, 13 min", "Single-leg calf raise 3×12", "Calf raise 3×15"),
    }
    assert session_exercise_ids(session, LIBRARY) == ["single_leg_calf_raise", "calf_raise"]
    with pytest.raises(ValueError, match="strength"):
        session_exercise_ids({"kind": "run", "exercises": ()}, LIBRARY)


def test_gym_sheet_needs_one_dose_per_exercise():
    with pytest.raises(ValueError, match="one dose per exercise"):
        cards.gym_sheet(LIBRARY, ["plank", "squat"], ["3×30 s"])


def test_poses_of_mirrored_front_view_fill_the_right_side(tmp_path):
    table = load_fixture(tmp_path, f"x,start,front,180,0,0,10,10,100,5,5,,,,,,{FEET},,yes,")
    pose = table.loc[("x", "start")]
    assert pose["thigh2"] == -10 and pose["foot2"] == -100
    p = poses.place_pose(pose)["points"]
    middle = p["pelvis"][0]
    assert np.isclose(p["knee"][1], p["knee2"][1])
    assert np.isclose(p["knee"][0] - middle, middle - p["knee2"][0])
    assert isinstance(pose, pd.Series)


def test_readme_documents_the_pose_and_warmup_columns():
    from helpers import DATA_DIR
    from helpers.warmup import COLUMNS as WARMUP_COLUMNS

    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "## data/poses.csv" in readme and "## data/warmup.csv" in readme
    for column in (*poses.COLUMNS[:6], "contacts", "props", "balance", "arrow", *WARMUP_COLUMNS):
        assert f"`{column}`" in readme, column
