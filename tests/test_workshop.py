"""Workshop planning: the lesson map comes from the notebooks; timetables keep their rules."""

import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import NOTEBOOKS
from helpers import workshop


def test_course_map_reads_every_lesson():
    lessons = workshop.course_map()
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    assert list(lessons["lesson"]) == [p.name[:2] for p in paths]
    first = json.loads(paths[0].read_text())
    heading = "".join(first["cells"][0]["source"]).splitlines()[0]
    assert lessons.loc[0, "title"] == heading.removeprefix("# ")
    assert (lessons["minutes"] > 0).all()


def test_course_map_names_an_unreadable_notebook(tmp_path):
    (tmp_path / "01-broken.ipynb").write_text("{ not json")
    with pytest.raises(ValueError, match="01-broken.ipynb"):
        workshop.course_map(tmp_path)


LESSONS = st.lists(st.integers(min_value=5, max_value=60), min_size=1, max_size=9).map(
    lambda minutes: pd.DataFrame(
        {
            "lesson": [f"{i + 1:02d}" for i in range(len(minutes))],
            "title": [f"Lesson {i + 1}" for i in range(len(minutes))],
            "minutes": minutes,
        }
    )
)


@settings(max_examples=100, deadline=None)
@given(
    lessons=LESSONS,
    total=st.integers(min_value=30, max_value=480),
    focus=st.sampled_from(sorted(workshop.FOCUS)),
)
def test_timetable_rules(lessons, total, focus):
    table = workshop.timetable(total, lessons, focus)
    timed = table[table["kind"] != "after"]
    # contiguous from 0 to the end of the workshop
    assert timed["start_min"].iloc[0] == 0 and timed["end_min"].iloc[-1] == total
    assert (timed["start_min"].iloc[1:].to_numpy() == timed["end_min"].iloc[:-1].to_numpy()).all()
    # every lesson is either taught or listed for after the workshop, once
    taught = table.loc[table["kind"].isin(["lesson", "after"]), "block"].str[:2]
    assert sorted(taught) == sorted(lessons["lesson"])
    slots = timed[timed["kind"] == "lesson"]
    length = slots["end_min"] - slots["start_min"]
    estimate = slots["block"].str[:2].map(lessons.set_index("lesson")["minutes"])
    assert (length >= workshop.MIN_LESSON_MIN).all()
    # never more than the estimate (rounded to 5 minutes), never under 60 % of it
    assert (length <= estimate.clip(lower=workshop.MIN_LESSON_MIN) + 2.5).all()
    # no stretch of teaching over 60 minutes unless it is one long lesson
    stretch, longest = 0, 0
    for row in timed.itertuples():
        if row.kind == "lesson":
            stretch += row.end_min - row.start_min
            longest = max(longest, row.end_min - row.start_min)
        else:
            stretch = 0
        assert stretch <= max(workshop.BREAK_EVERY_MIN, longest)


def test_timetable_puts_the_focus_first():
    lessons = pd.DataFrame(
        {"lesson": ["01", "05", "08"], "title": ["A", "B", "C"], "minutes": [20, 20, 20]}
    )
    table = workshop.timetable(60, lessons, "race")
    assert table.loc[table["kind"] == "lesson", "block"].iloc[0].startswith("08")


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"total_min": 20}, "total_min"),
        ({"total_min": 90.5}, "total_min"),
        ({"focus": "cardio"}, "focus"),
        ({"lessons": pd.DataFrame({"lesson": ["01"]})}, "lessons"),
        ({"lessons": pd.DataFrame(columns=["lesson", "title", "minutes"])}, "lessons"),
    ],
)
def test_timetable_bad_input(kwargs, name):
    args = {
        "total_min": 90,
        "lessons": pd.DataFrame({"lesson": ["01"], "title": ["A"], "minutes": [20]}),
        "focus": "full",
    } | kwargs
    with pytest.raises(ValueError, match=name):
        workshop.timetable(**args)


def test_the_opening_and_the_coach_guide_are_not_laid_out():
    lessons = pd.DataFrame(
        {"lesson": ["00", "01", "10"], "title": ["Start", "Why", "Guide"], "minutes": [10, 20, 20]}
    )
    assert list(workshop.timetable(60, lessons)["block"].str[:2]) == ["Op", "01", "Pr", "Wr"]


@settings(max_examples=60, deadline=None)
@given(
    lessons=LESSONS,
    total=st.integers(min_value=30, max_value=480),
    focus=st.sampled_from(sorted(workshop.FOCUS)),
)
def test_a_practice_block_needs_only_lessons_taught(lessons, total, focus):
    table = workshop.timetable(total, lessons, focus)
    taught = set(table.loc[table["kind"] == "lesson", "block"].str[:2])
    needs = {label: code for code, label in workshop.PRACTICE}
    for block in table.loc[table["kind"] == "practice", "block"]:
        assert needs[block] in taught, f"{block!r} needs lesson {needs[block]}, not taught"


def test_the_real_90_minute_strength_workshop_practises_lesson_02():
    table = workshop.timetable(90, workshop.course_map(), focus="strength")
    (practice,) = table.loc[table["kind"] == "practice", "block"]
    assert "lesson 02" in practice and "06" not in practice


@pytest.mark.parametrize("total", [60, 90, 180])
def test_script_tiles_the_session_and_asks_each_lessons_question(total):
    table = workshop.timetable(total, workshop.course_map(), focus="strength")
    steps = workshop.script(table)
    assert steps["start_min"].iloc[0] == 0 and steps["end_min"].iloc[-1] == total
    assert (steps["start_min"].iloc[1:].to_numpy() == steps["end_min"].iloc[:-1].to_numpy()).all()
    assert (steps["end_min"] > steps["start_min"]).all()
    for block in table.loc[table["kind"] == "lesson", "block"]:
        mine = steps[steps["block"] == block]
        assert list(mine["step"]) == ["predict", "move", "discuss"]
        assert workshop.PROMPTS[block[:2]][2] in mine["say"].iloc[0]
        # predict 3 min, discuss 5 min (the script's rule), the model gets the rest
        assert (mine["end_min"] - mine["start_min"]).iloc[[0, 2]].tolist() == [3, 5]


def test_script_refuses_a_table_that_is_not_a_timetable():
    with pytest.raises(ValueError, match="missing columns"):
        workshop.script(pd.DataFrame({"block": ["x"]}))
