"""Tests for helpers.exercises: the library file, its checks on load, selection and coverage."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import DATA_DIR
from helpers.exercises import (
    COLUMNS,
    EQUIPMENT,
    EQUIPMENT_PRESETS,
    GROUPS,
    KINDS,
    LEVELS,
    MUSCLES,
    PATTERNS,
    display_table,
    exercise_card,
    load_exercises,
    muscle_coverage,
    progression_chain,
    select_exercises,
)

LIBRARY = load_exercises()
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")

# The exercises the course brief names, by group, and the ones a runner's programme needs.
SEED = {
    "core": ["plank", "russian_twist", "mountain_climber"],
    "glutes": ["squat", "lunge", "hip_thrust", "step_up"],
    "legs": ["deadlift", "leg_press", "calf_raise", "hamstring_curl"],
}
ALSO_REQUIRED = [
    "bulgarian_split_squat",
    "single_leg_rdl",
    "single_leg_calf_raise",
    "pistol_squat_to_box",
    "pogo_hop",
    "box_jump",
    "bounding",
    "skater_hop",
    "depth_jump",
    "pallof_press",
    "side_plank",
    "dead_bug",
    "bird_dog",
    "copenhagen_plank",
    "banded_lateral_walk",
    "clamshell",
    "tibialis_raise",
    "nordic_curl",
    "dumbbell_row",
    "push_up",
]


# --- the library file ------------------------------------------------------------------


def test_library_loads_with_enough_exercises():
    assert list(LIBRARY.columns) == list(COLUMNS)
    assert len(LIBRARY) >= 40
    assert LIBRARY["id"].is_unique


def test_library_is_valid_csv_with_fixed_columns():
    with (DATA_DIR / "exercises.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert {len(row) for row in rows} == {len(COLUMNS)}


def test_seed_exercises_present_in_their_groups():
    groups = LIBRARY.set_index("id")["group"]
    for group, ids in SEED.items():
        for exercise_id in ids:
            assert groups[exercise_id] == group, exercise_id


def test_runner_specific_exercises_present():
    assert set(ALSO_REQUIRED) <= set(LIBRARY["id"])
    assert LIBRARY.set_index("id").loc["depth_jump", "level"] == "advanced"


def test_every_group_has_exercises():
    assert set(LIBRARY["group"]) == set(GROUPS)


def test_column_vocabularies():
    assert LIBRARY["id"].map(lambda value: bool(SNAKE.match(value))).all()
    assert set(LIBRARY["group"]) <= set(GROUPS)
    assert set(LIBRARY["kind"]) <= set(KINDS)
    assert set(LIBRARY["level"]) <= set(LEVELS)
    assert set(LIBRARY["pattern"]) <= set(PATTERNS)
    assert LIBRARY["unilateral"].dtype == bool
    for column in ("primary_muscles", "secondary_muscles", "equipment"):
        assert LIBRARY[column].map(type).eq(tuple).all(), column
    assert LIBRARY["primary_muscles"].map(len).gt(0).all()
    for column in ("primary_muscles", "secondary_muscles"):
        assert set().union(*LIBRARY[column]) <= set(MUSCLES)
    assert set().union(*LIBRARY["equipment"]) <= set(EQUIPMENT)
    with_none = LIBRARY["equipment"].map(lambda items: "none" in items)
    assert LIBRARY.loc[with_none, "equipment"].map(len).eq(1).all()


def test_text_columns_filled_and_links_resolve():
    for column in ("name", "cues", "faults", "running_benefit"):
        assert LIBRARY[column].str.len().gt(10 if column != "name" else 2).all(), column
    ids = set(LIBRARY["id"])
    for column in ("regression", "progression"):
        links = LIBRARY[column][LIBRARY[column].map(lambda v: bool(SNAKE.match(v)))]
        assert set(links) <= ids
    # A regression never points at the exercise itself.
    assert (LIBRARY["regression"] != LIBRARY["id"]).all()
    assert (LIBRARY["progression"] != LIBRARY["id"]).all()


def test_bilateral_and_unilateral_both_present():
    assert LIBRARY["unilateral"].any() and not LIBRARY["unilateral"].all()


# --- malformed files ---------------------------------------------------------------------

HEADER = ",".join(COLUMNS)
GOOD_A = (
    "squat,Squat,glutes,strength,quadriceps;glutes,core,none,squat,false,beginner,"
    "Sit down.,Knees in.,,goblet_squat,Strong legs."
)
GOOD_B = (
    "goblet_squat,Goblet squat,glutes,strength,quadriceps,,dumbbell,squat,false,intermediate,"
    '"Hold it, sit down.",Weight forward.,squat,Heavier dumbbell,Strong legs.'
)


def write(tmp_path, *lines, name="library.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_minimal_good_file_loads(tmp_path):
    table = load_exercises(write(tmp_path, HEADER, GOOD_A, GOOD_B))
    assert list(table["id"]) == ["squat", "goblet_squat"]
    assert table.loc[1, "cues"] == "Hold it, sit down."  # quoted comma kept
    assert table.loc[1, "secondary_muscles"] == ()
    assert table.loc[0, "equipment"] == ("none",)
    assert table["unilateral"].dtype == bool and not table["unilateral"].any()


def expect_error(path, line, column):
    """load_exercises(path) must fail naming the file, the line and the column."""
    with pytest.raises(ValueError) as info:
        load_exercises(path)
    message = str(info.value)
    assert str(path) in message
    assert f"line {line}" in message
    assert repr(column) in message
    return message


def test_wrong_column_count(tmp_path):
    short = GOOD_A.rsplit(",", 1)[0]  # drop running_benefit
    expect_error(write(tmp_path, HEADER, short), 2, "running_benefit")


def test_unquoted_comma_is_wrong_column_count(tmp_path):
    extra = GOOD_A.replace("Sit down.", "Sit down, stand up.")
    message = expect_error(write(tmp_path, HEADER, GOOD_B, extra), 3, "running_benefit")
    assert "quote" in message


def test_unknown_level(tmp_path):
    bad = GOOD_B.replace("intermediate", "expert")
    message = expect_error(write(tmp_path, HEADER, GOOD_A, bad), 3, "level")
    assert "expert" in message


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [
        ("glutes,strength", "arms,strength", "group"),
        ("strength,quadriceps;", "cardio,quadriceps;", "kind"),
        ("quadriceps;glutes", "quadriceps;quads", "primary_muscles"),
        (",core,none", ",core;neck,none", "secondary_muscles"),
        (",none,squat", ",treadmill,squat", "equipment"),
        (",none,squat", ",none;band,squat", "equipment"),
        ("none,squat,", "none,sit,", "pattern"),
        (",false,", ",maybe,", "unilateral"),
        ("squat,Squat", "Squat,Squat", "id"),
        (",Sit down.,", ",,", "cues"),
        ("goblet_squat,Strong", "goblet_squatt,Strong", "progression"),
    ],
)
def test_bad_value_names_line_and_column(tmp_path, old, new, column):
    assert old in GOOD_A
    bad = GOOD_A.replace(old, new, 1)
    expect_error(write(tmp_path, HEADER, GOOD_B, bad), 3, column)


def test_duplicate_id(tmp_path):
    message = expect_error(write(tmp_path, HEADER, GOOD_A, GOOD_B, GOOD_A), 4, "id")
    assert "line 2" in message  # where the id first appeared


def test_bad_line(tmp_path):
    expect_error(write(tmp_path, HEADER, GOOD_A, "this line is not an exercise", GOOD_B), 3, "name")


def test_blank_lines_are_skipped_and_counted(tmp_path):
    bad = GOOD_B.replace("intermediate", "pro")
    expect_error(write(tmp_path, HEADER, GOOD_A, "", bad), 4, "level")


def test_bad_header(tmp_path):
    header = HEADER.replace("level", "difficulty")
    expect_error(write(tmp_path, header, GOOD_A), 1, "level")


def test_empty_and_header_only_files(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    expect_error(empty, 1, "id")
    expect_error(write(tmp_path, HEADER, name="header.csv"), 2, "id")


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match="path"):
        load_exercises(tmp_path / "nope.csv")


# --- selection -----------------------------------------------------------------------------

equipment_sets = st.sets(st.sampled_from(EQUIPMENT))


@settings(max_examples=60, deadline=None)
@given(available=equipment_sets, level=st.sampled_from(LEVELS))
def test_select_respects_equipment_and_level(available, level):
    chosen = select_exercises(LIBRARY, equipment=available, level=level)
    allowed = set(available) | {"none"}
    assert chosen["equipment"].map(lambda items: set(items) <= allowed).all()
    assert chosen["level"].map(LEVELS.index).le(LEVELS.index(level)).all()
    # Nothing that fits is left out.
    rest = LIBRARY.drop(chosen.index)
    fits = rest["equipment"].map(lambda items: set(items) <= allowed) & rest["level"].map(
        LEVELS.index
    ).le(LEVELS.index(level))
    assert not fits.any()


@settings(max_examples=40, deadline=None)
@given(smaller=equipment_sets, extra=equipment_sets)
def test_more_equipment_never_removes_exercises(smaller, extra):
    few = set(select_exercises(LIBRARY, equipment=smaller)["id"])
    more = set(select_exercises(LIBRARY, equipment=smaller | extra)["id"])
    assert few <= more


def test_select_bodyweight_and_presets():
    bodyweight = select_exercises(LIBRARY, equipment=set())
    assert bodyweight["equipment"].map(lambda items: items == ("none",)).all()
    assert {"plank", "squat", "calf_raise", "pogo_hop"} <= set(bodyweight["id"])
    home = select_exercises(LIBRARY, equipment="home")
    assert "goblet_squat" in set(home["id"]) and "deadlift" not in set(home["id"])
    assert len(select_exercises(LIBRARY, equipment="gym")) == len(LIBRARY)
    assert EQUIPMENT_PRESETS["gym"] == set(EQUIPMENT)


def test_select_group_kind_and_lists():
    core = select_exercises(LIBRARY, group="core")
    assert set(core["group"]) == {"core"} and "plank" in set(core["id"])
    two = select_exercises(LIBRARY, group=["core", "legs"], kind="power")
    assert set(two["group"]) == {"legs"} and set(two["kind"]) == {"power"}
    assert len(select_exercises(LIBRARY)) == len(LIBRARY)
    beginner = select_exercises(LIBRARY, level="beginner")
    assert set(beginner["level"]) == {"beginner"}


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"group": "arms"}, "group"),
        ({"group": []}, "group"),
        ({"kind": "cardio"}, "kind"),
        ({"level": "expert"}, "level"),
        ({"equipment": "hotel"}, "equipment"),
        ({"equipment": {"dumbbell", "rower"}}, "equipment"),
        ({"equipment": 3}, "equipment"),
    ],
)
def test_select_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        select_exercises(LIBRARY, **kwargs)


@pytest.mark.parametrize("bad", [None, "plank", pd.DataFrame({"id": ["plank"]})])
def test_bad_library_table(bad):
    with pytest.raises(ValueError, match="exercises"):
        select_exercises(bad)
    with pytest.raises(ValueError, match="exercises"):
        muscle_coverage(bad)


# --- coverage ------------------------------------------------------------------------------


def test_muscle_coverage_counts_by_hand():
    # Two rows written above: squat (primary quadriceps, glutes; secondary core) and
    # goblet squat (primary quadriceps; no secondary): quadriceps 2 primary, glutes 1, core 0 + 1.
    rows = pd.DataFrame(
        {
            **{column: ["x", "y"] for column in COLUMNS},
            "primary_muscles": [("quadriceps", "glutes"), ("quadriceps",)],
            "secondary_muscles": [("core",), ()],
        }
    )
    table = muscle_coverage(rows)
    assert list(table.index) == list(MUSCLES)
    assert table.loc["quadriceps"].tolist() == [2, 0]
    assert table.loc["glutes"].tolist() == [1, 0]
    assert table.loc["core"].tolist() == [0, 1]
    assert table.drop(["quadriceps", "glutes", "core"]).eq(0).all().all()


def test_muscle_coverage_of_library_matches_rows():
    table = muscle_coverage(LIBRARY)
    assert table["primary"].sum() == LIBRARY["primary_muscles"].map(len).sum()
    assert table["secondary"].sum() == LIBRARY["secondary_muscles"].map(len).sum()
    # The running muscles the course cares about are all trained as prime movers.
    for muscle in ("quadriceps", "hamstrings", "glutes", "calves", "tibialis", "adductors"):
        assert table.loc[muscle, "primary"] > 0, muscle


# --- progression ladders and cards ---------------------------------------------------------


def test_progression_chain_follows_ids_from_the_file():
    # data/exercises.csv: calf_raise -> single_leg_calf_raise -> weighted_single_leg_calf_raise,
    # whose progression is the plain words "Heavier dumbbell".
    assert progression_chain(LIBRARY, "calf_raise") == [
        "calf_raise",
        "single_leg_calf_raise",
        "weighted_single_leg_calf_raise",
        "Heavier dumbbell",
    ]
    assert progression_chain(LIBRARY, "pistol_squat", "regression")[:3] == [
        "pistol_squat",
        "pistol_squat_to_box",
        "split_squat",
    ]


def test_progression_chain_stops_on_a_loop_and_on_empty():
    rows = pd.DataFrame(
        {
            **{column: ["", "", ""] for column in COLUMNS},
            "id": ["a", "b", "c"],
            "progression": ["b", "a", ""],
        }
    )
    assert progression_chain(rows, "a") == ["a", "b"]
    assert progression_chain(rows, "c") == ["c"]


@settings(max_examples=30, deadline=None)
@given(
    start=st.sampled_from(sorted(LIBRARY["id"])),
    direction=st.sampled_from(["progression", "regression"]),
)
def test_every_ladder_ends_and_its_ids_exist(start, direction):
    chain = progression_chain(LIBRARY, start, direction)
    assert len(chain) == len(set(chain)) and chain[0] == start
    assert all(step in set(LIBRARY["id"]) for step in chain[:-1])


def test_progression_chain_bad_input():
    with pytest.raises(ValueError, match="exercise_id"):
        progression_chain(LIBRARY, "burpee")
    with pytest.raises(ValueError, match="direction"):
        progression_chain(LIBRARY, "plank", "sideways")


def test_exercise_card_shows_every_part():
    card = exercise_card(LIBRARY, "single_leg_rdl")
    lines = card.splitlines()
    assert lines[0] == (
        "Single-leg Romanian deadlift (legs, strength, intermediate, dumbbell, one side at a time)"
    )
    for label in ("Muscles:", "How:", "Faults:", "Easier:", "Harder:", "Why:"):
        assert label in card
    assert "hamstrings, glutes (also hip abductors" in card
    assert max(len(line) for line in lines[1:]) <= 90
    # A linked regression is shown by name.
    assert "Harder:  Hollow hold" in exercise_card(LIBRARY, "plank")


def test_exercise_card_bad_input():
    with pytest.raises(ValueError, match="exercise_id"):
        exercise_card(LIBRARY, "burpee")
    with pytest.raises(ValueError, match="width"):
        exercise_card(LIBRARY, "plank", width=10)
    with pytest.raises(ValueError, match="exercises"):
        exercise_card([], "plank")


def test_display_table_joins_lists():
    table = display_table(LIBRARY, ["name", "equipment", "secondary_muscles"])
    assert list(table.columns) == ["name", "equipment", "secondary_muscles"]
    assert table.loc["hip_thrust", "equipment"] == "barbell, bench"  # from data/exercises.csv
    assert table.loc["leg_extension", "secondary_muscles"] == ""
    assert table.index.name == "id"


def test_display_table_bad_input():
    with pytest.raises(ValueError, match="columns"):
        display_table(LIBRARY, ["colour"])
    with pytest.raises(ValueError, match="exercises"):
        display_table("plank")


def test_every_column_is_documented_in_data_readme():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## data/exercises.csv", 1)[1].split("\n## ", 1)[0]
    for column in COLUMNS:
        assert f"| `{column}` |" in section, column
